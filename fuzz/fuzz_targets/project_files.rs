//! The `project_files` fuzz target: see `tests/fuzz_harness/mod.rs` (project_files).
#![no_main]

#[path = "../../tests/fuzz_harness/mod.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    harness::project_files(data);
});

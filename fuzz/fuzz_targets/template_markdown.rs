//! The `template_markdown` fuzz target: see `tests/fuzz_harness/mod.rs` (template_markdown).
#![no_main]

#[path = "../../tests/fuzz_harness/mod.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    harness::template_markdown(data);
});

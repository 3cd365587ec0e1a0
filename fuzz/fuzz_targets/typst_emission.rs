//! The `typst_emission` fuzz target: see `tests/fuzz_harness/mod.rs` (typst_emission).
#![no_main]

#[path = "../../tests/fuzz_harness/mod.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    harness::typst_emission(data);
});

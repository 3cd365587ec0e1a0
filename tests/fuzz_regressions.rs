//! Replays the minimised fuzz corpus (`tests/fuzz_corpus/<target>/`, kept by
//! `tools/fuzz.sh`) through the fuzz harness under plain `cargo test`, and
//! checks the harness's own Typst checks against the samples and a few
//! planted faults.

#[path = "fuzz_harness/mod.rs"]
mod fuzz_harness;

use std::path::{Path, PathBuf};

/// The files of `tests/fuzz_corpus/<target>/<sub>` (the minimised corpus,
/// `crashes/`: fixed crashes, `open/`: crashes not fixed yet).
fn files(target: &str, sub: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_corpus")
        .join(target)
        .join(sub);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// Runs every corpus file of `target`; fails naming each file that panics,
/// or when no file gets through to the target's last step (the harness
/// would then test nothing).
fn replay(target: &str, subs: &[&str]) {
    let run = fuzz_harness::TARGETS
        .iter()
        .find(|(name, _)| *name == target)
        .map(|(_, f)| *f)
        .unwrap();
    let files: Vec<PathBuf> = subs.iter().flat_map(|s| files(target, s)).collect();
    assert!(!files.is_empty(), "no corpus for {target}");
    let mut failed = Vec::new();
    let mut through = 0;
    for path in &files {
        let input = std::fs::read(path).unwrap();
        match std::panic::catch_unwind(|| run(&input)) {
            Ok(ok) => through += usize::from(ok),
            Err(_) => failed.push(path.display().to_string()),
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} {target} corpus inputs fail (messages above):\n{}",
        failed.len(),
        files.len(),
        failed.join("\n")
    );
    assert!(
        through > 0 || subs == ["open"],
        "none of the {} {target} corpus inputs gets through the loader",
        files.len()
    );
    eprintln!(
        "{target}: {} inputs, {through} through to the last step",
        files.len()
    );
}

#[test]
fn markdown_corpus() {
    replay("markdown", &["", "crashes"]);
}

#[test]
fn template_markdown_corpus() {
    replay("template_markdown", &["", "crashes"]);
}

#[test]
fn project_files_corpus() {
    replay("project_files", &["", "crashes"]);
}

#[test]
fn typst_emission_corpus() {
    replay("typst_emission", &["", "crashes"]);
}

/// Crashes found and not fixed yet (`tests/fuzz_corpus/<target>/open/`): run
/// with `--ignored`; once one passes, move it to `crashes/`.
#[test]
#[ignore]
fn open_crashes() {
    for (target, _) in fuzz_harness::TARGETS {
        if !files(target, "open").is_empty() {
            replay(target, &["open"]);
        }
    }
}

/// The Typst checks accept what nianbao generates for real projects (so the
/// generator's vocabulary is complete)…
#[test]
fn typst_checks_accept_the_samples() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in [
        "tests/fixtures/minimal",
        "docs/example",
        "samples/yunchuan-school",
        "samples/yunchuan-city",
    ] {
        let checked = nianbao::check(&root.join(dir)).unwrap_or_else(|e| panic!("{dir}: {e}"));
        let generated = nianbao::render::typst::generate(&checked.document).unwrap();
        if let Err(e) = fuzz_harness::check_generated(&generated) {
            panic!("{dir}: {e}");
        }
    }
}

/// …and catch user text outside string literals and syntax errors.
#[test]
fn typst_checks_catch_planted_faults() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let checked = nianbao::check(&root.join("tests/fixtures/minimal")).unwrap();
    let clean = nianbao::render::typst::generate(&checked.document).unwrap();
    let main = clean.sources["/main.typ"].clone();
    let at = main.find("#nb-par(").unwrap();
    for (plant, expect) in [
        ("立德树人\n", "Text"),
        ("#leaked-call()\n", "identifier `leaked-call`"),
        ("// a comment from the title\n", "comment"),
        ("/* block */\n", "BlockComment"),
        ("#nb-par[*strong*]\n", "Strong"),
        ("#nb-par(\"unclosed)\n", "does not parse"),
        ("#nb-ref(<Bad Label>, \"x\")\n", "does not parse"),
        ("// @src 99999\n", "comment"),
        ("#include \"/nianbao.typ\"\n", "an include of"),
        ("#include \"/chapters/../x.typ\"\n", "an include of"),
    ] {
        let mut generated = nianbao::render::typst::generate(&checked.document).unwrap();
        let mut text = main.clone();
        text.insert_str(at, plant);
        generated.sources.insert("/main.typ".into(), text);
        let err = fuzz_harness::check_generated(&generated)
            .expect_err(&format!("planted {plant:?} went unnoticed"));
        assert!(
            err.contains(expect),
            "planted {plant:?}: expected a message with {expect:?}, got:\n{}",
            err.lines().next().unwrap_or("")
        );
    }
}

/// Found by the fuzzer (`crashes/xlsx-sparse-used-range`): two cells far apart
/// asked for a 100000 × 1000 grid of blanks (3.2 GB) before any check.
#[test]
fn a_sparse_workbook_is_refused_before_its_grid_is_built() {
    let sheet =
        br#"<sheetData><row><c r="B2"><v>1</v></c><c r="ALL100000"><v>1</v></c></row></sheetData>"#;
    let err = nianbao::load::data::read_xlsx("data/x.xlsx", fuzz_harness::xlsx(sheet, None))
        .expect_err("a used range of 99999 × 999 cells is refused");
    assert_eq!(
        err.to_string(),
        "error: data/x.xlsx [Sheet1]: expected at most 2000000 cells from the first used cell to the last; B2:ALL100000 spans 99899001 (a stray value far from the data?)"
    );
}

/// Found by the fuzzer (`crashes/xlsx-shared-strings-count`): calamine reserved
/// room for the declared count of shared strings (here 51 GB) and the refused
/// allocation aborted the program.
#[test]
fn a_workbook_declaring_too_many_shared_strings_is_refused() {
    let sst = br#"<sst uniqueCount = '0002139614932'><si><t>x</t></si></sst>"#;
    let book = fuzz_harness::xlsx(b"<sheetData></sheetData>", Some(sst));
    let err = nianbao::load::data::read_xlsx("data/x.xlsx", book)
        .expect_err("an impossible count of shared strings is refused");
    assert_eq!(
        err.to_string(),
        "error: data/x.xlsx [xl/sharedStrings.xml]: cannot read the workbook: it declares 2139614932 shared strings in 58 bytes (a damaged file?)"
    );
    // A true count passes.
    let sst = br#"<sst uniqueCount="1"><si><t>x</t></si></sst>"#;
    let book = fuzz_harness::xlsx(b"<sheetData></sheetData>", Some(sst));
    nianbao::load::data::read_xlsx("data/x.xlsx", book).unwrap();
}

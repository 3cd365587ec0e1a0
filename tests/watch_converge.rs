//! `nianbao watch` starts Typst's layout loop from its last build's pages.
//! That must save passes, and must never change the result: after each edit
//! the watch PDF is byte for byte the PDF a fresh build makes (without the
//! tag tree, which watch leaves out and `build` writes).

mod common;

use common::*;
use nianbao::watch::{WatchOptions, Watcher};

/// A fresh build's PDF, without the tag tree as in watch.
fn fresh_pdf(dir: &std::path::Path) -> Vec<u8> {
    let checked = nianbao::check(dir).unwrap_or_else(|e| panic!("{e}"));
    let settings = nianbao::render::typst::PdfSettings {
        untagged: true,
        ..Default::default()
    };
    nianbao::build_pdf_for(&checked, fonts(), settings)
        .unwrap_or_else(|e| panic!("{e}"))
        .0
}

/// Whether a PDF has a tag tree (a `StructTreeRoot` in its catalogue).
fn tagged(pdf: &[u8]) -> bool {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.catalog().unwrap().has(b"StructTreeRoot")
}

#[test]
fn watch_builds_from_its_last_pages_the_pdf_a_fresh_build_makes() {
    let dir = temp_copy(&root().join("samples/yunchuan-city"), "converge");
    let mut w = Watcher::new(
        &dir,
        WatchOptions {
            out: dir.join("out"),
            pdf: true,
            docx: false,
            allow_errors: false,
            settings: Default::default(),
            fonts: fonts(),
        },
    )
    .unwrap();
    let first = w.compile().unwrap_or_else(|e| panic!("{e}"));
    let cold = w.live().passes().unwrap();
    assert!(cold.settled, "{cold:?}");
    let first = first.pdf.unwrap();
    assert!(!tagged(&first), "watch writes no tag tree");
    assert!(tagged(&build(&dir).1), "build writes the tag tree");
    assert!(first == fresh_pdf(&dir), "first watch build");

    let chapter = "chapters/01-rencai.md";
    let original = std::fs::read_to_string(dir.join(chapter)).unwrap();
    let paragraph = original
        .lines()
        .find(|l| l.starts_with("全市各职业学校坚持"))
        .expect("a paragraph of the first chapter")
        .to_string();
    // A sentence added (the chapter grows by a line or two), then a long
    // passage (every later page moves on), then the original back.
    let edits = [
        original.replacen(
            &paragraph,
            &format!("{paragraph}各学校据此修订了德育工作计划。"),
            1,
        ),
        original.replacen(
            &paragraph,
            &format!(
                "{paragraph}\n\n{}",
                "补充说明一段较长的工作情况。".repeat(120)
            ),
            1,
        ),
        original.clone(),
    ];
    for (i, text) in edits.iter().enumerate() {
        std::fs::write(dir.join(chapter), text).unwrap();
        let built = w.compile().unwrap_or_else(|e| panic!("edit {i}: {e}"));
        let warm = w.live().passes().unwrap();
        assert!(warm.settled, "edit {i}: {warm:?}");
        if i == 0 {
            assert!(
                warm.count < cold.count,
                "a one-sentence edit took {} passes, a fresh build {}",
                warm.count,
                cold.count
            );
        }
        assert!(
            built.pdf.unwrap() == fresh_pdf(&dir),
            "edit {i}: the watch PDF differs from a fresh build's"
        );
    }
}

//! The layout spec (`templates/house/<name>.toml`) drives both outputs: a
//! value changed in a project's copy changes the PDF and the DOCX alike.

mod common;

use common::docx::part;
use common::*;
use std::path::Path;

/// The project's own copy of its house style with `edit` applied.
fn with_house(dir: &Path, name: &str, edit: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(root().join("templates/house").join(name)).unwrap();
    std::fs::create_dir_all(dir.join("templates/house")).unwrap();
    std::fs::write(dir.join("templates/house").join(name), edit(text)).unwrap();
}

#[test]
fn a_changed_spec_changes_both_outputs() {
    let dir = temp_copy(&root().join("samples/yunchuan-school"), "spec");
    // The appendix title comes from the spec when report.json names none.
    let report = std::fs::read_to_string(dir.join("report.json")).unwrap();
    let report: serde_json::Value = serde_json::from_str(&report).unwrap();
    assert!(report["appendix"].get("title").is_none());
    with_house(&dir, "report.toml", |t| {
        t.replace("separator = \"　\"", "separator = \"：\"")
            .replace("appendix = \"附表\"", "appendix = \"附件　质量指标\"")
            .replace("contents = \"目　录\"", "contents = \"目　次\"")
            .replace(
                "[[headings]]\nfont = \"hei\"\nsize_pt = 14",
                "[[headings]]\nfont = \"hei\"\nsize_pt = 18",
            )
    });
    let (checked, pdf) = build(&dir);
    assert_eq!(checked.document.house.headings[0].size_pt, 18.0);
    let text = compact(&pages_text(&pdf).concat());
    assert!(text.contains("附件质量指标"), "appendix title in the PDF");
    assert!(text.contains("目次"), "contents title in the PDF");
    assert!(
        text.contains("图1：") && text.contains("表1："),
        "separator in the PDF"
    );

    let docx = nianbao::build_docx(&checked).unwrap();
    let doc = part(&docx, "word/document.xml");
    assert!(doc.contains("附件　质量指标"), "appendix title in the DOCX");
    assert!(doc.contains("目　次"), "contents title in the DOCX");
    assert!(doc.contains(">："), "separator in the DOCX");
    let styles = part(&docx, "word/styles.xml");
    let h2 = styles.split("w:styleId=\"Heading2\"").nth(1).unwrap();
    let h2 = &h2[..h2.find("</w:style>").unwrap()];
    assert!(
        h2.contains("<w:sz w:val=\"36\"/>"),
        "Heading 2 at 18 pt: {h2}"
    );
    let generated = nianbao::render::typst::generate(&checked.document).unwrap();
    assert!(generated.sources["/style.typ"].contains("(font: \"hei\", size: 18pt, bold: false)"));
}

#[test]
fn a_broken_spec_names_the_file_and_key() {
    let dir = temp_copy(&root().join("tests/fixtures/minimal"), "spec-bad");
    with_house(&dir, "gongwen.toml", |t| {
        t.replace("fill = \"#f3f6fa\"", "fill = \"blue\"")
    });
    let err = nianbao::check(&dir).err().expect("an error").to_string();
    assert!(
        err.contains("templates/house/gongwen.toml") && err.contains("case_box.fill"),
        "{err}"
    );
    with_house(&dir, "gongwen.toml", |t| {
        t.replace("table_pt = 12", "table_pt = \"big\"")
    });
    let err = nianbao::check(&dir).err().expect("an error").to_string();
    assert!(
        err.contains("templates/house/gongwen.toml") && err.contains("table_pt"),
        "{err}"
    );
}

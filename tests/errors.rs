//! Bad input gets one clear message naming the file and line or field, the
//! command fails, and no output file is written (or an earlier one survives).

mod common;

use common::*;
use std::path::PathBuf;

fn fixture() -> PathBuf {
    temp_copy(&root().join("tests/fixtures/minimal"), "err")
}

#[test]
fn the_fixture_itself_builds() {
    let dir = fixture();
    let (ok, err, written) = run_build_pdf(&dir);
    assert!(ok && written, "{err}");
}

#[test]
fn broken_json_names_line_and_column() {
    let dir = fixture();
    edit(&dir, "report.json", |s| {
        s.replace("\"year\": 2025,", "\"year\": 2025")
    });
    expect_pdf_error(&dir, &["report.json:4:3:", "expected `,`"]);
}

#[test]
fn unknown_field_is_named() {
    let dir = fixture();
    edit(&dir, "report.json", |s| {
        s.replace("\"year\": 2025,", "\"year\": 2025, \"colour\": 1,")
    });
    expect_pdf_error(
        &dir,
        &[
            "report.json:3:",
            "unknown field `colour`",
            "expected one of `region`",
        ],
    );
}

#[test]
fn wrong_type_names_the_field_path() {
    let dir = fixture();
    edit(&dir, "report.json", |s| {
        s.replace("\"house\": \"gongwen\"", "\"house\": \"gonwen\"")
    });
    expect_pdf_error(
        &dir,
        &[
            "field `style.house`",
            "unknown variant `gonwen`",
            "expected `gongwen` or `report`",
        ],
    );
}

#[test]
fn bad_region_code_is_explained() {
    let dir = fixture();
    edit(&dir, "report.json", |s| s.replace("990100", "9901"));
    expect_pdf_error(&dir, &["report.json: region.code", "6-digit"]);
}

#[test]
fn missing_chapter_file_is_named() {
    let dir = fixture();
    std::fs::remove_file(dir.join("chapters/02.md")).unwrap();
    expect_pdf_error(&dir, &["report.json: chapters[1]", "chapters/02.md"]);
}

#[test]
fn undecodable_image_names_the_line() {
    let dir = fixture();
    std::fs::write(
        dir.join("images/photo.jpg"),
        b"\xff\xd8\xff\xe0 not really a jpeg",
    )
    .unwrap();
    expect_pdf_error(
        &dir,
        &["chapters/01.md:18", "images/photo.jpg", "cannot be decoded"],
    );
}

#[test]
fn image_outside_the_project_is_refused() {
    let dir = fixture();
    edit(&dir, "chapters/01.md", |s| {
        s.replace("images/photo.jpg", "../../etc/passwd")
    });
    expect_pdf_error(&dir, &["chapters/01.md:18", "without `..`"]);
}

#[test]
fn broken_reference_is_named() {
    let dir = fixture();
    edit(&dir, "chapters/02.md", |s| {
        s.replace("@case-one", "@case-none")
    });
    expect_pdf_error(&dir, &["chapters/02.md:5", "`@case-none`"]);
}

#[test]
fn duplicate_id_names_both_places() {
    let dir = fixture();
    edit(&dir, "chapters/02.md", |s| {
        format!("{s}\n::: {{.table #tbl-scale caption=\"重复\"}}\n| a |\n|---|\n| 1 |\n:::\n")
    });
    expect_pdf_error(
        &dir,
        &[
            "chapters/02.md:7",
            "duplicate id `tbl-scale`",
            "chapters/01.md:7",
        ],
    );
}

#[test]
fn unclosed_block_names_its_line() {
    let dir = fixture();
    edit(&dir, "chapters/02.md", |s| {
        format!("{s}\n::: {{.case title=\"未闭合\"}}\n正文\n")
    });
    expect_pdf_error(&dir, &["chapters/02.md:7", "never closed"]);
}

#[test]
fn template_error_names_file_and_line() {
    let dir = fixture();
    edit(&dir, "chapters/01.md", |s| {
        s.replace("{{ totals.students }}人，", "{{ totals.studnets }}人，")
    });
    expect_pdf_error(&dir, &["chapters/01.md:5", "template error"]);
}

#[test]
fn bad_table_merge_is_explained() {
    let dir = fixture();
    edit(&dir, "chapters/01.md", |s| {
        s.replace("| 学校 | 在校生 | < |", "| < | 在校生 | 人数 |")
    });
    expect_pdf_error(&dir, &["chapters/01.md:7", "no cell on its left"]);
}

#[test]
fn a_character_no_font_has_is_an_error_not_a_box() {
    let dir = fixture();
    edit(&dir, "chapters/02.md", |s| {
        s.replace("本章引用", "本章\u{1D11E}引用")
    });
    expect_pdf_error(&dir, &["chapters/02.md:5", "U+1D11E"]);
}

#[test]
fn layout_template_errors_point_at_the_template() {
    let dir = fixture();
    let t = dir.join("templates/typst");
    std::fs::create_dir_all(&t).unwrap();
    let lib = std::fs::read_to_string(root().join("templates/typst/nianbao.typ")).unwrap();
    std::fs::write(
        t.join("nianbao.typ"),
        lib.replace(
            "#let nb-par(body) = par(body)",
            "#let nb-par(body) = par(body, nope: 1)",
        ),
    )
    .unwrap();
    expect_pdf_error(&dir, &["templates/typst/nianbao.typ:", "nope"]);
}

#[test]
fn a_failed_build_keeps_the_earlier_pdf() {
    let dir = fixture();
    let (ok, err, _) = run_build_pdf(&dir);
    assert!(ok, "{err}");
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    let pdf = dir.join("out").join(format!("{name}.pdf"));
    let before = std::fs::read(&pdf).unwrap();
    edit(&dir, "chapters/02.md", |s| {
        s.replace("@case-one", "@case-none")
    });
    let (ok, _, _) = run_build_pdf(&dir);
    assert!(!ok);
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        before,
        "the earlier PDF changed"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "temporary files left: {leftovers:?}");
}

#[test]
fn head_cell_spanning_into_the_body_is_explained() {
    let dir = fixture();
    edit(&dir, "chapters/01.md", |s| {
        s.replace("header-rows=2", "header-rows=1")
    });
    expect_pdf_error(
        &dir,
        &[
            "chapters/01.md:7",
            "spans down into the body",
            "header-rows to 2",
        ],
    );
}

#[test]
fn impossible_document_date_is_refused_early() {
    let dir = fixture();
    edit(&dir, "report.json", |s| {
        s.replace("2026-01-10", "2026-02-30")
    });
    expect_pdf_error(&dir, &["report.json: document_date", "YYYY-MM-DD"]);
}

#[test]
fn a_row_with_too_many_cells_is_an_error_not_lost_content() {
    let dir = fixture();
    edit(&dir, "chapters/01.md", |s| {
        s.replace(
            "| 合计 | — | {{ totals.students }} |",
            "| 合计 | — | {{ totals.students }} | 多余 |",
        )
    });
    let (ok, err, written) = run_build_pdf(&dir);
    assert!(!ok && !written, "{err}");
    assert!(
        err.contains("chapters/01.md:12") && err.contains("4 cells but the table"),
        "{err}"
    );
    assert!(err.contains("has 3 columns"), "{err}");
}

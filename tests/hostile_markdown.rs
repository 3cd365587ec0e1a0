//! Hostile and careless Markdown (issue 10): deep nesting is a clear error,
//! not a stack overflow; nothing the user writes vanishes or is silently
//! turned into something else; merges and headings that would corrupt the
//! layout or the numbering are errors naming file and line.

mod common;

use common::*;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    temp_copy(&root().join("tests/fixtures/minimal"), "hmd")
}

/// Appends `text` to chapters/02.md after a blank line: its first line is
/// line 7 of the file.
fn append(dir: &Path, text: &str) {
    edit(dir, "chapters/02.md", |s| {
        assert_eq!(s.lines().count(), 5, "the fixture's chapters/02.md changed");
        format!("{s}\n{text}")
    });
}

/// Runs `nianbao build` (PDF and DOCX) and returns (exit code, stderr,
/// any output written?).
fn run_build(dir: &Path) -> (Option<i32>, String, bool) {
    let out = dir.join("out");
    let o = nianbao_build(dir, &[]);
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    let written = ["pdf", "docx"]
        .iter()
        .any(|ext| out.join(format!("{name}.{ext}")).exists());
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        written,
    )
}

/// The build fails normally (exit code 1, no crash) with every needle in
/// its message, and writes nothing. Returns the message.
fn expect_error(dir: &Path, needles: &[&str]) -> String {
    let (code, err, written) = run_build(dir);
    assert!(!err.contains("panicked"), "panic: {err}");
    assert!(!err.contains("overflow"), "crash: {err}");
    assert_eq!(code, Some(1), "expected a failed build; stderr: {err}");
    assert!(!written, "an output file was written despite the error");
    for n in needles {
        assert!(err.contains(n), "expected “{n}” in:\n{err}");
    }
    err
}

/// The text of the blocks of chapter 2, one string per paragraph.
fn paragraphs(checked: &nianbao::Checked) -> Vec<String> {
    use nianbao::model::{Block, Inline};
    checked.document.chapters[1]
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(Inline::plain(&p.content)),
            _ => None,
        })
        .collect()
}

const NESTING: &str = "nested more than 16 deep: expected at most 16 levels";

// ---------------------------------------------------------------- nesting

#[test]
fn block_quotes_1500_deep_are_an_error_not_a_crash() {
    let dir = fixture();
    append(&dir, &format!("{}引用\n", "> ".repeat(1500)));
    expect_error(
        &dir,
        &["chapters/02.md:7: block quotes (`>`), lists", NESTING],
    );
}

#[test]
fn a_list_1500_deep_is_an_error_not_a_crash() {
    let dir = fixture();
    let list: String = (0..1500)
        .map(|i| format!("{}- 第{i}层\n", "  ".repeat(i)))
        .collect();
    append(&dir, &list);
    // The 17th level, on the 17th line of the list.
    expect_error(
        &dir,
        &["chapters/02.md:23: block quotes (`>`), lists", NESTING],
    );
}

#[test]
fn emphasis_1500_deep_is_an_error_not_a_crash() {
    let dir = fixture();
    append(
        &dir,
        &format!("{}深{}\n", "*".repeat(1500), "*".repeat(1500)),
    );
    expect_error(
        &dir,
        &["chapters/02.md:7: emphasis, links and images", NESTING],
    );
}

#[test]
fn blocks_1500_deep_are_an_error_not_a_crash() {
    let dir = fixture();
    let open = "::: {.table caption=\"表\"}\n".repeat(1500);
    let close = ":::\n".repeat(1500);
    append(&dir, &format!("{open}| a |\n|---|\n| 1 |\n{close}"));
    expect_error(
        &dir,
        &["chapters/02.md:23: `:::` blocks nested more than 16 deep: expected at most 16 levels"],
    );
}

#[test]
fn nesting_up_to_the_limit_builds() {
    let dir = fixture();
    let list: String = (0..16)
        .map(|i| format!("{}- 第{i}层\n", "  ".repeat(i)))
        .collect();
    append(
        &dir,
        &format!(
            "{list}\n{}引用到底\n\n{}强调到底{}\n",
            "> ".repeat(16),
            "*".repeat(16),
            "*".repeat(16)
        ),
    );
    let (_, pdf) = build(&dir);
    let text = compact(&pages_text(&pdf).join(""));
    for s in ["第15层", "引用到底", "强调到底"] {
        assert!(text.contains(s), "“{s}” missing from the PDF");
    }
}

// ---------------------------------------------------------------- nothing vanishes

#[test]
fn reference_definition_lines_print_as_written() {
    let dir = fixture();
    append(
        &dir,
        "[注]: 本表数据截至年底\n\n见[注]说明。\n\n- [甲]: 列表中的一行\n\n> [乙]: 引用中的一行\n",
    );
    let (checked, pdf) = build(&dir);
    let paras = paragraphs(&checked);
    for s in [
        "[注]: 本表数据截至年底",
        "见[注]说明。",
        "[乙]: 引用中的一行",
    ] {
        assert!(paras.iter().any(|p| p == s), "“{s}” not in {paras:?}");
    }
    let text = compact(&pages_text(&pdf).join(""));
    for s in [
        "[注]:本表数据截至年底",
        "见[注]说明。",
        "[甲]:列表中的一行",
        "[乙]:引用中的一行",
    ] {
        assert!(text.contains(s), "“{s}” missing from the PDF:\n{text}");
    }
}

#[test]
fn a_horizontal_rule_is_an_error_not_lost() {
    for rule in ["---", "***", "___", "- - -"] {
        let dir = fixture();
        append(&dir, &format!("{rule}\n\n正文。\n"));
        expect_error(
            &dir,
            &[
                "chapters/02.md:7: a horizontal rule (`---`, `***` or `___`) is not part of the report layout",
                "remove it, or write `\\---` to print the characters",
            ],
        );
    }
}

#[test]
fn dashes_under_text_are_an_error_not_a_heading() {
    let dir = fixture();
    append(&dir, "正文一行\n---\n");
    expect_error(
        &dir,
        &["chapters/02.md:7: a line of `---` or `===` right under text makes that text a heading"],
    );
}

#[test]
fn footnotes_are_a_clear_error_not_mangled() {
    let dir = fixture();
    append(&dir, "正文[^1]。\n\n[^1]: 数据来源：统计年报。\n");
    expect_error(
        &dir,
        &[
            "chapters/02.md:7: footnotes are not supported yet: found `[^1]`",
            "chapters/02.md:9: footnotes are not supported yet: found the footnote text `[^1]:`",
        ],
    );
}

#[test]
fn a_caret_in_brackets_without_a_footnote_prints_literally() {
    let dir = fixture();
    append(&dir, "公式记作[^x]。\n");
    let (checked, _) = build(&dir);
    assert!(paragraphs(&checked).iter().any(|p| p == "公式记作[^x]。"));
}

// ---------------------------------------------------------------- tables

#[test]
fn overlapping_merges_name_the_cell() {
    let dir = fixture();
    append(
        &dir,
        "::: {.table caption=\"合并\"}\n| 甲 | 乙 |\n|---|---|\n| x | < |\n| ^ | LOST |\n:::\n",
    );
    expect_error(
        &dir,
        &[
            "chapters/02.md:7: row 3, column 2: the cell “LOST” lies inside the merged cell “x” (row 2, column 1) and would be lost",
        ],
    );
}

#[test]
fn a_table_in_a_list_item_is_an_error() {
    let dir = fixture();
    append(&dir, "- 要点\n\n  | a | b |\n  |---|---|\n  | 1 | 2 |\n");
    expect_error(
        &dir,
        &["chapters/02.md:9: a table cannot stand in a list item"],
    );
}

// ---------------------------------------------------------------- headings

#[test]
fn headings_in_list_items_are_errors() {
    let dir = fixture();
    append(&dir, "- ## 小节\n- # 一章\n");
    expect_error(
        &dir,
        &[
            "chapters/02.md:7: a heading cannot stand in a list item",
            "chapters/02.md:8: a heading cannot stand in a list item",
        ],
    );
}

#[test]
fn a_reference_to_a_heading_in_a_list_points_at_the_heading() {
    let dir = fixture();
    append(
        &dir,
        "- 要点\n\n  ### 小节 {#sec-inlist}\n\n见@sec-inlist。\n",
    );
    let err = expect_error(
        &dir,
        &["chapters/02.md:9: a heading cannot stand in a list item"],
    );
    // One error, at the heading: nothing from the reference or the layout.
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error")).count(),
        1,
        "{err}"
    );
}

#[test]
fn a_fifth_heading_level_is_an_error() {
    let dir = fixture();
    append(&dir, "### 三级\n\n#### 四级\n\n##### 五级\n");
    expect_error(
        &dir,
        &["chapters/02.md:11: a `#####` heading: headings go four levels deep"],
    );
}

#[test]
fn a_skipped_heading_level_is_an_error() {
    let dir = fixture();
    append(&dir, "#### 四级\n");
    expect_error(
        &dir,
        &[
            "chapters/02.md:7: a `####` heading right after a `##` heading skips a level: expected `###` or fewer `#`",
        ],
    );
}

// ---------------------------------------------------------------- code

#[test]
fn block_fences_inside_fenced_code_are_code() {
    let dir = fixture();
    append(
        &dir,
        "````\n```\n::: {.case title=\"代码里的块\"}\n:::\n````\n\n~~~\n:::\n~~~\n\n代码之后。\n",
    );
    let (checked, pdf) = build(&dir);
    let paras = paragraphs(&checked);
    assert!(
        paras
            .iter()
            .any(|p| p == "```\n::: {.case title=\"代码里的块\"}\n:::"),
        "{paras:?}"
    );
    assert!(paras.iter().any(|p| p == ":::"), "{paras:?}");
    assert_eq!(paras.last().map(String::as_str), Some("代码之后。"));
    let text = compact(&pages_text(&pdf).join(""));
    assert!(text.contains("代码里的块"), "{text}");
    assert!(text.contains("代码之后。"), "{text}");
}

#[test]
fn an_unclosed_code_block_that_swallows_a_block_is_named() {
    let dir = fixture();
    append(&dir, "```\n代码\n\n::: {.case title=\"案例\"}\n正文\n:::\n");
    expect_error(
        &dir,
        &[
            "chapters/02.md:7: this code block (```) is never closed, so the `:::` lines after it are read as code",
        ],
    );
}

//! User text is data: nothing written in a narrative file or a data value is
//! interpreted as Typst. Proven on the real PDF.

mod common;

use common::*;

const NASTY: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "$x^2$",
    "#set page(width: 1cm)",
    "@",
    "<b>粗</b>",
    "a > b",
    "]",
    "\\",
    "~",
    "//",
    "#emph[x]",
];

fn project_with(narrative: &str, value: &str) -> std::path::PathBuf {
    let dir = temp_copy(&root().join("tests/fixtures/minimal"), "escape");
    std::fs::write(dir.join("chapters/02.md"), narrative).unwrap();
    std::fs::write(
        dir.join("data/totals.json"),
        serde_json::json!({ "schools": value, "students": 2150 }).to_string(),
    )
    .unwrap();
    dir
}

#[test]
fn typst_syntax_in_narrative_and_data_prints_literally() {
    let narrative = "# 面临挑战\n\n\
        正文甲 #read(\"/etc/passwd\") 与 $x^2$ 以及 #set page(width: 1cm) 还有 @ 和 <b>粗</b>，a > b，] \\\\ ~ // 结束。\n\n\
        正文乙 #emph[x] 与 `代码` 到此。\n\n\
        数据值：{{ totals.schools }}。\n";
    let value = "*不是强调* #strong[y] @tbl-scale $z$";
    let dir = project_with(narrative, value);
    let (_, pdf) = build(&dir);
    let text = compact(&pages_text(&pdf).join(""));
    for s in NASTY {
        assert!(text.contains(&compact(s)), "“{s}” not printed literally");
    }
    assert!(
        text.contains(&compact(value)),
        "data value not printed literally"
    );
    assert!(!text.contains("root:x:0"), "a file was read");
    assert!(
        page_sizes(&pdf)
            .iter()
            .all(|&(w, _)| (w - 595.28).abs() < 0.5),
        "a page changed size"
    );
}

#[test]
fn markdown_is_the_only_markup() {
    let dir = project_with(
        "# 面临挑战\n\n这是**加粗**与*强调*，\\*转义星号\\*，\\@tbl-scale 不是引用，见@tbl-scale。\n",
        "2",
    );
    let (checked, pdf) = build(&dir);
    let text = compact(&pages_text(&pdf).join(""));
    assert!(
        text.contains("这是加粗与强调，*转义星号*，@tbl-scale不是引用，见表1-1。"),
        "{text}"
    );
    let ch = &checked.document.chapters[1];
    let nianbao::model::Block::Paragraph(p) = &ch.blocks[0] else {
        panic!()
    };
    assert!(
        p.content
            .iter()
            .any(|i| matches!(i, nianbao::model::Inline::Strong(_)))
    );
}

#[test]
fn references_in_captions_resolve_and_other_at_signs_stay() {
    let dir = project_with(
        "# 面临挑战\n\n::: {.figure #fig-two caption=\"续@fig-photo，邮箱 a@b.cn\"}\n![x](images/photo.jpg)\n:::\n",
        "2",
    );
    let (_, pdf) = build(&dir);
    let text = compact(&pages_text(&pdf).join(""));
    assert!(text.contains("续图1-1，邮箱a@b.cn"), "{text}");
}

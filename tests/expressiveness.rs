//! Saying what real reports say (issue 9): optional parts, numbering per
//! kind, line breaks, superscript and subscript, reference lists and ranges,
//! bound-table formats, accepted discrepancies and the house details — each
//! on its fixture under `tests/fixtures/`, asserted in the real PDF and in
//! the DOCX's `document.xml`, and all of them together in
//! `tests/fixtures/expressive-all`, which builds clean.

mod common;

use common::docx::{Scan, part, scan};
use common::pdftext::{TextRun, sized_runs};
use common::*;
use nianbao::model::*;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures").join(name)
}

struct Built {
    checked: nianbao::Checked,
    pdf: Vec<u8>,
    pages: Vec<String>,
    /// The whole PDF's text without white space.
    text: String,
    xml: String,
    docx: Scan,
}

fn built(name: &str) -> Built {
    let (checked, pdf) = build(&fixture(name));
    let pages = pages_text(&pdf);
    let text = compact(&pages.join(""));
    let bytes = nianbao::build_docx(&checked).expect("the DOCX renders");
    let xml = part(&bytes, "word/document.xml");
    let docx = scan(&xml);
    Built {
        checked,
        pdf,
        pages,
        text,
        xml,
        docx,
    }
}

/// The lines of every page, trimmed, without empty ones.
fn lines(pages: &[String]) -> Vec<String> {
    pages
        .iter()
        .flat_map(|p| p.lines())
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The page whose text holds `needle` (white space ignored).
fn page_with(pages: &[String], needle: &str) -> usize {
    pages
        .iter()
        .position(|p| compact(p).contains(needle))
        .unwrap_or_else(|| panic!("no page holds “{needle}”"))
}

fn assert_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for p in parts {
        match text[from..].find(p) {
            Some(i) => from += i + p.len(),
            None => panic!("“{p}” missing or out of order in {text}"),
        }
    }
}

/// A fresh copy of a fixture with one file edited.
fn edited(name: &str, file: &str, f: impl FnOnce(String) -> String) -> PathBuf {
    let dir = temp_copy(&fixture(name), name);
    edit(&dir, file, f);
    dir
}

// ---------------------------------------------------------------- 1

/// No declaration, no 编制组, no 目录, an untitled preface, no unit or
/// date, cover lines left out or broken, the signature after the chapters.
#[test]
fn front_matter_parts_can_be_left_out() {
    let b = built("optional-parts");
    let doc = &b.checked.document;
    assert!(doc.meta.declaration.is_none() && doc.meta.team.is_none());
    assert!(doc.preface_title.is_none() && !doc.style.toc);
    assert!(!b.text.contains("内容真实性责任声明"));
    let all = lines(&b.pages);
    for title in ["目录", "前言", "表目录"] {
        assert!(
            !all.iter().any(|l| compact(l) == title),
            "“{title}” is printed"
        );
    }
    assert!(!compact(&b.pages[0]).contains("编制"), "a compiler line");
    // The cover: the title on two lines, no region, compiler or date line.
    let cover: Vec<&str> = b.pages[0].lines().map(str::trim).collect();
    assert!(cover.contains(&"甲县职业教育") && cover.contains(&"质量年度报告"));
    assert!(!compact(&b.pages[0]).contains("测试省甲县"));
    assert!(!compact(&b.pages[0]).contains("年2月") && !b.pages[0].contains("2025"));
    // The preface's paragraphs open the front matter, untitled.
    assert!(compact(&b.pages[1]).starts_with("本报告开头没有“前言”二字"));
    // The signature follows the last chapter, before the appendix.
    assert_order(
        &b.text,
        &[
            "全县有一所中等职业学校。",
            "甲县职业教育中心",
            "2025年3月",
            "附表",
        ],
    );
    // No document date: the PDF's date is 1 January after the report year.
    assert_eq!(doc.meta.document_date, (2025, 1, 1));
    assert!(!doc.meta.dated);
    let info = String::from_utf8_lossy(&b.pdf);
    assert!(info.contains("2025-01-01"), "the PDF's date");

    let d = &b.docx;
    assert!(d.position("内容真实性责任声明").is_none());
    assert!(
        !d.instr.iter().any(|i| i.starts_with("TOC \\o")),
        "a 目录 field"
    );
    assert!(
        d.styled("FrontTitle").is_empty(),
        "{:?}",
        d.styled("FrontTitle")
    );
    // The cover: its title on two lines, no region line.
    assert_eq!(d.paragraphs[0].text, "甲县职业教育\n质量年度报告");
    assert_eq!(d.paragraphs[1].text, "（2024年度）");
    let preface = d.position("本报告开头没有").unwrap();
    // The preface starts the section after the cover's (a new page).
    let before = &b.xml[..b.xml.find("本报告开头").unwrap()];
    assert!(before.rfind("<w:sectPr").unwrap() > before.rfind("质量年度报告").unwrap());
    let closing = d.position("甲县职业教育中心").unwrap();
    let appendix = d.texts().position(|t| t == "附表").unwrap();
    assert!(preface < closing && closing < appendix);
}

// ---------------------------------------------------------------- 2

/// 表一 with 案例1 and unnumbered figures, `：` between number and title, in
/// the text, the captions, the lists and both outputs.
#[test]
fn numbering_per_kind() {
    let b = built("numbering-per-kind");
    for s in [
        "表一：各校规模",
        "表二：经费投入",
        "案例1：以赛促学",
        "案例2：校企合作",
        "各校规模见表一，典型做法见案例1，实训场景见实训场景。",
        "经费见表二，另见案例2。",
    ] {
        assert!(b.text.contains(s), "missing “{s}”");
    }
    assert!(!b.text.contains("图目录") && !b.text.contains("图1"));
    let lists = compact(&b.pages[page_with(&b.pages, "表目录")]);
    assert!(lists.contains("表一：各校规模") && lists.contains("表二：经费投入"));
    let cases = compact(&b.pages[page_with(&b.pages, "案例目录")]);
    assert!(cases.contains("案例1：以赛促学"));
    let figures: Vec<&Figure> = b.checked.document.chapters[0]
        .blocks
        .iter()
        .filter_map(|x| match x {
            Block::Figure(f) => Some(f),
            _ => None,
        })
        .collect();
    assert_eq!(figures.len(), 2);
    assert!(figures.iter().all(|f| f.num.number.is_none()));
    assert!(figures[0].caption.is_empty(), "a figure without a caption");

    // The DOCX: 表一 as text (LibreOffice cannot print CHINESENUM3), its
    // list built from the caption style; cases keep their SEQ fields.
    let d = &b.docx;
    assert!(d.has("表一：各校规模") && d.has("案例1：以赛促学"));
    assert_eq!(
        d.styled("TableCaption"),
        ["表一：各校规模", "表二：经费投入"]
    );
    assert!(
        d.instr
            .contains(&"TOC \\h \\z \\t \"Table Caption,1\"".to_string())
    );
    assert!(d.instr.contains(&"TOC \\h \\z \\c \"案例\"".to_string()));
    let seq: Vec<&String> = d.instr.iter().filter(|i| i.starts_with("SEQ")).collect();
    assert_eq!(seq, ["SEQ 案例 \\* ARABIC", "SEQ 案例 \\* ARABIC"]);
    assert!(!b.xml.contains("CHINESENUM"));
    assert!(d.has("实训场景") && !d.texts().any(|t| t.starts_with('图')));
}

/// A figure goes without a caption only when figures are not numbered.
#[test]
fn a_numbered_figure_needs_its_caption() {
    let dir = edited("numbering-per-kind", "report.json", |s| {
        s.replace("\"figures\": \"none\"", "\"figures\": \"chapter\"")
    });
    expect_pdf_error(
        &dir,
        &["error: chapters/01.md:11: missing `caption=\"…\"`: a numbered figure needs a caption"],
    );
    let dir = edited("numbering-per-kind", "report.json", |s| {
        s.replace("\"tables\": \"chinese\"", "\"tables\": \"roman\"")
    });
    expect_pdf_error(
        &dir,
        &[
            "report.json:",
            "field `style.numbering.tables`: unknown variant `roman`, expected one of `chapter`, `continuous`, `chinese`, `none`",
        ],
    );
}

// ---------------------------------------------------------------- 3

/// `<br>` breaks the line in a cell, a caption, a case title and a cover
/// line; the lists join the lines; other HTML prints as written.
#[test]
fn line_breaks() {
    let b = built("line-breaks");
    let runs = sized_runs(&b.pdf);
    let run = |page: usize, t: &str| {
        runs.iter()
            .find(|r| r.page == page && r.text.trim().ends_with(t))
            .unwrap_or_else(|| panic!("no run “{t}” on page {page}"))
    };
    // Each pair: the second line right under the first.
    let below = |page: usize, first: &str, second: &str| {
        let (a, c) = (run(page, first), run(page, second));
        assert!(a.y - c.y > 5.0 && a.y - c.y < 2.0 * a.size, "{a:?} {c:?}");
    };
    let body = page_with(&b.pages, "各校情况见");
    below(body, "青铜峡市", "职教中心");
    below(body, "各校基本情况", "（2024年秋季）");
    below(body, "以赛促学", "——丙市职教中心的做法");
    below(0, "丙市中等职业教育", "质量年度报告");
    assert!(!b.text.contains("<br>"));
    assert!(b.text.contains("其他标记照原样印出：<b>粗</b>。"));
    // The list of cases shows the title on one line, joined.
    let list = page_with(&b.pages, "案例目录");
    let (a, c) = (run(list, "以赛促学"), run(list, "——丙市职教中心的做法"));
    assert!((a.y - c.y).abs() < 0.5, "{a:?} {c:?}");
    assert!(compact(&b.pages[list]).contains("案例1-1以赛促学——丙市职教中心的做法"));

    let d = &b.docx;
    assert!(d.has("青铜峡市\n职教中心"), "the cell");
    assert!(d.has("表\u{a0}1-1\u{3000}各校基本情况\n（2024年秋季）"));
    assert!(d.has("案例\u{a0}1-1\u{3000}以赛促学\n——丙市职教中心的做法"));
    assert!(d.has("丙市中等职业教育\n质量年度报告"));
    let entries = d.styled("TableofFigures");
    assert!(
        entries
            .iter()
            .any(|e| e.starts_with("案例\u{a0}1-1\u{3000}以赛促学——丙市职教中心的做法")),
        "{entries:?}"
    );
}

// ---------------------------------------------------------------- 4

/// The runs of a page set smaller than `size` that read `text`.
fn small<'a>(runs: &'a [TextRun], text: &str, size: f32) -> Vec<&'a TextRun> {
    runs.iter()
        .filter(|r| r.text == text && r.size < size * 0.8)
        .collect()
}

/// `m^2^` and `CO~2~` in narrative, cells and captions, in both outputs;
/// tildes of a range and escaped carets print as written.
#[test]
fn superscript_and_subscript() {
    let b = built("scripts");
    let runs = sized_runs(&b.pdf);
    let body = page_with(&b.pages, "生均校舍面积");
    let page: Vec<TextRun> = runs.into_iter().filter(|r| r.page == body).collect();
    // The narrative's m² and CO₂, the caption's m², the cells' m² and CO₂.
    assert!(small(&page, "2", 16.0).len() >= 2, "{page:?}");
    assert!(small(&page, "2", 14.0).len() >= 3, "{page:?}");
    for s in [
        "生均校舍面积28m2",
        "减排CO2120吨",
        "10~20人，30~40人",
        "写作a^2^时照原样印出",
    ] {
        assert!(b.text.contains(s), "missing “{s}”");
    }
    let para = &b.checked.document.chapters[0].blocks[0];
    let Block::Paragraph(p) = para else {
        panic!("{para:?}")
    };
    assert!(
        p.content
            .contains(&Inline::Sup(vec![Inline::Text("2".into())]))
    );
    assert!(
        p.content
            .contains(&Inline::Sub(vec![Inline::Text("2".into())]))
    );

    let sup = b
        .xml
        .matches(r#"<w:vertAlign w:val="superscript"/>"#)
        .count();
    let sub = b.xml.matches(r#"<w:vertAlign w:val="subscript"/>"#).count();
    assert!(sup >= 3 && sub >= 2, "{sup} superscripts, {sub} subscripts");
    assert!(
        b.docx
            .texts()
            .any(|t| t.contains("10~20人，30~40人") && t.contains("a^2^"))
    );
}

// ---------------------------------------------------------------- 5

/// The link annotations of a page.
fn links(pdf: &[u8], page: usize) -> usize {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let id = *doc.get_pages().values().nth(page).unwrap();
    let dict = doc.get_dictionary(id).unwrap();
    let Ok(annots) = dict.get(b"Annots") else {
        return 0;
    };
    let annots = match annots {
        lopdf::Object::Reference(r) => doc.get_object(*r).unwrap().as_array().unwrap().clone(),
        other => other.as_array().unwrap().clone(),
    };
    annots
        .iter()
        .filter(|a| {
            let d = match a {
                lopdf::Object::Reference(r) => doc.get_dictionary(*r).ok(),
                lopdf::Object::Dictionary(d) => Some(d),
                _ => None,
            };
            d.is_some_and(|d| {
                d.get(b"Subtype")
                    .and_then(|s| s.as_name())
                    .is_ok_and(|n| n == b"Link")
            })
        })
        .count()
}

/// `[@a; @b]` lists and `[@a--@d]` ranges print every label, each linked.
#[test]
fn reference_lists_and_ranges() {
    let b = built("ref-lists");
    assert!(
        b.text
            .contains("两表见表1-1、表1-2，四表见表1-1至表1-4，混合见表1-1、表1-3至表1-4。"),
        "{}",
        b.text
    );
    let page = page_with(&b.pages, "两表见");
    assert!(links(&b.pdf, page) >= 7, "{} links", links(&b.pdf, page));
    assert!(
        b.docx.has(
            &"两表见表 1-1、表 1-2，四表见表 1-1至表 1-4，混合见表 1-1、表 1-3至表 1-4。"
                .replace(' ', "\u{a0}")
        )
    );
    let at = b.xml.find("两表见").unwrap();
    let para = &b.xml[at..at + b.xml[at..].find("</w:p>").unwrap()];
    assert_eq!(
        para.matches(r#"<w:hyperlink w:anchor="_nb_tbl_"#).count(),
        7
    );
}

#[test]
fn unknown_and_backward_references_are_errors() {
    let dir = edited("ref-lists", "chapters/01.md", |s| {
        s.replace("[@tbl-a; @tbl-b]", "[@tbl-a; @tbl-x]")
            .replace("[@tbl-a--@tbl-d]", "[@tbl-d--@tbl-a]")
    });
    expect_pdf_error(
        &dir,
        &[
            "error: chapters/01.md:3: reference `@tbl-x` points to no table, figure, case or section with that id",
            "error: chapters/01.md:3: reference range `[@tbl-d--@tbl-a]` runs backwards or to itself",
        ],
    );
}

// ---------------------------------------------------------------- 6

fn row_texts(t: &Table, r: usize) -> Vec<String> {
    t.rows[r]
        .iter()
        .map(|c| Inline::plain(&c.content))
        .collect()
}

/// A bound table keeps the source's decimals, adds a unit per column,
/// never groups years, and may put the total first.
#[test]
fn bound_table_formats() {
    let b = built("bound-formats");
    let Block::Table(t) = &b.checked.document.chapters[0].blocks[0] else {
        panic!()
    };
    assert_eq!(row_texts(t, 1), ["合计", "", "1,787.85", "", "", "21,800"]);
    assert_eq!(
        row_texts(t, 2),
        ["甲校", "2020", "577.6", "32.2%", "93.8%", "12,000"]
    );
    assert_eq!(
        row_texts(t, 3),
        ["乙校", "2021", "1,210.25", "28.5%", "88%", "9,800"]
    );
    assert!(
        t.rows[0][2]
            .content
            .contains(&Inline::Sup(vec![Inline::Text("2".into())]))
    );
    assert_order(
        &b.text,
        &[
            "合计", "1,787.85", "21,800", "甲校", "2020", "577.6", "32.2%", "93.8%",
        ],
    );
    for wrong in ["2,020", "577.60", "32.20", "93.80"] {
        assert!(!b.text.contains(wrong), "“{wrong}” is printed");
    }
    let d = &b.docx;
    for s in ["合计", "2020", "577.6", "93.8%", "1,787.85"] {
        assert!(d.has(s), "the DOCX lacks “{s}”");
    }
    assert_order(
        &d.texts().collect::<Vec<_>>().join("|"),
        &["合计", "1,787.85", "甲校", "2020"],
    );
}

#[test]
fn table_attributes_a_table_does_not_use_are_errors() {
    let dir = edited("line-breaks", "chapters/01.md", |s| {
        s.replace(
            "caption=\"各校基本情况<br>（2024年秋季）\"}",
            "caption=\"各校基本情况\" total=\"合计\"}",
        )
    });
    expect_pdf_error(
        &dir,
        &[
            "error: chapters/01.md:5: `total=` works only on a table made from a dataset (`dataset=…`)",
        ],
    );
    let dir = edited("bound-formats", "chapters/01.md", |s| {
        s.replace("total-at=first", "total-at=middle")
    });
    expect_pdf_error(
        &dir,
        &["error: chapters/01.md:3: total-at=middle: expected `first` or `last`"],
    );
}

// ---------------------------------------------------------------- 7

/// An accepted discrepancy is a note with its reason; without the accept it
/// is an error located in the data file, the check named second.
#[test]
fn accepted_discrepancies() {
    let dir = fixture("accepted");
    let o = nianbao(&["check", dir.to_str().unwrap(), "--no-layout"]);
    let (ok, err) = (o.status.success(), String::from_utf8_lossy(&o.stderr));
    assert!(ok, "{err}");
    assert!(
        err.contains("note: data/totals.json: totals.dual_teacher_pct: 双师型占比: totals.dual_teacher_pct is 93.8, but totals.dual_teachers ÷ totals.teachers × 100 is 75 (check declared at report.json: validation.checks[0]) — accepted (validation.accept[0]): 公报原文如此，已向统计部门核实"),
        "{err}"
    );
    assert!(!err.contains("warning") && !err.contains("error"), "{err}");
    let (ok, err, written) = run_build_pdf(&temp_copy(&dir, "accepted-build"));
    assert!(
        ok && written && err.contains("note: data/totals.json"),
        "{err}"
    );

    // Without the accept: an error in the data file, the PDF not written.
    let dir = edited("accepted", "report.json", |s| {
        s.replace(
            "\"field\": \"totals.dual_teacher_pct\"",
            "\"field\": \"totals.teachers\"",
        )
    });
    expect_pdf_error(
        &dir,
        &[
            "error: data/totals.json: totals.dual_teacher_pct: 双师型占比: totals.dual_teacher_pct is 93.8, but",
            "(check declared at report.json: validation.checks[0])",
        ],
    );
    // An accept that covers nothing is pointed out.
    let dir = edited("accepted", "report.json", |s| {
        s.replace(
            "\"accept\": [",
            "\"accept\": [\n      {\"check\": \"教师合计\", \"reason\": \"旧数\"},",
        )
    });
    let (ok, err, _) = run_build_pdf(&dir);
    assert!(ok, "{err}");
    assert!(
        err.contains("warning: report.json: validation.accept[0]: no check labelled “教师合计” finds anything wrong: remove this entry"),
        "{err}"
    );
    // A value that is not a number: named in its file too.
    let dir = edited("accepted", "data/totals.json", |s| {
        s.replace("\"teachers\": 200", "\"teachers\": \"二百\"")
    });
    expect_pdf_error(
        &dir,
        &[
            "error: data/totals.json: totals.teachers: 双师型占比: expected a number, found \"二百\" (check declared at report.json: validation.checks[0])",
        ],
    );
}

// ---------------------------------------------------------------- 8

/// Headings inside a case look like headings; a photo grid of mixed shapes
/// stands on a common line; the appendix's lone column is headed by the
/// report's name; the default declaration names the report's title.
#[test]
fn house_details() {
    let b = built("house-details");
    let runs = sized_runs(&b.pdf);
    let find = |t: &str| {
        runs.iter()
            .find(|r| r.text == t)
            .unwrap_or_else(|| panic!("no run “{t}”"))
    };
    let (body, h2, h3) = (
        find("做法正文。"),
        find("一、主要做法"),
        find("校企共建实训基地"),
    );
    assert!(body.font.contains("Serif"), "{body:?}");
    assert!(
        h2.font.contains("Sans"),
        "a `##` inside a case in 黑体: {h2:?}"
    );
    assert_ne!(h3.font, body.font, "a `###` inside a case: {h3:?}");
    // The photos' captions on one line: the grid is aligned at the bottom.
    let (a, c) = (find("横幅照片"), find("竖幅照片"));
    assert!((a.y - c.y).abs() < 0.5, "{a:?} {c:?}");
    let doc = &b.checked.document;
    let satisfaction = &doc.appendix[1];
    assert_eq!(row_texts(satisfaction, 0).last().unwrap(), "测试省辛市");
    let text = "辛市教育局对辛市职业教育质量报告（2024）及相关附件的真实性、完整性和准确性负责。特此声明。";
    assert!(b.text.contains(text));

    let d = &b.docx;
    assert!(d.has(text) && d.has("测试省辛市"));
    assert_eq!(
        d.styled("CaseHeading"),
        ["一、主要做法", "校企共建实训基地"]
    );
    assert!(b.xml.contains(r#"<w:pStyle w:val="CaseHeading"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="24"/>"#));
    assert!(
        b.xml
            .contains(r#"<w:rFonts w:eastAsia="楷体"/><w:b/><w:bCs/><w:sz w:val="24"/>"#)
    );
    assert_eq!(b.xml.matches(r#"<w:vAlign w:val="bottom"/>"#).count(), 2);
}

// ---------------------------------------------------------------- all

/// Everything at once — no declaration, no 目录, an untitled preface, 表一
/// with 案例1 and unnumbered figures, `：`, `<br>` in a cell, `m^2^`, a
/// reference list and a range, a bound table with a first-row total and a
/// `%` column, one accepted discrepancy — builds clean.
#[test]
fn everything_together_builds_clean() {
    let dir = temp_copy(&fixture("expressive-all"), "all");
    let (ok, err, written) = run_build_pdf(&dir);
    assert!(ok && written, "{err}");
    let notes: Vec<&str> = err
        .lines()
        .filter(|l| !l.starts_with("wrote ") && !l.starts_with("done in "))
        .collect();
    assert_eq!(notes.len(), 1, "{err}");
    assert!(notes[0].starts_with("note: data/totals.json: totals.dual_teacher_pct: 双师型占比:"));
    assert!(notes[0].ends_with("— accepted (validation.accept[0]): 沿用去年公报口径"));

    let b = built("expressive-all");
    let all = lines(&b.pages);
    for title in ["目录", "前言", "图目录", "内容真实性责任声明"] {
        assert!(
            !all.iter().any(|l| compact(l) == title),
            "“{title}” is printed"
        );
    }
    assert!(!b.text.contains("图1") && !b.text.contains("图一"));
    for s in [
        "表一：各校在校生",
        "各校情况见表一、表二，汇总见表一至表三，典型做法见案例1。生均实训面积12m2。",
        "表二：各校实训面积（m2）",
        "表三：各校达标情况",
        "案例1：以赛促学",
        "案例2：校企合作",
    ] {
        assert!(b.text.contains(s), "missing “{s}”");
    }
    let at = |s: &str| {
        all.iter()
            .position(|l| l == s)
            .unwrap_or_else(|| panic!("no line “{s}”"))
    };
    assert_eq!(at("职业学校"), at("壬市第一") + 1);
    assert_order(
        &b.text,
        &[
            "表三：各校达标情况",
            "合计",
            "2000",
            "一职",
            "93.5%",
            "1200",
        ],
    );
    let Block::Table(sum) = &b.checked.document.chapters[1].blocks[0] else {
        panic!()
    };
    assert_eq!(row_texts(sum, 1), ["合计", "", "2000"]);
    assert_eq!(row_texts(sum, 2), ["一职", "93.5%", "1200"]);

    let d = &b.docx;
    assert!(d.position("内容真实性责任声明").is_none());
    assert!(!d.instr.iter().any(|i| i.starts_with("TOC \\o")));
    assert!(d.has("表一：各校在校生") && d.has("案例1：以赛促学"));
    assert!(d.has("壬市第一\n职业学校"));
    assert!(b.xml.contains(r#"<w:vertAlign w:val="superscript"/>"#));
    assert!(d.has("全市在校生2000人，各校情况见表一、表二，汇总见表一至表三，典型做法见案例1。生均实训面积 12 m2。"));
    assert!(
        d.instr
            .contains(&"TOC \\h \\z \\t \"Table Caption,1\"".to_string())
    );
}

//! Heading numbers at all four levels, for each heading scheme in each house
//! style, in both outputs: the lines of the PDF, and in the DOCX the numbers
//! Word prints from the heading list (`numbering.xml` linked to the Heading
//! styles, counted as Word counts) and the pre-filled 目录 entries in
//! `document.xml`. Counters restart below a new parent; level 2 reaches 11
//! (（十一） in the 公文 scheme); an unnumbered heading has no number and
//! does not count.

mod common;

use common::docx::{heading_numbers, part, scan};
use common::*;

/// The headings of the test project: (level, title), in order.
fn outline() -> Vec<(u8, String)> {
    let mut h: Vec<(u8, String)> = [
        (1, "章甲"),
        (2, "节甲一"),
        (3, "目甲一一"),
        (4, "条甲一一一"),
        (4, "条甲一一二"),
        (3, "目甲一二"),
        (2, "节甲二"),
        (3, "目甲二一"),
        (4, "条甲二一一"),
        (1, "章乙"),
    ]
    .iter()
    .map(|&(l, t)| (l, t.to_string()))
    .collect();
    let tens = [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一",
    ];
    h.extend(tens.iter().map(|t| (2, format!("节乙{t}"))));
    h.push((3, "目乙十一一".into()));
    h.push((4, "条乙十一一一".into()));
    h
}

/// The numbers the headings of [`outline`] carry in a scheme.
fn expected(scheme: &str) -> Vec<&'static str> {
    let mut decimal = vec![
        "1.", "1.1", "1.1.1", "1.1.1.1", "1.1.1.2", "1.1.2", "1.2", "1.2.1", "1.2.1.1", "2.",
    ];
    let mut gongwen = vec![
        "一、",
        "（一）",
        "1.",
        "（1）",
        "（2）",
        "2.",
        "（二）",
        "1.",
        "（1）",
        "二、",
    ];
    decimal.extend([
        "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10", "2.11", "2.11.1",
        "2.11.1.1",
    ]);
    gongwen.extend([
        "（一）",
        "（二）",
        "（三）",
        "（四）",
        "（五）",
        "（六）",
        "（七）",
        "（八）",
        "（九）",
        "（十）",
        "（十一）",
        "1.",
        "（1）",
    ]);
    match scheme {
        "decimal" => decimal,
        _ => gongwen,
    }
}

/// The minimal fixture with the headings of [`outline`] (and an unnumbered
/// 结语 at level 2 last) as its chapters, in a house style and heading scheme.
fn project(house: &str, scheme: &str) -> std::path::PathBuf {
    let dir = temp_copy(
        &root().join("tests/fixtures/minimal"),
        &format!("headings-{house}-{scheme}"),
    );
    edit(&dir, "report.json", |s| {
        let from =
            r#""style": { "house": "gongwen", "headings": "decimal", "numbering": "chapter" }"#;
        assert!(s.contains(from), "the minimal fixture's style changed");
        s.replace(
            from,
            &format!(r#""style": {{ "house": "{house}", "headings": "{scheme}" }}"#),
        )
    });
    let mut chapters = [String::new(), String::new()];
    let mut ch = 0;
    for (i, (level, title)) in outline().into_iter().enumerate() {
        if level == 1 && i > 0 {
            ch += 1;
        }
        chapters[ch].push_str(&format!(
            "{} {title}\n\n正文。\n\n",
            "#".repeat(level.into())
        ));
    }
    chapters[1].push_str("## 结语 {.unnumbered}\n\n正文。\n");
    std::fs::write(dir.join("chapters/01.md"), &chapters[0]).unwrap();
    std::fs::write(dir.join("chapters/02.md"), &chapters[1]).unwrap();
    dir
}

#[test]
fn heading_numbers_at_four_levels_in_both_outputs() {
    for house in ["gongwen", "report"] {
        for scheme in ["decimal", "gongwen"] {
            let case = format!("house {house}, headings {scheme}");
            let (checked, pdf) = build(&project(house, scheme));
            let mut headings: Vec<(u8, String, String)> = outline()
                .into_iter()
                .zip(expected(scheme))
                .map(|((l, t), n)| (l, n.to_string(), t))
                .collect();
            headings.push((2, String::new(), "结语".into()));

            // The PDF: the body runs heading (number and title), 正文。,
            // heading … in order (目录 entries carry no 正文).
            let wanted: String = headings
                .iter()
                .map(|(_, n, t)| compact(&format!("{n}{t}正文。")))
                .collect();
            let text = body_text(&pages_text(&pdf), None);
            assert!(
                text.contains(&wanted),
                "{case}: the PDF's headings\nwanted {wanted}\nfound  {text}"
            );

            // The DOCX: the numbers the heading list prints, and no number
            // typed into a heading.
            let docx = nianbao::build_docx(&checked).expect("the DOCX renders");
            assert_eq!(
                heading_numbers(&docx),
                headings,
                "{case}: the DOCX's heading numbers"
            );

            // The pre-filled 目录 shows the same numbers as text.
            let doc = scan(&part(&docx, "word/document.xml"));
            let toc: Vec<String> = doc
                .paragraphs
                .iter()
                .filter(|p| p.style.starts_with("TOC"))
                .map(|p| p.text.split('\t').next().unwrap_or("").to_string())
                .collect();
            let toc_wanted: Vec<String> = headings
                .iter()
                .map(|(_, n, t)| {
                    if n.is_empty() {
                        t.clone()
                    } else {
                        format!("{n} {t}")
                    }
                })
                .collect();
            assert_eq!(toc, toc_wanted, "{case}: the DOCX's 目录");
        }
    }
}

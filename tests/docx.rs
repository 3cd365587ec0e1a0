//! The DOCX backend against the model: both samples build, every piece of
//! narrative text is in `document.xml`, fields and merges are counted, ids
//! are unique, output is deterministic, user text is never interpreted.

mod common;

use common::docx::{part, scan};
use common::{GROUPS, grouped_table_project};
use nianbao::model::*;
use std::collections::HashSet;
use std::path::Path;

fn sample(name: &str) -> nianbao::Checked {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name);
    nianbao::check(&dir).unwrap_or_else(|e| panic!("{name}: {:?}", e.diagnostics))
}

/// Every table in the model (body, cases, appendix), figures and cases.
fn walk<'a>(
    blocks: &'a [Block],
    tables: &mut Vec<&'a Table>,
    figures: &mut usize,
    cases: &mut usize,
) {
    for b in blocks {
        match b {
            Block::Table(t) => tables.push(t),
            Block::Figure(_) => *figures += 1,
            Block::Case(c) => {
                *cases += 1;
                walk(&c.blocks, tables, figures, cases);
            }
            Block::List(l) => l.items.iter().for_each(|i| walk(i, tables, figures, cases)),
            _ => {}
        }
    }
}

/// Narrative text of the model that must appear inside one paragraph.
fn model_texts(doc: &Document) -> Vec<String> {
    fn blocks(bs: &[Block], out: &mut Vec<String>) {
        for b in bs {
            match b {
                Block::Heading(h) => out.push(Inline::plain(&h.text)),
                Block::Paragraph(p) => out.push(Inline::plain(&p.content)),
                Block::List(l) => l.items.iter().for_each(|i| blocks(i, out)),
                Block::Table(t) => {
                    out.push(Inline::plain(&t.caption));
                    for row in &t.rows {
                        for c in row {
                            out.push(Inline::plain(&c.content));
                        }
                    }
                    for n in &t.notes {
                        out.push(Inline::plain(n));
                    }
                    out.extend(t.unit.iter().cloned());
                }
                Block::Figure(f) => {
                    out.push(format!(
                        "{}\u{3000}{}",
                        f.num.label,
                        Inline::plain(&f.caption)
                    ));
                    out.extend(f.images.iter().filter_map(|i| i.caption.clone()));
                }
                Block::Case(c) => {
                    out.push(format!(
                        "{}\u{3000}{}",
                        c.num.label,
                        Inline::plain(&c.title)
                    ));
                    out.extend(c.subtitle.iter().map(|s| Inline::plain(s)));
                    out.extend(c.unit.iter().cloned());
                    blocks(&c.blocks, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    blocks(&doc.preface, &mut out);
    for ch in &doc.chapters {
        out.push(Inline::plain(&ch.heading.text));
        blocks(&ch.blocks, &mut out);
    }
    for t in &doc.appendix {
        out.push(format!(
            "{}\u{3000}{}",
            t.num.label,
            Inline::plain(&t.caption)
        ));
        out.extend(t.name_line.iter().cloned());
        for row in &t.rows {
            for c in row {
                out.push(Inline::plain(&c.content));
            }
        }
    }
    let m = &doc.meta;
    out.extend([
        m.cover.title.clone().unwrap_or_default(),
        m.cover.region_line.clone().unwrap_or_default(),
        m.declaration.as_ref().unwrap().text.clone(),
    ]);
    out.retain(|s| !s.trim().is_empty());
    out
}

fn check_sample(name: &str) {
    let checked = sample(name);
    let doc = &checked.document;
    let docx = nianbao::build_docx(&checked).expect("renders");
    assert_eq!(&docx[..2], b"PK");
    let xml = part(&docx, "word/document.xml");
    let s = scan(&xml);

    // Text parity: each piece of model text lies inside one paragraph.
    for t in model_texts(doc) {
        assert!(
            s.texts().any(|p| p.contains(&t)),
            "{name}: text missing from the DOCX: {t:?}"
        );
    }

    // One SEQ field per table, figure and case of the body.
    let (mut tables, mut figures, mut cases) = (Vec::new(), 0, 0);
    for ch in &doc.chapters {
        walk(&ch.blocks, &mut tables, &mut figures, &mut cases);
    }
    let seq = s.instr.iter().filter(|i| i.starts_with("SEQ ")).count();
    assert_eq!(seq, tables.len() + figures + cases, "{name}: SEQ fields");
    assert!(
        s.instr.iter().any(|i| i.starts_with("TOC \\o")),
        "{name}: TOC field"
    );

    // Merges and repeated header rows.
    let all: Vec<&Table> = tables.iter().copied().chain(doc.appendix.iter()).collect();
    let spans: usize = all
        .iter()
        .flat_map(|t| t.rows.iter().flatten())
        .filter(|c| c.colspan > 1)
        .map(|c| c.rowspan.max(1))
        .sum();
    let vmerges: usize = all
        .iter()
        .flat_map(|t| t.rows.iter().flatten())
        .filter(|c| c.rowspan > 1)
        .map(|c| c.rowspan)
        .sum();
    let headers: usize = all.iter().map(|t| t.header_rows.min(t.rows.len())).sum();
    assert_eq!(s.grid_span, spans, "{name}: gridSpan");
    assert_eq!(s.v_merge, vmerges, "{name}: vMerge");
    assert_eq!(s.tbl_header, headers, "{name}: tblHeader");
    assert!(headers > 0);

    // Unique drawing ids.
    let unique: HashSet<&String> = s.doc_pr_ids.iter().collect();
    assert_eq!(unique.len(), s.doc_pr_ids.len(), "{name}: docPr ids repeat");
    assert!(!s.doc_pr_ids.is_empty());

    // Parts that must be there; JPEG stays JPEG.
    let ct = part(&docx, "[Content_Types].xml");
    assert!(ct.contains("image/jpeg") && ct.contains("theme+xml"));
    let styles = part(&docx, "word/styles.xml");
    assert!(
        styles.contains(r#"w:eastAsia="zh-CN""#) && styles.contains("w:firstLineChars=\"200\"")
    );
    assert!(part(&docx, "word/settings.xml").contains("<w:updateFields w:val=\"true\"/>"));
    assert!(
        xml.contains(r#"w:fmt="upperRoman""#) && xml.contains(r#"w:fmt="decimal" w:start="1""#)
    );

    // Determinism.
    assert_eq!(
        docx,
        nianbao::build_docx(&checked).unwrap(),
        "{name}: output differs between runs"
    );
}

#[test]
fn city_sample_docx() {
    check_sample("yunchuan-city");
}

#[test]
fn school_sample_docx() {
    check_sample("yunchuan-school");
}

#[test]
fn user_text_is_never_interpreted() {
    let mut checked = sample("yunchuan-school");
    let nasty = r#"#read("/etc/passwd") $x^2$ <b> ] \ ~ // &amp; </w:t></w:r>"#;
    let origin = Origin::default();
    let blocks = &mut checked.document.chapters[0].blocks;
    blocks.insert(
        0,
        Block::Paragraph(Paragraph {
            content: vec![Inline::Text(nasty.into())],
            origin: origin.clone(),
        }),
    );
    blocks.insert(
        1,
        Block::Paragraph(Paragraph {
            content: vec![
                Inline::Strong(vec![Inline::Text("<w:b/>".into())]),
                Inline::LineBreak,
                Inline::Emph(vec![Inline::Text("{{x}} @@LATIN@@".into())]),
            ],
            origin,
        }),
    );
    checked.document.meta.cover.title = Some("封面 <title> & \"quotes\"".into());
    checked.document.meta.title = "题名 <title> & \"quotes\"".into();
    let docx = nianbao::build_docx(&checked).expect("renders");
    let s = scan(&part(&docx, "word/document.xml"));
    assert!(
        s.texts().any(|p| p == nasty),
        "the paragraph is kept literally"
    );
    assert!(s.texts().any(|p| p == "<w:b/>\n{{x}} @@LATIN@@"));
    assert!(s.texts().any(|p| p == "封面 <title> & \"quotes\""));
    let core = part(&docx, "docProps/core.xml");
    assert!(
        core.contains("题名 &lt;title&gt; &amp; ") && !core.contains("<title>"),
        "{core}"
    );
}

/// Heading numbers come from a Word list linked to the Heading styles, with
/// the same formats as the model's numbers; unnumbered headings opt out.
#[test]
fn heading_numbers_are_a_word_list() {
    for (name, lvl1, lvl2) in [
        ("yunchuan-city", "%1.", "%1.%2"),
        ("yunchuan-school", "%1、", "（%2）"),
    ] {
        let checked = sample(name);
        let docx = nianbao::build_docx(&checked).unwrap();
        let numbering = part(&docx, "word/numbering.xml");
        assert!(
            numbering.contains(&format!(r#"<w:lvlText w:val="{lvl1}"/>"#)),
            "{name}: level 1"
        );
        assert!(
            numbering.contains(&format!(r#"<w:lvlText w:val="{lvl2}"/>"#)),
            "{name}: level 2"
        );
        let styles = part(&docx, "word/styles.xml");
        assert!(
            styles.contains(r#"<w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr>"#),
            "{name}: Heading2 linked"
        );
        let document = part(&docx, "word/document.xml");
        let unnumbered_in_model = checked
            .document
            .chapters
            .iter()
            .flat_map(|c| &c.blocks)
            .filter(|b| matches!(b, Block::Heading(h) if h.number.is_none()))
            .count();
        let opted_out = document.matches(r#"<w:numId w:val="2"/>"#).count();
        // + the 附表 title and the six appendix table titles.
        assert_eq!(
            opted_out,
            unnumbered_in_model + 1 + checked.document.appendix.len(),
            "{name}"
        );
        // Numbers are not typed into the headings as text.
        let first = &checked.document.chapters[0].heading;
        let typed = format!(">{} ", first.number.as_deref().unwrap());
        let heading_paras: Vec<&str> = document
            .split(r#"<w:pStyle w:val="Heading1"/>"#)
            .skip(1)
            .map(|rest| rest.split("</w:p>").next().unwrap_or(""))
            .collect();
        assert!(!heading_paras.is_empty());
        assert!(
            heading_paras.iter().all(|p| !p.contains(&typed)),
            "{name}: number typed into a heading"
        );
    }
}

/// `appendix.title` names the appendix in the DOCX as it does in the PDF
/// (the DOCX used to print a fixed `附表`).
#[test]
fn the_appendix_title_follows_the_project() {
    let mut checked = sample("yunchuan-school");
    assert!(!checked.document.appendix.is_empty());
    checked.document.appendix_title = "附件　质量年报指标".into();
    let docx = nianbao::build_docx(&checked).expect("renders");
    let s = scan(&part(&docx, "word/document.xml"));
    assert!(
        s.texts().any(|p| p == "附件　质量年报指标"),
        "the appendix heading"
    );
    assert!(!s.texts().any(|p| p == "附表"));
}

/// Rows under one row-spanning label keep together in the DOCX (Word prints
/// a merged cell's label on its first page only): every row of a group but
/// its last keeps with the next.
#[test]
fn rows_under_one_label_keep_together() {
    let dir = grouped_table_project("docx-groups");
    let checked = nianbao::check(&dir).unwrap_or_else(|e| panic!("{e}"));
    let docx = nianbao::build_docx(&checked).unwrap_or_else(|e| panic!("{e}"));
    let _ = std::fs::remove_dir_all(&dir);
    let xml = part(&docx, "word/document.xml");
    // The table's rows, in order: does the row's paragraph keep with the next?
    let table = xml
        .split("<w:tbl>")
        .find(|t| t.contains("建设项目1-1"))
        .expect("the table");
    let rows: Vec<(String, bool)> = table
        .split("<w:tr>")
        .skip(1)
        .map(|r| {
            let first = r
                .split("<w:t")
                .skip(1)
                .find(|t| t.starts_with('>') || t.starts_with(" xml:space"))
                .and_then(|t| t.split_once('>'))
                .and_then(|(_, t)| t.split("</w:t>").next())
                .unwrap_or("")
                .to_string();
            (first, r.contains("<w:keepNext/>"))
        })
        .collect();
    assert_eq!(rows.len(), 1 + 48);
    for (g, name) in GROUPS.iter().enumerate() {
        let start = 1 + g * 16;
        assert!(rows[start].0.contains(name), "{:?}", rows[start]);
        for (i, (text, keep)) in rows[start..start + 16].iter().enumerate() {
            assert_eq!(*keep, i < 15, "row {i} of {name}: {text}");
        }
    }
}

//! The bundled samples build to PDFs that hold every part of the official
//! layout, every paragraph of the narrative, and a table of contents whose
//! page numbers are where the headings really are.

mod common;

use common::*;
use nianbao::model::*;
use std::sync::OnceLock;

struct Built {
    checked: nianbao::Checked,
    pdf: Vec<u8>,
    pages: Vec<String>,
}

fn sample(name: &str) -> &'static Built {
    static CITY: OnceLock<Built> = OnceLock::new();
    static SCHOOL: OnceLock<Built> = OnceLock::new();
    let cell = if name == "yunchuan-city" {
        &CITY
    } else {
        &SCHOOL
    };
    cell.get_or_init(|| {
        let (checked, pdf) = build(&root().join("samples").join(name));
        let pages = pages_text(&pdf);
        Built {
            checked,
            pdf,
            pages,
        }
    })
}

fn paragraphs(blocks: &[Block], out: &mut Vec<String>) {
    for b in blocks {
        match b {
            Block::Paragraph(p) => out.push(Inline::plain(&p.content)),
            Block::List(l) => l.items.iter().for_each(|i| paragraphs(i, out)),
            Block::Case(c) => paragraphs(&c.blocks, out),
            _ => {}
        }
    }
}

fn all_paragraphs(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    paragraphs(&doc.preface, &mut out);
    for ch in &doc.chapters {
        paragraphs(&ch.blocks, &mut out);
    }
    out
}

/// Asserts that `needles` occur in `hay` in this order.
fn assert_in_order(hay: &str, needles: &[String]) {
    let mut from = 0;
    for n in needles {
        let n = compact(n);
        match hay[from..].find(&n) {
            Some(i) => from += i + n.len(),
            None => panic!("“{n}” missing or out of order (searched from byte {from})"),
        }
    }
}

fn check_parts_in_order(b: &Built) {
    let doc = &b.checked.document;
    let text = body_text(&b.pages, doc.style.running_header.as_deref());
    let m = &doc.meta;
    let d = m
        .declaration
        .as_ref()
        .expect("the samples have a declaration");
    let mut parts = vec![
        m.cover.region_line.clone().unwrap(),
        m.cover.title.clone().unwrap(),
        m.cover.compiler_line.clone().unwrap(),
        d.title.clone(),
        d.text.clone(),
    ];
    if let Some(t) = &m.team {
        parts.push(t.title.clone());
    }
    if !doc.preface.is_empty() {
        parts.push("前言".into());
    }
    parts.push("目录".into());
    parts.push("表目录".into());
    parts.push("图目录".into());
    parts.push("案例目录".into());
    for ch in &doc.chapters {
        parts.push(format!(
            "{}{}",
            ch.heading.number.clone().unwrap_or_default(),
            Inline::plain(&ch.heading.text)
        ));
    }
    parts.push("附表".into());
    for t in &doc.appendix {
        parts.push(format!("{}{}", t.num.label, Inline::plain(&t.caption)));
        parts.push(t.name_line.clone().unwrap());
    }
    if let Some(c) = &m.closing {
        parts.push(c.unit.clone());
        parts.push(c.date.clone());
    }
    assert_in_order(&text, &parts);
}

/// Whether `para` is in `text` whole, or in at most three pieces in order
/// with at most a page of other text between them: a tall table or figure
/// floats to the top of the next page, inside the paragraph that runs on.
fn present(text: &str, para: &str) -> bool {
    if text.contains(para) {
        return true;
    }
    // Greedy: the longest prefix of what is left, found after the last piece.
    let mut rest = para;
    let mut from = 0usize;
    for piece in 0..3 {
        let window = &text[from..];
        let cuts: Vec<usize> = rest
            .char_indices()
            .map(|(i, _)| i)
            .skip(1)
            .chain(std::iter::once(rest.len()))
            .collect();
        let found = cuts.iter().rev().find_map(|&k| {
            let at = window.find(&rest[..k])?;
            (piece == 0 || at < 4000).then_some((k, at))
        });
        let Some((k, at)) = found else {
            return false;
        };
        from += at + k;
        rest = &rest[k..];
        if rest.is_empty() {
            return true;
        }
    }
    false
}

fn check_every_paragraph(b: &Built) {
    let doc = &b.checked.document;
    let text = body_text(&b.pages, doc.style.running_header.as_deref());
    let paras = all_paragraphs(doc);
    assert!(paras.len() > 50, "only {} paragraphs", paras.len());
    let missing: Vec<&String> = paras
        .iter()
        .filter(|p| !present(&text, &compact(p)))
        .collect();
    assert!(
        missing.is_empty(),
        "{} paragraphs missing from the PDF, first: {:?}",
        missing.len(),
        missing.first()
    );
}

/// Every heading listed in 目录 appears on the page the 目录 says.
fn check_toc_pages(b: &Built) {
    let doc = &b.checked.document;
    let header = doc.style.running_header.as_deref();
    let toc_start = b
        .pages
        .iter()
        .position(|p| compact(p).starts_with("目录"))
        .expect("a 目录 page");
    let toc_end = b
        .pages
        .iter()
        .position(|p| compact(p).starts_with("表目录"))
        .unwrap_or(toc_start + 1);
    let toc: String = b.pages[toc_start..toc_end]
        .iter()
        .map(|p| page_body(p, None))
        .collect();
    // Physical index of body page 1: the first page whose footer is `1`.
    let body_start = b
        .pages
        .iter()
        .position(|p| footer_number(p).as_deref() == Some("1"))
        .expect("a page numbered 1");
    let mut entries: Vec<String> = Vec::new();
    for ch in &doc.chapters {
        let mut add = |h: &Heading| {
            entries.push(format!(
                "{}{}",
                h.number.clone().unwrap_or_default(),
                Inline::plain(&h.text)
            ))
        };
        add(&ch.heading);
        for blk in &ch.blocks {
            if let Block::Heading(h) = blk
                && h.level <= 3
            {
                add(h);
            }
        }
    }
    if !doc.appendix.is_empty() {
        entries.push(doc.appendix_title.clone());
    }
    for t in &doc.appendix {
        entries.push(format!("{}{}", t.num.label, Inline::plain(&t.caption)));
    }
    // Entries are in order: the page number of one entry is what stands
    // between its text (plus dot leaders) and the next entry's text.
    let compacted: Vec<String> = entries.iter().map(|e| compact(e)).collect();
    let mut positions = Vec::new();
    let mut from = 0;
    for e in &compacted {
        let at = toc[from..]
            .find(e.as_str())
            .unwrap_or_else(|| panic!("目录 lacks “{e}”"))
            + from;
        positions.push(at);
        from = at + e.len();
    }
    for (i, e) in compacted.iter().enumerate() {
        let end = positions.get(i + 1).copied().unwrap_or(toc.len());
        let rest = &toc[positions[i] + e.len()..end];
        let digits = rest.trim_start_matches(['.', '…', '·']);
        let n: usize = digits
            .parse()
            .unwrap_or_else(|_| panic!("no page number after “{e}”: “{rest}”"));
        let page = &b.pages[body_start + n - 1];
        assert_eq!(
            footer_number(page).as_deref(),
            Some(digits),
            "page label of “{e}”"
        );
        assert!(
            page_body(page, header).contains(e.as_str()),
            "目录 says “{e}” is on page {n}, but it is not there"
        );
    }
    assert!(entries.len() >= 10);
}

#[test]
fn city_sample_has_every_part_in_order() {
    check_parts_in_order(sample("yunchuan-city"));
}

#[test]
fn city_sample_prints_every_paragraph() {
    check_every_paragraph(sample("yunchuan-city"));
}

#[test]
fn city_sample_toc_page_numbers_are_right() {
    check_toc_pages(sample("yunchuan-city"));
}

#[test]
fn city_sample_is_at_the_scale_of_a_city_report() {
    let b = sample("yunchuan-city");
    let doc = &b.checked.document;
    let (mut tables, mut figures, mut cases) = (0, 0, 0);
    fn count(bs: &[Block], t: &mut usize, f: &mut usize, c: &mut usize) {
        for b in bs {
            match b {
                Block::Table(_) => *t += 1,
                Block::Figure(_) => *f += 1,
                Block::Case(x) => {
                    *c += 1;
                    count(&x.blocks, t, f, c);
                }
                _ => {}
            }
        }
    }
    for ch in &doc.chapters {
        count(&ch.blocks, &mut tables, &mut figures, &mut cases);
    }
    assert_eq!(doc.chapters.len(), 7);
    assert!(
        tables >= 20 && figures >= 30 && cases >= 10,
        "{tables} tables, {figures} figures, {cases} cases"
    );
    assert_eq!(doc.appendix.len(), 6);
    assert!(b.pages.len() >= 60, "{} pages", b.pages.len());
    assert!(
        page_sizes(&b.pdf)
            .iter()
            .all(
                |&(w, h)| (w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5
                    || (h - 595.28).abs() < 0.5
            )
    );
    // Per-chapter numbering and gongwen page numbers.
    let text = compact(&b.pages.join(""));
    assert!(text.contains("表1-1") && text.contains("图2-1") && text.contains("案例3-1"));
    assert!(
        b.pages
            .iter()
            .any(|p| footer_number(p).as_deref() == Some("II")),
        "roman front matter"
    );
}

#[test]
fn school_sample_has_every_part_in_order() {
    check_parts_in_order(sample("yunchuan-school"));
}

#[test]
fn school_sample_prints_every_paragraph() {
    check_every_paragraph(sample("yunchuan-school"));
}

#[test]
fn school_sample_toc_page_numbers_are_right() {
    check_toc_pages(sample("yunchuan-school"));
}

#[test]
fn school_sample_uses_gongwen_headings_and_continuous_numbers() {
    let b = sample("yunchuan-school");
    let text = compact(&b.pages.join(""));
    assert!(text.contains("一、基本情况"), "gongwen level-1 heading");
    assert!(text.contains("（一）"), "gongwen level-2 heading");
    assert!(text.contains("表1") && text.contains("图1") && text.contains("案例1"));
    assert!(
        !text.contains("表1-1"),
        "continuous numbering has no chapter prefix"
    );
}

#[test]
fn same_input_gives_the_same_bytes() {
    let dir = root().join("samples").join("yunchuan-school");
    let (_, again) = build(&dir);
    assert!(again == sample("yunchuan-school").pdf, "two builds differ");
}

fn pdf_string(o: &lopdf::Object) -> String {
    let bytes = o.as_str().unwrap_or_default();
    if bytes.starts_with(&[0xfe, 0xff]) {
        let units: Vec<u16> = bytes[2..]
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

#[test]
fn city_sample_has_bookmarks_and_page_labels() {
    let b = sample("yunchuan-city");
    let doc = lopdf::Document::load_mem(&b.pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    // Page labels: none for the cover, roman for the front matter, decimal for the body.
    let labels = doc
        .get_dictionary(catalog.get(b"PageLabels").unwrap().as_reference().unwrap())
        .unwrap();
    let nums = labels.get(b"Nums").unwrap().as_array().unwrap();
    let styles: Vec<String> = nums
        .iter()
        .filter_map(|o| match o {
            lopdf::Object::Dictionary(d) => Some(d.clone()),
            lopdf::Object::Reference(r) => doc.get_dictionary(*r).ok().cloned(),
            _ => None,
        })
        .map(|d| {
            d.get(b"S")
                .ok()
                .and_then(|s| s.as_name().ok())
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default()
        })
        .collect();
    assert!(
        styles.iter().any(|s| s == "R"),
        "no roman labels: {styles:?}"
    );
    assert!(
        styles.iter().any(|s| s == "D"),
        "no decimal labels: {styles:?}"
    );
    // Bookmarks: the chapters, in order.
    let outlines = doc
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let mut titles = Vec::new();
    let mut next = outlines
        .get(b"First")
        .ok()
        .and_then(|o| o.as_reference().ok());
    while let Some(id) = next {
        let item = doc.get_dictionary(id).unwrap();
        titles.push(compact(&pdf_string(item.get(b"Title").unwrap())));
        next = item.get(b"Next").ok().and_then(|o| o.as_reference().ok());
    }
    for ch in &b.checked.document.chapters {
        let want = compact(&format!(
            "{}{}",
            ch.heading.number.clone().unwrap_or_default(),
            Inline::plain(&ch.heading.text)
        ));
        assert!(titles.contains(&want), "no bookmark “{want}” in {titles:?}");
    }
}

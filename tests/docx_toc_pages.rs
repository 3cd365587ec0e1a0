//! The DOCX's pre-filled 目录 and lists show page numbers before any field
//! update: those of the PDF built with it, checked here against the pages
//! where the PDF puts each entry.

mod common;

use common::docx::part;
use common::{compact, fonts, footer_number, pages_text, root};

/// One pre-filled entry: its paragraph style, its text and the page number
/// cached in its PAGEREF field.
#[derive(Debug)]
struct Entry {
    style: String,
    text: String,
    page: String,
}

/// The text of the `<w:t>` runs in `xml`.
fn texts(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find("<w:t") {
        let after = &rest[i + 4..];
        let Some(open_end) = after.find('>') else {
            break;
        };
        if !(after.starts_with('>') || after.starts_with(' ')) {
            rest = after;
            continue;
        }
        let body = &after[open_end + 1..];
        let close = body.find("</w:t>").unwrap_or(body.len());
        out.push_str(&body[..close]);
        rest = &body[close..];
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// Every paragraph of the 目录 and the lists: style, entry text, cached page.
fn entries(xml: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    for para in xml.split("<w:p>").skip(1) {
        let Some(style) = para
            .split("<w:pStyle w:val=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
        else {
            continue;
        };
        if !(style.starts_with("TOC") || style == "TableofFigures") {
            continue;
        }
        let Some((before, field)) = para.split_once("PAGEREF ") else {
            continue;
        };
        let text = texts(before.rsplit_once("<w:tab/>").map_or(before, |(t, _)| t));
        let result = field
            .split_once("w:fldCharType=\"separate\"")
            .map(|(_, r)| r.split("w:fldCharType=\"end\"").next().unwrap_or(""))
            .unwrap_or("");
        out.push(Entry {
            style: style.to_string(),
            text: compact(&text),
            page: texts(result),
        });
    }
    out
}

#[test]
fn the_docx_toc_carries_the_pdfs_page_numbers() {
    let dir = root().join("samples/yunchuan-school");
    let checked = nianbao::check(&dir).unwrap_or_else(|e| panic!("{e}"));
    let out = nianbao::build_outputs(&checked, fonts(), Default::default(), true, true);
    let pdf = out.pdf.unwrap().unwrap_or_else(|e| panic!("{e}")).pdf;
    let docx = out.docx.unwrap().unwrap_or_else(|e| panic!("{e}"));
    let found = entries(&part(&docx, "word/document.xml"));
    let headings = found.iter().filter(|e| e.style.starts_with("TOC")).count();
    let lists = found.len() - headings;
    assert!(
        headings >= 20 && lists >= 5,
        "{headings} headings, {lists} list entries"
    );

    let pages = pages_text(&pdf);
    // The body's pages by the number printed in their footer (the front
    // matter's roman numbers are not entries' pages here).
    let mut wrong = Vec::new();
    for e in &found {
        assert!(!e.page.is_empty(), "no page number for {e:?}");
        let landed = pages.iter().any(|p| {
            footer_number(p).as_deref() == Some(e.page.as_str()) && {
                // An entry's text may be cut by a line break in the PDF;
                // its first 6 characters must be on the page.
                let head: String = e.text.chars().take(6).collect();
                compact(p).contains(&head)
            }
        });
        if !landed {
            wrong.push(format!("{} “{}” → {}", e.style, e.text, e.page));
        }
    }
    assert!(
        wrong.is_empty(),
        "not on the page the DOCX says:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_docx_built_alone_leaves_the_page_numbers_to_the_field_update() {
    let dir = root().join("samples/yunchuan-school");
    let checked = nianbao::check(&dir).unwrap_or_else(|e| panic!("{e}"));
    let docx = nianbao::build_docx(&checked).unwrap_or_else(|e| panic!("{e}"));
    let found = entries(&part(&docx, "word/document.xml"));
    assert!(!found.is_empty());
    assert!(found.iter().all(|e| e.page.is_empty()), "{found:?}");
}

/// Wrapped entries of the lists hang under their caption text in the DOCX
/// too: the list style has a hanging indent as wide as a number `表 1-1　`.
#[test]
fn list_entries_hang_under_their_caption_text() {
    let dir = root().join("samples/yunchuan-school");
    let checked = nianbao::check(&dir).unwrap_or_else(|e| panic!("{e}"));
    let docx = nianbao::build_docx(&checked).unwrap_or_else(|e| panic!("{e}"));
    let styles = part(&docx, "word/styles.xml");
    let style = styles
        .split("<w:style ")
        .find(|s| s.contains("w:styleId=\"TableofFigures\""))
        .expect("the list style");
    let attr = |name: &str| -> u32 {
        style
            .split(&format!("{name}=\""))
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{name} in {style}"))
    };
    let (left, hanging) = (attr("w:left"), attr("w:hanging"));
    assert_eq!(
        left, hanging,
        "wrapped lines start where the first began + the hang"
    );
    // 4 to 5 characters of the lists' type size (10.5 to 14 pt): 840–1400 twips.
    assert!((800..=1500).contains(&hanging), "{hanging}");
}

//! The narrative: chapters, headings, paragraphs, lists, case boxes, the
//! appendix and the closing signature (inline content as runs: [`super::runs`]).

use super::fields::SeqKind;
use super::runs::{inlines, runs};
use super::xml::{RunFmt, text_runs};
use super::{TocEntry, Writer};
use crate::error::Result;
use crate::model::*;

/// The body: chapters, the appendix and the closing signature.
pub fn body(w: &mut Writer) -> Result<()> {
    let doc = w.doc;
    for ch in &doc.chapters {
        heading(w, &ch.heading);
        blocks(w, &ch.blocks, false)?;
    }
    if let Some(c) = &doc.meta.closing
        && c.after == ClosingPlace::Chapters
    {
        closing(w, c);
    }
    if !doc.appendix.is_empty() {
        let h = Heading {
            level: 1,
            unnumbered: true,
            number: None,
            text: vec![Inline::Text(doc.appendix_title.clone())],
            id: None,
            origin: Origin::default(),
        };
        heading(w, &h);
        for t in &doc.appendix {
            super::table::appendix_table(w, t)?;
        }
    }
    if let Some(c) = &doc.meta.closing
        && c.after == ClosingPlace::Appendix
    {
        closing(w, c);
    }
    Ok(())
}

/// A numbered heading in a Heading 1–4 style, bookmarked for the TOC.
pub fn heading(w: &mut Writer, h: &Heading) {
    let level = h.level.clamp(1, 4);
    let bm = w.bookmark_name(&h.id);
    let mut c = String::new();
    let mut text = String::new();
    // The number itself comes from the heading list (numbering.rs); the TOC
    // entry, written out before Word updates it, shows it as text.
    if let Some(n) = &h.number {
        text.push_str(&format!("{n} "));
    }
    inlines(&mut c, &h.text, RunFmt::default());
    text.push_str(&Inline::one_line(&h.text));
    let c = w.bookmarked(&bm, &c);
    w.headings.push(TocEntry {
        level,
        text,
        bookmark: bm,
    });
    let extra = if h.number.is_none() {
        super::numbering::unnumbered(level)
    } else {
        String::new()
    };
    w.p(&format!("Heading{level}"), &extra, &c);
}

/// A run of blocks at body level or inside a case box.
pub fn blocks(w: &mut Writer, bs: &[Block], in_case: bool) -> Result<()> {
    for b in bs {
        block(w, b, in_case)?;
    }
    Ok(())
}

fn block(w: &mut Writer, b: &Block, in_case: bool) -> Result<()> {
    match b {
        Block::Heading(h) if in_case => case_heading(w, h),
        Block::Heading(h) => heading(w, h),
        Block::Paragraph(p) => {
            let c = runs(&p.content, RunFmt::default());
            w.p("BodyText", "", &c);
        }
        Block::List(l) => list(w, l, in_case)?,
        Block::Table(t) => super::table::body_table(w, t)?,
        Block::Figure(f) => super::figure::figure(w, f)?,
        Block::Case(c) => case(w, c)?,
    }
    Ok(())
}

/// A heading inside a case: a plain paragraph in the house style's look
/// for its level (`case_headings`), kept out of the TOC.
fn case_heading(w: &mut Writer, h: &Heading) {
    let look = w.house.case_headings[(h.level as usize).clamp(2, 4) - 2];
    let fmt = RunFmt {
        bold: look.bold,
        east_asia: Some(look.font),
        size: Some(look.size),
        ..RunFmt::default()
    };
    let c = runs(&h.text, fmt);
    w.p("CaseHeading", "", &c);
}

/// List items as paragraphs with a literal marker (`1.` / `•`).
fn list(w: &mut Writer, l: &List, in_case: bool) -> Result<()> {
    let markers = &w.doc.house.lists.markers;
    let bullet = markers[w.list_depth % markers.len()].clone();
    w.list_depth += 1;
    let result = list_items(w, l, in_case, &bullet);
    w.list_depth -= 1;
    result
}

fn list_items(w: &mut Writer, l: &List, in_case: bool, bullet: &str) -> Result<()> {
    for (i, item) in l.items.iter().enumerate() {
        let marker = if l.ordered {
            format!("{}.", l.start + i as u64)
        } else {
            bullet.to_string()
        };
        let mut first = true;
        for b in item {
            match b {
                Block::Paragraph(p) if first => {
                    let mut c = String::new();
                    text_runs(&mut c, &format!("{marker} "), &RunFmt::default());
                    inlines(&mut c, &p.content, RunFmt::default());
                    w.p("BodyText", "", &c);
                }
                other => {
                    if first {
                        let mut c = String::new();
                        text_runs(&mut c, &marker, &RunFmt::default());
                        w.p("BodyText", "", &c);
                    }
                    block(w, other, in_case)?;
                }
            }
            first = false;
        }
    }
    Ok(())
}

/// A case study: a shaded one-cell table with rules above and below (a row
/// may break across pages), holding the numbered title and the content.
fn case(w: &mut Writer, c: &Case) -> Result<()> {
    let outer = w.width;
    let (mx, my) = (w.house.char_width(), 180);
    let inner = outer.saturating_sub(2 * mx);
    w.width = inner;
    let content = w.capture(|w| {
        let t = w.numbered_caption(SeqKind::Case, &c.num, &c.title);
        w.p("CaseTitle", "", &t);
        if let Some(s) = &c.subtitle {
            let t = runs(s, RunFmt::default());
            w.p("CaseSubtitle", "", &t);
        }
        if let Some(u) = &c.unit {
            let mut t = String::new();
            text_runs(&mut t, u, &RunFmt::default());
            w.p("CaseUnit", "", &t);
        } else {
            w.p("CaseUnit", "", "");
        }
        blocks(w, &c.blocks, true)?;
        w.end_with_paragraph();
        Ok(())
    });
    w.width = outer;
    let content = content?;
    let cb = &w.doc.house.case_box;
    let hex = |c: &str| c.trim_start_matches('#').to_ascii_uppercase();
    // Border widths are in eighths of a point.
    let rule = format!(
        r#"w:val="single" w:sz="{}" w:space="0" w:color="{}""#,
        (cb.rule_pt * 8.0).round() as u32,
        hex(&cb.rule)
    );
    let shd = format!(
        r#"<w:shd w:val="clear" w:color="auto" w:fill="{}"/>"#,
        hex(&cb.fill)
    );
    let tbl = format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{outer}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders><w:top {rule}/><w:left w:val="nil"/><w:bottom {rule}/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>{shd}<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="{my}" w:type="dxa"/><w:left w:w="{mx}" w:type="dxa"/><w:bottom w:w="{my}" w:type="dxa"/><w:right w:w="{mx}" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w="{outer}"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="{outer}" w:type="dxa"/>{shd}</w:tcPr>{content}</w:tc></w:tr></w:tbl>"#
    );
    w.table_xml(&tbl);
    Ok(())
}

/// The closing signature: unit and date, right-aligned as a block with the
/// two lines centred on each other.
fn closing(w: &mut Writer, c: &Closing) {
    let width = |s: &str| {
        s.chars()
            .map(|ch| if ch.is_ascii() { 1 } else { 2 })
            .sum::<u32>()
    };
    let (wu, wd) = (width(&c.unit), width(&c.date));
    let half = w.house.char_width() / 2;
    let (iu, id) = if wu >= wd {
        (0, (wu - wd) * half / 2)
    } else {
        ((wd - wu) * half / 2, 0)
    };
    let before = w.house.body_size * 30;
    for (i, (text, ind)) in [(&c.unit, iu), (&c.date, id)].into_iter().enumerate() {
        let mut r = String::new();
        text_runs(&mut r, text, &RunFmt::default());
        let sp = if i == 0 {
            format!(r#"<w:keepNext/><w:spacing w:before="{before}"/>"#)
        } else {
            String::new()
        };
        w.p(
            "Normal",
            &format!(r#"{sp}<w:ind w:right="{ind}"/><w:jc w:val="right"/>"#),
            &r,
        );
    }
}

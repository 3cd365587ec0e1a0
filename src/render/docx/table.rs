//! Tables: caption above (SEQ-numbered), name/unit line, the grid with
//! horizontal (`gridSpan`) and vertical (`vMerge`) merges, header rows that
//! repeat (`tblHeader`), notes below; landscape tables get their own section.

use super::fields::SeqKind;
use super::house::HEI;
use super::runs::runs;
use super::sections::SectKind;
use super::xml::{RunFmt, text_runs, text_runs_rpr};
use super::{TocEntry, Writer};
use crate::error::Result;
use crate::layout::tables::MIN_ROWS_ON_PAGE;
use crate::model::*;
use std::fmt::Write as _;

/// A numbered table in the narrative.
pub fn body_table(w: &mut Writer, t: &Table) -> Result<()> {
    with_orientation(w, t, |w| {
        let c = w.numbered_caption(SeqKind::Table, &t.num, &t.caption);
        w.p(SeqKind::Table.caption_style(&t.num), "<w:keepNext/>", &c);
        table_with_lines(w, t);
    })
}

/// An appendix table: its title (`表1 人才培养质量计分卡`) as a level-2
/// heading listed in the TOC, then the table.
pub fn appendix_table(w: &mut Writer, t: &Table) -> Result<()> {
    with_orientation(w, t, |w| {
        let bm = w.bookmark_name(&None);
        let title = format!(
            "{}{}{}",
            t.num.label,
            w.doc.house.captions.separator,
            Inline::one_line(&t.caption)
        );
        let size = w.house.body_size;
        let rpr = format!(
            r#"<w:rPr><w:rFonts w:eastAsia="{HEI}"/><w:b w:val="0"/><w:bCs w:val="0"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>"#
        );
        let mut c = String::new();
        text_runs_rpr(&mut c, &title, &rpr);
        let c = w.bookmarked(&bm, &c);
        w.headings.push(TocEntry {
            level: 2,
            text: title,
            bookmark: bm,
        });
        let look = format!(
            r#"{}<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/>{rpr}"#,
            super::numbering::unnumbered(2)
        );
        w.p("Heading2", &look, &c);
        table_with_lines(w, t);
    })
}

/// Puts a landscape table on pages of its own.
fn with_orientation(w: &mut Writer, t: &Table, f: impl FnOnce(&mut Writer)) -> Result<()> {
    if !t.layout.landscape {
        f(w);
        return Ok(());
    }
    let first = w.body_sections == 0;
    w.end_section(SectKind::Body {
        first,
        landscape: false,
    });
    let saved = w.width;
    w.width = w.house.landscape_text_width();
    f(w);
    w.end_section(SectKind::Body {
        first: false,
        landscape: true,
    });
    w.width = saved;
    Ok(())
}

/// Name/unit line, the grid, the notes.
fn table_with_lines(w: &mut Writer, t: &Table) {
    if t.name_line.is_some() || t.unit.is_some() {
        let mut c = String::new();
        if let Some(n) = &t.name_line {
            text_runs(&mut c, n, &RunFmt::default());
        }
        if let Some(u) = &t.unit {
            c.push_str("<w:r><w:tab/></w:r>");
            text_runs(&mut c, u, &RunFmt::default());
        }
        let tab = format!(
            r#"<w:tabs><w:tab w:val="right" w:pos="{}"/></w:tabs>"#,
            w.width
        );
        w.p("UnitLine", &tab, &c);
    }
    let xml = grid(w, t);
    w.table_xml(&xml);
    for n in &t.notes {
        let c = runs(n, RunFmt::default());
        w.p("TableNote", "", &c);
    }
}

/// Column widths in twips summing to `total`, from the layout layer's shares
/// (even shares if the table was not laid out).
pub fn column_widths(t: &Table, total: u32) -> Vec<u32> {
    let n = t.columns.max(1);
    let weights = if t.layout.widths.len() == n {
        t.layout.widths.clone()
    } else {
        vec![1.0; n]
    };
    let sum: f64 = weights.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    let mut out: Vec<u32> = weights
        .iter()
        .map(|x| (x / sum * total as f64).floor() as u32)
        .collect();
    let used: u32 = out.iter().sum();
    if let Some(last) = out.last_mut() {
        *last += total - used;
    }
    out
}

/// Which rows keep with the next one (Word and LibreOffice keep a row whose
/// paragraphs have `keepNext` on the page of the row after it): all of them
/// in a table that fits on a page; otherwise the head with the first body
/// rows and the last rows together, so that a split leaves at least
/// [`MIN_ROWS_ON_PAGE`] body rows on each page; and the last row with the
/// notes below.
fn keep_with_next(t: &Table) -> Vec<bool> {
    let n = t.rows.len();
    let mut keep = vec![false; n];
    if t.layout.fits_page {
        keep.iter_mut()
            .take(n.saturating_sub(1))
            .for_each(|k| *k = true);
    } else {
        let head = t.header_rows.min(n);
        let first = (head + MIN_ROWS_ON_PAGE - 1).min(n);
        keep[..first].iter_mut().for_each(|k| *k = true);
        let last = n.saturating_sub(MIN_ROWS_ON_PAGE + 1).max(first);
        keep[last..n.saturating_sub(1)]
            .iter_mut()
            .for_each(|k| *k = true);
    }
    // Rows under one row-spanning label stay on one page: Word and
    // LibreOffice print a merged cell's label on its first page only (the
    // PDF repeats it instead, see nb-table-grid), so a group is split only
    // when it is longer than a page holds.
    for row in t.rows.iter().enumerate().skip(t.header_rows) {
        let (r, cells) = row;
        for c in cells.iter().filter(|c| c.rowspan > 1) {
            if c.rowspan <= MAX_ROWS_KEPT {
                let end = (r + c.rowspan - 1).min(n.saturating_sub(1));
                keep[r..end].iter_mut().for_each(|k| *k = true);
            }
        }
    }
    if !t.notes.is_empty()
        && let Some(k) = keep.last_mut()
    {
        *k = true;
    }
    keep
}

/// The longest group of rows under one label that is kept on one page.
const MAX_ROWS_KEPT: usize = 20;

/// What occupies one grid position of a row.
enum Slot<'a> {
    /// A cell starts here.
    Start(&'a Cell),
    /// Covered by a cell from a row above that starts in this column.
    Continue(&'a Cell),
    /// Covered horizontally, or nothing there.
    Covered,
    Empty,
}

/// The table grid as `w:tbl` XML.
fn grid(w: &Writer, t: &Table) -> String {
    let n = t.columns.max(1);
    let widths = column_widths(t, w.width);
    let size = if t.layout.size_pt > 0.0 {
        super::house::half_points(t.layout.size_pt)
    } else {
        w.house.table_size
    };
    let inset = (w.doc.house.tables.cell_inset_pt * 20.0).round() as u32;
    // Lay the cells out on the grid.
    let rows = t.rows.len();
    let mut slots: Vec<Vec<Slot>> = (0..rows)
        .map(|_| (0..n).map(|_| Slot::Empty).collect())
        .collect();
    for (r, row) in t.rows.iter().enumerate() {
        for c in row {
            if c.col >= n {
                continue;
            }
            let last_row = (r + c.rowspan.max(1)).min(rows);
            let last_col = (c.col + c.colspan.max(1)).min(n);
            for (rr, row_slots) in slots.iter_mut().enumerate().take(last_row).skip(r) {
                for (cc, slot) in row_slots.iter_mut().enumerate().take(last_col).skip(c.col) {
                    *slot = match (rr == r, cc == c.col) {
                        (true, true) => Slot::Start(c),
                        (false, true) => Slot::Continue(c),
                        _ => Slot::Covered,
                    };
                }
            }
        }
    }
    let mut s = String::new();
    let total: u32 = widths.iter().sum();
    let _ = write!(
        s,
        r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="45" w:type="dxa"/><w:left w:w="{inset}" w:type="dxa"/><w:bottom w:w="45" w:type="dxa"/><w:right w:w="{inset}" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#
    );
    for wd in &widths {
        let _ = write!(s, r#"<w:gridCol w:w="{wd}"/>"#);
    }
    s.push_str("</w:tblGrid>");
    let keep = keep_with_next(t);
    for (r, row_slots) in slots.iter().enumerate() {
        let header = r < t.header_rows;
        let keep_next = if keep[r] { "<w:keepNext/>" } else { "" };
        s.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if header {
            s.push_str("<w:tblHeader/>");
        }
        s.push_str("</w:trPr>");
        let mut c = 0;
        while c < n {
            let (cell, cont) = match &row_slots[c] {
                Slot::Start(cell) => (Some(*cell), false),
                Slot::Continue(cell) => (Some(*cell), true),
                Slot::Covered | Slot::Empty => (None, false),
            };
            let span = cell.map(|x| x.colspan.max(1)).unwrap_or(1).min(n - c);
            let width: u32 = widths[c..c + span].iter().sum();
            let _ = write!(s, r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#);
            if span > 1 {
                let _ = write!(s, r#"<w:gridSpan w:val="{span}"/>"#);
            }
            if let Some(cell) = cell
                && cell.rowspan > 1
            {
                s.push_str(if cont {
                    "<w:vMerge/>"
                } else {
                    r#"<w:vMerge w:val="restart"/>"#
                });
            }
            s.push_str(r#"<w:vAlign w:val="center"/></w:tcPr>"#);
            let align = cell
                .and_then(|x| x.align)
                .unwrap_or(t.aligns.get(c).copied().unwrap_or_default());
            let jc = match align {
                Align::Left => "left",
                Align::Center => "center",
                Align::Right => "right",
            };
            let fmt = RunFmt {
                bold: header,
                size: Some(size),
                ..RunFmt::default()
            };
            let content = match cell {
                Some(cell) if !cont => runs(&cell.content, fmt),
                _ => String::new(),
            };
            let _ = write!(
                s,
                r#"<w:p><w:pPr><w:pStyle w:val="TableText"/>{keep_next}<w:jc w:val="{jc}"/><w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:pPr>{content}</w:p></w:tc>"#
            );
            c += span;
        }
        s.push_str("</w:tr>");
    }
    s.push_str("</w:tbl>");
    s
}

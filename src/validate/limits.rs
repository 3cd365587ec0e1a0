//! Checks the sizes a report may not exceed ([`crate::model::limits`]) and
//! that every number the backends print as layout is finite, so that no
//! hostile or careless input reaches a backend it could exhaust or break.

use crate::error::Collector;
use crate::i18n::msg;
use crate::model::limits::*;
use crate::model::*;

/// Reports every table, figure and image count over its limit, and every
/// layout number (column widths, figure width) that is not a positive finite
/// number, at the block's file:line.
pub fn check(doc: &Document, errors: &mut Collector) {
    let mut images = 0usize;
    let m = &doc.meta;
    for (field, text) in [("title", &m.title), ("unit", &m.unit)] {
        let n = text.chars().count();
        if n > MAX_TITLE_CHARS {
            errors.error(
                format!("report.json: {field}"),
                msg::validate::meta_too_long(MAX_TITLE_CHARS, n),
            );
        }
    }
    for ch in &doc.chapters {
        walk(&ch.blocks, &mut images, errors);
    }
    walk(&doc.preface, &mut images, errors);
    if images > MAX_IMAGES {
        errors.error(
            "report.json",
            msg::validate::too_many_images(MAX_IMAGES, images),
        );
    }
}

fn walk(blocks: &[Block], images: &mut usize, errors: &mut Collector) {
    for b in blocks {
        match b {
            Block::Heading(h) => title_length(&Inline::plain(&h.text), &h.origin, errors),
            Block::Table(t) => table(t, errors),
            Block::Figure(f) => {
                title_length(&Inline::plain(&f.caption), &f.origin, errors);
                *images += f.images.len();
                if f.images.len() > MAX_FIGURE_IMAGES {
                    errors.error(
                        f.origin.to_string(),
                        msg::validate::too_many_figure_images(MAX_FIGURE_IMAGES, f.images.len()),
                    );
                }
                if !(f.width.is_finite() && f.width > 0.0) {
                    errors.error(
                        f.origin.to_string(),
                        msg::validate::figure_width_not_positive(f.width),
                    );
                }
            }
            Block::Case(c) => {
                title_length(&Inline::plain(&c.title), &c.origin, errors);
                walk(&c.blocks, images, errors)
            }
            Block::List(l) => l.items.iter().for_each(|i| walk(i, images, errors)),
            Block::Paragraph(_) => {}
        }
    }
}

/// Headings and captions become PDF bookmarks and outline entries, whose
/// strings PDF/A limits; none of a real report comes near this.
fn title_length(text: &str, origin: &Origin, errors: &mut Collector) {
    let n = text.chars().count();
    if n > MAX_TITLE_CHARS {
        errors.error(
            origin.to_string(),
            msg::validate::title_too_long(MAX_TITLE_CHARS, n),
        );
    }
}

fn table(t: &Table, errors: &mut Collector) {
    title_length(&Inline::plain(&t.caption), &t.origin, errors);
    if t.rows.len() > MAX_TABLE_ROWS {
        errors.error(
            t.origin.to_string(),
            msg::validate::too_many_rows(MAX_TABLE_ROWS, t.rows.len()),
        );
    }
    if t.columns > MAX_TABLE_COLUMNS {
        errors.error(
            t.origin.to_string(),
            msg::validate::too_many_columns(MAX_TABLE_COLUMNS, t.columns),
        );
    }
    if let Some(ws) = &t.widths
        && let Some(bad) = ws.iter().find(|w| !(w.is_finite() && **w > 0.0))
    {
        errors.error(
            t.origin.to_string(),
            msg::validate::widths_not_positive(bad),
        );
    }
}

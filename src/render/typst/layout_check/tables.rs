//! The checks on tables: text wider than its cell, tokens broken across
//! lines in a cell, tables split with too few rows on a side.

use super::{Findings, Glyph, Info, PageData, Role, is_cjk_punct, name_of, quoted};
use crate::i18n::msg;
use crate::layout::tables::MIN_ROWS_ON_PAGE;
use std::collections::{BTreeMap, HashSet};
use std::rc::Rc;

/// Text wider than its cell. A line of a table cell runs over a cell rule
/// when its glyphs reach past the nearest vertical rules on either side of
/// the line's middle (rules that span the line's height), by more than
/// 0.8 pt of side bearing; any other glyph whose box straddles a vertical
/// rule within the rule's height is reported too.
pub(super) fn overflow(pages: &[PageData], out: &mut Findings) {
    const SLACK: f64 = 0.8;
    for (p, page) in pages.iter().enumerate() {
        if page.vrules.is_empty() {
            continue;
        }
        let mut rules = page.vrules.clone();
        rules.sort_by(|a, b| a.at.partial_cmp(&b.at).unwrap_or(std::cmp::Ordering::Equal));
        let spanning = |y: f64| {
            rules
                .iter()
                .filter(move |r| r.from + 1.0 < y && y < r.to - 1.0)
        };
        // The lines of each table cell: (block, row, col, baseline) → glyphs.
        let mut lines: BTreeMap<(usize, usize, usize, i64), Vec<&Glyph>> = BTreeMap::new();
        let mut reported: HashSet<(usize, usize, usize)> = HashSet::new();
        for g in page
            .glyphs
            .iter()
            .filter(|g| !g.outline && !is_cjk_punct(&g.text))
        {
            if let Some(info) = &g.info
                && let Role::Cell { row, col, .. } = info.role
            {
                let key = (info.block, row, col, (g.base * 2.0).round() as i64);
                lines.entry(key).or_default().push(g);
                continue;
            }
            // Not in a known cell: a glyph straddling a rule.
            let (lo, hi) = (g.x0 + SLACK, g.x1 - SLACK);
            let cy = (g.y0 + g.y1) / 2.0;
            if hi <= lo || !spanning(cy).any(|r| lo < r.at && r.at < hi) {
                continue;
            }
            let (block, location) = match &g.info {
                Some(info) => (
                    info.block,
                    out.locator
                        .origin(info.block)
                        .unwrap_or_default()
                        .to_string(),
                ),
                None => (
                    usize::MAX,
                    out.locator
                        .site(g.span)
                        .map(|s| out.locator.location(&s))
                        .unwrap_or_default(),
                ),
            };
            if reported.insert((block, usize::MAX, location.len())) {
                out.push(location, p, msg::render::runs_over_rule(quoted(&g.text)));
            }
        }
        for ((block, row, col, _), glyphs) in lines {
            if reported.contains(&(block, row, col)) {
                continue;
            }
            let x0 = glyphs.iter().map(|g| g.x0).fold(f64::MAX, f64::min);
            let x1 = glyphs.iter().map(|g| g.x1).fold(f64::MIN, f64::max);
            let cy = glyphs.iter().map(|g| (g.y0 + g.y1) / 2.0).sum::<f64>() / glyphs.len() as f64;
            let mid = (x0 + x1) / 2.0;
            let left = spanning(cy)
                .map(|r| r.at)
                .filter(|&x| x <= mid)
                .fold(f64::MIN, f64::max);
            let right = spanning(cy)
                .map(|r| r.at)
                .filter(|&x| x >= mid)
                .fold(f64::MAX, f64::min);
            let over =
                (left > f64::MIN && x0 < left - SLACK) || (right < f64::MAX && x1 > right + SLACK);
            if !over {
                continue;
            }
            reported.insert((block, row, col));
            let info = glyphs[0].info.as_ref().expect("cells have an info");
            let text = cell_text(page, block, info.role, glyphs[0]);
            out.at_block(
                block,
                p,
                msg::render::cell_overflow(name_of(info), quoted(&text), row + 1, col + 1),
            );
        }
    }
}

/// A number, year, date or Latin word broken across lines inside a cell
/// (the tokens the layout layer keeps whole: [`crate::layout::tokens`]).
pub(super) fn broken_tokens(pages: &[PageData], out: &mut Findings) {
    for (p, page) in pages.iter().enumerate() {
        // (block, row, col) → the cell's glyphs
        let mut cells: BTreeMap<(usize, usize, usize), Vec<&Glyph>> = BTreeMap::new();
        for g in page.glyphs.iter().filter(|g| !g.outline) {
            if let Some(info) = &g.info
                && let Role::Cell { row, col, .. } = info.role
            {
                cells.entry((info.block, row, col)).or_default().push(g);
            }
        }
        for ((block, row, col), mut glyphs) in cells {
            glyphs.sort_by(|a, b| {
                (a.base, a.x0)
                    .partial_cmp(&(b.base, b.x0))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
            // The cell's text and the character offsets where its lines break.
            let mut text = String::new();
            let mut breaks = Vec::new();
            let mut base = None;
            for g in &glyphs {
                if base.is_some_and(|b: f64| (g.base - b).abs() > 1.0) {
                    breaks.push(text.chars().count());
                }
                base = Some(g.base);
                text.push_str(&g.text);
            }
            if breaks.is_empty() {
                continue;
            }
            let chars: Vec<char> = text.chars().collect();
            let mut at = 0;
            for token in crate::layout::tokens::tokens(&text).hard {
                let n = token.chars().count();
                let Some(start) = (at..=chars.len().saturating_sub(n))
                    .find(|&i| chars[i..i + n].iter().copied().eq(token.chars()))
                else {
                    continue;
                };
                at = start + n;
                let inside = breaks.iter().find(|&&b| start < b && b < start + n);
                if let Some(&b) = inside
                    && token.chars().any(|c| c.is_ascii_alphanumeric())
                {
                    let shown: String = chars[start..b]
                        .iter()
                        .chain(['/'].iter())
                        .chain(chars[b..start + n].iter())
                        .collect();
                    let info = glyphs[0].info.as_ref().expect("cells have an info");
                    out.at_block(
                        block,
                        p,
                        msg::render::token_broken(name_of(info), &shown, row + 1, col + 1),
                    );
                }
            }
        }
    }
}

/// The text of the cell (or line) a glyph belongs to.
fn cell_text(page: &PageData, block: usize, role: Role, near: &Glyph) -> String {
    let mut glyphs: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| {
            g.info
                .as_ref()
                .is_some_and(|i| i.block == block && i.role == role)
                && (matches!(role, Role::Cell { .. }) || (g.base - near.base).abs() < 1.0)
        })
        .collect();
    glyphs.sort_by(|a, b| {
        (a.base, a.x0)
            .partial_cmp(&(b.base, b.x0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    glyphs.iter().map(|g| g.text.as_str()).collect()
}

/// Tables split with fewer than three body rows on a side, or with the head
/// alone at a page's foot.
pub(super) fn splits(pages: &[PageData], out: &mut Findings) {
    struct Part {
        page: usize,
        min: usize,
        max: usize,
        body: bool,
        notes: bool,
    }
    // block → (its info, parts in page order)
    let mut tables: BTreeMap<usize, (Rc<Info>, Vec<Part>)> = BTreeMap::new();
    for (p, page) in pages.iter().enumerate() {
        for g in page.glyphs.iter().filter(|g| !g.outline) {
            let Some(info) = &g.info else { continue };
            let Some(shape) = &info.table else { continue };
            let (row, rowspan) = match info.role {
                Role::Cell { row, rowspan, .. } => (row, rowspan),
                Role::Note => (usize::MAX, 0),
                _ => continue,
            };
            let entry = tables
                .entry(info.block)
                .or_insert_with(|| (info.clone(), Vec::new()));
            if entry.1.last().is_none_or(|part| part.page != p) {
                entry.1.push(Part {
                    page: p,
                    min: usize::MAX,
                    max: 0,
                    body: false,
                    notes: false,
                });
            }
            let part = entry.1.last_mut().expect("just pushed");
            if info.role == Role::Note {
                part.notes = true;
                continue;
            }
            // Rows of a spanning label may be repeated on a continuation page:
            // count rows by the cells that span one row.
            if row >= shape.header_rows && rowspan == 1 {
                part.min = part.min.min(row);
                part.max = part.max.max(row);
                part.body = true;
            }
        }
    }
    for (block, (info, parts)) in tables {
        let shape = info.table.as_ref().expect("tables have a shape");
        let body: Vec<&Part> = parts.iter().filter(|p| p.body).collect();
        if let Some(first_body) = body.first() {
            for head in parts
                .iter()
                .filter(|p| !p.body && !p.notes && p.page < first_body.page)
            {
                out.at_block(
                    block,
                    head.page,
                    msg::render::head_alone(name_of(&info), first_body.page + 1),
                );
            }
        }
        if let Some(last_body) = body.last() {
            for notes in parts
                .iter()
                .filter(|p| p.notes && !p.body && p.page > last_body.page)
            {
                out.at_block(
                    block,
                    notes.page,
                    msg::render::notes_alone(name_of(&info), last_body.page + 1),
                );
            }
        }
        if body.len() < 2 {
            continue;
        }
        let first = body[0];
        let last = body[body.len() - 1];
        let before = first.max + 1 - shape.header_rows;
        let after = shape.rows.saturating_sub(last.min);
        for (part, n, side) in [
            (first, before, msg::render::split_before()),
            (last, after, msg::render::split_after()),
        ] {
            if n < MIN_ROWS_ON_PAGE {
                out.at_block(
                    block,
                    part.page,
                    msg::render::table_split(
                        name_of(&info),
                        side,
                        if n == 1 {
                            msg::render::body_row(n)
                        } else {
                            msg::render::body_rows(n)
                        },
                        MIN_ROWS_ON_PAGE,
                    ),
                );
            }
        }
    }
}

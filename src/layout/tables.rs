//! Column widths from content, and the size and orientation a table needs.
//!
//! Per column: the widest unbreakable token (its *hard* minimum), the widest
//! short word (its *soft* minimum) and the natural width of its longest line,
//! measured with real font metrics. Every column gets its hard minimum; the
//! rest of the width goes first to soft minima, then towards natural widths,
//! then in proportion. When the hard minima do not fit, the type steps down
//! (normal, small, floor), then the table turns to a landscape page, and only
//! then is it built with a warning naming the columns that do not fit.
//! An author's `widths=`, `size=small` and `landscape=true` win.

use super::metrics;
use super::tokens::tokens;
use crate::model::house::FontRole;
use crate::model::{HouseSpec, Inline, Table, TableLayout};

/// The smallest table type on an upright page, pt.
pub const FLOOR_PT: f64 = 9.0;

/// The smallest table type on a landscape page (a statistics table with a
/// column per school and year), pt: below it the table is built with a
/// warning instead.
pub const LANDSCAPE_FLOOR_PT: f64 = 7.5;

/// A table that splits keeps at least this many body rows on each page.
pub const MIN_ROWS_ON_PAGE: usize = 3;

/// Room kept free in every cell besides its insets (rounding, bold), pt.
const SAFETY_PT: f64 = 1.5;

/// What a table's columns need at one type size, pt (insets included).
struct Needs {
    hard: Vec<f64>,
    soft: Vec<f64>,
    natural: Vec<f64>,
}

fn cell_lines(content: &[Inline]) -> Vec<String> {
    Inline::plain(content)
        .split('\n')
        .map(str::to_string)
        .collect()
}

fn needs(t: &Table, role: FontRole, size: f64, inset: f64) -> Needs {
    let n = t.columns.max(1);
    let pad = 2.0 * inset + SAFETY_PT;
    let mut hard = vec![pad; n];
    let mut soft = vec![pad; n];
    let mut natural = vec![pad; n];
    let measure = |s: &str, bold: bool| metrics::width(s, role, size, bold);
    let mut spans = Vec::new();
    for (r, row) in t.rows.iter().enumerate() {
        let bold = r < t.header_rows;
        for c in row.iter().filter(|c| c.col < n) {
            let (mut h, mut s, mut w) = (0f64, 0f64, 0f64);
            for line in cell_lines(&c.content) {
                let tk = tokens(&line);
                h = tk.hard.iter().map(|x| measure(x, bold)).fold(h, f64::max);
                s = tk.soft.iter().map(|x| measure(x, bold)).fold(s, f64::max);
                w = w.max(measure(&line, bold));
            }
            let span = c.colspan.max(1).min(n - c.col);
            if span == 1 {
                hard[c.col] = hard[c.col].max(h + pad);
                soft[c.col] = soft[c.col].max(s + pad);
                natural[c.col] = natural[c.col].max(w + pad);
            } else {
                spans.push((c.col, span, h + pad, s + pad, w + pad));
            }
        }
    }
    // A merged cell wider than its columns widens them evenly.
    for (col, span, h, s, w) in spans {
        for (v, need) in [(&mut hard, h), (&mut soft, s), (&mut natural, w)] {
            let have: f64 = v[col..col + span].iter().sum();
            if need > have {
                let add = (need - have) / span as f64;
                v[col..col + span].iter_mut().for_each(|x| *x += add);
            }
        }
    }
    for i in 0..n {
        soft[i] = soft[i].max(hard[i]);
        natural[i] = natural[i].max(soft[i]);
    }
    Needs {
        hard,
        soft,
        natural,
    }
}

/// Widths summing to `avail` from `needs`, or none if the hard minima do not fit.
fn distribute(needs: &Needs, avail: f64) -> Option<Vec<f64>> {
    let sum = |v: &[f64]| v.iter().sum::<f64>();
    if sum(&needs.hard) > avail + 1e-6 {
        return None;
    }
    let mut w = needs.hard.clone();
    let mut extra = avail - sum(&w);
    for target in [&needs.soft, &needs.natural] {
        let gaps: Vec<f64> = target
            .iter()
            .zip(&w)
            .map(|(t, x)| (t - x).max(0.0))
            .collect();
        let total = sum(&gaps);
        if total <= 0.0 {
            continue;
        }
        let share = (extra / total).min(1.0);
        for (x, g) in w.iter_mut().zip(&gaps) {
            *x += g * share;
        }
        extra -= total * share;
        if extra <= 1e-9 {
            break;
        }
    }
    if extra > 1e-9 {
        let total = sum(&w);
        for x in w.iter_mut() {
            *x += extra * *x / total;
        }
    }
    Some(w)
}

/// The available widths (portrait, landscape) of the type area, pt. A
/// landscape page keeps its margins in place in both outputs.
pub fn available(house: &HouseSpec) -> (f64, f64) {
    let m = &house.page.margin_mm;
    let pt = |mm: f64| mm * 72.0 / 25.4;
    let portrait = pt(house.text_width_mm());
    let landscape = pt(297.0 - m.inside - m.outside);
    (portrait, landscape)
}

/// The result of laying out one table.
pub struct Outcome {
    pub layout: TableLayout,
    /// Columns (1-based) that do not fit even at the floor size on a
    /// landscape page.
    pub overflow: Vec<usize>,
}

/// Lays out one table in a space `narrower_by` pt narrower than the type
/// area (a case box).
pub fn lay_out(t: &Table, house: &HouseSpec, narrower_by: f64) -> Outcome {
    let (portrait, landscape) = available(house);
    let role = house.body.font;
    let inset = house.tables.cell_inset_pt;
    let normal = house.sizes.table_pt;
    let small = house.sizes.table_small_pt;
    let sizes: Vec<f64> = if t.small {
        vec![small]
    } else {
        let mut v = vec![normal, small, FLOOR_PT.min(small)];
        v.dedup();
        v
    };
    let orientations: &[bool] = if t.landscape { &[true] } else { &[false, true] };
    let n = t.columns.max(1);
    if let Some(ws) = t.widths.as_ref().filter(|ws| ws.len() == n) {
        let total: f64 = ws.iter().sum();
        let avail = if t.landscape { landscape } else { portrait } - narrower_by;
        let widths: Vec<f64> = ws.iter().map(|w| w / total).collect();
        let pts: Vec<f64> = widths.iter().map(|w| w * avail).collect();
        return Outcome {
            layout: TableLayout {
                fits_page: fits_page(t, house, &pts, sizes[0], t.landscape),
                widths,
                size_pt: sizes[0],
                landscape: t.landscape,
            },
            overflow: Vec::new(),
        };
    }
    // Landscape pages may go on down to their own floor.
    let landscape_sizes: Vec<f64> = if t.small {
        sizes.clone()
    } else {
        let mut v = sizes.clone();
        v.extend([8.0, LANDSCAPE_FLOOR_PT]);
        v
    };
    for &turned in orientations {
        let avail = if turned { landscape } else { portrait } - narrower_by;
        for &size in if turned { &landscape_sizes } else { &sizes } {
            let needs = needs(t, role, size, inset);
            if let Some(w) = distribute(&needs, avail) {
                let fits = fits_page(t, house, &w, size, turned);
                let mut layout = shares(w, size, turned);
                layout.fits_page = fits;
                return Outcome {
                    layout,
                    overflow: Vec::new(),
                };
            }
        }
    }
    // Nothing fits: the smallest size on the widest page, columns scaled
    // from their minima, with a warning.
    let turned = !orientations.is_empty() && orientations[orientations.len() - 1];
    let size = *if turned { &landscape_sizes } else { &sizes }
        .last()
        .unwrap_or(&FLOOR_PT);
    let avail = if turned { landscape } else { portrait } - narrower_by;
    let needs = needs(t, role, size, inset);
    // The columns that need more than an even share of the width.
    let even = avail / n as f64;
    let overflow = needs
        .hard
        .iter()
        .enumerate()
        .filter(|(_, h)| **h > even)
        .map(|(i, _)| i + 1)
        .collect();
    Outcome {
        layout: shares(needs.hard, size, turned),
        overflow,
    }
}

/// The table's height estimated from its rows' line counts at the chosen
/// widths, pt, against the type area's height: whether it fits a page.
fn fits_page(t: &Table, house: &HouseSpec, widths_pt: &[f64], size: f64, landscape: bool) -> bool {
    let m = &house.page.margin_mm;
    let height_pt = ((if landscape { 210.0 } else { 297.0 }) - m.top - m.bottom) * 72.0 / 25.4;
    let inset = house.tables.cell_inset_pt;
    let role = house.body.font;
    let line = size * 1.45;
    let n = widths_pt.len();
    let mut rows = vec![line + 0.8 * size; t.rows.len()];
    for (r, row) in t.rows.iter().enumerate() {
        for c in row.iter().filter(|c| c.col < n && c.rowspan <= 1) {
            let span = c.colspan.max(1).min(n - c.col);
            let w: f64 = widths_pt[c.col..c.col + span].iter().sum::<f64>() - 2.0 * inset;
            let lines: f64 = cell_lines(&c.content)
                .iter()
                .map(|l| {
                    (metrics::width(l, role, size, r < t.header_rows) / w.max(1.0))
                        .ceil()
                        .max(1.0)
                })
                .sum();
            rows[r] = rows[r].max(lines * line + 0.8 * size);
        }
    }
    rows.iter().sum::<f64>() + 4.0 * size <= 0.9 * height_pt
}

fn shares(w: Vec<f64>, size_pt: f64, landscape: bool) -> TableLayout {
    let total: f64 = w.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    TableLayout {
        widths: w.iter().map(|x| x / total).collect(),
        size_pt,
        landscape,
        fits_page: false,
    }
}

//! Pipe-table grids: rows counted as GFM splits them, the parsed rows made
//! into a [`Table`], and `<` / `^` cells turned into merged cells with the
//! grid checked.

use crate::error::Collector;
use crate::i18n::msg;
use crate::model::*;
use pulldown_cmark::Alignment;

/// The lines of a pipe table's source `text` that hold more cells than its
/// `columns` (GFM would drop the extra ones without a word): each line's
/// byte offset in `text` and its cell count.
pub(super) fn overlong_rows(text: &str, columns: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.lines() {
        let cells = count_cells(line);
        if cells > columns {
            out.push((offset, cells));
        }
        offset += line.len() + 1;
    }
    out
}

/// The cells of one pipe-table line (`| a | b |` → 2), honouring `\|`.
fn count_cells(line: &str) -> usize {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let mut cells = 1;
    let mut escaped = false;
    let chars: Vec<char> = t.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' if !escaped => {
                escaped = true;
                continue;
            }
            // As in GFM, only a backslash protects a pipe (even in code).
            '|' if !escaped && i + 1 < chars.len() => cells += 1,
            _ => {}
        }
        escaped = false;
    }
    cells
}

/// The table of a pipe table's parsed `rows` (cells as inline runs), with
/// its column alignments.
pub(super) fn pipe_table(
    aligns: &[Alignment],
    rows: Vec<Vec<Vec<Inline>>>,
    origin: Origin,
) -> Table {
    let columns = aligns.len();
    let rows = rows
        .into_iter()
        .map(|r| {
            r.into_iter()
                .enumerate()
                .map(|(col, content)| Cell::new(content, col))
                .collect()
        })
        .collect();
    let mut table = Table::new(columns, rows, origin);
    table.aligns = aligns
        .iter()
        .map(|a| match a {
            Alignment::Left => Align::Left,
            Alignment::Right => Align::Right,
            Alignment::Center | Alignment::None => Align::Center,
        })
        .collect();
    table
}

/// Turns `<` and `^` cells into spans and checks the grid.
// The grid is walked by position while the cells it points at are edited.
#[allow(clippy::needless_range_loop)]
pub(super) fn fix_spans(mut table: Table, errors: &mut Collector) -> Table {
    let n_rows = table.rows.len();
    let n_cols = table.columns;
    // owner[r][c] = (row, index in row) of the cell covering that position.
    let mut owner: Vec<Vec<Option<(usize, usize)>>> = vec![vec![None; n_cols]; n_rows];
    let mut keep: Vec<Vec<bool>> = table.rows.iter().map(|r| vec![true; r.len()]).collect();
    let loc = table.origin.to_string();
    for r in 0..n_rows {
        for k in 0..table.rows[r].len() {
            let c = table.rows[r][k].col;
            if c >= n_cols {
                continue;
            }
            let marker = match table.rows[r][k].content.as_slice() {
                [Inline::Text(t)] if t.trim() == "<" => Some('<'),
                [Inline::Text(t)] if t.trim() == "^" => Some('^'),
                _ => None,
            };
            match marker {
                Some('<') => {
                    let Some((orow, oidx)) = (c > 0).then(|| owner[r][c - 1]).flatten() else {
                        errors.error(&loc, msg::markdown::merge_left_nothing(r + 1));
                        owner[r][c] = Some((r, k));
                        continue;
                    };
                    let ocol = table.rows[orow][oidx].col;
                    if orow != r {
                        // Part of a cell spanning rows: only valid when that cell
                        // already spans this column.
                        if c >= ocol + table.rows[orow][oidx].colspan {
                            errors.error(&loc, msg::markdown::merge_left_next_to_rowspan(r + 1));
                        }
                    } else {
                        table.rows[orow][oidx].colspan = c - ocol + 1;
                    }
                    owner[r][c] = Some((orow, oidx));
                    keep[r][k] = false;
                }
                Some('^') => {
                    let Some((orow, oidx)) = (r > 0).then(|| owner[r - 1][c]).flatten() else {
                        errors.error(&loc, msg::markdown::merge_up_nothing(r + 1));
                        owner[r][c] = Some((r, k));
                        continue;
                    };
                    let span = r - orow + 1;
                    let cell = &mut table.rows[orow][oidx];
                    if c == cell.col {
                        cell.rowspan = cell.rowspan.max(span);
                    }
                    owner[r][c] = Some((orow, oidx));
                    keep[r][k] = false;
                }
                _ => owner[r][c] = Some((r, k)),
            }
        }
    }
    // A row-spanning cell that is wide must be covered by `^` on all its columns.
    for r in 0..n_rows {
        for c in 0..n_cols {
            if let Some((orow, oidx)) = owner[r][c]
                && orow < r
            {
                let cell = &table.rows[orow][oidx];
                if r >= orow + cell.rowspan || c >= cell.col + cell.colspan {
                    errors.error(&loc, msg::markdown::merge_not_rectangle(r + 1, c + 1));
                }
            }
        }
    }
    // Every position a merged cell covers must be marked `^` or `<`: a cell
    // with content there would be lost, and two merges may not overlap.
    let short = |row: &[Cell], idx: usize| {
        let t = Inline::plain(&row[idx].content);
        let t = t.trim();
        match t.char_indices().nth(20) {
            Some((cut, _)) => format!("{}…", &t[..cut]),
            None => t.to_string(),
        }
    };
    for r in 0..n_rows {
        for (k, cell) in table.rows[r].iter().enumerate() {
            if !keep[r][k] || (cell.rowspan == 1 && cell.colspan == 1) {
                continue;
            }
            let here = msg::markdown::cell_at(short(&table.rows[r], k), r + 1, cell.col + 1);
            let rows = r..(r + cell.rowspan).min(n_rows);
            let conflict = rows
                .flat_map(|rr| {
                    (cell.col..(cell.col + cell.colspan).min(n_cols)).map(move |cc| (rr, cc))
                })
                .find_map(|(rr, cc)| match owner[rr][cc] {
                    Some(o) if o == (r, k) => None,
                    Some((orow, oidx)) => Some((rr, cc, orow, oidx)),
                    None => None,
                });
            let Some((rr, cc, orow, oidx)) = conflict else {
                continue;
            };
            let msg = if orow == rr && keep[orow][oidx] {
                msg::markdown::merge_covers_cell(
                    rr + 1,
                    cc + 1,
                    short(&table.rows[rr], oidx),
                    &here,
                )
            } else {
                msg::markdown::merge_overlap(
                    rr + 1,
                    cc + 1,
                    &here,
                    short(&table.rows[orow], oidx),
                    orow + 1,
                    table.rows[orow][oidx].col + 1,
                )
            };
            errors.error(&loc, msg);
        }
    }
    if table.header_rows > n_rows {
        table.header_rows = n_rows.max(1);
    }
    for (r, row) in table.rows.iter().enumerate().take(table.header_rows) {
        for (k, cell) in row.iter().enumerate() {
            if keep[r][k] && r + cell.rowspan > table.header_rows {
                errors.error(
                    &loc,
                    msg::markdown::head_cell_spans_body(r + 1, r + cell.rowspan),
                );
            }
        }
    }
    for (r, row) in table.rows.iter_mut().enumerate() {
        let mut k = 0;
        row.retain(|_| {
            let keep_it = keep[r][k];
            k += 1;
            keep_it
        });
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipe_table_cells_are_counted_like_gfm() {
        assert_eq!(count_cells("| a | b |"), 2);
        assert_eq!(count_cells("a | b | c"), 3);
        assert_eq!(count_cells("| a \\| b |"), 1);
        assert_eq!(count_cells("|---|:--:|"), 2);
    }
}

//! Tables bound to a dataset: `::: {.table dataset=schools columns="…"}`.
//!
//! `columns` lists `EXPR:表头` items separated by `;`. `EXPR` is a field, or
//! `a/b` (a ratio) or `a/b*100` (a percentage), optionally followed by a
//! format after `@`: decimals and/or a unit printed after each number
//! (`@1`, `@1%`, `@%`, `@人`), or `@text` for a column of codes, years or
//! numbers in order (序号) that is never grouped by thousands or summed.
//! A number keeps the decimals it was written with unless the column sets
//! them. A header `组/列` puts `组` over `列` in a two-row head; `<br>` breaks
//! a head's line. `total="合计"` adds a row of sums (ratios recomputed from
//! the sums), at the end or, with `total-at=first`, right under the head;
//! `thousands=true` groups digits.
//!
//! ```text
//! ::: {.table #tbl-staff caption="各学校师资情况" dataset=schools total="合计"
//!      columns="short:学校; teachers:专任教师; dual_teachers:“双师型”教师/人数; dual_teachers/teachers*100@2:“双师型”教师/占比（%）"}
//! :::
//! ```

use crate::i18n::msg;
use crate::model::numfmt;
use crate::model::{Align, Cell, Origin, Table};
use serde_json::{Map, Value};

/// The attributes a bound table takes beyond those of every table.
pub const KEYS: &[&str] = &["dataset", "columns", "total", "total-at", "thousands"];

enum Expr {
    Field(String),
    Ratio {
        num: String,
        den: String,
        times: f64,
    },
}

struct Column {
    expr: Expr,
    decimals: Option<usize>,
    /// Printed after every number of the column (`%`, `人`).
    suffix: String,
    /// Codes, years, 序号: printed as written, never grouped or summed.
    text: bool,
    group: Option<String>,
    header: String,
}

/// The format after `@`: `2`, `1%`, `%`, `人`, `text`.
fn parse_format(f: &str) -> Result<(Option<usize>, String, bool), String> {
    let f = f.trim();
    if f == "text" {
        return Ok((None, String::new(), true));
    }
    let digits: String = f.chars().take_while(char::is_ascii_digit).collect();
    let suffix = f[digits.len()..].to_string();
    let decimals = if digits.is_empty() {
        None
    } else {
        Some(
            digits
                .parse::<usize>()
                .ok()
                .filter(|&n| n <= numfmt::MAX_DECIMALS)
                .ok_or_else(|| msg::markdown::columns_decimals_range(f, numfmt::MAX_DECIMALS))?,
        )
    };
    if decimals.is_none() && suffix.is_empty() {
        return Err(msg::markdown::columns_format_empty(f));
    }
    Ok((decimals, suffix, false))
}

fn parse_columns(spec: &str) -> Result<Vec<Column>, String> {
    let mut out = Vec::new();
    for item in spec
        .split([';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let (expr, header) = item
            .split_once([':', '：'])
            .ok_or_else(|| msg::markdown::columns_item_no_header(item))?;
        let (expr, (decimals, suffix, text)) = match expr.trim().split_once('@') {
            Some((e, f)) => (e.trim(), parse_format(f)?),
            None => (expr.trim(), (None, String::new(), false)),
        };
        let expr = match expr.split_once('/') {
            Some((a, b)) => {
                let (den, times) = match b.split_once('*') {
                    Some((d, t)) => (
                        d.trim(),
                        t.trim()
                            .parse::<f64>()
                            .map_err(|_| msg::markdown::columns_times_not_number(t))?,
                    ),
                    None => (b.trim(), 1.0),
                };
                Expr::Ratio {
                    num: a.trim().to_string(),
                    den: den.to_string(),
                    times,
                }
            }
            None => Expr::Field(expr.to_string()),
        };
        let header = header.trim();
        let (group, header) = match header.split_once('/') {
            Some((g, h)) => (Some(g.trim().to_string()), h.trim().to_string()),
            None => (None, header.to_string()),
        };
        out.push(Column {
            expr,
            decimals,
            suffix,
            text,
            group,
            header,
        });
    }
    if out.is_empty() {
        return Err(msg::markdown::columns_empty());
    }
    Ok(out)
}

fn number(v: Option<&Value>) -> Option<f64> {
    v.and_then(super::data::json_number)
}

/// The decimals a value was written with (`577.6` → 1, `"97.20"` → 2).
fn written_decimals(v: &Value) -> usize {
    match v {
        Value::Number(n) => numfmt::decimals_in(&n.to_string()),
        Value::String(s) => numfmt::decimals_in(s),
        _ => 0,
    }
}

/// Whether a field column holds codes, years or a running number rather
/// than quantities: by its name or head (`year`, `code`, `序号`, `代码`,
/// `年份`…), or by its values (all whole years from 1900 to 2100 in a
/// column whose name or head mentions 年 or year; or exactly 1, 2, 3, …).
fn looks_like_text(field: &str, header: &str, rows: &[Value]) -> bool {
    let f = field.to_ascii_lowercase();
    let names = [
        "year", "code", "id", "no", "seq", "index", "序号", "编号", "代码", "编码", "年份", "年度",
    ];
    if names
        .iter()
        .any(|n| f == *n || f.ends_with(&format!("_{n}")))
        || ["序号", "编号", "代码", "编码", "年份", "年度"]
            .iter()
            .any(|n| header.ends_with(n) || field.ends_with(n))
        || header == "年"
    {
        return true;
    }
    let values: Vec<Option<f64>> = rows.iter().map(|r| number(r.get(field))).collect();
    if values.is_empty() || values.iter().any(|v| v.is_none_or(|x| x.fract() != 0.0)) {
        return false;
    }
    let values: Vec<f64> = values.into_iter().flatten().collect();
    let years = values.iter().all(|x| (1900.0..=2100.0).contains(x))
        && (f.contains("year") || header.contains('年') || field.contains('年'));
    let running = values.len() > 1 && values.iter().enumerate().all(|(i, x)| *x == (i + 1) as f64);
    years || running
}

/// A number as the column prints it.
fn show(v: f64, decimals: usize, thousands: bool, suffix: &str) -> String {
    let s = if thousands {
        numfmt::thousands(v, decimals)
    } else {
        numfmt::fixed(v, decimals)
    };
    format!("{s}{suffix}")
}

/// Text from the data with the column's unit after it (once).
fn with_suffix(s: String, suffix: &str) -> String {
    if suffix.is_empty() || s.ends_with(suffix) || s == "-" {
        s
    } else {
        format!("{s}{suffix}")
    }
}

/// A head cell: its text with `<br>` line breaks.
fn head_cell(text: &str, col: usize) -> Cell {
    Cell::new(crate::load::markdown::caption_inlines(text), col)
}

/// Builds the table rows (head and body) from the dataset.
pub fn build(
    values: &std::collections::BTreeMap<String, String>,
    data: &Map<String, Value>,
    origin: &Origin,
) -> Result<Table, String> {
    let name = values
        .get("dataset")
        .ok_or_else(msg::markdown::dataset_missing)?;
    let rows = data
        .get(name)
        .and_then(Value::as_array)
        .ok_or_else(|| msg::markdown::dataset_not_found(name))?;
    let cols = parse_columns(
        values
            .get("columns")
            .ok_or_else(msg::markdown::columns_missing)?,
    )?;
    let thousands = match values.get("thousands").map(String::as_str) {
        None | Some("false") => false,
        Some("true") => true,
        Some(other) => return Err(msg::markdown::expected_true_false("thousands", other)),
    };
    let total_first = match values.get("total-at").map(String::as_str) {
        None | Some("last") => false,
        Some("first") => true,
        Some(other) => return Err(msg::markdown::total_at_invalid(other)),
    };
    if values.contains_key("total-at") && !values.contains_key("total") {
        return Err(msg::markdown::total_at_without_total());
    }
    let two_rows = cols.iter().any(|c| c.group.is_some());

    // Head.
    let mut head1 = Vec::new();
    let mut head2 = Vec::new();
    let mut i = 0;
    while i < cols.len() {
        match &cols[i].group {
            None => {
                let mut c = head_cell(&cols[i].header, i);
                c.rowspan = if two_rows { 2 } else { 1 };
                head1.push(c);
                i += 1;
            }
            Some(g) => {
                let span = cols[i..]
                    .iter()
                    .take_while(|c| c.group.as_ref() == Some(g))
                    .count();
                let mut c = head_cell(g, i);
                c.colspan = span;
                head1.push(c);
                for (k, col) in cols[i..i + span].iter().enumerate() {
                    head2.push(head_cell(&col.header, i + k));
                }
                i += span;
            }
        }
    }
    let mut table_rows = vec![head1];
    if two_rows {
        table_rows.push(head2);
    }

    // Text columns by name, head or values.
    let cols: Vec<Column> = cols
        .into_iter()
        .map(|mut c| {
            if let Expr::Field(f) = &c.expr
                && !c.text
                && c.decimals.is_none()
                && looks_like_text(f, &c.header, rows)
            {
                c.text = true;
            }
            c
        })
        .collect();

    // Body.
    let mut sums: Vec<f64> = vec![0.0; cols.len()];
    let mut sum_decimals: Vec<usize> = vec![0; cols.len()];
    let mut field_sums: std::collections::HashMap<String, f64> = Default::default();
    let mut body = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let mut cells = Vec::new();
        for (c, col) in cols.iter().enumerate() {
            let s = match &col.expr {
                Expr::Field(f) => match row.get(f) {
                    None => return Err(msg::markdown::row_no_field(name, r + 1, f)),
                    Some(Value::Null) => "-".to_string(),
                    Some(v) if col.text => match v {
                        Value::String(s) => s.clone(),
                        other => other.to_string(),
                    },
                    Some(v @ Value::Number(_)) => {
                        let x = number(Some(v)).unwrap_or(0.0);
                        let d = col.decimals.unwrap_or_else(|| written_decimals(v));
                        sums[c] += x;
                        sum_decimals[c] = sum_decimals[c].max(d);
                        show(x, d, thousands, &col.suffix)
                    }
                    Some(v @ Value::String(s)) => match number(Some(v)) {
                        Some(x) => {
                            let d = col.decimals.unwrap_or_else(|| written_decimals(v));
                            sums[c] += x;
                            sum_decimals[c] = sum_decimals[c].max(d);
                            // Written as a plain number: print it as written,
                            // grouped when asked or with the column's decimals.
                            if thousands || col.decimals.is_some() {
                                show(x, d, thousands, &col.suffix)
                            } else {
                                with_suffix(s.clone(), &col.suffix)
                            }
                        }
                        None => with_suffix(s.clone(), &col.suffix),
                    },
                    Some(other) => other.to_string(),
                },
                Expr::Ratio { num, den, times } => {
                    let (a, b) = (number(row.get(num)), number(row.get(den)));
                    match (a, b) {
                        (Some(a), Some(b)) if b != 0.0 => show(
                            a / b * times,
                            col.decimals.unwrap_or(2),
                            thousands,
                            &col.suffix,
                        ),
                        (None, _) | (_, None) => {
                            return Err(msg::markdown::row_ratio_missing(name, r + 1, num, den));
                        }
                        _ => "-".to_string(),
                    }
                }
            };
            let mut cell = Cell::text(&s, c);
            if c == 0 {
                cell.align = Some(Align::Left);
            }
            cells.push(cell);
        }
        // Each field a ratio uses is summed once per row, however many
        // ratio columns share it.
        let mut fields: Vec<&String> = cols
            .iter()
            .filter_map(|c| match &c.expr {
                Expr::Ratio { num, den, .. } => Some([num, den]),
                Expr::Field(_) => None,
            })
            .flatten()
            .collect();
        fields.sort();
        fields.dedup();
        for f in fields {
            *field_sums.entry(f.clone()).or_default() += number(row.get(f)).unwrap_or(0.0);
        }
        body.push(cells);
    }
    let total = values.get("total").map(|label| {
        let mut cells = Vec::new();
        for (c, col) in cols.iter().enumerate() {
            let s = if c == 0 {
                label.clone()
            } else {
                match &col.expr {
                    // Codes and years are not summed, nor percentages.
                    Expr::Field(_) if col.text || col.suffix == "%" => String::new(),
                    Expr::Field(f) => {
                        let numeric = rows.iter().any(|r| number(r.get(f)).is_some());
                        if numeric {
                            let d = col.decimals.unwrap_or(sum_decimals[c]);
                            show(sums[c], d, thousands, &col.suffix)
                        } else {
                            String::new()
                        }
                    }
                    Expr::Ratio { num, den, times } => {
                        let (a, b) = (
                            field_sums.get(num).copied().unwrap_or(0.0),
                            field_sums.get(den).copied().unwrap_or(0.0),
                        );
                        if b == 0.0 {
                            "-".into()
                        } else {
                            show(
                                a / b * times,
                                col.decimals.unwrap_or(2),
                                thousands,
                                &col.suffix,
                            )
                        }
                    }
                }
            };
            cells.push(Cell::text(&s, c));
        }
        cells
    });
    match total {
        Some(t) if total_first => {
            table_rows.push(t);
            table_rows.extend(body);
        }
        Some(t) => {
            table_rows.extend(body);
            table_rows.push(t);
        }
        None => table_rows.extend(body),
    }
    let mut table = Table::new(cols.len(), table_rows, origin.clone());
    table.header_rows = if two_rows { 2 } else { 1 };
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Inline;

    #[test]
    fn totals_recompute_ratios_from_sums() {
        let data: Map<String, Value> = serde_json::from_str(
            r#"{"s": [{"n": "甲", "a": 1, "b": 4, "c": 10}, {"n": "乙", "a": 3, "b": 4, "c": 30}]}"#,
        )
        .unwrap();
        let mut v = std::collections::BTreeMap::new();
        v.insert("dataset".to_string(), "s".to_string());
        v.insert(
            "columns".to_string(),
            "n:学校; b:人数/b; a/b*100@1:比例/a占b; c/b@2:比例/c比b".to_string(),
        );
        v.insert("total".to_string(), "合计".to_string());
        let t = build(&v, &data, &Origin::default()).unwrap();
        assert_eq!(t.header_rows, 2);
        let last: Vec<String> = t
            .rows
            .last()
            .unwrap()
            .iter()
            .map(|c| Inline::plain(&c.content))
            .collect();
        assert_eq!(last, ["合计", "8", "50.0", "5.00"]);
        assert_eq!(t.rows[0][1].colspan, 1);
        assert_eq!(Inline::plain(&t.rows[0][2].content), "比例");
        assert_eq!(t.rows[0][2].colspan, 2);
    }
}

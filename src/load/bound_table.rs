//! Tables bound to a dataset: `::: {.table dataset=schools columns="…"}`.
//!
//! `columns` lists `EXPR:表头` items separated by `;`. `EXPR` is a field, or
//! `a/b` (a ratio) or `a/b*100` (a percentage), optionally followed by `@N`
//! decimals. A header `组/列` puts `组` over `列` in a two-row head.
//! `total="合计"` adds a row of sums (ratios recomputed from the sums), and
//! `thousands=true` groups digits.
//!
//! ```text
//! ::: {.table #tbl-staff caption="各学校师资情况" dataset=schools total="合计"
//!      columns="short:学校; teachers:专任教师; dual_teachers:“双师型”教师/人数; dual_teachers/teachers*100@2:“双师型”教师/占比（%）"}
//! :::
//! ```

use crate::model::numfmt;
use crate::model::{Align, Cell, Origin, Table};
use serde_json::{Map, Value};

/// The attributes a bound table takes beyond those of every table.
pub const KEYS: &[&str] = &["dataset", "columns", "total", "thousands"];

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
    group: Option<String>,
    header: String,
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
            .ok_or_else(|| format!("columns: `{item}`: expected `字段:表头`"))?;
        let (expr, decimals) = match expr.trim().split_once('@') {
            Some((e, d)) => (
                e.trim(),
                Some(
                    d.trim()
                        .parse::<usize>()
                        .ok()
                        .filter(|&n| n <= numfmt::MAX_DECIMALS)
                        .ok_or_else(|| {
                            format!(
                                "columns: `@{d}`: expected a number of decimals from 0 to {}",
                                numfmt::MAX_DECIMALS
                            )
                        })?,
                ),
            ),
            None => (expr.trim(), None),
        };
        let expr = match expr.split_once('/') {
            Some((a, b)) => {
                let (den, times) = match b.split_once('*') {
                    Some((d, t)) => (
                        d.trim(),
                        t.trim()
                            .parse::<f64>()
                            .map_err(|_| format!("columns: `*{t}`: expected a number"))?,
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
            group,
            header,
        });
    }
    if out.is_empty() {
        return Err("columns=\"…\" lists no column".into());
    }
    Ok(out)
}

fn number(v: Option<&Value>) -> Option<f64> {
    v.and_then(super::data::json_number)
}

fn show(v: f64, decimals: Option<usize>, thousands: bool) -> String {
    let d = decimals.unwrap_or(if v.fract() == 0.0 { 0 } else { 2 });
    if thousands {
        numfmt::thousands(v, d)
    } else {
        numfmt::fixed(v, d)
    }
}

/// Builds the table rows (head and body) from the dataset.
pub fn build(
    values: &std::collections::BTreeMap<String, String>,
    data: &Map<String, Value>,
    origin: &Origin,
) -> Result<Table, String> {
    let name = values.get("dataset").ok_or("missing `dataset=…`")?;
    let rows = data
        .get(name)
        .and_then(Value::as_array)
        .ok_or_else(|| format!("dataset={name}: no dataset of that name holding a list of rows (see report.json `data`)"))?;
    let cols = parse_columns(
        values
            .get("columns")
            .ok_or("a bound table needs `columns=\"字段:表头; …\"`")?,
    )?;
    let thousands = values.get("thousands").is_some_and(|t| t == "true");
    let two_rows = cols.iter().any(|c| c.group.is_some());

    // Head.
    let mut head1 = Vec::new();
    let mut head2 = Vec::new();
    let mut i = 0;
    while i < cols.len() {
        match &cols[i].group {
            None => {
                let mut c = Cell::text(&cols[i].header, i);
                c.rowspan = if two_rows { 2 } else { 1 };
                head1.push(c);
                i += 1;
            }
            Some(g) => {
                let span = cols[i..]
                    .iter()
                    .take_while(|c| c.group.as_ref() == Some(g))
                    .count();
                let mut c = Cell::text(g, i);
                c.colspan = span;
                head1.push(c);
                for (k, col) in cols[i..i + span].iter().enumerate() {
                    head2.push(Cell::text(&col.header, i + k));
                }
                i += span;
            }
        }
    }
    let mut table_rows = vec![head1];
    if two_rows {
        table_rows.push(head2);
    }

    // A field column without `@N` shows all its numbers with 2 decimals as
    // soon as one of them has a fraction, so that the column lines up.
    let cols: Vec<Column> = cols
        .into_iter()
        .map(|mut c| {
            if c.decimals.is_none()
                && let Expr::Field(f) = &c.expr
                && rows
                    .iter()
                    .any(|r| number(r.get(f)).is_some_and(|x| x.fract() != 0.0))
            {
                c.decimals = Some(2);
            }
            c
        })
        .collect();

    // Body.
    let mut sums: Vec<f64> = vec![0.0; cols.len()];
    let mut field_sums: std::collections::HashMap<String, f64> = Default::default();
    for (r, row) in rows.iter().enumerate() {
        let mut cells = Vec::new();
        for (c, col) in cols.iter().enumerate() {
            let s = match &col.expr {
                Expr::Field(f) => match row.get(f) {
                    None => return Err(format!("dataset {name}, row {}: no field `{f}`", r + 1)),
                    Some(Value::Null) => "-".to_string(),
                    Some(v @ Value::Number(_)) => {
                        let x = number(Some(v)).unwrap_or(0.0);
                        sums[c] += x;
                        show(x, col.decimals, thousands)
                    }
                    Some(Value::String(s)) => {
                        if let Some(x) = number(Some(&Value::String(s.clone()))) {
                            sums[c] += x;
                        }
                        s.clone()
                    }
                    Some(other) => other.to_string(),
                },
                Expr::Ratio { num, den, times } => {
                    let (a, b) = (number(row.get(num)), number(row.get(den)));
                    match (a, b) {
                        (Some(a), Some(b)) if b != 0.0 => {
                            show(a / b * times, col.decimals.or(Some(2)), thousands)
                        }
                        (None, _) | (_, None) => {
                            return Err(format!(
                                "dataset {name}, row {}: `{num}` or `{den}` is missing or not a number",
                                r + 1
                            ));
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
        table_rows.push(cells);
    }
    if let Some(label) = values.get("total") {
        let mut cells = Vec::new();
        for (c, col) in cols.iter().enumerate() {
            let s = if c == 0 {
                label.clone()
            } else {
                match &col.expr {
                    Expr::Field(f) => {
                        let numeric = rows
                            .iter()
                            .any(|r| matches!(r.get(f), Some(Value::Number(_))));
                        if numeric {
                            show(sums[c], col.decimals, thousands)
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
                            show(a / b * times, col.decimals.or(Some(2)), thousands)
                        }
                    }
                }
            };
            cells.push(Cell::text(&s, c));
        }
        table_rows.push(cells);
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

//! The six standard indicator tables (附表): built-in schemas
//! (`assets/indicators.json`) filled with the project's values.

use crate::error::{Collector, Error, Result};
use crate::i18n::msg;
use crate::model::indicators::{KEY_HEADER, RowSchema, TableSchema, schemas};
use crate::model::{Align, Cell, Origin, Table};
use serde_json::Value;

/// Builds the six tables from the values file.
pub fn build(
    file: &str,
    values: &Value,
    region: &str,
    code: &str,
    year: i32,
    errors: &mut Collector,
) -> Vec<Table> {
    let schemas = schemas();
    let Some(obj) = values.as_object() else {
        errors.error(file, msg::data::indicators_not_object());
        return Vec::new();
    };
    for key in obj.keys() {
        if !schemas.iter().any(|s| &s.id == key) {
            let ids: Vec<&str> = schemas.iter().map(|s| s.id.as_str()).collect();
            errors.error(
                format!("{file}: {key}"),
                msg::data::indicator_table_unknown(key, format!("{ids:?}")),
            );
        }
    }
    // A year without graduates leaves every graduate row empty that year.
    let graduates = obj.get("scorecard").and_then(|s| s.get("graduates"));
    let no_graduates: Vec<bool> = (0..2)
        .map(|i| match graduates.and_then(|g| g.get(i)) {
            None | Some(Value::Null) => graduates.is_some(),
            Some(v) => v.as_f64() == Some(0.0) || v.as_str().is_some_and(|s| s.trim() == "0"),
        })
        .collect();
    let mut tables = Vec::new();
    for schema in schemas {
        let v = obj.get(&schema.id).cloned().unwrap_or(Value::Null);
        match build_one(file, schema, &v, region, code, year, &no_graduates) {
            Ok(t) => tables.push(t),
            Err(e) => errors.diagnostics.extend(e.diagnostics),
        }
    }
    tables
}

fn build_one(
    file: &str,
    schema: &TableSchema,
    v: &Value,
    region: &str,
    code: &str,
    year: i32,
    no_graduates: &[bool],
) -> Result<Table> {
    let loc = |k: &str| format!("{file}: {}.{k}", schema.id);
    let by_school = schema.columns == "schools";
    let (value_cols, head, rows_obj): (
        usize,
        Vec<String>,
        Option<&serde_json::Map<String, Value>>,
    ) = if by_school {
        let schools: Vec<String> = match v.get("schools") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(a)) => a
                .iter()
                .map(|s| s.as_str().map(str::to_string))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| Error::at(loc("schools"), msg::data::school_names_expected()))?,
            Some(_) => {
                return Err(Error::at(
                    loc("schools"),
                    msg::data::school_names_expected(),
                ));
            }
        };
        if schools.is_empty() && !v.is_null() {
            return Err(Error::at(loc("schools"), msg::data::no_schools()));
        }
        let rows = match v.get("rows") {
            None | Some(Value::Null) => None,
            Some(Value::Object(o)) => Some(o),
            Some(_) => {
                return Err(Error::at(
                    loc("rows"),
                    msg::data::indicator_rows_not_object(),
                ));
            }
        };
        (schools.len().max(1), schools, rows)
    } else {
        let rows = match v {
            Value::Null => None,
            Value::Object(o) => Some(o),
            _ => {
                return Err(Error::at(loc(""), msg::data::indicator_rows_not_object()));
            }
        };
        (
            2,
            vec![format!("{}年", year - 1), format!("{year}年")],
            rows,
        )
    };
    if let Some(rows) = rows_obj {
        for k in rows.keys() {
            if !schema.rows.iter().any(|r| &r.key == k) {
                return Err(Error::at(
                    loc(k),
                    msg::data::indicator_unknown(k, &schema.title),
                ));
            }
        }
    }
    let mut header: Vec<Cell> = ["序号", "指标", "单位"]
        .iter()
        .enumerate()
        .map(|(i, h)| Cell::text(h, i))
        .collect();
    for (i, h) in head.iter().enumerate() {
        header.push(Cell::text(h, 3 + i));
    }
    // No schools listed: the one column of values is the report's own.
    if head.is_empty() {
        header.push(Cell::text(region, 3));
    }
    let mut rows = vec![header];
    let n = schema.rows.len();
    for (i, r) in schema.rows.iter().enumerate() {
        let mut row = Vec::new();
        if i == 0 || schema.rows[i - 1].no != r.no {
            let span = schema.rows[i..].iter().take_while(|x| x.no == r.no).count();
            let mut c = Cell::text(&r.no, 0);
            c.rowspan = span;
            row.push(c);
        }
        if r.indicator != "^" {
            let span = 1 + schema.rows[i + 1..n]
                .iter()
                .take_while(|x| x.indicator == "^")
                .count();
            let mut c = Cell::text(&r.indicator, 1);
            c.rowspan = span;
            c.align = Some(Align::Left);
            row.push(c);
        }
        row.push(Cell::text(&r.unit, 2));
        let vals = rows_obj.and_then(|o| o.get(&r.key));
        let mut formatted = format_values(vals, value_cols, r, &loc(&r.key))?;
        if r.graduate && !by_school {
            for (i, f) in formatted.iter_mut().enumerate() {
                if no_graduates.get(i).copied().unwrap_or(false) {
                    *f = "-".into();
                }
            }
        }
        for (k, s) in formatted.into_iter().enumerate() {
            row.push(Cell::text(&s, 3 + k));
        }
        rows.push(row);
    }
    let origin = Origin {
        file: file.to_string(),
        line: 0,
    };
    let mut table = Table::new(3 + value_cols, rows, origin);
    table.aligns[1] = Align::Left;
    table.caption = vec![crate::model::Inline::Text(schema.title.clone())];
    table.name_line = Some(format!("名称：{region}({code})"));
    // Widths, size and orientation: the layout layer, as for any table.
    Ok(table)
}

fn format_values(v: Option<&Value>, n: usize, row: &RowSchema, loc: &str) -> Result<Vec<String>> {
    let arr: Vec<Value> = match v {
        None | Some(Value::Null) => vec![Value::Null; n],
        Some(Value::Array(a)) if a.len() == n => a.clone(),
        Some(Value::Array(a)) => {
            return Err(Error::at(loc, msg::data::values_count(n, a.len())));
        }
        Some(_) => {
            return Err(Error::at(loc, msg::data::values_not_list(n)));
        }
    };
    arr.iter()
        .map(|x| match x {
            Value::Null => Ok("-".to_string()),
            Value::String(s) => Ok(s.clone()),
            Value::Number(num) => Ok(match (row.decimals, num.as_f64()) {
                (Some(d), Some(f)) if !num.is_i64() || d > 0 => crate::model::numfmt::fixed(f, d),
                _ => num.to_string(),
            }),
            _ => Err(Error::at(loc, msg::data::value_kind(x))),
        })
        .collect()
}

/// Reads an indicator workbook (one sheet per table, as `nianbao init-data`
/// writes it) into the same shape as an indicators JSON file. `Ok(None)` when
/// the workbook is not one.
pub fn from_workbook(file: &str, sheets: &[(String, crate::xlsx::Rows)]) -> Result<Option<Value>> {
    let schemas = schemas();
    let is_indicator_sheet = |name: &str, rows: &crate::xlsx::Rows| {
        schemas.iter().any(|s| s.title == name || s.id == name)
            && rows.first().and_then(|r| r.get(3)).and_then(Value::as_str) == Some(KEY_HEADER)
    };
    let looks_like = |rows: &crate::xlsx::Rows| {
        rows.first().and_then(|r| r.get(3)).and_then(Value::as_str) == Some(KEY_HEADER)
    };
    if sheets.is_empty() || !sheets.iter().any(|(_, r)| looks_like(r)) {
        return Ok(None);
    }
    if let Some((name, _)) = sheets.iter().find(|(n, r)| !is_indicator_sheet(n, r)) {
        let titles: Vec<&str> = schemas.iter().map(|s| s.title.as_str()).collect();
        return Err(Error::at(
            format!("{file} [{name}]"),
            msg::data::indicator_workbook_sheet(format!("{titles:?}")),
        ));
    }
    let mut out = serde_json::Map::new();
    for (name, rows) in sheets {
        let schema = schemas
            .iter()
            .find(|s| s.title == *name || s.id == *name)
            .expect("checked above");
        let header = &rows[0];
        let value_cols: Vec<usize> = (4..header.len())
            .filter(|&c| !header[c].is_null())
            .collect();
        let mut values = serde_json::Map::new();
        for (r, row) in rows.iter().enumerate().skip(1) {
            let Some(key) = row.get(3).and_then(Value::as_str) else {
                continue;
            };
            if !schema.rows.iter().any(|x| x.key == key) {
                return Err(Error::at(
                    format!("{file} [{name}]:{}", r + 1),
                    msg::data::indicator_key_unknown(key),
                ));
            }
            let vals: Vec<Value> = value_cols
                .iter()
                .map(|&c| match row.get(c) {
                    Some(Value::String(s)) if s == "-" => Value::Null,
                    Some(v) => v.clone(),
                    None => Value::Null,
                })
                .collect();
            values.insert(key.to_string(), Value::Array(vals));
        }
        let table = if schema.columns == "schools" {
            let schools: Vec<Value> = value_cols.iter().map(|&c| header[c].clone()).collect();
            serde_json::json!({ "schools": schools, "rows": values })
        } else {
            Value::Object(values)
        };
        out.insert(schema.id.clone(), table);
    }
    Ok(Some(Value::Object(out)))
}

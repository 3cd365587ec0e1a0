//! Datasets (`report.json` → `data`): JSON or CSV files that become template
//! variables.

use super::project::Project;
use crate::error::{Error, Result};
use serde_json::{Map, Value};

/// Loads one dataset file as a JSON value. CSV becomes a list of objects keyed
/// by the header row, with numeric fields as numbers.
pub fn load_dataset(project: &Project, rel: &str, field: &str) -> Result<Value> {
    let lower = rel.to_ascii_lowercase();
    if lower.ends_with(".json") {
        let text = project.read_text(rel, field)?;
        serde_json::from_str(&text).map_err(|e| {
            Error::at(
                format!("{rel}:{}:{}", e.line(), e.column()),
                format!("invalid JSON: {}", strip_position(&e.to_string())),
            )
        })
    } else if lower.ends_with(".csv") {
        let text = project.read_text(rel, field)?;
        parse_csv(rel, &text)
    } else if lower.ends_with(".xlsx") {
        let bytes = project.read(rel, field)?;
        parse_xlsx(rel, bytes)
    } else {
        Err(Error::at(
            field,
            format!("\"{rel}\": expected a .json, .csv or .xlsx file"),
        ))
    }
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// A number held by a JSON value: a number, or text such as `"1,234.50"`.
pub fn json_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().replace(',', "").parse().ok(),
        _ => None,
    }
}

/// Parses CSV text into a list of objects.
pub fn parse_csv(file: &str, text: &str) -> Result<Value> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| {
            Error::at(
                format!("{file}:1"),
                format!("cannot read the header row: {e}"),
            )
        })?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            Error::at(format!("{file}:{line}"), format!("invalid CSV: {e}"))
        })?;
        let mut obj = Map::new();
        for (h, v) in headers.iter().zip(record.iter()) {
            obj.insert(h.clone(), csv_value(v));
        }
        rows.push(Value::Object(obj));
    }
    Ok(Value::Array(rows))
}

/// A CSV field as a number where it is one, else as text.
fn csv_value(raw: &str) -> Value {
    let s = raw.trim();
    if s.is_empty() {
        return Value::Null;
    }
    if let Ok(i) = s.parse::<i64>() {
        return Value::from(i);
    }
    if s.bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && let Ok(f) = s.parse::<f64>()
    {
        return Value::from(f);
    }
    Value::String(s.to_string())
}

/// One worksheet as rows of cells (numbers as numbers, text as text).
pub type Sheet = Vec<Vec<Value>>;

/// Reads every worksheet of an Excel workbook: (sheet name, rows).
pub fn read_xlsx(file: &str, bytes: Vec<u8>) -> Result<Vec<(String, Sheet)>> {
    use calamine::{Data, Reader};
    let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| Error::at(file, format!("cannot read the workbook: {e}")))?;
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).map_err(|e| {
            Error::at(
                format!("{file} [{name}]"),
                format!("cannot read the sheet: {e}"),
            )
        })?;
        let rows = range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|c| match c {
                        Data::Int(i) => Value::from(*i),
                        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                            Value::from(*f as i64)
                        }
                        Data::Float(f) => Value::from(*f),
                        Data::String(s) if s.trim().is_empty() => Value::Null,
                        Data::String(s) => Value::String(s.trim().to_string()),
                        Data::Bool(b) => Value::Bool(*b),
                        Data::Empty => Value::Null,
                        other => Value::String(other.to_string()),
                    })
                    .collect()
            })
            .collect();
        out.push((name, rows));
    }
    Ok(out)
}

/// A dataset from the first worksheet: the header row names the fields.
fn parse_xlsx(file: &str, bytes: Vec<u8>) -> Result<Value> {
    let sheets = read_xlsx(file, bytes)?;
    if let Some(indicators) = super::appendix::from_workbook(file, &sheets)? {
        return Ok(indicators);
    }
    let Some((_, rows)) = sheets.into_iter().next() else {
        return Err(Error::at(file, "the workbook has no worksheet"));
    };
    let mut it = rows.into_iter();
    let header: Vec<String> = it
        .next()
        .ok_or_else(|| Error::at(file, "the first worksheet is empty; expected a header row"))?
        .into_iter()
        .map(|v| match v {
            Value::String(s) => s,
            Value::Null => String::new(),
            other => other.to_string(),
        })
        .collect();
    let mut out = Vec::new();
    for row in it {
        if row.iter().all(Value::is_null) {
            continue;
        }
        let mut obj = Map::new();
        for (h, v) in header.iter().zip(row) {
            if !h.is_empty() {
                obj.insert(h.clone(), v);
            }
        }
        out.push(Value::Object(obj));
    }
    Ok(Value::Array(out))
}

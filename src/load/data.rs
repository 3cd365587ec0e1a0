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
    } else {
        Err(Error::at(
            field,
            format!("\"{rel}\": expected a .json or .csv file"),
        ))
    }
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
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

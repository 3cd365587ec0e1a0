//! Datasets (`report.json` → `data`): JSON or CSV files that become template
//! variables.

use super::explain;
use super::project::Project;
use crate::error::{Error, Result};
use crate::i18n::msg;
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
                msg::data::json_invalid(explain::json(&e)),
            )
        })
    } else if lower.ends_with(".csv") {
        let text = project.read_text(rel, field)?;
        parse_csv(rel, &text)
    } else if lower.ends_with(".xlsx") {
        let bytes = project.read(rel, field)?;
        parse_xlsx(rel, bytes)
    } else {
        Err(Error::at(field, msg::data::dataset_kind(rel)))
    }
}

/// A number held by a JSON value: a number, or text such as `"1,234.50"`.
pub fn json_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().replace(',', "").parse().ok(),
        _ => None,
    }
    .filter(|x: &f64| x.is_finite())
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
                msg::data::csv_header_unreadable(explain::csv(&e)),
            )
        })?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    for (i, h) in headers.iter().enumerate() {
        if let Some(j) = headers[..i].iter().position(|x| x == h && !h.is_empty()) {
            return Err(Error::at(
                format!("{file}:1"),
                msg::data::csv_duplicate_column(h, j + 1, i + 1),
            ));
        }
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            Error::at(
                format!("{file}:{line}"),
                msg::data::csv_invalid(explain::csv(&e)),
            )
        })?;
        let mut obj = Map::new();
        for (h, v) in headers.iter().zip(record.iter()) {
            obj.insert(h.clone(), csv_value(v));
        }
        rows.push(Value::Object(obj));
    }
    Ok(Value::Array(rows))
}

/// A CSV field as a number where it is one and prints back as written,
/// else as text: a school code `010010`, `97.20` (two decimals) and a
/// 20-digit id keep their source text; number filters and data checks still
/// read them as numbers.
fn csv_value(raw: &str) -> Value {
    let s = raw.trim();
    if s.is_empty() {
        return Value::Null;
    }
    let digits = s.strip_prefix('-').unwrap_or(s);
    let leading_zero = digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0.");
    if leading_zero {
        return Value::String(s.to_string());
    }
    if let Ok(i) = s.parse::<i64>() {
        return Value::from(i);
    }
    if s.bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && let Ok(f) = s.parse::<f64>()
        && f.is_finite()
        && format!("{f}") == s
    {
        return Value::from(f);
    }
    Value::String(s.to_string())
}

/// One worksheet as rows of cells (numbers as numbers, text as text).
pub type Sheet = crate::xlsx::Rows;

/// Reads every worksheet of an Excel workbook: (sheet name, rows). Rows
/// start at the first used row and column, as Excel's "used range" does.
/// A workbook that unpacks beyond the limits of [`crate::model::limits`], or
/// uses a cell past them, is an error (a tiny file can ask for gigabytes).
pub fn read_xlsx(file: &str, bytes: Vec<u8>) -> Result<Vec<(String, Sheet)>> {
    use crate::model::limits::{MAX_XLSX_COLUMNS, MAX_XLSX_ROWS};
    use calamine::{Data, Reader};
    check_unpacked_size(file, &bytes)?;
    let mut wb = calamine::Xlsx::new(std::io::Cursor::new(bytes))
        .map_err(|e| Error::at(file, msg::data::xlsx_unreadable(e)))?;
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let sheet_err = |e: calamine::XlsxError| {
            Error::at(
                format!("{file} [{name}]"),
                msg::data::xlsx_sheet_unreadable(e),
            )
        };
        let mut reader = wb.worksheet_cells_reader(&name).map_err(sheet_err)?;
        let mut cells = Vec::new();
        while let Some(cell) = reader.next_cell().map_err(sheet_err)? {
            let (r, c) = cell.get_position();
            if cell.get_value() == &calamine::DataRef::Empty {
                continue;
            }
            if r >= MAX_XLSX_ROWS || c >= MAX_XLSX_COLUMNS {
                return Err(Error::at(
                    format!(
                        "{file} [{name}] {}{}",
                        crate::xlsx::column_letters(c as usize),
                        r + 1
                    ),
                    msg::data::xlsx_cell_too_far(
                        MAX_XLSX_ROWS,
                        MAX_XLSX_COLUMNS,
                        crate::xlsx::column_letters(MAX_XLSX_COLUMNS as usize - 1),
                        MAX_XLSX_ROWS,
                    ),
                ));
            }
            let v = match Data::from(cell.get_value().clone()) {
                Data::Int(i) => Value::from(i),
                Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Value::from(f as i64),
                Data::Float(f) => Value::from(f),
                Data::String(s) if s.trim().is_empty() => Value::Null,
                Data::String(s) => Value::String(s.trim().to_string()),
                Data::Bool(b) => Value::Bool(b),
                Data::Empty => Value::Null,
                other => Value::String(other.to_string()),
            };
            cells.push((r, c, v));
        }
        out.push((name.clone(), dense(&format!("{file} [{name}]"), cells)?));
    }
    Ok(out)
}

/// Cells (row, column, value) as rows from the first used row and column;
/// a used range beyond [`MAX_XLSX_CELLS`](crate::model::limits::MAX_XLSX_CELLS)
/// is an error at `location`.
fn dense(location: &str, cells: Vec<(u32, u32, Value)>) -> Result<Sheet> {
    use crate::model::limits::MAX_XLSX_CELLS;
    let (Some(r0), Some(c0)) = (
        cells.iter().map(|c| c.0).min(),
        cells.iter().map(|c| c.1).min(),
    ) else {
        return Ok(Vec::new());
    };
    let rows = cells.iter().map(|c| c.0).max().unwrap_or(r0) - r0 + 1;
    let cols = cells.iter().map(|c| c.1).max().unwrap_or(c0) - c0 + 1;
    if u64::from(rows) * u64::from(cols) > MAX_XLSX_CELLS {
        return Err(Error::at(
            location,
            msg::data::xlsx_range_too_large(
                MAX_XLSX_CELLS,
                format!(
                    "{}{}:{}{}",
                    crate::xlsx::column_letters(c0 as usize),
                    r0 + 1,
                    crate::xlsx::column_letters((c0 + cols - 1) as usize),
                    r0 + rows,
                ),
                u64::from(rows) * u64::from(cols),
            ),
        ));
    }
    let mut sheet = vec![vec![Value::Null; cols as usize]; rows as usize];
    for (r, c, v) in cells {
        sheet[(r - r0) as usize][(c - c0) as usize] = v;
    }
    Ok(sheet)
}

/// Refuses a workbook whose parts unpack beyond the limit (a zip bomb).
fn check_unpacked_size(file: &str, bytes: &[u8]) -> Result<()> {
    use crate::model::limits::MAX_XLSX_UNPACKED_BYTES;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Error::at(file, msg::data::xlsx_not_zip(e)))?;
    // The central directory's sizes; the zip reader stops at them.
    let mut total = 0u64;
    for i in 0..archive.len() {
        let size = archive
            .by_index_raw(i)
            .map(|f| f.size())
            .unwrap_or(u64::MAX);
        total = total.saturating_add(size);
    }
    if total > MAX_XLSX_UNPACKED_BYTES {
        return Err(Error::at(
            file,
            msg::data::xlsx_too_large(MAX_XLSX_UNPACKED_BYTES >> 20, total >> 20),
        ));
    }
    check_shared_strings(file, &mut archive)
}

/// calamine reserves room for the shared strings a workbook declares
/// (`<sst uniqueCount="…">`, 24 bytes each) before reading any: a tiny file
/// can ask for gigabytes, and a refused allocation aborts the program. A
/// string takes at least five bytes (`<si/>`), so a count beyond a fifth of
/// the part's size cannot be true and is refused.
fn check_shared_strings(
    file: &str,
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
) -> Result<()> {
    use std::io::Read;
    let parts: Vec<String> = archive
        .file_names()
        .filter(|n| {
            n.to_ascii_lowercase()
                .replace('\\', "/")
                .ends_with("sharedstrings.xml")
        })
        .map(str::to_string)
        .collect();
    for name in parts {
        let mut xml = Vec::new();
        // A damaged part is calamine's to report.
        if let Ok(part) = archive.by_name(&name) {
            let _ = part
                .take(crate::model::limits::MAX_XLSX_UNPACKED_BYTES)
                .read_to_end(&mut xml);
        }
        // The count is an attribute of `<sst>`, before the first string.
        let head = xml
            .windows(3)
            .position(|w| w == b"<si")
            .map_or(&xml[..], |i| &xml[..i]);
        let key = b"uniqueCount";
        let mut declared = 0u64;
        for (i, _) in head
            .windows(key.len())
            .enumerate()
            .filter(|(_, w)| w == key)
        {
            let rest = head[i + key.len()..].trim_ascii_start();
            let Some(rest) = rest.strip_prefix(b"=") else {
                continue;
            };
            let rest = rest.trim_ascii_start();
            let digits = rest.get(1..).unwrap_or_default();
            let n = digits
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .fold(0u64, |n, b| {
                    n.saturating_mul(10).saturating_add(u64::from(b - b'0'))
                });
            declared = declared.max(n);
        }
        if declared > xml.len() as u64 / 5 {
            return Err(Error::at(
                format!("{file} [{name}]"),
                msg::data::xlsx_shared_strings(declared, xml.len()),
            ));
        }
    }
    Ok(())
}

/// A dataset from the first worksheet: the header row names the fields.
fn parse_xlsx(file: &str, bytes: Vec<u8>) -> Result<Value> {
    let sheets = read_xlsx(file, bytes)?;
    if let Some(indicators) = super::appendix::from_workbook(file, &sheets)? {
        return Ok(indicators);
    }
    let Some((_, rows)) = sheets.into_iter().next() else {
        return Err(Error::at(file, msg::data::xlsx_no_sheet()));
    };
    let mut it = rows.into_iter();
    let header: Vec<String> = it
        .next()
        .ok_or_else(|| Error::at(file, msg::data::xlsx_first_sheet_empty()))?
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

//! Writing Excel workbooks (SpreadsheetML in a zip), small and deterministic
//! (fixed timestamps, no document properties): the indicator workbook of
//! `init-data`, the data behind the DOCX's native charts.

use crate::error::{Error, Result};
use serde_json::Value;
use std::io::Write;

/// Escapes text for XML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Column letters of a 0-based column index: `0` → `A`, `26` → `AA`.
pub fn column_letters(mut c: usize) -> String {
    let mut s = String::new();
    loop {
        s.insert(0, (b'A' + (c % 26) as u8) as char);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s
}

fn cell(r: usize, c: usize, v: &Value) -> String {
    let at = format!("{}{}", column_letters(c), r + 1);
    match v {
        Value::Null => String::new(),
        Value::Number(n) => format!(r#"<c r="{at}"><v>{n}</v></c>"#),
        Value::String(s) => format!(
            r#"<c r="{at}" t="inlineStr"><is><t>{}</t></is></c>"#,
            esc(s)
        ),
        other => format!(
            r#"<c r="{at}" t="inlineStr"><is><t>{}</t></is></c>"#,
            esc(&other.to_string())
        ),
    }
}

fn sheet_xml(rows: &[Vec<Value>], widths: &[f64]) -> String {
    let mut x = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>"#,
    );
    for (i, w) in widths.iter().enumerate() {
        x.push_str(&format!(
            r#"<col min="{n}" max="{n}" width="{w}" customWidth="1"/>"#,
            n = i + 1
        ));
    }
    x.push_str("</cols><sheetData>");
    for (r, row) in rows.iter().enumerate() {
        x.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, v) in row.iter().enumerate() {
            x.push_str(&cell(r, c, v));
        }
        x.push_str("</row>");
    }
    x.push_str("</sheetData></worksheet>");
    x
}

/// A plain workbook: each sheet a name and rows of cells.
pub fn workbook(sheets: &[(String, Vec<Vec<Value>>)]) -> Result<Vec<u8>> {
    let with_widths: Vec<Sheet> = sheets
        .iter()
        .map(|(n, rows)| {
            let width = rows.iter().map(Vec::len).max().unwrap_or(0);
            (n.clone(), rows.clone(), vec![14.0; width])
        })
        .collect();
    workbook_with_widths(&with_widths)
}

/// A worksheet's cells, row by row (numbers as numbers, text as text).
pub type Rows = Vec<Vec<Value>>;

/// One sheet: its name, rows of cells, and column widths in characters.
pub type Sheet = (String, Vec<Vec<Value>>, Vec<f64>);

/// A workbook whose sheets have their column widths given.
pub fn workbook_with_widths(sheets: &[Sheet]) -> Result<Vec<u8>> {
    let xml: Vec<(String, String)> = sheets
        .iter()
        .map(|(n, rows, widths)| (n.clone(), sheet_xml(rows, widths)))
        .collect();
    package(&xml).map_err(|e| {
        Error::at(
            "",
            crate::i18n::msg::data::xlsx_write_failed(crate::i18n::io_reason(&e)),
        )
    })
}

fn package(sheets: &[(String, String)]) -> std::io::Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    );
    let mut wb = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (i, (name, _)) in sheets.iter().enumerate() {
        let n = i + 1;
        types.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
        wb.push_str(&format!(
            r#"<sheet name="{}" sheetId="{n}" r:id="rId{n}"/>"#,
            esc(name)
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#));
    }
    let n = sheets.len() + 1;
    rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#));
    types.push_str("</Types>");
    wb.push_str("</sheets></workbook>");
    let styles = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>"#;
    let root_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let mut put = |name: &str, body: &str| -> std::io::Result<()> {
        zip.start_file(name, opts)?;
        zip.write_all(body.as_bytes())
    };
    put("[Content_Types].xml", &types)?;
    put("_rels/.rels", root_rels)?;
    put("xl/workbook.xml", &wb)?;
    put("xl/_rels/workbook.xml.rels", &rels)?;
    put("xl/styles.xml", styles)?;
    for (i, (_, xml)) in sheets.iter().enumerate() {
        put(&format!("xl/worksheets/sheet{}.xml", i + 1), xml)?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_excel() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16383), "XFD");
    }
}

//! `nianbao init-data`: writes the six indicator tables as an Excel workbook
//! (one sheet per table: 序号, 指标, 单位, 键, then one column per year or per
//! school) for a bureau to fill in; `appendix.values` reads it back.

use crate::error::{Error, Result};
use crate::model::indicators::{KEY_HEADER, schemas};
use serde_json::Value;
use std::io::Write;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn col_name(mut c: usize) -> String {
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
    let at = format!("{}{}", col_name(c), r + 1);
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

/// The workbook bytes. `values` (an indicators JSON value) pre-fills the
/// cells; `schools` names the per-school columns when `values` has none.
pub fn indicator_workbook(
    year: i32,
    values: Option<&Value>,
    schools: &[String],
) -> Result<Vec<u8>> {
    let mut sheets = Vec::new();
    for schema in schemas() {
        let table = values.and_then(|v| v.get(&schema.id));
        let by_school = schema.columns == "schools";
        let heads: Vec<String> = if by_school {
            let from_values: Vec<String> = table
                .and_then(|t| t.get("schools"))
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            if from_values.is_empty() {
                schools.to_vec()
            } else {
                from_values
            }
        } else {
            vec![format!("{}年", year - 1), format!("{year}年")]
        };
        let mut rows = vec![
            ["序号", "指标", "单位", KEY_HEADER]
                .iter()
                .map(|s| Value::from(*s))
                .chain(heads.iter().map(|h| Value::from(h.as_str())))
                .collect::<Vec<_>>(),
        ];
        for row in &schema.rows {
            let vals = table
                .and_then(|t| if by_school { t.get("rows") } else { Some(t) })
                .and_then(|t| t.get(&row.key))
                .and_then(Value::as_array);
            let mut r = vec![
                Value::from(row.no.as_str()),
                Value::from(if row.indicator == "^" {
                    ""
                } else {
                    row.indicator.as_str()
                }),
                Value::from(row.unit.as_str()),
                Value::from(row.key.as_str()),
            ];
            for i in 0..heads.len() {
                r.push(vals.and_then(|v| v.get(i)).cloned().unwrap_or(Value::Null));
            }
            rows.push(r);
        }
        let widths: Vec<f64> = [6.0, 40.0, 8.0, 22.0]
            .into_iter()
            .chain(std::iter::repeat_n(12.0, heads.len()))
            .collect();
        sheets.push((schema.title.clone(), sheet_xml(&rows, &widths)));
    }
    package(&sheets).map_err(|e| Error::at("", format!("cannot write the workbook: {e}")))
}

/// A plain workbook: each sheet a name and rows of cells.
pub fn workbook(sheets: &[(String, Vec<Vec<Value>>)]) -> Result<Vec<u8>> {
    let xml: Vec<(String, String)> = sheets
        .iter()
        .map(|(n, rows)| {
            let width = rows.iter().map(Vec::len).max().unwrap_or(0);
            (n.clone(), sheet_xml(rows, &vec![14.0; width]))
        })
        .collect();
    package(&xml).map_err(|e| Error::at("", format!("cannot write the workbook: {e}")))
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
    fn workbook_reads_back_to_the_same_values() {
        let text = include_str!("../samples/yunchuan-city/data/indicators.json");
        let values: Value = serde_json::from_str(text).unwrap();
        let bytes = indicator_workbook(2025, Some(&values), &[]).unwrap();
        let sheets = crate::load::data::read_xlsx("t.xlsx", bytes).unwrap();
        assert_eq!(sheets.len(), 6);
        let back = crate::load::appendix::from_workbook("t.xlsx", &sheets)
            .unwrap()
            .unwrap();
        assert_eq!(back, values);
    }

    #[test]
    fn column_names() {
        assert_eq!(col_name(0), "A");
        assert_eq!(col_name(25), "Z");
        assert_eq!(col_name(26), "AA");
    }
}

//! `nianbao init-data`: writes the six indicator tables as an Excel workbook
//! (one sheet per table: 序号, 指标, 单位, 键, then one column per year or per
//! school) for a bureau to fill in; `appendix.values` reads it back.

use crate::error::Result;
use crate::model::indicators::{KEY_HEADER, schemas};
use serde_json::Value;

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
        sheets.push((schema.title.clone(), rows, widths));
    }
    crate::xlsx::workbook_with_widths(&sheets)
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
}

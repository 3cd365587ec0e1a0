//! `::: {.chart …}` blocks: a chart's data, from a dataset or written inline.
//!
//! ```text
//! ::: {.chart #fig-kinds type=pie caption="学校类型分布" dataset=schools label=kind aggregate=count unit="所"}
//! :::
//! ::: {.chart #fig-scale type=bar caption="招生规模" dataset=schools label=short value="enrol_prev,enrol_cur" series="2024年,2025年" unit="人"}
//! :::
//! ::: {.chart #fig-x type=pie caption="办学主体" data="公办:28, 民办:3" unit="所"}
//! :::
//! ```

use super::attrs::Attrs;
use super::data::json_number as number;
use crate::i18n::msg;
use crate::model::{Chart, ChartKind, Series};
use serde_json::{Map, Value};

/// The attributes a chart block takes.
pub const KEYS: &[&str] = &[
    "type",
    "caption",
    "dataset",
    "label",
    "value",
    "series",
    "aggregate",
    "data",
    "unit",
    "width",
];

/// Builds the chart from a block's attributes and the report data.
pub fn build(attrs: &Attrs, data: &Map<String, Value>) -> Result<Chart, String> {
    let kind = match attrs.values.get("type").map(String::as_str) {
        Some("pie") => ChartKind::Pie,
        Some("bar") => ChartKind::Bar,
        Some("line") => ChartKind::Line,
        Some(other) => return Err(msg::load::chart_type_unknown(other)),
        None => return Err(msg::load::chart_type_missing()),
    };
    let unit = attrs.values.get("unit").cloned();
    let (categories, series) = if let Some(inline) = attrs.values.get("data") {
        inline_data(inline)?
    } else {
        dataset_data(attrs, data)?
    };
    if categories.is_empty() {
        return Err(msg::load::chart_no_data());
    }
    if kind == ChartKind::Pie && series.len() != 1 {
        return Err(msg::load::chart_pie_series());
    }
    if series
        .iter()
        .flat_map(|s| &s.values)
        .any(|v| !v.is_finite() || *v < 0.0)
    {
        // The axes start at 0 and bars grow upwards.
        return Err(msg::load::chart_negative());
    }
    // Chart text goes into SVG, where control characters are not allowed.
    let texts = categories
        .iter()
        .chain(series.iter().map(|s| &s.name))
        .chain(unit.iter());
    for t in texts {
        if let Some(c) = t.chars().find(|c| c.is_control()) {
            return Err(msg::load::chart_label_control(
                t.replace(|c: char| c.is_control(), "�"),
                format!("{:04X}", c as u32),
            ));
        }
    }
    Ok(Chart {
        kind,
        categories,
        series,
        unit,
    })
}

fn inline_data(s: &str) -> Result<(Vec<String>, Vec<Series>), String> {
    let mut cats = Vec::new();
    let mut vals = Vec::new();
    for part in s
        .split([',', '，'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (k, v) = part
            .rsplit_once([':', '：'])
            .ok_or_else(|| msg::load::chart_data_format(s))?;
        let x: f64 = v
            .trim()
            .parse()
            .map_err(|_| msg::load::chart_data_not_number(v))?;
        cats.push(k.trim().to_string());
        vals.push(x);
    }
    Ok((
        cats,
        vec![Series {
            name: String::new(),
            values: vals,
        }],
    ))
}

fn dataset_data(
    attrs: &Attrs,
    data: &Map<String, Value>,
) -> Result<(Vec<String>, Vec<Series>), String> {
    let name = attrs
        .values
        .get("dataset")
        .ok_or_else(msg::load::chart_dataset_missing)?;
    let rows = data
        .get(name)
        .and_then(Value::as_array)
        .ok_or_else(|| msg::load::chart_dataset_unknown(name))?;
    let label = attrs
        .values
        .get("label")
        .ok_or_else(msg::load::chart_label_missing)?;
    let fields: Vec<String> = attrs
        .values
        .get("value")
        .map(|v| {
            v.split(',')
                .map(|f| f.trim().to_string())
                .filter(|f| !f.is_empty())
                .collect()
        })
        .unwrap_or_default();
    let aggregate = attrs.values.get("aggregate").map(String::as_str);
    let label_of = |row: &Value, i: usize| -> Result<String, String> {
        match row.get(label) {
            Some(Value::String(s)) => Ok(s.clone()),
            Some(Value::Number(n)) => Ok(n.to_string()),
            _ => Err(msg::load::chart_row_no_label(name, i + 1, label)),
        }
    };
    let value_of = |row: &Value, f: &str, i: usize| -> Result<f64, String> {
        row.get(f)
            .and_then(number)
            .ok_or_else(|| msg::load::chart_row_not_number(name, i + 1, f))
    };
    let mut cats: Vec<String> = Vec::new();
    let mut sums: Vec<Vec<f64>> = Vec::new();
    match aggregate {
        Some("count") | Some("sum") => {
            let count = aggregate == Some("count");
            if !count && fields.is_empty() {
                return Err(msg::load::chart_sum_needs_value());
            }
            let width = if count { 1 } else { fields.len() };
            for (i, row) in rows.iter().enumerate() {
                let l = label_of(row, i)?;
                let k = match cats.iter().position(|c| *c == l) {
                    Some(k) => k,
                    None => {
                        cats.push(l);
                        sums.push(vec![0.0; width]);
                        cats.len() - 1
                    }
                };
                if count {
                    sums[k][0] += 1.0;
                } else {
                    for (j, f) in fields.iter().enumerate() {
                        sums[k][j] += value_of(row, f, i)?;
                    }
                }
            }
        }
        None => {
            if fields.is_empty() {
                return Err(msg::load::chart_value_missing());
            }
            for (i, row) in rows.iter().enumerate() {
                cats.push(label_of(row, i)?);
                sums.push(
                    fields
                        .iter()
                        .map(|f| value_of(row, f, i))
                        .collect::<Result<_, _>>()?,
                );
            }
        }
        Some(other) => return Err(msg::load::chart_aggregate_unknown(other)),
    }
    let width = sums.first().map(Vec::len).unwrap_or(0);
    let names: Vec<String> = match attrs.values.get("series") {
        Some(s) => s.split([',', '，']).map(|x| x.trim().to_string()).collect(),
        None => fields.clone(),
    };
    // A count chart may leave its one series unnamed.
    let unnamed_count = aggregate == Some("count") && !attrs.values.contains_key("series");
    if names.len() != width && !unnamed_count {
        return Err(msg::load::chart_series_count(names.len(), width));
    }
    let series = (0..width)
        .map(|j| Series {
            name: names.get(j).cloned().unwrap_or_default(),
            values: sums.iter().map(|r| r[j]).collect(),
        })
        .collect();
    Ok((cats, series))
}

//! The JSON Schemas of the project files: `report.json` (generated from the
//! serde types in [`crate::load::config`] with `schemars`) and the indicator
//! values file (generated from the built-in table layout in
//! `assets/indicators.json`). Editors such as VS Code read them through the
//! `"$schema"` key to complete and check fields; `nianbao schema` prints them
//! and `nianbao new` writes `report.schema.json` beside report.json.
//!
//! Both are draft-07: what editors support best.

use crate::load::config::ReportConfig;
use crate::model::indicators::schemas;
use serde_json::{Map, Value, json};

/// The JSON Schema of `report.json`.
pub fn report_schema() -> Value {
    let schema = schemars::schema_for!(ReportConfig);
    serde_json::to_value(schema).expect("a JSON Schema serialises")
}

/// The JSON Schema of the indicator values file (`appendix.values` as JSON):
/// table id → row key → values, with every table and row of the six tables.
pub fn indicator_values_schema() -> Value {
    let value = json!({
        "description": "数值：数字、写成文字的数字（照原样印出，如 \"97.20\"）或 null（印成“-”）。",
        "type": ["number", "string", "null"]
    });
    let mut tables = Map::new();
    for table in schemas() {
        let by_school = table.columns == "schools";
        let mut rows = Map::new();
        let mut last_indicator = "";
        for row in &table.rows {
            let name = if row.indicator == "^" {
                last_indicator
            } else {
                row.indicator.as_str()
            };
            last_indicator = name;
            let mut desc = clean(name);
            if let Some(parent) = &row.parent
                && let Some(p) = table.rows.iter().find(|r| &r.key == parent)
                && p.indicator != "^"
            {
                desc = format!("{}中的{desc}", clean(&p.indicator));
            }
            if !row.unit.is_empty() && row.unit != "·" {
                desc = format!("{desc}（{}）", row.unit);
            }
            let values = if by_school {
                json!({
                    "description": format!("{desc}：每校一个值，顺序与 schools 相同"),
                    "type": ["array", "null"],
                    "items": value,
                })
            } else {
                json!({
                    "description": format!("{desc}：[上年, 本年]"),
                    "type": ["array", "null"],
                    "items": value,
                    "minItems": 2,
                    "maxItems": 2,
                })
            };
            rows.insert(row.key.clone(), values);
        }
        let rows = json!({
            "type": ["object", "null"],
            "properties": rows,
            "additionalProperties": false,
        });
        let schema = if by_school {
            json!({
                "description": format!("{}：每校一列", table.title),
                "type": ["object", "null"],
                "properties": {
                    "schools": {
                        "description": "各校名称（即各列的列标题），如 [\"甲校\", \"乙校\"]",
                        "type": ["array", "null"],
                        "items": { "type": "string" },
                        "minItems": 1,
                    },
                    "rows": merge(rows, json!({ "description": "指标的键 → 每校一个值" })),
                },
                "additionalProperties": false,
            })
        } else {
            merge(
                rows,
                json!({ "description": format!("{}：指标的键 → [上年, 本年]", table.title) }),
            )
        };
        tables.insert(table.id.clone(), schema);
    }
    json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "nianbao 附表数值文件",
        "description": "六张指标附表的数值（report.json 的 appendix.values 所指的 JSON 文件）：表 id → 指标的键 → 数值。不写的表、行印成“-”。",
        "type": "object",
        "properties": tables,
        "additionalProperties": false,
    })
}

/// `其中：升学人数` → `升学人数`.
fn clean(indicator: &str) -> String {
    indicator
        .trim_start_matches("其中：")
        .trim_start_matches("其中")
        .to_string()
}

fn merge(mut a: Value, b: Value) -> Value {
    if let (Some(a), Value::Object(b)) = (a.as_object_mut(), b) {
        a.extend(b);
    }
    a
}

/// Pretty JSON text with a final newline, as written to files.
pub fn to_text(schema: &Value) -> String {
    let mut s = serde_json::to_string_pretty(schema).expect("a JSON value serialises");
    s.push('\n');
    s
}

/// One field of an object schema, flattened: `team.groups[].role`.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The path, `.` between fields and `[]` for the items of a list.
    pub path: String,
    /// Whether the field must be written (no default).
    pub required: bool,
    /// What the value is, in words: 文字, 整数, `"gongwen"` 或 `"report"`…
    pub kind: String,
    pub description: String,
}

/// Every field of `schema` (a schema as [`report_schema`] returns), depth first
/// in the order of the properties.
pub fn fields(schema: &Value) -> Vec<Field> {
    let defs = schema.get("definitions").cloned().unwrap_or(Value::Null);
    let mut out = Vec::new();
    walk(schema, &defs, "", &mut out, 0);
    out
}

/// Follows `$ref` and the `allOf`/`anyOf` wrappers schemars puts around a
/// referenced or optional schema, to the object or value schema inside.
fn resolve<'a>(s: &'a Value, defs: &'a Value) -> &'a Value {
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/definitions/");
        return defs.get(name).map_or(s, |d| resolve(d, defs));
    }
    for key in ["allOf", "anyOf"] {
        if let Some(list) = s.get(key).and_then(Value::as_array) {
            let inner: Vec<&Value> = list
                .iter()
                .filter(|x| x.get("type").and_then(Value::as_str) != Some("null"))
                .collect();
            if inner.len() == 1 && inner[0].get("$ref").is_some() {
                return resolve(inner[0], defs);
            }
        }
    }
    s
}

fn walk(s: &Value, defs: &Value, prefix: &str, out: &mut Vec<Field>, depth: usize) {
    let s = resolve(s, defs);
    let Some(props) = s.get("properties").and_then(Value::as_object) else {
        return;
    };
    let required: Vec<&str> = s
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    for (name, prop) in props {
        let path = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}.{name}")
        };
        let description = prop
            .get("description")
            .or_else(|| resolve(prop, defs).get("description"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let inner = resolve(prop, defs);
        out.push(Field {
            path: path.clone(),
            required: required.contains(&name.as_str()),
            kind: kind(inner, defs),
            description,
        });
        if depth < 8 {
            walk(inner, defs, &path, out, depth + 1);
            if let Some(items) = inner.get("items").filter(|i| i.is_object()) {
                walk(items, defs, &format!("{path}[]"), out, depth + 1);
            }
        }
    }
}

/// What a value schema accepts, in words.
fn kind(s: &Value, defs: &Value) -> String {
    let s = resolve(s, defs);
    let mut values: Vec<String> = Vec::new();
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        values.extend(e.iter().filter(|v| !v.is_null()).map(Value::to_string));
    }
    for key in ["oneOf", "anyOf"] {
        for alt in s.get(key).and_then(Value::as_array).into_iter().flatten() {
            let alt = resolve(alt, defs);
            if let Some(e) = alt.get("enum").and_then(Value::as_array) {
                values.extend(e.iter().filter(|v| !v.is_null()).map(Value::to_string));
            }
        }
    }
    if !values.is_empty() {
        return values.join(" 或 ");
    }
    let mut types: Vec<&str> = match s.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if types.is_empty() {
        // An untagged enum: the types of its alternatives.
        for alt in s.get("anyOf").and_then(Value::as_array).into_iter().flatten() {
            if let Some(t) = resolve(alt, defs).get("type").and_then(Value::as_str) {
                types.push(t);
            }
        }
    }
    let words: Vec<&str> = types
        .iter()
        .filter(|t| **t != "null")
        .map(|t| match *t {
            "string" => "文字",
            "integer" => "整数",
            "number" => "数字",
            "boolean" => "true 或 false",
            "array" => "列表",
            "object" => "一组字段",
            other => other,
        })
        .collect();
    words.join(" 或 ")
}

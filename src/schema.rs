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
use schemars::schema::{InstanceType, RootSchema, Schema, SchemaObject, SingleOrVec};
use serde_json::{Map, Value, json};

/// The JSON Schema of `report.json`, fields in the order of the structs
/// (a `serde_json::Value` would sort them: see [`report_schema_text`]).
pub fn report_root_schema() -> RootSchema {
    schemars::schema_for!(ReportConfig)
}

/// The JSON Schema of `report.json` as a JSON value (fields sorted by name).
pub fn report_schema() -> Value {
    serde_json::to_value(report_root_schema()).expect("a JSON Schema serialises")
}

/// The JSON Schema of `report.json` as it is written to `report.schema.json`:
/// pretty JSON, fields in the order of the structs, a final newline.
pub fn report_schema_text() -> String {
    let mut s =
        serde_json::to_string_pretty(&report_root_schema()).expect("a JSON Schema serialises");
    s.push('\n');
    s
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

/// The JSON Schema of the indicator values file as text (pretty JSON, a
/// final newline).
pub fn indicator_values_schema_text() -> String {
    let mut s =
        serde_json::to_string_pretty(&indicator_values_schema()).expect("a JSON value serialises");
    s.push('\n');
    s
}

/// One field of report.json, flattened: `team.groups[].role`.
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

/// Every field of report.json, depth first in the order of the structs.
pub fn fields() -> Vec<Field> {
    let root = report_root_schema();
    let mut out = Vec::new();
    walk(&root.schema, &root.definitions, "", &mut out, 0);
    out
}

type Defs = schemars::Map<String, Schema>;

fn object(s: &Schema) -> Option<&SchemaObject> {
    match s {
        Schema::Object(o) => Some(o),
        Schema::Bool(_) => None,
    }
}

fn is_null(s: &SchemaObject) -> bool {
    s.instance_type == Some(SingleOrVec::Single(Box::new(InstanceType::Null)))
}

/// Follows `$ref` and the `allOf`/`anyOf` wrappers schemars puts around a
/// referenced or optional schema, to the object or value schema inside.
fn resolve<'a>(s: &'a SchemaObject, defs: &'a Defs) -> &'a SchemaObject {
    if let Some(r) = &s.reference {
        let name = r.trim_start_matches("#/definitions/");
        return match defs.get(name).and_then(object) {
            Some(d) => resolve(d, defs),
            None => s,
        };
    }
    if let Some(sub) = &s.subschemas {
        for list in [&sub.all_of, &sub.any_of].into_iter().flatten() {
            let inner: Vec<&SchemaObject> = list
                .iter()
                .filter_map(object)
                .filter(|o| !is_null(o))
                .collect();
            if inner.len() == 1 && inner[0].reference.is_some() {
                return resolve(inner[0], defs);
            }
        }
    }
    s
}

fn description(s: &SchemaObject) -> Option<&str> {
    s.metadata.as_ref().and_then(|m| m.description.as_deref())
}

fn walk(s: &SchemaObject, defs: &Defs, prefix: &str, out: &mut Vec<Field>, depth: usize) {
    let s = resolve(s, defs);
    let Some(obj) = &s.object else {
        return;
    };
    for (name, prop) in &obj.properties {
        let Some(prop) = object(prop) else { continue };
        let path = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}.{name}")
        };
        let inner = resolve(prop, defs);
        out.push(Field {
            path: path.clone(),
            required: obj.required.contains(name),
            kind: kind(inner, defs),
            description: description(prop)
                .or_else(|| description(inner))
                .unwrap_or_default()
                .to_string(),
        });
        if depth < 8 {
            walk(inner, defs, &path, out, depth + 1);
            let items = inner.array.as_ref().and_then(|a| a.items.as_ref());
            if let Some(SingleOrVec::Single(item)) = items
                && let Some(item) = object(item)
            {
                walk(item, defs, &format!("{path}[]"), out, depth + 1);
            }
        }
    }
}

/// What a value schema accepts, in words.
fn kind(s: &SchemaObject, defs: &Defs) -> String {
    let s = resolve(s, defs);
    let mut values: Vec<String> = Vec::new();
    let mut types: Vec<InstanceType> = Vec::new();
    let mut add = |o: &SchemaObject, types: &mut Vec<InstanceType>| {
        values.extend(
            o.enum_values
                .iter()
                .flatten()
                .filter(|v| !v.is_null())
                .map(Value::to_string),
        );
        match &o.instance_type {
            Some(SingleOrVec::Single(t)) => types.push(**t),
            Some(SingleOrVec::Vec(v)) => types.extend(v.iter().copied()),
            None => {}
        }
    };
    add(s, &mut types);
    if let Some(sub) = &s.subschemas {
        for list in [&sub.one_of, &sub.any_of].into_iter().flatten() {
            for alt in list.iter().filter_map(object) {
                add(resolve(alt, defs), &mut types);
            }
        }
    }
    if !values.is_empty() {
        return values.join(" 或 ");
    }
    let mut words: Vec<&str> = Vec::new();
    for t in types {
        let w = match t {
            InstanceType::Null => continue,
            InstanceType::String => "文字",
            InstanceType::Integer => "整数",
            InstanceType::Number => "数字",
            InstanceType::Boolean => "true 或 false",
            InstanceType::Array => "列表",
            InstanceType::Object => "一组字段",
        };
        if !words.contains(&w) {
            words.push(w);
        }
    }
    words.join(" 或 ")
}

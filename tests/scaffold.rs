//! `nianbao new` writes a project that builds at once with no warning, in
//! both kinds; it never writes into a folder that is not empty; and every
//! bundled report.json (and indicator values file) matches the JSON Schema
//! nianbao generates.
//!
//! The schema is checked with the small draft-07 validator at the end of this
//! file (the `jsonschema` crate would change features of crates Typst shares
//! and rebuild it): it knows every keyword schemars emits and fails on any
//! other, so a keyword is never skipped silently.

mod common;

use common::*;
use nianbao::scaffold::Kind;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A path in the temporary folder that does not exist yet.
fn fresh(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-new-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn new_and_build(kind: &str, dir: &Path) {
    let o = nianbao(&["new", dir.to_str().unwrap(), "--kind", kind]);
    assert!(o.status.success(), "new --kind {kind}: {}", stderr(&o));
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    for f in [
        "report.json",
        "report.schema.json",
        "说明.md",
        "preface.md",
        "data/indicators.xlsx",
        "images/placeholder.png",
    ] {
        assert!(dir.join(f).is_file(), "{kind}: no {f}");
    }
    let out = dir.join("out");
    let o = nianbao_build(dir, &[]);
    let err = stderr(&o);
    assert!(
        o.status.success(),
        "build of the {kind} scaffold failed:\n{err}"
    );
    assert!(
        !err.to_lowercase().contains("warning"),
        "the {kind} scaffold builds with warnings:\n{err}"
    );
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    let pdf = std::fs::read(out.join(format!("{name}.pdf"))).unwrap();
    assert!(out.join(format!("{name}.docx")).is_file());
    let text = compact(&pages_text(&pdf).concat());
    // One chapter per standard chapter of the outline, and one of each element.
    for title in [
        "人才培养",
        "服务贡献",
        "文化传承",
        "国际合作",
        "产教融合",
        "发展保障",
        "面临挑战",
        "表目录",
        "图目录",
        "案例目录",
        "人才培养质量计分卡",
        "落实政策表",
    ] {
        assert!(text.contains(title), "{kind}: no “{title}” in the PDF");
    }
    let (table, figure, case) = match kind {
        "bureau" => ("表6-1", "图3-1", "案例5-1"),
        _ => ("表1", "图2", "案例1"),
    };
    for n in [table, figure, case] {
        assert!(text.contains(n), "{kind}: no “{n}” in the PDF");
    }
}

#[test]
fn the_bureau_scaffold_builds_without_warnings() {
    let dir = fresh("bureau");
    new_and_build("bureau", &dir);
    let text = compact(&std::fs::read_to_string(dir.join("report.json")).unwrap());
    assert!(text.contains(r#""house":"gongwen""#), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_school_scaffold_builds_without_warnings() {
    // An empty folder that exists already is fine.
    let dir = fresh("school");
    std::fs::create_dir_all(&dir).unwrap();
    new_and_build("school", &dir);
    let text = compact(&std::fs::read_to_string(dir.join("report.json")).unwrap());
    assert!(text.contains(r#""house":"report""#), "{text}");
    assert!(std::fs::read_to_string(dir.join("chapters/01-jiben.md")).is_ok());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn new_refuses_a_folder_that_is_not_empty() {
    let dir = fresh("full");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), "mine").unwrap();
    let o = nianbao(&["new", dir.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("not empty"), "{err}");
    assert!(err.contains(dir.to_str().unwrap()), "{err}");
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(left.len(), 1, "new wrote into a folder that was not empty");
    assert_eq!(
        std::fs::read_to_string(dir.join("notes.txt")).unwrap(),
        "mine"
    );

    // A file of that name, and a link (even to an empty folder), are refused too.
    let o = nianbao(&["new", dir.join("notes.txt").to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("not a folder"), "{}", stderr(&o));
    #[cfg(unix)]
    {
        let empty = fresh("link-target");
        std::fs::create_dir_all(&empty).unwrap();
        let link = dir.join("link");
        std::os::unix::fs::symlink(&empty, &link).unwrap();
        let o = nianbao(&["new", link.to_str().unwrap()]);
        assert!(!o.status.success());
        assert!(stderr(&o).contains("link"), "{}", stderr(&o));
        assert_eq!(std::fs::read_dir(&empty).unwrap().count(), 0);
        let _ = std::fs::remove_dir_all(&empty);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The scaffold's files, in memory: (path, text) of the UTF-8 ones.
fn scaffold_texts(kind: Kind) -> Vec<(String, String)> {
    nianbao::scaffold::project_files(kind, "x", (2026, 1, 16))
        .unwrap()
        .into_iter()
        .filter_map(|(p, b)| String::from_utf8(b).ok().map(|t| (p, t)))
        .collect()
}

fn text_of(files: &[(String, String)], path: &str) -> String {
    files
        .iter()
        .find(|(p, _)| p == path)
        .unwrap_or_else(|| panic!("no {path}"))
        .1
        .clone()
}

#[test]
fn every_bundled_report_json_matches_the_schema() {
    let schema = nianbao::schema::report_schema();
    let mut checked = Vec::new();
    let mut files: Vec<PathBuf> = vec![root().join("docs/example/report.json")];
    for parent in ["samples", "tests/fixtures"] {
        for e in std::fs::read_dir(root().join(parent)).unwrap() {
            let p = e.unwrap().path().join("report.json");
            if p.is_file() {
                files.push(p);
            }
        }
    }
    for f in &files {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        let errors = validate(&schema, &v);
        assert!(errors.is_empty(), "{}:\n{}", f.display(), errors.join("\n"));
        checked.push(f.display().to_string());
    }
    for kind in [Kind::Bureau, Kind::School] {
        let files = scaffold_texts(kind);
        let v: Value = serde_json::from_str(&text_of(&files, "report.json")).unwrap();
        let errors = validate(&schema, &v);
        assert!(
            errors.is_empty(),
            "{kind:?} scaffold:\n{}",
            errors.join("\n")
        );
        // …and the schema written beside it is this schema.
        let written: Value = serde_json::from_str(&text_of(&files, "report.schema.json")).unwrap();
        assert_eq!(written, schema);
        assert_eq!(v["$schema"], "./report.schema.json");
        checked.push(format!("{kind:?} scaffold"));
    }
    assert!(checked.len() >= 6, "{checked:?}");
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let schema = nianbao::schema::report_schema();
    let base: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("docs/example/report.json")).unwrap(),
    )
    .unwrap();
    let bad = |edit: &dyn Fn(&mut Value), needle: &str| {
        let mut v = base.clone();
        edit(&mut v);
        let errors = validate(&schema, &v);
        assert!(
            errors.iter().any(|e| e.contains(needle)),
            "expected an error about {needle}, got {errors:?}"
        );
        // The loader refuses it too (the schema is no stricter than nianbao).
        assert!(nianbao::load::config::parse("report.json", &v.to_string()).is_err());
    };
    bad(&|v| v["colour"] = 1.into(), "colour");
    bad(&|v| v["year"] = "2025".into(), "year");
    bad(&|v| v["region"]["code"] = "3908".into(), "region.code");
    bad(
        &|v| v["document_date"] = "2026/01/16".into(),
        "document_date",
    );
    bad(&|v| v["style"]["house"] = "fancy".into(), "style.house");
    bad(&|v| v["chapters"] = Value::Array(vec![]), "chapters");
    bad(
        &|v| {
            v.as_object_mut().unwrap().remove("region");
        },
        "region",
    );
    bad(
        &|v| v["style"]["numbering"] = serde_json::json!({ "tables": "roman" }),
        "style.numbering",
    );
    bad(
        &|v| v["preface"] = serde_json::json!({ "title": null }),
        "preface",
    );
    bad(
        &|v| v["validation"]["checks"][0]["ratio"] = serde_json::json!(["a"]),
        "ratio",
    );
    bad(
        &|v| v["team"]["groups"][0]["members"][0]["age"] = 3.into(),
        "age",
    );
    // What may be left out or switched off is accepted by both: no unit or
    // date, no declaration, an untitled preface, numbering per kind.
    let mut v = base.clone();
    let o = v.as_object_mut().unwrap();
    o.remove("unit");
    o.remove("document_date");
    o.insert("declaration".into(), Value::Null);
    o.insert(
        "preface".into(),
        serde_json::json!({ "file": "preface.md", "title": null }),
    );
    v["style"]["numbering"] =
        serde_json::json!({ "tables": "chinese", "figures": "none", "cases": "continuous" });
    v["style"]["toc"] = false.into();
    v["cover"] = serde_json::json!({ "date_line": null, "title": "甲<br>乙" });
    v["closing"]["after"] = "chapters".into();
    assert!(
        validate(&schema, &v).is_empty(),
        "{:?}",
        validate(&schema, &v)
    );
    assert!(nianbao::load::config::parse("report.json", &v.to_string()).is_ok());
    // `$schema` is accepted by both.
    let mut v = base.clone();
    v["$schema"] = "./report.schema.json".into();
    assert!(validate(&schema, &v).is_empty());
    assert!(nianbao::load::config::parse("report.json", &v.to_string()).is_ok());
}

#[test]
fn indicator_values_files_match_their_schema() {
    let schema = nianbao::schema::indicator_values_schema();
    let mut files = vec![root().join("docs/example/data/indicators.json")];
    for s in ["samples/yunchuan-city", "samples/yunchuan-school"] {
        files.push(root().join(s).join("data/indicators.json"));
    }
    for k in ["bureau", "school"] {
        files.push(root().join(format!("templates/new/{k}/workbook.json")));
    }
    for f in &files {
        let v: Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        let errors = validate(&schema, &v);
        assert!(errors.is_empty(), "{}:\n{}", f.display(), errors.join("\n"));
    }
    let bad = serde_json::json!({ "scorecard": { "graduate": [1, 2], "placed": [1, 2, 3] }, "score": {} });
    let errors = validate(&schema, &bad).join("\n");
    for needle in ["scorecard.graduate", "scorecard.placed", "score"] {
        assert!(errors.contains(needle), "{needle} not in:\n{errors}");
    }
}

#[test]
fn the_schema_command_prints_both_schemas() {
    let o = nianbao(&["schema"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let printed: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(printed, nianbao::schema::report_schema());
    assert_eq!(
        printed["$schema"],
        "http://json-schema.org/draft-07/schema#"
    );
    let o = nianbao(&["schema", "--indicators"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let printed: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(printed, nianbao::schema::indicator_values_schema());
}

/// Every field is described (editors show it), in Chinese; the scaffold's
/// report.json writes every field outside lists, and its 说明.md explains all.
#[test]
fn every_field_is_described_written_and_explained() {
    let fields = nianbao::schema::fields();
    assert!(fields.len() > 50, "{fields:?}");
    for f in &fields {
        assert!(
            f.description
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "report.json field `{}` has no Chinese description: {:?}",
            f.path,
            f.description
        );
        assert!(!f.kind.is_empty(), "`{}`: no kind", f.path);
    }
    for kind in [Kind::Bureau, Kind::School] {
        let files = scaffold_texts(kind);
        let report: Value = serde_json::from_str(&text_of(&files, "report.json")).unwrap();
        let notes = text_of(&files, "说明.md");
        for f in &fields {
            assert!(
                notes.contains(&format!("`{}`", f.path)),
                "{kind:?}: 说明.md does not explain `{}`",
                f.path
            );
            if f.path.contains("[]") {
                continue;
            }
            let mut v = &report;
            for part in f.path.split('.') {
                v = v
                    .get(part)
                    .unwrap_or_else(|| panic!("{kind:?}: report.json has no `{}`", f.path));
            }
        }
    }
}

// ---------------------------------------------------------------------------
// A draft-07 validator for the keywords schemars emits.

/// The errors of `value` against `schema` (empty: valid), each naming the path.
fn validate(schema: &Value, value: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    check(schema, schema, value, "", &mut errors);
    errors
}

fn check(root: &Value, s: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
    let at = if path.is_empty() { "(top)" } else { path };
    let s = match s {
        Value::Bool(true) => return,
        Value::Bool(false) => return errors.push(format!("{at}: not allowed")),
        Value::Object(o) => o,
        other => panic!("not a schema at {at}: {other}"),
    };
    for (key, k) in s {
        match key.as_str() {
            // Annotations.
            "$schema" | "$id" | "title" | "description" | "default" | "examples" | "format"
            | "definitions" | "$comment" | "readOnly" | "writeOnly" | "deprecated" => {}
            "$ref" => {
                let name = k.as_str().unwrap().strip_prefix("#/definitions/").unwrap();
                check(root, &root["definitions"][name], v, path, errors);
            }
            "type" => {
                let types: Vec<&str> = match k {
                    Value::String(t) => vec![t],
                    Value::Array(a) => a.iter().map(|t| t.as_str().unwrap()).collect(),
                    _ => panic!("bad type at {at}"),
                };
                if !types.iter().any(|t| has_type(v, t)) {
                    errors.push(format!("{at}: expected {types:?}, found {v}"));
                }
            }
            "enum" => {
                if !k.as_array().unwrap().contains(v) {
                    errors.push(format!("{at}: {v} is not one of {k}"));
                }
            }
            "const" => {
                if k != v {
                    errors.push(format!("{at}: expected {k}, found {v}"));
                }
            }
            "properties" | "required" | "additionalProperties" | "propertyNames" => {
                let Some(obj) = v.as_object() else { continue };
                let props = s.get("properties").and_then(Value::as_object);
                match key.as_str() {
                    "properties" => {
                        for (name, sub) in k.as_object().unwrap() {
                            if let Some(x) = obj.get(name) {
                                check(root, sub, x, &join(path, name), errors);
                            }
                        }
                    }
                    "required" => {
                        for name in k.as_array().unwrap() {
                            let name = name.as_str().unwrap();
                            if !obj.contains_key(name) {
                                errors.push(format!("{}: required", join(path, name)));
                            }
                        }
                    }
                    "additionalProperties" => {
                        for (name, x) in obj {
                            if props.is_none_or(|p| !p.contains_key(name)) {
                                let p = join(path, name);
                                if k == &Value::Bool(false) {
                                    errors.push(format!("{p}: unknown field"));
                                } else {
                                    check(root, k, x, &p, errors);
                                }
                            }
                        }
                    }
                    _ => {
                        for name in obj.keys() {
                            check(
                                root,
                                k,
                                &Value::String(name.clone()),
                                &join(path, name),
                                errors,
                            );
                        }
                    }
                }
            }
            "items" => {
                let Some(arr) = v.as_array() else { continue };
                for (i, x) in arr.iter().enumerate() {
                    let sub = match k {
                        Value::Array(tuple) => match tuple.get(i) {
                            Some(t) => t,
                            None => s.get("additionalItems").unwrap_or(&Value::Bool(true)),
                        },
                        one => one,
                    };
                    check(root, sub, x, &format!("{path}[{i}]"), errors);
                }
            }
            "additionalItems" => {} // with a tuple `items`, above
            "minItems" | "maxItems" => {
                let Some(arr) = v.as_array() else { continue };
                let n = k.as_u64().unwrap() as usize;
                if (key == "minItems" && arr.len() < n) || (key == "maxItems" && arr.len() > n) {
                    errors.push(format!("{at}: {key} {n}, found {} items", arr.len()));
                }
            }
            "minimum" | "maximum" | "exclusiveMinimum" | "exclusiveMaximum" => {
                let (Some(x), Some(limit)) = (v.as_f64(), k.as_f64()) else {
                    continue;
                };
                let ok = match key.as_str() {
                    "minimum" => x >= limit,
                    "maximum" => x <= limit,
                    "exclusiveMinimum" => x > limit,
                    _ => x < limit,
                };
                if !ok {
                    errors.push(format!("{at}: {x} breaks {key} {limit}"));
                }
            }
            "minLength" | "maxLength" => {
                let Some(t) = v.as_str() else { continue };
                let n = k.as_u64().unwrap() as usize;
                let len = t.chars().count();
                if (key == "minLength" && len < n) || (key == "maxLength" && len > n) {
                    errors.push(format!("{at}: {key} {n}, found {len} characters"));
                }
            }
            "pattern" => {
                let Some(t) = v.as_str() else { continue };
                if !regex::Regex::new(k.as_str().unwrap()).unwrap().is_match(t) {
                    errors.push(format!("{at}: \"{t}\" does not match {k}"));
                }
            }
            "allOf" | "anyOf" | "oneOf" => {
                let results: Vec<Vec<String>> = k
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|sub| {
                        let mut e = Vec::new();
                        check(root, sub, v, path, &mut e);
                        e
                    })
                    .collect();
                let passed = results.iter().filter(|e| e.is_empty()).count();
                let ok = match key.as_str() {
                    "allOf" => passed == results.len(),
                    "anyOf" => passed >= 1,
                    _ => passed == 1,
                };
                if !ok {
                    let inner: Vec<String> = results.into_iter().flatten().collect();
                    errors.push(format!("{at}: fails {key}: {}", inner.join("; ")));
                }
            }
            other => panic!("the test validator does not know `{other}` (at {at}): add it"),
        }
    }
}

fn has_type(v: &Value, t: &str) -> bool {
    match t {
        "null" => v.is_null(),
        "boolean" => v.is_boolean(),
        "string" => v.is_string(),
        "number" => v.is_number(),
        "integer" => v.is_i64() || v.is_u64() || v.as_f64().is_some_and(|f| f.fract() == 0.0),
        "array" => v.is_array(),
        "object" => v.is_object(),
        other => panic!("unknown type {other}"),
    }
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

#[test]
fn the_validator_is_not_vacuous() {
    let s = serde_json::json!({
        "type": "object",
        "required": ["a"],
        "properties": { "a": { "type": "integer", "minimum": 1 }, "b": { "oneOf": [ { "enum": ["x"] }, { "type": "null" } ] } },
        "additionalProperties": false
    });
    assert!(validate(&s, &serde_json::json!({ "a": 2, "b": "x" })).is_empty());
    assert_eq!(validate(&s, &serde_json::json!({ "a": 0 })).len(), 1);
    assert_eq!(validate(&s, &serde_json::json!({ "a": 1.5 })).len(), 1);
    assert_eq!(
        validate(&s, &serde_json::json!({ "a": 1, "b": "y" })).len(),
        1
    );
    assert_eq!(validate(&s, &serde_json::json!({ "c": 1 })).len(), 2);
}

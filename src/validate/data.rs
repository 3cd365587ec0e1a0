//! Arithmetic checks on the report's numbers: the six indicator tables
//! against their schema (sub-rows within their parent, percentages within
//! 0–100, rates consistent with the counts they come from, year-over-year
//! jumps) and the checks a project declares between its datasets.

use crate::error::{Collector, Diagnostic, Severity};
use crate::i18n::msg;
use crate::model::Document;
use crate::model::indicators::{TableSchema, schemas};
use crate::model::validation::{AcceptConfig, CheckConfig, PathOrPaths};
use serde_json::Value;

/// Runs every data check. A finding the project accepts
/// (`validation.accept`) becomes a note with its reason; the other errors
/// become warnings with `allow_errors`.
pub fn check(doc: &Document, out: &mut Collector) {
    let mut found = Collector::default();
    let v = &doc.data.validation;
    if let Some(values) = doc.data.context.get("indicators") {
        let file = doc
            .data
            .files
            .get("indicators")
            .cloned()
            .unwrap_or_default();
        let yoy = Yoy {
            threshold: v.yoy_threshold.unwrap_or(30.0),
            min: v.yoy_min.unwrap_or(10.0),
        };
        check_indicators(&file, values, doc.meta.year, &yoy, &mut found);
    }
    let mut labels = vec![None; found.diagnostics.len()];
    for (i, c) in v.checks.iter().enumerate() {
        declared(doc, i, c, &mut found);
        labels.resize(found.diagnostics.len(), c.label.clone());
    }
    let mut used = vec![false; v.accept.len()];
    for (i, a) in v.accept.iter().enumerate() {
        if a.field.is_some() == a.check.is_some() {
            out.error(
                format!("report.json: validation.accept[{i}]"),
                msg::validate::accept_field_or_check(),
            );
            used[i] = true;
        }
    }
    for (d, label) in found.diagnostics.into_iter().zip(labels) {
        let accepted = (d.severity == Severity::Error)
            .then(|| {
                v.accept
                    .iter()
                    .position(|a| accepts(a, &d, label.as_deref()))
            })
            .flatten();
        if let Some(k) = accepted {
            used[k] = true;
            out.diagnostics.push(Diagnostic::note(
                d.location,
                msg::validate::finding_accepted(&d.message, k, &v.accept[k].reason),
            ));
        } else if v.allow_errors && d.severity == Severity::Error {
            out.warning(d.location, msg::validate::finding_allowed(&d.message));
        } else {
            out.diagnostics.push(d);
        }
    }
    for (k, a) in v.accept.iter().enumerate() {
        if !used[k] {
            // (An entry with neither or both was reported above and is used.)
            let message = match (&a.field, &a.check) {
                (Some(f), _) => msg::validate::accept_unused_field(f),
                (_, Some(c)) => msg::validate::accept_unused_check(c),
                _ => continue,
            };
            out.warning(format!("report.json: validation.accept[{k}]"), message);
        }
    }
}

/// The data path of a finding: its location after the file
/// (`data/indicators.json: scorecard.placed[1]` → `scorecard.placed[1]`).
fn finding_path(d: &Diagnostic) -> &str {
    d.location.split_once(": ").map(|(_, p)| p).unwrap_or("")
}

/// Whether an accepted discrepancy covers a finding: the same value (a path
/// as in the message, the indicator tables' with or without `indicators.`;
/// a path without an index covers every index), or the declared check with
/// that label.
fn accepts(a: &AcceptConfig, d: &Diagnostic, label: Option<&str>) -> bool {
    if let Some(c) = &a.check {
        return label == Some(c.as_str());
    }
    let Some(field) = &a.field else { return false };
    let path = finding_path(d);
    let field = field.trim();
    let covers = |p: &str| {
        p == field
            || p.strip_prefix(field)
                .is_some_and(|rest| rest.starts_with(['[', '.']))
    };
    !path.is_empty() && (covers(path) || covers(&format!("indicators.{path}")))
}

/// When a year-over-year change is worth a warning.
struct Yoy {
    threshold: f64,
    min: f64,
}

/// A number from a JSON value: a number, or text holding one (`"1,234.50"`).
/// `Ok(None)` for null; `Err` for anything else.
fn num(v: &Value) -> Result<Option<f64>, String> {
    match v {
        Value::Null => Ok(None),
        Value::Number(n) => Ok(n.as_f64()),
        Value::String(s) if s.trim() == "-" || s.trim().is_empty() => Ok(None),
        // `93.80%`: the number written as a percentage.
        Value::String(s) => s
            .trim()
            .trim_end_matches('%')
            .replace(',', "")
            .parse::<f64>()
            .map(Some)
            .map_err(|_| msg::validate::value_not_number_text(s)),
        other => Err(msg::validate::value_not_number(other)),
    }
}

struct Column {
    label: String,
}

fn columns(schema: &TableSchema, table: &Value, year: i32) -> Vec<Column> {
    if schema.columns == "schools" {
        table
            .get("schools")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .map(|s| Column {
                        label: s.as_str().unwrap_or("?").to_string(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    } else {
        vec![
            Column {
                label: format!("{}年", year - 1),
            },
            Column {
                label: format!("{year}年"),
            },
        ]
    }
}

fn row_values<'a>(schema: &TableSchema, table: &'a Value, key: &str) -> Option<&'a Vec<Value>> {
    let rows = if schema.columns == "schools" {
        table.get("rows")?
    } else {
        table
    };
    rows.get(key)?.as_array()
}

/// The JSON path of a row's values inside its table (`rows.` for per-school tables).
fn row_path(schema: &TableSchema, key: &str) -> String {
    if schema.columns == "schools" {
        format!("{}.rows.{key}", schema.id)
    } else {
        format!("{}.{key}", schema.id)
    }
}

fn check_indicators(file: &str, values: &Value, year: i32, yoy: &Yoy, errors: &mut Collector) {
    let all = schemas();
    // Parsed numbers by (table, key) for cross-table rules.
    let mut numbers: std::collections::HashMap<(String, String), Vec<Option<f64>>> =
        Default::default();
    for schema in all {
        let Some(table) = values.get(&schema.id) else {
            continue;
        };
        let cols = columns(schema, table, year);
        let name_of = |key: &str| {
            schema
                .rows
                .iter()
                .position(|r| r.key == key)
                .map(|i| indicator_name(schema, i))
                .unwrap_or_else(|| key.to_string())
        };
        for row in &schema.rows {
            let Some(vals) = row_values(schema, table, &row.key) else {
                continue;
            };
            let mut parsed = Vec::new();
            for (i, v) in vals.iter().enumerate() {
                let loc = format!("{file}: {}[{i}]", row_path(schema, &row.key));
                let col = cols.get(i).map(|c| c.label.as_str()).unwrap_or("?");
                match num(v) {
                    Ok(x) => parsed.push(x),
                    Err(e) => {
                        errors.error(
                            loc,
                            msg::validate::indicator_value(
                                &schema.title,
                                name_of(&row.key),
                                col,
                                e,
                            ),
                        );
                        parsed.push(None);
                    }
                }
            }
            if row.percent || row.unit == "%" {
                for (i, x) in parsed.iter().enumerate() {
                    if let Some(x) = x
                        && !(0.0..=100.0).contains(x)
                    {
                        let col = cols.get(i).map(|c| c.label.as_str()).unwrap_or("?");
                        errors.error(
                            format!("{file}: {}[{i}]", row_path(schema, &row.key)),
                            msg::validate::percent_out_of_range(
                                &schema.title,
                                name_of(&row.key),
                                col,
                                x,
                            ),
                        );
                    }
                }
            }
            if schema.columns == "years"
                && let (Some(Some(prev)), Some(Some(cur))) = (parsed.first(), parsed.get(1))
                && prev.abs() >= yoy.min.max(f64::MIN_POSITIVE)
            {
                let change = (cur - prev) / prev.abs() * 100.0;
                if change.abs() > yoy.threshold {
                    errors.warning(
                        format!("{file}: {}.{}", schema.id, row.key),
                        msg::validate::yoy_jump(
                            &schema.title,
                            name_of(&row.key),
                            prev,
                            cur,
                            format!("{change:+.1}"),
                            yoy.threshold,
                        ),
                    );
                }
            }
            numbers.insert((schema.id.clone(), row.key.clone()), parsed);
        }
        // Sub-rows within their parent.
        for row in &schema.rows {
            let Some(parent) = &row.parent else { continue };
            let (Some(child), Some(par)) = (
                numbers.get(&(schema.id.clone(), row.key.clone())),
                numbers.get(&(schema.id.clone(), parent.clone())),
            ) else {
                continue;
            };
            for (i, (c, p)) in child.iter().zip(par.iter()).enumerate() {
                if let (Some(c), Some(p)) = (c, p)
                    && c > &(p + 1e-9)
                {
                    let col = cols.get(i).map(|c| c.label.as_str()).unwrap_or("?");
                    errors.error(
                        format!("{file}: {}[{i}]", row_path(schema, &row.key)),
                        msg::validate::sub_row_exceeds_parent(
                            &schema.title,
                            name_of(&row.key),
                            col,
                            c,
                            name_of(parent),
                            p,
                        ),
                    );
                }
            }
        }
    }
    cross_table_rules(file, &numbers, year, errors);
}

/// The indicator's text, with the one above for a second-unit row (`^`).
fn indicator_name(schema: &TableSchema, i: usize) -> String {
    let mut k = i;
    while k > 0 && schema.rows[k].indicator == "^" {
        k -= 1;
    }
    let base = schema.rows[k].indicator.clone();
    if k == i {
        base
    } else {
        format!("{base}（{}）", schema.rows[i].unit)
    }
}

type Numbers = std::collections::HashMap<(String, String), Vec<Option<f64>>>;

fn cross_table_rules(file: &str, n: &Numbers, year: i32, errors: &mut Collector) {
    let get = |t: &str, k: &str| {
        n.get(&(t.to_string(), k.to_string()))
            .cloned()
            .unwrap_or_default()
    };
    let label = |i: usize| {
        if i == 0 {
            format!("{}年", year - 1)
        } else {
            format!("{year}年")
        }
    };
    // Counts that can never exceed another count.
    let at_most = [
        (
            "scorecard",
            "placed",
            "scorecard",
            "graduates",
            ("毕业去向落实人数", "毕业生人数"),
        ),
        (
            "policy",
            "fitness_tested",
            "policy",
            "students",
            ("体质测试人数", "全日制在校生人数"),
        ),
        (
            "scorecard",
            "employed_by_sector",
            "scorecard",
            "graduates",
            ("就业人数", "毕业生人数"),
        ),
    ];
    for (t1, k1, t2, k2, (part, whole)) in at_most {
        for (i, (a, b)) in get(t1, k1).iter().zip(get(t2, k2).iter()).enumerate() {
            if let (Some(a), Some(b)) = (a, b)
                && a > b
            {
                errors.error(
                    format!("{file}: {t1}.{k1}[{i}]"),
                    msg::validate::count_exceeds(part, whole, label(i), a, b),
                );
            }
        }
    }
    // 生师比 = 全日制在校生 ÷ 专任教师.
    let (ratio, students, teachers) = (
        get("resources", "student_teacher_ratio"),
        get("policy", "students"),
        get("policy", "teachers"),
    );
    for i in 0..ratio.len().min(students.len()).min(teachers.len()) {
        if let (Some(r), Some(s), Some(t)) = (ratio[i], students[i], teachers[i])
            && t > 0.0
        {
            let expected = s / t;
            if (r - expected).abs() > 0.05 + expected * 0.005 {
                errors.error(
                    format!("{file}: resources.student_teacher_ratio[{i}]"),
                    msg::validate::ratio_mismatch(label(i), r, s, t, format!("{expected:.2}")),
                );
            }
        }
    }
}

/// One step of a data path.
enum Step {
    Key(String),
    Index(usize),
    Each,
}

fn parse_path(path: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if name.is_empty() {
            return None;
        }
        steps.push(Step::Key(name.to_string()));
        while let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']')?;
            let inner = &r[..end];
            steps.push(if inner.is_empty() {
                Step::Each
            } else {
                Step::Index(inner.parse().ok()?)
            });
            rest = &r[end + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(steps)
}

/// Every value a path reaches, with the concrete path of each.
fn resolve(
    ctx: &serde_json::Map<String, Value>,
    path: &str,
) -> Result<Vec<(String, Value)>, String> {
    let steps = parse_path(path).ok_or_else(|| msg::validate::path_invalid(path))?;
    let root = Value::Object(ctx.clone());
    let mut cur = vec![(String::new(), root)];
    for step in steps {
        let mut next = Vec::new();
        for (p, v) in cur {
            match &step {
                Step::Key(k) => match v.get(k) {
                    Some(x) => next.push((
                        if p.is_empty() {
                            k.clone()
                        } else {
                            format!("{p}.{k}")
                        },
                        x.clone(),
                    )),
                    None => return Err(msg::validate::path_key_missing(path, k, &p)),
                },
                Step::Index(i) => match v.get(*i) {
                    Some(x) => next.push((format!("{p}[{i}]"), x.clone())),
                    None => return Err(msg::validate::path_no_item(path, i, &p)),
                },
                Step::Each => match v.as_array() {
                    Some(a) => next.extend(
                        a.iter()
                            .enumerate()
                            .map(|(i, x)| (format!("{p}[{i}]"), x.clone())),
                    ),
                    None => return Err(msg::validate::path_not_list(path, &p)),
                },
            }
        }
        cur = next;
    }
    Ok(cur)
}

fn one_number(ctx: &serde_json::Map<String, Value>, path: &str) -> Result<(f64, usize), String> {
    let vals = resolve(ctx, path)?;
    let [(_, v)] = vals.as_slice() else {
        return Err(msg::validate::path_many_values(path, vals.len()));
    };
    let decimals = match v {
        Value::String(s) => s.split_once('.').map(|(_, f)| f.len()).unwrap_or(0),
        Value::Number(n) if n.is_f64() => n
            .to_string()
            .split_once('.')
            .map(|(_, f)| f.len())
            .unwrap_or(0),
        _ => 0,
    };
    num(v)?
        .map(|x| (x, decimals))
        .ok_or_else(|| msg::validate::path_empty(path))
}

/// Where a value of a data path lives: `data/totals.json: totals.x` (the
/// file of the path's dataset), or report.json when no dataset holds it.
fn value_location(doc: &Document, path: &str) -> String {
    let file = path
        .split(['.', '['])
        .next()
        .and_then(|d| doc.data.files.get(d))
        .cloned()
        .unwrap_or_else(|| "report.json".into());
    format!("{file}: {path}")
}

/// A declared check that cannot be computed: a path that names no value
/// (the check's mistake, in report.json) or a value that is not a number
/// (the data's, in its file).
enum Failure {
    Path(String),
    Value { path: String, message: String },
}

fn one_value(ctx: &serde_json::Map<String, Value>, path: &str) -> Result<(f64, usize), Failure> {
    one_number(ctx, path).map_err(|message| {
        if resolve(ctx, path).is_ok_and(|v| v.len() == 1) {
            Failure::Value {
                path: path.to_string(),
                message,
            }
        } else {
            Failure::Path(message)
        }
    })
}

fn declared(doc: &Document, index: usize, c: &CheckConfig, errors: &mut Collector) {
    let ctx = &doc.data.context;
    let decl = format!("report.json: validation.checks[{index}]");
    let name = c.label.clone().unwrap_or_else(|| c.equals.clone());
    let computed: Result<(f64, String), Failure> = match (&c.sum, &c.ratio) {
        (Some(paths), None) => {
            let paths: Vec<String> = match paths {
                PathOrPaths::One(p) => vec![p.clone()],
                PathOrPaths::Many(v) => v.clone(),
            };
            let mut total = 0.0;
            let mut err = None;
            for p in &paths {
                match resolve(ctx, p) {
                    Ok(vals) => {
                        for (at, v) in vals {
                            match num(&v) {
                                Ok(x) => total += x.unwrap_or(0.0),
                                Err(e) => {
                                    err = Some(Failure::Value {
                                        path: at,
                                        message: e,
                                    })
                                }
                            }
                        }
                    }
                    Err(e) => err = Some(Failure::Path(e)),
                }
            }
            match err {
                Some(e) => Err(e),
                None => Ok((total, msg::validate::sum_of(paths.join(" + ")))),
            }
        }
        (None, Some([a, b])) => one_value(ctx, a).and_then(|(x, _)| {
            let (y, _) = one_value(ctx, b)?;
            if y == 0.0 {
                return Err(Failure::Value {
                    path: b.clone(),
                    message: msg::validate::path_zero(b),
                });
            }
            let r = if c.percent { x / y * 100.0 } else { x / y };
            Ok((
                r,
                format!("{a} ÷ {b}{}", if c.percent { " × 100" } else { "" }),
            ))
        }),
        _ => Err(Failure::Path(msg::validate::check_sum_or_ratio())),
    };
    let expected = one_value(ctx, &c.equals);
    match (computed, expected) {
        (Ok((got, how)), Ok((want, decimals))) => {
            let tol = c
                .tolerance
                .unwrap_or(0.5 * 10f64.powi(-(decimals as i32)) + 1e-9);
            if (got - want).abs() > tol {
                errors.error(
                    value_location(doc, &c.equals),
                    msg::validate::check_mismatch(
                        &name,
                        &c.equals,
                        want,
                        how,
                        round(got, decimals.max(2)),
                        &decl,
                    ),
                );
            }
        }
        (Err(Failure::Value { path, message }), _) | (_, Err(Failure::Value { path, message })) => {
            errors.error(
                value_location(doc, &path),
                msg::validate::check_value_fault(&name, message, &decl),
            )
        }
        (Err(Failure::Path(e)), _) | (_, Err(Failure::Path(e))) => errors.error(decl, e),
    }
}

fn round(x: f64, d: usize) -> String {
    crate::model::numfmt::compact(x, d)
}

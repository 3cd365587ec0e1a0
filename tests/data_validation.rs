//! The data layer finds inconsistent numbers: at least fifteen distinct
//! mistakes seeded into a copy of the bureau sample are each reported with
//! the table, indicator or school and the file and field they came from.

mod common;

use common::*;
use serde_json::{Value, json};

fn set(v: &mut Value, path: &[&str], index: usize, x: Value) {
    let mut cur = v;
    for p in path {
        cur = cur.get_mut(*p).unwrap_or_else(|| panic!("no {p}"));
    }
    cur[index] = x;
}

#[test]
fn seeded_inconsistencies_are_each_reported_with_their_location() {
    let dir = temp_copy(&root().join("samples/yunchuan-city"), "data");
    let file = dir.join("data/indicators.json");
    let mut ind: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    // 1–2: sub-rows larger than their parent.
    set(&mut ind, &["scorecard", "further_study"], 1, json!(3500));
    set(&mut ind, &["scorecard", "undergrad"], 0, json!(3000));
    // 3–4: percentages out of range, in a years table and a per-school table.
    set(
        &mut ind,
        &["scorecard", "province_placement_rate"],
        1,
        json!("120.00"),
    );
    set(
        &mut ind,
        &["satisfaction", "rows", "students"],
        2,
        json!(105),
    );
    // 5: text where a number belongs.
    set(&mut ind, &["resources", "majors"], 1, json!("五十"));
    // 6: a ratio that disagrees with the counts it derives from.
    set(
        &mut ind,
        &["resources", "student_teacher_ratio"],
        1,
        json!("12.50"),
    );
    // 7: a rate above 100 %.
    set(
        &mut ind,
        &["policy", "fitness_pass_rate"],
        1,
        json!("101.00"),
    );
    // 8: employment category larger than all first employment.
    set(&mut ind, &["contribution", "local"], 1, json!(400));
    // 9: more full-time teachers than staff.
    set(&mut ind, &["policy", "teachers"], 0, json!(1500));
    // 10: a 其中 row in the international table above its parent.
    set(&mut ind, &["international", "adopted_abroad"], 1, json!(1));
    set(&mut ind, &["international", "standards"], 1, json!(5));
    // 11: more graduates placed than graduates.
    set(&mut ind, &["scorecard", "placed"], 0, json!(3200));
    // 12: more students tested than students.
    set(&mut ind, &["policy", "fitness_tested"], 1, json!(9900));
    // 13: a year-over-year jump (a warning, not an error).
    set(
        &mut ind,
        &["contribution", "training_income"],
        1,
        json!("9000.00"),
    );
    // 14: textbooks written with enterprises above all textbooks.
    set(&mut ind, &["resources", "textbooks_coop"], 1, json!(9));
    // 15: a negative satisfaction rate.
    set(&mut ind, &["satisfaction", "rows", "parents"], 0, json!(-3));
    std::fs::write(&file, serde_json::to_string_pretty(&ind).unwrap()).unwrap();
    // 16: one school's students no longer add up to the region's total.
    let csv = dir.join("data/schools.csv");
    let text = std::fs::read_to_string(&csv)
        .unwrap()
        .replacen(",2980,3060,", ",2980,3160,", 1);
    std::fs::write(&csv, text).unwrap();
    // 17: a stated percentage that its counts do not give.
    let totals = dir.join("data/totals.json");
    let text = std::fs::read_to_string(&totals)
        .unwrap()
        .replace("\"dual_teacher_pct\": 57.31", "\"dual_teacher_pct\": 70.00");
    std::fs::write(&totals, text).unwrap();

    let err = match nianbao::check(&dir) {
        Ok(_) => panic!("the seeded mistakes were not found"),
        Err(e) => e,
    };
    let all = err.to_string();
    // Warnings are reported beside errors when allow_errors is set; check them there.
    let report = std::fs::read_to_string(dir.join("report.json")).unwrap();
    std::fs::write(
        dir.join("report.json"),
        report.replace(
            "\"yoy_threshold\": 30,",
            "\"yoy_threshold\": 30, \"allow_errors\": true,",
        ),
    )
    .unwrap();
    let allowed = nianbao::check(&dir).expect("allow_errors builds anyway");
    let warnings: String = allowed.warnings.iter().map(|d| format!("{d}\n")).collect();

    let expected: &[(&str, &str)] = &[
        (
            "data/indicators.json: scorecard.further_study[1]",
            "exceeds 毕业去向落实人数",
        ),
        (
            "data/indicators.json: scorecard.undergrad[0]",
            "exceeds 其中：升学人数",
        ),
        (
            "data/indicators.json: scorecard.province_placement_rate[1]",
            "between 0 and 100",
        ),
        (
            "data/indicators.json: satisfaction.rows.students[2]",
            "(青石职教) = 105",
        ),
        (
            "data/indicators.json: resources.majors[1]",
            "expected a number, found \"五十\"",
        ),
        (
            "data/indicators.json: resources.student_teacher_ratio[1]",
            "生师比",
        ),
        (
            "data/indicators.json: policy.fitness_pass_rate[1]",
            "between 0 and 100",
        ),
        (
            "data/indicators.json: contribution.local[1]",
            "exceeds 毕业生初次就业人数",
        ),
        (
            "data/indicators.json: policy.teachers[0]",
            "exceeds 教职工总数",
        ),
        (
            "data/indicators.json: international.standards[1]",
            "exceeds",
        ),
        (
            "data/indicators.json: scorecard.placed[0]",
            "cannot exceed 毕业生人数",
        ),
        (
            "data/indicators.json: policy.fitness_tested[1]",
            "cannot exceed 全日制在校生人数",
        ),
        (
            "data/indicators.json: resources.textbooks_coop[1]",
            "exceeds 编写教材数",
        ),
        (
            "data/indicators.json: satisfaction.rows.parents[0]",
            "(云川职校) = -3",
        ),
        ("data/totals.json: totals.students_cur", "在校生合计"),
        (
            "data/indicators.json: indicators.policy.students[1]",
            "the sum of schools[].students_cur is 9520",
        ),
        (
            "data/totals.json: totals.dual_teacher_pct",
            "“双师型”教师比例",
        ),
    ];
    let mut missing = Vec::new();
    for (loc, msg) in expected {
        let hit = all
            .lines()
            .chain(warnings.lines())
            .any(|l| l.contains(loc) && l.contains(msg));
        if !hit {
            missing.push(format!("{loc} … {msg}"));
        }
    }
    assert!(
        missing.is_empty(),
        "not reported:\n{}\n\nall findings:\n{all}",
        missing.join("\n")
    );
    assert!(
        warnings.contains("contribution.training_income") && warnings.contains("year over year"),
        "year-over-year jump not flagged:\n{warnings}"
    );
    assert!(expected.len() >= 15);
}

#[test]
fn excel_workbooks_feed_the_appendix_and_the_datasets() {
    let dir = temp_copy(&root().join("tests/fixtures/minimal"), "xlsx");
    // The indicator workbook `nianbao init-data` writes, pre-filled.
    let values = json!({ "resources": { "internet_bandwidth": ["1000", "4321.5"] } });
    let book =
        nianbao::init::indicator_workbook(2025, Some(&values), &["甲校".to_string()]).unwrap();
    std::fs::write(dir.join("data/indicators.xlsx"), book).unwrap();
    // A dataset kept in Excel instead of CSV.
    let rows = vec![
        vec![json!("name"), json!("prev"), json!("cur")],
        vec![json!("表格甲校"), json!(1200), json!(1300)],
        vec![json!("表格乙校"), json!(800), json!(850)],
    ];
    std::fs::write(
        dir.join("data/schools.xlsx"),
        nianbao::xlsx::workbook(&[("学校".into(), rows)]).unwrap(),
    )
    .unwrap();
    let report = std::fs::read_to_string(dir.join("report.json")).unwrap().replace(
        "\"data\": { \"totals\": \"data/totals.json\", \"schools\": \"data/schools.csv\" },",
        "\"data\": { \"totals\": \"data/totals.json\", \"schools\": \"data/schools.xlsx\" }, \"appendix\": { \"values\": \"data/indicators.xlsx\" },",
    );
    std::fs::write(dir.join("report.json"), report).unwrap();
    let (checked, pdf) = build(&dir);
    assert_eq!(checked.document.appendix.len(), 6);
    let text = compact(&pages_text(&pdf).join(""));
    assert!(text.contains("4321.5"), "appendix value from the workbook");
    assert!(
        text.contains("表格甲校1200"),
        "dataset row from the workbook"
    );
}

#[test]
fn a_year_without_graduates_leaves_graduate_rows_empty() {
    let dir = temp_copy(&root().join("tests/fixtures/minimal"), "nograd");
    let values = json!({
        "scorecard": { "graduates": [520, 0], "placed": [500, 0], "further_study": [300, 0], "monthly_income": ["2400.00", "2500.00"] },
        "policy": { "students": [1800, 1750] }
    });
    std::fs::write(dir.join("data/indicators.json"), values.to_string()).unwrap();
    let report = std::fs::read_to_string(dir.join("report.json"))
        .unwrap()
        .replace(
            "\"style\":",
            "\"appendix\": { \"values\": \"data/indicators.json\" }, \"style\":",
        );
    std::fs::write(dir.join("report.json"), report).unwrap();
    let checked = nianbao::check(&dir).unwrap();
    let cells = |table: usize, indicator: &str| -> Vec<String> {
        let t = &checked.document.appendix[table];
        let row = t
            .rows
            .iter()
            .find(|r| {
                r.iter()
                    .any(|c| nianbao::model::Inline::plain(&c.content) == indicator)
            })
            .unwrap_or_else(|| panic!("no row {indicator}"));
        row.iter()
            .rev()
            .take(2)
            .map(|c| nianbao::model::Inline::plain(&c.content))
            .collect()
    };
    assert_eq!(
        cells(0, "其中：升学人数"),
        ["-", "300"],
        "current year has no graduates"
    );
    assert_eq!(cells(0, "毕业去向落实人数"), ["-", "500"]);
    assert_eq!(cells(0, "月收入"), ["-", "2400.00"]);
    assert_eq!(
        cells(5, "全日制在校生人数"),
        ["1750", "1800"],
        "other rows keep their values"
    );
}

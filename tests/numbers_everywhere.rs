//! One rounding rule on every path that prints a number: 2.675, 0.005,
//! 1 000 000, −0.5 and 12 345.5 (`tests/fixtures/numbers`) through the
//! template filters, bound tables with and without `thousands`, the charts
//! (the SVG's labels, the PDF, the DOCX's native charts) and the appendix
//! tables, in the PDF and in the DOCX. Rounding is half-up on the decimal
//! value the number was written as (`crate::model::numfmt`): 2.675 → 2.68,
//! 0.005 → 0.01; halves of negative numbers round away from zero
//! (−0.5 → −1 at 0 decimals), as the magnitude rounds.

mod common;

use common::docx::{part, scan};
use common::*;
use nianbao::model::{Block, Chart};

/// A value as written in `data/values.csv` and as each path prints it.
struct Row {
    key: &'static str,
    /// As written.
    written: &'static str,
    /// 2 decimals: `fixed(2)`, `@2`, the appendix's 2-decimal rows.
    f2: &'static str,
    /// 2 decimals with thousands.
    t2: &'static str,
    /// 0 decimals.
    f0: &'static str,
    /// 0 decimals with thousands.
    t0: &'static str,
    /// As written, with thousands.
    tw: &'static str,
    /// As charts label it (at most 2 decimals); charts refuse negative values.
    chart: Option<&'static str>,
}

const TABLE: [Row; 5] = [
    Row {
        key: "A",
        written: "2.675",
        f2: "2.68",
        t2: "2.68",
        f0: "3",
        t0: "3",
        tw: "2.675",
        chart: Some("2.68"),
    },
    Row {
        key: "B",
        written: "0.005",
        f2: "0.01",
        t2: "0.01",
        f0: "0",
        t0: "0",
        tw: "0.005",
        chart: Some("0.01"),
    },
    Row {
        key: "C",
        written: "1000000",
        f2: "1000000.00",
        t2: "1,000,000.00",
        f0: "1000000",
        t0: "1,000,000",
        tw: "1,000,000",
        chart: Some("1000000"),
    },
    Row {
        key: "D",
        written: "-0.5",
        f2: "-0.50",
        t2: "-0.50",
        f0: "-1",
        t0: "-1",
        tw: "-0.5",
        chart: None,
    },
    Row {
        key: "E",
        written: "12345.5",
        f2: "12345.50",
        t2: "12,345.50",
        f0: "12346",
        t0: "12,346",
        tw: "12,345.5",
        chart: Some("12345.5"),
    },
];

/// `{{ }}`: each row through `fixed` and `thousands` (the paragraph the
/// fixture's loop writes), then `wan`, `percent` and `ratio` on inputs that
/// give the table's values (2 decimals; −0.5 at 0 decimals).
fn template_paragraphs() -> Vec<String> {
    let mut out: Vec<String> = TABLE
        .iter()
        .map(|r| {
            format!(
                "{}：F2[{}]F0[{}]T2[{}]T0[{}]T[{}]。",
                r.key, r.f2, r.f0, r.t2, r.t0, r.tw
            )
        })
        .collect();
    let shown = |suffix: &str| -> String {
        TABLE
            .iter()
            .map(|r| {
                let v = if r.key == "D" { r.f0 } else { r.f2 };
                format!("[{v}{suffix}]")
            })
            .collect()
    };
    out.push(format!("W{}。", shown("")));
    out.push(format!("P{}。", shown("%")));
    out.push(format!("R{}。", shown("")));
    out
}

/// The cells of the bound tables, head first: the plain one (`tbl-plain`)
/// and the one with `thousands=true` (`tbl-th`). Columns: 键, the value as
/// written, `@2`, `@0`, and the ratio `v/one*1@2`.
fn bound_table_cells(thousands: bool) -> Vec<String> {
    let mut cells: Vec<String> = ["键", "原样", "两位", "整数", "比值"]
        .map(String::from)
        .to_vec();
    for r in &TABLE {
        let row = if thousands {
            [r.key, r.tw, r.t2, r.t0, r.t2]
        } else {
            [r.key, r.written, r.f2, r.f0, r.f2]
        };
        cells.extend(row.map(String::from));
    }
    cells
}

/// The appendix rows the fixture fills (服务贡献表, 2 decimals, 万元):
/// indicator, unit, previous year, current year.
fn appendix_rows() -> Vec<[&'static str; 4]> {
    let v = |k: &str| TABLE.iter().find(|r| r.key == k).unwrap().f2;
    vec![
        ["横向技术服务到款额", "万元", v("A"), v("B")],
        ["横向技术服务产生的经济效益", "万元", v("C"), v("D")],
        ["纵向科研经费到款额", "万元", v("E"), "-"],
    ]
}

/// The fixture's charts (bar and line, the same data).
fn charts(checked: &nianbao::Checked) -> Vec<&Chart> {
    checked.document.chapters[0]
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Figure(f) => f.chart.as_ref(),
            _ => None,
        })
        .collect()
}

/// The labels the charts print, in category order.
fn chart_labels() -> Vec<&'static str> {
    TABLE.iter().filter_map(|r| r.chart).collect()
}

/// Whether `haystack` holds `needle` as a contiguous run.
fn holds_run(haystack: &[&str], needle: &[String]) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w.iter().zip(needle).all(|(a, b)| a == b))
}

#[test]
fn the_rounding_table_prints_alike_on_every_path_in_the_pdf() {
    let (checked, pdf) = build(&root().join("tests/fixtures/numbers"));
    let text = compact(&pages_text(&pdf).join(""));
    for p in template_paragraphs() {
        assert!(text.contains(&p), "template: “{p}” not in the PDF:\n{text}");
    }
    for (thousands, caption) in [(false, "表1-1不分节"), (true, "表1-2分节")] {
        let run = format!("{caption}{}", bound_table_cells(thousands).concat());
        assert!(text.contains(&run), "bound table: “{run}” not in the PDF");
    }
    // The charts: categories, then each bar's or point's label.
    for caption in ["图1-1柱图", "图1-2折线图"] {
        let run = format!("甲乙丙丁{}{caption}", chart_labels().concat());
        assert!(text.contains(&run), "chart: “{run}” not in the PDF");
    }
    for row in appendix_rows() {
        let run = row.concat();
        assert!(text.contains(&run), "appendix: “{run}” not in the PDF");
    }
    // The SVG the PDF draws labels each value as the table says, never as
    // written with more decimals.
    for chart in charts(&checked) {
        let svg = nianbao::render::chart::svg(chart);
        let texts: Vec<&str> = svg
            .split("</text>")
            .filter_map(|t| t.rsplit_once('>').map(|(_, s)| s))
            .collect();
        for label in chart_labels() {
            assert!(texts.contains(&label), "SVG: no label “{label}”");
        }
        for written in ["2.675", "0.005"] {
            assert!(!texts.contains(&written), "SVG: “{written}” printed");
        }
    }
}

#[test]
fn the_rounding_table_prints_alike_on_every_path_in_the_docx() {
    let (checked, _) = build(&root().join("tests/fixtures/numbers"));
    let docx = nianbao::build_docx(&checked).expect("the DOCX renders");
    let doc = scan(&part(&docx, "word/document.xml"));
    for p in template_paragraphs() {
        assert!(doc.has(&p), "template: no paragraph “{p}” in document.xml");
    }
    // Every cell is a paragraph of its own, in reading order.
    let texts: Vec<&str> = doc.texts().collect();
    for thousands in [false, true] {
        let cells = bound_table_cells(thousands);
        assert!(holds_run(&texts, &cells), "bound table: {cells:?}");
    }
    for row in appendix_rows() {
        let cells = row.map(String::from);
        assert!(holds_run(&texts, &cells), "appendix: {cells:?}");
    }
    // The native charts cache the data as written and label each point as
    // the PDF does: Word prints a cached value in the label's number format
    // (`General`: as cached; `0.00`: two decimals, rounded half-up).
    let written: Vec<&str> = TABLE
        .iter()
        .filter(|r| r.chart.is_some())
        .map(|r| r.written)
        .collect();
    for n in 1..=charts(&checked).len() {
        let xml = part(&docx, &format!("word/charts/chart{n}.xml"));
        let cached: Vec<&str> = xml
            .split("<c:val>")
            .nth(1)
            .expect("a value series")
            .split("<c:v>")
            .skip(1)
            .filter_map(|v| v.split_once("</c:v>").map(|(v, _)| v))
            .collect();
        assert_eq!(
            cached, written,
            "chart{n}: the cache holds the data as written"
        );
        let labels: Vec<String> = cached
            .iter()
            .enumerate()
            .map(|(i, v)| match label_format(&xml, i).as_str() {
                "General" => v.to_string(),
                code => {
                    let decimals = code.split_once('.').map_or(0, |(_, d)| d.len());
                    nianbao::model::numfmt::fixed(v.parse().unwrap(), decimals)
                }
            })
            .collect();
        assert_eq!(labels, chart_labels(), "chart{n}: the labels Word prints");
    }
}

/// The number format of point `i`'s data label in a one-series chart part:
/// its own `c:dLbl`'s, else the series'.
fn label_format(xml: &str, i: usize) -> String {
    let dlbls = xml
        .split("<c:dLbls>")
        .nth(1)
        .and_then(|s| s.split("</c:dLbls>").next())
        .expect("data labels");
    let code = |s: &str| {
        s.split(r#"<c:numFmt formatCode=""#)
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("a number format")
            .to_string()
    };
    for dlbl in dlbls.split("<c:dLbl>").skip(1) {
        let dlbl = dlbl.split("</c:dLbl>").next().unwrap();
        if dlbl.starts_with(&format!(r#"<c:idx val="{i}"/>"#)) {
            return code(dlbl);
        }
    }
    code(dlbls.rsplit("</c:dLbl>").next().unwrap())
}

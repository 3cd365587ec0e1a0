//! Native DOCX charts: a chart of the model as a DrawingML chart part
//! (`word/charts/chartN.xml`, `c:chartSpace`) with its data cached in the
//! part (categories in `c:strCache`, values in `c:numCache`), and the same
//! data as an embedded workbook (`word/embeddings/…xlsx`) so that Word and
//! WPS can edit it (编辑数据).
//!
//! The chart follows the SVG the PDF shows (`crate::render::chart`): the same
//! palette, the same value axis (0 to the SVG's round maximum, same step),
//! data labels where the SVG prints values, the unit above the value axis,
//! the legend where the SVG has one. Every colour is explicit (`a:srgbClr`):
//! LibreOffice draws a series without an explicit fill invisible. Chart text
//! names the report's CJK sans (黑体) as both `a:latin` and `a:ea` face, as
//! the SVG sets digits in the CJK sans too.
//!
//! Elements are written in the order of the schema (dml-chart.xsd).

use super::Writer;
use super::house::EMU_PER_TWIP;
use super::package::ChartPart;
use super::xml::{attr, esc};
use crate::error::Result;
use crate::model::house::FontRole;
use crate::model::{Chart, ChartKind};
use crate::render::chart::{PALETTE, WIDTH};
use std::fmt::Write as _;

/// The sheet holding the data in the embedded workbook.
const SHEET: &str = "Sheet1";
/// EMU per point.
const EMU_PER_PT: f64 = 12700.0;
/// Chart text colour (the SVG's `#222`).
const TEXT: &str = "222222";

impl Writer<'_> {
    /// A run holding `chart` as a native chart `cx` × `cy` EMU, adding the
    /// chart part and its workbook to the package.
    pub fn chart_run(&mut self, chart: &Chart, cx: u64, cy: u64) -> Result<String> {
        let n = self.charts.len() + 1;
        let rel_id = format!("rIdChart{n}");
        // Sizes in the SVG are for a chart WIDTH points wide; the PDF scales
        // the whole drawing to the figure's width, so does this.
        let scale = cx as f64 / EMU_PER_PT / WIDTH;
        let workbook = workbook(chart)?;
        self.charts.push(ChartPart {
            rel_id: rel_id.clone(),
            xml: chart_space(chart, scale),
            workbook,
        });
        let id = self.next_docpr;
        self.next_docpr += 1;
        Ok(format!(
            r#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{id}" name="图表 {id}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="{rel_id}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"#
        ))
    }
}

/// The size of a chart `width` twips wide, no taller than `max_h` twips, in
/// EMU: the SVG's proportions, as the PDF shows it.
pub fn extent(width: u32, max_h: u32) -> (u64, u64) {
    use crate::render::chart::HEIGHT;
    let (mut w, mut h) = (width as f64, width as f64 * HEIGHT / WIDTH);
    if h > max_h as f64 {
        h = max_h as f64;
        w = h * WIDTH / HEIGHT;
    }
    ((w as u64) * EMU_PER_TWIP, (h as u64) * EMU_PER_TWIP)
}

/// The workbook the chart reads: categories in column A from row 2, each
/// series' name in row 1 and its values below, one column per series.
pub fn workbook(chart: &Chart) -> Result<Vec<u8>> {
    use serde_json::Value;
    let mut rows = vec![
        std::iter::once(Value::Null)
            .chain(chart.series.iter().map(|s| Value::from(s.name.as_str())))
            .collect::<Vec<_>>(),
    ];
    for (i, cat) in chart.categories.iter().enumerate() {
        let mut row = vec![Value::from(cat.as_str())];
        for s in &chart.series {
            row.push(s.values.get(i).map_or(Value::Null, |v| Value::from(*v)));
        }
        rows.push(row);
    }
    crate::xlsx::workbook(&[(SHEET.to_string(), rows)])
}

/// A size in hundredths of a point, as `sz` takes it (1 pt at least).
fn sz(pt: f64) -> u32 {
    ((pt * 100.0).round() as u32).max(100)
}

/// A line width in EMU.
fn ln_w(pt: f64) -> u32 {
    (pt * EMU_PER_PT).round().max(1.0) as u32
}

/// Run properties' contents after the attributes: colour and faces.
fn rpr_body(color: &str) -> String {
    let face = FontRole::Hei.docx_face();
    format!(
        r#"<a:solidFill><a:srgbClr val="{color}"/></a:solidFill><a:latin typeface="{face}"/><a:ea typeface="{face}"/><a:cs typeface="{face}"/>"#
    )
}

/// A text body (`c:txPr`) giving text its size, colour and faces.
fn tx_pr(size_pt: f64, color: &str) -> String {
    format!(
        r#"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr lang="zh-CN" sz="{}" b="0">{}</a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>"#,
        sz(size_pt),
        rpr_body(color)
    )
}

/// A solid fill.
fn fill(color: &str) -> String {
    format!(r#"<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>"#)
}

/// The SVG palette colour of series (or slice) `i`, as `RRGGBB`.
fn palette(i: usize) -> String {
    PALETTE[i % PALETTE.len()]
        .trim_start_matches('#')
        .to_ascii_uppercase()
}

/// `c:f` of the cells of column `c` (0-based) from row 2 for `n` rows.
fn range(c: usize, n: usize) -> String {
    let c = crate::xlsx::column_letters(c);
    format!("{SHEET}!${c}$2:${c}${}", n + 1)
}

fn str_ref(f: &str, values: &[&str]) -> String {
    let mut s = format!(
        r#"<c:strRef><c:f>{}</c:f><c:strCache><c:ptCount val="{}"/>"#,
        esc(f),
        values.len()
    );
    for (i, v) in values.iter().enumerate() {
        let _ = write!(s, r#"<c:pt idx="{i}"><c:v>{}</c:v></c:pt>"#, esc(v));
    }
    s.push_str("</c:strCache></c:strRef>");
    s
}

fn num_ref(f: &str, values: &[f64]) -> String {
    let mut s = format!(
        r#"<c:numRef><c:f>{}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="{}"/>"#,
        esc(f),
        values.len()
    );
    for (i, v) in values.iter().enumerate() {
        // Rust prints an f64 without an exponent: a valid xsd:double.
        let _ = write!(s, r#"<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>"#);
    }
    s.push_str("</c:numCache></c:numRef>");
    s
}

/// The `c:tx`, `c:cat` and `c:val` of series `si` wrap these around the
/// series' own elements: `(tx, cat + val)`.
fn series_data(chart: &Chart, si: usize) -> (String, String) {
    let s = &chart.series[si];
    let name_cell = format!("{SHEET}!${}$1", crate::xlsx::column_letters(si + 1));
    let tx = format!("<c:tx>{}</c:tx>", str_ref(&name_cell, &[s.name.as_str()]));
    let cats: Vec<&str> = chart.categories.iter().map(String::as_str).collect();
    let data = format!(
        "<c:cat>{}</c:cat><c:val>{}</c:val>",
        str_ref(&range(0, cats.len()), &cats),
        num_ref(&range(si + 1, s.values.len()), &s.values)
    );
    (tx, data)
}

/// Data labels: `show` is `val` or `percent`; `pos` the `c:dLblPos`;
/// `deleted` the points without a label; `formats` the points whose label
/// takes a number format of its own ([`label_formats`]).
fn d_lbls(
    num_fmt: &str,
    size_pt: f64,
    color: &str,
    pos: &str,
    show: &str,
    deleted: &[usize],
    formats: &[(usize, &str)],
) -> String {
    let flag = |on: bool| if on { 1 } else { 0 };
    let group = |code: &str| {
        format!(
            r#"<c:numFmt formatCode="{}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>{}<c:dLblPos val="{pos}"/><c:showLegendKey val="0"/><c:showVal val="{}"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="{}"/><c:showBubbleSize val="0"/>"#,
            attr(code),
            tx_pr(size_pt, color),
            flag(show == "val"),
            flag(show == "percent"),
        )
    };
    let mut s = String::from("<c:dLbls>");
    for i in deleted {
        let _ = write!(
            s,
            r#"<c:dLbl><c:idx val="{i}"/><c:delete val="1"/></c:dLbl>"#
        );
    }
    for (i, code) in formats {
        let _ = write!(s, r#"<c:dLbl><c:idx val="{i}"/>{}</c:dLbl>"#, group(code));
    }
    s.push_str(&group(num_fmt));
    s.push_str("</c:dLbls>");
    s
}

/// The points of a series whose value Word's `General` format would not
/// print as the PDF's chart does ([`crate::render::chart::fmt_num`]: at
/// most two decimals, rounded half-up on the decimal value: 2.675 → 2.68,
/// where `General` shows 2.675), each with the format that prints the PDF's
/// label (`0`, `0.0`, `0.00`). The cached value stays the data's own.
fn label_formats(values: &[f64]) -> Vec<(usize, &'static str)> {
    values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let label = crate::render::chart::fmt_num(*v);
            // `General` shows up to 11 characters, then switches to 1E+11.
            if label == format!("{v}") && label.len() <= 11 {
                return None;
            }
            let code = match label.split_once('.') {
                None => "0",
                Some((_, f)) if f.len() == 1 => "0.0",
                Some(_) => "0.00",
            };
            Some((i, code))
        })
        .collect()
}

/// The `c:chartSpace` part for `chart`, its text sized for a drawing
/// `scale` times the SVG's size.
pub fn chart_space(chart: &Chart, scale: f64) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>"#,
    );
    match chart.kind {
        ChartKind::Pie => pie(chart, scale, &mut s),
        ChartKind::Bar | ChartKind::Line => axes(chart, scale, &mut s),
    }
    s.push_str(r#"<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>"#);
    // The legend: right of a pie (the SVG lists the slices there), across
    // the top when several series share the axes, none for one series.
    let legend = match chart.kind {
        ChartKind::Pie => Some(("r", 11.0)),
        _ if chart.series.len() > 1 => Some(("t", 10.0)),
        _ => None,
    };
    if let Some((pos, size)) = legend {
        let _ = write!(
            s,
            r#"<c:legend><c:legendPos val="{pos}"/><c:overlay val="0"/>{}</c:legend>"#,
            tx_pr(size * scale, TEXT)
        );
    }
    let _ = write!(
        s,
        r#"<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart><c:spPr>{}<a:ln><a:noFill/></a:ln></c:spPr>{}<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData></c:chartSpace>"#,
        fill("FFFFFF"),
        tx_pr(10.0 * scale, TEXT)
    );
    s
}

fn pie(chart: &Chart, scale: f64, s: &mut String) {
    s.push_str(r#"<c:pieChart><c:varyColors val="1"/>"#);
    if !chart.series.is_empty() {
        let (tx, data) = series_data(chart, 0);
        let values = &chart.series[0].values;
        let _ = write!(
            s,
            r#"<c:ser><c:idx val="0"/><c:order val="0"/>{tx}<c:spPr><a:ln w="{}">{}</a:ln></c:spPr>"#,
            ln_w(1.5 * scale),
            fill("FFFFFF")
        );
        for i in 0..values.len() {
            let _ = write!(
                s,
                r#"<c:dPt><c:idx val="{i}"/><c:bubble3D val="0"/><c:spPr>{}<a:ln w="{}">{}</a:ln></c:spPr></c:dPt>"#,
                fill(&palette(i)),
                ln_w(1.5 * scale),
                fill("FFFFFF")
            );
        }
        // The SVG prints the share inside the slices that have room for it.
        let total: f64 = values.iter().filter(|v| **v > 0.0).sum();
        let small: Vec<usize> = (0..values.len())
            .filter(|&i| total <= 0.0 || values[i] / total * std::f64::consts::TAU <= 0.35)
            .collect();
        s.push_str(&d_lbls(
            "0.0%",
            10.0 * scale,
            "FFFFFF",
            "ctr",
            "percent",
            &small,
            &[],
        ));
        s.push_str(&data);
        s.push_str("</c:ser>");
    }
    s.push_str(r#"<c:firstSliceAng val="0"/></c:pieChart>"#);
}

const CAT_AX: u32 = 50010;
const VAL_AX: u32 = 50020;

fn axes(chart: &Chart, scale: f64, s: &mut String) {
    let n = chart.series.len().max(1);
    let bar = chart.kind == ChartKind::Bar;
    if bar {
        s.push_str(r#"<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>"#);
    } else {
        s.push_str(r#"<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>"#);
    }
    for (si, series) in chart.series.iter().enumerate() {
        let (tx, data) = series_data(chart, si);
        let formats = label_formats(&series.values);
        let color = palette(si);
        let _ = write!(s, r#"<c:ser><c:idx val="{si}"/><c:order val="{si}"/>{tx}"#);
        if bar {
            let _ = write!(
                s,
                r#"<c:spPr>{}<a:ln><a:noFill/></a:ln></c:spPr><c:invertIfNegative val="0"/>"#,
                fill(&color)
            );
            s.push_str(&d_lbls(
                "General",
                8.0 * scale,
                TEXT,
                "outEnd",
                "val",
                &[],
                &formats,
            ));
            s.push_str(&data);
        } else {
            let _ = write!(
                s,
                r#"<c:spPr><a:ln w="{}" cap="rnd">{}<a:round/></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="{}"/><c:spPr>{}<a:ln><a:noFill/></a:ln></c:spPr></c:marker>"#,
                ln_w(2.0 * scale),
                fill(&color),
                ((6.0 * scale).round() as u32).clamp(2, 72),
                fill(&color)
            );
            s.push_str(&d_lbls(
                "General",
                8.0 * scale,
                TEXT,
                "t",
                "val",
                &[],
                &formats,
            ));
            s.push_str(&data);
            s.push_str(r#"<c:smooth val="0"/>"#);
        }
        s.push_str("</c:ser>");
    }
    if bar {
        // The SVG: each group takes 70 % of its band, each bar 90 % of its
        // share of the group. Gap and overlap are relative to a bar's width.
        let bar_w = 0.7 / n as f64 * 0.9;
        let gap = (1.0 - 0.7 + 0.7 / n as f64 * 0.1) / bar_w * 100.0;
        let overlap: f64 = -(0.1 / 0.9 * 100.0);
        let _ = write!(
            s,
            r#"<c:gapWidth val="{}"/><c:overlap val="{}"/>"#,
            (gap.round() as i64).clamp(0, 500),
            overlap.round() as i64
        );
    } else {
        s.push_str(r#"<c:marker val="1"/>"#);
    }
    let _ = write!(
        s,
        r#"<c:axId val="{CAT_AX}"/><c:axId val="{VAL_AX}"/></c:{}>"#,
        if bar { "barChart" } else { "lineChart" }
    );
    // Category axis: labels below, the dark base line, no ticks.
    let _ = write!(
        s,
        r#"<c:catAx><c:axId val="{CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr><a:ln w="{}">{}</a:ln></c:spPr>{}<c:crossAx val="{VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>"#,
        ln_w(0.8 * scale),
        fill("444444"),
        tx_pr(9.5 * scale, TEXT)
    );
    // Value axis: the SVG's scale, light grid lines, the unit on top.
    let (ymax, step) = crate::render::chart::value_scale(chart);
    let title = chart
        .unit
        .as_deref()
        .map(|u| {
            format!(
                r#"<c:title><c:tx><c:rich><a:bodyPr rot="0" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr lang="zh-CN" sz="{sz}" b="0">{body}</a:defRPr></a:pPr><a:r><a:rPr lang="zh-CN" sz="{sz}" b="0">{body}</a:rPr><a:t>{}</a:t></a:r></a:p></c:rich></c:tx><c:layout><c:manualLayout><c:xMode val="edge"/><c:yMode val="edge"/><c:x val="0"/><c:y val="0"/></c:manualLayout></c:layout><c:overlay val="0"/></c:title>"#,
                esc(&format!("（{u}）")),
                sz = sz(9.0 * scale),
                body = rpr_body(TEXT)
            )
        })
        .unwrap_or_default();
    let _ = write!(
        s,
        r#"<c:valAx><c:axId val="{VAL_AX}"/><c:scaling><c:orientation val="minMax"/><c:max val="{ymax}"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines><c:spPr><a:ln w="{}">{}</a:ln></c:spPr></c:majorGridlines>{title}<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:spPr><a:ln><a:noFill/></a:ln></c:spPr>{}<c:crossAx val="{CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/><c:majorUnit val="{step}"/></c:valAx>"#,
        ln_w(0.6 * scale),
        fill("DDDDDD"),
        tx_pr(9.0 * scale, TEXT)
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Series;

    fn bar() -> Chart {
        Chart {
            kind: ChartKind::Bar,
            categories: vec!["甲".into(), "<乙>".into()],
            series: vec![
                Series {
                    name: "2024年".into(),
                    values: vec![1.5, 20.0],
                },
                Series {
                    name: "2025年".into(),
                    values: vec![3.0, 0.0],
                },
            ],
            unit: Some("人".into()),
        }
    }

    #[test]
    fn caches_hold_the_data_and_refer_to_the_workbook() {
        let x = chart_space(&bar(), 0.8);
        assert!(x.contains("<c:f>Sheet1!$A$2:$A$3</c:f>"));
        assert!(x.contains("<c:f>Sheet1!$C$2:$C$3</c:f>"));
        assert!(x.contains("<c:f>Sheet1!$C$1</c:f>"));
        assert!(x.contains(r#"<c:pt idx="1"><c:v>&lt;乙&gt;</c:v></c:pt>"#));
        assert!(x.contains(r#"<c:pt idx="0"><c:v>1.5</c:v></c:pt>"#));
        assert!(x.contains(r#"<c:max val="20"/>"#));
        assert!(x.contains(r#"<c:majorUnit val="5"/>"#));
        assert!(x.contains("（人）"));
        assert!(x.contains(r#"<a:srgbClr val="2F5D8A"/>"#));
        assert!(x.contains(r#"<a:ea typeface="黑体"/>"#));
    }

    #[test]
    fn small_pie_slices_have_no_label() {
        let c = Chart {
            kind: ChartKind::Pie,
            categories: vec!["a".into(), "b".into()],
            series: vec![Series {
                name: String::new(),
                values: vec![99.0, 1.0],
            }],
            unit: None,
        };
        let x = chart_space(&c, 1.0);
        assert!(x.contains(r#"<c:dLbl><c:idx val="1"/><c:delete val="1"/></c:dLbl>"#));
        assert!(!x.contains(r#"<c:dLbl><c:idx val="0"/>"#));
        assert_eq!(x.matches("<c:dPt>").count(), 2);
    }

    #[test]
    fn column_letters() {
        assert_eq!(crate::xlsx::column_letters(0), "A");
        assert_eq!(crate::xlsx::column_letters(27), "AB");
    }
}

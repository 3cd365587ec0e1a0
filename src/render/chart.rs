//! Charts drawn as SVG from the model's chart data: pie, grouped bar and line.
//! The Typst backend embeds the SVG as vector graphics (its text stays text);
//! the DOCX backend writes the same chart as a native Word chart
//! (`render::docx::chart`, same palette and scale) or rasterises this SVG.

use crate::i18n::msg;
use crate::model::{Chart, ChartKind};
use std::fmt::Write;

/// The chart's size in points.
pub const WIDTH: f64 = 440.0;
/// The chart's size in points.
pub const HEIGHT: f64 = 250.0;

/// The series (and pie slice) colours, in order; the native DOCX charts use
/// the same ones.
pub const PALETTE: [&str; 8] = [
    "#2f5d8a", "#d9822b", "#5a9e6f", "#b5485d", "#7a6bb0", "#c9a227", "#4aa3b5", "#8c8c8c",
];
/// The face chart text asks for (bundled, so always present).
pub const FONT: &str = "Noto Sans CJK SC";

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A number as charts print it: up to two decimals, no trailing zeros.
pub fn fmt_num(x: f64) -> String {
    crate::model::numfmt::compact(x, 2)
}

fn text(out: &mut String, x: f64, y: f64, size: f64, anchor: &str, s: &str) {
    let _ = write!(
        out,
        r##"<text x="{x:.1}" y="{y:.1}" font-family="{FONT}" font-size="{size}" text-anchor="{anchor}" fill="#222">{}</text>"##,
        esc(s)
    );
}

/// The chart as an SVG document.
pub fn svg(chart: &Chart) -> String {
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}pt" height="{HEIGHT}pt" viewBox="0 0 {WIDTH} {HEIGHT}">"#
    );
    out.push_str(r#"<rect width="100%" height="100%" fill="white"/>"#);
    match chart.kind {
        ChartKind::Pie => pie(chart, &mut out),
        ChartKind::Bar | ChartKind::Line => axes(chart, &mut out),
    }
    out.push_str("</svg>");
    out
}

fn pie(chart: &Chart, out: &mut String) {
    let values = chart
        .series
        .first()
        .map(|s| s.values.clone())
        .unwrap_or_default();
    let total: f64 = values.iter().filter(|v| **v > 0.0).sum();
    let (cx, cy, r) = (HEIGHT / 2.0 + 10.0, HEIGHT / 2.0, HEIGHT / 2.0 - 20.0);
    let mut angle = -std::f64::consts::FRAC_PI_2;
    for (i, v) in values.iter().enumerate() {
        if *v <= 0.0 || total <= 0.0 {
            continue;
        }
        let sweep = v / total * std::f64::consts::TAU;
        let end = angle + sweep;
        let color = PALETTE[i % PALETTE.len()];
        if (sweep - std::f64::consts::TAU).abs() < 1e-9 {
            let _ = write!(
                out,
                r#"<circle cx="{cx}" cy="{cy}" r="{r}" fill="{color}" stroke="white" stroke-width="1.5"/>"#
            );
        } else {
            let (x0, y0) = (cx + r * angle.cos(), cy + r * angle.sin());
            let (x1, y1) = (cx + r * end.cos(), cy + r * end.sin());
            let large = if sweep > std::f64::consts::PI { 1 } else { 0 };
            let _ = write!(
                out,
                r#"<path d="M{cx:.2},{cy:.2} L{x0:.2},{y0:.2} A{r:.2},{r:.2} 0 {large} 1 {x1:.2},{y1:.2} Z" fill="{color}" stroke="white" stroke-width="1.5"/>"#
            );
        }
        // Percentage inside the slice when it is large enough.
        let mid = angle + sweep / 2.0;
        if sweep > 0.35 {
            let (tx, ty) = (cx + r * 0.62 * mid.cos(), cy + r * 0.62 * mid.sin() + 4.0);
            let _ = write!(
                out,
                r#"<text x="{tx:.1}" y="{ty:.1}" font-family="{FONT}" font-size="10" text-anchor="middle" fill="white">{}%</text>"#,
                crate::model::numfmt::compact(v / total * 100.0, 1)
            );
        }
        angle = end;
    }
    // Legend: colour, category, value and share.
    let lx = cx + r + 40.0;
    let mut ly = cy - values.len() as f64 * 11.0 + 8.0;
    for (i, (cat, v)) in chart.categories.iter().zip(values.iter()).enumerate() {
        let color = PALETTE[i % PALETTE.len()];
        let _ = write!(
            out,
            r#"<rect x="{lx:.1}" y="{:.1}" width="10" height="10" fill="{color}"/>"#,
            ly - 9.0
        );
        let share = if total > 0.0 { v / total * 100.0 } else { 0.0 };
        let unit = chart.unit.as_deref().unwrap_or("");
        text(
            out,
            lx + 15.0,
            ly,
            11.0,
            "start",
            &format!(
                "{cat}  {}{unit}（{}%）",
                fmt_num(*v),
                crate::model::numfmt::compact(share, 1)
            ),
        );
        ly += 22.0;
    }
}

/// A round axis maximum and step for values up to `max`.
pub fn nice_scale(max: f64) -> (f64, f64) {
    if max <= 0.0 {
        return (1.0, 0.25);
    }
    let raw = max / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| s * 5.0 >= max)
        .unwrap_or(10.0 * mag);
    ((max / step).ceil() * step, step)
}

/// The value axis of a bar or line chart: its top and its step, for the
/// SVG and the DOCX's native chart alike.
pub fn value_scale(chart: &Chart) -> (f64, f64) {
    let max = chart
        .series
        .iter()
        .flat_map(|s| s.values.iter())
        .fold(0.0f64, |a, b| a.max(*b));
    nice_scale(max)
}

fn axes(chart: &Chart, out: &mut String) {
    let (left, right, top, bottom) = (48.0, WIDTH - 12.0, 30.0, HEIGHT - 34.0);
    let (ymax, step) = value_scale(chart);
    let y = |v: f64| bottom - (v / ymax) * (bottom - top);
    // Grid and y labels.
    let mut v = 0.0;
    while v <= ymax + step / 2.0 {
        let yy = y(v);
        let _ = write!(
            out,
            r##"<line x1="{left}" y1="{yy:.1}" x2="{right}" y2="{yy:.1}" stroke="#dddddd" stroke-width="0.6"/>"##
        );
        text(out, left - 5.0, yy + 3.5, 9.0, "end", &fmt_num(v));
        v += step;
    }
    let _ = write!(
        out,
        r##"<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#444" stroke-width="0.8"/>"##
    );
    if let Some(u) = &chart.unit {
        text(out, left - 5.0, top - 12.0, 9.0, "end", &format!("（{u}）"));
    }
    let n = chart.categories.len().max(1);
    let band = (right - left) / n as f64;
    let series_n = chart.series.len().max(1);
    for (ci, cat) in chart.categories.iter().enumerate() {
        let x0 = left + band * ci as f64;
        text(out, x0 + band / 2.0, bottom + 14.0, 9.5, "middle", cat);
    }
    match chart.kind {
        ChartKind::Bar => {
            let group = band * 0.7;
            let w = group / series_n as f64;
            for (si, s) in chart.series.iter().enumerate() {
                let color = PALETTE[si % PALETTE.len()];
                for (ci, v) in s.values.iter().enumerate() {
                    let x = left + band * ci as f64 + (band - group) / 2.0 + w * si as f64;
                    let (y0, h) = (y(*v), bottom - y(*v));
                    let _ = write!(
                        out,
                        r#"<rect x="{x:.1}" y="{y0:.1}" width="{:.1}" height="{h:.1}" fill="{color}"/>"#,
                        w * 0.9
                    );
                    text(out, x + w * 0.45, y0 - 3.0, 8.0, "middle", &fmt_num(*v));
                }
            }
        }
        _ => {
            for (si, s) in chart.series.iter().enumerate() {
                let color = PALETTE[si % PALETTE.len()];
                let pts: Vec<String> = s
                    .values
                    .iter()
                    .enumerate()
                    .map(|(ci, v)| format!("{:.1},{:.1}", left + band * (ci as f64 + 0.5), y(*v)))
                    .collect();
                let _ = write!(
                    out,
                    r#"<polyline points="{}" fill="none" stroke="{color}" stroke-width="2"/>"#,
                    pts.join(" ")
                );
                for (ci, v) in s.values.iter().enumerate() {
                    let (x, yy) = (left + band * (ci as f64 + 0.5), y(*v));
                    let _ = write!(
                        out,
                        r#"<circle cx="{x:.1}" cy="{yy:.1}" r="3" fill="{color}"/>"#
                    );
                    text(out, x, yy - 6.0, 8.0, "middle", &fmt_num(*v));
                }
            }
        }
    }
    // Legend across the top when there are several series.
    if chart.series.len() > 1 {
        let mut lx = left;
        for (si, s) in chart.series.iter().enumerate() {
            let color = PALETTE[si % PALETTE.len()];
            let _ = write!(
                out,
                r#"<rect x="{lx:.1}" y="6" width="10" height="10" fill="{color}"/>"#
            );
            text(out, lx + 14.0, 15.0, 10.0, "start", &s.name);
            lx += 24.0 + s.name.chars().count() as f64 * 10.5;
        }
    }
}

/// The chart as a PNG at `dpi`, with its pixel size; text is set in the
/// bundled CJK sans face, as in the PDF.
pub fn png(chart: &Chart, dpi: f64) -> Result<(Vec<u8>, u32, u32), String> {
    use resvg::{tiny_skia, usvg};
    use std::sync::{Arc, OnceLock};
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    let fonts = FONTS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for (name, data) in crate::fonts::EMBEDDED_FONTS {
            if name.starts_with("NotoSansCJK") {
                db.load_font_data(data.to_vec());
            }
        }
        Arc::new(db)
    });
    let opt = usvg::Options {
        fontdb: fonts.clone(),
        ..Default::default()
    };
    let tree = usvg::Tree::from_str(&svg(chart), &opt).map_err(msg::render::chart_failed)?;
    let scale = dpi / 72.0 * (WIDTH / tree.size().width() as f64);
    let (w, h) = (
        (WIDTH * dpi / 72.0).round() as u32,
        (HEIGHT * dpi / 72.0).round() as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or_else(msg::render::chart_empty)?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale as f32, scale as f32),
        &mut pixmap.as_mut(),
    );
    let bytes = pixmap.encode_png().map_err(msg::render::chart_failed)?;
    Ok((bytes, w, h))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Series;

    #[test]
    fn svg_escapes_labels_and_draws_every_slice() {
        let c = Chart {
            kind: ChartKind::Pie,
            categories: vec!["中专".into(), "<职高>".into()],
            series: vec![Series {
                name: "学校数".into(),
                values: vec![10.0, 19.0],
            }],
            unit: Some("所".into()),
        };
        let s = svg(&c);
        assert_eq!(s.matches("<path").count(), 2);
        assert!(s.contains("&lt;职高&gt;"));
        assert!(s.contains("65.5%"));
    }

    #[test]
    fn nice_scales() {
        assert_eq!(nice_scale(9420.0), (10000.0, 2000.0));
        assert_eq!(nice_scale(88.0), (100.0, 20.0));
    }
}

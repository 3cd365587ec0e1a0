//! Native DOCX charts: the bundled city sample's three charts (pie, grouped
//! bar, line) are DrawingML chart parts with their caches equal to the
//! model's data (which is the dataset's), explicit palette colours, CJK
//! faces, and an embedded workbook holding the same numbers; the package is
//! wired up (content types, relationships, `wp:inline`); two builds give the
//! same bytes; `"docx_charts": "image"` gives pictures as before.

mod common;

use common::docx::{part, part_bytes, part_names};
use common::{root, temp_copy};
use quick_xml::Reader;
use quick_xml::events::Event;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

// ---------------------------------------------------------------- helpers

/// A parsed XML element (enough of a DOM for these checks).
#[derive(Debug, Default)]
struct El {
    name: String,
    attrs: BTreeMap<String, String>,
    children: Vec<El>,
    text: String,
}

impl El {
    fn parse(xml: &str) -> El {
        let mut r = Reader::from_str(xml);
        let mut stack = vec![El::default()];
        loop {
            match r.read_event().expect("well-formed XML") {
                Event::Start(e) => stack.push(El::from_start(&e)),
                Event::Empty(e) => {
                    let el = El::from_start(&e);
                    stack.last_mut().unwrap().children.push(el);
                }
                Event::End(_) => {
                    let el = stack.pop().unwrap();
                    stack.last_mut().unwrap().children.push(el);
                }
                Event::Text(t) => {
                    let s = t.decode().unwrap();
                    stack.last_mut().unwrap().text.push_str(&s);
                }
                Event::GeneralRef(g) => {
                    let s = match &*g {
                        b"lt" => "<",
                        b"gt" => ">",
                        b"amp" => "&",
                        b"quot" => "\"",
                        b"apos" => "'",
                        other => panic!("entity {}", String::from_utf8_lossy(other)),
                    };
                    stack.last_mut().unwrap().text.push_str(s);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(stack.len(), 1);
        stack.pop().unwrap().children.pop().expect("a root element")
    }

    fn from_start(e: &quick_xml::events::BytesStart) -> El {
        El {
            name: String::from_utf8(e.name().as_ref().to_vec()).unwrap(),
            attrs: e
                .attributes()
                .map(|a| {
                    let a = a.unwrap();
                    (
                        String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                        a.unescape_value().unwrap().into_owned(),
                    )
                })
                .collect(),
            ..Default::default()
        }
    }

    fn child(&self, name: &str) -> Option<&El> {
        self.children.iter().find(|c| c.name == name)
    }

    fn kids<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a El> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// Every element of that name below this one (depth first).
    fn all<'a>(&'a self, name: &str, out: &mut Vec<&'a El>) {
        for c in &self.children {
            if c.name == name {
                out.push(c);
            }
            c.all(name, out);
        }
    }

    fn find_all(&self, name: &str) -> Vec<&El> {
        let mut v = Vec::new();
        self.all(name, &mut v);
        v
    }

    fn path(&self, names: &[&str]) -> &El {
        let mut e = self;
        for n in names {
            e = e.child(n).unwrap_or_else(|| panic!("no {n} in {}", e.name));
        }
        e
    }

    fn val(&self) -> &str {
        &self.attrs["val"]
    }
}

fn city() -> nianbao::Checked {
    let dir = root().join("samples/yunchuan-city");
    nianbao::check(&dir).unwrap_or_else(|e| panic!("{:?}", e.diagnostics))
}

/// The model's charts in document order (every `"chart"` object of the
/// serialised document).
fn model_charts(doc: &nianbao::model::Document) -> Vec<Value> {
    fn walk(v: &Value, out: &mut Vec<Value>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    if k == "chart" && x.is_object() {
                        out.push(x.clone());
                    } else {
                        walk(x, out);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(doc).unwrap(), &mut out);
    out
}

/// One series as the chart part caches it.
#[derive(Debug)]
struct CachedSeries {
    name: String,
    name_ref: String,
    categories: Vec<String>,
    cat_ref: String,
    values: Vec<f64>,
    val_ref: String,
    /// The explicit colour of the series (bar fill, line stroke) or of each
    /// slice (pie).
    colors: Vec<String>,
}

fn str_cache(r: &El) -> (String, Vec<String>) {
    let sr = r.child("c:strRef").expect("c:strRef");
    let cache = sr.child("c:strCache").expect("c:strCache");
    let n: usize = cache.path(&["c:ptCount"]).val().parse().unwrap();
    let pts: Vec<String> = cache
        .kids("c:pt")
        .map(|p| p.path(&["c:v"]).text.clone())
        .collect();
    assert_eq!(pts.len(), n, "ptCount");
    (sr.path(&["c:f"]).text.clone(), pts)
}

fn num_cache(r: &El) -> (String, Vec<f64>) {
    let nr = r.child("c:numRef").expect("c:numRef");
    let cache = nr.child("c:numCache").expect("c:numCache");
    let n: usize = cache.path(&["c:ptCount"]).val().parse().unwrap();
    let pts: Vec<f64> = cache
        .kids("c:pt")
        .map(|p| p.path(&["c:v"]).text.parse().unwrap())
        .collect();
    assert_eq!(pts.len(), n, "ptCount");
    (nr.path(&["c:f"]).text.clone(), pts)
}

fn srgb(fill_parent: &El) -> String {
    fill_parent
        .path(&["a:solidFill", "a:srgbClr"])
        .val()
        .to_string()
}

fn series_of(plot: &El, kind: &str) -> Vec<CachedSeries> {
    plot.kids("c:ser")
        .map(|s| {
            let (name_ref, name) = str_cache(s.path(&["c:tx"]));
            let (cat_ref, categories) = str_cache(s.path(&["c:cat"]));
            let (val_ref, values) = num_cache(s.path(&["c:val"]));
            let sp = s.path(&["c:spPr"]);
            let colors = match kind {
                "c:pieChart" => s.kids("c:dPt").map(|d| srgb(d.path(&["c:spPr"]))).collect(),
                "c:barChart" => vec![srgb(sp)],
                _ => vec![srgb(sp.path(&["a:ln"]))],
            };
            CachedSeries {
                name: name.into_iter().next().unwrap(),
                name_ref,
                categories,
                cat_ref,
                values,
                val_ref,
                colors,
            }
        })
        .collect()
}

/// The sample's `schools.csv` as rows of column → text.
fn schools() -> Vec<BTreeMap<String, String>> {
    let mut r = csv::Reader::from_path(root().join("samples/yunchuan-city/data/schools.csv"))
        .expect("schools.csv");
    let heads = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            heads
                .iter()
                .zip(rec.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

fn column(rows: &[BTreeMap<String, String>], name: &str) -> Vec<f64> {
    rows.iter().map(|r| r[name].parse().unwrap()).collect()
}

fn palette(i: usize) -> String {
    let p = nianbao::render::chart::PALETTE;
    p[i % p.len()].trim_start_matches('#').to_ascii_uppercase()
}

/// A1-style cell name → (row, column), 0-based.
fn cell(a1: &str) -> (usize, usize) {
    let a1 = a1.replace('$', "");
    let letters: String = a1.chars().take_while(char::is_ascii_alphabetic).collect();
    let row: usize = a1[letters.len()..].parse().unwrap();
    let col = letters
        .bytes()
        .fold(0usize, |c, b| c * 26 + (b - b'A' + 1) as usize);
    (row - 1, col - 1)
}

/// The cells a `Sheet1!$A$2:$A$8` reference names, in order.
fn ref_cells(f: &str) -> Vec<(usize, usize)> {
    let (sheet, range) = f.split_once('!').expect("a sheet-qualified reference");
    assert_eq!(sheet, "Sheet1");
    let (a, b) = range.split_once(':').unwrap_or((range, range));
    let ((r0, c0), (r1, c1)) = (cell(a), cell(b));
    assert!(r0 == r1 || c0 == c1, "one row or one column: {f}");
    (r0..=r1)
        .flat_map(|r| (c0..=c1).map(move |c| (r, c)))
        .collect()
}

// ---------------------------------------------------------------- tests

#[test]
fn city_charts_are_native_with_the_models_data() {
    let checked = city();
    let docx = nianbao::build_docx(&checked).expect("renders");
    let names = part_names(&docx);
    let model = model_charts(&checked.document);
    assert_eq!(model.len(), 3, "the city sample has three charts");

    // Content types: each chart part overridden, xlsx by default.
    let ct = El::parse(&part(&docx, "[Content_Types].xml"));
    let overrides: BTreeMap<&str, &str> = ct
        .kids("Override")
        .map(|o| {
            (
                o.attrs["PartName"].as_str(),
                o.attrs["ContentType"].as_str(),
            )
        })
        .collect();
    assert!(ct.kids("Default").any(|d| d.attrs["Extension"] == "xlsx"
        && d.attrs["ContentType"]
            == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    // document.xml → relationships → chart parts, in document order.
    let rels = El::parse(&part(&docx, "word/_rels/document.xml.rels"));
    let rel_target: BTreeMap<&str, (&str, &str)> = rels
        .kids("Relationship")
        .map(|r| {
            (
                r.attrs["Id"].as_str(),
                (r.attrs["Type"].as_str(), r.attrs["Target"].as_str()),
            )
        })
        .collect();
    let document = El::parse(&part(&docx, "word/document.xml"));
    let inlines: Vec<&El> = document
        .find_all("wp:inline")
        .into_iter()
        .filter(|i| {
            i.path(&["a:graphic", "a:graphicData"]).attrs["uri"]
                == "http://schemas.openxmlformats.org/drawingml/2006/chart"
        })
        .collect();
    assert_eq!(inlines.len(), 3, "three charts inline in document.xml");
    let mut chart_parts = Vec::new();
    for inl in &inlines {
        let ext = inl.path(&["wp:extent"]);
        assert!(ext.attrs["cx"].parse::<u64>().unwrap() > 1_000_000);
        assert!(ext.attrs["cy"].parse::<u64>().unwrap() > 1_000_000);
        assert!(inl.path(&["wp:docPr"]).attrs.contains_key("id"));
        let c = inl.path(&["a:graphic", "a:graphicData", "c:chart"]);
        let (ty, target) = rel_target[c.attrs["r:id"].as_str()];
        assert_eq!(
            ty,
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"
        );
        let part_name = format!("word/{target}");
        assert!(names.contains(&part_name), "{part_name} in the package");
        assert_eq!(
            overrides.get(format!("/{part_name}").as_str()),
            Some(&"application/vnd.openxmlformats-officedocument.drawingml.chart+xml")
        );
        chart_parts.push(part_name);
    }
    assert_eq!(
        chart_parts,
        [
            "word/charts/chart1.xml",
            "word/charts/chart2.xml",
            "word/charts/chart3.xml"
        ]
    );

    let rows = schools();
    for (n, (part_name, m)) in chart_parts.iter().zip(&model).enumerate() {
        let xml = part(&docx, part_name);
        let space = El::parse(&xml);
        assert_eq!(space.name, "c:chartSpace");
        assert_eq!(space.path(&["c:lang"]).val(), "zh-CN");
        // Every text body names the CJK face for both Latin and East Asian text.
        let defs = space.find_all("a:defRPr");
        assert!(defs.len() >= 3, "chart text properties");
        for d in defs.iter().chain(space.find_all("a:rPr").iter()) {
            assert_eq!(d.attrs["lang"], "zh-CN");
            assert_eq!(d.path(&["a:ea"]).attrs["typeface"], "黑体");
            assert_eq!(d.path(&["a:latin"]).attrs["typeface"], "黑体");
        }

        // The chart part's own relationship: its embedded workbook.
        let chart_rels = format!("word/charts/_rels/chart{}.xml.rels", n + 1);
        let crels = El::parse(&part(&docx, &chart_rels));
        let ext_id = space.path(&["c:externalData"]).attrs["r:id"].clone();
        let rel = crels
            .kids("Relationship")
            .find(|r| r.attrs["Id"] == ext_id)
            .expect("the workbook relationship");
        assert_eq!(
            rel.attrs["Type"],
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package"
        );
        let wb_name = format!("word/{}", rel.attrs["Target"].trim_start_matches("../"));
        assert_eq!(
            wb_name,
            format!("word/embeddings/Microsoft_Excel_Worksheet{}.xlsx", n + 1)
        );

        // Caches = the model.
        let plot = space.path(&["c:chart", "c:plotArea"]);
        let kind = m["kind"].as_str().unwrap();
        let elem = match kind {
            "pie" => "c:pieChart",
            "bar" => "c:barChart",
            "line" => "c:lineChart",
            k => panic!("kind {k}"),
        };
        let series = series_of(plot.path(&[elem]), elem);
        let m_series = m["series"].as_array().unwrap();
        assert_eq!(series.len(), m_series.len(), "chart {}: series", n + 1);
        let m_cats: Vec<String> = m["categories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap().to_string())
            .collect();
        for (si, (s, ms)) in series.iter().zip(m_series).enumerate() {
            assert_eq!(s.categories, m_cats, "chart {} categories", n + 1);
            assert_eq!(s.name, ms["name"].as_str().unwrap());
            let mv: Vec<f64> = ms["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_f64().unwrap())
                .collect();
            assert_eq!(s.values, mv, "chart {} series {si} values", n + 1);
            // Explicit colours from the SVG's palette.
            if kind == "pie" {
                let want: Vec<String> = (0..mv.len()).map(palette).collect();
                assert_eq!(s.colors, want);
            } else {
                assert_eq!(s.colors, vec![palette(si)]);
            }
        }
        // Axis unit and data labels as in the SVG.
        if kind != "pie" {
            let unit = m["unit"].as_str().unwrap();
            let title: String = plot
                .path(&["c:valAx", "c:title"])
                .find_all("a:t")
                .iter()
                .map(|t| t.text.as_str())
                .collect();
            assert_eq!(title, format!("（{unit}）"));
            for ser in plot.path(&[elem]).kids("c:ser") {
                assert_eq!(ser.path(&["c:dLbls", "c:showVal"]).val(), "1");
            }
        } else {
            let ser = plot.path(&[elem, "c:ser"]);
            assert_eq!(ser.path(&["c:dLbls", "c:showPercent"]).val(), "1");
            assert_eq!(
                space.path(&["c:chart", "c:legend", "c:legendPos"]).val(),
                "r"
            );
        }

        // Caches = the dataset (schools.csv).
        match kind {
            "pie" => {
                // aggregate=count over `kind`, in order of first appearance.
                let mut kinds: Vec<(String, f64)> = Vec::new();
                for r in &rows {
                    match kinds.iter_mut().find(|(k, _)| *k == r["kind"]) {
                        Some((_, c)) => *c += 1.0,
                        None => kinds.push((r["kind"].clone(), 1.0)),
                    }
                }
                let cats: Vec<String> = kinds.iter().map(|(k, _)| k.clone()).collect();
                let vals: Vec<f64> = kinds.iter().map(|(_, c)| *c).collect();
                assert_eq!(series[0].categories, cats);
                assert_eq!(series[0].values, vals);
            }
            "bar" | "line" => {
                let cats: Vec<String> = rows.iter().map(|r| r["short"].clone()).collect();
                let cols: &[&str] = if kind == "bar" {
                    &["enrol_prev", "enrol_cur"]
                } else {
                    &["graduates_cur", "further_study_cur"]
                };
                for (s, c) in series.iter().zip(cols) {
                    assert_eq!(s.categories, cats);
                    assert_eq!(s.values, column(&rows, c), "{c}");
                }
            }
            _ => unreachable!(),
        }

        // The workbook opens and holds the same numbers where the
        // references say.
        let wb_bytes = part_bytes(&docx, &wb_name);
        let mut wb = calamine::Xlsx::new(std::io::Cursor::new(wb_bytes)).expect("opens");
        use calamine::Reader;
        assert_eq!(wb.sheet_names(), vec!["Sheet1".to_string()]);
        let range = wb.worksheet_range("Sheet1").expect("Sheet1");
        let at = |(r, c): (usize, usize)| range.get_value((r as u32, c as u32)).cloned();
        for s in &series {
            let name_cells = ref_cells(&s.name_ref);
            assert_eq!(name_cells.len(), 1);
            assert_eq!(
                at(name_cells[0]),
                Some(calamine::Data::String(s.name.clone()))
            );
            let cat_cells = ref_cells(&s.cat_ref);
            assert_eq!(cat_cells.len(), s.categories.len());
            for (cell, cat) in cat_cells.into_iter().zip(&s.categories) {
                assert_eq!(at(cell), Some(calamine::Data::String(cat.clone())));
            }
            let val_cells = ref_cells(&s.val_ref);
            assert_eq!(val_cells.len(), s.values.len());
            for (cell, v) in val_cells.into_iter().zip(&s.values) {
                let got = match at(cell) {
                    Some(calamine::Data::Float(f)) => f,
                    Some(calamine::Data::Int(i)) => i as f64,
                    other => panic!("{:?}: {other:?}", cell),
                };
                assert_eq!(got, *v);
            }
        }
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let a = nianbao::build_docx(&city()).unwrap();
    let b = nianbao::build_docx(&city()).unwrap();
    assert!(a == b, "two builds of the city sample differ");
    // The embedded workbooks too, on their own.
    for n in 1..=3 {
        let name = format!("word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx");
        assert_eq!(part_bytes(&a, &name), part_bytes(&b, &name));
    }
}

#[test]
fn image_option_gives_pictures() {
    let native = nianbao::build_docx(&city()).unwrap();
    let dir = temp_copy(&root().join("samples/yunchuan-city"), "docx-charts-image");
    let report = std::fs::read_to_string(dir.join("report.json")).unwrap();
    let patched = report.replacen(
        "\"style\": {",
        "\"style\": {\n    \"docx_charts\": \"image\",",
        1,
    );
    assert_ne!(patched, report);
    std::fs::write(dir.join("report.json"), patched).unwrap();
    let checked = nianbao::check(Path::new(&dir)).unwrap_or_else(|e| panic!("{e}"));
    assert!(!checked.document.style.docx_native_charts);
    let image = nianbao::build_docx(&checked).unwrap();
    let _ = std::fs::remove_dir_all(&dir);

    let names = part_names(&image);
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("word/charts/") || n.starts_with("word/embeddings/")),
        "no chart parts with docx_charts=image"
    );
    let doc = part(&image, "word/document.xml");
    assert!(!doc.contains("drawingml/2006/chart"));
    assert!(!part(&image, "[Content_Types].xml").contains("xlsx"));
    let pngs = |d: &[u8]| {
        part_names(d)
            .iter()
            .filter(|n| n.starts_with("word/media/") && n.ends_with(".png"))
            .count()
    };
    assert_eq!(pngs(&image), pngs(&native) + 3, "one PNG per chart");
    // The default is native.
    assert!(city().document.style.docx_native_charts);
    assert_eq!(
        part_names(&native)
            .iter()
            .filter(|n| n.starts_with("word/charts/chart"))
            .count(),
        3
    );
}

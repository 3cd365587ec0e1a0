//! Glyph boxes and straight rules of every page of a PDF, read from the
//! content streams with lopdf — independent of nianbao's own layout check
//! (which inspects Typst's frames before the PDF is written). Enough of the
//! PDF graphics model for what Typst writes: the graphics state stack, `cm`,
//! text and font matrices, `TJ`/`Tj` with the CID fonts' `W` widths, paths
//! of `m`/`l`/`re` that are stroked or filled, and form XObjects.

use super::pdftext::{deref, font_codes, form_xobject, map_pages};
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

/// A glyph's box in PDF user space (points, y upwards).
#[derive(Debug, Clone)]
pub struct GlyphBox {
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
}

/// A straight rule: `at` is x for a vertical rule, y for a horizontal one.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub at: f64,
    pub from: f64,
    pub to: f64,
}

#[derive(Debug, Default)]
pub struct PageGeom {
    pub glyphs: Vec<GlyphBox>,
    pub vrules: Vec<Rule>,
    pub hrules: Vec<Rule>,
}

/// A transformation matrix `[a b c d e f]`.
pub type M = [f64; 6];
/// The identity.
pub const ID: M = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a` then `b` (PDF row-vector convention: p' = p × a × b).
pub fn mul(a: &M, b: &M) -> M {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &M, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn num(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => *r as f64,
        _ => 0.0,
    }
}

/// The matrix a `cm` or a `Matrix` entry gives.
pub fn matrix(ops: &[Object]) -> M {
    let mut m = ID;
    for (i, o) in ops.iter().take(6).enumerate() {
        m[i] = num(o);
    }
    m
}

struct Font {
    /// CID → width in 1/1000 em.
    widths: HashMap<u32, f64>,
    default_width: f64,
    two_byte: bool,
    cmap: HashMap<u32, String>,
}

fn font(doc: &Document, dict: &Dictionary) -> Font {
    let (two_byte, cmap) = font_codes(doc, dict);
    let mut widths = HashMap::new();
    let mut default_width = 1000.0;
    if two_byte {
        let cid = dict
            .get(b"DescendantFonts")
            .ok()
            .map(|d| deref(doc, d))
            .and_then(|d| d.as_array().ok())
            .and_then(|a| a.first())
            .map(|d| deref(doc, d))
            .and_then(|d| d.as_dict().ok());
        if let Some(cid) = cid {
            if let Ok(dw) = cid.get(b"DW") {
                default_width = num(deref(doc, dw));
            }
            if let Ok(w) = cid.get(b"W").map(|w| deref(doc, w))
                && let Ok(w) = w.as_array()
            {
                let mut i = 0;
                while i < w.len() {
                    let first = num(&w[i]) as u32;
                    match w.get(i + 1).map(|o| deref(doc, o)) {
                        Some(Object::Array(list)) => {
                            for (k, v) in list.iter().enumerate() {
                                widths.insert(first + k as u32, num(v));
                            }
                            i += 2;
                        }
                        Some(last) => {
                            let last = num(last) as u32;
                            let v = w.get(i + 2).map(num).unwrap_or(0.0);
                            for c in first..=last {
                                widths.insert(c, v);
                            }
                            i += 3;
                        }
                        None => break,
                    }
                }
            }
        }
    } else {
        let first = dict.get(b"FirstChar").map(num).unwrap_or(0.0) as u32;
        if let Ok(w) = dict.get(b"Widths").map(|w| deref(doc, w))
            && let Ok(w) = w.as_array()
        {
            for (k, v) in w.iter().enumerate() {
                widths.insert(first + k as u32, num(v));
            }
        }
        default_width = 0.0;
    }
    Font {
        widths,
        default_width,
        two_byte,
        cmap,
    }
}

fn fonts(doc: &Document, resources: &Dictionary) -> HashMap<Vec<u8>, Font> {
    let mut out = HashMap::new();
    if let Ok(f) = resources.get(b"Font").map(|f| deref(doc, f))
        && let Ok(f) = f.as_dict()
    {
        for (name, d) in f.iter() {
            if let Ok(d) = deref(doc, d).as_dict() {
                out.insert(name.clone(), font(doc, d));
            }
        }
    }
    out
}

#[derive(Clone)]
struct State {
    ctm: M,
    font: Option<Vec<u8>>,
    size: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    rise: f64,
}

fn run(doc: &Document, content: &[u8], res: &Dictionary, ctm: M, out: &mut PageGeom, depth: usize) {
    let fonts = fonts(doc, res);
    let Ok(content) = Content::decode(content) else {
        return;
    };
    let mut st = State {
        ctm,
        font: None,
        size: 0.0,
        char_space: 0.0,
        word_space: 0.0,
        scale: 1.0,
        rise: 0.0,
    };
    let mut stack: Vec<State> = Vec::new();
    let (mut tm, mut tlm) = (ID, ID);
    let mut path: Vec<((f64, f64), (f64, f64))> = Vec::new();
    let mut current = (0.0, 0.0);
    let mut rects: Vec<[(f64, f64); 4]> = Vec::new();
    for op in content.operations {
        let a = &op.operands;
        match op.operator.as_str() {
            "q" => stack.push(st.clone()),
            "Q" => {
                if let Some(s) = stack.pop() {
                    st = s;
                }
            }
            "cm" => st.ctm = mul(&matrix(a), &st.ctm),
            "BT" => {
                tm = ID;
                tlm = ID;
            }
            "Tf" => {
                st.font = a.first().and_then(|o| o.as_name().ok()).map(<[u8]>::to_vec);
                st.size = a.get(1).map(num).unwrap_or(0.0);
            }
            "Tc" => st.char_space = a.first().map(num).unwrap_or(0.0),
            "Tw" => st.word_space = a.first().map(num).unwrap_or(0.0),
            "Tz" => st.scale = a.first().map(num).unwrap_or(100.0) / 100.0,
            "Ts" => st.rise = a.first().map(num).unwrap_or(0.0),
            "Tm" => {
                tm = matrix(a);
                tlm = tm;
            }
            "Td" | "TD" => {
                let t = [1.0, 0.0, 0.0, 1.0, num(&a[0]), num(&a[1])];
                tlm = mul(&t, &tlm);
                tm = tlm;
            }
            "Tj" | "TJ" => {
                let Some(font) = st.font.as_ref().and_then(|f| fonts.get(f)) else {
                    continue;
                };
                let items: Vec<&Object> = match a.first() {
                    Some(Object::Array(items)) => items.iter().collect(),
                    Some(o) => vec![o],
                    None => vec![],
                };
                for item in items {
                    match item {
                        Object::String(bytes, _) => {
                            let codes: Vec<u32> = if font.two_byte {
                                bytes
                                    .chunks(2)
                                    .map(|p| {
                                        if p.len() == 2 {
                                            (p[0] as u32) << 8 | p[1] as u32
                                        } else {
                                            p[0] as u32
                                        }
                                    })
                                    .collect()
                            } else {
                                bytes.iter().map(|b| *b as u32).collect()
                            };
                            for code in codes {
                                let w = font
                                    .widths
                                    .get(&code)
                                    .copied()
                                    .unwrap_or(font.default_width);
                                let trm = mul(
                                    &[st.size * st.scale, 0.0, 0.0, st.size, 0.0, st.rise],
                                    &mul(&tm, &st.ctm),
                                );
                                let (x0, y0) = apply(&trm, 0.0, -0.12);
                                let (x1, y1) = apply(&trm, w / 1000.0, 0.88);
                                let text = font.cmap.get(&code).cloned().unwrap_or_default();
                                if !text.trim().is_empty() {
                                    out.glyphs.push(GlyphBox {
                                        text,
                                        x0: x0.min(x1),
                                        x1: x0.max(x1),
                                        y0: y0.min(y1),
                                        y1: y0.max(y1),
                                    });
                                }
                                let space = if !font.two_byte && code == 32 {
                                    st.word_space
                                } else {
                                    0.0
                                };
                                let tx = (w / 1000.0 * st.size + st.char_space + space) * st.scale;
                                tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                            }
                        }
                        other => {
                            let tx = -num(other) / 1000.0 * st.size * st.scale;
                            tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                        }
                    }
                }
            }
            "m" => current = apply(&st.ctm, num(&a[0]), num(&a[1])),
            "l" => {
                let p = apply(&st.ctm, num(&a[0]), num(&a[1]));
                path.push((current, p));
                current = p;
            }
            "re" => {
                let (x, y, w, h) = (num(&a[0]), num(&a[1]), num(&a[2]), num(&a[3]));
                rects.push([
                    apply(&st.ctm, x, y),
                    apply(&st.ctm, x + w, y),
                    apply(&st.ctm, x + w, y + h),
                    apply(&st.ctm, x, y + h),
                ]);
            }
            "S" | "s" | "B" | "B*" | "b" | "b*" => {
                for (p, q) in path.drain(..) {
                    segment(out, p, q);
                }
                for r in rects.drain(..) {
                    for i in 0..4 {
                        segment(out, r[i], r[(i + 1) % 4]);
                    }
                }
            }
            "f" | "F" | "f*" => {
                path.clear();
                // A thin filled rectangle is a rule.
                for r in rects.drain(..) {
                    let xs = r.map(|p| p.0);
                    let ys = r.map(|p| p.1);
                    let (x0, x1) = (
                        xs.iter().cloned().fold(f64::MAX, f64::min),
                        xs.iter().cloned().fold(f64::MIN, f64::max),
                    );
                    let (y0, y1) = (
                        ys.iter().cloned().fold(f64::MAX, f64::min),
                        ys.iter().cloned().fold(f64::MIN, f64::max),
                    );
                    if x1 - x0 < 1.2 && y1 - y0 > 4.0 {
                        segment(out, ((x0 + x1) / 2.0, y0), ((x0 + x1) / 2.0, y1));
                    } else if y1 - y0 < 1.2 && x1 - x0 > 4.0 {
                        segment(out, (x0, (y0 + y1) / 2.0), (x1, (y0 + y1) / 2.0));
                    }
                }
            }
            "n" => {
                path.clear();
                rects.clear();
            }
            "Do" if depth < 8 => {
                let Some(name) = a.first().and_then(|o| o.as_name().ok()) else {
                    continue;
                };
                if let Some((dict, inner, bytes)) = form_xobject(doc, res, name) {
                    let m = dict
                        .get(b"Matrix")
                        .ok()
                        .and_then(|m| m.as_array().ok())
                        .map(|m| matrix(m))
                        .unwrap_or(ID);
                    run(doc, &bytes, &inner, mul(&m, &st.ctm), out, depth + 1);
                }
            }
            _ => {}
        }
    }
}

fn segment(out: &mut PageGeom, p: (f64, f64), q: (f64, f64)) {
    if (p.0 - q.0).abs() < 0.6 && (p.1 - q.1).abs() > 4.0 {
        out.vrules.push(Rule {
            at: (p.0 + q.0) / 2.0,
            from: p.1.min(q.1),
            to: p.1.max(q.1),
        });
    } else if (p.1 - q.1).abs() < 0.6 && (p.0 - q.0).abs() > 4.0 {
        out.hrules.push(Rule {
            at: (p.1 + q.1) / 2.0,
            from: p.0.min(q.0),
            to: p.0.max(q.0),
        });
    }
}

/// The glyph boxes and rules of every page.
pub fn pages(pdf: &[u8]) -> Vec<PageGeom> {
    map_pages(pdf, |doc, content, res| {
        let mut out = PageGeom::default();
        run(doc, content, res, ID, &mut out, 0);
        out
    })
}

/// CJK punctuation: half its em box is blank and may be trimmed at a line's end.
const PUNCT: &str = "（）()“”‘’《》〈〉「」『』【】、，。：；！？—…·";

/// Glyphs whose box straddles a vertical rule within the rule's height
/// (0.8 pt of side bearing tolerated), as (page index, text): the same test
/// as `../shared/tools/tablecheck.py`'s CROSS.
pub fn crossings(pages: &[PageGeom]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (p, page) in pages.iter().enumerate() {
        for g in &page.glyphs {
            if g.text.chars().all(|c| PUNCT.contains(c)) {
                continue;
            }
            let cy = (g.y0 + g.y1) / 2.0;
            if page.vrules.iter().any(|r| {
                r.from + 1.0 < cy && cy < r.to - 1.0 && g.x0 + 0.8 < r.at && r.at < g.x1 - 0.8
            }) {
                out.push((p, g.text.clone()));
            }
        }
    }
    out
}

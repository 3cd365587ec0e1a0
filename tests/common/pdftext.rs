//! Text extraction for the PDFs nianbao writes (lopdf's own extractor cannot
//! read the ToUnicode maps Typst writes): walks each page's content stream and
//! form XObjects, and maps glyph codes through the fonts' ToUnicode CMaps.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;

type CMap = HashMap<u32, String>;

fn hex_value(tok: &str) -> Option<u32> {
    u32::from_str_radix(tok.trim_matches(['<', '>']), 16).ok()
}

fn hex_string(tok: &str) -> String {
    let h = tok.trim_matches(['<', '>']);
    let units: Vec<u16> = (0..h.len() / 4)
        .filter_map(|i| u16::from_str_radix(&h[i * 4..i * 4 + 4], 16).ok())
        .collect();
    String::from_utf16_lossy(&units)
}

/// Parses the `bfchar`/`bfrange` sections of a ToUnicode CMap.
pub(crate) fn parse_cmap(text: &str) -> CMap {
    let mut map = CMap::new();
    let tokens: Vec<&str> = text
        .split(|c: char| c.is_whitespace())
        .filter(|t| !t.is_empty())
        .collect();
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i] {
            "beginbfchar" => {
                i += 1;
                while i + 1 < tokens.len() && tokens[i] != "endbfchar" {
                    if let Some(code) = hex_value(tokens[i]) {
                        map.insert(code, hex_string(tokens[i + 1]));
                    }
                    i += 2;
                }
            }
            "beginbfrange" => {
                i += 1;
                while i + 2 < tokens.len() && tokens[i] != "endbfrange" {
                    let (Some(lo), Some(hi)) = (hex_value(tokens[i]), hex_value(tokens[i + 1]))
                    else {
                        i += 1;
                        continue;
                    };
                    if tokens[i + 2].starts_with('[') {
                        let mut k = i + 2;
                        let mut code = lo;
                        loop {
                            let t = tokens[k].trim_matches(['[', ']']);
                            if !t.is_empty() {
                                map.insert(code, hex_string(t));
                                code += 1;
                            }
                            if tokens[k].ends_with(']') {
                                break;
                            }
                            k += 1;
                        }
                        i = k + 1;
                    } else {
                        let base = hex_string(tokens[i + 2]);
                        let mut chars: Vec<char> = base.chars().collect();
                        for code in lo..=hi {
                            map.insert(code, chars.iter().collect());
                            if let Some(last) = chars.last_mut() {
                                *last = char::from_u32(*last as u32 + 1).unwrap_or(*last);
                            }
                        }
                        i += 3;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    map
}

struct FontMap {
    two_byte: bool,
    cmap: CMap,
    /// The font's `BaseFont` name (`ABCDEF+NotoSerifCJKsc-Regular`).
    base: String,
}

/// An object, with a reference followed.
pub(crate) fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        other => other,
    }
}

/// How a font's glyph codes read: whether they are two bytes (a Type0
/// font), and its ToUnicode map.
pub(crate) fn font_codes(doc: &Document, font: &Dictionary) -> (bool, CMap) {
    let two_byte = font
        .get(b"Subtype")
        .and_then(|s| s.as_name())
        .map(|n| n == b"Type0")
        .unwrap_or(false);
    let cmap = font
        .get(b"ToUnicode")
        .ok()
        .map(|t| deref(doc, t))
        .and_then(|o| o.as_stream().ok())
        .and_then(|s| {
            s.decompressed_content()
                .ok()
                .or_else(|| Some(s.content.clone()))
        })
        .map(|bytes| parse_cmap(&String::from_utf8_lossy(&bytes)))
        .unwrap_or_default();
    (two_byte, cmap)
}

fn fonts_of(doc: &Document, resources: &Dictionary) -> HashMap<Vec<u8>, FontMap> {
    let mut out = HashMap::new();
    let Ok(fonts) = resources.get(b"Font").map(|f| deref(doc, f)) else {
        return out;
    };
    let Ok(fonts) = fonts.as_dict() else {
        return out;
    };
    for (name, f) in fonts.iter() {
        let Ok(font) = deref(doc, f).as_dict() else {
            continue;
        };
        let (two_byte, cmap) = font_codes(doc, font);
        let base = font
            .get(b"BaseFont")
            .ok()
            .and_then(|b| b.as_name().ok())
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        out.insert(
            name.clone(),
            FontMap {
                two_byte,
                cmap,
                base,
            },
        );
    }
    out
}

fn decode(bytes: &[u8], font: Option<&FontMap>, out: &mut String) {
    let Some(font) = font else { return };
    if font.two_byte {
        for pair in bytes.chunks(2) {
            let code = if pair.len() == 2 {
                (pair[0] as u32) << 8 | pair[1] as u32
            } else {
                pair[0] as u32
            };
            if let Some(s) = font.cmap.get(&code) {
                out.push_str(s);
            }
        }
    } else {
        for b in bytes {
            match font.cmap.get(&(*b as u32)) {
                Some(s) => out.push_str(s),
                None => out.push(*b as char),
            }
        }
    }
}

fn run(doc: &Document, content: &[u8], resources: &Dictionary, out: &mut String, depth: usize) {
    let fonts = fonts_of(doc, resources);
    let Ok(content) = Content::decode(content) else {
        return;
    };
    let mut current: Option<Vec<u8>> = None;
    for op in content.operations {
        match op.operator.as_str() {
            "Tf" => {
                current = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .map(|n| n.to_vec())
            }
            "Tj" | "'" | "\"" => {
                if let Some(Object::String(s, _)) = op.operands.last() {
                    decode(s, current.as_ref().and_then(|c| fonts.get(c)), out);
                }
            }
            "TJ" => {
                if let Some(Object::Array(items)) = op.operands.first() {
                    for it in items {
                        if let Object::String(s, _) = it {
                            decode(s, current.as_ref().and_then(|c| fonts.get(c)), out);
                        }
                    }
                }
            }
            "ET" => out.push('\n'),
            "Do" if depth < 8 => {
                let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
                    continue;
                };
                if let Some((_, res, bytes)) = form_xobject(doc, resources, name) {
                    run(doc, &bytes, &res, out, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// The form XObject `Do name` draws, if it is one: (its dictionary, its
/// resources — the caller's when it has none —, its content).
pub(crate) fn form_xobject(
    doc: &Document,
    resources: &Dictionary,
    name: &[u8],
) -> Option<(Dictionary, Dictionary, Vec<u8>)> {
    let stream = resources
        .get(b"XObject")
        .ok()
        .map(|x| deref(doc, x))
        .and_then(|x| x.as_dict().ok())
        .and_then(|x| x.get(name).ok())
        .map(|x| deref(doc, x))
        .and_then(|x| x.as_stream().ok())?;
    let form = stream
        .dict
        .get(b"Subtype")
        .and_then(|s| s.as_name())
        .map(|n| n == b"Form")
        .unwrap_or(false);
    if !form {
        return None;
    }
    let inner = stream
        .dict
        .get(b"Resources")
        .ok()
        .map(|r| deref(doc, r))
        .and_then(|r| r.as_dict().ok())
        .cloned()
        .unwrap_or_else(|| resources.clone());
    let bytes = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    Some((stream.dict.clone(), inner, bytes))
}

/// A page's resources, with those it inherits.
fn page_resources(doc: &Document, page: ObjectId) -> Dictionary {
    let (own, inherited) = doc.get_page_resources(page).unwrap_or((None, vec![]));
    let mut res = own.cloned().unwrap_or_default();
    for id in inherited {
        if let Ok(d) = doc.get_dictionary(id) {
            for (k, v) in d.iter() {
                if !res.has(k) {
                    res.set(k.clone(), v.clone());
                }
            }
        }
    }
    res
}

/// `f` on every page of a PDF: (the document, the page's content, its
/// resources).
pub(crate) fn map_pages<T>(
    pdf: &[u8],
    mut f: impl FnMut(&Document, &[u8], &Dictionary) -> T,
) -> Vec<T> {
    let doc = Document::load_mem(pdf).expect("a readable PDF");
    doc.get_pages()
        .values()
        .map(|&id| {
            let content = doc.get_page_content(id).unwrap_or_default();
            let res = page_resources(&doc, id);
            f(&doc, &content, &res)
        })
        .collect()
}

/// The text of every page of a PDF.
pub fn pages(pdf: &[u8]) -> Vec<String> {
    map_pages(pdf, |doc, content, res| {
        let mut out = String::new();
        run(doc, content, res, &mut out, 0);
        out
    })
}

/// A run of text as set: its page, type size (pt), font, height on the page
/// (pt from the bottom) and text.
#[derive(Debug, Clone)]
pub struct TextRun {
    pub page: usize,
    pub size: f32,
    pub font: String,
    pub y: f32,
    pub text: String,
}

/// Every run of text on every page with its type size, font and height.
/// Typst sets each run with its real size (`Tf`) after moving to its place
/// (`cm`).
pub fn sized_runs(pdf: &[u8]) -> Vec<TextRun> {
    let doc = Document::load_mem(pdf).expect("a readable PDF");
    let mut out = Vec::new();
    for (page, &id) in doc.get_pages().values().enumerate() {
        let content = doc.get_page_content(id).unwrap_or_default();
        let res = page_resources(&doc, id);
        let fonts = fonts_of(&doc, &res);
        let Ok(content) = Content::decode(&content) else {
            continue;
        };
        let (mut font, mut size, mut y): (Option<Vec<u8>>, f32, f32) = (None, 0.0, 0.0);
        let num = |o: &Object| {
            o.as_float()
                .ok()
                .or_else(|| o.as_i64().ok().map(|i| i as f32))
        };
        for op in content.operations {
            match op.operator.as_str() {
                "cm" => {
                    if let Some(f) = op.operands.get(5).and_then(num) {
                        y = f;
                    }
                }
                "Tf" => {
                    font = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .map(|n| n.to_vec());
                    size = op
                        .operands
                        .get(1)
                        .and_then(|o| {
                            o.as_float()
                                .ok()
                                .or_else(|| o.as_i64().ok().map(|i| i as f32))
                        })
                        .unwrap_or(0.0);
                }
                "Tj" | "TJ" => {
                    let mut text = String::new();
                    let strings: Vec<&Object> = match op.operands.first() {
                        Some(Object::Array(items)) => items.iter().collect(),
                        Some(o) => vec![o],
                        None => vec![],
                    };
                    for o in strings {
                        if let Object::String(s, _) = o {
                            decode(s, font.as_ref().and_then(|c| fonts.get(c)), &mut text);
                        }
                    }
                    let font_name = font
                        .as_ref()
                        .and_then(|f| fonts.get(f))
                        .map(|f| f.base.clone())
                        .unwrap_or_default();
                    out.push(TextRun {
                        page,
                        size,
                        font: font_name,
                        y,
                        text,
                    });
                }
                _ => {}
            }
        }
    }
    out
}

//! Text widths from real font metrics: the bundled face of each role (read
//! with `ttf-parser`), never narrower than Times New Roman for Latin text —
//! the DOCX names Times New Roman for Latin, and LibreOffice draws it with
//! the metric-compatible Liberation Serif — so a width that holds in one
//! output holds in the other.

use crate::model::house::FontRole;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

/// Advance widths of one face, in em, cached per character.
struct Face {
    data: &'static [u8],
    cache: Mutex<HashMap<char, Option<f64>>>,
}

impl Face {
    fn advance(&self, c: char) -> Option<f64> {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        *cache.entry(c).or_insert_with(|| {
            let face = ttf_parser::Face::parse(self.data, 0).ok()?;
            let gid = face.glyph_index(c)?;
            let adv = face.glyph_hor_advance(gid)?;
            Some(f64::from(adv) / f64::from(face.units_per_em()))
        })
    }
}

fn face(file_prefix: &str) -> Option<&'static Face> {
    static FACES: OnceLock<Vec<(&'static str, Face)>> = OnceLock::new();
    let faces = FACES.get_or_init(|| {
        crate::fonts::EMBEDDED_FONTS
            .iter()
            .map(|(name, data)| {
                (
                    *name,
                    Face {
                        data,
                        cache: Mutex::new(HashMap::new()),
                    },
                )
            })
            .collect()
    });
    faces
        .iter()
        .find(|(n, _)| n.starts_with(file_prefix))
        .map(|(_, f)| f)
}

/// The bundled face files a role is drawn with, first choice first.
fn faces_of(role: FontRole, bold: bool) -> &'static [&'static str] {
    match (role, bold) {
        (FontRole::Hei, false) => &["NotoSansCJKsc-Regular", "NotoSerifCJKsc-Regular"],
        (FontRole::Hei, true) => &["NotoSansCJKsc-Bold", "NotoSansCJKsc-Regular"],
        (FontRole::Kai, _) => &["LXGWWenKai", "NotoSerifCJKsc-Regular"],
        (FontRole::Fang, _) => &["FandolFang", "NotoSerifCJKsc-Regular"],
        (_, true) => &["NotoSerifCJKsc-Bold", "NotoSerifCJKsc-Regular"],
        (_, false) => &["NotoSerifCJKsc-Regular"],
    }
}

/// Times New Roman's advance widths (in em) for printable ASCII, rounded up.
fn times_advance(c: char) -> f64 {
    match c {
        '0'..='9' => 0.5,
        ' ' | '.' | ',' | ':' | ';' | '\'' => 0.28,
        '%' => 0.84,
        '-' | '(' | ')' | '[' | ']' | '/' | '\\' | '!' | '"' => 0.34,
        '+' | '=' | '<' | '>' | '~' | '#' | '$' | '*' | '^' => 0.57,
        '@' => 0.93,
        '&' | 'M' | 'W' | 'm' => 0.95,
        'A'..='Z' => 0.73,
        'a'..='z' => 0.56,
        _ => 0.6,
    }
}

pub use crate::cjk::is_wide;

/// The width of `text` set in `role` at `size_pt` (bold for heads), in pt.
pub fn width(text: &str, role: FontRole, size_pt: f64, bold: bool) -> f64 {
    let faces = faces_of(role, bold);
    let em: f64 = text
        .chars()
        .map(|c| {
            let measured = faces
                .iter()
                .filter_map(|f| face(f))
                .find_map(|f| f.advance(c));
            match (c.is_ascii(), measured) {
                (true, Some(m)) => m.max(times_advance(c)),
                (true, None) => times_advance(c),
                (false, Some(m)) => m,
                (false, None) if is_wide(c) => 1.0,
                (false, None) => 0.6,
            }
        })
        .sum();
    // Typst puts a quarter em between CJK and Latin letters or digits
    // (`cjk-latin-spacing`), as Word and LibreOffice do (autospace):
    // `2024年` is a quarter em wider than its glyphs.
    let chars: Vec<char> = text.chars().collect();
    let joints = chars
        .windows(2)
        .filter(|w| {
            let cjk = |c: char| is_wide(c) && c.is_alphabetic();
            (cjk(w[0]) && w[1].is_ascii_alphanumeric())
                || (w[0].is_ascii_alphanumeric() && cjk(w[1]))
        })
        .count();
    let em = em + 0.25 * joints as f64;
    // Synthetic bold (a thin stroke, or Word's emboldening) widens a little.
    em * size_pt * if bold { 1.04 } else { 1.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quarter_em_between_cjk_and_digits() {
        let year = width("2024年", FontRole::Fang, 12.0, false);
        let parts =
            width("2024", FontRole::Fang, 12.0, false) + width("年", FontRole::Fang, 12.0, false);
        assert!((year - parts - 3.0).abs() < 0.01, "{year} vs {parts}");
        assert_eq!(width("合计", FontRole::Fang, 12.0, false), 24.0);
    }

    #[test]
    fn cjk_is_one_em_and_digits_at_least_times() {
        let w = width("合计", FontRole::Song, 10.0, false);
        assert!((w - 20.0).abs() < 0.5, "{w}");
        let d = width("2020", FontRole::Fang, 10.0, false);
        assert!((20.0..28.0).contains(&d), "{d}");
        assert!(
            width("67.96%", FontRole::Song, 10.0, false)
                > width("6796", FontRole::Song, 10.0, false)
        );
        assert!(
            width("合计", FontRole::Song, 10.0, true) > width("合计", FontRole::Song, 10.0, false)
        );
    }
}

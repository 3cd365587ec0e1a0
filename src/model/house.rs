//! The layout spec: one house style as data (`templates/house/<name>.toml`).
//!
//! Every layout value both outputs share lives here: page and margins, type
//! faces and sizes per role, line pitch, heading looks, caption words and
//! separator, the fixed titles, case-box colours, list markers and the
//! cover's geometry. The Typst backend generates its `style.typ` from it,
//! the DOCX backend its styles and measurements, and the validators the text
//! width; a value changed in the file changes both outputs.

use super::HouseStyle;
use crate::i18n::msg;
use serde::{Deserialize, Serialize};

/// The built-in spec files: (house style, file name, text).
pub const BUILT_IN: &[(HouseStyle, &str, &str)] = &[
    (
        HouseStyle::Gongwen,
        "gongwen.toml",
        include_str!("../../templates/house/gongwen.toml"),
    ),
    (
        HouseStyle::Report,
        "report.toml",
        include_str!("../../templates/house/report.toml"),
    ),
];

/// The file name of a house style's spec (`gongwen.toml`).
pub fn file_name(style: HouseStyle) -> &'static str {
    BUILT_IN
        .iter()
        .find(|(s, _, _)| *s == style)
        .map(|(_, n, _)| *n)
        .unwrap_or("gongwen.toml")
}

/// The built-in spec of a house style.
pub fn built_in(style: HouseStyle) -> HouseSpec {
    let text = BUILT_IN
        .iter()
        .find(|(s, _, _)| *s == style)
        .map(|(_, _, t)| *t)
        .unwrap_or(BUILT_IN[0].2);
    parse(text).expect("the built-in house styles parse")
}

/// Parses a spec file; the error names the key and line.
pub fn parse(text: &str) -> Result<HouseSpec, String> {
    let spec: HouseSpec = toml::from_str(text).map_err(|e| e.to_string())?;
    spec.check()?;
    Ok(spec)
}

/// A type face role; each backend maps it to real faces (Typst through
/// `templates/typst/fonts.typ`, the DOCX through [`FontRole::docx_face`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FontRole {
    Song,
    Hei,
    Kai,
    Fang,
    Title,
}

impl FontRole {
    /// The role's name in the Typst templates (`nb-font("fang")`).
    pub const fn name(self) -> &'static str {
        match self {
            FontRole::Song => "song",
            FontRole::Hei => "hei",
            FontRole::Kai => "kai",
            FontRole::Fang => "fang",
            FontRole::Title => "title",
        }
    }

    /// The official face a DOCX names for the role (Word and WPS substitute
    /// what the machine has).
    pub const fn docx_face(self) -> &'static str {
        match self {
            FontRole::Song => "宋体",
            FontRole::Hei => "黑体",
            FontRole::Kai => "楷体",
            FontRole::Fang => "仿宋",
            FontRole::Title => "方正小标宋简体",
        }
    }
}

/// A face, a size and a weight.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Look {
    pub font: FontRole,
    pub size_pt: f64,
    #[serde(default)]
    pub bold: bool,
}

/// One house style.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HouseSpec {
    pub page: Page,
    pub body: Body,
    pub sizes: Sizes,
    pub tables: Tables,
    /// Level 1: the chapter title.
    pub chapter_title: Look,
    /// Levels 2, 3 and 4.
    pub headings: [Look; 3],
    /// Headings inside a case (`##`, `###`, `####`), unnumbered; when a
    /// project's copy of the file has none, the section headings' looks.
    #[serde(default)]
    pub case_headings: Option<[Look; 3]>,
    pub heading_numbers: HeadingNumbers,
    pub page_number: PageNumber,
    pub captions: Captions,
    pub titles: Titles,
    pub case_box: CaseBox,
    pub lists: Lists,
    pub cover: Cover,
}

/// The A4 page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub margin_mm: Margins,
    /// Odd and even pages mirror the binding margin.
    pub mirror: bool,
    /// DOCX: header distance from the paper edge.
    pub header_distance_mm: f64,
    /// DOCX: footer distance from the paper edge.
    pub footer_distance_mm: f64,
}

/// Page margins in mm; `inside` is the binding side.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Margins {
    pub top: f64,
    pub bottom: f64,
    pub inside: f64,
    pub outside: f64,
}

/// Body text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub font: FontRole,
    pub size_pt: f64,
    /// Baseline to baseline.
    pub line_pitch_pt: f64,
    pub line_rule: LineRule,
}

/// How the DOCX states the line pitch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineRule {
    /// Every line exactly at the pitch (公文's fixed grid).
    Exact,
    /// A multiple of the face's single line (1.3 × the size).
    Auto,
}

/// Type sizes of the other roles, in pt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sizes {
    pub table_pt: f64,
    pub table_small_pt: f64,
    pub caption_pt: f64,
    pub case_title_pt: f64,
    pub header_pt: f64,
    pub toc_pt: f64,
}

/// Table cells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tables {
    /// Space between a cell's side rules and its text, pt.
    pub cell_inset_pt: f64,
}

/// Where heading lines start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadingNumbers {
    /// Levels 2–4 start this many characters in.
    pub indent_chars: f64,
}

/// The page number in the footer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageNumber {
    pub style: PageNumberStyle,
    pub font: FontRole,
    pub size_pt: f64,
    /// At the outer side one character in; otherwise centred.
    pub outer: bool,
}

/// `— 1 —` or `1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageNumberStyle {
    Dash,
    Plain,
}

/// The words before caption numbers and the separator before the title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Captions {
    pub table: String,
    pub figure: String,
    pub case: String,
    pub separator: String,
}

/// The fixed titles of the report's parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Titles {
    pub preface: String,
    pub contents: String,
    pub tables: String,
    pub figures: String,
    pub cases: String,
    pub appendix: String,
}

/// The box around a case study.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseBox {
    /// `#rrggbb`.
    pub fill: String,
    /// `#rrggbb`, the rules above and below.
    pub rule: String,
    pub rule_pt: f64,
}

/// Bullet lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lists {
    /// Markers by nesting level, repeating.
    pub markers: Vec<String>,
}

/// The cover's lines and gaps from the top, and the space below the last.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cover {
    pub top_mm: f64,
    pub region: Look,
    pub title_gap_mm: f64,
    pub title: Look,
    pub year_gap_mm: f64,
    pub year: Look,
    pub image_gap_mm: f64,
    /// The photo's width as a share of the type area.
    pub image_width: f64,
    /// The photo across the whole page width instead, into the bleed of the
    /// print shop's PDF (at most 110 mm high; a taller one is cropped). The
    /// DOCX keeps the photo in the type area.
    #[serde(default)]
    pub image_bleed: bool,
    pub compiler: Look,
    pub date_gap_mm: f64,
    pub date: Look,
    pub bottom_mm: f64,
}

/// A4 in mm.
pub const PAGE_MM: (f64, f64) = (210.0, 297.0);

impl HouseSpec {
    /// Width of the type area in portrait, mm.
    pub fn text_width_mm(&self) -> f64 {
        PAGE_MM.0 - self.page.margin_mm.inside - self.page.margin_mm.outside
    }

    /// The looks of the headings inside a case, levels 2 to 4.
    pub fn case_heading_looks(&self) -> [Look; 3] {
        self.case_headings.unwrap_or(self.headings)
    }

    /// The caption word of a kind of numbered block.
    pub fn caption_word(&self, kind: super::NumberKind) -> &str {
        match kind {
            super::NumberKind::Table => &self.captions.table,
            super::NumberKind::Figure => &self.captions.figure,
            super::NumberKind::Case => &self.captions.case,
        }
    }

    /// Checks the values serde cannot: positive sizes, colours, markers.
    fn check(&self) -> Result<(), String> {
        let m = &self.page.margin_mm;
        let mut sizes = vec![
            ("body.size_pt", self.body.size_pt),
            ("body.line_pitch_pt", self.body.line_pitch_pt),
            ("sizes.table_pt", self.sizes.table_pt),
            ("sizes.table_small_pt", self.sizes.table_small_pt),
            ("sizes.caption_pt", self.sizes.caption_pt),
            ("sizes.case_title_pt", self.sizes.case_title_pt),
            ("sizes.header_pt", self.sizes.header_pt),
            ("sizes.toc_pt", self.sizes.toc_pt),
            ("chapter_title.size_pt", self.chapter_title.size_pt),
            ("page_number.size_pt", self.page_number.size_pt),
            ("case_box.rule_pt", self.case_box.rule_pt),
            ("tables.cell_inset_pt", self.tables.cell_inset_pt),
            ("cover.image_width", self.cover.image_width),
        ];
        for (i, h) in self.headings.iter().enumerate() {
            sizes.push((["headings[0]", "headings[1]", "headings[2]"][i], h.size_pt));
        }
        for (i, h) in self.case_headings.iter().flatten().enumerate() {
            sizes.push((
                ["case_headings[0]", "case_headings[1]", "case_headings[2]"][i],
                h.size_pt,
            ));
        }
        for (key, v) in sizes {
            if !(v.is_finite() && v > 0.0 && v <= 200.0) {
                return Err(msg::render::house_not_positive(key, v));
            }
        }
        let lengths = [
            ("page.margin_mm.top", m.top),
            ("page.margin_mm.bottom", m.bottom),
            ("page.margin_mm.inside", m.inside),
            ("page.margin_mm.outside", m.outside),
            (
                "heading_numbers.indent_chars",
                self.heading_numbers.indent_chars,
            ),
            ("cover.top_mm", self.cover.top_mm),
            ("cover.bottom_mm", self.cover.bottom_mm),
        ];
        for (key, v) in lengths {
            if !(v.is_finite() && (0.0..=100.0).contains(&v)) {
                return Err(msg::render::house_length_range(key, v));
            }
        }
        if self.text_width_mm() < 80.0 || m.top + m.bottom > PAGE_MM.1 - 100.0 {
            return Err(msg::render::house_margins_too_wide());
        }
        for (key, c) in [
            ("case_box.fill", &self.case_box.fill),
            ("case_box.rule", &self.case_box.rule),
        ] {
            let ok =
                c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|x| x.is_ascii_hexdigit());
            if !ok {
                return Err(msg::render::house_colour(key, c));
            }
        }
        if self.lists.markers.is_empty() || self.lists.markers.iter().any(|s| s.is_empty()) {
            return Err(msg::render::house_markers());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_styles_parse_and_measure_as_before() {
        let g = built_in(HouseStyle::Gongwen);
        assert_eq!(g.text_width_mm(), 156.0);
        let r = built_in(HouseStyle::Report);
        assert!((r.text_width_mm() - 146.4).abs() < 1e-9);
    }

    #[test]
    fn bad_values_are_named() {
        let text = BUILT_IN[0]
            .2
            .replace("size_pt = 16\n# 225", "size_pt = -1\n# 225");
        assert!(parse(&text).unwrap_err().contains("body.size_pt"));
        let text = BUILT_IN[0]
            .2
            .replace("fill = \"#f3f6fa\"", "fill = \"blue\"");
        assert!(parse(&text).unwrap_err().contains("case_box.fill"));
        let text = BUILT_IN[0].2.replace("font = \"kai\"", "font = \"comic\"");
        assert!(parse(&text).is_err());
    }
}

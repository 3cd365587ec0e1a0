//! The house styles (`gongwen`, `report`) as DOCX measurements, and the
//! style/settings/font parts filled in from the templates in `templates/docx/`.

use crate::model::HouseSpec;
use crate::model::house::{FontRole, LineRule, Look, PageNumberStyle};

/// The Latin face paired with every East Asian role.
pub const LATIN: &str = "Times New Roman";
/// Font roles, as named in the font table.
pub const HEI: &str = FontRole::Hei.docx_face();
pub const KAI: &str = FontRole::Kai.docx_face();
pub const FANG: &str = FontRole::Fang.docx_face();
pub const TITLE: &str = FontRole::Title.docx_face();

/// One heading level's look.
#[derive(Debug, Clone, Copy)]
pub struct HeadingLook {
    pub font: &'static str,
    /// Half-points.
    pub size: u32,
    pub bold: bool,
}

/// Page geometry and type sizes of a house style, in the DOCX's units
/// (lengths in twips, sizes in half-points), all computed from the layout
/// spec ([`HouseSpec`]) the PDF is made from too.
#[derive(Debug, Clone)]
pub struct House {
    pub body_font: &'static str,
    pub body_size: u32,
    /// `w:line`/`w:lineRule` attributes of body text.
    pub line: String,
    pub table_size: u32,
    pub table_small_size: u32,
    pub caption_size: u32,
    pub case_title_size: u32,
    /// Levels 1–4 (level 1 is the chapter title).
    pub headings: [HeadingLook; 4],
    /// Headings inside a case, levels 2–4.
    pub case_headings: [HeadingLook; 3],
    /// Levels 2–4 start this many characters in.
    pub heading_indent_chars: f64,
    pub margin_top: u32,
    pub margin_bottom: u32,
    /// Binding side (left on odd pages when mirrored).
    pub margin_inside: u32,
    pub margin_outside: u32,
    pub mirror: bool,
    pub header_distance: u32,
    pub footer_distance: u32,
    /// `— 1 —` at the outer side (otherwise a centred plain number).
    pub dash_page_numbers: bool,
    pub page_number_size: u32,
    pub header_size: u32,
    pub toc_size: u32,
}

/// A4 in twips.
pub const PAGE_W: u32 = 11906;
pub const PAGE_H: u32 = 16838;

/// Millimetres → twips.
pub fn twips(mm: f64) -> u32 {
    (mm * 1440.0 / 25.4).round() as u32
}

/// Points → half-points.
pub fn half_points(pt: f64) -> u32 {
    (pt * 2.0).round() as u32
}

/// EMU per twip.
pub const EMU_PER_TWIP: u64 = 635;

fn look(l: &Look) -> HeadingLook {
    HeadingLook {
        font: l.font.docx_face(),
        size: half_points(l.size_pt),
        bold: l.bold,
    }
}

impl House {
    /// The measurements of a house style's spec.
    pub fn of(spec: &HouseSpec) -> House {
        let body = &spec.body;
        let line = match body.line_rule {
            LineRule::Exact => format!(
                r#"w:line="{}" w:lineRule="exact""#,
                (body.line_pitch_pt * 20.0).round() as u32
            ),
            // Word's single line is about 1.3 × the size; 240 = one line.
            LineRule::Auto => format!(
                r#"w:line="{}" w:lineRule="auto""#,
                (body.line_pitch_pt / (1.3 * body.size_pt) * 240.0).round() as u32
            ),
        };
        let m = &spec.page.margin_mm;
        let s = &spec.sizes;
        House {
            body_font: body.font.docx_face(),
            body_size: half_points(body.size_pt),
            line,
            table_size: half_points(s.table_pt),
            table_small_size: half_points(s.table_small_pt),
            caption_size: half_points(s.caption_pt),
            case_title_size: half_points(s.case_title_pt),
            headings: [
                look(&spec.chapter_title),
                look(&spec.headings[0]),
                look(&spec.headings[1]),
                look(&spec.headings[2]),
            ],
            case_headings: spec.case_heading_looks().map(|l| look(&l)),
            heading_indent_chars: spec.heading_numbers.indent_chars,
            margin_top: twips(m.top),
            margin_bottom: twips(m.bottom),
            margin_inside: twips(m.inside),
            margin_outside: twips(m.outside),
            mirror: spec.page.mirror,
            header_distance: twips(spec.page.header_distance_mm),
            footer_distance: twips(spec.page.footer_distance_mm),
            dash_page_numbers: spec.page_number.style == PageNumberStyle::Dash,
            page_number_size: half_points(spec.page_number.size_pt),
            header_size: half_points(s.header_pt),
            toc_size: half_points(s.toc_pt),
        }
    }

    /// Width of the type area in portrait, twips.
    pub fn text_width(&self) -> u32 {
        PAGE_W - self.margin_inside - self.margin_outside
    }

    /// Height of the type area in portrait, twips.
    pub fn text_height(&self) -> u32 {
        PAGE_H - self.margin_top - self.margin_bottom
    }

    /// Width of the type area on a landscape page, twips.
    pub fn landscape_text_width(&self) -> u32 {
        PAGE_H - self.margin_inside - self.margin_outside
    }

    /// One character of body text, twips (the first-line indent is two).
    pub fn char_width(&self) -> u32 {
        self.body_size * 10
    }

    /// `word/styles.xml`.
    pub fn styles_xml(&self) -> String {
        let bold = |b: bool| if b { "<w:b/><w:bCs/>" } else { "" };
        let hind = if self.heading_indent_chars > 0.0 {
            format!(
                r#"<w:ind w:firstLine="{}" w:firstLineChars="{}"/>"#,
                (self.heading_indent_chars * self.char_width() as f64).round() as u32,
                (self.heading_indent_chars * 100.0).round() as u32
            )
        } else {
            String::new()
        };
        let mut vars: Vec<(String, String)> = vec![
            ("LATIN".into(), LATIN.into()),
            ("BODY_FONT".into(), self.body_font.into()),
            ("BODY_SZ".into(), self.body_size.to_string()),
            ("LINE".into(), self.line.clone()),
            ("INDENT".into(), (2 * self.char_width()).to_string()),
            ("H1_AFTER".into(), (self.headings[0].size * 15).to_string()),
            ("HIND".into(), hind),
            ("TABLE_SZ".into(), self.table_size.to_string()),
            ("SMALL_SZ".into(), self.table_small_size.to_string()),
            ("CAPTION_SZ".into(), self.caption_size.to_string()),
            ("CASE_SZ".into(), self.case_title_size.to_string()),
            ("TOC_SZ".into(), self.toc_size.to_string()),
            // Wrapped entries of the lists hang under their caption text,
            // after a number such as `表 1-1　` (about 4.5 em).
            ("TOF_HANG".into(), (self.toc_size * 45).to_string()),
            ("HEADER_SZ".into(), self.header_size.to_string()),
            ("PAGENUM_SZ".into(), self.page_number_size.to_string()),
            ("TEXTW".into(), self.text_width().to_string()),
            ("TEAM_IND".into(), (self.body_size * 65).to_string()),
        ];
        for (i, h) in self.headings.iter().enumerate() {
            let n = i + 1;
            vars.push((format!("H{n}_FONT"), h.font.into()));
            vars.push((format!("H{n}_SZ"), h.size.to_string()));
            vars.push((format!("H{n}_B"), bold(h.bold).into()));
            // Heading n is level n-1 of the heading list (word/numbering.xml).
            vars.push((
                format!("H{n}_NUM"),
                format!(
                    r#"<w:numPr><w:ilvl w:val="{}"/><w:numId w:val="{}"/></w:numPr>"#,
                    n - 1,
                    super::numbering::HEADING_NUM_ID
                ),
            ));
        }
        for lvl in 2..=4u32 {
            vars.push((
                format!("TOC_IND{lvl}"),
                (self.toc_size * 15 * (lvl - 1)).to_string(),
            ));
        }
        fill(include_str!("../../../templates/docx/styles.xml"), &vars)
    }

    /// `word/settings.xml`.
    pub fn settings_xml(&self) -> String {
        let on = |b: bool, el: &str| if b { el.to_string() } else { String::new() };
        fill(
            include_str!("../../../templates/docx/settings.xml"),
            &[
                ("MIRROR".into(), on(self.mirror, "<w:mirrorMargins/>")),
                (
                    "EVENODD".into(),
                    on(self.dash_page_numbers, "<w:evenAndOddHeaders/>"),
                ),
            ],
        )
    }
}

/// `word/fontTable.xml`.
pub const FONT_TABLE: &str = include_str!("../../../templates/docx/fontTable.xml");
/// `word/theme/theme1.xml`.
pub const THEME: &str = include_str!("../../../templates/docx/theme1.xml");

/// Replaces every `@@NAME@@` in a template. The values are nianbao's own
/// constants, never user text.
fn fill(template: &str, vars: &[(String, String)]) -> String {
    let mut s = template.to_string();
    for (k, v) in vars {
        s = s.replace(&format!("@@{k}@@"), v);
    }
    debug_assert!(!s.contains("@@"), "unfilled template variable");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::HouseStyle;
    use crate::model::house::built_in;

    #[test]
    fn templates_are_completely_filled() {
        for house in [HouseStyle::Gongwen, HouseStyle::Report] {
            let h = House::of(&built_in(house));
            assert!(!h.styles_xml().contains("@@"));
            assert!(!h.settings_xml().contains("@@"));
        }
    }

    #[test]
    fn measurements_follow_the_spec() {
        let g = House::of(&built_in(HouseStyle::Gongwen));
        assert_eq!(g.line, r#"w:line="580" w:lineRule="exact""#);
        assert_eq!(
            (g.margin_top, g.margin_inside, g.margin_outside),
            (2098, 1587, 1474)
        );
        assert_eq!((g.headings[0].font, g.headings[0].size), (TITLE, 44));
        let r = House::of(&built_in(HouseStyle::Report));
        assert_eq!(r.line, r#"w:line="360" w:lineRule="auto""#);
        assert_eq!((r.header_distance, r.footer_distance), (851, 992));
    }
}

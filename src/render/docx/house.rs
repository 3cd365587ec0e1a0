//! The house styles (`gongwen`, `report`) as DOCX measurements, and the
//! style/settings/font parts filled in from the templates in `templates/docx/`.

use crate::model::{HouseStyle, Style};

/// The Latin face paired with every East Asian role.
pub const LATIN: &str = "Times New Roman";
/// Font roles, as named in the font table.
pub const SONG: &str = "宋体";
pub const HEI: &str = "黑体";
pub const KAI: &str = "楷体";
pub const FANG: &str = "仿宋";
pub const TITLE: &str = "方正小标宋简体";

/// One heading level's look.
#[derive(Debug, Clone, Copy)]
pub struct HeadingLook {
    pub font: &'static str,
    /// Half-points.
    pub size: u32,
    pub bold: bool,
}

/// Page geometry and type sizes of a house style. Lengths in twips, sizes in
/// half-points.
#[derive(Debug, Clone)]
pub struct House {
    pub body_font: &'static str,
    pub body_size: u32,
    /// `w:line`/`w:lineRule` attributes of body text.
    pub line: &'static str,
    pub table_size: u32,
    pub table_small_size: u32,
    pub caption_size: u32,
    pub case_title_size: u32,
    /// Levels 1–4 (level 1 is the chapter title).
    pub headings: [HeadingLook; 4],
    pub heading_indent: bool,
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

impl House {
    /// The measurements of the document's house style.
    pub fn of(style: &Style) -> House {
        match style.house {
            HouseStyle::Gongwen => House {
                body_font: FANG,
                body_size: 32,
                // 225 mm / 22 lines = 28.99 pt.
                line: r#"w:line="580" w:lineRule="exact""#,
                table_size: 24,
                table_small_size: 21,
                caption_size: 28,
                case_title_size: 32,
                headings: [
                    HeadingLook {
                        font: TITLE,
                        size: 44,
                        bold: true,
                    },
                    HeadingLook {
                        font: KAI,
                        size: 32,
                        bold: true,
                    },
                    HeadingLook {
                        font: FANG,
                        size: 32,
                        bold: true,
                    },
                    HeadingLook {
                        font: FANG,
                        size: 32,
                        bold: false,
                    },
                ],
                heading_indent: true,
                margin_top: 2098,
                margin_bottom: 1984,
                margin_inside: 1587,
                margin_outside: 1474,
                mirror: true,
                header_distance: 1134,
                footer_distance: 1304,
                dash_page_numbers: true,
                page_number_size: 28,
                header_size: 21,
                toc_size: 28,
            },
            HouseStyle::Report => House {
                body_font: SONG,
                body_size: 24,
                line: r#"w:line="360" w:lineRule="auto""#,
                table_size: 21,
                table_small_size: 18,
                caption_size: 21,
                case_title_size: 24,
                headings: [
                    HeadingLook {
                        font: HEI,
                        size: 32,
                        bold: false,
                    },
                    HeadingLook {
                        font: HEI,
                        size: 28,
                        bold: false,
                    },
                    HeadingLook {
                        font: HEI,
                        size: 24,
                        bold: false,
                    },
                    HeadingLook {
                        font: SONG,
                        size: 24,
                        bold: true,
                    },
                ],
                heading_indent: false,
                margin_top: 1440,
                margin_bottom: 1440,
                margin_inside: 1803,
                margin_outside: 1803,
                mirror: false,
                header_distance: 851,
                footer_distance: 992,
                dash_page_numbers: false,
                page_number_size: 21,
                header_size: 18,
                toc_size: 24,
            },
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
        PAGE_H - self.margin_top - self.margin_bottom
    }

    /// One character of body text, twips (the first-line indent is two).
    pub fn char_width(&self) -> u32 {
        self.body_size * 10
    }

    /// `word/styles.xml`.
    pub fn styles_xml(&self) -> String {
        let bold = |b: bool| if b { "<w:b/><w:bCs/>" } else { "" };
        let hind = if self.heading_indent {
            format!(
                r#"<w:ind w:firstLine="{}" w:firstLineChars="200"/>"#,
                2 * self.char_width()
            )
        } else {
            String::new()
        };
        let mut vars: Vec<(String, String)> = vec![
            ("LATIN".into(), LATIN.into()),
            ("BODY_FONT".into(), self.body_font.into()),
            ("BODY_SZ".into(), self.body_size.to_string()),
            ("LINE".into(), self.line.into()),
            ("INDENT".into(), (2 * self.char_width()).to_string()),
            ("H1_AFTER".into(), (self.headings[0].size * 15).to_string()),
            ("HIND".into(), hind),
            ("TABLE_SZ".into(), self.table_size.to_string()),
            ("SMALL_SZ".into(), self.table_small_size.to_string()),
            ("CAPTION_SZ".into(), self.caption_size.to_string()),
            ("CASE_SZ".into(), self.case_title_size.to_string()),
            ("TOC_SZ".into(), self.toc_size.to_string()),
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
    use crate::model::{HeadingScheme, NumberingScheme};

    #[test]
    fn templates_are_completely_filled() {
        for house in [HouseStyle::Gongwen, HouseStyle::Report] {
            let style = Style {
                house,
                headings: HeadingScheme::Decimal,
                numbering: NumberingScheme::Chapter,
                running_header: None,
                list_tables: true,
                list_figures: true,
                list_cases: true,
                roman_front_matter: true,
            };
            let h = House::of(&style);
            assert!(!h.styles_xml().contains("@@"));
            assert!(!h.settings_xml().contains("@@"));
        }
    }
}

//! Report metadata and style settings, as resolved from `report.json`.

use serde::{Deserialize, Serialize};

/// Everything about the report that is not narrative.
#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    /// Output file stem (the project directory's name).
    pub name: String,
    pub region_name: String,
    pub region_code: String,
    pub year: i32,
    /// The compiling unit; empty when report.json names none.
    pub unit: String,
    /// Fixed document date (year, month, day) written into the PDF: the
    /// project's `document_date`, or 1 January of the year after the report
    /// year when it gives none (so that builds stay reproducible).
    pub document_date: (i32, u8, u8),
    /// Whether report.json gives `document_date` (the default date is not
    /// printed anywhere).
    pub dated: bool,
    pub cover: Cover,
    /// 内容真实性责任声明; none when report.json says `"declaration": null`.
    pub declaration: Option<Declaration>,
    pub team: Option<Team>,
    pub closing: Option<Closing>,
    /// The report title as one line (PDF title, running header default).
    pub title: String,
}

/// The cover lines; a line that is none is left out (with its gap). A line
/// may hold `\n` line breaks.
#[derive(Debug, Clone, Serialize)]
pub struct Cover {
    pub region_line: Option<String>,
    pub title: Option<String>,
    pub year_line: Option<String>,
    pub compiler_line: Option<String>,
    pub date_line: Option<String>,
    pub image: Option<super::Image>,
}

/// 内容真实性责任声明.
#[derive(Debug, Clone, Serialize)]
pub struct Declaration {
    pub title: String,
    pub text: String,
    pub unit: String,
    pub representative: String,
    pub date: String,
    pub seal_image: Option<super::Image>,
    pub signature_image: Option<super::Image>,
}

/// 编制组.
#[derive(Debug, Clone, Serialize)]
pub struct Team {
    pub title: String,
    pub groups: Vec<TeamGroup>,
}

/// One role of the 编制组 and the people in it.
#[derive(Debug, Clone, Serialize)]
pub struct TeamGroup {
    pub role: String,
    /// Printed as `name（title）`.
    pub members: Vec<String>,
}

/// The closing signature at the end of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Closing {
    pub unit: String,
    pub date: String,
    /// Where it stands: after the last chapter, or after the appendix.
    pub after: ClosingPlace,
}

/// Where the closing signature stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClosingPlace {
    /// After the last chapter, before the appendix.
    Chapters,
    /// At the very end, after the appendix (the default).
    Appendix,
}

/// Layout settings.
#[derive(Debug, Clone, Serialize)]
pub struct Style {
    pub house: HouseStyle,
    pub headings: HeadingScheme,
    /// How tables, figures and cases are numbered, each kind on its own.
    pub numbering: Numbering,
    pub running_header: Option<String>,
    /// Print 目录.
    pub toc: bool,
    pub list_tables: bool,
    pub list_figures: bool,
    pub list_cases: bool,
    /// Front matter numbered in roman numerals (otherwise unnumbered).
    pub roman_front_matter: bool,
    /// Charts in the DOCX as native Word charts with their data (otherwise
    /// as pictures of the PDF's drawing).
    pub docx_native_charts: bool,
}

/// The named house styles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HouseStyle {
    /// GB/T 9704: 16 pt 仿宋, 22 × 28 grid, `— 1 —` page numbers.
    Gongwen,
    /// 宋体 小四, 1.5 line spacing, running header.
    Report,
}

/// How headings are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadingScheme {
    /// `1.` / `1.1` / `1.1.1`
    Decimal,
    /// `一、` / `（一）` / `1.` / `（1）`
    Gongwen,
}

/// How tables, figures or cases are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberingScheme {
    /// `表 1-5`
    Chapter,
    /// `表5`
    Continuous,
    /// `表五`
    Chinese,
    /// Not numbered and not listed (a figure may then have no caption).
    None,
}

/// The numbering scheme of each kind of numbered block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Numbering {
    pub tables: NumberingScheme,
    pub figures: NumberingScheme,
    pub cases: NumberingScheme,
}

impl Numbering {
    /// The same scheme for every kind.
    pub fn uniform(scheme: NumberingScheme) -> Numbering {
        Numbering {
            tables: scheme,
            figures: scheme,
            cases: scheme,
        }
    }

    /// The scheme of one kind.
    pub fn of(&self, kind: super::NumberKind) -> NumberingScheme {
        match kind {
            super::NumberKind::Table => self.tables,
            super::NumberKind::Figure => self.figures,
            super::NumberKind::Case => self.cases,
        }
    }
}

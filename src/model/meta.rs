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
    pub unit: String,
    /// Fixed document date (year, month, day) written into the PDF.
    pub document_date: (i32, u8, u8),
    pub cover: Cover,
    pub declaration: Declaration,
    pub team: Option<Team>,
    pub closing: Option<Closing>,
    /// The report title as one line (PDF title, running header default).
    pub title: String,
}

/// The cover lines.
#[derive(Debug, Clone, Serialize)]
pub struct Cover {
    pub region_line: String,
    pub title: String,
    pub year_line: String,
    pub compiler_line: String,
    pub date_line: String,
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
}

/// Layout settings.
#[derive(Debug, Clone, Serialize)]
pub struct Style {
    pub house: HouseStyle,
    pub headings: HeadingScheme,
    pub numbering: NumberingScheme,
    pub running_header: Option<String>,
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

/// How tables, figures and cases are numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberingScheme {
    /// `表 1-5`
    Chapter,
    /// `表5`
    Continuous,
    /// `表五`
    Chinese,
}

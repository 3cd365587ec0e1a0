//! `report.json`: the project's metadata and settings, read strictly.

use crate::error::{Error, Result};
pub use crate::model::validation::{CheckConfig, PathOrPaths, ValidationConfig};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The raw contents of `report.json`, as the user wrote them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportConfig {
    pub region: RegionConfig,
    pub year: i32,
    /// The compiling unit (the bureau or the school).
    pub unit: String,
    /// `YYYY-MM-DD`, written into the PDF so that builds are reproducible.
    pub document_date: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub cover: CoverConfig,
    #[serde(default)]
    pub declaration: DeclarationConfig,
    #[serde(default)]
    pub team: Option<TeamConfig>,
    #[serde(default)]
    pub preface: Option<String>,
    pub chapters: Vec<String>,
    #[serde(default)]
    pub data: BTreeMap<String, String>,
    #[serde(default)]
    pub appendix: Option<AppendixConfig>,
    #[serde(default)]
    pub closing: Option<ClosingConfig>,
    #[serde(default)]
    pub style: StyleConfig,
    #[serde(default)]
    pub validation: ValidationConfig,
}

/// `region`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionConfig {
    pub name: String,
    #[serde(default)]
    pub short: Option<String>,
    pub code: String,
}

/// `cover`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoverConfig {
    pub region_line: Option<String>,
    pub title: Option<String>,
    pub year_line: Option<String>,
    pub compiler_line: Option<String>,
    pub date_line: Option<String>,
    pub image: Option<String>,
}

/// `declaration`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclarationConfig {
    pub title: Option<String>,
    pub text: Option<String>,
    pub unit: Option<String>,
    pub representative: Option<String>,
    pub date: Option<String>,
    pub seal_image: Option<String>,
    pub signature_image: Option<String>,
}

/// `team`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamConfig {
    pub title: Option<String>,
    pub groups: Vec<TeamGroupConfig>,
}

/// One entry of `team.groups`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamGroupConfig {
    pub role: String,
    pub members: Vec<MemberConfig>,
}

/// A member of the 编制组.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberConfig {
    pub name: String,
    #[serde(default)]
    pub title: Option<String>,
}

/// `appendix`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppendixConfig {
    /// The JSON file with the indicator values.
    pub values: String,
    #[serde(default)]
    pub title: Option<String>,
    /// The unit in the `名称：…(code)` line; defaults to the region.
    #[serde(default)]
    pub name: Option<String>,
    /// The code in the `名称：…(code)` line; defaults to the region code.
    #[serde(default)]
    pub code: Option<String>,
}

/// `closing`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClosingConfig {
    pub unit: String,
    pub date: String,
}

/// `style`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleConfig {
    #[serde(default)]
    pub house: Option<crate::model::HouseStyle>,
    #[serde(default)]
    pub headings: Option<crate::model::HeadingScheme>,
    #[serde(default)]
    pub numbering: Option<crate::model::NumberingScheme>,
    #[serde(default)]
    pub running_header: Option<String>,
    #[serde(default)]
    pub lists: ListsConfig,
    #[serde(default)]
    pub front_matter_numbering: Option<FrontMatterNumbering>,
}

/// `style.lists`: which of 表目录/图目录/案例目录 to print.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListsConfig {
    #[serde(default = "yes")]
    pub tables: bool,
    #[serde(default = "yes")]
    pub figures: bool,
    #[serde(default = "yes")]
    pub cases: bool,
}

impl Default for ListsConfig {
    fn default() -> Self {
        ListsConfig {
            tables: true,
            figures: true,
            cases: true,
        }
    }
}

fn yes() -> bool {
    true
}

/// `style.front_matter_numbering`.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FrontMatterNumbering {
    Roman,
    None,
}

/// Parses `report.json` text. Errors name the file, line, column and field path.
pub fn parse(file: &str, text: &str) -> Result<ReportConfig> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let config: ReportConfig = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let loc = format!("{file}:{}:{}", inner.line(), inner.column());
        let msg = strip_position(&inner.to_string());
        if path.is_empty() || path == "." || path == "?" {
            Error::at(loc, msg)
        } else {
            Error::at(loc, format!("field `{path}`: {msg}"))
        }
    })?;
    check(file, &config)?;
    Ok(config)
}

/// serde_json appends " at line N column M"; the location is printed already.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// Checks what the types cannot say.
fn check(file: &str, c: &ReportConfig) -> Result<()> {
    let mut errors = crate::error::Collector::default();
    if c.region.code.len() != 6 || !c.region.code.bytes().all(|b| b.is_ascii_digit()) {
        errors.error(
            format!("{file}: region.code"),
            format!(
                "expected a 6-digit region code such as \"150800\", found \"{}\"",
                c.region.code
            ),
        );
    }
    if parse_date(&c.document_date).is_none() {
        errors.error(
            format!("{file}: document_date"),
            format!(
                "expected a date as YYYY-MM-DD (year 1900–2999), found \"{}\"",
                c.document_date
            ),
        );
    }
    if !(1990..=2200).contains(&c.year) {
        errors.error(
            format!("{file}: year"),
            format!("expected a report year such as 2025, found {}", c.year),
        );
    }
    if c.chapters.is_empty() {
        errors.error(
            format!("{file}: chapters"),
            "expected at least one chapter file",
        );
    }
    for name in c.data.keys() {
        let ok = name
            .chars()
            .next()
            .is_some_and(|ch| ch.is_ascii_alphabetic() || ch == '_')
            && name
                .chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ch == '_');
        if !ok || RESERVED.contains(&name.as_str()) {
            errors.error(
                format!("{file}: data.{name}"),
                format!(
                    "a dataset name must be an identifier (letters, digits, _) and not one of {RESERVED:?}"
                ),
            );
        }
    }
    errors.finish().map(|_| ())
}

/// Template variables nianbao defines itself.
pub const RESERVED: &[&str] = &["region", "year", "unit", "report", "indicators"];

/// Parses `YYYY-MM-DD` (a year from 1900 to 2999: the PDF and DOCX date
/// fields cannot hold every year, and no report is dated outside these).
pub fn parse_date(s: &str) -> Option<(i32, u8, u8)> {
    let mut parts = s.split('-');
    let y: i32 = parts
        .next()?
        .parse()
        .ok()
        .filter(|y| (1900..=2999).contains(y))?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next()?.parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if parts.next().is_some() || !(1..=days).contains(&d) {
        return None;
    }
    Some((y, m, d))
}

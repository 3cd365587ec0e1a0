//! `report.json`: the project's metadata and settings, read strictly.//!
//! [`ReportConfig`] is the whole file; its parts are in [`parts`] (region,
//! cover, declaration, team, preface, appendix, closing) and [`style`] (the
//! `style` object: house style, numbering, lists); this module parses and
//! checks the file. The serde types are also the source of the JSON Schema
//! (`crate::schema`).

mod parts;
mod style;

use crate::error::{Error, Result};
use crate::i18n::msg;
pub use crate::model::validation::{CheckConfig, PathOrPaths, ValidationConfig};
use parts::PrefaceSchema;
pub use parts::{
    AppendixConfig, ClosingConfig, CoverConfig, DeclarationConfig, MemberConfig, PrefaceConfig,
    PrefaceFull, RegionConfig, TeamConfig, TeamGroupConfig,
};
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;
pub use style::{
    DocxCharts, FrontMatterNumbering, ListsConfig, NumberingConfig, NumberingPerKind, StyleConfig,
};

// The `#[schemars(description = …)]` texts are what editors show for each
// field of report.json (through `report.schema.json`, see src/schema.rs) and
// what `nianbao new` lists in 说明.md: they are written for the user, in Chinese.

/// The raw contents of `report.json`, as the user wrote them.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "nianbao report.json",
    description = "《中等职业教育质量年度报告》项目的基本信息与版式设置。文件路径一律相对于项目目录书写，用 / 分隔。"
)]
pub struct ReportConfig {
    #[schemars(description = "地区：全称、简称和 6 位行政区划代码。")]
    pub region: RegionConfig,
    #[schemars(
        description = "报告年度（1990–2200），如 2025。",
        range(min = 1990, max = 2200)
    )]
    pub year: i32,
    /// The compiling unit (the bureau or the school).
    #[serde(default)]
    #[schemars(
        description = "编制单位：教育局或学校的全称，如“青禾县教育局”。可不写：封面不印编制单位行，声明的单位名称留空。"
    )]
    pub unit: Option<String>,
    /// `YYYY-MM-DD`, written into the PDF so that builds are reproducible.
    #[serde(default)]
    #[schemars(
        description = "成文日期，格式 YYYY-MM-DD，如 \"2026-01-16\"；也写入 PDF 文件属性。可不写：封面不印日期行，声明日期留空，PDF 文件属性中的日期取报告年度的次年 1 月 1 日（每次生成都相同）。",
        regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    )]
    pub document_date: Option<String>,
    #[serde(default)]
    #[schemars(
        description = "PDF 文件属性中的标题（不印在页面上）。默认“{简称}中等职业教育质量年度报告（{年度}年度）”。"
    )]
    pub title: Option<String>,
    #[serde(default)]
    #[schemars(description = "封面各行文字和封面图片；不写的行用默认值。")]
    pub cover: CoverConfig,
    #[serde(default = "some_default::<DeclarationConfig>")]
    #[schemars(description = "内容真实性责任声明页的文字和盖章、签名图片；写 null 则不印声明页。")]
    pub declaration: Option<DeclarationConfig>,
    #[serde(default)]
    #[schemars(description = "编制组名单；不写或写 null 则不印编制组页。")]
    pub team: Option<TeamConfig>,
    #[serde(default)]
    #[schemars(
        with = "Option<PrefaceSchema>",
        description = "前言文件（Markdown），如 \"preface.md\"；或 { \"file\": \"preface.md\", \"title\": null }：title 为 null 时前言不印标题，也可写别的标题。不写则没有前言。"
    )]
    pub preface: Option<PrefaceConfig>,
    #[schemars(
        description = "各章文件（Markdown），按章序排列，至少一个，如 [\"chapters/01-rencai.md\"]。",
        length(min = 1)
    )]
    pub chapters: Vec<String>,
    #[serde(default)]
    #[schemars(
        description = "数据文件：名称 → 路径（.csv、.json 或 .xlsx），供正文中的 {{ }}、绑定数据的表格和统计图引用。名称只用英文字母、数字和下划线，不以数字开头，不用 region、year、unit、report、indicators。"
    )]
    pub data: BTreeMap<String, String>,
    #[serde(default)]
    #[schemars(description = "六张指标附表的数值；不写则没有附表。")]
    pub appendix: Option<AppendixConfig>,
    #[serde(default)]
    #[schemars(description = "报告末尾的落款（单位和日期）；不写则没有落款。")]
    pub closing: Option<ClosingConfig>,
    #[serde(default)]
    #[schemars(description = "版式：整体版式、标题编号、表图编号、页眉、各目录。")]
    pub style: StyleConfig,
    #[serde(default)]
    #[schemars(description = "数字校验：年度变化的提醒和自定义的校验。")]
    pub validation: ValidationConfig,
    /// The JSON Schema the editor checks the file against; nianbao ignores it.
    /// Last, so that "expected one of" in errors starts with the real fields.
    #[serde(default, rename = "$schema")]
    #[schemars(
        description = "本文件的 JSON Schema（供编辑器补全和检查字段），如 \"./report.schema.json\"；nianbao 不读取它。"
    )]
    pub schema: Option<String>,
}
fn yes() -> bool {
    true
}

/// `Some(Default)` when a field is left out (`null` gives `None`).
fn some_default<T: Default>() -> Option<T> {
    Some(T::default())
}

/// For `Option<Option<T>>` fields with `#[serde(default)]`: left out is
/// `None`, `null` is `Some(None)`, a value is `Some(Some(v))`.
fn present<'de, D, T>(d: D) -> std::result::Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}
/// Parses `report.json` text. Errors name the file, line, column and field path.
pub fn parse(file: &str, text: &str) -> Result<ReportConfig> {
    let de = &mut serde_json::Deserializer::from_str(text);
    let config: ReportConfig = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let loc = format!("{file}:{}:{}", inner.line(), inner.column());
        let message = crate::load::explain::json(&inner);
        if path.is_empty() || path == "." || path == "?" {
            Error::at(loc, message)
        } else {
            Error::at(loc, msg::load::json_at_field(path, message))
        }
    })?;
    check(file, &config)?;
    Ok(config)
}

/// Checks what the types cannot say.
fn check(file: &str, c: &ReportConfig) -> Result<()> {
    let mut errors = crate::error::Collector::default();
    if c.region.code.len() != 6 || !c.region.code.bytes().all(|b| b.is_ascii_digit()) {
        errors.error(
            format!("{file}: region.code"),
            msg::load::region_code_invalid(&c.region.code),
        );
    }
    if let Some(date) = &c.document_date
        && parse_date(date).is_none()
    {
        errors.error(
            format!("{file}: document_date"),
            msg::load::date_invalid(date),
        );
    }
    if !(1990..=2200).contains(&c.year) {
        errors.error(format!("{file}: year"), msg::load::year_invalid(c.year));
    }
    if c.chapters.is_empty() {
        errors.error(format!("{file}: chapters"), msg::load::no_chapters());
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
                msg::load::dataset_name_invalid(format!("{RESERVED:?}")),
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

//! `report.json`: the project's metadata and settings, read strictly.

use crate::error::{Error, Result};
pub use crate::model::validation::{CheckConfig, PathOrPaths, ValidationConfig};
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;

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

/// `region`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegionConfig {
    #[schemars(description = "地区全称，印在封面和附表“名称”行，如“临江省青禾县”。")]
    pub name: String,
    #[serde(default)]
    #[schemars(
        description = "地区简称，用于默认的声明文字、编制组标题和文档标题，如“青禾县”。默认同 name。"
    )]
    pub short: Option<String>,
    #[schemars(
        description = "6 位行政区划代码，印在附表“名称”行的括号里，如 \"390821\"。",
        regex(pattern = r"^[0-9]{6}$")
    )]
    pub code: String,
}

/// `cover`. A line left out takes its default; a line written `null` is
/// not printed (`Some(None)`).
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoverConfig {
    #[serde(default, deserialize_with = "present")]
    #[schemars(
        with = "Option<String>",
        description = "封面第一行（地区或学校）。默认 region.name；写 null 则不印这一行。文字中的 \\n 或 <br> 换行。"
    )]
    pub region_line: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schemars(
        with = "Option<String>",
        description = "封面大标题。默认“中等职业教育质量年度报告”；写 null 则不印。文字中的 \\n 或 <br> 换行。"
    )]
    pub title: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schemars(
        with = "Option<String>",
        description = "封面年度行。默认“（{年度}年度）”；写 null 则不印。"
    )]
    pub year_line: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schemars(
        with = "Option<String>",
        description = "封面编制单位行。默认“{unit}编制”（没有 unit 时不印）；写 null 则不印。"
    )]
    pub compiler_line: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    #[schemars(
        with = "Option<String>",
        description = "封面日期行。默认由 document_date 得出，如“2026年1月”（没有 document_date 时不印）；写 null 则不印。"
    )]
    pub date_line: Option<Option<String>>,
    #[schemars(
        description = "封面图片（JPEG 或 PNG），如 \"images/cover.jpg\"；不写则封面没有图片。"
    )]
    pub image: Option<String>,
}

/// `declaration`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclarationConfig {
    #[schemars(description = "声明页标题。默认“内容真实性责任声明”。")]
    pub title: Option<String>,
    #[schemars(
        description = "声明正文。默认“{单位}对{报告名称}及相关附件的真实性、完整性和准确性负责。特此声明。”，其中{单位}为 declaration.unit（没有时为“本单位”），{报告名称}为 title。"
    )]
    pub text: Option<String>,
    #[schemars(description = "“单位名称（盖章）”后的文字。默认 unit（没有 unit 时留空）。")]
    pub unit: Option<String>,
    #[schemars(description = "“法定代表人（签名）”后的文字。默认空，留给手签。")]
    pub representative: Option<String>,
    #[schemars(
        description = "声明日期，照原样印出。默认由 document_date 得出，如“2026年1月16日”（没有 document_date 时留空，留给手写）。"
    )]
    pub date: Option<String>,
    #[schemars(description = "公章扫描图（PNG），叠印在单位名称处；可选。")]
    pub seal_image: Option<String>,
    #[schemars(description = "法定代表人签名扫描图（PNG）；可选。")]
    pub signature_image: Option<String>,
}

/// `team`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamConfig {
    #[schemars(description = "编制组页标题。默认“{简称}中等职业教育质量报告编制组”。")]
    pub title: Option<String>,
    #[schemars(description = "各组名单，如负责人、编制组成员、数据采集、审定，按顺序印出。")]
    pub groups: Vec<TeamGroupConfig>,
}

/// One entry of `team.groups`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamGroupConfig {
    #[schemars(description = "分组名称，如“负责人”“编制组成员”“审定”。")]
    pub role: String,
    #[schemars(description = "本组成员，按顺序印出。")]
    pub members: Vec<MemberConfig>,
}

/// A member of the 编制组.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberConfig {
    #[schemars(description = "姓名。")]
    pub name: String,
    #[serde(default)]
    #[schemars(description = "职务，印作“姓名（职务）”；可选。")]
    pub title: Option<String>,
}

/// `appendix`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppendixConfig {
    /// The JSON file with the indicator values.
    #[schemars(
        description = "六张附表的数值文件：JSON 文件，或 nianbao init-data 生成、填好的 Excel 工作簿，如 \"data/indicators.xlsx\"。"
    )]
    pub values: String,
    #[serde(default)]
    #[schemars(description = "附表部分的标题，列入目录。默认“附表”。")]
    pub title: Option<String>,
    /// The unit in the `名称：…(code)` line; defaults to the region.
    #[serde(default)]
    #[schemars(
        description = "附表上方“名称：…(代码)”一行中的名称；学校的报告写学校名称。默认 region.name。"
    )]
    pub name: Option<String>,
    /// The code in the `名称：…(code)` line; defaults to the region code.
    #[serde(default)]
    #[schemars(
        description = "附表“名称”行括号中的代码；学校的报告写学校标识码。默认 region.code。"
    )]
    pub code: Option<String>,
}

/// `closing`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClosingConfig {
    #[schemars(description = "落款单位。")]
    pub unit: String,
    #[schemars(description = "落款日期，照原样印出，如“2026年1月16日”。")]
    pub date: String,
    /// Where the signature stands.
    #[serde(default)]
    #[schemars(
        with = "Option<ClosingPlaceName>",
        description = "落款的位置：appendix（全书最后，附表之后）或 chapters（最后一章之后、附表之前）。默认 appendix。"
    )]
    pub after: Option<crate::model::ClosingPlace>,
}

/// `closing.after` as the JSON Schema describes it.
#[derive(JsonSchema)]
#[serde(rename_all = "snake_case")]
enum ClosingPlaceName {
    /// 最后一章之后、附表之前。
    Chapters,
    /// 全书最后，附表之后。
    Appendix,
}

const _: fn(crate::model::ClosingPlace) -> ClosingPlaceName = |p| match p {
    crate::model::ClosingPlace::Chapters => ClosingPlaceName::Chapters,
    crate::model::ClosingPlace::Appendix => ClosingPlaceName::Appendix,
};

/// `preface`: a file name, or the file with its title.
#[derive(Debug)]
pub enum PrefaceConfig {
    File(String),
    Full(PrefaceFull),
}

/// `preface` as an object.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PrefaceFull {
    /// The Markdown file.
    #[schemars(description = "前言文件（Markdown），如 \"preface.md\"。")]
    pub file: String,
    /// Left out: the house style's title; `null`: none.
    #[serde(default, deserialize_with = "present")]
    #[schemars(
        with = "Option<String>",
        description = "前言的标题。默认“前　言”；写 null 则不印标题（前言直接从几段文字开始）。"
    )]
    pub title: Option<Option<String>>,
}

impl PrefaceConfig {
    /// The Markdown file.
    pub fn file(&self) -> &str {
        match self {
            PrefaceConfig::File(f) => f,
            PrefaceConfig::Full(p) => &p.file,
        }
    }

    /// The title: none to take the default, `Some(None)` for none at all.
    pub fn title(&self) -> Option<Option<String>> {
        match self {
            PrefaceConfig::File(_) => None,
            PrefaceConfig::Full(p) => p.title.clone(),
        }
    }
}

/// `preface` as the JSON Schema describes it.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum PrefaceSchema {
    /// 前言文件，如 "preface.md"。
    File(String),
    /// 前言文件和标题。
    Full(PrefaceFull),
}

impl<'de> Deserialize<'de> for PrefaceConfig {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = PrefaceConfig;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a file name such as \"preface.md\", or { \"file\": \"preface.md\", \"title\": null }")
            }
            fn visit_str<E: serde::de::Error>(
                self,
                v: &str,
            ) -> std::result::Result<Self::Value, E> {
                Ok(PrefaceConfig::File(v.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                PrefaceFull::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(PrefaceConfig::Full)
            }
        }
        d.deserialize_any(V)
    }
}

/// `style`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StyleConfig {
    #[serde(default)]
    #[schemars(
        with = "Option<HouseStyleName>",
        description = "整体版式：gongwen（GB/T 9704 公文版式，适合教育局）或 report（报告版式，适合学校）。默认 gongwen。"
    )]
    pub house: Option<crate::model::HouseStyle>,
    #[serde(default)]
    #[schemars(
        with = "Option<HeadingSchemeName>",
        description = "标题编号：decimal（1. / 1.1 / 1.1.1）或 gongwen（一、/（一）/ 1. /（1））。默认 decimal。"
    )]
    pub headings: Option<crate::model::HeadingScheme>,
    #[serde(default)]
    #[schemars(
        with = "Option<NumberingSchema>",
        description = "表、图、案例的编号：chapter（按章，表 1-5）、continuous（全书连续，表5）、chinese（表五）或 none（不编号、不列入目录）。也可以分别设置，如 { \"tables\": \"chinese\", \"figures\": \"none\", \"cases\": \"continuous\" }。默认 chapter。"
    )]
    pub numbering: Option<NumberingConfig>,
    #[serde(default)]
    #[schemars(
        description = "表题、图题、案例标题中编号与题目之间的文字，如 \"：\"（印成“表一：题目”）。默认为版式文件中的值（全角空格，“表一　题目”）。"
    )]
    pub caption_separator: Option<String>,
    #[serde(default)]
    #[schemars(description = "是否印目录。默认 true。")]
    pub toc: Option<bool>,
    #[serde(default)]
    #[schemars(description = "正文页眉文字，下带一条横线；不写则不印页眉。")]
    pub running_header: Option<String>,
    #[serde(default)]
    #[schemars(description = "是否印表目录、图目录、案例目录。")]
    pub lists: ListsConfig,
    #[serde(default)]
    #[schemars(
        description = "编制组至各目录页的页码：roman（Ⅰ、Ⅱ……）或 none（不印）。默认 roman。"
    )]
    pub front_matter_numbering: Option<FrontMatterNumbering>,
    #[serde(default)]
    #[schemars(
        description = "DOCX 中统计图的形式：native（Word 原生图表，可在 Word、WPS 中“编辑数据”）或 image（与 PDF 中相同的图片）。默认 native。"
    )]
    pub docx_charts: Option<DocxCharts>,
}

/// `style.house` as the JSON Schema describes it (the loader reads
/// [`crate::model::HouseStyle`]; the match below keeps the two in step).
#[derive(JsonSchema)]
#[serde(rename_all = "snake_case")]
enum HouseStyleName {
    /// 公文版式（GB/T 9704）：正文三号仿宋，每页 22 行、每行 28 字，页码“— 1 —”。
    Gongwen,
    /// 报告版式：正文宋体小四，1.5 倍行距，页码居中。
    Report,
}

/// `style.headings` as the JSON Schema describes it.
#[derive(JsonSchema)]
#[serde(rename_all = "snake_case")]
enum HeadingSchemeName {
    /// 1. / 1.1 / 1.1.1 / 1.1.1.1
    Decimal,
    /// 一、/（一）/ 1. /（1）
    Gongwen,
}

/// `style.numbering` as the JSON Schema describes it.
#[derive(JsonSchema)]
#[serde(rename_all = "snake_case")]
enum NumberingSchemeName {
    /// 按章编号：表 1-5、图 2-3、案例 3-1。
    Chapter,
    /// 全书连续编号：表5、图12、案例3。
    Continuous,
    /// 全书连续，中文数字：表五、图十二、案例三。
    Chinese,
    /// 不编号，也不列入表目录、图目录或案例目录。
    None,
}

/// `style.numbering`: one scheme for every kind, or one per kind.
#[derive(Debug, Clone, Copy)]
pub enum NumberingConfig {
    All(crate::model::NumberingScheme),
    PerKind(NumberingPerKind),
}

impl NumberingConfig {
    /// The scheme of each kind (`chapter` where the object form leaves a kind out).
    pub fn resolve(&self) -> crate::model::Numbering {
        use crate::model::{Numbering, NumberingScheme};
        match self {
            NumberingConfig::All(s) => Numbering::uniform(*s),
            NumberingConfig::PerKind(k) => Numbering {
                tables: k.tables.unwrap_or(NumberingScheme::Chapter),
                figures: k.figures.unwrap_or(NumberingScheme::Chapter),
                cases: k.cases.unwrap_or(NumberingScheme::Chapter),
            },
        }
    }
}

/// `style.numbering` as an object: one scheme per kind.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NumberingPerKind {
    #[serde(default)]
    #[schemars(
        with = "Option<NumberingSchemeName>",
        description = "表格的编号：chapter、continuous、chinese 或 none。默认 chapter。"
    )]
    pub tables: Option<crate::model::NumberingScheme>,
    #[serde(default)]
    #[schemars(
        with = "Option<NumberingSchemeName>",
        description = "图（照片和统计图）的编号：chapter、continuous、chinese 或 none（此时图可以没有图题）。默认 chapter。"
    )]
    pub figures: Option<crate::model::NumberingScheme>,
    #[serde(default)]
    #[schemars(
        with = "Option<NumberingSchemeName>",
        description = "案例的编号：chapter、continuous、chinese 或 none。默认 chapter。"
    )]
    pub cases: Option<crate::model::NumberingScheme>,
}

/// `style.numbering` as the JSON Schema describes it.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum NumberingSchema {
    /// 表、图、案例用同一种编号。
    All(NumberingSchemeName),
    /// 表、图、案例分别设置。
    PerKind(NumberingPerKind),
}

/// A value that is either a word (an enum variant) or an object.
impl<'de> Deserialize<'de> for NumberingConfig {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = NumberingConfig;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("one of `chapter`, `continuous`, `chinese`, `none`, or { \"tables\": …, \"figures\": …, \"cases\": … }")
            }
            fn visit_str<E: serde::de::Error>(
                self,
                v: &str,
            ) -> std::result::Result<Self::Value, E> {
                use serde::de::IntoDeserializer;
                crate::model::NumberingScheme::deserialize(v.into_deserializer())
                    .map(NumberingConfig::All)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                NumberingPerKind::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(NumberingConfig::PerKind)
            }
        }
        d.deserialize_any(V)
    }
}

/// A variant added to the model's enums must be added to the schema's too.
const _: fn(crate::model::HouseStyle) -> HouseStyleName = |h| match h {
    crate::model::HouseStyle::Gongwen => HouseStyleName::Gongwen,
    crate::model::HouseStyle::Report => HouseStyleName::Report,
};
const _: fn(crate::model::HeadingScheme) -> HeadingSchemeName = |h| match h {
    crate::model::HeadingScheme::Decimal => HeadingSchemeName::Decimal,
    crate::model::HeadingScheme::Gongwen => HeadingSchemeName::Gongwen,
};
const _: fn(crate::model::NumberingScheme) -> NumberingSchemeName = |n| match n {
    crate::model::NumberingScheme::Chapter => NumberingSchemeName::Chapter,
    crate::model::NumberingScheme::Continuous => NumberingSchemeName::Continuous,
    crate::model::NumberingScheme::Chinese => NumberingSchemeName::Chinese,
    crate::model::NumberingScheme::None => NumberingSchemeName::None,
};

/// `style.lists`: which of 表目录/图目录/案例目录 to print.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListsConfig {
    #[serde(default = "yes")]
    #[schemars(description = "报告中有表格时，是否印“表目录”。默认 true。")]
    pub tables: bool,
    #[serde(default = "yes")]
    #[schemars(description = "报告中有图（照片或统计图）时，是否印“图目录”。默认 true。")]
    pub figures: bool,
    #[serde(default = "yes")]
    #[schemars(description = "报告中有案例时，是否印“案例目录”。默认 true。")]
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

/// `style.front_matter_numbering`.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FrontMatterNumbering {
    /// 罗马数字页码：Ⅰ、Ⅱ、Ⅲ……
    Roman,
    /// 不印页码。
    None,
}

/// `style.docx_charts`: how the DOCX shows a chart.
#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocxCharts {
    /// Word 原生图表（带数据工作簿，可“编辑数据”）。
    Native,
    /// 图片（300 dpi），与 PDF 中的图相同。
    Image,
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
    if let Some(date) = &c.document_date
        && parse_date(date).is_none()
    {
        errors.error(
            format!("{file}: document_date"),
            format!("expected a date as YYYY-MM-DD (year 1900–2999), found \"{date}\""),
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

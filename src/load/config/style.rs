//! `style` in `report.json`: the house style, heading and caption numbering,
//! the running header, the lists and the DOCX's charts; with the enums the
//! JSON Schema describes them by (kept in step with the model's by matches).

use super::yes;
use schemars::JsonSchema;
use serde::Deserialize;

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
                f.write_str(&crate::i18n::msg::load::expect_numbering())
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

//! The parts of `report.json` that describe the report's own pages:
//! `region`, `cover`, `declaration`, `team`, `preface`, `appendix`, `closing`.

use super::present;
use schemars::JsonSchema;
use serde::Deserialize;

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
pub(super) enum PrefaceSchema {
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
                f.write_str(&crate::i18n::msg::load::expect_preface())
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

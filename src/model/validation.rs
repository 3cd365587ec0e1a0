//! The `validation` settings of report.json: what the data validators check
//! and how strictly. Read by the loader, used by the validators.

use schemars::JsonSchema;
use serde::Deserialize;

// The `#[schemars(description = …)]` texts are shown to the user by editors
// (report.schema.json) and listed in the 说明.md of `nianbao new`: Chinese.

/// `validation`: arithmetic checks on the data.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidationConfig {
    /// Year-over-year change (percent) beyond which a warning is given; default 30.
    #[serde(default)]
    #[schemars(description = "附表中本年比上年增减超过百分之几时给出警告。默认 30。")]
    pub yoy_threshold: Option<f64>,
    /// Last year's figures smaller than this are not compared (2 → 3 is
    /// +50 % but rarely a mistake); default 10.
    #[serde(default)]
    #[schemars(
        description = "上年的数小于它时不做年度比较（2 → 3 虽是 +50%，却很少是填错）。默认 10。"
    )]
    pub yoy_min: Option<f64>,
    /// Report data errors as warnings and build anyway.
    #[serde(default)]
    #[schemars(description = "为 true 时，数字校验发现的错误降为警告，照常生成。默认 false。")]
    pub allow_errors: bool,
    /// Declared checks between datasets, totals and indicators.
    #[serde(default)]
    #[schemars(
        description = "自定义的数字校验，每条写 sum 或 ratio，再写 equals，如 { \"sum\": \"schools[].students_cur\", \"equals\": \"indicators.policy.students[1]\" }。"
    )]
    pub checks: Vec<CheckConfig>,
    /// Known discrepancies in the published figures: each turns the one
    /// finding it names into a note (printed with its reason); every other
    /// finding stays an error.
    #[serde(default)]
    #[schemars(
        description = "已知并接受的数据出入：每条写 field（数值的路径，如 \"totals.dual_teacher_pct\"、\"indicators.scorecard.placed[1]\"）或 check（自定义校验的 label），再写 reason（理由）。这一条校验结果降为提示（note），连同理由印出；其余校验照常报错。"
    )]
    pub accept: Vec<AcceptConfig>,
}

/// One accepted discrepancy: the value (or the declared check) it concerns
/// and why it stands.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AcceptConfig {
    /// The data path of the value the finding is about.
    #[serde(default)]
    #[schemars(
        description = "校验结果所指数值的路径，与报错信息中的路径相同，如 \"totals.dual_teacher_pct\"、\"indicators.scorecard.placed[1]\"。与 check 二选一。"
    )]
    pub field: Option<String>,
    /// The label of a declared check.
    #[serde(default)]
    #[schemars(description = "自定义校验的 label，如“在校生合计”。与 field 二选一。")]
    pub check: Option<String>,
    /// Why the published figures stand as they are.
    #[schemars(description = "接受这一出入的理由，随提示一同印出，如“原始公报数据如此”。")]
    pub reason: String,
}

/// One declared check. Paths name template data: `totals.students`,
/// `schools[].students_cur` (a column), `indicators.policy.students[1]`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckConfig {
    /// The sum of these values (a column or a list of paths)…
    #[serde(default)]
    #[schemars(
        description = "求和：一列（如 \"schools[].students_cur\"）或若干路径的列表。与 ratio 二选一。"
    )]
    pub sum: Option<PathOrPaths>,
    /// …or the ratio of two values (× 100 with `percent`)…
    #[serde(default)]
    #[schemars(
        description = "比值：[被除数的路径, 除数的路径]，如 [\"totals.dual_teachers\", \"totals.teachers\"]。与 sum 二选一。"
    )]
    pub ratio: Option<[String; 2]>,
    #[serde(default)]
    #[schemars(description = "与 ratio 同用：比值乘以 100，即百分比。默认 false。")]
    pub percent: bool,
    /// …must equal this value (within `tolerance`, default half a unit of its last decimal).
    #[schemars(
        description = "和或比值应当等于的值的路径，如 \"indicators.policy.students[1]\"、\"totals.students_cur\"。"
    )]
    pub equals: String,
    #[serde(default)]
    #[schemars(description = "允许的出入。默认为 equals 所指数值末位的半个单位。")]
    pub tolerance: Option<f64>,
    /// A name for the check in messages.
    #[serde(default)]
    #[schemars(description = "提示信息中这条校验的名称，如“在校生合计”。")]
    pub label: Option<String>,
}

/// One path or several.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum PathOrPaths {
    #[schemars(description = "一个路径，如一列 \"schools[].students_cur\"。")]
    One(String),
    #[schemars(description = "若干路径，如 [\"totals.a\", \"totals.b\"]。")]
    Many(Vec<String>),
}

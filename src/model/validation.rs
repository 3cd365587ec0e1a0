//! The `validation` settings of report.json: what the data validators check
//! and how strictly. Read by the loader, used by the validators.

use serde::Deserialize;

/// `validation`: arithmetic checks on the data.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValidationConfig {
    /// Year-over-year change (percent) beyond which a warning is given; default 30.
    #[serde(default)]
    pub yoy_threshold: Option<f64>,
    /// Last year's figures smaller than this are not compared (2 → 3 is
    /// +50 % but rarely a mistake); default 10.
    #[serde(default)]
    pub yoy_min: Option<f64>,
    /// Report data errors as warnings and build anyway.
    #[serde(default)]
    pub allow_errors: bool,
    /// Declared checks between datasets, totals and indicators.
    #[serde(default)]
    pub checks: Vec<CheckConfig>,
}

/// One declared check. Paths name template data: `totals.students`,
/// `schools[].students_cur` (a column), `indicators.policy.students[1]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckConfig {
    /// The sum of these values (a column or a list of paths)…
    #[serde(default)]
    pub sum: Option<PathOrPaths>,
    /// …or the ratio of two values (× 100 with `percent`)…
    #[serde(default)]
    pub ratio: Option<[String; 2]>,
    #[serde(default)]
    pub percent: bool,
    /// …must equal this value (within `tolerance`, default half a unit of its last decimal).
    pub equals: String,
    #[serde(default)]
    pub tolerance: Option<f64>,
    /// A name for the check in messages.
    #[serde(default)]
    pub label: Option<String>,
}

/// One path or several.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum PathOrPaths {
    One(String),
    Many(Vec<String>),
}

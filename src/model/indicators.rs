//! The schema of the six standard indicator tables (附表): their ids,
//! titles, rows and keys, from `assets/indicators.json`. Used by the loader
//! (building the tables), the validators (checking the values) and
//! `init-data` (the workbook to fill in).

use serde::Deserialize;

/// The built-in schema of the six tables.
pub const SCHEMA_JSON: &str = include_str!("../../assets/indicators.json");

/// One indicator table's layout.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableSchema {
    pub id: String,
    pub title: String,
    /// `years` (previous/current year) or `schools` (one column per school).
    pub columns: String,
    pub rows: Vec<RowSchema>,
}

/// One indicator row.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowSchema {
    pub no: String,
    /// `^` merges with the indicator cell above.
    pub indicator: String,
    pub unit: String,
    pub key: String,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub graduate: bool,
    #[serde(default)]
    pub sub: bool,
    #[serde(default)]
    pub percent: bool,
    #[serde(default)]
    pub decimals: Option<usize>,
}

/// Parses the built-in schema.
pub fn schemas() -> &'static [TableSchema] {
    static SCHEMAS: std::sync::OnceLock<Vec<TableSchema>> = std::sync::OnceLock::new();
    SCHEMAS
        .get_or_init(|| serde_json::from_str(SCHEMA_JSON).expect("assets/indicators.json is valid"))
}

/// The header of the `键` column in indicator workbooks.
pub const KEY_HEADER: &str = "键";

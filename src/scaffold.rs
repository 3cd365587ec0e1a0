//! `nianbao new`: writes a small, complete report project that builds at
//! once — report.json with every section, 说明.md explaining each field, one
//! chapter per standard chapter with placeholder text, a table, a figure, a
//! case, a chart bound to a CSV dataset, the indicator workbook of
//! `init-data`, and `report.schema.json` for editors.
//!
//! The files come from `templates/new/` (see its README.md), compiled in.

use crate::error::{Error, Result};
use crate::i18n::msg;
use std::path::{Path, PathBuf};

/// Which kind of report the new project is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// A city or county education bureau's report of its region (公文版式).
    Bureau,
    /// A school's own report (报告版式).
    School,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Bureau => "bureau",
            Kind::School => "school",
        }
    }
}

macro_rules! files {
    ($kind:literal: $($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../templates/new/", $kind, "/", $path)) as &[u8])),*]
    };
}

/// The template files of each kind, by path in the new project. Two are not
/// copied as they are: `workbook.json` (the values the indicator workbook is
/// pre-filled with) and `说明.md` (the field table is added).
const BUREAU: &[(&str, &[u8])] = files!("bureau":
    "report.json",
    "说明.md",
    "preface.md",
    "chapters/01-rencai.md",
    "chapters/02-fuwu.md",
    "chapters/03-wenhua.md",
    "chapters/04-guoji.md",
    "chapters/05-chanjiao.md",
    "chapters/06-baozhang.md",
    "chapters/07-tiaozhan.md",
    "data/schools.csv",
    "workbook.json",
);

const SCHOOL: &[(&str, &[u8])] = files!("school":
    "report.json",
    "说明.md",
    "preface.md",
    "chapters/01-jiben.md",
    "chapters/02-rencai.md",
    "chapters/03-fuwu.md",
    "chapters/04-wenhua.md",
    "chapters/05-guoji.md",
    "chapters/06-chanjiao.md",
    "chapters/07-baozhang.md",
    "chapters/08-tiaozhan.md",
    "data/majors.csv",
    "workbook.json",
);

/// Files both kinds share.
const COMMON: &[(&str, &[u8])] = files!("common": "images/placeholder.png");

/// The template files of a kind, then the shared ones: (path, bytes).
pub fn template_files(kind: Kind) -> impl Iterator<Item = (&'static str, &'static [u8])> {
    let own = match kind {
        Kind::Bureau => BUREAU,
        Kind::School => SCHOOL,
    };
    own.iter().chain(COMMON).copied()
}

/// The `templates/new/` file whose values pre-fill the indicator workbook.
const WORKBOOK_VALUES: &str = "workbook.json";
/// Where the workbook goes (report.json's `appendix.values` names it).
const WORKBOOK: &str = "data/indicators.xlsx";
/// The JSON Schema beside report.json (its `"$schema"` names it).
pub const SCHEMA_FILE: &str = "report.schema.json";
/// The line of 说明.md replaced by the table of report.json's fields.
const FIELDS_MARKER: &str = "@FIELDS@";

/// The files of a new project, in memory: (path relative to the project, bytes).
/// `today` is (year, month, day): the project is dated today and reports on
/// the year a report written today is most likely for: this year from
/// October on (reports are compiled at the year's end), else the year before.
pub fn project_files(
    kind: Kind,
    name: &str,
    today: (i32, u32, u32),
) -> Result<Vec<(String, Vec<u8>)>> {
    let (y, m, d) = today;
    let year = if m >= 10 { y } else { y - 1 };
    let subst = |text: &str| {
        text.replace("@YEAR@", &year.to_string())
            .replace("@DATE@", &format!("{y:04}-{m:02}-{d:02}"))
            .replace("@DATE_CN@", &format!("{y}年{m}月{d}日"))
            .replace("@DATE_MONTH@", &format!("{y}年{m}月"))
            .replace("@NAME@", name)
    };
    let text = |path: &str, bytes: &[u8]| {
        String::from_utf8(bytes.to_vec())
            .map_err(|_| Error::at(format!("templates/new/{path}"), msg::files::not_utf8()))
    };
    let mut out = Vec::new();
    for (path, bytes) in template_files(kind) {
        match path {
            WORKBOOK_VALUES => {
                let values: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
                    Error::at(
                        format!("templates/new/{}/{path}", kind.name()),
                        e.to_string(),
                    )
                })?;
                let xlsx = crate::init::indicator_workbook(year, Some(&values), &[])?;
                out.push((WORKBOOK.to_string(), xlsx));
            }
            "report.json" => {
                out.push((path.to_string(), subst(&text(path, bytes)?).into_bytes()));
                out.push((
                    SCHEMA_FILE.to_string(),
                    crate::schema::report_schema_text().into_bytes(),
                ));
            }
            "说明.md" => {
                let body = subst(&text(path, bytes)?).replace(FIELDS_MARKER, &field_table());
                out.push((path.to_string(), body.into_bytes()));
            }
            _ if path.ends_with(".md") || path.ends_with(".csv") => {
                out.push((path.to_string(), subst(&text(path, bytes)?).into_bytes()));
            }
            _ => out.push((path.to_string(), bytes.to_vec())),
        }
    }
    Ok(out)
}

/// The Markdown table of every field of report.json, from its JSON Schema.
pub fn field_table() -> String {
    let mut t = String::from("| 字段 | 必填 | 取值 | 说明 |\n|---|:---:|---|---|\n");
    for f in crate::schema::fields() {
        let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        t.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            f.path,
            if f.required { "是" } else { "" },
            cell(&f.kind),
            cell(&f.description)
        ));
    }
    t
}

/// Writes a new project into `dir`, which must not exist or be an empty
/// folder (not a link). All files are written or none: on a failure the
/// files and folders made so far are removed again. Returns the paths
/// written, relative to `dir`.
pub fn create(dir: &Path, kind: Kind, today: (i32, u32, u32)) -> Result<Vec<String>> {
    let shown = dir.display().to_string();
    let existed = match std::fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(Error::at(shown, msg::files::new_target_is_link()));
        }
        Ok(m) if !m.is_dir() => {
            return Err(Error::at(shown, msg::files::new_target_not_folder()));
        }
        Ok(_) => {
            let mut entries = std::fs::read_dir(dir)
                .map_err(|e| Error::at(&shown, msg::files::cannot_read_folder(e)))?;
            if entries.next().is_some() {
                return Err(Error::at(shown, msg::files::new_folder_not_empty()));
            }
            true
        }
        Err(_) => false,
    };
    let name = std::path::absolute(dir)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "report".into());
    let files = project_files(kind, &name, today)?;
    let targets: Vec<(PathBuf, Vec<u8>)> = files
        .iter()
        .map(|(rel, bytes)| (dir.join(rel), bytes.clone()))
        .collect();
    write_all_or_none(dir, existed, &targets)?;
    Ok(files.into_iter().map(|(rel, _)| rel).collect())
}

/// [`crate::output::write_all_atomic`], then on a failure removes what it
/// left: the targets, the folders below `dir` and `dir` itself when it did
/// not exist before (folders only when empty: nothing else is ever deleted).
fn write_all_or_none(dir: &Path, existed: bool, files: &[(PathBuf, Vec<u8>)]) -> Result<()> {
    let result = crate::output::write_all_atomic(files);
    if result.is_err() {
        let mut folders: Vec<PathBuf> = Vec::new();
        for (path, _) in files {
            let _ = std::fs::remove_file(path);
            let mut p = path.parent();
            while let Some(f) = p.filter(|f| f.starts_with(dir) && *f != dir) {
                folders.push(f.to_path_buf());
                p = f.parent();
            }
        }
        // Deepest first.
        folders.sort_by_key(|f| std::cmp::Reverse(f.components().count()));
        folders.dedup();
        for f in folders {
            let _ = std::fs::remove_dir(f);
        }
        if !existed {
            let _ = std::fs::remove_dir(dir);
        }
    }
    result
}

/// Today's date (UTC) as (year, month, day).
pub fn today() -> (i32, u32, u32) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_from_days((secs / 86_400) as i64)
}

/// Days since 1970-01-01 → (year, month, day) (H. Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
    }

    /// Every file under templates/new/<kind> is in the lists above (a file
    /// added there and not here would silently be left out).
    #[test]
    fn every_template_file_is_listed() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/new");
        for (folder, listed) in [("bureau", BUREAU), ("school", SCHOOL), ("common", COMMON)] {
            let mut found = Vec::new();
            collect(&root.join(folder), "", &mut found);
            found.sort();
            let mut names: Vec<String> = listed.iter().map(|(p, _)| p.to_string()).collect();
            names.sort();
            assert_eq!(found, names, "templates/new/{folder}");
        }
    }

    fn collect(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let e = e.unwrap();
            let name = format!("{prefix}{}", e.file_name().to_string_lossy());
            if e.file_type().unwrap().is_dir() {
                collect(&e.path(), &format!("{name}/"), out);
            } else {
                out.push(name);
            }
        }
    }

    #[test]
    fn a_failed_write_leaves_nothing() {
        let dir = std::env::temp_dir().join(format!("nianbao-new-fail-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let files = vec![
            (dir.join("a/one.txt"), b"1".to_vec()),
            // A NUL byte: no file system takes that name.
            (dir.join("b/c/t\0wo.txt"), b"2".to_vec()),
        ];
        assert!(write_all_or_none(&dir, false, &files).is_err());
        assert!(!dir.exists(), "{} was left behind", dir.display());
    }

    #[test]
    fn the_report_year_follows_the_date() {
        for (today, year) in [
            ((2026, 1, 16), 2025),
            ((2026, 9, 30), 2025),
            ((2026, 10, 8), 2026),
        ] {
            let files = project_files(Kind::Bureau, "x", today).unwrap();
            let report = files.iter().find(|(p, _)| p == "report.json").unwrap();
            let v: serde_json::Value = serde_json::from_slice(&report.1).unwrap();
            assert_eq!(v["year"], year, "{today:?}");
            let (y, m, d) = today;
            assert_eq!(v["document_date"], format!("{y}-{m:02}-{d:02}"));
            assert_eq!(v["closing"]["date"], format!("{y}年{m}月{d}日"));
        }
    }

    #[test]
    fn substitutions_leave_no_marker() {
        for kind in [Kind::Bureau, Kind::School] {
            for (path, bytes) in project_files(kind, "x", (2026, 1, 16)).unwrap() {
                if let Ok(text) = String::from_utf8(bytes) {
                    for m in [
                        "@YEAR@",
                        "@DATE@",
                        "@DATE_CN@",
                        "@DATE_MONTH@",
                        "@NAME@",
                        FIELDS_MARKER,
                    ] {
                        assert!(!text.contains(m), "{path} still has {m}");
                    }
                }
            }
        }
    }
}

//! The project directory: every file nianbao reads comes through here, so
//! nothing outside the directory can be read.

use crate::error::{Error, Result};
use std::path::{Component, Path, PathBuf};

/// A report project directory.
#[derive(Debug, Clone)]
pub struct Project {
    root: PathBuf,
    /// The directory's own name, used as the output file stem.
    pub name: String,
}

impl Project {
    /// Opens the project at `dir`, which must hold a `report.json`.
    pub fn open(dir: &Path) -> Result<Project> {
        let root = dir.canonicalize().map_err(|e| {
            Error::at(
                dir.display().to_string(),
                format!("cannot open the project directory: {e}"),
            )
        })?;
        if !root.join("report.json").is_file() {
            return Err(Error::at(
                dir.display().to_string(),
                "expected a project directory holding report.json",
            ));
        }
        let name = root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "report".into());
        Ok(Project { root, name })
    }

    /// The canonical project directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Resolves a path written in the project (relative, `/`-separated) and
    /// refuses anything that leaves the project directory.
    pub fn resolve(&self, rel: &str, referenced_from: &str) -> Result<PathBuf> {
        let p = Path::new(rel);
        let escapes = p.is_absolute()
            || p.components().any(|c| {
                matches!(
                    c,
                    Component::ParentDir | Component::RootDir | Component::Prefix(_)
                )
            });
        if rel.is_empty() || escapes {
            return Err(Error::at(
                referenced_from,
                format!(
                    "\"{rel}\": expected a path relative to the project directory, without `..`"
                ),
            ));
        }
        let full = self.root.join(p);
        let canonical = full.canonicalize().map_err(|e| {
            Error::at(
                referenced_from,
                format!("\"{rel}\": cannot read the file: {e}"),
            )
        })?;
        if !canonical.starts_with(&self.root) {
            return Err(Error::at(
                referenced_from,
                format!("\"{rel}\" leads outside the project directory (a link?); refused"),
            ));
        }
        if !canonical.is_file() {
            return Err(Error::at(
                referenced_from,
                format!("\"{rel}\": expected a file"),
            ));
        }
        Ok(canonical)
    }

    /// Reads a file of the project as bytes.
    pub fn read(&self, rel: &str, referenced_from: &str) -> Result<Vec<u8>> {
        let path = self.resolve(rel, referenced_from)?;
        std::fs::read(&path)
            .map_err(|e| Error::at(referenced_from, format!("\"{rel}\": cannot read: {e}")))
    }

    /// Reads a UTF-8 text file of the project (a leading BOM is dropped,
    /// CRLF becomes LF).
    pub fn read_text(&self, rel: &str, referenced_from: &str) -> Result<String> {
        let bytes = self.read(rel, referenced_from)?;
        let text = String::from_utf8(bytes).map_err(|e| {
            Error::at(
                rel,
                format!(
                    "expected UTF-8 text; invalid byte at offset {}",
                    e.utf8_error().valid_up_to()
                ),
            )
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        Ok(text.replace("\r\n", "\n"))
    }
}

//! The project directory: every file nianbao reads comes through here, so
//! nothing outside the directory can be read.

use crate::error::{Error, Result};
use crate::i18n::msg;
use crate::load::explain;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A file's size and modification time, or `None` when it is not there.
pub type Stamp = Option<(u64, std::time::SystemTime)>;

/// A file looked up: its path and how it was just before it was read.
pub type Looked = (PathBuf, Stamp);

/// The [`Stamp`] of a file now.
pub fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.len(), meta.modified().ok()?))
}

/// A report project directory.
#[derive(Debug, Clone)]
pub struct Project {
    root: PathBuf,
    /// The directory's own name, used as the output file stem.
    pub name: String,
    /// Where the files looked up are noted, when asked ([`Project::noting`]).
    noted: Option<Arc<Mutex<Vec<Looked>>>>,
}

impl Project {
    /// Opens the project at `dir`, which must hold a `report.json`.
    pub fn open(dir: &Path) -> Result<Project> {
        let root = dir.canonicalize().map_err(|e| {
            Error::at(
                dir.display().to_string(),
                msg::load::project_dir_unreadable(explain::io(&e)),
            )
        })?;
        if !root.join("report.json").is_file() {
            return Err(Error::at(
                dir.display().to_string(),
                msg::load::not_a_project(),
            ));
        }
        let name = root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "report".into());
        Ok(Project {
            root,
            name,
            noted: None,
        })
    }

    /// The same project, noting every file it looks up ([`Project::resolve`])
    /// from now on, found or not, as it was before it is read: what a
    /// chapter's reading depends on beside its text (`load::cache`).
    pub fn noting(&self) -> (Project, Arc<Mutex<Vec<Looked>>>) {
        let noted = Arc::new(Mutex::new(Vec::new()));
        let project = Project {
            noted: Some(noted.clone()),
            ..self.clone()
        };
        (project, noted)
    }

    /// The canonical project directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Resolves a path written in the project (relative, `/`-separated) and
    /// refuses anything that leaves the project directory.
    pub fn resolve(&self, rel: &str, referenced_from: &str) -> Result<PathBuf> {
        if rel.contains('\\') {
            return Err(Error::at(referenced_from, msg::load::path_backslash(rel)));
        }
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
                msg::load::path_not_relative(rel),
            ));
        }
        let full = self.root.join(p);
        if let Some(noted) = &self.noted {
            noted
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((full.clone(), stamp(&full)));
        }
        let canonical = full.canonicalize().map_err(|e| {
            Error::at(
                referenced_from,
                msg::load::file_unreadable(rel, explain::io(&e)),
            )
        })?;
        if !canonical.starts_with(&self.root) {
            return Err(Error::at(
                referenced_from,
                msg::load::path_leads_outside(rel),
            ));
        }
        if !canonical.is_file() {
            return Err(Error::at(referenced_from, msg::load::path_not_a_file(rel)));
        }
        Ok(canonical)
    }

    /// Whether the project has an entry (file, folder or link, even a broken
    /// one) at `rel`; a backslash or `..` path never exists.
    pub fn has_entry(&self, rel: &str) -> bool {
        !rel.contains('\\')
            && !Path::new(rel)
                .components()
                .any(|c| !matches!(c, Component::Normal(_)))
            && std::fs::symlink_metadata(self.root.join(rel)).is_ok()
    }

    /// A path inside the project to write to: its folder must already be,
    /// or be creatable, inside the project (no link leading out). Returns the
    /// full path of the file.
    pub fn writable(&self, rel: &str, referenced_from: &str) -> Result<PathBuf> {
        let p = Path::new(rel);
        let refused = || Error::at(referenced_from, msg::load::path_leads_outside(rel));
        if rel.contains('\\') || p.components().any(|c| !matches!(c, Component::Normal(_))) {
            return Err(refused());
        }
        // Every existing ancestor must resolve inside the project.
        let mut dir = self.root.clone();
        for c in p.parent().into_iter().flat_map(|d| d.components()) {
            dir.push(c);
            match dir.canonicalize() {
                Ok(real) if real.starts_with(&self.root) => dir = real,
                Ok(_) => return Err(refused()),
                Err(_) if std::fs::symlink_metadata(&dir).is_ok() => return Err(refused()),
                Err(_) => {}
            }
        }
        let target = dir.join(p.file_name().ok_or_else(refused)?);
        if let Ok(m) = std::fs::symlink_metadata(&target)
            && m.file_type().is_symlink()
        {
            return Err(refused());
        }
        Ok(target)
    }

    /// The UTF-8 files directly inside the project folder `rel_dir`, by file
    /// name; none when the folder does not exist. Every file is read through
    /// [`Project::resolve`], so a link leading out of the project is refused.
    pub fn read_folder_texts(
        &self,
        rel_dir: &str,
    ) -> Result<std::collections::BTreeMap<String, String>> {
        let mut out = std::collections::BTreeMap::new();
        if !self.has_entry(rel_dir) {
            return Ok(out);
        }
        let dir = self
            .root
            .join(rel_dir)
            .canonicalize()
            .ok()
            .filter(|d| d.starts_with(&self.root))
            .ok_or_else(|| Error::at(rel_dir, msg::load::folder_leads_outside()))?;
        let entries = std::fs::read_dir(&dir)
            .map_err(|e| Error::at(rel_dir, msg::load::folder_unreadable(explain::io(&e))))?;
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| !n.starts_with('.'))
            .collect();
        names.sort();
        for name in names {
            let rel = format!("{rel_dir}/{name}");
            if self.root.join(&rel).is_dir() {
                continue;
            }
            out.insert(name, self.read_text(&rel, &rel)?);
        }
        Ok(out)
    }

    /// Reads a file of the project as bytes.
    pub fn read(&self, rel: &str, referenced_from: &str) -> Result<Vec<u8>> {
        let path = self.resolve(rel, referenced_from)?;
        std::fs::read(&path).map_err(|e| {
            Error::at(
                referenced_from,
                msg::load::cannot_read(rel, explain::io(&e)),
            )
        })
    }

    /// Reads a UTF-8 text file of the project (a leading BOM is dropped,
    /// CRLF becomes LF).
    pub fn read_text(&self, rel: &str, referenced_from: &str) -> Result<String> {
        let bytes = self.read(rel, referenced_from)?;
        let text = String::from_utf8(bytes)
            .map_err(|e| Error::at(rel, msg::load::not_utf8(e.utf8_error().valid_up_to())))?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        Ok(text.replace("\r\n", "\n"))
    }
}

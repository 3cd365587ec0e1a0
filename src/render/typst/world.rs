//! A Typst world in memory: the generated sources, the layout templates and
//! the project's images, and nothing else — Typst cannot read any other file.

use super::fonts::FontSet;
use std::collections::HashMap;
use std::sync::Arc;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// The in-memory world a report is compiled in.
pub struct ReportWorld {
    library: LazyHash<Library>,
    fonts: Arc<FontSet>,
    main: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

/// The file id of a root-relative virtual path such as `/main.typ`; an error
/// for a path Typst cannot name (one with a backslash).
pub fn file_id(path: &str) -> crate::error::Result<FileId> {
    let vpath = VirtualPath::new(path).map_err(|e| {
        crate::error::Error::at(
            path.trim_start_matches('/'),
            crate::i18n::msg::render::typst_bad_file_name(e),
        )
    })?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl ReportWorld {
    /// A world whose main file is `/main.typ`; `inputs` become `sys.inputs`.
    pub fn new(fonts: Arc<FontSet>, today: (i32, u8, u8), inputs: &[(&str, &str)]) -> Self {
        let mut dict = typst::foundations::Dict::new();
        for (k, v) in inputs {
            dict.insert((*k).into(), typst::foundations::Value::Str((*v).into()));
        }
        ReportWorld {
            library: LazyHash::new(Library::builder().with_inputs(dict).build()),
            fonts,
            main: file_id("/main.typ").expect("a plain path"),
            sources: HashMap::new(),
            files: HashMap::new(),
            today: Datetime::from_ymd(today.0, today.1, today.2)
                .unwrap_or(Datetime::from_ymd(2000, 1, 1).unwrap()),
        }
    }

    /// Adds a Typst source file at a root-relative path.
    pub fn add_source(&mut self, path: &str, text: String) -> crate::error::Result<()> {
        let id = file_id(path)?;
        self.sources.insert(id, Source::new(id, text));
        Ok(())
    }

    /// Sets a source's text, reparsing only what changed when the file is
    /// already there (the watch loop keeps one world between builds).
    pub fn set_source(&mut self, path: &str, text: &str) -> crate::error::Result<()> {
        let id = file_id(path)?;
        match self.sources.get_mut(&id) {
            Some(source) if source.text() == text => {}
            Some(source) => {
                source.replace(text);
            }
            None => {
                self.sources.insert(id, Source::new(id, text.to_string()));
            }
        }
        Ok(())
    }

    /// Adds a binary file (an image) at a root-relative path. The same
    /// bytes again (a watch session's next build) keep the file Typst has:
    /// its hash and decoded image stay cached.
    pub fn add_file(&mut self, path: &str, bytes: Arc<[u8]>) -> crate::error::Result<()> {
        let id = file_id(path)?;
        if self
            .files
            .get(&id)
            .is_none_or(|b| b.as_slice() != &bytes[..])
        {
            self.files.insert(id, Bytes::new(bytes));
        }
        Ok(())
    }

    /// The ids of the source files.
    pub fn source_ids(&self) -> impl Iterator<Item = FileId> + '_ {
        self.sources.keys().copied()
    }

    /// The source text of a file, for error reporting.
    pub fn source_text(&self, id: FileId) -> Option<&Source> {
        self.sources.get(&id)
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_without_slash().into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(b) = self.files.get(&id) {
            return Ok(b.clone());
        }
        if let Some(s) = self.sources.get(&id) {
            return Ok(Bytes::from_string(s.text().to_string()));
        }
        Err(FileError::NotFound(id.vpath().get_without_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

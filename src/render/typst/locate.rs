//! From a place in the generated Typst back to the user's file and line.
//!
//! Every block of the generated `/main.typ` is preceded by a `// @src N`
//! marker line; [`Generated::origins`](super::Generated)`[N]` is the user's
//! `file:line` of that block. A span of the generated code belongs to the
//! block of the nearest marker at or before its line. Spans in the layout
//! templates are reported as `templates/typst/<file>:<line>`.

use super::emit::SRC_MARKER;
use super::world::ReportWorld;
use typst::WorldExt;
use typst::syntax::{DiagSpan, FileId};

/// Where a span of the generated sources is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Site {
    /// The generated file, root-relative without the slash (`main.typ`).
    pub file: String,
    /// The byte offset in that file.
    pub offset: usize,
    /// The 0-based line in that file.
    pub line: usize,
    /// The source marker the line belongs to (in `main.typ` only).
    pub marker: Option<usize>,
}

/// Maps spans to sites and sites to the user's locations.
pub(crate) struct Locator<'a> {
    world: &'a ReportWorld,
    origins: &'a [String],
    main: Option<FileId>,
    /// For each line of `/main.typ`: the marker at or before it.
    markers: Vec<Option<usize>>,
}

/// The marker governing each line of a generated source text.
pub(crate) fn markers_by_line(text: &str) -> Vec<Option<usize>> {
    let mut current = None;
    text.split('\n')
        .map(|l| {
            if let Some(n) = l.strip_prefix(SRC_MARKER) {
                current = n.trim().parse::<usize>().ok().or(current);
            }
            current
        })
        .collect()
}

impl<'a> Locator<'a> {
    pub fn new(world: &'a ReportWorld, origins: &'a [String]) -> Self {
        let main = super::world::file_id("/main.typ").ok();
        let markers = main
            .and_then(|id| world.source_text(id))
            .map(|s| markers_by_line(s.text()))
            .unwrap_or_default();
        Locator {
            world,
            origins,
            main,
            markers,
        }
    }

    pub fn world(&self) -> &'a ReportWorld {
        self.world
    }

    /// Whether a file id is the generated `/main.typ`.
    pub fn is_main(&self, id: FileId) -> bool {
        Some(id) == self.main
    }

    /// The site of a byte offset in a source file.
    pub fn site_at(&self, id: FileId, offset: usize) -> Option<Site> {
        let source = self.world.source_text(id)?;
        let text = source.text();
        let offset = offset.min(text.len());
        let line = text[..offset].matches('\n').count();
        let marker = if self.is_main(id) {
            self.markers.get(line).copied().flatten()
        } else {
            None
        };
        Some(Site {
            file: id.vpath().get_without_slash().to_string(),
            offset,
            line,
            marker,
        })
    }

    /// The site of a span, if it is in one of the generated sources.
    pub fn site(&self, span: impl Into<DiagSpan>) -> Option<Site> {
        let span = span.into();
        let id = span.id()?;
        let range = self.world.range(span)?;
        self.site_at(id, range.start)
    }

    /// The user's `file:line` behind a marker.
    pub fn origin(&self, marker: usize) -> Option<&'a str> {
        self.origins.get(marker).map(String::as_str)
    }

    /// The location to report for a site: the user's `file:line` for
    /// generated code, else the layout template's file and line.
    pub fn location(&self, site: &Site) -> String {
        match (site.file.as_str(), site.marker.and_then(|m| self.origin(m))) {
            ("main.typ", Some(u)) => u.to_string(),
            (file, _) => format!("templates/typst/{file}:{}", site.line + 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_belongs_to_the_marker_before_it() {
        let text = format!("a\n{SRC_MARKER}0\nb\nc\n{SRC_MARKER}1\nd");
        assert_eq!(
            markers_by_line(&text),
            vec![None, Some(0), Some(0), Some(0), Some(1), Some(1)]
        );
    }
}

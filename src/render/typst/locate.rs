//! From a place in the generated Typst back to the user's file and line.
//!
//! Every block of the emitted sources (`/main.typ` and the chapters'
//! files, [`is_emitted`](super::is_emitted)) is preceded by a `// @src N`
//! marker line; [`Generated::origins`](super::Generated)`[N]` is the user's
//! `file:line` of that block. A span of the generated code belongs to the
//! block of the nearest marker at or before its line. Spans in the layout
//! templates are reported as `templates/typst/<file>:<line>`.

use super::emit::SRC_MARKER;
use super::world::ReportWorld;
use std::collections::HashMap;
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
    /// The source marker the line belongs to (in the emitted sources only).
    pub marker: Option<usize>,
}

/// Maps spans to sites and sites to the user's locations.
pub(crate) struct Locator<'a> {
    world: &'a ReportWorld,
    origins: &'a [String],
    /// For each line of each emitted source: the marker at or before it.
    markers: HashMap<FileId, Vec<Option<usize>>>,
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
        let markers = world
            .source_ids()
            .filter(|id| super::is_emitted(id.vpath().get_with_slash()))
            .filter_map(|id| Some((id, markers_by_line(world.source_text(id)?.text()))))
            .collect();
        Locator {
            world,
            origins,
            markers,
        }
    }

    pub fn world(&self) -> &'a ReportWorld {
        self.world
    }

    /// Whether a file id is one of the emitted sources (`/main.typ`, a
    /// chapter), not a layout template.
    pub fn is_emitted(&self, id: FileId) -> bool {
        self.markers.contains_key(&id)
    }

    /// The site of a byte offset in a source file.
    pub fn site_at(&self, id: FileId, offset: usize) -> Option<Site> {
        let source = self.world.source_text(id)?;
        let text = source.text();
        let offset = offset.min(text.len());
        let line = text[..offset].matches('\n').count();
        let marker = self
            .markers
            .get(&id)
            .and_then(|m| m.get(line).copied().flatten());
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
        match site.marker.and_then(|m| self.origin(m)) {
            Some(u) => u.to_string(),
            None => format!("templates/typst/{}:{}", site.file, site.line + 1),
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

//! The DOCX backend: the numbered document model → a WordprocessingML
//! package, written directly (see `package` for the container).
//!
//! Every part is generated here or filled in from the schema-valid templates
//! in `templates/docx/`; elements are written in schema order, so the result
//! validates without a repair pass. User text only ever reaches the XML
//! through [`xml::esc`] / [`xml::attr`].
//!
//! Layout of the output mirrors the Typst backend: cover and declaration
//! (unnumbered section), front matter (roman page numbers), body (arabic from
//! 1, running header), with the same numbers the model carries.
//!
//! Imports between the modules point one way: `front` and `blocks` (the
//! narrative) call `table`, `figure` and `chart`, which write through the
//! shared low-level modules — `runs` (inline content), `fields`, `sections`,
//! `xml`, `house`; `package` (the container and its part names) is at the
//! bottom, using only `xml` and `house`. Nothing below calls back up.

mod blocks;
mod chart;
mod fields;
mod figure;
mod front;
mod house;
mod numbering;
mod package;
mod runs;
mod sections;
mod table;
mod xml;

use crate::error::Result;
use crate::model::*;
use house::House;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Renders the document as DOCX bytes. The same document always gives the
/// same bytes. `pages`: the page numbers the PDF prints for the 目录's
/// entries, shown in the pre-filled 目录 until the fields are updated (left
/// empty without them).
pub fn render(
    doc: &Document,
    pages: Option<&crate::model::page_refs::PageRefs>,
) -> Result<Vec<u8>> {
    let mut w = Writer::new(doc);
    w.pages = pages.cloned();
    // The body first: it collects the entries the pre-filled TOC needs.
    w.fresh_section = true;
    let body = w.capture(|w| blocks::body(w))?;
    let mut xml = String::from(DOC_START);
    let front = w.capture(|w| {
        front::cover(w)?;
        front::declaration(w)?;
        w.end_section(sections::SectKind::Cover);
        front::front_matter(w)?;
        // Not inside the last list: LibreOffice drops a section break that
        // sits in an index's last paragraph.
        w.spacer();
        w.end_section(sections::SectKind::Front);
        Ok(())
    })?;
    xml.push_str(&front);
    xml.push_str(&body);
    xml.push_str(&w.sect_pr(sections::SectKind::Body {
        first: w.body_sections == 0,
        landscape: false,
    }));
    xml.push_str("</w:body></w:document>");
    let (headers, footers) = w.hdr_ftr_parts();
    let parts = package::Parts {
        document: xml,
        styles: w.house.styles_xml(),
        settings: w.house.settings_xml(),
        numbering: numbering::numbering_xml(doc.style.headings),
        headers,
        footers,
        media: sorted_media(std::mem::take(&mut w.media)),
        charts: std::mem::take(&mut w.charts),
    };
    package::pack(&doc.meta, &parts)
}

const DOC_START: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>"#;

/// One entry of a pre-filled TOC or list: what it shows and the bookmark it
/// points to.
#[derive(Debug, Clone)]
pub(crate) struct TocEntry {
    /// Heading level (1–4); 0 for list entries.
    pub level: u8,
    pub text: String,
    pub bookmark: String,
}

/// The state of one rendering.
pub(crate) struct Writer<'a> {
    pub doc: &'a Document,
    pub house: House,
    /// The XML written so far (of the part being captured).
    pub out: String,
    /// Where the last top-level paragraph's `</w:pPr>` is in `out`, while
    /// that paragraph is the last thing written: a section break goes there.
    last_ppr_end: Option<usize>,
    /// The last thing written is a table (two tables must not touch).
    last_is_table: bool,
    /// The next paragraph starts a section: no page break of its own.
    pub fresh_section: bool,
    /// The next paragraph starts a new page (unless it starts a section).
    break_next: bool,
    next_bookmark: u32,
    next_toc: u32,
    pub next_docpr: u32,
    /// Images by project path: (order of first use, media entry).
    pub media: BTreeMap<String, (usize, package::Media)>,
    /// Native charts in order: `word/charts/chart{n}.xml`.
    pub charts: Vec<package::ChartPart>,
    /// Available width for content here, twips (smaller inside case boxes).
    pub width: u32,
    pub headings: Vec<TocEntry>,
    pub tables: Vec<TocEntry>,
    pub figures: Vec<TocEntry>,
    pub cases: Vec<TocEntry>,
    /// Body sections closed so far (landscape tables split the body).
    pub body_sections: usize,
    /// How many bullet lists the current paragraph is inside.
    pub list_depth: usize,
    /// The PDF's page numbers for the 目录's entries, if known.
    pub pages: Option<crate::model::page_refs::PageRefs>,
}

impl<'a> Writer<'a> {
    fn new(doc: &'a Document) -> Self {
        let house = House::of(&doc.house);
        let width = house.text_width();
        Writer {
            doc,
            house,
            out: String::new(),
            last_ppr_end: None,
            last_is_table: false,
            fresh_section: false,
            break_next: false,
            next_bookmark: 0,
            next_toc: 0,
            next_docpr: 1,
            media: BTreeMap::new(),
            charts: Vec::new(),
            width,
            headings: Vec::new(),
            tables: Vec::new(),
            figures: Vec::new(),
            cases: Vec::new(),
            body_sections: 0,
            pages: None,
            list_depth: 0,
        }
    }

    /// Runs `f` writing into a fresh buffer and returns what it wrote.
    pub fn capture<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T::Output
    where
        T: Captured,
    {
        let saved = (
            std::mem::take(&mut self.out),
            self.last_ppr_end.take(),
            self.last_is_table,
        );
        self.last_is_table = false;
        let r = f(self);
        let text = std::mem::replace(&mut self.out, saved.0);
        self.last_ppr_end = saved.1;
        self.last_is_table = saved.2;
        r.with(text)
    }

    /// Writes a paragraph: style id, further `w:pPr` children in schema
    /// order, and the runs.
    pub fn p(&mut self, style: &str, ppr_extra: &str, content: &str) {
        let mut extra = std::borrow::Cow::Borrowed(ppr_extra);
        if std::mem::take(&mut self.break_next)
            && !self.fresh_section
            && !extra.contains("<w:pageBreakBefore/>")
        {
            extra = format!("<w:pageBreakBefore/>{extra}").into();
        }
        if std::mem::take(&mut self.fresh_section) {
            if extra.contains("<w:pageBreakBefore/>") {
                extra = extra.replace("<w:pageBreakBefore/>", "").into();
            } else if matches!(style, "Heading1" | "FrontTitle") {
                extra = format!(r#"<w:pageBreakBefore w:val="0"/>{extra}"#).into();
            }
        }
        let _ = write!(
            self.out,
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}"#
        );
        self.last_ppr_end = Some(self.out.len());
        let _ = write!(self.out, "</w:pPr>{content}</w:p>");
        self.last_is_table = false;
    }

    /// Starts the next paragraph on a new page (an untitled preface).
    pub fn page_break_next(&mut self) {
        self.break_next = true;
    }

    /// Writes a table (already complete XML), keeping it apart from a table
    /// right before it.
    pub fn table_xml(&mut self, tbl: &str) {
        if self.last_is_table {
            self.spacer();
        }
        self.out.push_str(tbl);
        self.last_ppr_end = None;
        self.last_is_table = true;
    }

    /// A tiny empty paragraph (between tables, or to end a cell).
    pub fn spacer(&mut self) {
        self.p("Normal", r#"<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:rPr><w:sz w:val="4"/><w:szCs w:val="4"/></w:rPr>"#, "");
    }

    /// Makes sure the content written so far ends with a paragraph (table
    /// cells must).
    pub fn end_with_paragraph(&mut self) {
        if self.last_ppr_end.is_none() {
            self.spacer();
        }
    }

    /// Ends the current section with the given properties.
    pub fn end_section(&mut self, kind: sections::SectKind) {
        if self.last_ppr_end.is_none() {
            self.spacer();
        }
        if let sections::SectKind::Body { .. } = kind {
            self.body_sections += 1;
        }
        let s = self.sect_pr(kind);
        let pos = self
            .last_ppr_end
            .take()
            .expect("a paragraph was just written");
        self.out.insert_str(pos, &s);
        self.fresh_section = true;
    }

    /// Starts and ends a bookmark around `content`.
    pub fn bookmarked(&mut self, name: &str, content: &str) -> String {
        let id = self.next_bookmark;
        self.next_bookmark += 1;
        format!(
            r#"<w:bookmarkStart w:id="{id}" w:name="{}"/>{content}<w:bookmarkEnd w:id="{id}"/>"#,
            xml::attr(name)
        )
    }

    /// The bookmark name for an element: derived from its id (so
    /// cross-references can point at it) or a fresh `_Toc` name.
    pub fn bookmark_name(&mut self, id: &Option<String>) -> String {
        match id {
            Some(id) => id_bookmark(id),
            None => {
                self.next_toc += 1;
                format!("_Toc{:06}", self.next_toc)
            }
        }
    }
}

/// What [`Writer::capture`] returns for a closure's result.
pub(crate) trait Captured {
    type Output;
    fn with(self, text: String) -> Self::Output;
}

impl Captured for () {
    type Output = String;
    fn with(self, text: String) -> String {
        text
    }
}

impl Captured for Result<()> {
    type Output = Result<String>;
    fn with(self, text: String) -> Result<String> {
        self.map(|_| text)
    }
}

/// A bookmark name for a model id (`[a-z0-9-]`): `_nb_` + the id with `_`
/// for `-`, shortened with a hash beyond Word's 40 characters.
pub(crate) fn id_bookmark(id: &str) -> String {
    let base: String = id.chars().map(|c| if c == '-' { '_' } else { c }).collect();
    let name = format!("_nb_{base}");
    if name.chars().count() <= 40 {
        return name;
    }
    let mut h: u32 = 0x811c9dc5;
    for b in id.bytes() {
        h = (h ^ b as u32).wrapping_mul(0x01000193);
    }
    let head: String = base.chars().take(26).collect();
    format!("_nb_{head}_{h:08x}")
}

/// Media in order of first use.
fn sorted_media(m: BTreeMap<String, (usize, package::Media)>) -> Vec<package::Media> {
    let mut v: Vec<(usize, package::Media)> = m.into_values().collect();
    v.sort_by_key(|(n, _)| *n);
    v.into_iter().map(|(_, m)| m).collect()
}

//! Word fields: SEQ caption numbers, PAGE, PAGEREF, and the pre-filled TOC
//! and list-of-captions fields.

use super::xml::{RunFmt, esc, text_runs};
use super::{TocEntry, Writer};
use crate::model::{Inline, Number, NumberKind, NumberingScheme};
use std::fmt::Write as _;

/// A complex field: `instr` with a pre-computed result.
pub fn field(out: &mut String, instr: &str, result: &str, fmt: &RunFmt) {
    let rpr = fmt.rpr();
    let _ = write!(
        out,
        r#"<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>{rpr}<w:instrText xml:space="preserve"> {} </w:instrText></w:r><w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>"#,
        esc(instr)
    );
    text_runs(out, result, fmt);
    let _ = write!(out, r#"<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>"#);
}

/// The kinds of numbered captions and their SEQ identifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeqKind {
    Table,
    Figure,
    Case,
}

impl SeqKind {
    /// The SEQ identifier (also the `TOC \c` argument).
    pub fn id(self) -> &'static str {
        match self {
            SeqKind::Table => "表",
            SeqKind::Figure => "图",
            SeqKind::Case => "案例",
        }
    }

    /// The model's kind.
    pub fn kind(self) -> NumberKind {
        match self {
            SeqKind::Table => NumberKind::Table,
            SeqKind::Figure => NumberKind::Figure,
            SeqKind::Case => NumberKind::Case,
        }
    }

    /// The paragraph style of a caption of this kind: one style per kind
    /// for numbered ones, so that a list can be built from the style
    /// (`TOC \t`); plain `Caption` for an unnumbered table or figure.
    pub fn caption_style(self, num: &crate::model::Numbered) -> &'static str {
        match self {
            _ if num.number.is_none() && self != SeqKind::Case => "Caption",
            SeqKind::Table => "TableCaption",
            SeqKind::Figure => "FigureCaption",
            SeqKind::Case => "CaseTitle",
        }
    }

    /// The same style by the name `TOC \t` refers to it.
    fn caption_style_name(self) -> &'static str {
        match self {
            SeqKind::Table => "Table Caption",
            SeqKind::Figure => "Figure Caption",
            SeqKind::Case => "Case Title",
        }
    }

    /// The field of the list of this kind (表目录 …). The list is built from
    /// the SEQ fields of the captions (`TOC \c`), or, for a scheme whose
    /// numbers are written as text, from the captions' paragraph style
    /// (`TOC \t`): every application rebuilds either the same way.
    pub fn list_field(self, scheme: NumberingScheme) -> String {
        if written_as_text(scheme) {
            format!("TOC \\h \\z \\t \"{},1\"", self.caption_style_name())
        } else {
            format!("TOC \\h \\z \\c \"{}\"", self.id())
        }
    }
}

/// Whether numbers of this scheme are written as their final text rather
/// than as a SEQ field: Word and WPS print `SEQ \* CHINESENUM3` as 一, 二,
/// but LibreOffice ignores the switch and renumbers them 1, 2 on every
/// update, while the text cites 表一. The text reads the same everywhere.
pub fn written_as_text(scheme: NumberingScheme) -> bool {
    scheme == NumberingScheme::Chinese
}

/// Writes a caption label (`表 1-5`): the word and any chapter part as
/// text, the running number as a SEQ field whose result is the model's (or
/// the whole label as text, for a scheme fields cannot print everywhere).
pub fn caption_label(out: &mut String, kind: SeqKind, num: &Number, word: &str, fmt: &RunFmt) {
    if written_as_text(num.scheme) {
        text_runs(out, &num.label(word), fmt);
        return;
    }
    text_runs(out, &num.prefix(word), fmt);
    let running = num.running();
    match (num.scheme, num.chapter) {
        (NumberingScheme::Chapter, Some(chapter)) => {
            text_runs(out, &format!("{chapter}-"), fmt);
            // `\s 1` restarts at each Heading 1 in Word; LibreOffice
            // ignores it, so the chapter's first caption also resets.
            let reset = if num.n == 1 { " \\r 1" } else { "" };
            field(
                out,
                &format!("SEQ {}{reset} \\* ARABIC \\s 1", kind.id()),
                &running,
                fmt,
            );
        }
        _ => field(out, &format!("SEQ {} \\* ARABIC", kind.id()), &running, fmt),
    }
}

/// Writes a TOC-type field (`instr`) pre-filled with `entries`, one paragraph
/// each; `style` gives the paragraph style of an entry.
///
/// `pages`: each entry's page number as the PDF prints it, shown until the
/// field is updated; used only when there is one per entry.
pub fn toc(
    w: &mut Writer,
    instr: &str,
    entries: &[TocEntry],
    pages: Option<&[String]>,
    style: &dyn Fn(&TocEntry) -> String,
) {
    let pages = pages.filter(|p| p.len() == entries.len());
    let begin = format!(
        r#"<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r><w:r><w:instrText xml:space="preserve"> {} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
        esc(instr)
    );
    let end = r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#;
    if entries.is_empty() {
        w.p("TOC1", "", &format!("{begin}{end}"));
        return;
    }
    for (i, e) in entries.iter().enumerate() {
        let mut c = String::new();
        if i == 0 {
            c.push_str(&begin);
        }
        let _ = write!(
            c,
            r#"<w:hyperlink w:anchor="{}" w:history="1">"#,
            super::xml::attr(&e.bookmark)
        );
        text_runs(&mut c, &e.text, &RunFmt::default());
        c.push_str("<w:r><w:tab/></w:r>");
        field(
            &mut c,
            &format!("PAGEREF {} \\h", e.bookmark),
            pages.map_or("", |p| p[i].as_str()),
            &RunFmt::default(),
        );
        c.push_str("</w:hyperlink>");
        if i + 1 == entries.len() {
            c.push_str(end);
        }
        w.p(&style(e), "", &c);
    }
}

/// The PAGE field as it appears in footers (upper-case roman or arabic).
pub fn page(out: &mut String, roman: bool) {
    if roman {
        field(out, "PAGE \\* ROMAN", "I", &RunFmt::default());
    } else {
        field(out, "PAGE \\* ARABIC", "1", &RunFmt::default());
    }
}

impl Writer<'_> {
    /// A bookmarked caption `表 1-5　标题` (label with its SEQ field, then the
    /// title), added to the list of its kind; returns the caption's runs. An
    /// unnumbered one (`none`) is its title alone, and not listed.
    pub fn numbered_caption(
        &mut self,
        kind: SeqKind,
        num: &crate::model::Numbered,
        title: &[Inline],
    ) -> String {
        let bm = self.bookmark_name(&num.id);
        let captions = &self.doc.house.captions;
        let word = match kind {
            SeqKind::Table => &captions.table,
            SeqKind::Figure => &captions.figure,
            SeqKind::Case => &captions.case,
        };
        let sep = captions.separator.clone();
        let mut c = String::new();
        let Some(n) = &num.number else {
            super::runs::inlines(&mut c, title, RunFmt::default());
            return self.bookmarked(&bm, &c);
        };
        caption_label(&mut c, kind, n, word, &RunFmt::default());
        if !title.is_empty() {
            text_runs(&mut c, &sep, &RunFmt::default());
            super::runs::inlines(&mut c, title, RunFmt::default());
        }
        let c = self.bookmarked(&bm, &c);
        let entry = TocEntry {
            level: 0,
            text: format!("{}{sep}{}", num.label, Inline::one_line(title)),
            bookmark: bm,
        };
        match kind {
            SeqKind::Table => self.tables.push(entry),
            SeqKind::Figure => self.figures.push(entry),
            SeqKind::Case => self.cases.push(entry),
        }
        c
    }
}

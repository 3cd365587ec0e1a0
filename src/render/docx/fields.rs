//! Word fields: SEQ caption numbers, PAGE, PAGEREF, and the pre-filled TOC
//! and list-of-captions fields.

use super::xml::{RunFmt, esc, text_runs};
use super::{TocEntry, Writer};
use crate::model::NumberingScheme;
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
}

/// Writes a caption label (`表 1-5`) with its running number as a SEQ field
/// whose result is the model's number; the chapter part stays literal.
pub fn caption_label(
    out: &mut String,
    kind: SeqKind,
    label: &str,
    number: &str,
    scheme: NumberingScheme,
    fmt: &RunFmt,
) {
    let Some(prefix) = label.strip_suffix(number) else {
        // Not the expected shape: keep the label, number it anyway.
        field(out, &format!("SEQ {} \\* ARABIC", kind.id()), label, fmt);
        return;
    };
    text_runs(out, prefix, fmt);
    match scheme {
        NumberingScheme::Chapter => match number.rsplit_once('-') {
            Some((chapter, n)) => {
                text_runs(out, &format!("{chapter}-"), fmt);
                // `\s 1` restarts at each Heading 1 in Word; LibreOffice
                // ignores it, so the chapter's first caption also resets.
                let reset = if n == "1" { " \\r 1" } else { "" };
                field(
                    out,
                    &format!("SEQ {}{reset} \\* ARABIC \\s 1", kind.id()),
                    n,
                    fmt,
                );
            }
            None => field(out, &format!("SEQ {} \\* ARABIC", kind.id()), number, fmt),
        },
        NumberingScheme::Continuous => {
            field(out, &format!("SEQ {} \\* ARABIC", kind.id()), number, fmt)
        }
        NumberingScheme::Chinese => field(
            out,
            &format!("SEQ {} \\* CHINESENUM3", kind.id()),
            number,
            fmt,
        ),
    }
}

/// Writes a TOC-type field (`instr`) pre-filled with `entries`, one paragraph
/// each; `style` gives the paragraph style of an entry.
pub fn toc(w: &mut Writer, instr: &str, entries: &[TocEntry], style: &dyn Fn(&TocEntry) -> String) {
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
            "",
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
    /// title), added to the list of its kind; returns the caption's runs.
    pub fn numbered_caption(
        &mut self,
        kind: SeqKind,
        num: &crate::model::Numbered,
        title: &str,
    ) -> String {
        let bm = self.bookmark_name(&num.id);
        let mut c = String::new();
        caption_label(
            &mut c,
            kind,
            &num.label,
            &num.number,
            self.doc.style.numbering,
            &RunFmt::default(),
        );
        text_runs(&mut c, &format!("\u{3000}{title}"), &RunFmt::default());
        let c = self.bookmarked(&bm, &c);
        let entry = TocEntry {
            level: 0,
            text: format!("{}\u{3000}{title}", num.label),
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

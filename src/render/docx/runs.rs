//! Inline content as runs: text, bold, 楷体 emphasis, super- and subscript,
//! references linked to their target's bookmark, line breaks. A leaf of the
//! backend: the narrative, tables, captions and fields all write inline
//! content through it.

use super::house::KAI;
use super::id_bookmark;
use super::xml::{RunFmt, attr, text_runs};
use crate::model::{Inline, RANGE_WORD};
use std::fmt::Write as _;

/// Writes inline content as runs: Strong → bold, Emph → 楷体, Ref → its
/// label linked to the target, LineBreak → `w:br`.
pub fn inlines(out: &mut String, content: &[Inline], fmt: RunFmt) {
    for i in content {
        match i {
            Inline::Text(t) => text_runs(out, t, &fmt),
            Inline::Strong(c) => inlines(out, c, RunFmt { bold: true, ..fmt }),
            Inline::Emph(c) => inlines(
                out,
                c,
                RunFmt {
                    east_asia: Some(KAI),
                    ..fmt
                },
            ),
            Inline::Sup(c) => inlines(
                out,
                c,
                RunFmt {
                    vert: Some("superscript"),
                    ..fmt
                },
            ),
            Inline::Sub(c) => inlines(
                out,
                c,
                RunFmt {
                    vert: Some("subscript"),
                    ..fmt
                },
            ),
            Inline::Ref { target, label } => link(out, target, label, fmt),
            Inline::RefRange {
                from,
                to,
                from_label,
                to_label,
            } => {
                link(out, from, from_label, fmt);
                text_runs(out, RANGE_WORD, &fmt);
                link(out, to, to_label, fmt);
            }
            Inline::LineBreak => {
                let _ = write!(out, "<w:r>{}<w:br/></w:r>", fmt.rpr());
            }
        }
    }
}

/// A reference: its label linked to the target's bookmark.
fn link(out: &mut String, target: &str, label: &str, fmt: RunFmt) {
    let _ = write!(
        out,
        r#"<w:hyperlink w:anchor="{}" w:history="1">"#,
        attr(&id_bookmark(target))
    );
    text_runs(out, label, &fmt);
    out.push_str("</w:hyperlink>");
}

/// Runs for inline content with default formatting.
pub fn runs(content: &[Inline], fmt: RunFmt) -> String {
    let mut s = String::new();
    inlines(&mut s, content, fmt);
    s
}

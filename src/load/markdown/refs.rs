//! `@id` references through Markdown parsing: wrapped in private-use
//! sentinels before pulldown-cmark sees the text, so that emphasis or links
//! cannot mangle them, and turned into [`Inline::Ref`] (or back into the text
//! they were, in code and raw HTML) after.

use crate::model::Inline;
use crate::model::refs::{self, Source};

/// Opens a cross-reference in the text between template expansion and
/// Markdown parsing, so that Markdown cannot mangle it.
pub(super) const REF_OPEN: char = '\u{E000}';
/// Closes a cross-reference opened by [`REF_OPEN`].
pub(super) const REF_CLOSE: char = '\u{E001}';

/// Wraps every reference (`@tbl-x`, `@fig-x`, `@case-x`, `@sec-x`, not after
/// `\` or a letter or digit) in sentinels, without the `@`.
pub(super) fn mark_refs(text: &str) -> String {
    refs::replace(text, Source::Markdown, |id, out| {
        out.push(REF_OPEN);
        out.push_str(id);
        out.push(REF_CLOSE);
    })
}

/// Puts references found in code or raw HTML back as the text they were.
pub(super) fn unmark_refs(text: &str) -> String {
    text.replace(REF_OPEN, "@").replace(REF_CLOSE, "")
}

/// Appends `text` to `out`, its marked references as [`Inline::Ref`]s.
pub(super) fn push_text_with_refs(out: &mut Vec<Inline>, text: &str) {
    let mut rest = text;
    while let Some(start) = rest.find(REF_OPEN) {
        if start > 0 {
            out.push(Inline::Text(rest[..start].to_string()));
        }
        let after = &rest[start + REF_OPEN.len_utf8()..];
        match after.find(REF_CLOSE) {
            Some(end) => {
                out.push(Inline::Ref {
                    target: after[..end].to_string(),
                    label: String::new(),
                });
                rest = &after[end + REF_CLOSE.len_utf8()..];
            }
            None => {
                out.push(Inline::Text(format!("@{after}")));
                rest = "";
            }
        }
    }
    if !rest.is_empty() {
        out.push(Inline::Text(rest.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refs_are_marked_unless_escaped() {
        let m = mark_refs("见@tbl-a，邮箱a@tbl-b，\\@fig-c。");
        assert_eq!(m, "见\u{E000}tbl-a\u{E001}，邮箱a@tbl-b，\\@fig-c。");
    }
}

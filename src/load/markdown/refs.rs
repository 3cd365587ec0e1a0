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
/// Stands for `\^` (a caret that is not a superscript's) until the text
/// runs are read.
pub(super) const ESCAPED_CARET: char = '\u{E003}';
/// Stands for `\~` (a tilde that is not a subscript's).
pub(super) const ESCAPED_TILDE: char = '\u{E004}';

/// Replaces `\^` and `\~` with sentinels before Markdown parsing, so that
/// an escaped caret or tilde never starts or ends a superscript or subscript
/// (`\\` stays an escaped backslash).
pub(super) fn protect_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut it = text.chars().peekable();
    while let Some(c) = it.next() {
        match (c, it.peek()) {
            ('\\', Some('^')) => {
                it.next();
                out.push(ESCAPED_CARET);
            }
            ('\\', Some('~')) => {
                it.next();
                out.push(ESCAPED_TILDE);
            }
            ('\\', Some(&n)) => {
                it.next();
                out.push('\\');
                out.push(n);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Appends text to `out`, reading `^…^` as superscript and `~…~` as
/// subscript where what they enclose may be one (`m^2^`, `CO~2~`: see
/// [`crate::model::markup::script_ok`]); anything else, escaped carets and
/// tildes too, stays text as written (`10~20人，30~40人`).
pub(super) fn push_text_with_scripts(out: &mut Vec<Inline>, text: &str) {
    let restore = |s: &str| s.replace(ESCAPED_CARET, "^").replace(ESCAPED_TILDE, "~");
    let mut plain = String::new();
    let mut rest = text;
    while let Some(k) = rest.find(['^', '~']) {
        plain.push_str(&rest[..k]);
        let tail = &rest[k..];
        let c = if tail.starts_with('^') { '^' } else { '~' };
        if let Some(end) = tail[1..].find(c)
            && crate::model::markup::script_ok(&tail[1..1 + end])
        {
            if !plain.is_empty() {
                out.push(Inline::Text(restore(&std::mem::take(&mut plain))));
            }
            let content = vec![Inline::Text(tail[1..1 + end].to_string())];
            out.push(if c == '^' {
                Inline::Sup(content)
            } else {
                Inline::Sub(content)
            });
            rest = &tail[2 + end..];
            continue;
        }
        plain.push(c);
        rest = &tail[1..];
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        out.push(Inline::Text(restore(&plain)));
    }
}

/// Wraps every reference (`@tbl-x`, `@fig-x`, `@case-x`, `@sec-x`, not after
/// `\` or a letter or digit; or a list or range in brackets) in sentinels,
/// its items encoded by [`refs::encode`].
pub(super) fn mark_refs(text: &str) -> String {
    refs::replace(text, Source::Markdown, |items, out| {
        out.push(REF_OPEN);
        out.push_str(&refs::encode(items));
        out.push(REF_CLOSE);
    })
}

/// Puts references (and escaped carets and tildes) found in code or raw
/// HTML back as the text they were.
pub(super) fn unmark_refs(text: &str) -> String {
    unmark(text)
        .replace(ESCAPED_CARET, "\\^")
        .replace(ESCAPED_TILDE, "\\~")
}

fn unmark(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(REF_OPEN) {
        out.push_str(&rest[..start]);
        let after = &rest[start + REF_OPEN.len_utf8()..];
        let (inner, tail) = match after.find(REF_CLOSE) {
            Some(end) => (&after[..end], &after[end + REF_CLOSE.len_utf8()..]),
            None => (after, ""),
        };
        out.push_str(&written(inner));
        rest = tail;
    }
    out.push_str(rest);
    out.replace(REF_CLOSE, "")
}

/// A marked reference as the user wrote it (`@a`, `[@a; @b--@c]`).
fn written(encoded: &str) -> String {
    let items = refs::decode(encoded);
    let one = |i: &refs::Item<'_>| match i {
        refs::Item::One(a) => format!("@{a}"),
        refs::Item::Range(a, b) => format!("@{a}--@{b}"),
    };
    match items.as_slice() {
        [refs::Item::One(a)] if !encoded.is_empty() => format!("@{a}"),
        _ => format!("[{}]", items.iter().map(one).collect::<Vec<_>>().join("; ")),
    }
}

/// The inlines of a reference's encoded items: a single reference, or the
/// items of a list separated by `、`, a range as [`Inline::RefRange`].
pub(super) fn ref_inlines(encoded: &str, out: &mut Vec<Inline>) {
    for (i, item) in refs::decode(encoded).into_iter().enumerate() {
        if i > 0 {
            out.push(Inline::Text(crate::model::LIST_SEPARATOR.to_string()));
        }
        match item {
            refs::Item::One(a) => out.push(Inline::Ref {
                target: a.to_string(),
                label: String::new(),
            }),
            refs::Item::Range(a, b) => out.push(Inline::RefRange {
                from: a.to_string(),
                to: b.to_string(),
                from_label: String::new(),
                to_label: String::new(),
            }),
        }
    }
}

/// Appends `text` to `out`, its marked references as [`Inline::Ref`]s,
/// superscripts and subscripts as [`Inline::Sup`] and [`Inline::Sub`].
pub(super) fn push_text_with_refs(out: &mut Vec<Inline>, text: &str) {
    let mut rest = text;
    while let Some(start) = rest.find(REF_OPEN) {
        if start > 0 {
            push_text_with_scripts(out, &rest[..start]);
        }
        let after = &rest[start + REF_OPEN.len_utf8()..];
        match after.find(REF_CLOSE) {
            Some(end) => {
                ref_inlines(&after[..end], out);
                rest = &after[end + REF_CLOSE.len_utf8()..];
            }
            None => {
                push_text_with_scripts(out, &format!("@{after}"));
                rest = "";
            }
        }
    }
    if !rest.is_empty() {
        push_text_with_scripts(out, rest);
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

//! Cross-reference ids and the one `@id` scanner: what an id looks like, the
//! prefixes that say what it names, and where in a text `@id` is a reference.
//!
//! The Markdown loader, the template protection of `{#id}` attribute lists
//! and caption resolution all read references through this module.

/// The id prefix of a table (`{.table #tbl-x}`).
pub const TABLE: &str = "tbl-";
/// The id prefix of a figure or chart (`#fig-x`).
pub const FIGURE: &str = "fig-";
/// The id prefix of a case (`#case-x`).
pub const CASE: &str = "case-";
/// The id prefix of a heading (`## 标题 {#sec-x}`).
pub const SECTION: &str = "sec-";
/// Every prefix a reference id starts with.
pub const PREFIXES: [&str; 4] = [TABLE, FIGURE, CASE, SECTION];

/// Whether `c` may stand in an id: a lowercase ASCII letter, a digit or `-`.
fn is_id_char(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'
}

/// A valid id: lowercase ASCII letters, digits and `-`, not ending in `-`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(is_id_char) && !id.ends_with('-')
}

/// Whether `s` starts with one of the [`PREFIXES`].
pub fn has_prefix(s: &str) -> bool {
    PREFIXES.iter().any(|p| s.starts_with(p))
}

/// The reference id at the start of `s` (the text right after an `@`): its
/// run of id characters without trailing `-`, when that is a prefix followed
/// by at least one more character.
fn id_at(s: &str) -> Option<&str> {
    let len = s.find(|c: char| !is_id_char(c)).unwrap_or(s.len());
    let id = s[..len].trim_end_matches('-');
    PREFIXES
        .iter()
        .any(|p| id.starts_with(p) && id.len() > p.len())
        .then_some(id)
}

/// Where a text comes from, which decides what may stand right before the
/// `@` of a reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Markdown as written: `@` right after a `\` (an escape) or an ASCII
    /// letter or digit of the text (`a@tbl-b`, an e-mail address) is not a
    /// reference.
    Markdown,
    /// A caption or title (an attribute value, its escapes already removed):
    /// `@` right after an ASCII letter or digit of what has been written so
    /// far (the text, or the replacement of a reference before it) is not a
    /// reference.
    Caption,
}

/// One item of a reference: an id, or a range between two ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item<'a> {
    One(&'a str),
    Range(&'a str, &'a str),
}

/// Reads a bracketed reference list at the start of `s` (just after its
/// `[`): `@a; @b]`, `@a--@c]` or a mix (`@a; @b--@d]`), spaces allowed
/// around `;` and `--`. Returns the items and the length read (up to and
/// with the `]`).
fn group_at(s: &str) -> Option<(Vec<Item<'_>>, usize)> {
    let mut items = Vec::new();
    let mut pos = 0;
    let skip_spaces = |pos: &mut usize| {
        while s[*pos..].starts_with(' ') {
            *pos += 1;
        }
    };
    let id = |pos: &mut usize| -> Option<&str> {
        let rest = s.get(*pos..)?.strip_prefix('@')?;
        let id = id_at(rest)?;
        *pos += 1 + id.len();
        Some(id)
    };
    loop {
        skip_spaces(&mut pos);
        let first = id(&mut pos)?;
        skip_spaces(&mut pos);
        if s[pos..].starts_with("--") {
            pos += 2;
            skip_spaces(&mut pos);
            let last = id(&mut pos)?;
            items.push(Item::Range(first, last));
            skip_spaces(&mut pos);
        } else {
            items.push(Item::One(first));
        }
        if s[pos..].starts_with(';') {
            pos += 1;
        } else if s[pos..].starts_with(']') {
            pos += 1;
            break;
        } else {
            return None;
        }
    }
    // A single bare reference in brackets (`[@tbl-a]`) is a list of one.
    Some((items, pos))
}

/// Copies `text`, replacing each reference with what `on_ref` writes for
/// it: a single `@tbl-…`, `@fig-…`, `@case-…` or `@sec-…` (given as one
/// [`Item::One`], without the `@`), or a bracketed list `[@a; @b]` or range
/// `[@a--@c]` (its items in order; the brackets go too).
pub fn replace(
    text: &str,
    source: Source,
    mut on_ref: impl FnMut(&[Item<'_>], &mut String),
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    while let Some(k) = text[pos..].find(['@', '[']) {
        let at = pos + k;
        out.push_str(&text[pos..at]);
        let escaped = source == Source::Markdown && text[..at].ends_with('\\');
        if text[at..].starts_with('[') {
            match group_at(&text[at + 1..]).filter(|_| !escaped) {
                Some((items, len)) => {
                    on_ref(&items, &mut out);
                    pos = at + 1 + len;
                }
                None => {
                    out.push('[');
                    pos = at + 1;
                }
            }
            continue;
        }
        let blocked = match source {
            Source::Markdown => text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c == '\\' || c.is_ascii_alphanumeric()),
            Source::Caption => out
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphanumeric()),
        };
        match id_at(&text[at + 1..]).filter(|_| !blocked) {
            Some(id) => {
                on_ref(&[Item::One(id)], &mut out);
                pos = at + 1 + id.len();
            }
            None => {
                out.push('@');
                pos = at + 1;
            }
        }
    }
    out.push_str(&text[pos..]);
    out
}

/// Items written as one string (`tbl-a;tbl-b>tbl-d`: `;` between items,
/// `>` between the ends of a range; neither can stand in an id), and read
/// back.
pub fn encode(items: &[Item<'_>]) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|i| match i {
            Item::One(a) => a.to_string(),
            Item::Range(a, b) => format!("{a}>{b}"),
        })
        .collect();
    parts.join(";")
}

/// The items of a string written by [`encode`].
pub fn decode(s: &str) -> Vec<Item<'_>> {
    s.split(';')
        .map(|p| match p.split_once('>') {
            Some((a, b)) => Item::Range(a, b),
            None => Item::One(p),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bracket(text: &str, source: Source) -> String {
        replace(text, source, |items, out| {
            out.push('[');
            out.push_str(&encode(items));
            out.push(']');
        })
    }

    #[test]
    fn lists_and_ranges() {
        let m = |t: &str| bracket(t, Source::Markdown);
        assert_eq!(m("见[@tbl-a; @tbl-b]。"), "见[tbl-a;tbl-b]。");
        assert_eq!(m("见[@tbl-a--@tbl-c]"), "见[tbl-a>tbl-c]");
        assert_eq!(m("[@fig-a ; @fig-b -- @fig-d]"), "[fig-a;fig-b>fig-d]");
        assert_eq!(m("[@tbl-a]"), "[tbl-a]");
        // Not a list: stays as written, single references still read.
        assert_eq!(
            m("[注] [@tbl-a, @tbl-b] \\[@tbl-c]"),
            "[注] [[tbl-a], [tbl-b]] \\[[tbl-c]]"
        );
        assert_eq!(decode("a;b>c"), vec![Item::One("a"), Item::Range("b", "c")]);
    }

    #[test]
    fn references_need_a_prefix_and_a_name() {
        let m = |t: &str| bracket(t, Source::Markdown);
        assert_eq!(m("见@tbl-a，@fig-2-1。"), "见[tbl-a]，[fig-2-1]。");
        assert_eq!(m("@case-x- 与 @sec-y"), "[case-x]- 与 [sec-y]");
        assert_eq!(m("@tbl- @tbl @eq-1 @Tbl-a @"), "@tbl- @tbl @eq-1 @Tbl-a @");
        assert_eq!(m("@@tbl-a"), "@[tbl-a]");
    }

    #[test]
    fn what_may_stand_before_the_at_sign() {
        let text = "a@tbl-b \\@fig-c @tbl-d@tbl-e";
        assert_eq!(
            bracket(text, Source::Markdown),
            "a@tbl-b \\@fig-c [tbl-d]@tbl-e"
        );
        // In a caption, a backslash is text, and what counts is what was written.
        assert_eq!(
            bracket(text, Source::Caption),
            "a@tbl-b \\[fig-c] [tbl-d][tbl-e]"
        );
    }

    #[test]
    fn ids_and_prefixes() {
        assert!(valid_id("tbl-a-1"));
        assert!(!valid_id("tbl-a-"));
        assert!(!valid_id(""));
        assert!(!valid_id("tbl-A"));
        assert!(has_prefix("case-x}"));
        assert!(!has_prefix("note"));
    }
}

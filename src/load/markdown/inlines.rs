//! Inline content: the walk over pulldown-cmark's inline events (text,
//! emphasis, links, images, breaks), and tidying the runs it gathers —
//! adjacent text merged, soft breaks resolved, ends trimmed.

use super::cursor::EventParser;
use super::refs::{push_text_with_refs, unmark_refs};
use crate::i18n::msg;
use crate::load::images::load_image;
use crate::model::*;
use pulldown_cmark::{Event, Tag, TagEnd};
use std::ops::Range;

/// Stands for a soft line break until the inline run is tidied, when the
/// characters on both sides are known.
pub(super) const SOFT_BREAK: char = '\u{E002}';

/// Inline content gathered from events, with any images met on the way.
#[derive(Default)]
pub(super) struct Gathered {
    pub(super) inlines: Vec<Inline>,
    pub(super) images: Vec<(Image, Origin)>,
}

impl<'e> EventParser<'_, '_, 'e> {
    /// Inline content of emphasis, a link or an image that starts at `at`,
    /// up to `end`; past the nesting limit, reports it and skips it instead.
    fn nested_inlines(&mut self, end: TagEnd, at: usize) -> Gathered {
        if self.too_deep(self.inline_depth, at, &msg::markdown::nesting_inlines()) {
            return Gathered::default();
        }
        self.inline_depth += 1;
        let g = self.inlines(end);
        self.inline_depth -= 1;
        g
    }

    /// Inline events until `end`.
    pub(super) fn inlines(&mut self, end: TagEnd) -> Gathered {
        let mut g = Gathered::default();
        while let Some((ev, range)) = self.next() {
            if let Event::End(e) = &ev
                && *e == end
            {
                break;
            }
            self.inline_event(ev, range, &mut g);
        }
        g
    }

    /// Adds one inline event (and, for a start, the events up to its end) to `g`.
    pub(super) fn inline_event(&mut self, ev: Event<'e>, range: Range<usize>, g: &mut Gathered) {
        match ev {
            Event::Text(t) => push_text_with_refs(&mut g.inlines, &t),
            // `<br>` is the one HTML tag nianbao reads; any other prints as written.
            Event::InlineHtml(t) | Event::Html(t) if crate::model::markup::is_br(&t) => {
                g.inlines.push(Inline::LineBreak)
            }
            Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                g.inlines.push(Inline::Text(unmark_refs(&t)))
            }
            Event::SoftBreak => g.inlines.push(Inline::Text(SOFT_BREAK.to_string())),
            Event::HardBreak => g.inlines.push(Inline::LineBreak),
            Event::Start(Tag::Strong) => {
                let inner = self.nested_inlines(TagEnd::Strong, range.start);
                g.images.extend(inner.images);
                g.inlines.push(Inline::Strong(inner.inlines));
            }
            Event::Start(Tag::Emphasis) => {
                let inner = self.nested_inlines(TagEnd::Emphasis, range.start);
                g.images.extend(inner.images);
                g.inlines.push(Inline::Emph(inner.inlines));
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let inner = self.nested_inlines(TagEnd::Link, range.start);
                g.images.extend(inner.images);
                let text = Inline::plain(&inner.inlines);
                g.inlines.extend(inner.inlines);
                if text.trim() != dest_url.as_ref() && !dest_url.is_empty() {
                    g.inlines.push(Inline::Text(format!("（{dest_url}）")));
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                let origin = self.origin_at(range.start);
                let inner = self.nested_inlines(TagEnd::Image, range.start);
                let alt = Inline::plain(&normalize(inner.inlines));
                let loc = origin.to_string();
                match load_image(self.ctx.project, &dest_url, &loc) {
                    Ok(mut img) => {
                        img.caption = (!alt.trim().is_empty()).then_some(alt);
                        g.images.push((img, origin));
                    }
                    Err(e) => self.ctx.errors.diagnostics.extend(e.diagnostics),
                }
            }
            Event::Start(Tag::Strikethrough)
            | Event::Start(Tag::Superscript)
            | Event::Start(Tag::Subscript) => {}
            Event::End(_) => {}
            Event::Start(_) => {}
            Event::FootnoteReference(label) => {
                let origin = self.origin_at(range.start);
                self.ctx.errors.error(
                    origin.to_string(),
                    msg::markdown::footnote_reference(&label),
                );
            }
            Event::InlineMath(t) | Event::DisplayMath(t) => {
                g.inlines.push(Inline::Text(unmark_refs(&t)))
            }
            Event::TaskListMarker(done) => g
                .inlines
                .push(Inline::Text(if done { "☑ " } else { "☐ " }.into())),
            Event::Rule => {
                let origin = self.origin_at(range.start);
                self.ctx
                    .errors
                    .error(origin.to_string(), msg::markdown::horizontal_rule());
            }
        }
    }
}

/// Merges adjacent text, resolves soft breaks (nothing between two CJK
/// characters, a space otherwise) and trims the ends.
pub fn normalize(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for i in inlines {
        match i {
            Inline::Text(t) => {
                if let Some(Inline::Text(prev)) = out.last_mut() {
                    prev.push_str(&t);
                } else {
                    out.push(Inline::Text(t));
                }
            }
            Inline::Strong(c) => out.push(Inline::Strong(normalize(c))),
            Inline::Emph(c) => out.push(Inline::Emph(normalize(c))),
            Inline::Sup(c) => out.push(Inline::Sup(normalize(c))),
            Inline::Sub(c) => out.push(Inline::Sub(normalize(c))),
            other => out.push(other),
        }
    }
    // Resolve soft breaks with knowledge of neighbours across inline runs.
    let flat = Inline::plain(&out);
    let chars: Vec<char> = flat.chars().collect();
    let mut idx = 0usize;
    resolve_breaks(&mut out, &chars, &mut idx);
    // Trim leading/trailing whitespace of the run.
    if let Some(Inline::Text(t)) = out.first_mut() {
        *t = t.trim_start().to_string();
    }
    if let Some(Inline::Text(t)) = out.last_mut() {
        *t = t.trim_end().to_string();
    }
    out.retain(|i| !matches!(i, Inline::Text(t) if t.is_empty()));
    out
}

fn resolve_breaks(inlines: &mut [Inline], chars: &[char], idx: &mut usize) {
    for i in inlines.iter_mut() {
        match i {
            Inline::Text(t) => {
                let mut s = String::with_capacity(t.len());
                for c in t.chars() {
                    if c == SOFT_BREAK {
                        let before = idx.checked_sub(1).and_then(|k| chars.get(k)).copied();
                        let after = chars.get(*idx + 1).copied();
                        s.push_str(crate::model::markup::joint(before, after));
                    } else {
                        s.push(c);
                    }
                    *idx += 1;
                }
                *t = s;
            }
            Inline::Strong(c) | Inline::Emph(c) | Inline::Sup(c) | Inline::Sub(c) => {
                resolve_breaks(c, chars, idx)
            }
            Inline::Ref { label, .. } => *idx += label.chars().count(),
            Inline::RefRange {
                from_label,
                to_label,
                ..
            } => {
                *idx += from_label.chars().count()
                    + crate::model::RANGE_WORD.chars().count()
                    + to_label.chars().count()
            }
            Inline::LineBreak => *idx += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_breaks_vanish_between_cjk() {
        let v = normalize(vec![Inline::Text(format!(
            "中文{SOFT_BREAK}继续 a{SOFT_BREAK}b"
        ))]);
        assert_eq!(v, vec![Inline::Text("中文继续 a b".into())]);
    }
}

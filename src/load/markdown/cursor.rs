//! The cursor over one Markdown run's events, shared by the block and the
//! inline walk: the walk's state, reading events in order, skipping an
//! element, locating a byte offset in the source, and refusing an element
//! (too deeply nested, or not allowed where it stands).

use super::{Ctx, Scope};
use crate::i18n::msg;
use crate::model::Origin;
use crate::model::limits::MAX_NESTING;
use pulldown_cmark::Event;
use std::ops::Range;

/// Walks the events of one Markdown run.
pub(super) struct EventParser<'c, 'a, 'e> {
    pub(super) ctx: &'c mut Ctx<'a>,
    /// The Markdown being parsed (event ranges index into it).
    pub(super) source: &'e str,
    events: Vec<(Event<'e>, Range<usize>)>,
    /// The index of the next event.
    pos: usize,
    /// The byte offset of each line of `source`.
    starts: Vec<usize>,
    /// The output line of each line of `source`.
    lines: &'c [usize],
    pub(super) scope: Scope,
    pub(super) in_figure: bool,
    /// Block quotes, lists and `:::` blocks enclosing the current event.
    pub(super) depth: usize,
    /// List items enclosing the current event.
    pub(super) in_list: usize,
    /// Emphasis, links and images enclosing the current event.
    pub(super) inline_depth: usize,
}

impl<'c, 'a, 'e> EventParser<'c, 'a, 'e> {
    /// A cursor before the first of `events`, which pulldown-cmark read from
    /// `source` (a Markdown run whose line `i` is output line `lines[i]`),
    /// nested as deep as the `:::` blocks around it.
    pub(super) fn new(
        ctx: &'c mut Ctx<'a>,
        source: &'e str,
        events: Vec<(Event<'e>, Range<usize>)>,
        lines: &'c [usize],
        scope: Scope,
        in_figure: bool,
    ) -> Self {
        let starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let depth = ctx.depth;
        EventParser {
            ctx,
            source,
            events,
            pos: 0,
            starts,
            lines,
            scope,
            in_figure,
            depth,
            in_list: 0,
            inline_depth: 0,
        }
    }

    /// Where the byte `offset` of the Markdown run came from.
    pub(super) fn origin_at(&self, offset: usize) -> Origin {
        let idx = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let out_line = self.lines.get(idx).copied().unwrap_or(0);
        self.ctx.origin(out_line)
    }

    /// The next event and its source range.
    pub(super) fn next(&mut self) -> Option<(Event<'e>, Range<usize>)> {
        let e = self.events.get(self.pos).cloned();
        self.pos += 1;
        e
    }

    /// Skips the rest of the element whose start was just read.
    pub(super) fn skip_rest(&mut self) {
        let mut open = 1usize;
        while let Some((ev, _)) = self.next() {
            match ev {
                Event::Start(_) => open += 1,
                Event::End(_) => {
                    open -= 1;
                    if open == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
    }

    /// Reports `message` at `origin` and skips the rest of the element whose
    /// start was just read.
    pub(super) fn reject(&mut self, origin: &Origin, message: impl Into<String>) {
        self.ctx.errors.error(origin.to_string(), message);
        self.skip_rest();
    }

    /// Whether `depth` enclosing elements reach the nesting limit; if so,
    /// reports `what` nested too deep at `at` and skips the element whose
    /// start was just read.
    pub(super) fn too_deep(&mut self, depth: usize, at: usize, what: &str) -> bool {
        if depth < MAX_NESTING {
            return false;
        }
        let o = self.origin_at(at);
        self.reject(&o, msg::markdown::nested_too_deep(what, MAX_NESTING));
        true
    }
}

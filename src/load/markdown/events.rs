//! The walk over pulldown-cmark's block events: paragraphs, headings,
//! lists, block quotes, code and HTML kept as text, and pipe tables, each
//! checked against what a report may hold (nesting, heading levels, images
//! standing alone).

use super::cursor::EventParser;
use super::grid;
use super::inlines::{Gathered, normalize};
use super::refs::{mark_refs, protect_escapes, unmark_refs};
use super::{Ctx, Scope};
use crate::i18n::msg;
use crate::load::attrs::Attrs;
use crate::model::refs;
use crate::model::*;
use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// A block, or a paragraph made only of images (a figure to be).
// Short-lived, one per block and unwrapped at once: boxing would only add an
// allocation per block.
#[allow(clippy::large_enum_variant)]
pub(super) enum Raw {
    Block(Block),
    Images(Vec<(Image, Origin)>, Option<Attrs>),
}

/// Parses one Markdown run (`lines[i]` is the output line of its line `i`)
/// into blocks and image paragraphs.
pub(super) fn walk(
    ctx: &mut Ctx<'_>,
    text: &str,
    lines: &[usize],
    scope: Scope,
    in_figure: bool,
) -> Vec<Raw> {
    // Superscript and subscript are read from the text runs (see
    // `super::refs`): pulldown-cmark's own cannot stand inside a word (`m^2^`).
    let opts =
        Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_FOOTNOTES;
    let marked = escape_reference_definitions(mark_refs(&protect_escapes(text)), opts);
    let events: Vec<(Event<'_>, Range<usize>)> =
        Parser::new_ext(&marked, opts).into_offset_iter().collect();
    EventParser::new(ctx, &marked, events, lines, scope, in_figure).blocks(None)
}

impl<'e> EventParser<'_, '_, 'e> {
    /// Enters a block quote or list that starts at `at`; past the nesting
    /// limit, reports it and skips it instead.
    fn enter(&mut self, at: usize) -> bool {
        if self.too_deep(self.depth, at, &msg::markdown::nesting_blocks()) {
            return false;
        }
        self.depth += 1;
        true
    }

    /// Block-level events until `end` (or the end of input).
    fn blocks(&mut self, end: Option<TagEnd>) -> Vec<Raw> {
        let mut out = Vec::new();
        let mut loose: Gathered = Gathered::default();
        let mut loose_origin: Option<Origin> = None;
        while let Some((ev, range)) = self.next() {
            match ev {
                Event::End(e) if Some(e) == end => break,
                Event::Start(Tag::Paragraph) => {
                    let origin = self.origin_at(range.start);
                    let g = self.inlines(TagEnd::Paragraph);
                    out.extend(self.paragraph(g, origin));
                }
                Event::Start(Tag::Heading {
                    level, id, classes, ..
                }) => {
                    let origin = self.origin_at(range.start);
                    let atx = self
                        .source
                        .get(range.clone())
                        .is_some_and(|s| s.trim_start().starts_with('#'));
                    if !atx {
                        self.reject(&origin, msg::markdown::setext_heading());
                        continue;
                    }
                    if self.in_list > 0 {
                        self.reject(&origin, msg::markdown::heading_in_list());
                        continue;
                    }
                    let g = self.inlines(TagEnd::Heading(level));
                    self.no_images(&g, &origin);
                    if let Some(b) = self.heading(
                        level,
                        id.map(|s| s.to_string()),
                        &classes,
                        g.inlines,
                        origin,
                    ) {
                        out.push(Raw::Block(b));
                    }
                }
                Event::Start(Tag::List(start)) => {
                    let origin = self.origin_at(range.start);
                    if !self.enter(range.start) {
                        continue;
                    }
                    self.in_list += 1;
                    let items = self.list_items();
                    self.in_list -= 1;
                    self.depth -= 1;
                    out.push(Raw::Block(Block::List(List {
                        ordered: start.is_some(),
                        start: start.unwrap_or(1),
                        items,
                        origin,
                    })));
                }
                Event::Start(Tag::Table(aligns)) => {
                    let origin = self.origin_at(range.start);
                    if self.in_list > 0 {
                        self.reject(&origin, msg::markdown::table_in_list());
                        continue;
                    }
                    self.check_row_widths(range.clone(), aligns.len(), &origin);
                    let t = self.table(&aligns, origin);
                    out.push(Raw::Block(Block::Table(t)));
                }
                Event::Start(Tag::BlockQuote(_)) => {
                    if !self.enter(range.start) {
                        continue;
                    }
                    let inner = self.blocks(Some(TagEnd::BlockQuote(None)));
                    self.depth -= 1;
                    out.extend(inner);
                }
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    let origin = self.origin_at(range.start);
                    self.reject(&origin, msg::markdown::footnote_definition(&label));
                }
                Event::Start(Tag::CodeBlock(_)) => {
                    let origin = self.origin_at(range.start);
                    let text = self.raw_text(TagEnd::CodeBlock);
                    out.push(Raw::Block(literal_paragraph(&text, origin)));
                }
                Event::Start(Tag::HtmlBlock) => {
                    let origin = self.origin_at(range.start);
                    // `<br>` breaks the line here too; other HTML prints as written.
                    let text =
                        crate::model::markup::br_to_newline(&self.raw_text(TagEnd::HtmlBlock));
                    if !text.trim().is_empty() {
                        out.push(Raw::Block(literal_paragraph(&text, origin)));
                    }
                }
                Event::End(TagEnd::BlockQuote(_)) => {}
                Event::Rule => {
                    let origin = self.origin_at(range.start);
                    self.ctx
                        .errors
                        .error(origin.to_string(), msg::markdown::horizontal_rule());
                }
                Event::End(_) => {}
                other => {
                    // Inline content directly in a block (a tight list item).
                    if loose_origin.is_none() {
                        loose_origin = Some(self.origin_at(range.start));
                    }
                    self.inline_event(other, range, &mut loose);
                }
            }
        }
        if let Some(origin) = loose_origin {
            out.extend(self.paragraph(loose, origin));
        }
        out
    }

    /// The text of a code or HTML block up to `end`, references put back as written.
    fn raw_text(&mut self, end: TagEnd) -> String {
        let mut s = String::new();
        while let Some((ev, _)) = self.next() {
            match ev {
                Event::End(e) if e == end => break,
                Event::Text(t) | Event::Html(t) | Event::Code(t) | Event::InlineHtml(t) => {
                    s.push_str(&unmark_refs(&t))
                }
                _ => {}
            }
        }
        s
    }

    /// Reports images gathered where none may stand (a heading, a table cell).
    fn no_images(&mut self, g: &Gathered, origin: &Origin) {
        if !g.images.is_empty() {
            self.ctx
                .errors
                .error(origin.to_string(), msg::markdown::image_not_alone());
        }
    }

    /// A paragraph, or (when it holds images) the images of a figure to be,
    /// with the `{#fig-… width=…}` that may follow them.
    fn paragraph(&mut self, mut g: Gathered, origin: Origin) -> Option<Raw> {
        let inlines = normalize(std::mem::take(&mut g.inlines));
        if g.images.is_empty() {
            if inlines.is_empty() {
                return None;
            }
            return Some(Raw::Block(Block::Paragraph(Paragraph {
                content: inlines,
                origin,
            })));
        }
        // Only images, optionally followed by `{#fig-… width=…}`.
        let rest = Inline::plain(&inlines);
        let rest = rest.trim();
        let attrs = if rest.is_empty() {
            None
        } else if rest.starts_with('{') && rest.ends_with('}') && !self.in_figure {
            match crate::load::attrs::parse(rest) {
                Ok(a) => Some(a),
                Err(e) => {
                    self.ctx.errors.error(origin.to_string(), e);
                    None
                }
            }
        } else {
            self.ctx
                .errors
                .error(origin.to_string(), msg::markdown::image_not_alone());
            return None;
        };
        Some(Raw::Images(g.images, attrs))
    }

    /// A heading, checked against the scope (no headings in the preface or a
    /// figure), its classes, its `sec-` id and the levels before it.
    fn heading(
        &mut self,
        level: HeadingLevel,
        id: Option<String>,
        classes: &[pulldown_cmark::CowStr<'_>],
        text: Vec<Inline>,
        origin: Origin,
    ) -> Option<Block> {
        let level = level as u8;
        let text = normalize(text);
        if self.scope == Scope::Preface {
            self.ctx
                .errors
                .error(origin.to_string(), msg::markdown::preface_heading());
            return None;
        }
        if self.in_figure {
            self.ctx
                .errors
                .error(origin.to_string(), msg::markdown::figure_only_images());
            return None;
        }
        let mut unnumbered = self.scope == Scope::Case;
        for c in classes {
            if c.as_ref() == "unnumbered" {
                unnumbered = true;
            } else {
                self.ctx
                    .errors
                    .error(origin.to_string(), msg::markdown::unknown_heading_class(c));
            }
        }
        let id = match id {
            Some(i) if !(refs::valid_id(&i) && i.starts_with(refs::SECTION)) => {
                self.ctx
                    .errors
                    .error(origin.to_string(), msg::markdown::invalid_heading_id(&i));
                None
            }
            other => other,
        };
        if text.is_empty() {
            self.ctx
                .errors
                .error(origin.to_string(), msg::markdown::empty_heading());
            return None;
        }
        if self.scope == Scope::Body {
            let hashes = |n: u8| "#".repeat(n as usize);
            if level > 4 {
                self.ctx.errors.error(
                    origin.to_string(),
                    msg::markdown::heading_too_deep(hashes(level)),
                );
                return None;
            }
            let last = self.ctx.last_heading;
            self.ctx.last_heading = level;
            if last > 0 && level > last + 1 {
                self.ctx.errors.error(
                    origin.to_string(),
                    msg::markdown::heading_skips_level(
                        hashes(level),
                        hashes(last),
                        hashes(last + 1),
                    ),
                );
                return None;
            }
        }
        Some(Block::Heading(Heading {
            level,
            unnumbered,
            number: None,
            text,
            id,
            origin,
        }))
    }

    /// The items of the list whose start was just read.
    fn list_items(&mut self) -> Vec<Vec<Block>> {
        let mut items = Vec::new();
        while let Some((ev, range)) = self.next() {
            match ev {
                Event::Start(Tag::Item) => {
                    let raws = self.blocks(Some(TagEnd::Item));
                    let mut blocks = Vec::new();
                    for r in raws {
                        match r {
                            Raw::Block(b) => blocks.push(b),
                            Raw::Images(imgs, _) => {
                                let o = imgs[0].1.clone();
                                self.ctx
                                    .errors
                                    .error(o.to_string(), msg::markdown::images_in_list());
                            }
                        }
                    }
                    items.push(blocks);
                }
                Event::End(TagEnd::List(_)) => break,
                _ => {
                    let o = self.origin_at(range.start);
                    self.ctx
                        .errors
                        .error(o.to_string(), msg::markdown::unexpected_in_list());
                }
            }
        }
        items
    }

    /// GFM drops cells beyond the header's count without a word; a row
    /// with more cells than the table has columns is an error instead.
    fn check_row_widths(&mut self, range: Range<usize>, columns: usize, origin: &Origin) {
        let Some(text) = self.source.get(range.clone()) else {
            return;
        };
        for (offset, cells) in grid::overlong_rows(text, columns) {
            let at = self.origin_at(range.start + offset);
            self.ctx.errors.error(
                at.to_string(),
                msg::markdown::row_too_wide(
                    cells,
                    msg::diag::file_line(&origin.file, origin.line),
                    columns,
                ),
            );
        }
    }

    /// The pipe table whose start was just read, as a [`Table`] (no caption yet).
    fn table(&mut self, aligns: &[Alignment], origin: Origin) -> Table {
        let mut rows: Vec<Vec<Vec<Inline>>> = Vec::new();
        let mut current: Vec<Vec<Inline>> = Vec::new();
        while let Some((ev, range)) = self.next() {
            match ev {
                Event::End(TagEnd::Table) => break,
                Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => current.clear(),
                Event::End(TagEnd::TableHead) | Event::End(TagEnd::TableRow) => {
                    rows.push(std::mem::take(&mut current))
                }
                Event::Start(Tag::TableCell) => {
                    let o = self.origin_at(range.start);
                    let g = self.inlines(TagEnd::TableCell);
                    self.no_images(&g, &o);
                    current.push(normalize(g.inlines));
                }
                _ => {}
            }
        }
        grid::pipe_table(aligns, rows, origin)
    }
}

/// Makes every line CommonMark would read as a link reference definition
/// (`[注]: 本表数据截至年底`) print as the text it is: such a line would
/// otherwise vanish, and turn `[注]` elsewhere into a link. The `[` gets a
/// backslash, which adds no line, so line numbers stay as they were.
fn escape_reference_definitions(mut text: String, opts: Options) -> String {
    // Escaping one definition can reveal no new one, but stay bounded anyway.
    for _ in 0..4 {
        let mut starts: Vec<usize> = Parser::new_ext(&text, opts)
            .reference_definitions()
            .iter()
            .map(|(_, def)| def.span.start)
            .filter(|&at| text.as_bytes().get(at) == Some(&b'['))
            .collect();
        if starts.is_empty() {
            break;
        }
        starts.sort_unstable();
        starts.dedup();
        for at in starts.into_iter().rev() {
            text.insert(at, '\\');
        }
    }
    text
}

/// Code or raw HTML as a paragraph of its lines, printed as written.
fn literal_paragraph(text: &str, origin: Origin) -> Block {
    let mut content = Vec::new();
    for (i, line) in text.trim_end_matches('\n').split('\n').enumerate() {
        if i > 0 {
            content.push(Inline::LineBreak);
        }
        content.push(Inline::Text(line.to_string()));
    }
    Block::Paragraph(Paragraph { content, origin })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_definitions_are_escaped_in_place() {
        let opts = Options::ENABLE_FOOTNOTES;
        let e = |s: &str| escape_reference_definitions(s.to_string(), opts);
        assert_eq!(e("[注]: 本表\n\n见[注]。\n"), "\\[注]: 本表\n\n见[注]。\n");
        assert_eq!(e("  [a]: b\n[c]: d\n"), "  \\[a]: b\n\\[c]: d\n");
        assert_eq!(
            e("- [a]: b\n\n> [c]:\n> d\n"),
            "- \\[a]: b\n\n> \\[c]:\n> d\n"
        );
        // Footnote definitions and ordinary links are left alone.
        assert_eq!(e("[^1]: x\n\n[a](b)\n"), "[^1]: x\n\n[a](b)\n");
    }
}

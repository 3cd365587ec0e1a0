//! Narrative Markdown → document blocks, with pulldown-cmark doing the parsing.
//!
//! Everything a user writes ends up as `Inline::Text`: raw HTML, code and any
//! character Markdown does not claim are kept literally.

use super::attrs::Attrs;
use super::divs::{self, Node};
use super::images::load_image;
use super::project::Project;
use super::template::Expanded;
use crate::error::Collector;
use crate::model::limits::MAX_NESTING;
use crate::model::*;
use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// Marks a cross-reference in the text between template expansion and
/// Markdown parsing, so that Markdown cannot mangle it.
const REF_OPEN: char = '\u{E000}';
const REF_CLOSE: char = '\u{E001}';
const SOFT_BREAK: char = '\u{E002}';

const HORIZONTAL_RULE: &str = "a horizontal rule (`---`, `***` or `___`) is not part of the report layout: remove it, or write `\\---` to print the characters";

/// Where narrative blocks are being parsed.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Scope {
    /// A chapter file: `#` headings are chapters and sections.
    Body,
    /// Inside a case: headings are the case's own, unnumbered.
    Case,
    /// The preface: no headings.
    Preface,
}

/// Parses one expanded narrative file into blocks; `data` holds the datasets
/// charts may draw from.
pub fn parse(
    project: &Project,
    doc: &Expanded,
    scope: Scope,
    data: &serde_json::Map<String, serde_json::Value>,
    errors: &mut Collector,
) -> Vec<Block> {
    for (n, line) in doc.text.lines().enumerate() {
        if line.contains([REF_OPEN, REF_CLOSE, SOFT_BREAK]) {
            errors.error(
                format!("{}:{}", doc.file, doc.source_line(n)),
                "the text holds a private-use character (U+E000–U+E002) that nianbao reserves",
            );
        }
    }
    let locate = |n: usize| format!("{}:{}", doc.file, doc.source_line(n));
    let nodes = divs::split(&doc.text, &locate, errors);
    let mut ctx = Ctx {
        project,
        doc,
        data,
        errors,
        depth: 0,
        last_heading: 0,
    };
    ctx.nodes(&nodes, scope)
}

struct Ctx<'a> {
    project: &'a Project,
    doc: &'a Expanded,
    data: &'a serde_json::Map<String, serde_json::Value>,
    errors: &'a mut Collector,
    /// How many `:::` blocks enclose what is being parsed.
    depth: usize,
    /// The level of the last body heading (0 before the first).
    last_heading: u8,
}

impl Ctx<'_> {
    fn origin(&self, output_line: usize) -> Origin {
        Origin {
            file: self.doc.file.clone(),
            line: self.doc.source_line(output_line),
        }
    }

    fn nodes(&mut self, nodes: &[Node], scope: Scope) -> Vec<Block> {
        self.nodes_in(nodes, scope, false)
    }

    fn nodes_in(&mut self, nodes: &[Node], scope: Scope, in_table: bool) -> Vec<Block> {
        let mut out = Vec::new();
        for node in nodes {
            match node {
                Node::Markdown { text, lines } => {
                    for b in self.markdown(text, lines, scope) {
                        if let Block::Table(t) = &b
                            && !in_table
                        {
                            self.errors.error(
                                t.origin.to_string(),
                                "a table needs a caption: put it in a `::: {.table caption=\"…\"}` block",
                            );
                            continue;
                        }
                        if scope == Scope::Preface && matches!(b, Block::Figure(_)) {
                            self.errors.error(
                                block_origin(&b).to_string(),
                                "the preface holds text only; put figures in a chapter",
                            );
                            continue;
                        }
                        out.push(b);
                    }
                }
                Node::Div {
                    attrs,
                    line,
                    children,
                } => {
                    if let Some(b) = self.div(attrs, *line, children, scope) {
                        out.push(b);
                    }
                }
            }
        }
        out
    }

    fn div(
        &mut self,
        attrs: &Attrs,
        line: usize,
        children: &[Node],
        scope: Scope,
    ) -> Option<Block> {
        let origin = self.origin(line);
        let kind = attrs.classes.first().map(String::as_str).unwrap_or("");
        if scope == Scope::Preface {
            self.errors.error(
                origin.to_string(),
                "the preface holds text only; put tables, figures and cases in a chapter",
            );
            return None;
        }
        self.depth += 1;
        let block = self.div_kind(kind, attrs, origin, children, scope);
        self.depth -= 1;
        block
    }

    fn div_kind(
        &mut self,
        kind: &str,
        attrs: &Attrs,
        origin: Origin,
        children: &[Node],
        scope: Scope,
    ) -> Option<Block> {
        match kind {
            "table" => self.table_div(attrs, origin, children, scope),
            "figure" => self.figure_div(attrs, origin, children),
            "chart" => {
                if !children.is_empty() {
                    self.errors.error(
                        origin.to_string(),
                        "a chart block takes its data from its attributes and holds nothing",
                    );
                }
                let chart = super::charts::build(attrs, self.data)
                    .map_err(|e| self.errors.error(origin.to_string(), e))
                    .ok()?;
                self.check_keys(attrs, &origin, super::charts::KEYS);
                let id = self.check_id(&attrs.id, "fig-", &origin);
                let caption = self.required(attrs, "caption", &origin)?;
                let width = self.width(attrs, &origin);
                Some(Block::Figure(Figure {
                    num: Numbered {
                        id,
                        ..Default::default()
                    },
                    caption,
                    images: Vec::new(),
                    chart: Some(chart),
                    columns: 1,
                    width,
                    origin,
                }))
            }
            "case" if scope == Scope::Case => {
                self.errors
                    .error(origin.to_string(), "a case cannot contain another case");
                None
            }
            "case" => self.case_div(attrs, origin, children),
            _ => {
                self.errors.error(
                    origin.to_string(),
                    format!(
                        "unknown block `{{.{kind}}}`: expected `{{.table …}}`, `{{.figure …}}`, `{{.chart …}}` or `{{.case …}}`"
                    ),
                );
                None
            }
        }
    }

    fn check_keys(&mut self, attrs: &Attrs, origin: &Origin, allowed: &[&str]) {
        for key in attrs.values.keys() {
            if !allowed.contains(&key.as_str()) {
                self.errors.error(
                    origin.to_string(),
                    format!("unknown attribute `{key}`: expected one of {allowed:?}"),
                );
            }
        }
        if attrs.classes.len() > 1 {
            self.errors.error(
                origin.to_string(),
                format!("more than one class in `{{.{}}}`", attrs.classes.join(" .")),
            );
        }
    }

    fn check_id(&mut self, id: &Option<String>, prefix: &str, origin: &Origin) -> Option<String> {
        let id = id.clone()?;
        if !valid_id(&id) || !id.starts_with(prefix) {
            self.errors.error(
                origin.to_string(),
                format!(
                    "invalid id `{id}`: expected `{prefix}` followed by lowercase letters, digits and `-`"
                ),
            );
            return None;
        }
        Some(id)
    }

    fn table_div(
        &mut self,
        attrs: &Attrs,
        origin: Origin,
        children: &[Node],
        scope: Scope,
    ) -> Option<Block> {
        let mut keys = vec![
            "caption",
            "unit",
            "header-rows",
            "size",
            "landscape",
            "widths",
        ];
        keys.extend_from_slice(super::bound_table::KEYS);
        self.check_keys(attrs, &origin, &keys);
        let id = self.check_id(&attrs.id, "tbl-", &origin);
        let caption = self.required(attrs, "caption", &origin)?;
        let blocks = self.nodes_in(children, scope, true);
        let mut table: Option<Table> = None;
        if attrs.values.contains_key("dataset") {
            match super::bound_table::build(&attrs.values, self.data, &origin) {
                Ok(t) => table = Some(t),
                Err(e) => {
                    self.errors.error(origin.to_string(), e);
                    return None;
                }
            }
        }
        let mut notes = Vec::new();
        for b in blocks {
            match b {
                Block::Table(t) if table.is_none() => table = Some(t),
                Block::Paragraph(p) if table.is_some() => {
                    if Inline::plain(&p.content).trim_start().starts_with('|') {
                        self.errors.error(
                            p.origin.to_string(),
                            "this note looks like a table row: is there a blank line inside the table?",
                        );
                    }
                    notes.push(p.content)
                }
                other => {
                    let what = block_name(&other);
                    self.errors.error(
                        origin.to_string(),
                        format!(
                            "a table block holds one pipe table followed by note paragraphs; found {what}"
                        ),
                    );
                }
            }
        }
        let Some(mut table) = table else {
            self.errors
                .error(origin.to_string(), "this table block holds no pipe table");
            return None;
        };
        table.num.id = id;
        table.caption = caption;
        table.unit = attrs.values.get("unit").cloned();
        table.notes = notes;
        table.origin = origin.clone();
        if let Some(h) = attrs.values.get("header-rows") {
            match h.parse::<usize>() {
                Ok(n) if n >= 1 && n <= table.rows.len() => table.header_rows = n,
                _ => self.errors.error(
                    origin.to_string(),
                    format!(
                        "header-rows={h}: expected a number from 1 to the table's {} rows",
                        table.rows.len()
                    ),
                ),
            }
        }
        match attrs.values.get("size").map(String::as_str) {
            None | Some("normal") => {}
            Some("small") => table.small = true,
            Some(other) => self.errors.error(
                origin.to_string(),
                format!("size={other}: expected `small` or `normal`"),
            ),
        }
        match attrs.values.get("landscape").map(String::as_str) {
            None | Some("false") => {}
            Some("true") => table.landscape = true,
            Some(other) => self.errors.error(
                origin.to_string(),
                format!("landscape={other}: expected `true` or `false`"),
            ),
        }
        if let Some(w) = attrs.values.get("widths") {
            let parsed: Result<Vec<f64>, _> =
                w.split(',').map(|x| x.trim().parse::<f64>()).collect();
            match parsed {
                Ok(v) if v.len() == table.columns && v.iter().all(|x| *x > 0.0) => {
                    table.widths = Some(v)
                }
                _ => self.errors.error(
                    origin.to_string(),
                    format!(
                        "widths=\"{w}\": expected {} positive numbers separated by commas",
                        table.columns
                    ),
                ),
            }
        }
        table = fix_spans(table, &mut *self.errors);
        Some(Block::Table(table))
    }

    fn figure_div(&mut self, attrs: &Attrs, origin: Origin, children: &[Node]) -> Option<Block> {
        self.check_keys(attrs, &origin, &["caption", "columns", "width"]);
        let id = self.check_id(&attrs.id, "fig-", &origin);
        let caption = self.required(attrs, "caption", &origin)?;
        let mut images = Vec::new();
        for node in children {
            match node {
                Node::Markdown { text, lines } => {
                    for (img, _) in self.image_paragraphs(text, lines) {
                        images.push(img);
                    }
                }
                Node::Div { line, .. } => {
                    let o = self.origin(*line);
                    self.errors
                        .error(o.to_string(), "a figure block holds only images");
                }
            }
        }
        if images.is_empty() {
            self.errors
                .error(origin.to_string(), "this figure block holds no image");
            return None;
        }
        let columns = match attrs.values.get("columns") {
            None => images.len().min(2),
            Some(c) => match c.parse::<usize>() {
                Ok(n) if (1..=4).contains(&n) => n,
                _ => {
                    self.errors
                        .error(origin.to_string(), format!("columns={c}: expected 1 to 4"));
                    1
                }
            },
        };
        let width = self.width(attrs, &origin);
        if images.len() == 1 {
            images[0].caption = None;
        }
        Some(Block::Figure(Figure {
            num: Numbered {
                id,
                ..Default::default()
            },
            caption,
            images,
            chart: None,
            columns,
            width,
            origin,
        }))
    }

    fn width(&mut self, attrs: &Attrs, origin: &Origin) -> f64 {
        match attrs.values.get("width") {
            None => 0.8,
            Some(w) => match w.strip_suffix('%').and_then(|n| n.parse::<f64>().ok()) {
                Some(p) if p > 0.0 && p <= 100.0 => p / 100.0,
                _ => {
                    self.errors.error(
                        origin.to_string(),
                        format!("width={w}: expected a percentage such as 70%"),
                    );
                    0.8
                }
            },
        }
    }

    fn case_div(&mut self, attrs: &Attrs, origin: Origin, children: &[Node]) -> Option<Block> {
        self.check_keys(attrs, &origin, &["title", "subtitle", "unit"]);
        let id = self.check_id(&attrs.id, "case-", &origin);
        let title = self.required(attrs, "title", &origin)?;
        let blocks = self.nodes(children, Scope::Case);
        Some(Block::Case(Case {
            num: Numbered {
                id,
                ..Default::default()
            },
            title,
            subtitle: attrs.values.get("subtitle").cloned(),
            unit: attrs.values.get("unit").cloned(),
            blocks,
            origin,
        }))
    }

    fn required(&mut self, attrs: &Attrs, key: &str, origin: &Origin) -> Option<String> {
        match attrs.values.get(key) {
            Some(v) if !v.trim().is_empty() => Some(v.clone()),
            _ => {
                self.errors
                    .error(origin.to_string(), format!("missing `{key}=\"…\"`"));
                None
            }
        }
    }

    /// Images of a figure block: every paragraph may hold images only.
    fn image_paragraphs(&mut self, text: &str, lines: &[usize]) -> Vec<(Image, Origin)> {
        let blocks = self.markdown_raw(text, lines, Scope::Body, true);
        let mut out = Vec::new();
        for b in blocks {
            match b {
                Raw::Images(imgs, _) => out.extend(imgs),
                Raw::Block(b) => {
                    let o = block_origin(&b);
                    self.errors.error(
                        o.to_string(),
                        format!("a figure block holds only images; found {}", block_name(&b)),
                    );
                }
            }
        }
        out
    }

    fn markdown(&mut self, text: &str, lines: &[usize], scope: Scope) -> Vec<Block> {
        let raws = self.markdown_raw(text, lines, scope, false);
        let mut out = Vec::new();
        for r in raws {
            match r {
                Raw::Block(b) => out.push(b),
                Raw::Images(mut imgs, attrs) => {
                    let (_, origin) = imgs[0].clone();
                    if imgs.len() > 1 {
                        self.errors.error(
                            origin.to_string(),
                            "several images in one paragraph: put them in a `::: {.figure caption=\"…\"}` block",
                        );
                        continue;
                    }
                    let attrs = attrs.unwrap_or_default();
                    self.check_keys(&attrs, &origin, &["width"]);
                    let id = self.check_id(&attrs.id, "fig-", &origin);
                    let width = self.width(&attrs, &origin);
                    let (mut img, origin) = imgs.remove(0);
                    let caption = img.caption.take().unwrap_or_default();
                    if caption.trim().is_empty() {
                        self.errors.error(
                            origin.to_string(),
                            "an image on its own needs a caption: write ![图题](path)",
                        );
                        continue;
                    }
                    out.push(Block::Figure(Figure {
                        num: Numbered {
                            id,
                            ..Default::default()
                        },
                        caption,
                        images: vec![img],
                        chart: None,
                        columns: 1,
                        width,
                        origin,
                    }));
                }
            }
        }
        out
    }

    fn markdown_raw(
        &mut self,
        text: &str,
        lines: &[usize],
        scope: Scope,
        in_figure: bool,
    ) -> Vec<Raw> {
        let opts =
            Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_FOOTNOTES;
        let marked = escape_reference_definitions(mark_refs(text), opts);
        let events: Vec<(Event<'_>, Range<usize>)> =
            Parser::new_ext(&marked, opts).into_offset_iter().collect();
        let starts: Vec<usize> = std::iter::once(0)
            .chain(marked.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let depth = self.depth;
        let mut p = EventParser {
            ctx: self,
            source: &marked,
            events,
            pos: 0,
            starts,
            lines,
            scope,
            in_figure,
            depth,
            in_list: 0,
            inline_depth: 0,
        };
        p.blocks(None)
    }
}

/// A block, or a paragraph made only of images (a figure to be).
enum Raw {
    Block(Block),
    Images(Vec<(Image, Origin)>, Option<Attrs>),
}

struct EventParser<'c, 'a, 'e> {
    ctx: &'c mut Ctx<'a>,
    /// The Markdown being parsed (event ranges index into it).
    source: &'e str,
    events: Vec<(Event<'e>, Range<usize>)>,
    pos: usize,
    starts: Vec<usize>,
    lines: &'c [usize],
    scope: Scope,
    in_figure: bool,
    /// Block quotes, lists and `:::` blocks enclosing the current event.
    depth: usize,
    /// List items enclosing the current event.
    in_list: usize,
    /// Emphasis, links and images enclosing the current event.
    inline_depth: usize,
}

/// Inline content gathered from events, with any images met on the way.
#[derive(Default)]
struct Gathered {
    inlines: Vec<Inline>,
    images: Vec<(Image, Origin)>,
}

impl<'e> EventParser<'_, '_, 'e> {
    fn origin_at(&self, offset: usize) -> Origin {
        let idx = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let out_line = self.lines.get(idx).copied().unwrap_or(0);
        self.ctx.origin(out_line)
    }

    fn next(&mut self) -> Option<(Event<'e>, Range<usize>)> {
        let e = self.events.get(self.pos).cloned();
        self.pos += 1;
        e
    }

    /// Skips the rest of the element whose start was just read.
    fn skip_rest(&mut self) {
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

    /// Enters a block quote or list that starts at `at`; past the nesting
    /// limit, reports it and skips it instead.
    fn enter(&mut self, at: usize) -> bool {
        if self.depth >= MAX_NESTING {
            let o = self.origin_at(at);
            self.ctx.errors.error(
                o.to_string(),
                format!(
                    "block quotes (`>`), lists and `:::` blocks nested more than {MAX_NESTING} deep: expected at most {MAX_NESTING} levels"
                ),
            );
            self.skip_rest();
            return false;
        }
        self.depth += 1;
        true
    }

    /// Inline content of emphasis, a link or an image that starts at `at`,
    /// up to `end`; past the nesting limit, reports it and skips it instead.
    fn nested_inlines(&mut self, end: TagEnd, at: usize) -> Gathered {
        if self.inline_depth >= MAX_NESTING {
            let o = self.origin_at(at);
            self.ctx.errors.error(
                o.to_string(),
                format!(
                    "emphasis, links and images nested more than {MAX_NESTING} deep: expected at most {MAX_NESTING} levels"
                ),
            );
            self.skip_rest();
            return Gathered::default();
        }
        self.inline_depth += 1;
        let g = self.inlines(end);
        self.inline_depth -= 1;
        g
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
                        self.ctx.errors.error(
                            origin.to_string(),
                            "a line of `---` or `===` right under text makes that text a heading: write headings as `## 标题`, and write `\\---` to print the dashes",
                        );
                        self.skip_rest();
                        continue;
                    }
                    if self.in_list > 0 {
                        self.ctx.errors.error(
                            origin.to_string(),
                            "a heading cannot stand in a list item: end the list (a blank line, then the heading at the start of a line)",
                        );
                        self.skip_rest();
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
                        self.ctx.errors.error(
                            origin.to_string(),
                            "a table cannot stand in a list item: end the list and put the table in a `::: {.table caption=\"…\"}` block",
                        );
                        self.skip_rest();
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
                    self.ctx.errors.error(
                        origin.to_string(),
                        format!("footnotes are not supported yet: found the footnote text `[^{label}]:`; put the note in the text or, under a table, in a table note"),
                    );
                    self.skip_rest();
                }
                Event::Start(Tag::CodeBlock(_)) => {
                    let origin = self.origin_at(range.start);
                    let text = self.raw_text(TagEnd::CodeBlock);
                    out.push(Raw::Block(literal_paragraph(&text, origin)));
                }
                Event::Start(Tag::HtmlBlock) => {
                    let origin = self.origin_at(range.start);
                    let text = self.raw_text(TagEnd::HtmlBlock);
                    out.push(Raw::Block(literal_paragraph(&text, origin)));
                }
                Event::End(TagEnd::BlockQuote(_)) => {}
                Event::Rule => {
                    let origin = self.origin_at(range.start);
                    self.ctx.errors.error(origin.to_string(), HORIZONTAL_RULE);
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

    fn no_images(&mut self, g: &Gathered, origin: &Origin) {
        if !g.images.is_empty() {
            self.ctx.errors.error(
                origin.to_string(),
                "an image must stand in a paragraph of its own (or in a figure block)",
            );
        }
    }

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
            match super::attrs::parse(rest) {
                Ok(a) => Some(a),
                Err(e) => {
                    self.ctx.errors.error(origin.to_string(), e);
                    None
                }
            }
        } else {
            self.ctx.errors.error(
                origin.to_string(),
                "an image must stand in a paragraph of its own (or in a figure block)",
            );
            return None;
        };
        Some(Raw::Images(g.images, attrs))
    }

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
            self.ctx.errors.error(
                origin.to_string(),
                "the preface has no headings (its title 前言 is printed for you)",
            );
            return None;
        }
        if self.in_figure {
            self.ctx
                .errors
                .error(origin.to_string(), "a figure block holds only images");
            return None;
        }
        let mut unnumbered = self.scope == Scope::Case;
        for c in classes {
            if c.as_ref() == "unnumbered" {
                unnumbered = true;
            } else {
                self.ctx.errors.error(
                    origin.to_string(),
                    format!("unknown heading class `.{c}`: expected `.unnumbered`"),
                );
            }
        }
        let id = match id {
            Some(i) if !(valid_id(&i) && i.starts_with("sec-")) => {
                self.ctx.errors.error(
                    origin.to_string(),
                    format!("invalid heading id `{i}`: expected `sec-` followed by lowercase letters, digits and `-`"),
                );
                None
            }
            other => other,
        };
        if text.is_empty() {
            self.ctx.errors.error(origin.to_string(), "empty heading");
            return None;
        }
        if self.scope == Scope::Body {
            let hashes = |n: u8| "#".repeat(n as usize);
            if level > 4 {
                self.ctx.errors.error(
                    origin.to_string(),
                    format!(
                        "a `{}` heading: headings go four levels deep, from `#` (the chapter) to `####`",
                        hashes(level)
                    ),
                );
                return None;
            }
            let last = self.ctx.last_heading;
            self.ctx.last_heading = level;
            if last > 0 && level > last + 1 {
                self.ctx.errors.error(
                    origin.to_string(),
                    format!(
                        "a `{}` heading right after a `{}` heading skips a level: expected `{}` or fewer `#`",
                        hashes(level),
                        hashes(last),
                        hashes(last + 1)
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
                                    .error(o.to_string(), "images cannot stand in a list item");
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
                        .error(o.to_string(), "unexpected content in a list");
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
        for (i, line) in text.lines().enumerate() {
            let cells = count_cells(line);
            if cells > columns {
                let at = self.origin_at(
                    range.start + text.lines().take(i).map(|l| l.len() + 1).sum::<usize>(),
                );
                self.ctx.errors.error(
                    at.to_string(),
                    format!("this row has {cells} cells but the table ({origin}) has {columns} columns; the extra cells would be lost"),
                );
            }
        }
    }

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
        let columns = aligns.len();
        let aligns: Vec<Align> = aligns
            .iter()
            .map(|a| match a {
                Alignment::Left => Align::Left,
                Alignment::Right => Align::Right,
                Alignment::Center | Alignment::None => Align::Center,
            })
            .collect();
        let rows = rows
            .into_iter()
            .map(|r| {
                r.into_iter()
                    .enumerate()
                    .map(|(col, content)| Cell {
                        content,
                        colspan: 1,
                        rowspan: 1,
                        col,
                        align: None,
                    })
                    .collect()
            })
            .collect();
        Table {
            num: Numbered::default(),
            caption: String::new(),
            unit: None,
            name_line: None,
            columns,
            header_rows: 1,
            rows,
            aligns,
            widths: None,
            notes: Vec::new(),
            small: false,
            landscape: false,
            origin,
        }
    }

    /// Inline events until `end`.
    fn inlines(&mut self, end: TagEnd) -> Gathered {
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

    fn inline_event(&mut self, ev: Event<'e>, range: Range<usize>, g: &mut Gathered) {
        match ev {
            Event::Text(t) => push_text_with_refs(&mut g.inlines, &t),
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
                    format!("footnotes are not supported yet: found `[^{label}]`; put the note in the text or, under a table, in a table note"),
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
                self.ctx.errors.error(origin.to_string(), HORIZONTAL_RULE);
            }
        }
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

/// The cells of one pipe-table line (`| a | b |` → 2), honouring `\|`.
fn count_cells(line: &str) -> usize {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let mut cells = 1;
    let mut escaped = false;
    let chars: Vec<char> = t.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' if !escaped => {
                escaped = true;
                continue;
            }
            // As in GFM, only a backslash protects a pipe (even in code).
            '|' if !escaped && i + 1 < chars.len() => cells += 1,
            _ => {}
        }
        escaped = false;
    }
    cells
}

fn block_name(b: &Block) -> &'static str {
    match b {
        Block::Heading(_) => "a heading",
        Block::Paragraph(_) => "a paragraph",
        Block::List(_) => "a list",
        Block::Table(_) => "a table",
        Block::Figure(_) => "a figure",
        Block::Case(_) => "a case",
    }
}

fn block_origin(b: &Block) -> Origin {
    match b {
        Block::Heading(x) => x.origin.clone(),
        Block::Paragraph(x) => x.origin.clone(),
        Block::List(x) => x.origin.clone(),
        Block::Table(x) => x.origin.clone(),
        Block::Figure(x) => x.origin.clone(),
        Block::Case(x) => x.origin.clone(),
    }
}

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

/// A valid id: lowercase ASCII letters, digits and `-`.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.ends_with('-')
}

/// Replaces `@tbl-x`, `@fig-x`, `@case-x`, `@sec-x` (not after `\` or a
/// letter or digit) with sentinel-wrapped ids.
fn mark_refs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        if c == '@' && !prev.is_some_and(|p| p == '\\' || p.is_ascii_alphanumeric()) {
            let mut j = i + 1;
            while j < chars.len()
                && (chars[j].is_ascii_lowercase() || chars[j].is_ascii_digit() || chars[j] == '-')
            {
                j += 1;
            }
            let mut id: String = chars[i + 1..j].iter().collect();
            while id.ends_with('-') {
                id.pop();
                j -= 1;
            }
            if ["tbl-", "fig-", "case-", "sec-"]
                .iter()
                .any(|p| id.starts_with(p) && id.len() > p.len())
            {
                out.push(REF_OPEN);
                out.push_str(&id);
                out.push(REF_CLOSE);
                i = j;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Puts references found in code or raw HTML back as the text they were.
fn unmark_refs(text: &str) -> String {
    text.replace(REF_OPEN, "@").replace(REF_CLOSE, "")
}

fn push_text_with_refs(out: &mut Vec<Inline>, text: &str) {
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

fn is_wide(c: char) -> bool {
    !c.is_ascii() && !c.is_whitespace()
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
                        let join_tight = before.is_none_or(is_wide) || after.is_none_or(is_wide);
                        if !join_tight {
                            s.push(' ');
                        }
                    } else {
                        s.push(c);
                    }
                    *idx += 1;
                }
                *t = s;
            }
            Inline::Strong(c) | Inline::Emph(c) => resolve_breaks(c, chars, idx),
            Inline::Ref { label, .. } => *idx += label.chars().count(),
            Inline::LineBreak => *idx += 1,
        }
    }
}

/// Turns `<` and `^` cells into spans and checks the grid.
// The grid is walked by position while the cells it points at are edited.
#[allow(clippy::needless_range_loop)]
fn fix_spans(mut table: Table, errors: &mut Collector) -> Table {
    let n_rows = table.rows.len();
    let n_cols = table.columns;
    // owner[r][c] = (row, index in row) of the cell covering that position.
    let mut owner: Vec<Vec<Option<(usize, usize)>>> = vec![vec![None; n_cols]; n_rows];
    let mut keep: Vec<Vec<bool>> = table.rows.iter().map(|r| vec![true; r.len()]).collect();
    let loc = table.origin.to_string();
    for r in 0..n_rows {
        for k in 0..table.rows[r].len() {
            let c = table.rows[r][k].col;
            if c >= n_cols {
                continue;
            }
            let marker = match table.rows[r][k].content.as_slice() {
                [Inline::Text(t)] if t.trim() == "<" => Some('<'),
                [Inline::Text(t)] if t.trim() == "^" => Some('^'),
                _ => None,
            };
            match marker {
                Some('<') => {
                    let Some((orow, oidx)) = (c > 0).then(|| owner[r][c - 1]).flatten() else {
                        errors.error(
                            &loc,
                            format!(
                                "row {}: a `<` cell has no cell on its left to merge into",
                                r + 1
                            ),
                        );
                        owner[r][c] = Some((r, k));
                        continue;
                    };
                    let ocol = table.rows[orow][oidx].col;
                    if orow != r {
                        // Part of a cell spanning rows: only valid when that cell
                        // already spans this column.
                        if c >= ocol + table.rows[orow][oidx].colspan {
                            errors.error(&loc, format!("row {}: a `<` cell next to a row-spanning cell: use `^` for every covered position", r + 1));
                        }
                    } else {
                        table.rows[orow][oidx].colspan = c - ocol + 1;
                    }
                    owner[r][c] = Some((orow, oidx));
                    keep[r][k] = false;
                }
                Some('^') => {
                    let Some((orow, oidx)) = (r > 0).then(|| owner[r - 1][c]).flatten() else {
                        errors.error(
                            &loc,
                            format!(
                                "row {}: a `^` cell has no cell above it to merge into",
                                r + 1
                            ),
                        );
                        owner[r][c] = Some((r, k));
                        continue;
                    };
                    let span = r - orow + 1;
                    let cell = &mut table.rows[orow][oidx];
                    if c == cell.col {
                        cell.rowspan = cell.rowspan.max(span);
                    }
                    owner[r][c] = Some((orow, oidx));
                    keep[r][k] = false;
                }
                _ => owner[r][c] = Some((r, k)),
            }
        }
    }
    // A row-spanning cell that is wide must be covered by `^` on all its columns.
    for r in 0..n_rows {
        for c in 0..n_cols {
            if let Some((orow, oidx)) = owner[r][c]
                && orow < r
            {
                let cell = &table.rows[orow][oidx];
                if r >= orow + cell.rowspan || c >= cell.col + cell.colspan {
                    errors.error(
                        &loc,
                        format!(
                            "row {}, column {}: merged cells do not form a rectangle",
                            r + 1,
                            c + 1
                        ),
                    );
                }
            }
        }
    }
    // Every position a merged cell covers must be marked `^` or `<`: a cell
    // with content there would be lost, and two merges may not overlap.
    let short = |row: &[Cell], idx: usize| {
        let t = Inline::plain(&row[idx].content);
        let t = t.trim();
        match t.char_indices().nth(20) {
            Some((cut, _)) => format!("{}…", &t[..cut]),
            None => t.to_string(),
        }
    };
    for r in 0..n_rows {
        for (k, cell) in table.rows[r].iter().enumerate() {
            if !keep[r][k] || (cell.rowspan == 1 && cell.colspan == 1) {
                continue;
            }
            let here = format!(
                "“{}” (row {}, column {})",
                short(&table.rows[r], k),
                r + 1,
                cell.col + 1
            );
            let rows = r..(r + cell.rowspan).min(n_rows);
            let conflict = rows
                .flat_map(|rr| {
                    (cell.col..(cell.col + cell.colspan).min(n_cols)).map(move |cc| (rr, cc))
                })
                .find_map(|(rr, cc)| match owner[rr][cc] {
                    Some(o) if o == (r, k) => None,
                    Some((orow, oidx)) => Some((rr, cc, orow, oidx)),
                    None => None,
                });
            let Some((rr, cc, orow, oidx)) = conflict else {
                continue;
            };
            let msg = if orow == rr && keep[orow][oidx] {
                format!(
                    "row {}, column {}: the cell “{}” lies inside the merged cell {here} and would be lost: mark it `^` or `<`, or end the merge before it",
                    rr + 1,
                    cc + 1,
                    short(&table.rows[rr], oidx),
                )
            } else {
                format!(
                    "row {}, column {}: the merged cells {here} and “{}” (row {}, column {}) overlap",
                    rr + 1,
                    cc + 1,
                    short(&table.rows[orow], oidx),
                    orow + 1,
                    table.rows[orow][oidx].col + 1
                )
            };
            errors.error(&loc, msg);
        }
    }
    if table.header_rows > n_rows {
        table.header_rows = n_rows.max(1);
    }
    for (r, row) in table.rows.iter().enumerate().take(table.header_rows) {
        for (k, cell) in row.iter().enumerate() {
            if keep[r][k] && r + cell.rowspan > table.header_rows {
                errors.error(
                    &loc,
                    format!(
                        "row {}: a head cell spans down into the body; raise header-rows to {} or split the cell",
                        r + 1,
                        r + cell.rowspan
                    ),
                );
            }
        }
    }
    for (r, row) in table.rows.iter_mut().enumerate() {
        let mut k = 0;
        row.retain(|_| {
            let keep_it = keep[r][k];
            k += 1;
            keep_it
        });
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refs_are_marked_unless_escaped() {
        let m = mark_refs("见@tbl-a，邮箱a@tbl-b，\\@fig-c。");
        assert_eq!(m, "见\u{E000}tbl-a\u{E001}，邮箱a@tbl-b，\\@fig-c。");
    }

    #[test]
    fn pipe_table_cells_are_counted_like_gfm() {
        assert_eq!(count_cells("| a | b |"), 2);
        assert_eq!(count_cells("a | b | c"), 3);
        assert_eq!(count_cells("| a \\| b |"), 1);
        assert_eq!(count_cells("|---|:--:|"), 2);
    }

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

    #[test]
    fn soft_breaks_vanish_between_cjk() {
        let v = normalize(vec![Inline::Text(format!(
            "中文{SOFT_BREAK}继续 a{SOFT_BREAK}b"
        ))]);
        assert_eq!(v, vec![Inline::Text("中文继续 a b".into())]);
    }
}

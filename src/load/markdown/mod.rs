//! Narrative Markdown → document blocks, with pulldown-cmark doing the parsing.
//!
//! Everything a user writes ends up as `Inline::Text`: raw HTML, code and any
//! character Markdown does not claim are kept literally.
//!
//! This module takes one expanded narrative file, has it split into Markdown
//! runs and `:::` blocks ([`super::divs`]), and sends each piece to its job:
//! - `fenced`: the `:::` table, figure, chart and case blocks;
//! - `events`: the walk over pulldown-cmark's block events (paragraphs,
//!   headings, lists, quotes, code, pipe tables);
//! - `cursor`: the state and reading position both walks share;
//! - `inlines`: the walk over inline events, and tidying the inline runs
//!   (soft breaks);
//! - `grid`: pipe-table grids (rows as GFM splits them, `<` and `^` merges);
//! - `refs`: `@id` references carried through Markdown parsing.
//!
//! Attribute lists are parsed and checked in [`super::attrs`]; what an `@id`
//! reference is, in [`crate::model::refs`].

mod caption;
mod cursor;
mod events;
mod fenced;
mod grid;
mod inlines;
mod refs;

use super::attrs::Attrs;
use super::divs::{self, Node};
use super::project::Project;
use super::template::Expanded;
use crate::error::Collector;
use crate::i18n::msg;
use crate::model::*;
use events::Raw;

pub use crate::model::refs::valid_id;
pub use caption::caption_inlines;
pub use inlines::normalize;

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
        if line.contains([
            refs::REF_OPEN,
            refs::REF_CLOSE,
            inlines::SOFT_BREAK,
            refs::ESCAPED_CARET,
            refs::ESCAPED_TILDE,
        ]) {
            errors.error(
                format!("{}:{}", doc.file, doc.source_line(n)),
                msg::markdown::private_use_char(),
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

/// The state of parsing one narrative file.
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

    /// Blocks of the nodes; `in_table` allows a captionless pipe table (the
    /// `{.table}` block supplies the caption).
    fn nodes_in(&mut self, nodes: &[Node], scope: Scope, in_table: bool) -> Vec<Block> {
        let mut out = Vec::new();
        for node in nodes {
            match node {
                Node::Markdown { text, lines } => {
                    for b in self.markdown(text, lines, scope) {
                        if let Block::Table(t) = &b
                            && !in_table
                        {
                            self.errors
                                .error(t.origin.to_string(), msg::markdown::table_needs_caption());
                            continue;
                        }
                        if scope == Scope::Preface && matches!(b, Block::Figure(_)) {
                            self.errors.error(
                                block_origin(&b).to_string(),
                                msg::markdown::preface_no_figures(),
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

    /// A `:::` block, checked for the scope and dispatched on its class.
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
            self.errors
                .error(origin.to_string(), msg::markdown::preface_no_blocks());
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
            "chart" => self.chart_div(attrs, origin, children),
            "case" if scope == Scope::Case => {
                self.errors
                    .error(origin.to_string(), msg::markdown::case_in_case());
                None
            }
            "case" => self.case_div(attrs, origin, children),
            _ => {
                self.errors
                    .error(origin.to_string(), msg::markdown::unknown_block(kind));
                None
            }
        }
    }

    /// The blocks of one Markdown run; a paragraph of one image (with an
    /// optional `{#fig-… width=…}`) becomes a figure captioned by its alt text.
    fn markdown(&mut self, text: &str, lines: &[usize], scope: Scope) -> Vec<Block> {
        let raws = events::walk(self, text, lines, scope, false);
        let mut out = Vec::new();
        for r in raws {
            match r {
                Raw::Block(b) => out.push(b),
                Raw::Images(mut imgs, attrs) => {
                    let (_, origin) = imgs[0].clone();
                    if imgs.len() > 1 {
                        self.errors
                            .error(origin.to_string(), msg::markdown::several_images());
                        continue;
                    }
                    let attrs = attrs.unwrap_or_default();
                    attrs.check_keys(&["width"], &origin, self.errors);
                    let id = attrs.checked_id(crate::model::refs::FIGURE, &origin, self.errors);
                    let width = attrs.width(&origin, self.errors);
                    let (mut img, origin) = imgs.remove(0);
                    // No caption is allowed when figures are not numbered:
                    // the validator decides.
                    let caption = img
                        .caption
                        .take()
                        .filter(|c| !c.trim().is_empty())
                        .map(|c| vec![Inline::Text(c)])
                        .unwrap_or_default();
                    let mut figure = Figure::new(id, caption, width, origin);
                    figure.images = vec![img];
                    out.push(Block::Figure(figure));
                }
            }
        }
        out
    }
}

/// What a block is, for error messages (`a table`).
fn block_name(b: &Block) -> String {
    match b {
        Block::Heading(_) => msg::markdown::block_heading(),
        Block::Paragraph(_) => msg::markdown::block_paragraph(),
        Block::List(_) => msg::markdown::block_list(),
        Block::Table(_) => msg::markdown::block_table(),
        Block::Figure(_) => msg::markdown::block_figure(),
        Block::Case(_) => msg::markdown::block_case(),
    }
}

/// Where a block starts.
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

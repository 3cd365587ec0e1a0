//! The `:::` blocks: tables (a pipe table or a bound dataset, with notes
//! under it), figures (photos), charts and cases — what each may hold and
//! the model block it becomes.

use super::events::{self, Raw};
use super::grid;
use super::{Ctx, Scope, block_name, block_origin};
use crate::i18n::msg;
use crate::load::attrs::Attrs;
use crate::load::divs::Node;
use crate::model::refs;
use crate::model::*;

impl Ctx<'_> {
    /// A `{.table}` block: a pipe table or a bound dataset, then notes.
    pub(super) fn table_div(
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
        keys.extend_from_slice(crate::load::bound_table::KEYS);
        attrs.check_keys(&keys, &origin, self.errors);
        let id = attrs.checked_id(refs::TABLE, &origin, self.errors);
        let caption = attrs.required("caption", &origin, self.errors)?;
        let blocks = self.nodes_in(children, scope, true);
        let mut table: Option<Table> = None;
        let bound = attrs.values.contains_key("dataset");
        if !bound {
            // A pipe table has no use for the attributes of a bound table.
            for key in crate::load::bound_table::KEYS {
                if attrs.values.contains_key(*key) {
                    self.errors.error(
                        origin.to_string(),
                        msg::markdown::bound_key_on_pipe_table(key),
                    );
                }
            }
        }
        if bound {
            match crate::load::bound_table::build(&attrs.values, self.data, &origin) {
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
                        self.errors
                            .error(p.origin.to_string(), msg::markdown::note_looks_like_row());
                    }
                    notes.push(p.content)
                }
                other => {
                    let what = block_name(&other);
                    self.errors
                        .error(origin.to_string(), msg::markdown::table_block_found(what));
                }
            }
        }
        let Some(mut table) = table else {
            self.errors
                .error(origin.to_string(), msg::markdown::table_block_empty());
            return None;
        };
        table.num.id = id;
        table.caption = super::caption_inlines(&caption);
        table.unit = attrs.values.get("unit").cloned();
        table.notes = notes;
        table.origin = origin.clone();
        if let Some(h) = attrs.values.get("header-rows") {
            match h.parse::<usize>() {
                Ok(n) if n >= 1 && n <= table.rows.len() => table.header_rows = n,
                _ => self.errors.error(
                    origin.to_string(),
                    msg::markdown::header_rows_invalid(h, table.rows.len()),
                ),
            }
        }
        match attrs.values.get("size").map(String::as_str) {
            None | Some("normal") => {}
            Some("small") => table.small = true,
            Some(other) => self
                .errors
                .error(origin.to_string(), msg::markdown::size_invalid(other)),
        }
        match attrs.values.get("landscape").map(String::as_str) {
            None | Some("false") => {}
            Some("true") => table.landscape = true,
            Some(other) => self.errors.error(
                origin.to_string(),
                msg::markdown::expected_true_false("landscape", other),
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
                    msg::markdown::widths_invalid(w, table.columns),
                ),
            }
        }
        table = grid::fix_spans(table, &mut *self.errors);
        Some(Block::Table(table))
    }

    /// A `{.figure}` block: one or more photos.
    pub(super) fn figure_div(
        &mut self,
        attrs: &Attrs,
        origin: Origin,
        children: &[Node],
    ) -> Option<Block> {
        attrs.check_keys(&["caption", "columns", "width"], &origin, self.errors);
        let id = attrs.checked_id(refs::FIGURE, &origin, self.errors);
        // A figure may go without a caption when figures are not numbered:
        // the validator, which knows the numbering, decides.
        let caption = optional_caption(attrs);
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
                        .error(o.to_string(), msg::markdown::figure_only_images());
                }
            }
        }
        if images.is_empty() {
            self.errors
                .error(origin.to_string(), msg::markdown::figure_block_empty());
            return None;
        }
        let columns = match attrs.values.get("columns") {
            None => images.len().min(2),
            Some(c) => match c.parse::<usize>() {
                Ok(n) if (1..=4).contains(&n) => n,
                _ => {
                    self.errors
                        .error(origin.to_string(), msg::markdown::figure_columns_invalid(c));
                    1
                }
            },
        };
        let width = attrs.width(&origin, self.errors);
        if images.len() == 1 {
            images[0].caption = None;
        }
        let mut figure = Figure::new(id, caption, width, origin);
        figure.images = images;
        figure.columns = columns;
        Some(Block::Figure(figure))
    }

    /// A `{.chart}` block: a chart drawn from a dataset; it holds nothing.
    pub(super) fn chart_div(
        &mut self,
        attrs: &Attrs,
        origin: Origin,
        children: &[Node],
    ) -> Option<Block> {
        if !children.is_empty() {
            self.errors
                .error(origin.to_string(), msg::markdown::chart_holds_nothing());
        }
        let chart = crate::load::charts::build(attrs, self.data)
            .map_err(|e| self.errors.error(origin.to_string(), e))
            .ok()?;
        attrs.check_keys(crate::load::charts::KEYS, &origin, self.errors);
        let id = attrs.checked_id(refs::FIGURE, &origin, self.errors);
        let caption = optional_caption(attrs);
        let width = attrs.width(&origin, self.errors);
        let mut figure = Figure::new(id, caption, width, origin);
        figure.chart = Some(chart);
        Some(Block::Figure(figure))
    }

    /// A `{.case}` block: a case study holding narrative blocks.
    pub(super) fn case_div(
        &mut self,
        attrs: &Attrs,
        origin: Origin,
        children: &[Node],
    ) -> Option<Block> {
        attrs.check_keys(&["title", "subtitle", "unit"], &origin, self.errors);
        let id = attrs.checked_id(refs::CASE, &origin, self.errors);
        let title = attrs.required("title", &origin, self.errors)?;
        let blocks = self.nodes(children, Scope::Case);
        Some(Block::Case(Case {
            num: Numbered {
                id,
                ..Default::default()
            },
            title: super::caption_inlines(&title),
            subtitle: attrs
                .values
                .get("subtitle")
                .map(|s| super::caption_inlines(s)),
            unit: attrs.values.get("unit").cloned(),
            blocks,
            origin,
        }))
    }

    /// Images of a figure block: every paragraph may hold images only.
    fn image_paragraphs(&mut self, text: &str, lines: &[usize]) -> Vec<(Image, Origin)> {
        let blocks = events::walk(self, text, lines, Scope::Body, true);
        let mut out = Vec::new();
        for b in blocks {
            match b {
                Raw::Images(imgs, _) => out.extend(imgs),
                Raw::Block(b) => {
                    let o = block_origin(&b);
                    self.errors.error(
                        o.to_string(),
                        msg::markdown::figure_block_found(block_name(&b)),
                    );
                }
            }
        }
        out
    }
}

/// The `caption="…"` of a figure or chart, if any (empty when left out).
fn optional_caption(attrs: &Attrs) -> Vec<Inline> {
    attrs
        .values
        .get("caption")
        .filter(|c| !c.trim().is_empty())
        .map(|c| super::caption_inlines(c))
        .unwrap_or_default()
}

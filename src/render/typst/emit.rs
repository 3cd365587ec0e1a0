//! Document model → Typst source. User text only ever appears inside Typst
//! string literals built by [`str_lit`]; everything else is code this module
//! writes itself.

use crate::model::*;
use std::fmt::Write;

/// A Typst string literal holding `s` exactly.
pub fn str_lit(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The path under which a project image is visible to Typst.
pub fn asset_path(img: &Image) -> String {
    format!("/assets/{}", img.path)
}

/// Emits Typst source, one block per line, each preceded by a marker comment
/// holding an index into [`Emitter::origins`] (used to report compile errors
/// against the user's file and line). The comment carries only that number:
/// file names are user text, and user text never reaches generated Typst
/// outside a string literal.
#[derive(Default)]
pub struct Emitter {
    pub out: String,
    /// The user's `file:line` of each marker, by marker index.
    pub origins: Vec<String>,
    /// The block being emitted may float (see [`Emitter::blocks`]).
    float: bool,
}

/// How much text (characters) must follow a table or figure in its chapter
/// for it to float: about a page, so that the text fills the gap it leaves.
const FLOAT_TEXT_CHARS: usize = 600;

/// The characters of paragraph and list text in `blocks`.
fn text_after(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => Inline::plain(&p.content).chars().count(),
            Block::List(l) => l.items.iter().map(|i| text_after(i)).sum(),
            _ => 0,
        })
        .sum()
}

/// The first line of a chapter's generated file: the layout library.
pub const CHAPTER_PRELUDE: &str = "#import \"/nianbao.typ\": *\n";

/// The marker that starts each block's line pair.
pub const SRC_MARKER: &str = "// @src ";

impl Emitter {
    /// Writes a source marker for `origin`.
    pub fn mark(&mut self, origin: &Origin) {
        let _ = writeln!(self.out, "{SRC_MARKER}{}", self.origins.len());
        self.origins
            .push(format!("{}:{}", origin.file, origin.line));
    }

    /// Places the tables and figures still floating (before a new chapter).
    pub fn flush_floats(&mut self) {
        self.out.push_str("#nb-flush-floats()\n");
    }

    /// Takes the text emitted so far, keeping the marker table.
    pub fn take(&mut self) -> String {
        std::mem::take(&mut self.out)
    }

    /// Emits a list of blocks at body level (`in_case` for case contents).
    pub fn blocks(&mut self, blocks: &[Block], in_case: bool) {
        for (i, b) in blocks.iter().enumerate() {
            // A tall table or figure may float (the text after it fills the
            // page) only where enough text follows in the chapter to fill a
            // gap; otherwise it would float past the chapter's end.
            self.float = !in_case && text_after(&blocks[i + 1..]) >= FLOAT_TEXT_CHARS;
            self.block(b, in_case);
        }
    }

    fn block(&mut self, b: &Block, in_case: bool) {
        match b {
            Block::Heading(h) => {
                self.mark(&h.origin);
                if in_case {
                    let _ = writeln!(
                        self.out,
                        "#nb-case-heading({}, {})",
                        h.level,
                        inline(&h.text)
                    );
                } else {
                    self.heading(h);
                }
            }
            Block::Paragraph(p) => {
                self.mark(&p.origin);
                let _ = writeln!(self.out, "#nb-par({})", inline(&p.content));
            }
            Block::List(l) => {
                self.mark(&l.origin);
                self.list(l);
            }
            Block::Table(t) => {
                self.mark(&t.origin);
                let _ = writeln!(
                    self.out,
                    "#nb-table({}float: {})",
                    table_args(t, true),
                    self.float
                );
            }
            Block::Figure(f) => {
                self.mark(&f.origin);
                let _ = writeln!(self.out, "{}", figure(f, self.float));
            }
            Block::Case(c) => {
                self.mark(&c.origin);
                let _ = writeln!(
                    self.out,
                    "#nb-case(label: {}, number: {}, title: {}, subtitle: {}, unit: {})[",
                    label(&c.num.id),
                    str_lit(&c.num.label),
                    caption(&c.title),
                    c.subtitle.as_deref().map(caption).unwrap_or("none".into()),
                    opt_text(&c.unit)
                );
                self.blocks(&c.blocks, true);
                self.out.push_str("]\n");
            }
        }
    }

    /// Emits a numbered section heading.
    pub fn heading(&mut self, h: &Heading) {
        let _ = writeln!(
            self.out,
            "#nb-heading({}, {}, {}, label: {})",
            h.level,
            opt(&h.number),
            inline(&h.text),
            label(&h.id)
        );
    }

    fn list(&mut self, l: &List) {
        if l.ordered {
            let _ = write!(self.out, "#enum(start: {}, ", l.start);
        } else {
            self.out.push_str("#list(");
        }
        for (i, item) in l.items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.out.push_str("[\n");
            self.blocks(item, true);
            self.out.push(']');
        }
        self.out.push_str(")\n");
    }

    /// Emits one appendix table.
    pub fn appendix_table(&mut self, t: &Table) {
        self.mark(&t.origin);
        let _ = writeln!(self.out, "#nb-appendix-table({})", table_args(t, false));
    }
}

fn opt(s: &Option<String>) -> String {
    match s {
        Some(s) => str_lit(s),
        None => "none".into(),
    }
}

/// User text as content: `[#"…"]`. Typst gives the text the literal's span
/// (a plain string passed to a template function would take the span of the
/// template code that shows it), so the layout check and error messages can
/// trace every glyph to its source marker.
fn text(s: &str) -> String {
    format!("[#{}]", str_lit(s))
}

fn opt_text(s: &Option<String>) -> String {
    match s {
        Some(s) => text(s),
        None => "none".into(),
    }
}

fn label(id: &Option<String>) -> String {
    match id {
        // Ids are checked to be [a-z0-9-] by the loader.
        Some(id) => format!("<{id}>"),
        None => "none".into(),
    }
}

/// Inline content as a Typst code expression.
pub fn inline(inlines: &[Inline]) -> String {
    if inlines.is_empty() {
        return "[]".into();
    }
    // One content block, each part embedded with `#`: every piece of text
    // keeps its literal's span (a `join()` of strings would lose it).
    let parts: Vec<String> = inlines.iter().map(inline_one).collect();
    format!("[#{}]", parts.join("#"))
}

fn inline_one(i: &Inline) -> String {
    match i {
        Inline::Text(t) => str_lit(t),
        Inline::Strong(c) => format!("strong({})", inline(c)),
        Inline::Emph(c) => format!("emph({})", inline(c)),
        // Set small and raised (lowered), as Word does, whatever the font.
        Inline::Sup(c) => format!("super(typographic: false, {})", inline(c)),
        Inline::Sub(c) => format!("sub(typographic: false, {})", inline(c)),
        Inline::Ref { target, label } => {
            format!("nb-ref(<{target}>, {})", text(label))
        }
        Inline::RefRange {
            from,
            to,
            from_label,
            to_label,
        } => format!(
            "nb-ref(<{from}>, {})#{}#nb-ref(<{to}>, {})",
            text(from_label),
            str_lit(RANGE_WORD),
            text(to_label)
        ),
        Inline::LineBreak => "linebreak()".into(),
    }
}

/// A caption or title as content: like [`inline`], but a line break is
/// `nb-br(joint)`, which the lists of tables, figures and cases print as the
/// joint (nothing between Chinese characters, a space between Latin ones).
pub fn caption(inlines: &[Inline]) -> String {
    if inlines.is_empty() {
        return "[]".into();
    }
    let parts: Vec<String> = inlines
        .iter()
        .enumerate()
        .map(|(i, x)| match x {
            Inline::LineBreak => {
                let before = Inline::plain(&inlines[..i]);
                let after = Inline::plain(&inlines[i + 1..]);
                let joint = crate::model::markup::joint(
                    before.trim_end().chars().next_back(),
                    after.trim_start().chars().next(),
                );
                format!("nb-br({})", str_lit(joint))
            }
            other => inline_one(other),
        })
        .collect();
    format!("[#{}]", parts.join("#"))
}

/// A caption, or `none` when there is none (an unnumbered figure).
fn caption_or_none(inlines: &[Inline]) -> String {
    if inlines.is_empty() {
        "none".into()
    } else {
        caption(inlines)
    }
}

fn align_name(a: Align) -> &'static str {
    match a {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
    }
}

fn table_args(t: &Table, numbered_figure: bool) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "label: {}, number: {}, caption: {}, unit: {}, name-line: {}, columns: {}, ",
        if numbered_figure {
            label(&t.num.id)
        } else {
            "none".into()
        },
        str_lit(&t.num.label),
        caption(&t.caption),
        opt_text(&t.unit),
        opt_text(&t.name_line),
        t.columns
    );
    let ws: Vec<String> = t.layout.widths.iter().map(|x| format!("{x}")).collect();
    let _ = write!(s, "widths: ({},), ", ws.join(", "));
    let aligns: Vec<String> = t.aligns.iter().map(|a| str_lit(align_name(*a))).collect();
    let _ = write!(
        s,
        "aligns: ({},), header-rows: {}, size: {}pt, landscape: {},\n  cells: (\n",
        aligns.join(", "),
        t.header_rows,
        t.layout.size_pt,
        t.layout.landscape
    );
    for (r, row) in t.rows.iter().enumerate() {
        for c in row {
            let _ = writeln!(
                s,
                "    (row: {r}, col: {}, colspan: {}, rowspan: {}, align: {}, body: {}),",
                c.col,
                c.colspan,
                c.rowspan,
                c.align
                    .map(|a| str_lit(align_name(a)))
                    .unwrap_or("none".into()),
                inline(&c.content)
            );
        }
    }
    s.push_str("  ),\n  notes: (");
    for n in &t.notes {
        let _ = write!(s, "{}, ", inline(n));
    }
    s.push_str("),\n");
    s
}

fn figure(f: &Figure, float: bool) -> String {
    if let Some(chart) = &f.chart {
        return format!(
            "#nb-chart(label: {}, number: {}, caption: {}, width: {}, float: {float}, svg: {})",
            label(&f.num.id),
            str_lit(&f.num.label),
            caption_or_none(&f.caption),
            f.width,
            str_lit(&crate::render::chart::svg(chart))
        );
    }
    let images: Vec<String> = f
        .images
        .iter()
        .map(|i| {
            format!(
                "(path: {}, caption: {})",
                str_lit(&asset_path(i)),
                opt(&i.caption)
            )
        })
        .collect();
    format!(
        "#nb-figure(label: {}, number: {}, caption: {}, columns: {}, width: {}, float: {float}, images: ({},))",
        label(&f.num.id),
        str_lit(&f.num.label),
        caption_or_none(&f.caption),
        f.columns,
        f.width,
        images.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_literals_escape_quotes_and_backslashes() {
        assert_eq!(str_lit(r#"a"b\c"#), r#""a\"b\\c""#);
        assert_eq!(str_lit("x\ny"), r#""x\ny""#);
    }
}

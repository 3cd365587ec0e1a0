//! Validators: check the loaded document and give every heading, table,
//! figure and case its final number, then resolve cross-references.

pub mod data;
mod limits;

use crate::error::{Collector, Diagnostic, Result};
use crate::i18n::msg;
use crate::model::*;
use std::collections::HashMap;

/// What an id names, for references: the label printed for it, where it
/// was given, and its place in the report (for ranges).
#[derive(Debug, Clone)]
struct Target {
    label: String,
    origin: Origin,
    order: usize,
}

type Labels = HashMap<String, Target>;

/// Numbers the document and resolves references. Returns warnings; fails
/// with every error found (duplicate ids, unknown references).
pub fn check(doc: &mut Document) -> Result<Vec<Diagnostic>> {
    let mut errors = Collector::default();
    let mut labels: Labels = HashMap::new();
    let mut numberer = Numberer::new(doc.style.clone(), doc.house.captions.clone());

    for (ci, chapter) in doc.chapters.iter_mut().enumerate() {
        numberer.chapter(ci as u32 + 1);
        numberer.heading(&mut chapter.heading, &mut labels, &mut errors);
        numberer.blocks(&mut chapter.blocks, &mut labels, &mut errors, false);
    }
    for (i, t) in doc.appendix.iter_mut().enumerate() {
        let n = Number {
            kind: NumberKind::Table,
            chapter: None,
            n: i as u32 + 1,
            scheme: NumberingScheme::Continuous,
        };
        t.num.label = n.label(&doc.house.captions.table);
        t.num.number = Some(n);
    }
    for chapter in &mut doc.chapters {
        resolve_inlines(
            &mut chapter.heading.text,
            &labels,
            &chapter.heading.origin,
            &mut errors,
        );
        resolve_blocks(&mut chapter.blocks, &labels, &mut errors);
    }
    resolve_blocks(&mut doc.preface, &labels, &mut errors);
    limits::check(doc, &mut errors);
    check_resolution(doc, &mut errors);
    data::check(doc, &mut errors);
    errors.finish()
}

/// Print shops want photos at 300 dpi or more at their printed size.
pub const MIN_DPI: f64 = 300.0;

/// Warns about images that would print below [`MIN_DPI`]. The printed width
/// follows the built-in house styles' text widths (156 mm for gongwen,
/// 146 mm for report).
fn check_resolution(doc: &Document, errors: &mut Collector) {
    let text_mm = doc.house.text_width_mm();
    fn walk(blocks: &[Block], text_mm: f64, errors: &mut Collector) {
        for b in blocks {
            match b {
                Block::Figure(f) => {
                    let each_mm = f.image_width_mm(text_mm);
                    for img in &f.images {
                        let dpi = img.width_px as f64 / (each_mm / 25.4);
                        if dpi < MIN_DPI {
                            errors.warning(
                                f.origin.to_string(),
                                msg::validate::image_low_dpi(
                                    &img.path,
                                    img.width_px,
                                    format!("{dpi:.0}"),
                                    format!("{each_mm:.0}"),
                                    format!("{MIN_DPI:.0}"),
                                ),
                            );
                        }
                    }
                }
                Block::Case(c) => walk(&c.blocks, text_mm, errors),
                _ => {}
            }
        }
    }
    for ch in &doc.chapters {
        walk(&ch.blocks, text_mm, errors);
    }
}

struct Numberer {
    style: Style,
    captions: crate::model::house::Captions,
    chapter: u32,
    headings: [u64; 6],
    tables: u32,
    figures: u32,
    cases: u32,
}

impl Numberer {
    fn new(style: Style, captions: crate::model::house::Captions) -> Self {
        Numberer {
            style,
            captions,
            chapter: 0,
            headings: [0; 6],
            tables: 0,
            figures: 0,
            cases: 0,
        }
    }

    fn chapter(&mut self, n: u32) {
        self.chapter = n;
        let per_chapter = |k| self.style.numbering.of(k) == NumberingScheme::Chapter;
        if per_chapter(NumberKind::Table) {
            self.tables = 0;
        }
        if per_chapter(NumberKind::Figure) {
            self.figures = 0;
        }
        if per_chapter(NumberKind::Case) {
            self.cases = 0;
        }
    }

    fn heading(&mut self, h: &mut Heading, labels: &mut Labels, errors: &mut Collector) {
        let level = (h.level as usize).clamp(1, 6);
        if !h.unnumbered {
            self.headings[level - 1] += 1;
            for x in self.headings.iter_mut().skip(level) {
                *x = 0;
            }
            h.number = Some(heading_number(self.style.headings, &self.headings[..level]));
        }
        if let Some(id) = &h.id {
            let label = match &h.number {
                Some(n) => n.trim_end_matches(['.', '、']).to_string(),
                None => Inline::plain(&h.text),
            };
            register(labels, id, label, &h.origin, errors);
        }
    }

    /// Numbers a table, figure or case by its kind's scheme; an unnumbered
    /// one (`none`) is cited by its caption.
    fn number(
        &mut self,
        num: &mut Numbered,
        kind: NumberKind,
        caption: &[Inline],
        origin: &Origin,
        labels: &mut Labels,
        errors: &mut Collector,
    ) {
        let scheme = self.style.numbering.of(kind);
        let (counter, word) = match kind {
            NumberKind::Table => (&mut self.tables, &self.captions.table),
            NumberKind::Figure => (&mut self.figures, &self.captions.figure),
            NumberKind::Case => (&mut self.cases, &self.captions.case),
        };
        let label = if scheme == NumberingScheme::None {
            num.number = None;
            num.label = String::new();
            Inline::one_line(caption)
        } else {
            *counter += 1;
            let number = Number {
                kind,
                chapter: (scheme == NumberingScheme::Chapter).then_some(self.chapter),
                n: *counter,
                scheme,
            };
            num.number = Some(number);
            num.label = number.label(word);
            num.label.clone()
        };
        if let Some(id) = &num.id {
            register(labels, id, label, origin, errors);
        }
    }

    fn blocks(
        &mut self,
        blocks: &mut [Block],
        labels: &mut Labels,
        errors: &mut Collector,
        in_case: bool,
    ) {
        for b in blocks {
            match b {
                Block::Heading(h) if !in_case => self.heading(h, labels, errors),
                Block::Heading(_) | Block::Paragraph(_) => {}
                Block::List(l) => {
                    for item in &mut l.items {
                        self.blocks(item, labels, errors, in_case);
                    }
                }
                Block::Table(t) => {
                    let (o, cap) = (t.origin.clone(), t.caption.clone());
                    self.number(&mut t.num, NumberKind::Table, &cap, &o, labels, errors)
                }
                Block::Figure(f) => {
                    let (o, cap) = (f.origin.clone(), f.caption.clone());
                    if cap.is_empty()
                        && self.style.numbering.of(NumberKind::Figure) != NumberingScheme::None
                    {
                        errors.error(o.to_string(), msg::validate::figure_needs_caption());
                    }
                    self.number(&mut f.num, NumberKind::Figure, &cap, &o, labels, errors)
                }
                Block::Case(c) => {
                    let (o, cap) = (c.origin.clone(), c.title.clone());
                    self.number(&mut c.num, NumberKind::Case, &cap, &o, labels, errors);
                    self.blocks(&mut c.blocks, labels, errors, true);
                }
            }
        }
    }
}

fn register(labels: &mut Labels, id: &str, label: String, origin: &Origin, errors: &mut Collector) {
    if let Some(first) = labels.get(id) {
        errors.error(
            origin.to_string(),
            msg::validate::duplicate_id(id, crate::error::place(&first.origin.to_string())),
        );
        return;
    }
    let order = labels.len();
    labels.insert(
        id.to_string(),
        Target {
            label,
            origin: origin.clone(),
            order,
        },
    );
}

/// The printed number of a heading at `counters.len()` levels deep.
pub fn heading_number(scheme: HeadingScheme, counters: &[u64]) -> String {
    let level = counters.len();
    let last = counters[level - 1];
    match scheme {
        HeadingScheme::Decimal => {
            let parts: Vec<String> = counters.iter().map(|n| n.to_string()).collect();
            if level == 1 {
                format!("{}.", parts[0])
            } else {
                parts.join(".")
            }
        }
        HeadingScheme::Gongwen => match level {
            1 => format!("{}、", crate::model::numerals::chinese(last)),
            2 => format!("（{}）", crate::model::numerals::chinese(last)),
            3 => format!("{last}."),
            _ => format!("（{last}）"),
        },
    }
}

fn resolve_blocks(blocks: &mut [Block], labels: &Labels, errors: &mut Collector) {
    for b in blocks {
        match b {
            Block::Heading(h) => resolve_inlines(&mut h.text, labels, &h.origin, errors),
            Block::Paragraph(p) => resolve_inlines(&mut p.content, labels, &p.origin, errors),
            Block::List(l) => {
                for item in &mut l.items {
                    resolve_blocks(item, labels, errors);
                }
            }
            Block::Table(t) => {
                let o = t.origin.clone();
                resolve_in(&mut t.caption, labels, &o, errors, IN_CAPTION);
                for row in &mut t.rows {
                    for cell in row {
                        resolve_inlines(&mut cell.content, labels, &o, errors);
                    }
                }
                for n in &mut t.notes {
                    resolve_inlines(n, labels, &o, errors);
                }
            }
            Block::Figure(f) => resolve_in(&mut f.caption, labels, &f.origin, errors, IN_CAPTION),
            Block::Case(c) => {
                resolve_in(&mut c.title, labels, &c.origin, errors, IN_CAPTION);
                if let Some(s) = &mut c.subtitle {
                    resolve_in(s, labels, &c.origin, errors, IN_CAPTION);
                }
                resolve_blocks(&mut c.blocks, labels, errors)
            }
        }
    }
}

/// Where a reference stands: in text, or in a caption (errors say which).
const IN_TEXT: bool = false;
const IN_CAPTION: bool = true;

/// How an error names a reference `@id`, by where it stands.
fn reference(id: &str, in_caption: bool) -> String {
    if in_caption {
        msg::validate::ref_in_caption(id)
    } else {
        msg::validate::ref_in_text(id)
    }
}

fn resolve_inlines(
    inlines: &mut [Inline],
    labels: &Labels,
    origin: &Origin,
    errors: &mut Collector,
) {
    resolve_in(inlines, labels, origin, errors, IN_TEXT)
}

/// The label of `id`, or an error (and the reference as written).
fn lookup(
    id: &str,
    labels: &Labels,
    origin: &Origin,
    errors: &mut Collector,
    place: bool,
) -> String {
    match labels.get(id) {
        Some(t) if t.label.is_empty() => {
            errors.error(
                origin.to_string(),
                msg::validate::ref_nothing_to_print(reference(id, place)),
            );
            format!("@{id}")
        }
        Some(t) => t.label.clone(),
        None => {
            errors.error(
                origin.to_string(),
                msg::validate::ref_unknown(reference(id, place)),
            );
            format!("@{id}")
        }
    }
}

/// The kind of thing an id names, by its prefix (`tbl-` …).
fn prefix_of(id: &str) -> &'static str {
    refs::PREFIXES
        .iter()
        .find(|p| id.starts_with(**p))
        .copied()
        .unwrap_or("")
}

fn resolve_in(
    inlines: &mut [Inline],
    labels: &Labels,
    origin: &Origin,
    errors: &mut Collector,
    place: bool,
) {
    for i in inlines {
        match i {
            Inline::Ref { target, label } => *label = lookup(target, labels, origin, errors, place),
            Inline::RefRange {
                from,
                to,
                from_label,
                to_label,
            } => {
                *from_label = lookup(from, labels, origin, errors, place);
                *to_label = lookup(to, labels, origin, errors, place);
                let range = format!("[@{from}--@{to}]");
                let range = if place {
                    msg::validate::range_in_caption(range)
                } else {
                    msg::validate::range_in_text(range)
                };
                if prefix_of(from) != prefix_of(to) {
                    errors.error(origin.to_string(), msg::validate::range_mixed_kinds(&range));
                } else if let (Some(a), Some(b)) =
                    (labels.get(from.as_str()), labels.get(to.as_str()))
                    && a.order >= b.order
                {
                    errors.error(
                        origin.to_string(),
                        msg::validate::range_backwards(&range, from, to),
                    );
                }
            }
            Inline::Strong(c) | Inline::Emph(c) | Inline::Sup(c) | Inline::Sub(c) => {
                resolve_in(c, labels, origin, errors, place)
            }
            _ => {}
        }
    }
}

//! Validators: check the loaded document and give every heading, table,
//! figure and case its final number, then resolve cross-references.

pub mod data;
mod limits;

use crate::error::{Collector, Diagnostic, Result};
use crate::model::*;
use std::collections::HashMap;

/// Numbers the document and resolves references. Returns warnings; fails
/// with every error found (duplicate ids, unknown references).
pub fn check(doc: &mut Document) -> Result<Vec<Diagnostic>> {
    let mut errors = Collector::default();
    let mut labels: HashMap<String, (String, Origin)> = HashMap::new();
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
                    let each_mm = if f.images.len() == 1 {
                        text_mm * f.width
                    } else {
                        text_mm / f.columns as f64
                    };
                    for img in &f.images {
                        let dpi = img.width_px as f64 / (each_mm / 25.4);
                        if dpi < MIN_DPI {
                            errors.warning(
                                f.origin.to_string(),
                                format!(
                                    "{}: {} px wide prints at about {dpi:.0} dpi ({each_mm:.0} mm); print shops want {MIN_DPI:.0} dpi or more",
                                    img.path, img.width_px
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
        if self.style.numbering == NumberingScheme::Chapter {
            self.tables = 0;
            self.figures = 0;
            self.cases = 0;
        }
    }

    fn heading(
        &mut self,
        h: &mut Heading,
        labels: &mut HashMap<String, (String, Origin)>,
        errors: &mut Collector,
    ) {
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

    fn number(
        &mut self,
        num: &mut Numbered,
        kind: NumberKind,
        origin: &Origin,
        labels: &mut HashMap<String, (String, Origin)>,
        errors: &mut Collector,
    ) {
        let (counter, word) = match kind {
            NumberKind::Table => (&mut self.tables, &self.captions.table),
            NumberKind::Figure => (&mut self.figures, &self.captions.figure),
            NumberKind::Case => (&mut self.cases, &self.captions.case),
        };
        *counter += 1;
        let number = Number {
            kind,
            chapter: (self.style.numbering == NumberingScheme::Chapter).then_some(self.chapter),
            n: *counter,
            scheme: self.style.numbering,
        };
        let label = number.label(word);
        num.number = Some(number);
        num.label = label.clone();
        if let Some(id) = &num.id {
            register(labels, id, label, origin, errors);
        }
    }

    fn blocks(
        &mut self,
        blocks: &mut [Block],
        labels: &mut HashMap<String, (String, Origin)>,
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
                    let o = t.origin.clone();
                    self.number(&mut t.num, NumberKind::Table, &o, labels, errors)
                }
                Block::Figure(f) => {
                    let o = f.origin.clone();
                    self.number(&mut f.num, NumberKind::Figure, &o, labels, errors)
                }
                Block::Case(c) => {
                    let o = c.origin.clone();
                    self.number(&mut c.num, NumberKind::Case, &o, labels, errors);
                    self.blocks(&mut c.blocks, labels, errors, true);
                }
            }
        }
    }
}

fn register(
    labels: &mut HashMap<String, (String, Origin)>,
    id: &str,
    label: String,
    origin: &Origin,
    errors: &mut Collector,
) {
    if let Some((_, first)) = labels.get(id) {
        errors.error(
            origin.to_string(),
            format!("duplicate id `{id}` (first used at {first})"),
        );
        return;
    }
    labels.insert(id.to_string(), (label, origin.clone()));
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

fn resolve_blocks(
    blocks: &mut [Block],
    labels: &HashMap<String, (String, Origin)>,
    errors: &mut Collector,
) {
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
                resolve_caption(&mut t.caption, labels, &o, errors);
                for row in &mut t.rows {
                    for cell in row {
                        resolve_inlines(&mut cell.content, labels, &o, errors);
                    }
                }
                for n in &mut t.notes {
                    resolve_inlines(n, labels, &o, errors);
                }
            }
            Block::Figure(f) => resolve_caption(&mut f.caption, labels, &f.origin, errors),
            Block::Case(c) => {
                resolve_caption(&mut c.title, labels, &c.origin, errors);
                resolve_blocks(&mut c.blocks, labels, errors)
            }
        }
    }
}

/// `@tbl-x` in a caption (an attribute value) becomes its label, as in text.
fn resolve_caption(
    caption: &mut String,
    labels: &HashMap<String, (String, Origin)>,
    origin: &Origin,
    errors: &mut Collector,
) {
    *caption = refs::replace(caption, refs::Source::Caption, |id, out| {
        match labels.get(id) {
            Some((label, _)) => out.push_str(label),
            None => {
                errors.error(
                    origin.to_string(),
                    format!("reference `@{id}` in a caption points to no table, figure, case or section with that id"),
                );
                out.push('@');
                out.push_str(id);
            }
        }
    });
}

fn resolve_inlines(
    inlines: &mut [Inline],
    labels: &HashMap<String, (String, Origin)>,
    origin: &Origin,
    errors: &mut Collector,
) {
    for i in inlines {
        match i {
            Inline::Ref { target, label } => match labels.get(target.as_str()) {
                Some((l, _)) => *label = l.clone(),
                None => {
                    errors.error(
                        origin.to_string(),
                        format!("reference `@{target}` points to no table, figure, case or section with that id"),
                    );
                    *label = format!("@{target}");
                }
            },
            Inline::Strong(c) | Inline::Emph(c) => resolve_inlines(c, labels, origin, errors),
            _ => {}
        }
    }
}

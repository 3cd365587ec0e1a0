//! The layout layer: decisions both backends follow, made once on the
//! checked document. Today: every table's column widths, type size and
//! orientation ([`tables`]), from real font metrics ([`metrics`]) and the
//! places a cell's text may break ([`tokens`]).

pub mod metrics;
pub mod tables;
pub mod tokens;

use crate::error::Diagnostic;
use crate::i18n::msg;
use crate::model::{Block, Document, HouseSpec, Table};

/// Lays out every table of the document; returns a warning for each table
/// that does not fit even at the smallest size on a landscape page.
pub fn lay_out(doc: &mut Document) -> Vec<Diagnostic> {
    let house = doc.house.clone();
    // The chapters' tables on two threads; the warnings in the chapters' order.
    let mut warnings: Vec<Diagnostic> = crate::par::map_mut(&mut doc.chapters, |ch| {
        let mut found = Vec::new();
        blocks(&mut ch.blocks, &house, 0.0, &mut found);
        found
    })
    .into_iter()
    .flatten()
    .collect();
    blocks(&mut doc.preface, &house, 0.0, &mut warnings);
    for t in &mut doc.appendix {
        table(t, &house, 0.0, &mut warnings);
    }
    warnings
}

fn blocks(list: &mut [Block], house: &HouseSpec, narrower: f64, out: &mut Vec<Diagnostic>) {
    for b in list {
        match b {
            Block::Table(t) => table(t, house, narrower, out),
            // A case box is inset one character on each side.
            Block::Case(c) => blocks(
                &mut c.blocks,
                house,
                narrower + 2.0 * house.body.size_pt,
                out,
            ),
            Block::List(l) => {
                for item in &mut l.items {
                    blocks(item, house, narrower, out);
                }
            }
            _ => {}
        }
    }
}

fn table(t: &mut Table, house: &HouseSpec, narrower: f64, out: &mut Vec<Diagnostic>) {
    let outcome = tables::lay_out(t, house, narrower);
    if !outcome.overflow.is_empty() {
        let cols: Vec<String> = outcome.overflow.iter().map(|c| c.to_string()).collect();
        out.push(Diagnostic::warning(
            t.origin.to_string(),
            msg::validate::table_too_wide(
                if t.num.label.is_empty() {
                    msg::validate::unnumbered_table()
                } else {
                    t.num.label.clone()
                },
                outcome.layout.size_pt,
                cols.join(", "),
            ),
        ));
    }
    t.layout = outcome.layout;
}

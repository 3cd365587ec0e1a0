//! How many tables of a report the layout layer set in a smaller type or
//! turned to a landscape page to make them fit (the decisions are in each
//! table's `layout`, made once for both backends); `tools/bench.sh` prints
//! this for each sample.
//!
//! Usage: cargo run --example table_layout -- PROJECT...

use nianbao::model::{Block, Table};
use std::path::Path;

fn tables<'a>(blocks: &'a [Block], out: &mut Vec<&'a Table>) {
    for b in blocks {
        match b {
            Block::Table(t) => out.push(t),
            Block::Case(c) => tables(&c.blocks, out),
            Block::List(l) => l.items.iter().for_each(|i| tables(i, out)),
            _ => {}
        }
    }
}

fn main() -> std::process::ExitCode {
    println!(
        "{:<28} {:>6} {:>12} {:>12} {:>14}",
        "project", "tables", "smaller", "landscape", "still too wide"
    );
    for arg in std::env::args().skip(1) {
        let checked = match nianbao::check(Path::new(&arg)) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("{arg}: {e}");
                return std::process::ExitCode::FAILURE;
            }
        };
        let doc = &checked.document;
        let mut all = Vec::new();
        doc.chapters
            .iter()
            .for_each(|c| tables(&c.blocks, &mut all));
        tables(&doc.preface, &mut all);
        all.extend(doc.appendix.iter());
        let sizes = &doc.house.sizes;
        // Smaller than the author asked for (the normal size, or the small
        // one with `size=small`); landscape without `landscape=true`.
        let smaller = all
            .iter()
            .filter(|t| {
                let asked = if t.small {
                    sizes.table_small_pt
                } else {
                    sizes.table_pt
                };
                t.layout.size_pt < asked - 0.01
            })
            .count();
        let turned = all
            .iter()
            .filter(|t| t.layout.landscape && !t.landscape)
            .count();
        let too_wide = checked
            .warnings
            .iter()
            .filter(|d| d.message.contains("is too wide even at"))
            .count();
        let name = Path::new(&arg)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or(arg.clone());
        println!(
            "{name:<28} {:>6} {smaller:>12} {turned:>12} {too_wide:>14}",
            all.len()
        );
    }
    std::process::ExitCode::SUCCESS
}

//! The checks on page and line breaks: titles stranded at a page's foot,
//! pages left empty in mid-chapter, a paragraph's last line holding one
//! character.

use super::{Area, Findings, Line, PageData, Role, is_cjk_punct, is_han, quoted};
use crate::i18n::msg;
use std::collections::BTreeMap;

/// Whether a block goes on at the top of the next page.
fn continues(lines: &[Vec<Line>], page: usize, block: usize) -> bool {
    lines
        .get(page + 1)
        .and_then(|next| next.first())
        .is_some_and(|l| l.block == block)
}

/// A heading, caption or case title at a page's foot without two lines of
/// what follows it.
pub(super) fn stranded(lines: &[Vec<Line>], out: &mut Findings) {
    let more_after = |p: usize| lines[p + 1..].iter().any(|l| !l.is_empty());
    for (p, page) in lines.iter().enumerate() {
        let Some(i) = page.iter().rposition(|l| l.role.is_title()) else {
            continue;
        };
        let title = &page[i];
        let rest = &page[i + 1..];
        // The title's own further lines (a heading in two lines) are not what follows.
        let rest: Vec<&Line> = rest
            .iter()
            .filter(|l| l.block != title.block || !l.role.is_title())
            .collect();
        let fault = if rest.is_empty() {
            more_after(p)
        } else {
            rest.len() == 1 && rest[0].role == Role::Para && continues(lines, p, rest[0].block)
        };
        if fault {
            let mut whole: String = page
                .iter()
                .filter(|l| l.block == title.block && l.role == title.role)
                .map(|l| l.text.as_str())
                .collect();
            if matches!(title.role, Role::CaseTitle | Role::Caption) && !title.label.is_empty() {
                whole = format!("{}{}", title.label, whole);
            }
            out.at_block(
                title.block,
                p,
                msg::render::stranded(title.role.title_name(), quoted(&whole)),
            );
        }
    }
}

/// A body page more than a third empty in mid-chapter.
pub(super) fn gaps(pages: &[PageData], lines: &[Vec<Line>], area: &Area, out: &mut Findings) {
    let find = |label: &str| {
        pages
            .iter()
            .position(|p| p.labels.iter().any(|l| l == label))
    };
    let Some(start) = find("nb-body-start") else {
        return;
    };
    let end = find("nb-body-end").unwrap_or(pages.len() - 1);
    for p in start..end.min(pages.len() - 1) {
        let (page, next) = (&pages[p], &pages[p + 1]);
        if page.landscape() || next.landscape() || lines[p].is_empty() {
            continue;
        }
        let Some(first) = lines[p + 1].first() else {
            continue;
        };
        // A new chapter starts on a new page; and a gap is only a fault when
        // text that comes after the block that moved on could have filled it
        // (not at the end of a chapter, nor between appendix tables).
        let later_text = lines[p + 1]
            .iter()
            .any(|l| l.role == Role::Para && l.block > first.block);
        if matches!(first.role, Role::Heading(1)) || !(later_text || first.role == Role::Para) {
            continue;
        }
        let top = area.top;
        let bottom = page.height - area.bottom;
        let inside =
            |y0: f64, y1: f64| (y0 + y1) / 2.0 > top - 2.0 && (y0 + y1) / 2.0 < bottom + 2.0;
        let used = page
            .glyphs
            .iter()
            .filter(|g| inside(g.y0, g.y1))
            .map(|g| g.y1)
            .chain(page.images.iter().filter(|i| inside(i.1, i.3)).map(|i| i.3))
            .chain(
                page.hrules
                    .iter()
                    .filter(|r| inside(r.at, r.at))
                    .map(|r| r.at),
            )
            .chain(
                page.vrules
                    .iter()
                    .filter(|r| inside(r.from, r.to))
                    .map(|r| r.to),
            )
            .fold(top, f64::max);
        let empty = (bottom - used) / (bottom - top);
        if empty > 1.0 / 3.0 {
            out.at_block(
                first.block,
                p,
                msg::render::page_gap(format!("{:.0}", empty * 100.0), quoted(&first.text), p + 2),
            );
        }
    }
}

/// The last line of a paragraph or list entry holding one CJK character.
pub(super) fn lone_characters(lines: &[Vec<Line>], out: &mut Findings) {
    // block → (line count, page and text of the last line)
    let mut paras: BTreeMap<usize, (usize, usize, String)> = BTreeMap::new();
    for (p, page) in lines.iter().enumerate() {
        for l in page.iter().filter(|l| l.role == Role::Para) {
            let e = paras.entry(l.block).or_insert((0, p, String::new()));
            e.0 += 1;
            e.1 = p;
            e.2 = l.text.clone();
        }
    }
    for (block, (count, page, text)) in paras {
        let han = text.chars().filter(|&c| is_han(c)).count();
        let rest_is_punct = text
            .chars()
            .filter(|&c| !is_han(c) && !c.is_whitespace())
            .all(|c| is_cjk_punct(c.encode_utf8(&mut [0; 4])));
        if count >= 2 && han == 1 && rest_is_punct {
            out.at_block(block, page, msg::render::lone_character(quoted(&text)));
        }
    }
}

//! The layout check: the typeset pages inspected for faults a reader sees,
//! each reported as a warning at the user's `file:line`.
//!
//! The laid-out document is walked page by page (frames, groups with their
//! transforms, text runs glyph by glyph, the rules of tables, images). Every
//! glyph carries the span of the Typst code it came from; user text reaches
//! the generated `main.typ` only as string literals inside calls of the
//! layout library (`#nb-par(…)`, `#nb-table(… cells: ((row: 2, col: 1, …
//! body: …), …))`, `#nb-case(… title: …)`), so the syntax around a glyph's
//! literal tells what the glyph is (body text, a heading, a caption, a case
//! title, a table cell and its row) and the `// @src N` marker before the
//! call tells where the user wrote it (see [`super::locate`]).
//!
//! The faults:
//! - **overflow**: a line of a table cell reaching past the vertical rules
//!   on either side of it (or any glyph box straddling a vertical rule
//!   within the rule's height): text wider than its cell;
//! - **broken token**: a number, year, date or Latin word (a token the
//!   layout layer keeps whole, [`crate::layout::tokens`]) broken across
//!   lines in a cell (`2024`/`年`);
//! - **split**: a table that breaks across pages with fewer than three body
//!   rows on a side, or its head alone at the foot of a page, or its notes
//!   alone on the next;
//! - **stranded**: a heading, table caption, case title or case heading as the
//!   last thing on a page, or followed there by only one line of a paragraph
//!   that goes on overleaf;
//! - **gap**: a body page more than a third empty in mid-chapter (not the
//!   last page of a chapter, not a landscape page or before one);
//! - **lone character**: the last line of a paragraph or list entry holding a
//!   single CJK character (with its punctuation).

use super::locate::Locator;
use crate::error::Diagnostic;
use crate::layout::tables::MIN_ROWS_ON_PAGE;
use crate::model::HouseSpec;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;
use typst::introspection::{Location, Tag};
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::syntax::{LinkedNode, Span, SyntaxKind, ast};
use typst::visualize::Geometry;
use typst_layout::PagedDocument;

/// Millimetres to points.
const MM: f64 = 72.0 / 25.4;

/// What a piece of user text is in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A paragraph or a list entry's paragraph.
    Para,
    /// A numbered heading (level 1: a chapter or the appendix title).
    Heading(u8),
    /// A heading inside a case.
    CaseHeading,
    /// A case's title box (number, title, subtitle, unit).
    CaseTitle,
    /// A table's caption, name line or unit line (above the table).
    Caption,
    /// A figure's caption (below the figure, part of it).
    FigureCaption,
    /// A table cell.
    Cell {
        row: usize,
        col: usize,
        rowspan: usize,
    },
    /// A table's notes.
    Note,
    /// Anything else from the generated code.
    Other,
}

impl Role {
    /// A title that must keep with what follows it.
    fn is_title(self) -> bool {
        matches!(
            self,
            Role::Heading(_) | Role::CaseHeading | Role::CaseTitle | Role::Caption
        )
    }

    fn title_name(self) -> &'static str {
        match self {
            Role::Heading(_) => "heading",
            Role::CaseHeading => "case heading",
            Role::CaseTitle => "case title",
            Role::Caption => "table caption",
            _ => "text",
        }
    }
}

/// A table's rows as the generated code declares them.
#[derive(Debug)]
struct TableShape {
    header_rows: usize,
    rows: usize,
}

/// What a span of user text is and where it was written.
#[derive(Debug)]
struct Info {
    role: Role,
    /// The source marker of the block (an index into the origins).
    block: usize,
    /// The block's number as printed (`表 1-2`, `案例 3`), if any.
    label: String,
    table: Option<Rc<TableShape>>,
}

/// One glyph, in page coordinates (pt, y downwards).
struct Glyph {
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
    base: f64,
    text: String,
    span: Span,
    info: Option<Rc<Info>>,
    /// Part of a table of contents (the outline repeats headings' text).
    outline: bool,
}

/// A straight rule: at `at` (x for vertical, y for horizontal) from `from` to `to`.
#[derive(Debug, Clone, Copy)]
struct Rule {
    at: f64,
    from: f64,
    to: f64,
}

#[derive(Default)]
struct PageData {
    width: f64,
    height: f64,
    glyphs: Vec<Glyph>,
    vrules: Vec<Rule>,
    hrules: Vec<Rule>,
    /// Image boxes (x0, y0, x1, y1).
    images: Vec<(f64, f64, f64, f64)>,
    /// Labels of the metadata on the page (`nb-body-start`, …).
    labels: Vec<String>,
}

impl PageData {
    fn landscape(&self) -> bool {
        self.width > self.height
    }
}

/// A line of user text on a page: glyphs of one block on one baseline.
#[derive(Debug, Clone)]
struct Line {
    y0: f64,
    y1: f64,
    base: f64,
    block: usize,
    role: Role,
    text: String,
    /// The block's number as printed (`表 1-2`, `案例 3`), if any.
    label: String,
}

/// Runs the layout check on a typeset document.
pub(crate) fn check(
    document: &PagedDocument,
    locator: &Locator,
    house: &HouseSpec,
) -> Vec<Diagnostic> {
    let started = std::time::Instant::now();
    let mut walker = Walker {
        locator,
        cache: HashMap::new(),
        shapes: HashMap::new(),
        outlines: HashSet::new(),
    };
    let pages: Vec<PageData> = document
        .pages()
        .iter()
        .map(|p| walker.page(&p.frame))
        .collect();
    let area = Area {
        top: house.page.margin_mm.top * MM,
        bottom: house.page.margin_mm.bottom * MM,
    };
    let mut out = Findings::new(locator);
    overflow(&pages, &mut out);
    broken_tokens(&pages, &mut out);
    splits(&pages, &mut out);
    let lines: Vec<Vec<Line>> = pages.iter().map(page_lines).collect();
    stranded(&lines, &mut out);
    gaps(&pages, &lines, &area, &mut out);
    lone_characters(&lines, &mut out);
    if std::env::var_os("NIANBAO_DEBUG_LAYOUT").is_some() {
        dump(&pages, &lines);
    }
    if std::env::var_os("NIANBAO_TIMING").is_some() {
        eprintln!("layout check {:?}", started.elapsed());
    }
    out.finish()
}

/// The type area's margins, pt.
struct Area {
    top: f64,
    bottom: f64,
}

/// The findings, one warning per fault, in page order.
struct Findings<'a> {
    locator: &'a Locator<'a>,
    list: Vec<(usize, Diagnostic)>,
}

impl<'a> Findings<'a> {
    fn new(locator: &'a Locator<'a>) -> Self {
        Findings {
            locator,
            list: Vec::new(),
        }
    }

    fn at_block(&mut self, block: usize, page: usize, message: String) {
        let origin = self.locator.origin(block).unwrap_or_default();
        // Generated blocks (the appendix tables) have no line.
        let location = origin.strip_suffix(":0").unwrap_or(origin).to_string();
        self.push(location, page, message);
    }

    fn push(&mut self, location: String, page: usize, message: String) {
        self.list.push((
            page,
            Diagnostic::warning(location, format!("page {}: {message}", page + 1)),
        ));
    }

    fn finish(mut self) -> Vec<Diagnostic> {
        self.list.sort_by_key(|(p, _)| *p);
        let mut seen = HashSet::new();
        self.list
            .into_iter()
            .map(|(_, d)| d)
            .filter(|d| seen.insert((d.location.clone(), d.message.clone())))
            .collect()
    }
}

// ------------------------------------------------------------ the walk

struct Walker<'a> {
    locator: &'a Locator<'a>,
    cache: HashMap<Span, Option<Rc<Info>>>,
    /// Table shapes by the offset of their call in `main.typ`.
    shapes: HashMap<usize, Rc<TableShape>>,
    /// Outlines open at this point of the walk.
    outlines: HashSet<Location>,
}

impl Walker<'_> {
    fn page(&mut self, frame: &Frame) -> PageData {
        let mut page = PageData {
            width: frame.width().to_pt(),
            height: frame.height().to_pt(),
            ..Default::default()
        };
        self.walk(frame, Transform::identity(), &mut page);
        page
    }

    fn walk(&mut self, frame: &Frame, ts: Transform, page: &mut PageData) {
        for (pos, item) in frame.items() {
            match item {
                FrameItem::Group(g) => {
                    let ts = ts
                        .pre_concat(Transform::translate(pos.x, pos.y))
                        .pre_concat(g.transform);
                    self.walk(&g.frame, ts, page);
                }
                FrameItem::Text(t) => self.text(t, *pos, ts, page),
                FrameItem::Shape(shape, _) => {
                    let at = |p: Point| p.transform(ts);
                    match &shape.geometry {
                        Geometry::Line(d) if shape.stroke.is_some() => {
                            let (a, b) = (at(*pos), at(*pos + *d));
                            rule(page, a, b);
                        }
                        Geometry::Rect(size) if shape.fill.is_some() => {
                            let (a, b) = (at(*pos), at(*pos + size.to_point()));
                            let (w, h) = ((a.x - b.x).to_pt().abs(), (a.y - b.y).to_pt().abs());
                            if w < 1.2 && h > 4.0 {
                                let x = (a.x + b.x) / 2.0;
                                rule(page, Point::new(x, a.y), Point::new(x, b.y));
                            } else if h < 1.2 && w > 4.0 {
                                let y = (a.y + b.y) / 2.0;
                                rule(page, Point::new(a.x, y), Point::new(b.x, y));
                            }
                        }
                        _ => {}
                    }
                }
                FrameItem::Image(_, size, _) => {
                    let a = pos.transform(ts);
                    let b = (*pos + size.to_point()).transform(ts);
                    page.images.push((
                        a.x.to_pt().min(b.x.to_pt()),
                        a.y.to_pt().min(b.y.to_pt()),
                        a.x.to_pt().max(b.x.to_pt()),
                        a.y.to_pt().max(b.y.to_pt()),
                    ));
                }
                FrameItem::Tag(Tag::Start(content, _)) => {
                    let name = content.elem().name();
                    if name == "outline"
                        && let Some(loc) = content.location()
                    {
                        self.outlines.insert(loc);
                    }
                    if let Some(label) = content.label() {
                        page.labels.push(label.resolve().as_str().to_string());
                    }
                }
                FrameItem::Tag(Tag::End(loc, ..)) => {
                    self.outlines.remove(loc);
                }
                FrameItem::Link(..) => {}
            }
        }
    }

    fn text(&mut self, t: &typst::text::TextItem, pos: Point, ts: Transform, page: &mut PageData) {
        let size = t.size;
        let metrics = t.font.metrics();
        let (asc, desc) = (metrics.ascender.at(size), metrics.descender.at(size));
        let outline = !self.outlines.is_empty();
        let mut x = Abs::zero();
        for g in &t.glyphs {
            let gx = pos.x + x + g.x_offset.at(size);
            let advance = g.x_advance.at(size);
            x += advance;
            let text = t.text.get(g.range()).unwrap_or_default();
            if text.trim().is_empty() {
                continue;
            }
            let a = Point::new(gx, pos.y - asc).transform(ts);
            let b = Point::new(gx + advance, pos.y - desc).transform(ts);
            let base = Point::new(gx, pos.y).transform(ts).y.to_pt();
            let info = self.info(g.span.0);
            page.glyphs.push(Glyph {
                x0: a.x.to_pt().min(b.x.to_pt()),
                x1: a.x.to_pt().max(b.x.to_pt()),
                y0: a.y.to_pt().min(b.y.to_pt()),
                y1: a.y.to_pt().max(b.y.to_pt()),
                base,
                text: text.to_string(),
                span: g.span.0,
                info,
                outline,
            });
        }
    }

    fn info(&mut self, span: Span) -> Option<Rc<Info>> {
        if let Some(v) = self.cache.get(&span) {
            return v.clone();
        }
        let v = self.resolve(span).map(Rc::new);
        self.cache.insert(span, v.clone());
        v
    }

    /// What the literal behind a span is: the layout-library call it is an
    /// argument of, which argument, and for a table cell its row and column.
    fn resolve(&mut self, span: Span) -> Option<Info> {
        let id = span.id()?;
        if !self.locator.is_main(id) {
            return None;
        }
        let world = self.locator.world();
        let source = world.source_text(id)?;
        let node = source.find(span)?;
        let mut key: Option<String> = None;
        let mut cell: Option<(usize, usize, usize)> = None;
        let mut cur = node;
        let (callee, call) = loop {
            let parent = cur.parent()?.clone();
            match parent.kind() {
                SyntaxKind::Named => match parent.parent_kind() {
                    Some(SyntaxKind::Dict) if cell.is_none() => {
                        cell = parent
                            .parent()
                            .and_then(|d| d.cast::<ast::Dict>())
                            .and_then(cell_position);
                    }
                    Some(SyntaxKind::Args) if key.is_none() => {
                        key = parent
                            .cast::<ast::Named>()
                            .map(|n| n.name().get().to_string());
                    }
                    _ => {}
                },
                SyntaxKind::FuncCall => {
                    if let Some(name) = callee_name(&parent)
                        && name.starts_with("nb-")
                        && name != "nb-ref"
                    {
                        break (name, parent);
                    }
                }
                _ => {}
            }
            cur = parent;
        };
        let block = self.locator.site_at(id, call.offset())?.marker?;
        let args = call.cast::<ast::FuncCall>()?.args();
        let key = key.as_deref().unwrap_or("");
        let is_table = matches!(callee.as_str(), "nb-table" | "nb-appendix-table");
        let role = match (callee.as_str(), key) {
            ("nb-par", _) => Role::Para,
            ("nb-heading", _) => Role::Heading(
                args.items()
                    .find_map(|a| match a {
                        ast::Arg::Pos(ast::Expr::Int(i)) => u8::try_from(i.get()).ok(),
                        _ => None,
                    })
                    .unwrap_or(2),
            ),
            ("nb-appendix-title", _) => Role::Heading(1),
            ("nb-appendix-table", "number" | "caption") => Role::Heading(2),
            ("nb-case-heading", _) => Role::CaseHeading,
            ("nb-case", "number" | "title" | "subtitle" | "unit") => Role::CaseTitle,
            ("nb-table", "number" | "caption" | "unit" | "name-line") => Role::Caption,
            ("nb-appendix-table", "unit" | "name-line") => Role::Caption,
            (_, "cells") if is_table => match cell {
                Some((row, col, rowspan)) => Role::Cell { row, col, rowspan },
                None => Role::Other,
            },
            (_, "notes") if is_table => Role::Note,
            ("nb-figure" | "nb-chart", "number" | "caption") => Role::FigureCaption,
            _ => Role::Other,
        };
        let label = named_str(args, "number").unwrap_or_default();
        let table = if is_table {
            let offset = call.offset();
            Some(
                self.shapes
                    .entry(offset)
                    .or_insert_with(|| Rc::new(table_shape(args)))
                    .clone(),
            )
        } else {
            None
        };
        Some(Info {
            role,
            block,
            label,
            table,
        })
    }
}

fn rule(page: &mut PageData, a: Point, b: Point) {
    let (ax, ay, bx, by) = (a.x.to_pt(), a.y.to_pt(), b.x.to_pt(), b.y.to_pt());
    if (ax - bx).abs() < 0.6 && (ay - by).abs() > 4.0 {
        page.vrules.push(Rule {
            at: (ax + bx) / 2.0,
            from: ay.min(by),
            to: ay.max(by),
        });
    } else if (ay - by).abs() < 0.6 && (ax - bx).abs() > 4.0 {
        page.hrules.push(Rule {
            at: (ay + by) / 2.0,
            from: ax.min(bx),
            to: ax.max(bx),
        });
    }
}

fn callee_name(node: &LinkedNode) -> Option<String> {
    match node.cast::<ast::FuncCall>()?.callee() {
        ast::Expr::Ident(id) => Some(id.get().to_string()),
        _ => None,
    }
}

fn int(e: ast::Expr) -> Option<usize> {
    match e {
        ast::Expr::Int(i) => usize::try_from(i.get()).ok(),
        _ => None,
    }
}

/// `(row: 2, col: 1, rowspan: 1, …)` → (row, col, rowspan).
fn cell_position(d: ast::Dict) -> Option<(usize, usize, usize)> {
    let mut row = None;
    let mut col = None;
    let mut rowspan = 1;
    for item in d.items() {
        if let ast::DictItem::Named(n) = item {
            match n.name().get().as_str() {
                "row" => row = int(n.expr()),
                "col" => col = int(n.expr()),
                "rowspan" => rowspan = int(n.expr()).unwrap_or(1).max(1),
                _ => {}
            }
        }
    }
    Some((row?, col?, rowspan))
}

fn named<'a>(args: ast::Args<'a>, name: &str) -> Option<ast::Expr<'a>> {
    args.items().find_map(|a| match a {
        ast::Arg::Named(n) if n.name().get().as_str() == name => Some(n.expr()),
        _ => None,
    })
}

fn named_str(args: ast::Args, name: &str) -> Option<String> {
    match named(args, name)? {
        ast::Expr::Str(s) => Some(s.get().to_string()),
        _ => None,
    }
}

fn table_shape(args: ast::Args) -> TableShape {
    let header_rows = named(args, "header-rows").and_then(int).unwrap_or(1);
    let mut rows = header_rows;
    if let Some(ast::Expr::Array(cells)) = named(args, "cells") {
        for item in cells.items() {
            if let ast::ArrayItem::Pos(ast::Expr::Dict(d)) = item
                && let Some((row, _, span)) = cell_position(d)
            {
                rows = rows.max(row + span);
            }
        }
    }
    TableShape { header_rows, rows }
}

// ------------------------------------------------------------ lines

/// The page's user text as lines, top to bottom (tables of contents left out).
fn page_lines(page: &PageData) -> Vec<Line> {
    let mut glyphs: Vec<(&Glyph, &Rc<Info>)> = page
        .glyphs
        .iter()
        .filter(|g| !g.outline)
        .filter_map(|g| g.info.as_ref().map(|i| (g, i)))
        .collect();
    glyphs.sort_by(|(a, ai), (b, bi)| {
        (ai.block, a.base, a.x0)
            .partial_cmp(&(bi.block, b.base, b.x0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut lines: Vec<Line> = Vec::new();
    for (g, info) in glyphs {
        if let Some(l) = lines.last_mut()
            && l.block == info.block
            && (l.base - g.base).abs() < 1.0
        {
            l.y0 = l.y0.min(g.y0);
            l.y1 = l.y1.max(g.y1);
            l.text.push_str(&g.text);
            continue;
        }
        lines.push(Line {
            y0: g.y0,
            y1: g.y1,
            base: g.base,
            block: info.block,
            role: info.role,
            text: g.text.clone(),
            label: info.label.clone(),
        });
    }
    lines.sort_by(|a, b| {
        a.base
            .partial_cmp(&b.base)
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    lines
}

// ------------------------------------------------------------ the checks

/// CJK punctuation: half its em box is blank and may be trimmed at a line's end.
fn is_cjk_punct(s: &str) -> bool {
    s.chars()
        .all(|c| "（）()“”‘’《》〈〉「」『』【】、，。：；！？—…·".contains(c))
}

fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

fn quoted(s: &str) -> String {
    let s: String = s.chars().take(24).collect();
    format!("“{s}”")
}

fn name_of(info: &Info) -> String {
    if info.label.is_empty() {
        "the table".into()
    } else {
        info.label.clone()
    }
}

/// Text wider than its cell. A line of a table cell runs over a cell rule
/// when its glyphs reach past the nearest vertical rules on either side of
/// the line's middle (rules that span the line's height), by more than
/// 0.8 pt of side bearing; any other glyph whose box straddles a vertical
/// rule within the rule's height is reported too.
fn overflow(pages: &[PageData], out: &mut Findings) {
    const SLACK: f64 = 0.8;
    for (p, page) in pages.iter().enumerate() {
        if page.vrules.is_empty() {
            continue;
        }
        let mut rules = page.vrules.clone();
        rules.sort_by(|a, b| a.at.partial_cmp(&b.at).unwrap_or(std::cmp::Ordering::Equal));
        let spanning = |y: f64| {
            rules
                .iter()
                .filter(move |r| r.from + 1.0 < y && y < r.to - 1.0)
        };
        // The lines of each table cell: (block, row, col, baseline) → glyphs.
        let mut lines: BTreeMap<(usize, usize, usize, i64), Vec<&Glyph>> = BTreeMap::new();
        let mut reported: HashSet<(usize, usize, usize)> = HashSet::new();
        for g in page
            .glyphs
            .iter()
            .filter(|g| !g.outline && !is_cjk_punct(&g.text))
        {
            if let Some(info) = &g.info
                && let Role::Cell { row, col, .. } = info.role
            {
                let key = (info.block, row, col, (g.base * 2.0).round() as i64);
                lines.entry(key).or_default().push(g);
                continue;
            }
            // Not in a known cell: a glyph straddling a rule.
            let (lo, hi) = (g.x0 + SLACK, g.x1 - SLACK);
            let cy = (g.y0 + g.y1) / 2.0;
            if hi <= lo || !spanning(cy).any(|r| lo < r.at && r.at < hi) {
                continue;
            }
            let (block, location) = match &g.info {
                Some(info) => (
                    info.block,
                    out.locator
                        .origin(info.block)
                        .unwrap_or_default()
                        .to_string(),
                ),
                None => (
                    usize::MAX,
                    out.locator
                        .site(g.span)
                        .map(|s| out.locator.location(&s))
                        .unwrap_or_default(),
                ),
            };
            if reported.insert((block, usize::MAX, location.len())) {
                out.push(
                    location,
                    p,
                    format!("{} runs over a table rule", quoted(&g.text)),
                );
            }
        }
        for ((block, row, col, _), glyphs) in lines {
            if reported.contains(&(block, row, col)) {
                continue;
            }
            let x0 = glyphs.iter().map(|g| g.x0).fold(f64::MAX, f64::min);
            let x1 = glyphs.iter().map(|g| g.x1).fold(f64::MIN, f64::max);
            let cy = glyphs.iter().map(|g| (g.y0 + g.y1) / 2.0).sum::<f64>() / glyphs.len() as f64;
            let mid = (x0 + x1) / 2.0;
            let left = spanning(cy)
                .map(|r| r.at)
                .filter(|&x| x <= mid)
                .fold(f64::MIN, f64::max);
            let right = spanning(cy)
                .map(|r| r.at)
                .filter(|&x| x >= mid)
                .fold(f64::MAX, f64::min);
            let over =
                (left > f64::MIN && x0 < left - SLACK) || (right < f64::MAX && x1 > right + SLACK);
            if !over {
                continue;
            }
            reported.insert((block, row, col));
            let info = glyphs[0].info.as_ref().expect("cells have an info");
            let text = cell_text(page, block, info.role, glyphs[0]);
            out.at_block(
                block,
                p,
                format!(
                    "{}: {} runs over a cell rule (row {}, column {}): the text is wider than its cell",
                    name_of(info),
                    quoted(&text),
                    row + 1,
                    col + 1
                ),
            );
        }
    }
}

/// A number, year, date or Latin word broken across lines inside a cell
/// (the tokens the layout layer keeps whole: [`crate::layout::tokens`]).
fn broken_tokens(pages: &[PageData], out: &mut Findings) {
    for (p, page) in pages.iter().enumerate() {
        // (block, row, col) → the cell's glyphs
        let mut cells: BTreeMap<(usize, usize, usize), Vec<&Glyph>> = BTreeMap::new();
        for g in page.glyphs.iter().filter(|g| !g.outline) {
            if let Some(info) = &g.info
                && let Role::Cell { row, col, .. } = info.role
            {
                cells.entry((info.block, row, col)).or_default().push(g);
            }
        }
        for ((block, row, col), mut glyphs) in cells {
            glyphs.sort_by(|a, b| {
                (a.base, a.x0)
                    .partial_cmp(&(b.base, b.x0))
                    .unwrap_or(std::cmp::Ordering::Equal)
            });
            // The cell's text and the character offsets where its lines break.
            let mut text = String::new();
            let mut breaks = Vec::new();
            let mut base = None;
            for g in &glyphs {
                if base.is_some_and(|b: f64| (g.base - b).abs() > 1.0) {
                    breaks.push(text.chars().count());
                }
                base = Some(g.base);
                text.push_str(&g.text);
            }
            if breaks.is_empty() {
                continue;
            }
            let chars: Vec<char> = text.chars().collect();
            let mut at = 0;
            for token in crate::layout::tokens::tokens(&text).hard {
                let n = token.chars().count();
                let Some(start) = (at..=chars.len().saturating_sub(n))
                    .find(|&i| chars[i..i + n].iter().copied().eq(token.chars()))
                else {
                    continue;
                };
                at = start + n;
                let inside = breaks.iter().find(|&&b| start < b && b < start + n);
                if let Some(&b) = inside
                    && token.chars().any(|c| c.is_ascii_alphanumeric())
                {
                    let shown: String = chars[start..b]
                        .iter()
                        .chain(['/'].iter())
                        .chain(chars[b..start + n].iter())
                        .collect();
                    let info = glyphs[0].info.as_ref().expect("cells have an info");
                    out.at_block(
                        block,
                        p,
                        format!(
                            "{}: “{shown}” is broken across lines in its cell (row {}, column {}): the column is too narrow for it",
                            name_of(info),
                            row + 1,
                            col + 1
                        ),
                    );
                }
            }
        }
    }
}

/// The text of the cell (or line) a glyph belongs to.
fn cell_text(page: &PageData, block: usize, role: Role, near: &Glyph) -> String {
    let mut glyphs: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| {
            g.info
                .as_ref()
                .is_some_and(|i| i.block == block && i.role == role)
                && (matches!(role, Role::Cell { .. }) || (g.base - near.base).abs() < 1.0)
        })
        .collect();
    glyphs.sort_by(|a, b| {
        (a.base, a.x0)
            .partial_cmp(&(b.base, b.x0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    glyphs.iter().map(|g| g.text.as_str()).collect()
}

/// Tables split with fewer than three body rows on a side, or with the head
/// alone at a page's foot.
fn splits(pages: &[PageData], out: &mut Findings) {
    struct Part {
        page: usize,
        min: usize,
        max: usize,
        body: bool,
        notes: bool,
    }
    // block → (its info, parts in page order)
    let mut tables: BTreeMap<usize, (Rc<Info>, Vec<Part>)> = BTreeMap::new();
    for (p, page) in pages.iter().enumerate() {
        for g in page.glyphs.iter().filter(|g| !g.outline) {
            let Some(info) = &g.info else { continue };
            let Some(shape) = &info.table else { continue };
            let (row, rowspan) = match info.role {
                Role::Cell { row, rowspan, .. } => (row, rowspan),
                Role::Note => (usize::MAX, 0),
                _ => continue,
            };
            let entry = tables
                .entry(info.block)
                .or_insert_with(|| (info.clone(), Vec::new()));
            if entry.1.last().is_none_or(|part| part.page != p) {
                entry.1.push(Part {
                    page: p,
                    min: usize::MAX,
                    max: 0,
                    body: false,
                    notes: false,
                });
            }
            let part = entry.1.last_mut().expect("just pushed");
            if info.role == Role::Note {
                part.notes = true;
                continue;
            }
            // Rows of a spanning label may be repeated on a continuation page:
            // count rows by the cells that span one row.
            if row >= shape.header_rows && rowspan == 1 {
                part.min = part.min.min(row);
                part.max = part.max.max(row);
                part.body = true;
            }
        }
    }
    for (block, (info, parts)) in tables {
        let shape = info.table.as_ref().expect("tables have a shape");
        let body: Vec<&Part> = parts.iter().filter(|p| p.body).collect();
        if let Some(first_body) = body.first() {
            for head in parts
                .iter()
                .filter(|p| !p.body && !p.notes && p.page < first_body.page)
            {
                out.at_block(
                    block,
                    head.page,
                    format!(
                        "{}: the table's head stands alone at the foot of the page, its rows start on page {}",
                        name_of(&info),
                        first_body.page + 1
                    ),
                );
            }
        }
        if let Some(last_body) = body.last() {
            for notes in parts
                .iter()
                .filter(|p| p.notes && !p.body && p.page > last_body.page)
            {
                out.at_block(
                    block,
                    notes.page,
                    format!(
                        "{}: the table's notes stand on a page of their own, away from the table (page {})",
                        name_of(&info),
                        last_body.page + 1
                    ),
                );
            }
        }
        if body.len() < 2 {
            continue;
        }
        let first = body[0];
        let last = body[body.len() - 1];
        let before = first.max + 1 - shape.header_rows;
        let after = shape.rows.saturating_sub(last.min);
        for (part, n, side) in [(first, before, "before"), (last, after, "after")] {
            if n < MIN_ROWS_ON_PAGE {
                out.at_block(
                    block,
                    part.page,
                    format!(
                        "{}: the table splits {side} a page break with only {n} body row{} on this page (at least {MIN_ROWS_ON_PAGE} on each side)",
                        name_of(&info),
                        if n == 1 { "" } else { "s" }
                    ),
                );
            }
        }
    }
}

/// Whether a block goes on at the top of the next page.
fn continues(lines: &[Vec<Line>], page: usize, block: usize) -> bool {
    lines
        .get(page + 1)
        .and_then(|next| next.first())
        .is_some_and(|l| l.block == block)
}

/// A heading, caption or case title at a page's foot without two lines of
/// what follows it.
fn stranded(lines: &[Vec<Line>], out: &mut Findings) {
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
                format!(
                    "the {} {} stands at the foot of the page without two lines of what follows it",
                    title.role.title_name(),
                    quoted(&whole)
                ),
            );
        }
    }
}

/// A body page more than a third empty in mid-chapter.
fn gaps(pages: &[PageData], lines: &[Vec<Line>], area: &Area, out: &mut Findings) {
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
                format!(
                    "the page is {:.0}% empty in mid-chapter: what comes next ({} on page {}) did not fit below the text",
                    empty * 100.0,
                    quoted(&first.text),
                    p + 2
                ),
            );
        }
    }
}

/// The last line of a paragraph or list entry holding one CJK character.
fn lone_characters(lines: &[Vec<Line>], out: &mut Findings) {
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
            out.at_block(
                block,
                page,
                format!(
                    "the last line of the paragraph holds a single character, {}",
                    quoted(&text)
                ),
            );
        }
    }
}

/// `NIANBAO_DEBUG_LAYOUT=1`: the lines of every page with what they are.
fn dump(pages: &[PageData], lines: &[Vec<Line>]) {
    for (p, (page, lines)) in pages.iter().zip(lines).enumerate() {
        eprintln!(
            "== page {} ({:.0}×{:.0}) glyphs {} vrules {} hrules {} images {} labels {:?}",
            p + 1,
            page.width,
            page.height,
            page.glyphs.len(),
            page.vrules.len(),
            page.hrules.len(),
            page.images.len(),
            page.labels
        );
        for l in lines {
            eprintln!(
                "  {:6.1}-{:6.1} @{} {:?} {}",
                l.y0,
                l.y1,
                l.block,
                l.role,
                l.text.chars().take(30).collect::<String>()
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::HouseStyle;
    use crate::render::typst::emit::SRC_MARKER;
    use crate::render::typst::fonts::{FontOptions, FontSet};
    use crate::render::typst::world::ReportWorld;

    /// A stand-in layout library: the same calls as the real one, drawn plainly.
    const LIB: &str = r#"
#let nb-par(body) = par(body)
#let nb-heading(level, number, body, label: none) = heading(level: level, body)
#let nb-table(number: "", caption: [], header-rows: 1, columns: 1, widths: (), cells: ()) = figure(
  kind: table, supplement: none, numbering: _ => number, caption: figure.caption(position: top, caption),
  table(columns: widths.map(w => w * 1fr), ..cells.map(c => table.cell(x: c.col, y: c.row, c.body))))
"#;

    fn check_source(body: &str, origins: &[&str]) -> (Vec<Vec<Line>>, Vec<Diagnostic>) {
        let fonts = FontSet::new(&FontOptions {
            font_paths: vec![],
            system_fonts: false,
        });
        let mut world = ReportWorld::new(fonts, (2026, 1, 1), &[]);
        world.add_source("/nianbao.typ", LIB.into()).unwrap();
        world
            .add_source(
                "/main.typ",
                format!("#import \"nianbao.typ\": *\n#set page(margin: 20mm)\n{body}"),
            )
            .unwrap();
        let document = typst::compile::<PagedDocument>(&world)
            .output
            .unwrap_or_else(|e| panic!("{e:?}"));
        let origins: Vec<String> = origins.iter().map(|s| s.to_string()).collect();
        let locator = Locator::new(&world, &origins);
        let mut walker = Walker {
            locator: &locator,
            cache: HashMap::new(),
            shapes: HashMap::new(),
            outlines: HashSet::new(),
        };
        let pages: Vec<PageData> = document
            .pages()
            .iter()
            .map(|p| walker.page(&p.frame))
            .collect();
        let lines = pages.iter().map(page_lines).collect();
        let house = crate::model::house::built_in(HouseStyle::Gongwen);
        let warnings = check(&document, &locator, &house);
        (lines, warnings)
    }

    #[test]
    fn every_line_knows_its_block_and_what_it_is() {
        let body = format!(
            "{SRC_MARKER}0\n#nb-heading(1, none, [#\"人才培养\"])\n\
             {SRC_MARKER}1\n#nb-par([#\"全市在校生\"#strong([#\"两千\"])#\"人。\"])\n\
             {SRC_MARKER}2\n#nb-table(number: \"表 1\", caption: [#\"在校生\"], columns: 2, widths: (0.5, 0.5), cells: (\n\
             (row: 0, col: 0, body: [#\"学校\"]), (row: 0, col: 1, body: [#\"人数\"]),\n\
             (row: 1, col: 0, body: [#\"甲校\"]), (row: 1, col: 1, body: [#\"1200\"]),\n))\n"
        );
        let (lines, warnings) = check_source(&body, &["a.md:1", "a.md:3", "a.md:5"]);
        assert!(warnings.is_empty(), "{warnings:?}");
        let seen: Vec<(usize, Role, String)> = lines[0]
            .iter()
            .map(|l| (l.block, l.role, l.text.clone()))
            .collect();
        assert_eq!(
            seen,
            vec![
                (0, Role::Heading(1), "人才培养".into()),
                (1, Role::Para, "全市在校生两千人。".into()),
                (2, Role::Caption, "在校生".into()),
                (
                    2,
                    Role::Cell {
                        row: 0,
                        col: 0,
                        rowspan: 1
                    },
                    "学校人数".into()
                ),
                (
                    2,
                    Role::Cell {
                        row: 1,
                        col: 0,
                        rowspan: 1
                    },
                    "甲校1200".into()
                ),
            ]
        );
        assert_eq!(lines[0][3].label, "表 1");
    }

    #[test]
    fn a_number_wider_than_its_column_is_reported_at_the_tables_line() {
        let body = format!(
            "{SRC_MARKER}0\n#nb-table(number: \"表 1\", caption: [#\"设备值\"], columns: 2, widths: (0.95, 0.05), cells: (\n\
             (row: 0, col: 0, body: [#\"学校\"]), (row: 0, col: 1, body: [#\"万元\"]),\n\
             (row: 1, col: 0, body: [#\"甲校\"]), (row: 1, col: 1, body: [#\"12,486.35\"]),\n))\n"
        );
        let (_, warnings) = check_source(&body, &["chapters/01.md:7"]);
        assert!(
            warnings.iter().any(|d| d.location == "chapters/01.md:7"
                && d.message.contains("表 1")
                && d.message.contains("12,486.35")
                && d.message.contains("row 2, column 2")),
            "{warnings:#?}"
        );
    }

    #[test]
    fn a_year_broken_across_lines_in_its_cell_is_reported() {
        let body = format!(
            "{SRC_MARKER}0\n#nb-table(number: \"表 2\", caption: [#\"升学\"], columns: 2, widths: (0.93, 0.07), cells: (\n\
             (row: 0, col: 0, body: [#\"学校\"]), (row: 0, col: 1, body: [#\"年\"]),\n\
             (row: 1, col: 0, body: [#\"甲校\"]), (row: 1, col: 1, body: [#\"2024年\"]),\n))\n"
        );
        let (_, warnings) = check_source(&body, &["chapters/02.md:3"]);
        assert!(
            warnings.iter().any(|d| d.location == "chapters/02.md:3"
                && d.message.contains("“2024/年” is broken across lines")),
            "{warnings:#?}"
        );
    }

    #[test]
    fn only_one_character_on_a_paragraphs_last_line_is_a_lone_character() {
        let is_lone = |text: &str| {
            let lines = vec![vec![
                Line {
                    y0: 0.0,
                    y1: 10.0,
                    base: 8.0,
                    block: 0,
                    role: Role::Para,
                    text: "学校坚持产教融合".into(),
                    label: String::new(),
                },
                Line {
                    y0: 20.0,
                    y1: 30.0,
                    base: 28.0,
                    block: 0,
                    role: Role::Para,
                    text: text.into(),
                    label: String::new(),
                },
            ]];
            let world = ReportWorld::new(
                FontSet::new(&FontOptions {
                    font_paths: vec![],
                    system_fonts: false,
                }),
                (2026, 1, 1),
                &[],
            );
            let origins = vec!["a.md:1".to_string()];
            let locator = Locator::new(&world, &origins);
            let mut out = Findings::new(&locator);
            lone_characters(&lines, &mut out);
            !out.finish().is_empty()
        };
        assert!(is_lone("化。"));
        assert!(is_lone("题”。"));
        assert!(!is_lone("化工。"));
        assert!(!is_lone("3年。"));
        assert!(!is_lone("。"));
    }
}

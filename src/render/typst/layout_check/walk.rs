//! The walk: the laid-out pages as glyphs, rules and images, each glyph
//! with what it is (from the Typst syntax around its literal), and the
//! page's user text as lines.

use super::{Glyph, Info, Line, PageData, Role, Rule, TableShape};
use crate::render::typst::frames;
use crate::render::typst::locate::Locator;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use typst::introspection::{Location, Tag};
use typst::layout::{Abs, Frame, FrameItem, Point, Transform};
use typst::syntax::{FileId, LinkedNode, Span, SyntaxKind, ast};
use typst::visualize::Geometry;
use typst_layout::PagedDocument;

/// The glyphs, rules, images and labels of every page.
pub(super) fn pages(document: &PagedDocument, locator: &Locator) -> Vec<PageData> {
    let mut walker = Walker {
        locator,
        cache: HashMap::new(),
        shapes: HashMap::new(),
        outlines: HashSet::new(),
    };
    document
        .pages()
        .iter()
        .map(|p| walker.page(&p.frame))
        .collect()
}

struct Walker<'a> {
    locator: &'a Locator<'a>,
    cache: HashMap<Span, Option<Rc<Info>>>,
    /// Table shapes by the file and offset of their call.
    shapes: HashMap<(FileId, usize), Rc<TableShape>>,
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
        frames::leaves(frame, ts, &mut |pos, item, ts| match item {
            FrameItem::Text(t) => self.text(t, pos, ts, page),
            FrameItem::Shape(shape, _) => {
                let at = |p: Point| p.transform(ts);
                match &shape.geometry {
                    Geometry::Line(d) if shape.stroke.is_some() => {
                        let (a, b) = (at(pos), at(pos + *d));
                        rule(page, a, b);
                    }
                    Geometry::Rect(size) if shape.fill.is_some() => {
                        let (a, b) = (at(pos), at(pos + size.to_point()));
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
                let b = (pos + size.to_point()).transform(ts);
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
            FrameItem::Link(..) | FrameItem::Group(_) => {}
        });
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
        if !self.locator.is_emitted(id) {
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
                    .entry((id, offset))
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
pub(super) fn page_lines(page: &PageData) -> Vec<Line> {
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

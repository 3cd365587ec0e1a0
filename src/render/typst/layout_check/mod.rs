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

//!
//! The work is split by job: [`walk`] turns Typst's frames into glyphs,
//! rules and images per page and tells what each glyph is (from the span of
//! its literal) and gathers them into lines; [`tables`] holds the checks on
//! tables (overflow, broken tokens, splits); [`breaks`] the checks on page
//! and line breaks (stranded titles, gaps, lone characters).

mod breaks;
mod tables;
mod walk;

use super::locate::Locator;
use crate::error::Diagnostic;
use crate::i18n::msg;
use crate::model::HouseSpec;
use breaks::{gaps, lone_characters, stranded};
use std::collections::HashSet;
use std::rc::Rc;
use tables::{broken_tokens, overflow, splits};
use typst::syntax::Span;
use typst_layout::PagedDocument;
use walk::{page_lines, pages};

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

    fn title_name(self) -> String {
        match self {
            Role::Heading(_) => msg::render::title_heading(),
            Role::CaseHeading => msg::render::title_case_heading(),
            Role::CaseTitle => msg::render::title_case_title(),
            Role::Caption => msg::render::title_table_caption(),
            _ => msg::render::title_text(),
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
    let pages = pages(document, locator);
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
    if crate::progress::timing() {
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
            Diagnostic::warning(location, msg::render::on_page(page + 1, message)),
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

// ------------------------------------------------------------ shared by the checks

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
        msg::render::the_table()
    } else {
        info.label.clone()
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
        let lines = pages(&document, &locator).iter().map(page_lines).collect();
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

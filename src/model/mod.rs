//! The backend-neutral document model.
//!
//! Loaders (`crate::load`) produce a [`Document`], validators (`crate::validate`)
//! check it and assign the final numbers, and the backends (`crate::render`)
//! turn it into Typst source or a DOCX package. Nothing in here knows about
//! either output format.

pub mod house;
pub mod indicators;
pub mod limits;
pub mod markup;
mod meta;
pub mod numbers;
pub mod numerals;
pub mod numfmt;
pub mod page_refs;
pub mod refs;
pub mod validation;

pub use house::HouseSpec;
pub use meta::*;
pub use numbers::{Number, NumberKind};
use serde::Serialize;

/// Where a piece of the document came from: a file (relative to the project)
/// and a 1-based line in that file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Origin {
    pub file: String,
    pub line: usize,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub meta: Meta,
    pub style: Style,
    /// 前言 paragraphs; empty when the report has none.
    pub preface: Vec<Block>,
    /// The preface's title (`前　言` from the house style unless the project
    /// names its own); none for a preface of untitled paragraphs.
    pub preface_title: Option<String>,
    /// The body: one entry per chapter file.
    pub chapters: Vec<Chapter>,
    /// The six standard indicator tables (附表), already laid out as tables.
    pub appendix: Vec<Table>,
    /// The appendix title (`附表`).
    pub appendix_title: String,
    /// The raw data the document was built from, for the validators.
    #[serde(skip)]
    pub data: DataSources,
    /// The house style's layout values (`templates/house/<name>.toml`,
    /// or the project's own copy).
    pub house: HouseSpec,
    /// The project's own layout templates (`templates/typst/`), by file
    /// name; they replace the built-in files of the same name.
    #[serde(skip)]
    pub typst_templates: std::collections::BTreeMap<String, String>,
}

/// The report's raw data: what the templates saw, and where it came from.
#[derive(Debug, Clone, Default)]
pub struct DataSources {
    /// Template variables: every dataset, `indicators`, `region`, `year`.
    pub context: serde_json::Map<String, serde_json::Value>,
    /// Dataset name → file it came from (`indicators` included).
    pub files: std::collections::BTreeMap<String, String>,
    /// The `validation` settings of report.json.
    pub validation: validation::ValidationConfig,
}

/// One chapter: a level-1 heading and the blocks under it.
#[derive(Debug, Clone, Serialize)]
pub struct Chapter {
    pub heading: Heading,
    pub blocks: Vec<Block>,
}

/// A block-level element of the narrative.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Heading(Heading),
    Paragraph(Paragraph),
    List(List),
    Table(Table),
    Figure(Figure),
    Case(Case),
}

/// A section heading. Level 1 is a chapter.
#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    pub level: u8,
    /// Kept out of the numbering (still listed in 目录).
    pub unnumbered: bool,
    /// The number as printed (`1.1`, `（一）`), filled in by numbering.
    pub number: Option<String>,
    pub text: Vec<Inline>,
    pub id: Option<String>,
    pub origin: Origin,
}

/// A body paragraph (always with the 2-character first-line indent).
#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    pub content: Vec<Inline>,
    pub origin: Origin,
}

/// A bulleted or numbered list; each item is a list of blocks.
#[derive(Debug, Clone, Serialize)]
pub struct List {
    pub ordered: bool,
    pub start: u64,
    pub items: Vec<Vec<Block>>,
    pub origin: Origin,
}

/// Inline content. User text only ever lives in `Text`, as data.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emph(Vec<Inline>),
    /// Superscript (`m^2^`).
    Sup(Vec<Inline>),
    /// Subscript (`CO~2~`).
    Sub(Vec<Inline>),
    /// A cross-reference; `label` is filled in by numbering (`表 1-5`).
    Ref {
        target: String,
        label: String,
    },
    /// A range of references (`[@tbl-a--@tbl-c]`, printed `表6至表9`); the
    /// labels are filled in by numbering.
    RefRange {
        from: String,
        to: String,
        from_label: String,
        to_label: String,
    },
    LineBreak,
}

/// The word between the two ends of a reference range (`表6至表9`).
pub const RANGE_WORD: &str = "至";
/// What separates the items of a reference list (`表3、表4`).
pub const LIST_SEPARATOR: &str = "、";

impl Inline {
    /// The plain text of a run of inlines, as a reader sees it.
    pub fn plain(inlines: &[Inline]) -> String {
        let mut out = String::new();
        for i in inlines {
            match i {
                Inline::Text(t) => out.push_str(t),
                Inline::Strong(c) | Inline::Emph(c) | Inline::Sup(c) | Inline::Sub(c) => {
                    out.push_str(&Inline::plain(c))
                }
                Inline::Ref { label, .. } => out.push_str(label),
                Inline::RefRange {
                    from_label,
                    to_label,
                    ..
                } => {
                    out.push_str(from_label);
                    out.push_str(RANGE_WORD);
                    out.push_str(to_label);
                }
                Inline::LineBreak => out.push('\n'),
            }
        }
        out
    }

    /// The plain text on one line, line breaks joined as soft breaks are
    /// (lists of tables and cases, bookmarks).
    pub fn one_line(inlines: &[Inline]) -> String {
        markup::join_lines(&Inline::plain(inlines))
    }
}

/// How a table, figure or case is numbered: filled in by numbering.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Numbered {
    pub id: Option<String>,
    /// The number as parts; none before numbering.
    pub number: Option<Number>,
    /// The full label as printed and cited (`表 1-5`, `表5`, `表五`),
    /// made from `number` and the house style's caption word.
    pub label: String,
}

/// Horizontal alignment of a table column or cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    Left,
    #[default]
    Center,
    Right,
}

/// A table. `rows` hold only the cells that start at a grid position; cells
/// covered by a span are omitted, as in Typst and HTML.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub num: Numbered,
    pub caption: Vec<Inline>,
    pub unit: Option<String>,
    /// A line above the table such as `名称：临江省云川市(390800)`.
    pub name_line: Option<String>,
    pub columns: usize,
    pub header_rows: usize,
    pub rows: Vec<Vec<Cell>>,
    pub aligns: Vec<Align>,
    pub widths: Option<Vec<f64>>,
    pub notes: Vec<Vec<Inline>>,
    /// The author asked for the small type size (`size=small`).
    pub small: bool,
    /// The author asked for a landscape page (`landscape=true`).
    pub landscape: bool,
    /// Widths, size and orientation as set: decided by the layout layer.
    pub layout: TableLayout,
    pub origin: Origin,
}

/// How a table is set, decided once by the layout layer ([`crate::layout`])
/// for both backends.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TableLayout {
    /// Column widths as shares of the available width (summing to 1).
    pub widths: Vec<f64>,
    /// Type size, pt.
    pub size_pt: f64,
    /// On a landscape page.
    pub landscape: bool,
    /// Estimated to fit on one page: never split.
    pub fits_page: bool,
}

impl Table {
    /// A table of `columns` columns holding `rows`, all columns centred, one
    /// head row, no caption, unit, name line, widths or notes, normal size,
    /// upright; the loader sets what differs.
    pub fn new(columns: usize, rows: Vec<Vec<Cell>>, origin: Origin) -> Table {
        Table {
            num: Numbered::default(),
            caption: Vec::new(),
            unit: None,
            name_line: None,
            columns,
            header_rows: 1,
            rows,
            aligns: vec![Align::Center; columns],
            widths: None,
            notes: Vec::new(),
            small: false,
            landscape: false,
            layout: TableLayout::default(),
            origin,
        }
    }
}

/// One table cell.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub content: Vec<Inline>,
    pub colspan: usize,
    pub rowspan: usize,
    /// The grid column this cell starts in (filled by the loader).
    pub col: usize,
    pub align: Option<Align>,
}

impl Cell {
    /// A cell one column wide and one row high that starts in grid column
    /// `col`, aligned as its column.
    pub fn new(content: Vec<Inline>, col: usize) -> Cell {
        Cell {
            content,
            colspan: 1,
            rowspan: 1,
            col,
            align: None,
        }
    }

    /// [`Cell::new`] holding plain text (nothing for an empty string).
    pub fn text(s: &str, col: usize) -> Cell {
        let content = if s.is_empty() {
            Vec::new()
        } else {
            vec![Inline::Text(s.to_string())]
        };
        Cell::new(content, col)
    }
}

/// A figure: one photo, a grid of photos, or a chart drawn from data.
#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub num: Numbered,
    /// Empty for an unnumbered figure without a caption.
    pub caption: Vec<Inline>,
    pub images: Vec<Image>,
    /// A chart instead of photos.
    pub chart: Option<Chart>,
    pub columns: usize,
    /// Width of a single image as a fraction of the text width.
    pub width: f64,
    pub origin: Origin,
}

impl Figure {
    /// A figure with its id, caption and width, and nothing in it yet (no
    /// images, no chart, one column); the loader adds the photos or the chart.
    pub fn new(id: Option<String>, caption: Vec<Inline>, width: f64, origin: Origin) -> Figure {
        Figure {
            num: Numbered {
                id,
                ..Default::default()
            },
            caption,
            images: Vec::new(),
            chart: None,
            columns: 1,
            width,
            origin,
        }
    }

    /// The widest each of its photos is shown on a text `text_mm` wide (mm):
    /// a single photo at its width, photos in a grid a column each (the
    /// gutters and a case box's padding only make them narrower).
    pub fn image_width_mm(&self, text_mm: f64) -> f64 {
        if self.images.len() == 1 {
            text_mm * self.width
        } else {
            text_mm / self.columns.max(1) as f64
        }
    }
}

/// An image file inside the project, checked and measured by the loader.
#[derive(Debug, Clone, Serialize)]
pub struct Image {
    /// Path relative to the project directory, with `/` separators.
    pub path: String,
    pub caption: Option<String>,
    pub format: ImageFormat,
    /// Size as shown (after the EXIF orientation).
    pub width_px: u32,
    pub height_px: u32,
    /// The EXIF orientation (1 = upright as stored; 2–8 flipped or turned).
    pub orientation: u8,
    /// The file's bytes, read once by the loader and shared by the backends.
    #[serde(skip)]
    pub data: std::sync::Arc<[u8]>,
}

/// A chart: categories along one axis (or slices), one or more series.
#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    pub kind: ChartKind,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// The unit of the values (`人`, `万元`).
    pub unit: Option<String>,
}

/// The chart kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    Pie,
    Bar,
    Line,
}

/// One named series of values, one per category.
#[derive(Debug, Clone, Serialize)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

/// The image encodings nianbao accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImageFormat {
    Png,
    Jpeg,
}

/// A case study (案例), set off from the text.
#[derive(Debug, Clone, Serialize)]
pub struct Case {
    pub num: Numbered,
    pub title: Vec<Inline>,
    pub subtitle: Option<Vec<Inline>>,
    pub unit: Option<String>,
    pub blocks: Vec<Block>,
    pub origin: Origin,
}

/// Calls `f` with every piece of text the reader will see, and where it came from.
pub fn visit_text(doc: &Document, f: &mut dyn FnMut(&str, &Origin)) {
    let meta_origin = Origin {
        file: "report.json".into(),
        line: 0,
    };
    let m = &doc.meta;
    f(&m.title, &meta_origin);
    let c = &m.cover;
    for s in [
        &c.region_line,
        &c.title,
        &c.year_line,
        &c.compiler_line,
        &c.date_line,
    ]
    .into_iter()
    .flatten()
    {
        f(s, &meta_origin);
    }
    if let Some(d) = &m.declaration {
        for s in [&d.title, &d.text, &d.unit, &d.representative, &d.date] {
            f(s, &meta_origin);
        }
    }
    if let Some(t) = &doc.preface_title {
        f(t, &meta_origin);
    }
    if let Some(t) = &m.team {
        f(&t.title, &meta_origin);
        for g in &t.groups {
            f(&g.role, &meta_origin);
            for x in &g.members {
                f(x, &meta_origin);
            }
        }
    }
    if let Some(c) = &m.closing {
        f(&c.unit, &meta_origin);
        f(&c.date, &meta_origin);
    }
    fn inl(i: &[Inline], o: &Origin, f: &mut dyn FnMut(&str, &Origin)) {
        for x in i {
            match x {
                Inline::Text(t) => f(t, o),
                Inline::Strong(c) | Inline::Emph(c) | Inline::Sup(c) | Inline::Sub(c) => {
                    inl(c, o, f)
                }
                Inline::Ref { label, .. } => f(label, o),
                Inline::RefRange {
                    from_label,
                    to_label,
                    ..
                } => {
                    f(from_label, o);
                    f(RANGE_WORD, o);
                    f(to_label, o);
                }
                Inline::LineBreak => {}
            }
        }
    }
    fn table(t: &Table, f: &mut dyn FnMut(&str, &Origin)) {
        let o = &t.origin;
        inl(&t.caption, o, f);
        for s in t.unit.iter().chain(t.name_line.iter()) {
            f(s, o);
        }
        for row in &t.rows {
            for c in row {
                inl(&c.content, o, f);
            }
        }
        for n in &t.notes {
            inl(n, o, f);
        }
    }
    fn blocks(bs: &[Block], f: &mut dyn FnMut(&str, &Origin)) {
        for b in bs {
            match b {
                Block::Heading(h) => inl(&h.text, &h.origin, f),
                Block::Paragraph(p) => inl(&p.content, &p.origin, f),
                Block::List(l) => l.items.iter().for_each(|i| blocks(i, f)),
                Block::Table(t) => table(t, f),
                Block::Figure(x) => {
                    inl(&x.caption, &x.origin, f);
                    for i in &x.images {
                        if let Some(c) = &i.caption {
                            f(c, &x.origin);
                        }
                    }
                    if let Some(c) = &x.chart {
                        for s in c
                            .categories
                            .iter()
                            .chain(c.series.iter().map(|s| &s.name))
                            .chain(c.unit.iter())
                        {
                            f(s, &x.origin);
                        }
                    }
                }
                Block::Case(c) => {
                    inl(&c.title, &c.origin, f);
                    if let Some(s) = &c.subtitle {
                        inl(s, &c.origin, f);
                    }
                    if let Some(s) = &c.unit {
                        f(s, &c.origin);
                    }
                    blocks(&c.blocks, f);
                }
            }
        }
    }
    blocks(&doc.preface, f);
    for ch in &doc.chapters {
        inl(&ch.heading.text, &ch.heading.origin, f);
        blocks(&ch.blocks, f);
    }
    for t in &doc.appendix {
        table(t, f);
    }
}

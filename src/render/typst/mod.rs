//! The Typst backend: document model → Typst sources (through the minijinja
//! layout templates in `templates/typst/`) → PDF, compiled in-process.

pub mod converge;
pub mod emit;
pub mod fonts;
pub(crate) mod frames;
pub mod layout_check;
pub mod live;
pub(crate) mod locate;
pub mod page_refs;
pub mod photos;
pub mod preflight;
pub mod print;
pub mod style;
pub mod world;

use crate::error::{Collector, Error, Result};
use crate::i18n::msg;
use crate::model::*;
use emit::{Emitter, asset_path, str_lit};
use fonts::FontSet;
use std::collections::BTreeMap;

use std::sync::Arc;
use typst::diag::Severity;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};
use world::ReportWorld;

/// The built-in layout templates: (file name, text). A project may override
/// any of them with a file of the same name under `templates/typst/`.
pub const TEMPLATES: &[(&str, &str)] = &[
    (
        "main.typ.j2",
        include_str!("../../../templates/typst/main.typ.j2"),
    ),
    (
        "nianbao.typ",
        include_str!("../../../templates/typst/nianbao.typ"),
    ),
    (
        "fonts.typ",
        include_str!("../../../templates/typst/fonts.typ"),
    ),
];

/// The Typst sources and assets of one report, ready to compile.
pub struct Generated {
    /// Root-relative path (`/main.typ`) → text.
    pub sources: BTreeMap<String, String>,
    /// Root-relative path (`/assets/images/a.jpg`) → bytes (shared with the
    /// document model: images are read once).
    pub assets: BTreeMap<String, Arc<[u8]>>,
    /// The user's `file:line` behind each `// @src N` marker of the
    /// emitted sources ([`is_emitted`]).
    pub origins: Vec<String>,
}

/// A layout template: the project's own file of that name (read by the
/// loader, inside the project) or the built-in one.
fn template(doc: &Document, name: &str) -> String {
    doc.typst_templates.get(name).cloned().unwrap_or_else(|| {
        TEMPLATES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.to_string())
            .unwrap_or_default()
    })
}

/// Every image of the document, with the widest it is shown (mm) where it
/// is a photo of a figure (`None`: the cover, the seal and the signature,
/// which are never resized).
fn all_images(doc: &Document) -> Vec<(&Image, Option<f64>)> {
    fn walk<'a>(blocks: &'a [Block], text_mm: f64, out: &mut Vec<(&'a Image, Option<f64>)>) {
        for b in blocks {
            match b {
                Block::Figure(f) => {
                    let mm = f.image_width_mm(text_mm);
                    out.extend(f.images.iter().map(|i| (i, Some(mm))));
                }
                Block::Case(c) => walk(&c.blocks, text_mm, out),
                Block::List(l) => l.items.iter().for_each(|i| walk(i, text_mm, out)),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    let m = &doc.meta;
    out.extend(m.cover.image.iter().map(|i| (i, None)));
    if let Some(d) = &m.declaration {
        out.extend(d.seal_image.iter().map(|i| (i, None)));
        out.extend(d.signature_image.iter().map(|i| (i, None)));
    }
    for ch in &doc.chapters {
        walk(&ch.blocks, doc.house.text_width_mm(), &mut out);
    }
    out
}

/// The assets of the PDF: each image once, photos far over print
/// resolution resized ([`photos`]); an image used in several places is
/// sized for the widest (and kept as it is if one of them is the cover).
fn pdf_assets(doc: &Document) -> Result<BTreeMap<String, Arc<[u8]>>> {
    let mut widest: BTreeMap<String, (&Image, Option<f64>)> = BTreeMap::new();
    for (img, mm) in all_images(doc) {
        widest
            .entry(asset_path(img))
            .and_modify(|(_, w)| {
                *w = match (*w, mm) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                }
            })
            .or_insert((img, mm));
    }
    // Resizing decodes each photo: on two threads.
    let all: Vec<_> = widest.into_iter().collect();
    crate::par::map(&all, |(path, (img, mm))| {
        let bytes = match mm {
            Some(mm) => photos::for_pdf(img, *mm)?,
            None => img.data.clone(),
        };
        Ok((path.clone(), bytes))
    })
    .into_iter()
    .collect()
}

fn count(doc: &Document, pred: &dyn Fn(&Block) -> bool) -> bool {
    fn walk(blocks: &[Block], pred: &dyn Fn(&Block) -> bool) -> bool {
        blocks.iter().any(|b| {
            pred(b)
                || match b {
                    Block::Case(c) => walk(&c.blocks, pred),
                    _ => false,
                }
        })
    }
    doc.chapters.iter().any(|c| walk(&c.blocks, pred))
}

/// Generates the Typst sources for a document.
pub fn generate(doc: &Document) -> Result<Generated> {
    // One emitter, so that the source markers of all parts index one table.
    let mut emitter = Emitter::default();
    // Each chapter in a file of its own, included by `/main.typ`: Typst
    // evaluates a file again only when it changed (an edit in `watch`).
    let mut chapters = Vec::new();
    for (i, ch) in doc.chapters.iter().enumerate() {
        emitter.out.push_str(emit::CHAPTER_PRELUDE);
        if i > 0 {
            // Tables and figures still floating belong to the chapter before.
            emitter.flush_floats();
        }
        emitter.mark(&ch.heading.origin);
        emitter.heading(&ch.heading);
        emitter.blocks(&ch.blocks, false);
        chapters.push((chapter_path(i), emitter.take()));
    }
    let body: String = chapters
        .iter()
        .map(|(path, _)| format!("#include {}\n", emit::str_lit(path)))
        .collect();
    emitter.blocks(&doc.preface, false);
    let preface = emitter.take();
    for t in &doc.appendix {
        emitter.appendix_table(t);
    }
    let appendix = emitter.take();

    let mut env = minijinja::Environment::new();
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.set_fuel(Some(crate::model::limits::TEMPLATE_FUEL));
    env.add_filter("typst", typst_filter);
    let main_tpl = template(doc, "main.typ.j2");
    let path_of = |i: &Option<Image>| i.as_ref().map(asset_path);
    let ctx = minijinja::context! {
        meta => minijinja::Value::from_serialize(&doc.meta),
        style => minijinja::Value::from_serialize(&doc.style),
        house => minijinja::Value::from_serialize(&doc.house),
        cover_image => path_of(&doc.meta.cover.image),
        seal_image => doc.meta.declaration.as_ref().and_then(|d| path_of(&d.seal_image)),
        signature_image => doc
            .meta
            .declaration
            .as_ref()
            .and_then(|d| path_of(&d.signature_image)),
        preface_title => doc.preface_title.clone(),
        preface => preface,
        body => body,
        appendix => appendix,
        appendix_title => doc.appendix_title.clone(),
        // Lists only of what is numbered (a kind numbered `none` has none).
        has_tables => count(doc, &|b| matches!(b, Block::Table(t) if t.num.number.is_some())),
        has_figures => count(doc, &|b| matches!(b, Block::Figure(f) if f.num.number.is_some())),
        has_cases => count(doc, &|b| matches!(b, Block::Case(c) if c.num.number.is_some())),
    };
    let main = env.render_str(&main_tpl, ctx).map_err(|e| {
        Error::at(
            format!("templates/typst/main.typ.j2:{}", e.line().unwrap_or(0)),
            msg::render::template_error(&e),
        )
    })?;

    let mut sources = BTreeMap::new();
    sources.insert("/main.typ".to_string(), main);
    sources.extend(chapters);
    // The project's extra Typst files (a library its overrides import) too.
    for (name, text) in &doc.typst_templates {
        if name.ends_with(".typ")
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
        {
            sources.insert(format!("/{name}"), text.clone());
        }
    }
    sources.insert("/nianbao.typ".into(), template(doc, "nianbao.typ"));
    sources.insert("/fonts.typ".into(), template(doc, "fonts.typ"));
    sources.insert(
        "/style.typ".into(),
        style::style_typ(
            &doc.house,
            &format!(
                "templates/house/{}",
                crate::model::house::file_name(doc.style.house)
            ),
        ),
    );

    let assets = pdf_assets(doc)?;
    Ok(Generated {
        sources,
        assets,
        origins: emitter.origins,
    })
}

/// The generated file of the `i`-th chapter (from 0).
fn chapter_path(i: usize) -> String {
    format!("/chapters/{}.typ", i + 1)
}

/// Whether a generated source is one nianbao wrote from the report (the
/// skeleton `/main.typ` and the chapters), where user text sits in string
/// literals behind `// @src N` markers, rather than a layout template.
pub fn is_emitted(path: &str) -> bool {
    path == "/main.typ" || (path.starts_with("/chapters/") && path.ends_with(".typ"))
}

/// Formats any template value as a Typst literal: strings are quoted and
/// escaped, so user text can never become Typst code.
fn typst_filter(v: minijinja::Value) -> String {
    use minijinja::value::ValueKind;
    match v.kind() {
        ValueKind::None | ValueKind::Undefined => "none".into(),
        ValueKind::Bool => if v.is_true() { "true" } else { "false" }.into(),
        ValueKind::Number => v.to_string(),
        _ => match v.as_str() {
            Some(s) => str_lit(s),
            None => str_lit(&v.to_string()),
        },
    }
}

/// Checks that some font covers every character of the user's text; a
/// missing glyph would otherwise print as an invisible box.
pub fn check_glyphs(doc: &Document, fonts: &FontSet) -> Result<()> {
    let mut errors = Collector::default();
    let mut seen = std::collections::HashSet::new();
    crate::model::visit_text(doc, &mut |text, origin| {
        for c in text.chars() {
            if c.is_whitespace() || c.is_control() || !seen.insert(c) {
                continue;
            }
            let selector = matches!(c as u32, 0xFE00..=0xFE0F | 0xE0100..=0xE01EF);
            if selector {
                errors.error(
                    origin.to_string(),
                    msg::render::variation_selector(format!("{:04X}", c as u32)),
                );
            } else if !fonts.covers(c) {
                errors.error(
                    origin.to_string(),
                    msg::render::no_font_covers(c, format!("{:04X}", c as u32)),
                );
            }
        }
    });
    errors.finish().map(|_| ())
}

/// What the user asks of the PDF.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PdfSettings {
    pub target: PdfTarget,
    /// Pad the page count to a multiple of this with blank pages (0 or 1: no padding).
    pub pad_to: u32,
    /// Print only: crop marks (角线) in a slug outside the bleed, and the
    /// BleedBox written ([`print`]).
    pub crop_marks: bool,
    /// Without the tag tree (the accessibility structure that screen readers
    /// and reflow use): the same pages, exported in about two thirds of the
    /// time. `watch` and `serve` write such PDFs; `build` never does.
    pub untagged: bool,
}

/// How the PDF is meant to be used.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PdfTarget {
    /// PDF/A-2b for publishing and archiving (the default).
    #[default]
    Archive,
    /// For the print shop: PDF 1.7 with text and rules in pure K black,
    /// 3 mm bleed and a TrimBox ([`print`]).
    Print,
}

/// Compiles generated sources to a PDF.
pub fn compile(
    doc: &Document,
    generated: &Generated,
    fonts: Arc<FontSet>,
    settings: PdfSettings,
) -> Result<Vec<u8>> {
    let (world, document) = typeset(doc, generated, fonts, settings)?;
    export(doc, &world, generated, &document, settings)
}

/// Compiles generated sources to a PDF and runs the layout check
/// ([`layout_check`]) on the typeset pages: the PDF and the check's warnings.
///
/// `laid_out` is called with the pages' numbers of the 目录's entries as soon
/// as the pages are laid out (the DOCX writer waits for them).
pub fn compile_checked(
    doc: &Document,
    generated: &Generated,
    fonts: Arc<FontSet>,
    settings: PdfSettings,
    laid_out: &dyn Fn(crate::model::page_refs::PageRefs),
) -> Result<(Vec<u8>, Vec<crate::error::Diagnostic>)> {
    let (world, document) = typeset(doc, generated, fonts, settings)?;
    laid_out(page_refs::page_refs(&document));
    // The layout check reads the pages while the PDF is written.
    let (pdf, warnings) = std::thread::scope(|scope| {
        let check = scope.spawn(|| {
            let locator = locate::Locator::new(&world, &generated.origins);
            layout_check::check(&document, &locator, &doc.house)
        });
        let pdf = export(doc, &world, generated, &document, settings);
        let warnings = check
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (pdf, warnings)
    });
    Ok((pdf?, warnings))
}

/// Typesets and runs the layout check without writing a PDF.
pub fn check_layout(
    doc: &Document,
    generated: &Generated,
    fonts: Arc<FontSet>,
    settings: PdfSettings,
) -> Result<Vec<crate::error::Diagnostic>> {
    let (world, document) = typeset(doc, generated, fonts, settings)?;
    let locator = locate::Locator::new(&world, &generated.origins);
    Ok(layout_check::check(&document, &locator, &doc.house))
}

/// Lays the generated sources out into pages.
fn typeset(
    doc: &Document,
    generated: &Generated,
    fonts: Arc<FontSet>,
    settings: PdfSettings,
) -> Result<(ReportWorld, PagedDocument)> {
    let mut world = new_world(doc, fonts, settings)?;
    let (document, _) = typeset_in(&mut world, generated, None)?;
    Ok((world, document))
}

/// The world a report is typeset in, for the given use of the PDF.
fn new_world(doc: &Document, fonts: Arc<FontSet>, settings: PdfSettings) -> Result<ReportWorld> {
    let black = if settings.target == PdfTarget::Print {
        "k"
    } else {
        "rgb"
    };
    if settings.pad_to > crate::model::limits::MAX_PAD_TO {
        return Err(Error::at(
            "--pad-to",
            msg::render::pad_to_range(crate::model::limits::MAX_PAD_TO, settings.pad_to),
        ));
    }
    let pad = settings.pad_to.max(1).to_string();
    let mut inputs = vec![("black", black), ("pad-to", pad.as_str())];
    let (bleed, slug) = (print::BLEED_MM.to_string(), print::SLUG_MM.to_string());
    if settings.target == PdfTarget::Print {
        inputs.push(("bleed-mm", bleed.as_str()));
        if settings.crop_marks {
            inputs.push(("slug-mm", slug.as_str()));
        }
    }
    Ok(ReportWorld::new(fonts, doc.meta.document_date, &inputs))
}

/// Puts the generated sources and assets into `world` (reparsing only what
/// changed in a world kept from an earlier build) and typesets them, the
/// first layout pass reading the pages of `start` (an earlier build's).
fn typeset_in(
    world: &mut ReportWorld,
    generated: &Generated,
    start: Option<&PagedDocument>,
) -> Result<(PagedDocument, converge::Passes)> {
    for (path, text) in &generated.sources {
        world.set_source(path, text)?;
    }
    for (path, bytes) in &generated.assets {
        world.add_file(path, bytes.clone())?;
    }
    let (warned, passes) = converge::compile(&*world, start);
    if std::env::var_os("NIANBAO_DEBUG_TYPST").is_some() {
        for w in &warned.warnings {
            eprintln!("typst warning: {}", w.message);
        }
    }
    let document = warned
        .output
        .map_err(|diags| map_diagnostics(world, &generated.origins, &diags))?;
    Ok((document, passes))
}

/// Writes typeset pages as a PDF.
fn export(
    doc: &Document,
    world: &ReportWorld,
    generated: &Generated,
    document: &PagedDocument,
    settings: PdfSettings,
) -> Result<Vec<u8>> {
    let target = settings.target;
    let (y, m, d) = doc.meta.document_date;
    let date = Datetime::from_ymd(y, m, d)
        .ok_or_else(|| Error::at("report.json: document_date", msg::render::invalid_date()))?;
    let options = PdfOptions {
        ident: Smart::Custom(format!(
            "nianbao-{}-{}",
            doc.meta.region_code, doc.meta.year
        )),
        creator: Smart::Custom(Some("nianbao".into())),
        timestamp: Some(Timestamp::new_utc(date)),
        standards: PdfStandards::new(match target {
            PdfTarget::Archive => &[PdfStandard::A_2b],
            PdfTarget::Print => &[PdfStandard::V_1_7],
        })
        .map_err(|e| Error::at("", msg::render::pdf_standard_refused(format!("{e:?}"))))?,
        tagged: !settings.untagged,
        ..Default::default()
    };
    let pdf = typst_pdf::pdf(document, &options)
        .map_err(|diags| map_diagnostics(world, &generated.origins, &diags))?;
    if target == PdfTarget::Print && settings.crop_marks {
        return print::add_bleed_boxes(pdf);
    }
    Ok(pdf)
}

/// Reports Typst errors against the user's own file and line where the
/// generated code carries a source marker.
pub(crate) fn map_diagnostics(
    world: &ReportWorld,
    origins: &[String],
    diags: &[typst::diag::SourceDiagnostic],
) -> Error {
    let locator = locate::Locator::new(world, origins);
    let mut out = Vec::new();
    for d in diags.iter().filter(|d| d.severity == Severity::Error) {
        let location = locator
            .site(d.span)
            .map(|site| locator.location(&site))
            .unwrap_or_default();
        // Typst's own message and hints (in English) under a lead-in of ours.
        let mut message = msg::render::typesetting_failed_with(&d.message);
        for h in &d.hints {
            message.push_str(&msg::render::typst_hint(&h.v));
        }
        out.push(crate::error::Diagnostic::error(location, message));
    }
    if out.is_empty() {
        out.push(crate::error::Diagnostic::error(
            "",
            msg::render::typesetting_failed(),
        ));
    }
    Error::many(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::typst::emit::SRC_MARKER;
    use crate::render::typst::fonts::FontOptions;

    #[test]
    fn errors_in_generated_code_point_at_the_users_line() {
        let fonts = FontSet::new(&FontOptions::default());
        let mut world = ReportWorld::new(fonts, (2026, 1, 1), &[]);
        world
            .add_source(
                "/main.typ",
                format!("{SRC_MARKER}0\n#par[ok]\n{SRC_MARKER}1\n#par(1 + \"a\")\n"),
            )
            .unwrap();
        let origins = ["chapters/01.md:3".to_string(), "chapters/01.md:12".into()];
        let diags = typst::compile::<PagedDocument>(&world).output.unwrap_err();
        let err = map_diagnostics(&world, &origins, &diags).to_string();
        assert!(
            err.contains("chapters/01.md:12: typesetting failed"),
            "{err}"
        );
    }
}

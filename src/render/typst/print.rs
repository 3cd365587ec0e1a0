//! The print shop's PDF (`--for-print`): its bleed, the crop marks' BleedBox,
//! and the checks that need the written file.
//!
//! The bleed itself is Typst's: `set page(bleed: …)` in the layout library
//! (`nb-print` in `templates/typst/nianbao.typ`, from the `bleed-mm` input).
//! The page keeps its A4 size and margins; typst-pdf enlarges the MediaBox by
//! the bleed and writes the TrimBox (the A4 page) on every page.
//!
//! With crop marks the MediaBox also holds a slug beyond the bleed for the
//! marks, so the BleedBox must be written (it would default to the MediaBox,
//! marks included). typst-pdf 0.15 writes no BleedBox, so it is added by an
//! **incremental update** (PDF 1.7 §7.5.6): new versions of the page
//! dictionaries with `/BleedBox`, a cross-reference section and a trailer
//! with `/Prev` and the same `/Root`, `/Info` and `/ID` are appended after
//! the file Typst wrote, whose bytes stay as they are. The result is a pure
//! function of Typst's output, so builds stay byte-identical. (The other
//! way, a patched typst-pdf, would be a fork to keep up with every Typst
//! release.)

use crate::error::{Diagnostic, Error, Result};
use crate::i18n::msg;
use lopdf::{Document, IncrementalDocument, Object, ObjectId};

/// The bleed beyond each trimmed edge, mm (Chinese print shops ask for 3).
pub const BLEED_MM: f64 = 3.0;
/// With crop marks: the slug beyond the bleed that holds them, mm.
pub const SLUG_MM: f64 = 7.0;

const MM: f64 = 72.0 / 25.4;

fn pdf_error(e: lopdf::Error) -> Error {
    Error::at("", msg::render::bleed_box_failed(e))
}

fn numbers(o: &Object) -> Option<[f64; 4]> {
    let a = o.as_array().ok()?;
    if a.len() != 4 {
        return None;
    }
    let n = |o: &Object| match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(*r as f64),
        _ => None,
    };
    Some([n(&a[0])?, n(&a[1])?, n(&a[2])?, n(&a[3])?])
}

/// A page box (`MediaBox`, `TrimBox`, `BleedBox`) of a page dictionary.
pub fn page_box(doc: &Document, page: ObjectId, name: &[u8]) -> Option<[f64; 4]> {
    let dict = doc.get_dictionary(page).ok()?;
    let o = dict.get(name).ok()?;
    let o = match o {
        Object::Reference(r) => doc.get_object(*r).ok()?,
        o => o,
    };
    numbers(o)
}

/// Appends an incremental update that gives every page with a TrimBox a
/// BleedBox [`BLEED_MM`] beyond it.
pub fn add_bleed_boxes(pdf: Vec<u8>) -> Result<Vec<u8>> {
    let doc = Document::load_mem(&pdf).map_err(pdf_error)?;
    let pages: Vec<(ObjectId, [f64; 4])> = doc
        .get_pages()
        .values()
        .filter_map(|&id| page_box(&doc, id, b"TrimBox").map(|t| (id, t)))
        .collect();
    let mut update = IncrementalDocument::create_from(pdf, doc);
    update.new_document.version = "1.7".into();
    let b = BLEED_MM * MM;
    for (id, t) in pages {
        update
            .opt_clone_object_to_new_document(id)
            .map_err(pdf_error)?;
        let bleed = [t[0] - b, t[1] - b, t[2] + b, t[3] + b]
            .map(|v| Object::Real(((v * 1000.0).round() / 1000.0) as f32));
        update
            .new_document
            .get_object_mut(id)
            .and_then(Object::as_dict_mut)
            .map_err(pdf_error)?
            .set("BleedBox", Object::Array(bleed.to_vec()));
    }
    let mut out = Vec::new();
    update
        .save_to(&mut out)
        .map_err(|e| Error::at("", msg::render::bleed_box_failed(e)))?;
    Ok(out)
}

/// The checks of the written print PDF: every page has a TrimBox, a
/// BleedBox (if any) lies between the TrimBox and the MediaBox, and every
/// font is embedded.
pub fn check_pdf(pdf: &[u8]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let doc = match Document::load_mem(pdf) {
        Ok(d) => d,
        Err(e) => {
            return vec![Diagnostic::error("", msg::render::print_pdf_unreadable(e))];
        }
    };
    let tol = 0.01;
    for (n, id) in doc.get_pages() {
        let media = page_box(&doc, id, b"MediaBox");
        let trim = page_box(&doc, id, b"TrimBox");
        let Some(trim) = trim else {
            out.push(Diagnostic::error(
                "",
                msg::render::on_page(n, msg::render::no_trim_box()),
            ));
            continue;
        };
        let within = |inner: [f64; 4], outer: [f64; 4]| {
            inner[0] >= outer[0] - tol
                && inner[1] >= outer[1] - tol
                && inner[2] <= outer[2] + tol
                && inner[3] <= outer[3] + tol
        };
        if let Some(media) = media
            && !within(trim, media)
        {
            out.push(Diagnostic::error(
                "",
                msg::render::on_page(n, msg::render::trim_outside_media()),
            ));
        }
        if let Some(bleed) = page_box(&doc, id, b"BleedBox")
            && (!within(trim, bleed) || media.is_some_and(|m| !within(bleed, m)))
        {
            out.push(Diagnostic::error(
                "",
                msg::render::on_page(n, msg::render::bleed_box_misplaced()),
            ));
        }
    }
    // Fonts: every font descriptor carries its font program.
    for obj in doc.objects.values() {
        let Ok(dict) = obj.as_dict() else { continue };
        let is_descriptor = dict
            .get(b"Type")
            .and_then(Object::as_name)
            .is_ok_and(|n| n == b"FontDescriptor");
        if is_descriptor
            && ![b"FontFile".as_slice(), b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| dict.has(k))
        {
            let name = dict
                .get(b"FontName")
                .and_then(Object::as_name)
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default();
            out.push(Diagnostic::error("", msg::render::font_not_embedded(name)));
        }
    }
    out
}

/// Compiles the print shop's PDF, runs the layout check and the preflight
/// ([`super::preflight`]) on the typeset pages and [`check_pdf`] on the
/// written file: the PDF, the layout check's warnings and the preflight's
/// findings.
pub fn compile_print(
    doc: &crate::model::Document,
    generated: &super::Generated,
    fonts: std::sync::Arc<super::fonts::FontSet>,
    settings: super::PdfSettings,
    laid_out: &dyn Fn(crate::model::page_refs::PageRefs),
) -> Result<(Vec<u8>, Vec<Diagnostic>, Vec<Diagnostic>)> {
    let (world, document) = super::typeset(doc, generated, fonts, settings)?;
    laid_out(super::page_refs::page_refs(&document));
    // The layout check and the preflight read the pages while the PDF is
    // written.
    let (pdf, (warnings, mut preflight)) = std::thread::scope(|scope| {
        let checks = scope.spawn(|| {
            let locator = super::locate::Locator::new(&world, &generated.origins);
            let warnings = super::layout_check::check(&document, &locator, &doc.house);
            let images = super::preflight::ImageSources::new(doc);
            (
                warnings,
                super::preflight::check(&document, &locator, &images),
            )
        });
        let pdf = super::export(doc, &world, generated, &document, settings);
        let checks = checks
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (pdf, checks)
    });
    let pdf = pdf?;
    preflight.extend(check_pdf(&pdf));
    Ok((pdf, warnings, preflight))
}

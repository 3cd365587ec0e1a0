//! nianbao (年报): assembles the annual quality report of secondary
//! vocational education (中等职业教育质量年度报告) from structured data and
//! narrative text, as a print-ready PDF and an editable DOCX.
//!
//! The pipeline: [`load`] reads a project directory into the [`model`],
//! [`validate`] checks and numbers it, and the backends in [`render`] write
//! the outputs.

pub mod cjk;
pub mod error;
pub mod fonts;
pub mod i18n;
pub mod init;
pub mod layout;
pub mod load;
pub mod model;
pub mod output;
pub mod par;
pub mod progress;
pub mod render;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod validate;
pub mod watch;
pub mod xlsx;

use error::{Diagnostic, Result};
use std::path::Path;

/// A loaded, validated and numbered report with the warnings found on the way.
pub struct Checked {
    pub document: model::Document,
    pub warnings: Vec<Diagnostic>,
}

/// Loads and validates the project at `dir`.
pub fn check(dir: &Path) -> Result<Checked> {
    check_with(dir, false)
}

/// Loads and validates; with `allow_data_errors`, inconsistent numbers are
/// reported as warnings instead of stopping the build.
pub fn check_with(dir: &Path, allow_data_errors: bool) -> Result<Checked> {
    check_cached(dir, allow_data_errors, None)
}

/// [`check_with`], taking the chapters unchanged since an earlier build
/// from `cache` (`nianbao watch` and `serve`).
pub fn check_cached(
    dir: &Path,
    allow_data_errors: bool,
    cache: Option<&load::cache::Cache>,
) -> Result<Checked> {
    let (mut document, mut warnings) = load::load_with(dir, cache)?;
    if allow_data_errors {
        document.data.validation.allow_errors = true;
    }
    warnings.extend(validate::check(&mut document)?);
    warnings.extend(layout::lay_out(&mut document));
    Ok(Checked { document, warnings })
}

/// Builds the PDF of a checked report (PDF/A-2b).
pub fn build_pdf(
    checked: &Checked,
    fonts: std::sync::Arc<render::typst::fonts::FontSet>,
) -> Result<(Vec<u8>, render::typst::Generated)> {
    build_pdf_for(checked, fonts, Default::default())
}

/// Builds the PDF of a checked report for a given use.
pub fn build_pdf_for(
    checked: &Checked,
    fonts: std::sync::Arc<render::typst::fonts::FontSet>,
    settings: render::typst::PdfSettings,
) -> Result<(Vec<u8>, render::typst::Generated)> {
    render::typst::check_glyphs(&checked.document, &fonts)?;
    let generated = render::typst::generate(&checked.document)?;
    let pdf = render::typst::compile(&checked.document, &generated, fonts, settings)?;
    Ok((pdf, generated))
}

/// A PDF with the layout check's findings on its pages.
pub struct CheckedPdf {
    pub pdf: Vec<u8>,
    pub generated: render::typst::Generated,
    /// The layout check's warnings (text wider than its cell, tables split
    /// with too few rows, stranded titles, …), each at the user's file:line.
    pub warnings: Vec<Diagnostic>,
    /// For the print shop's PDF only: the preflight's findings (image
    /// resolution, RGB content, small type, hairlines, content near the
    /// trim, fonts and page boxes; [`render::typst::preflight`]).
    pub preflight: Vec<Diagnostic>,
}

/// Builds the PDF of a checked report and runs the layout check on its pages
/// ([`render::typst::layout_check`]).
pub fn build_pdf_checked(
    checked: &Checked,
    fonts: std::sync::Arc<render::typst::fonts::FontSet>,
    settings: render::typst::PdfSettings,
) -> Result<CheckedPdf> {
    build_pdf_then(checked, fonts, settings, &|_| ())
}

/// [`build_pdf_checked`], calling `laid_out` with the page numbers of the
/// 目录's entries as soon as the pages are laid out.
fn build_pdf_then(
    checked: &Checked,
    fonts: std::sync::Arc<render::typst::fonts::FontSet>,
    settings: render::typst::PdfSettings,
    laid_out: &dyn Fn(model::page_refs::PageRefs),
) -> Result<CheckedPdf> {
    render::typst::check_glyphs(&checked.document, &fonts)?;
    let generated = render::typst::generate(&checked.document)?;
    if settings.target == render::typst::PdfTarget::Print {
        let (pdf, warnings, preflight) = render::typst::print::compile_print(
            &checked.document,
            &generated,
            fonts,
            settings,
            laid_out,
        )?;
        return Ok(CheckedPdf {
            pdf,
            generated,
            warnings,
            preflight,
        });
    }
    let (pdf, warnings) =
        render::typst::compile_checked(&checked.document, &generated, fonts, settings, laid_out)?;
    Ok(CheckedPdf {
        pdf,
        generated,
        warnings,
        preflight: Vec::new(),
    })
}

/// The print preflight without writing a file (`nianbao check --print`):
/// the print shop's PDF is built in memory; the layout check's warnings and
/// the preflight's findings.
pub fn check_print(
    checked: &Checked,
    fonts: std::sync::Arc<render::typst::fonts::FontSet>,
    crop_marks: bool,
) -> Result<(Vec<Diagnostic>, Vec<Diagnostic>)> {
    let settings = render::typst::PdfSettings {
        target: render::typst::PdfTarget::Print,
        pad_to: 1,
        crop_marks,
        ..Default::default()
    };
    let built = build_pdf_checked(checked, fonts, settings)?;
    Ok((built.warnings, built.preflight))
}

/// Typesets a checked report and returns the layout check's warnings
/// (no PDF is written); for `nianbao check`.
pub fn check_layout(
    checked: &Checked,
    fonts: std::sync::Arc<render::typst::fonts::FontSet>,
) -> Result<Vec<Diagnostic>> {
    render::typst::check_glyphs(&checked.document, &fonts)?;
    let generated = render::typst::generate(&checked.document)?;
    render::typst::check_layout(&checked.document, &generated, fonts, Default::default())
}

/// Builds the DOCX of a checked report. Its pre-filled 目录 has no page
/// numbers until Word or WPS updates the fields; [`build_outputs`] gives it
/// the PDF's.
pub fn build_docx(checked: &Checked) -> Result<Vec<u8>> {
    render::docx::render(&checked.document, None)
}

/// What [`build_outputs`] built: each output asked for, or why it failed.
pub struct Outputs {
    pub pdf: Option<Result<CheckedPdf>>,
    pub docx: Option<Result<Vec<u8>>>,
}

/// Builds the PDF and/or the DOCX of a checked report at once: the DOCX is
/// written on another thread while Typst finishes the PDF, as soon as the
/// pages are laid out, so that its pre-filled 目录 carries the PDF's page
/// numbers (the DOCX alone has none to give).
pub fn build_outputs(
    checked: &Checked,
    fonts: std::sync::Arc<render::typst::fonts::FontSet>,
    settings: render::typst::PdfSettings,
    pdf: bool,
    docx: bool,
) -> Outputs {
    let (pdf, docx) = with_docx_alongside(
        &checked.document,
        docx,
        pdf.then_some(|laid_out: &dyn Fn(model::page_refs::PageRefs)| {
            build_pdf_then(checked, fonts, settings, laid_out)
        }),
    );
    Outputs { pdf, docx }
}

/// Runs `pdf` (which calls its argument with the page numbers of the 目录's
/// entries once the pages are laid out) and, if `docx`, writes the DOCX on
/// another thread as soon as those page numbers arrive, or without them
/// when there is no PDF or it failed before its layout.
pub fn with_docx_alongside<P>(
    document: &model::Document,
    docx: bool,
    pdf: Option<impl FnOnce(&dyn Fn(model::page_refs::PageRefs)) -> P>,
) -> (Option<P>, Option<Result<Vec<u8>>>) {
    let Some(pdf) = pdf else {
        return (None, docx.then(|| render::docx::render(document, None)));
    };
    let (send, receive) = std::sync::mpsc::sync_channel::<model::page_refs::PageRefs>(1);
    std::thread::scope(|scope| {
        let docx = docx.then(|| {
            scope.spawn(move || render::docx::render(document, receive.recv().ok().as_ref()))
        });
        let send = std::sync::Mutex::new(Some(send));
        let pdf = pdf(&|refs| {
            if let Some(s) = send.lock().ok().and_then(|mut s| s.take()) {
                let _ = s.send(refs);
            }
        });
        // Unblocks the DOCX thread if the layout never happened.
        drop(send);
        let docx = docx.map(|h| {
            h.join().unwrap_or_else(|_| {
                Err(error::Error::at("", i18n::msg::cli::docx_writer_stopped()))
            })
        });
        (Some(pdf), docx)
    })
}

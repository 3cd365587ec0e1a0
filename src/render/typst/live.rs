//! A Typst world kept between builds (`nianbao watch`): sources are
//! reparsed incrementally and Typst's memo cache (comemo) is reused, so an
//! edit re-typesets only what it touches.

use super::converge::Passes;
use super::fonts::FontSet;
use super::world::ReportWorld;
use super::{Generated, PdfSettings, export, layout_check, locate, new_world, typeset_in};
use crate::error::{Diagnostic, Result};
use crate::model::Document;
use std::sync::Arc;
use typst_layout::PagedDocument;

/// The PDF side of a watch session.
pub struct LiveTypst {
    fonts: Arc<FontSet>,
    settings: PdfSettings,
    world: Option<(ReportWorld, (i32, u8, u8))>,
    last: Option<PagedDocument>,
    passes: Option<Passes>,
}

impl LiveTypst {
    /// A session that builds PDFs for `settings` with `fonts`.
    pub fn new(fonts: Arc<FontSet>, settings: PdfSettings) -> LiveTypst {
        LiveTypst {
            fonts,
            settings,
            world: None,
            last: None,
            passes: None,
        }
    }

    /// Typesets the document in the kept world and returns the PDF; the
    /// typeset pages are kept for [`LiveTypst::check_layout`], so that the
    /// check can run after the PDF is written.
    pub fn pdf(&mut self, doc: &Document, generated: &Generated) -> Result<Vec<u8>> {
        self.pdf_then(doc, generated, &|_| ())
    }

    /// [`LiveTypst::pdf`], calling `laid_out` with the page numbers of the
    /// 目录's entries as soon as the pages are laid out (the DOCX writer
    /// waits for them).
    pub fn pdf_then(
        &mut self,
        doc: &Document,
        generated: &Generated,
        laid_out: &dyn Fn(crate::model::page_refs::PageRefs),
    ) -> Result<Vec<u8>> {
        // The world's date comes from the document: a new date, a new world.
        if self
            .world
            .as_ref()
            .is_none_or(|(_, date)| *date != doc.meta.document_date)
        {
            let world = new_world(doc, self.fonts.clone(), self.settings)?;
            self.world = Some((world, doc.meta.document_date));
        }
        let Some((world, _)) = self.world.as_mut() else {
            unreachable!("set above")
        };
        let t = std::time::Instant::now();
        // The layout loop starts from the last build's pages: after a small
        // edit it settles in a pass or two instead of five.
        let (document, passes) = typeset_in(world, generated, self.last.as_ref())?;
        self.passes = Some(passes);
        laid_out(super::page_refs::page_refs(&document));
        let typeset = t.elapsed();
        let pdf = export(doc, world, generated, &document, self.settings)?;
        if crate::progress::timing() {
            eprintln!(
                "typeset {typeset:?} ({} layout passes), PDF {:?}",
                passes.count,
                t.elapsed() - typeset
            );
        }
        self.last = Some(document);
        Ok(pdf)
    }

    /// Drops Typst's cached results that the recent builds did not use (call
    /// once the outputs are out: it takes a while with a big report).
    pub fn tidy(&self) {
        comemo::evict(10);
    }

    /// The layout passes of the last build.
    pub fn passes(&self) -> Option<Passes> {
        self.passes
    }

    /// The pages typeset last, with a locator from their spans back to the
    /// user's files (`nianbao serve` shows the pages and finds where each
    /// block landed).
    pub(crate) fn last_pages<'a>(
        &'a self,
        generated: &'a Generated,
    ) -> Option<(&'a PagedDocument, locate::Locator<'a>)> {
        match (&self.world, &self.last) {
            (Some((world, _)), Some(document)) => {
                Some((document, locate::Locator::new(world, &generated.origins)))
            }
            _ => None,
        }
    }

    /// The layout check on the pages typeset last.
    pub fn check_layout(&self, doc: &Document, generated: &Generated) -> Vec<Diagnostic> {
        match (&self.world, &self.last) {
            (Some((world, _)), Some(document)) => {
                let locator = locate::Locator::new(world, &generated.origins);
                layout_check::check(document, &locator, &doc.house)
            }
            _ => Vec::new(),
        }
    }
}

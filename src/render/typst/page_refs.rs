//! Where the 目录's entries landed: the printed page number of every
//! outlined heading and numbered table, figure and case of the laid-out
//! document, read from Typst's introspector the way `outline()` reads them.

use crate::model::page_refs::PageRefs;
use typst::foundations::{Content, NativeElement, Selector, Smart, StyleChain};
use typst::introspection::Introspector;
use typst::model::{FigureElem, FigureKind, HeadingElem, Numbering, Outlinable};
use typst::visualize::ImageElem;
use typst_layout::PagedDocument;

/// The page numbers the PDF's 目录 and lists print, in document order.
pub fn page_refs(document: &PagedDocument) -> PageRefs {
    let intro = document.introspector();
    let label = |elem: &Content| -> Option<String> {
        let page = intro.page(elem.location()?)?;
        let page = document.pages().get(page.get() - 1)?;
        Some(match &page.numbering {
            Some(Numbering::Pattern(p)) => p
                .apply(None, &[page.number])
                .map(|s| s.to_string())
                .unwrap_or_else(|_| page.number.to_string()),
            _ => page.number.to_string(),
        })
    };
    let outlined = |elem: &Content| elem.with::<dyn Outlinable>().is_some_and(|o| o.outlined());
    let mut refs = PageRefs::default();
    for h in intro.query(&Selector::Elem(HeadingElem::ELEM, None)).iter() {
        if outlined(h) {
            refs.headings.push(label(h).unwrap_or_default());
        }
    }
    for f in intro.query(&Selector::Elem(FigureElem::ELEM, None)).iter() {
        let Some(fig) = f.to_packed::<FigureElem>() else {
            continue;
        };
        if !outlined(f) {
            continue;
        }
        let list = match fig.kind.get_ref(StyleChain::default()) {
            Smart::Custom(FigureKind::Elem(e)) if *e == typst::model::TableElem::ELEM => {
                &mut refs.tables
            }
            Smart::Custom(FigureKind::Elem(e)) if *e == ImageElem::ELEM => &mut refs.figures,
            Smart::Custom(FigureKind::Name(n)) if n.as_str() == "case" => &mut refs.cases,
            _ => continue,
        };
        list.push(label(f).unwrap_or_default());
    }
    refs
}

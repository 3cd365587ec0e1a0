//! The typeset pages as the served page shows them, and where each block of
//! the user's files landed.
//!
//! typst-svg draws glyphs as paths, so the SVG of a page holds no text. To
//! make the page's text readable in the browser (select, search with
//! Ctrl-F, and checked by the browser test), every page also gets a *text
//! layer*: an inline SVG of the same size laid over the image, holding each
//! text run of the typeset frame as a transparent `<text>` at its baseline,
//! stretched to the run's width. Both come from the same frames, so the
//! layer is exactly the text of the image under it.

use crate::render::typst::frames;
use crate::render::typst::locate::Locator;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use typst::introspection::{Location, Tag};
use typst::layout::{Frame, FrameItem, Point, Transform};
use typst::syntax::Span;
use typst_layout::{Page, PagedDocument};

/// One typeset page.
pub(crate) struct PageView {
    /// The page itself, kept to render its SVG when it is asked for.
    pub page: Page,
    /// A hash of the page's content: the image's version in URLs and ETags.
    pub hash: String,
    /// Size in pt.
    pub width: f64,
    pub height: f64,
    /// The text layer (`<svg class="tl" …>`), see the module doc.
    pub text_layer: String,
}

impl PageView {
    /// The page as a standalone SVG document.
    pub fn svg(&self) -> String {
        typst_svg::svg(&self.page, &typst_svg::SvgOptions::default())
    }
}

/// On which pages each block of the user's files was set (0-based pages).
#[derive(Default)]
pub(crate) struct Placement {
    /// File → its blocks by line, each with the pages it is on.
    by_file: HashMap<String, BTreeMap<usize, BTreeSet<usize>>>,
}

impl Placement {
    /// The page of a finding: the first page of the block at or before its
    /// `file:line` (a location without a line: the file's first block).
    pub fn page_of(&self, location: &str) -> Option<usize> {
        let mut parts = location.split(':');
        let file = parts.next()?.trim();
        let line = parts.next().and_then(|l| l.trim().parse::<usize>().ok());
        let blocks = self.by_file.get(file)?;
        let pages = match line {
            Some(line) => blocks.range(..=line).next_back()?.1,
            None => blocks.values().next()?,
        };
        pages.first().copied()
    }

    /// The first page of the block written exactly at `file:line`.
    pub fn page_at(&self, file: &str, line: usize) -> Option<usize> {
        self.by_file.get(file)?.get(&line)?.first().copied()
    }
}

/// The page a layout-check finding names: its message starts with the
/// page (`page 14: …`, `第 14 页：…`), the first number in it (0-based;
/// none if that is not a page of the document).
pub(crate) fn named_page(message: &str, pages: usize) -> Option<usize> {
    let n: usize = message
        .split(|c: char| !c.is_ascii_digit())
        .find(|s| !s.is_empty())?
        .parse()
        .ok()?;
    (1..=pages).contains(&n).then(|| n - 1)
}

/// Views of all pages and the placement of the user's blocks on them.
pub(crate) fn views(document: &PagedDocument, locator: &Locator) -> (Vec<PageView>, Placement) {
    let mut walker = Walker {
        locator,
        markers: HashMap::new(),
        outlines: HashSet::new(),
        on_page: BTreeMap::new(),
    };
    let mut views = Vec::new();
    for (index, page) in document.pages().iter().enumerate() {
        let (w, h) = (page.frame.width().to_pt(), page.frame.height().to_pt());
        let mut layer = format!(
            "<svg class=\"tl\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w:.2} {h:.2}\" \
             preserveAspectRatio=\"none\" xml:space=\"preserve\">"
        );
        walker.walk(&page.frame, Transform::identity(), index, &mut layer);
        layer.push_str("</svg>");
        views.push(PageView {
            page: page.clone(),
            hash: format!("{:032x}", typst::utils::hash128(page)),
            width: w,
            height: h,
            text_layer: layer,
        });
    }
    let mut placement = Placement::default();
    for (marker, pages) in walker.on_page {
        let Some(origin) = locator.origin(marker) else {
            continue;
        };
        let Some((file, line)) = origin.rsplit_once(':') else {
            continue;
        };
        let Ok(line) = line.parse::<usize>() else {
            continue;
        };
        placement
            .by_file
            .entry(file.to_string())
            .or_default()
            .entry(line)
            .or_default()
            .extend(pages);
    }
    (views, placement)
}

struct Walker<'a> {
    locator: &'a Locator<'a>,
    /// The source marker (block) behind each span seen.
    markers: HashMap<Span, Option<usize>>,
    /// Outlines (目录) open at this point of the walk: their entries repeat
    /// the headings' text, which does not place the headings there.
    outlines: HashSet<Location>,
    /// Block → the pages with its text.
    on_page: BTreeMap<usize, BTreeSet<usize>>,
}

impl Walker<'_> {
    fn walk(&mut self, frame: &Frame, ts: Transform, page: usize, layer: &mut String) {
        frames::leaves(frame, ts, &mut |pos, item, ts| match item {
            FrameItem::Text(t) => {
                if self.outlines.is_empty() {
                    for g in &t.glyphs {
                        let span = g.span.0;
                        let marker = *self
                            .markers
                            .entry(span)
                            .or_insert_with(|| self.locator.site(span).and_then(|s| s.marker));
                        if let Some(m) = marker {
                            self.on_page.entry(m).or_default().insert(page);
                        }
                    }
                }
                text_element(t, pos, ts, layer);
            }
            FrameItem::Tag(Tag::Start(content, _)) => {
                if content.elem().name() == "outline"
                    && let Some(loc) = content.location()
                {
                    self.outlines.insert(loc);
                }
            }
            FrameItem::Tag(Tag::End(loc, ..)) => {
                self.outlines.remove(loc);
            }
            _ => {}
        });
    }
}

/// One text run as a `<text>` of the text layer.
fn text_element(t: &typst::text::TextItem, pos: Point, ts: Transform, out: &mut String) {
    let text = t.text.as_str();
    if text.trim().is_empty() {
        return;
    }
    let size = t.size.to_pt();
    let width = t.width().to_pt();
    let ts = ts.pre_concat(Transform::translate(pos.x, pos.y));
    let _ = write!(out, "<text font-size=\"{size:.2}\"");
    if ts.sx.get() == 1.0 && ts.sy.get() == 1.0 && ts.kx.get() == 0.0 && ts.ky.get() == 0.0 {
        let _ = write!(
            out,
            " x=\"{:.2}\" y=\"{:.2}\"",
            ts.tx.to_pt(),
            ts.ty.to_pt()
        );
    } else {
        // Rotated or scaled (a landscape table turned on its page).
        let _ = write!(
            out,
            " transform=\"matrix({:.4} {:.4} {:.4} {:.4} {:.2} {:.2})\"",
            ts.sx.get(),
            ts.ky.get(),
            ts.kx.get(),
            ts.sy.get(),
            ts.tx.to_pt(),
            ts.ty.to_pt()
        );
    }
    if width > 0.0 {
        let _ = write!(
            out,
            " textLength=\"{width:.2}\" lengthAdjust=\"spacingAndGlyphs\""
        );
    }
    out.push('>');
    escape_into(text, out);
    out.push_str("</text>");
}

/// Escapes text for HTML and XML (text and attribute values).
pub(crate) fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Not allowed in XML 1.0.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
}

/// [`escape_into`] to a new string.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_goes_to_the_page_of_its_block() {
        let mut p = Placement::default();
        let blocks = p.by_file.entry("chapters/01.md".into()).or_default();
        blocks.insert(3, BTreeSet::from([4]));
        blocks.insert(10, BTreeSet::from([5, 6]));
        assert_eq!(p.page_of("chapters/01.md:12"), Some(5));
        assert_eq!(p.page_of("chapters/01.md:5"), Some(4));
        assert_eq!(p.page_of("chapters/01.md"), Some(4));
        assert_eq!(p.page_of("chapters/01.md:1"), None);
        assert_eq!(p.page_of("report.json"), None);
        assert_eq!(p.page_at("chapters/01.md", 10), Some(5));
    }

    #[test]
    fn a_layout_finding_goes_to_the_page_it_names() {
        assert_eq!(named_page("第 14 页：本页空了 36%", 51), Some(13));
        assert_eq!(named_page("page 7: a split", 51), Some(6));
        assert_eq!(named_page("page 70: a split", 51), None);
        assert_eq!(named_page("no page", 51), None);
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&#39;");
    }
}

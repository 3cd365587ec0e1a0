//! The print preflight: the typeset pages inspected for what a print shop
//! rejects or queries, each finding at the user's `file:line` and page.
//!
//! Computed from the laid-out document (Typst's frames, before the PDF is
//! written), so that every finding can name where the user wrote it; what
//! only the written file shows (embedded fonts, the page boxes) is checked by
//! [`super::print::check_pdf`].
//!
//! - **resolution**: the effective ppi of every placed raster image at its
//!   placed size (pixels ÷ inches on the page): under [`WARN_PPI`] a warning,
//!   under [`ERROR_PPI`] an error;
//! - **RGB**: raster images that are not CMYK or greyscale, the charts (SVG,
//!   drawn in RGB) and RGB text or rule colours, listed as notes (the shop's
//!   RIP converts them; exact colour needs CMYK sources);
//! - **small text**: type under [`MIN_TEXT_PT`];
//! - **hairlines**: rules thinner than [`MIN_RULE_MM`] (the thin outline
//!   nianbao draws around faux-bold glyphs is not a rule and is not counted;
//!   the lines inside a chart's SVG are not inspected);
//! - **near the trim**: anything within [`SAFE_MM`] of the trim edge that
//!   does not reach over it (what reaches over it is meant to bleed).

use super::locate::Locator;
use crate::error::Diagnostic;
use crate::i18n::msg;
use crate::model::{Block, Document};
use crate::render::typst::frames;
use std::collections::{BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use typst::layout::{Frame, FrameItem, Point, Transform};
use typst::syntax::Span;
use typst::visualize::{
    Color, ColorSpace, Geometry, ImageKind, Paint, ProcessColorSpace, RasterFormat,
};
use typst_layout::PagedDocument;

/// Under this effective resolution an image is a warning (pixels per inch).
pub const WARN_PPI: f64 = 300.0;
/// Under this, an error: the image prints visibly soft or blocky.
pub const ERROR_PPI: f64 = 150.0;
/// Type under this size (pt) is a warning.
pub const MIN_TEXT_PT: f64 = 5.0;
/// Rules thinner than this (mm) are a warning: they may break up in print.
pub const MIN_RULE_MM: f64 = 0.1;
/// Content this close (mm) to the trim edge may be cut off.
pub const SAFE_MM: f64 = 3.0;

const MM: f64 = 72.0 / 25.4;

/// Where each image of the report was asked for: its name and the user's
/// `file:line` (or `report.json: field`), by the hash of its bytes.
pub(crate) struct ImageSources(HashMap<u64, (String, String)>);

fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    b.hash(&mut h);
    h.finish()
}

impl ImageSources {
    pub fn new(doc: &Document) -> Self {
        fn walk(blocks: &[Block], out: &mut HashMap<u64, (String, String)>) {
            for b in blocks {
                match b {
                    Block::Figure(f) => {
                        let at = f.origin.to_string();
                        for img in &f.images {
                            out.entry(hash_bytes(&img.data)).or_insert_with(|| {
                                (msg::render::what_image_file(&img.path), at.clone())
                            });
                        }
                        if let Some(chart) = &f.chart {
                            let svg = crate::render::chart::svg(chart);
                            let name = if f.num.label.is_empty() {
                                msg::render::what_chart()
                            } else {
                                msg::render::what_chart_numbered(&f.num.label)
                            };
                            out.entry(hash_bytes(svg.as_bytes()))
                                .or_insert_with(|| (name, at.clone()));
                        }
                    }
                    Block::Case(c) => walk(&c.blocks, out),
                    Block::List(l) => l.items.iter().for_each(|i| walk(i, out)),
                    _ => {}
                }
            }
        }
        let mut out = HashMap::new();
        let m = &doc.meta;
        let mut field = |img: &Option<crate::model::Image>, f: &str| {
            if let Some(img) = img {
                out.entry(hash_bytes(&img.data)).or_insert_with(|| {
                    (
                        msg::render::what_image_file(&img.path),
                        format!("report.json: {f}"),
                    )
                });
            }
        };
        field(&m.cover.image, "cover.image");
        if let Some(d) = &m.declaration {
            field(&d.seal_image, "declaration.seal_image");
            field(&d.signature_image, "declaration.signature_image");
        }
        for ch in &doc.chapters {
            walk(&ch.blocks, &mut out);
        }
        ImageSources(out)
    }

    fn get(&self, data: &[u8]) -> Option<&(String, String)> {
        self.0.get(&hash_bytes(data))
    }
}

/// Runs the preflight on a typeset document.
pub(crate) fn check(
    document: &PagedDocument,
    locator: &Locator,
    images: &ImageSources,
) -> Vec<Diagnostic> {
    let mut p = Preflight {
        locator,
        images,
        page: 0,
        size: (0.0, 0.0),
        found: Vec::new(),
        cache: HashMap::new(),
    };
    for (i, page) in document.pages().iter().enumerate() {
        p.page = i;
        p.size = (page.frame.width().to_pt(), page.frame.height().to_pt());
        p.walk(&page.frame, Transform::identity());
    }
    // One finding per place, kind and page, in page order, errors first.
    let mut seen = BTreeSet::new();
    p.found.sort_by_key(|(page, d)| (*page, d.severity as u8));
    p.found
        .into_iter()
        .filter(|(_, d)| seen.insert((d.location.clone(), d.message.clone())))
        .map(|(_, d)| d)
        .collect()
}

struct Preflight<'a> {
    locator: &'a Locator<'a>,
    images: &'a ImageSources,
    page: usize,
    /// The trimmed page, pt.
    size: (f64, f64),
    found: Vec<(usize, Diagnostic)>,
    cache: HashMap<Span, String>,
}

/// A box in page coordinates, pt (x0, y0, x1, y1).
type BBox = (f64, f64, f64, f64);

fn bbox(ts: Transform, a: Point, b: Point) -> BBox {
    let corners = [
        Point::new(a.x, a.y),
        Point::new(b.x, a.y),
        Point::new(a.x, b.y),
        Point::new(b.x, b.y),
    ]
    .map(|p| p.transform(ts));
    let xs = corners.map(|p| p.x.to_pt());
    let ys = corners.map(|p| p.y.to_pt());
    let min = |v: [f64; 4]| v.into_iter().fold(f64::INFINITY, f64::min);
    let max = |v: [f64; 4]| v.into_iter().fold(f64::NEG_INFINITY, f64::max);
    (min(xs), min(ys), max(xs), max(ys))
}

/// Whether a colour would reach the PDF as RGB (CMYK, grey and spot colours
/// print as they are).
fn is_rgb(c: &Color) -> bool {
    matches!(
        c.space(),
        ColorSpace::Process(
            ProcessColorSpace::Srgb
                | ProcessColorSpace::LinearRgb
                | ProcessColorSpace::Oklab
                | ProcessColorSpace::Oklch
                | ProcessColorSpace::Hsl
                | ProcessColorSpace::Hsv
        )
    )
}

/// The first RGB colour of a paint, as `#rrggbb`.
fn rgb_of(paint: &Paint) -> Option<String> {
    let hex = |c: &Color| c.to_hex().to_string();
    match paint {
        Paint::Solid(c) => is_rgb(c).then(|| hex(c)),
        Paint::Gradient(g) => g
            .stops_ref()
            .iter()
            .find(|(c, _)| is_rgb(c))
            .map(|(c, _)| hex(c)),
        Paint::Tiling(_) => None,
    }
}

/// The number of colour components of a JPEG (from its frame header).
fn jpeg_components(data: &[u8]) -> Option<u8> {
    let mut i = 2;
    while i + 9 < data.len() {
        if data[i] != 0xFF {
            return None;
        }
        let marker = data[i + 1];
        let len = u16::from_be_bytes([data[i + 2], data[i + 3]]) as usize;
        // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            return data.get(i + 9).copied();
        }
        i += 2 + len;
    }
    None
}

impl Preflight<'_> {
    fn location(&mut self, span: Span) -> String {
        if let Some(l) = self.cache.get(&span) {
            return l.clone();
        }
        let l = self
            .locator
            .site(span)
            .map(|s| self.locator.location(&s))
            .unwrap_or_default();
        let l = l.strip_suffix(":0").map(str::to_string).unwrap_or(l);
        self.cache.insert(span, l.clone());
        l
    }

    fn push(&mut self, d: fn(String, String) -> Diagnostic, location: String, message: String) {
        let page = self.page;
        self.found
            .push((page, d(location, msg::render::on_page(page + 1, message))));
    }

    /// Content within [`SAFE_MM`] of the trim edge that does not reach
    /// over it (what reaches over it is meant to bleed; what lies wholly
    /// outside the trim is the bleed or the crop marks).
    fn near_trim(&mut self, b: BBox, what: &str, span: Span) {
        let (w, h) = self.size;
        let eps = 0.01;
        let over = b.0 < -eps || b.1 < -eps || b.2 > w + eps || b.3 > h + eps;
        let outside = b.2 <= eps || b.3 <= eps || b.0 >= w - eps || b.1 >= h - eps;
        if over || outside {
            return;
        }
        let d = b.0.min(b.1).min(w - b.2).min(h - b.3);
        if d < SAFE_MM * MM {
            let loc = self.location(span);
            self.push(
                Diagnostic::warning,
                loc,
                msg::render::near_trim(what, format!("{:.1}", d / MM), SAFE_MM),
            );
        }
    }

    fn rgb(&mut self, paint: &Paint, what: &str, span: Span) {
        if let Some(hex) = rgb_of(paint) {
            let loc = self.location(span);
            self.push(Diagnostic::note, loc, msg::render::rgb_colour(what, hex));
        }
    }

    fn walk(&mut self, frame: &Frame, ts: Transform) {
        frames::leaves(frame, ts, &mut |pos, item, ts| match item {
            FrameItem::Text(t) => {
                let span = t
                    .glyphs
                    .first()
                    .map(|g| g.span.0)
                    .unwrap_or(Span::detached());
                if t.glyphs
                    .iter()
                    .all(|g| t.text.get(g.range()).is_none_or(|s| s.trim().is_empty()))
                {
                    return;
                }
                let scale = (ts.sx.get() * ts.sy.get() - ts.kx.get() * ts.ky.get())
                    .abs()
                    .sqrt();
                let size = t.size.to_pt() * scale;
                if size < MIN_TEXT_PT - 1e-6 {
                    let loc = self.location(span);
                    self.push(
                        Diagnostic::warning,
                        loc,
                        msg::render::small_text(format!("{size:.1}"), MIN_TEXT_PT),
                    );
                }
                self.rgb(&t.fill, &msg::render::what_text(), span);
                let m = t.font.metrics();
                let a = Point::new(pos.x, pos.y - m.ascender.at(t.size));
                let b = Point::new(pos.x + t.width(), pos.y - m.descender.at(t.size));
                self.near_trim(bbox(ts, a, b), &msg::render::what_text(), span);
            }
            FrameItem::Shape(shape, span) => {
                let visible = shape.fill.is_some() || shape.stroke.is_some();
                if !visible {
                    return;
                }
                if let Some(fill) = &shape.fill {
                    self.rgb(fill, &msg::render::what_filled_area(), *span);
                }
                if let Some(stroke) = &shape.stroke {
                    self.rgb(&stroke.paint, &msg::render::what_line(), *span);
                    let scale = (ts.sx.get() * ts.sy.get() - ts.kx.get() * ts.ky.get())
                        .abs()
                        .sqrt();
                    let w = stroke.thickness.to_pt() * scale;
                    if w > 0.0 && w < MIN_RULE_MM * MM - 1e-6 {
                        let loc = self.location(*span);
                        self.push(
                            Diagnostic::warning,
                            loc,
                            msg::render::thin_line(format!("{:.2}", w / MM), MIN_RULE_MM),
                        );
                    }
                }
                let r = shape.bbox(shape.stroke.is_some());
                let what = if matches!(shape.geometry, Geometry::Line(_)) {
                    msg::render::what_line()
                } else {
                    msg::render::what_shape()
                };
                self.near_trim(bbox(ts, pos + r.min, pos + r.max), &what, *span);
            }
            FrameItem::Image(image, size, span) => {
                let b = bbox(ts, pos, pos + size.to_point());
                self.image(image, *size, ts, *span, b);
            }
            FrameItem::Link(..) | FrameItem::Tag(_) | FrameItem::Group(_) => {}
        });
    }

    fn image(
        &mut self,
        image: &typst::visualize::Image,
        size: typst::layout::Size,
        ts: Transform,
        span: Span,
        b: BBox,
    ) {
        let data: &[u8] = match image.kind() {
            ImageKind::Raster(r) => r.data(),
            ImageKind::Svg(s) => s.data(),
            ImageKind::Pdf(_) => &[],
        };
        let (name, loc) = match self.images.get(data) {
            Some((n, l)) => (n.clone(), l.clone()),
            None => (msg::render::what_image(), self.location(span)),
        };
        self.near_trim(b, &name, span);
        match image.kind() {
            ImageKind::Raster(raster) => {
                // Inches on the page along the image's own axes.
                let sx = (ts.sx.get().powi(2) + ts.ky.get().powi(2)).sqrt();
                let sy = (ts.kx.get().powi(2) + ts.sy.get().powi(2)).sqrt();
                let (w_in, h_in) = (size.x.to_pt() * sx / 72.0, size.y.to_pt() * sy / 72.0);
                if w_in <= 0.0 || h_in <= 0.0 {
                    return;
                }
                let ppi = (raster.width() as f64 / w_in).min(raster.height() as f64 / h_in);
                let placed = msg::render::placed_size(
                    format!("{:.0}", w_in * 25.4),
                    format!("{:.0}", h_in * 25.4),
                );
                if ppi < ERROR_PPI {
                    self.push(
                        Diagnostic::error,
                        loc.clone(),
                        msg::render::image_blurred(
                            &name,
                            format!("{ppi:.0}"),
                            &placed,
                            format!("{WARN_PPI:.0}"),
                            format!("{ERROR_PPI:.0}"),
                        ),
                    );
                } else if ppi < WARN_PPI {
                    self.push(
                        Diagnostic::warning,
                        loc.clone(),
                        msg::render::image_low_ppi(
                            &name,
                            format!("{ppi:.0}"),
                            &placed,
                            format!("{WARN_PPI:.0}"),
                        ),
                    );
                }
                let cmyk_or_grey = match raster.format() {
                    RasterFormat::Exchange(typst::visualize::ExchangeFormat::Jpg) => {
                        matches!(jpeg_components(data), Some(1 | 4))
                    }
                    _ => !raster.dynamic().color().has_color(),
                };
                if !cmyk_or_grey {
                    self.push(Diagnostic::note, loc, msg::render::rgb_image(&name));
                }
            }
            ImageKind::Svg(_) => self.push(Diagnostic::note, loc, msg::render::rgb_vector(&name)),
            ImageKind::Pdf(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::layout::Abs;

    #[test]
    fn jpeg_components_come_from_the_frame_header() {
        // SOI, an APP0 of 4 bytes, SOF0 with 3 components.
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00,
            0x10, 0x00, 0x10, 0x03, 0x01, 0x22, 0x00,
        ];
        assert_eq!(jpeg_components(&jpeg), Some(3));
        assert_eq!(jpeg_components(&[0xFF, 0xD8, 0x00]), None);
    }

    #[test]
    fn abs_is_points() {
        assert!((Abs::mm(1.0).to_pt() - MM).abs() < 1e-9);
    }
}

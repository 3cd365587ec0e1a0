//! Figures: images embedded as they are (JPEG stays JPEG), photo grids as a
//! borderless table with sub-captions, the SEQ-numbered caption below.

use super::Writer;
use super::fields::SeqKind;
use super::house::EMU_PER_TWIP;
use super::package::Media;
use super::xml::{RunFmt, attr, text_runs};
use crate::error::{Error, Result};
use crate::model::*;
use std::fmt::Write as _;

/// Where a picture sits.
pub enum Placement {
    /// In the line of text.
    Inline,
    /// Floating over the text, offset from the column's left edge and from
    /// the line (EMU); used for seal and signature scans.
    Over { dx: i64, dy: i64 },
}

impl Writer<'_> {
    /// The relationship id of an image, adding it to the package on first use.
    fn media_rel(&mut self, img: &Image) -> Result<String> {
        self.media_rel_with(img, None)
    }

    /// Like `media_rel`, with the bytes given (a rendered chart) instead of read.
    fn media_rel_with(&mut self, img: &Image, given: Option<Vec<u8>>) -> Result<String> {
        if let Some((_, m)) = self.media.get(&img.path) {
            return Ok(m.rel_id.clone());
        }
        let bytes = match given {
            Some(b) => b,
            None if img.orientation == 1 => img.data.to_vec(),
            None => upright(img, &img.data)?,
        };
        let n = self.media.len() + 1;
        let ext = match img.format {
            ImageFormat::Png => "png",
            ImageFormat::Jpeg => "jpeg",
        };
        let m = Media {
            rel_id: format!("rIdImg{n}"),
            name: format!("image{n}.{ext}"),
            bytes,
        };
        let id = m.rel_id.clone();
        self.media.insert(img.path.clone(), (n, m));
        Ok(id)
    }

    /// A run holding a picture `cx` × `cy` EMU.
    pub fn picture(&mut self, img: &Image, cx: u64, cy: u64, place: Placement) -> Result<String> {
        let rel = self.media_rel(img)?;
        let id = self.next_docpr;
        self.next_docpr += 1;
        let name = format!("图片 {id}");
        let graphic = format!(
            r#"<wp:docPr id="{id}" name="{name}" descr="{descr}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{id}" name="{name}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"#,
            descr = attr(&img.path)
        );
        let mut s = String::from("<w:r><w:drawing>");
        match place {
            Placement::Inline => {
                let _ = write!(
                    s,
                    r#"<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>{graphic}</wp:inline>"#
                );
            }
            Placement::Over { dx, dy } => {
                let _ = write!(
                    s,
                    r#"<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{id}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>{dx}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="line"><wp:posOffset>{dy}</wp:posOffset></wp:positionV><wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>{graphic}</wp:anchor>"#
                );
            }
        }
        s.push_str("</w:drawing></w:r>");
        Ok(s)
    }
}

/// Size of an image `width` twips wide, no taller than `max_h` twips, in EMU.
pub fn fit(img: &Image, width: u32, max_h: u32) -> (u64, u64) {
    let (pw, ph) = (img.width_px.max(1) as f64, img.height_px.max(1) as f64);
    let mut w = width as f64;
    let mut h = w * ph / pw;
    if h > max_h as f64 {
        h = max_h as f64;
        w = h * pw / ph;
    }
    ((w as u64) * EMU_PER_TWIP, (h as u64) * EMU_PER_TWIP)
}

/// The pixels of a photo stored sideways (EXIF orientation), turned upright:
/// Word and LibreOffice ignore the EXIF tag, which the PDF honours.
fn upright(img: &Image, bytes: &[u8]) -> Result<Vec<u8>> {
    let err =
        |e: image::ImageError| Error::at(&img.path, crate::i18n::msg::docx::cannot_turn_image(e));
    let mut pixels = image::load_from_memory(bytes).map_err(err)?;
    if let Some(o) = image::metadata::Orientation::from_exif(img.orientation) {
        pixels.apply_orientation(o);
    }
    let mut out = Vec::new();
    match img.format {
        ImageFormat::Jpeg => {
            let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92);
            pixels.to_rgb8().write_with_encoder(enc).map_err(err)?;
        }
        ImageFormat::Png => {
            pixels
                .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
                .map_err(err)?;
        }
    }
    Ok(out)
}

/// A numbered figure.
pub fn figure(w: &mut Writer, f: &Figure) -> Result<()> {
    let max_h = w.house.text_height() * 7 / 10;
    if let Some(chart) = &f.chart
        && w.doc.style.docx_native_charts
    {
        // Word's own chart, with its data (编辑数据).
        let width = (w.width as f64 * f.width.clamp(0.05, 1.0)) as u32;
        let (cx, cy) = super::chart::extent(width, max_h);
        let run = w.chart_run(chart, cx, cy)?;
        w.p("Figure", "", &run);
    } else if let Some(chart) = &f.chart {
        // The same drawing as the PDF's, as a 300 dpi picture.
        let (png, wpx, hpx) = crate::render::chart::png(chart, 300.0)
            .map_err(|e| Error::at(f.origin.to_string(), e))?;
        let img = Image {
            path: format!("chart-{}.png", w.media.len() + 1),
            caption: None,
            format: ImageFormat::Png,
            width_px: wpx,
            height_px: hpx,
            orientation: 1,
            data: std::sync::Arc::from(Vec::new()),
        };
        w.media_rel_with(&img, Some(png))?;
        let width = (w.width as f64 * f.width.clamp(0.05, 1.0)) as u32;
        let (cx, cy) = fit(&img, width, max_h);
        let run = w.picture(&img, cx, cy, Placement::Inline)?;
        w.p("Figure", "", &run);
    } else if f.images.len() == 1 {
        let width = (w.width as f64 * f.width.clamp(0.05, 1.0)) as u32;
        let (cx, cy) = fit(&f.images[0], width, max_h);
        let run = w.picture(&f.images[0], cx, cy, Placement::Inline)?;
        w.p("Figure", "", &run);
    } else {
        grid(w, f, max_h)?;
    }
    if f.num.number.is_none() && f.caption.is_empty() {
        // An unnumbered figure without a caption: the picture alone.
        return Ok(());
    }
    let c = w.numbered_caption(SeqKind::Figure, &f.num, &f.caption);
    w.p(SeqKind::Figure.caption_style(&f.num), "", &c);
    Ok(())
}

/// Photos in a borderless grid, each with its sub-caption.
fn grid(w: &mut Writer, f: &Figure, max_h: u32) -> Result<()> {
    let cols = f.columns.clamp(1, f.images.len().max(1));
    let total = w.width;
    let col_w = total / cols as u32;
    let gutter = w.house.char_width() * 2 / 5;
    let mut s = format!(
        r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{gutter}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="{gutter}" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>"#
    );
    for _ in 0..cols {
        let _ = write!(s, r#"<w:gridCol w:w="{col_w}"/>"#);
    }
    s.push_str("</w:tblGrid>");
    let img_w = col_w.saturating_sub(2 * gutter);
    let rows: Vec<&[Image]> = f.images.chunks(cols).collect();
    let last_row = rows.len() - 1;
    for (ri, row) in rows.into_iter().enumerate() {
        s.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        for i in 0..cols {
            // Photos of different shapes stand on one line: bottom-aligned,
            // with their captions on a common line (as in the PDF).
            let _ = write!(
                s,
                r#"<w:tc><w:tcPr><w:tcW w:w="{col_w}" w:type="dxa"/><w:vAlign w:val="bottom"/></w:tcPr>"#
            );
            // Keep the last row with the caption below.
            let keep = if ri == last_row { "<w:keepNext/>" } else { "" };
            match row.get(i) {
                Some(img) => {
                    let (cx, cy) = fit(img, img_w, max_h);
                    let run = w.picture(img, cx, cy, Placement::Inline)?;
                    let _ = write!(
                        s,
                        r#"<w:p><w:pPr><w:pStyle w:val="Figure"/>{keep}</w:pPr>{run}</w:p>"#
                    );
                    let mut c = String::new();
                    if let Some(cap) = &img.caption {
                        text_runs(&mut c, cap, &RunFmt::default());
                    }
                    let _ = write!(
                        s,
                        r#"<w:p><w:pPr><w:pStyle w:val="SubCaption"/>{keep}<w:spacing w:before="60" w:after="120" w:line="240" w:lineRule="auto"/></w:pPr>{c}</w:p>"#
                    );
                }
                None => {
                    let _ = write!(
                        s,
                        r#"<w:p><w:pPr><w:pStyle w:val="SubCaption"/>{keep}</w:pPr></w:p>"#
                    );
                }
            }
            s.push_str("</w:tc>");
        }
        s.push_str("</w:tr>");
    }
    s.push_str("</w:tbl>");
    w.table_xml(&s);
    Ok(())
}

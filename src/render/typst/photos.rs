//! Photos for the PDF at print resolution. A photo far sharper than print
//! needs at the widest it is placed (over [`DOWNSAMPLE_ABOVE_DPI`]) is
//! resized to [`TARGET_DPI`] there before Typst sees it: Typst decodes every
//! photo in full and the PDF carries every pixel, so a page of phone photos
//! otherwise costs seconds, hundreds of MB and a PDF too big to e-mail. A
//! photo at or below that resolution goes into the PDF as it is (a JPEG
//! unchanged, byte for byte). The DOCX always keeps the original file.

use crate::error::{Error, Result};
use crate::i18n::msg;
use crate::model::{Image, ImageFormat};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Above this resolution at the widest placed size, a photo is resized:
/// twice the print resolution, four times the pixels print needs. (At 450
/// dpi the bundled samples' 1600-pixel photos in two-column grids, 521 dpi,
/// were resized too: the city report took 0.6 s longer for 70 MB less
/// memory. A phone's 4000-pixel photo is over 600 dpi at any width.)
pub const DOWNSAMPLE_ABOVE_DPI: f64 = 600.0;
/// The resolution a resized photo gets at its widest placed size (print
/// shops ask for 300 dpi; never less).
pub const TARGET_DPI: f64 = 300.0;
/// JPEG quality of a resized photo (visually lossless in print).
const JPEG_QUALITY: u8 = 92;

/// Resized photos kept for the next build of a watch session, by path,
/// length and checksum of the original.
type Key = (String, usize, u32);
static RESIZED: Mutex<Option<HashMap<Key, Arc<[u8]>>>> = Mutex::new(None);
/// At most this many resized photos are kept (the cache is emptied beyond).
const KEEP: usize = 512;

/// The pixel width a photo shown `placed_mm` wide at most is resized to, or
/// `None` when it is not over [`DOWNSAMPLE_ABOVE_DPI`] there.
pub fn target_width(width_px: u32, placed_mm: f64) -> Option<u32> {
    let inches = placed_mm / 25.4;
    if inches <= 0.0 || f64::from(width_px) / inches <= DOWNSAMPLE_ABOVE_DPI {
        return None;
    }
    Some((TARGET_DPI * inches).ceil() as u32)
}

/// The bytes the PDF gets for `img`, shown at most `placed_mm` wide.
pub fn for_pdf(img: &Image, placed_mm: f64) -> Result<Arc<[u8]>> {
    let Some(width) = target_width(img.width_px, placed_mm) else {
        return Ok(img.data.clone());
    };
    let key = (img.path.clone(), img.data.len(), crc32fast::hash(&img.data));
    if let Some(hit) = lock().as_ref().and_then(|m| m.get(&key)) {
        return Ok(hit.clone());
    }
    let resized: Arc<[u8]> = resize(img, width)?.into();
    let mut cache = lock();
    let map = cache.get_or_insert_default();
    if map.len() >= KEEP {
        map.clear();
    }
    map.insert(key, resized.clone());
    Ok(resized)
}

fn lock() -> std::sync::MutexGuard<'static, Option<HashMap<Key, Arc<[u8]>>>> {
    RESIZED.lock().unwrap_or_else(|e| e.into_inner())
}

/// The photo upright (its EXIF orientation applied: the new file has none),
/// `width` pixels wide, in its own format, with its colour profile.
fn resize(img: &Image, width: u32) -> Result<Vec<u8>> {
    use image::{ImageDecoder, ImageEncoder};
    let failed = |e: image::ImageError| {
        Error::at(img.path.clone(), msg::load::image_undecodable(&img.path, e))
    };
    let format = match img.format {
        ImageFormat::Jpeg => image::ImageFormat::Jpeg,
        ImageFormat::Png => image::ImageFormat::Png,
    };
    let mut decoder = image::ImageReader::with_format(std::io::Cursor::new(&img.data[..]), format)
        .into_decoder()
        .map_err(failed)?;
    let icc = decoder.icc_profile().ok().flatten();
    let orientation = decoder.orientation().map_err(failed)?;
    let mut pixels = image::DynamicImage::from_decoder(decoder).map_err(failed)?;
    pixels.apply_orientation(orientation);
    let height = (u64::from(pixels.height()) * u64::from(width))
        .div_ceil(u64::from(pixels.width().max(1)))
        .max(1) as u32;
    let small = pixels.thumbnail_exact(width, height);
    let mut out = Vec::new();
    match img.format {
        ImageFormat::Jpeg => {
            // JPEG holds no alpha; a photo decoded as JPEG has none.
            let small = if small.color().has_color() {
                image::DynamicImage::ImageRgb8(small.to_rgb8())
            } else {
                image::DynamicImage::ImageLuma8(small.to_luma8())
            };
            let mut encoder =
                image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
            if let Some(icc) = icc {
                let _ = encoder.set_icc_profile(icc);
            }
            small.write_with_encoder(encoder).map_err(failed)?;
        }
        ImageFormat::Png => {
            let mut encoder = image::codecs::png::PngEncoder::new(&mut out);
            if let Some(icc) = icc {
                let _ = encoder.set_icc_profile(icc);
            }
            small.write_with_encoder(encoder).map_err(failed)?;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_photos_over_600_dpi_are_resized_and_never_below_300() {
        // 78 mm wide (two photos side by side on a 156 mm text).
        assert_eq!(target_width(1600, 78.0), None, "521 dpi stays");
        let w = target_width(4000, 78.0).expect("1303 dpi is resized");
        assert!(f64::from(w) / (78.0 / 25.4) >= TARGET_DPI);
        assert_eq!(w, 922);
        // A phone photo across the whole text: 651 dpi.
        assert_eq!(target_width(4000, 156.0), Some(1843));
        assert_eq!(target_width(4000, 0.0), None);
    }
}

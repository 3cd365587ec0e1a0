//! Images referenced by the project: read once from inside it, their headers
//! and structure checked (size, orientation, colour model, a damaged or cut
//! short file) without decoding the pixels, so that a broken file is caught
//! here, not in a backend; the bytes are kept for the backends.

use super::project::Project;
use crate::error::{Error, Result};
use crate::i18n::msg;
use crate::model::limits::MAX_IMAGE_PIXELS;
use crate::model::{Image, ImageFormat};

/// Loads and checks one image (JPEG or PNG).
pub fn load_image(project: &Project, rel: &str, location: &str) -> Result<Image> {
    let abs_path = project.resolve(rel, location)?;
    let bytes = std::fs::read(&abs_path).map_err(|e| {
        Error::at(
            location,
            msg::load::cannot_read(rel, super::explain::io(&e)),
        )
    })?;
    let format = match image::guess_format(&bytes) {
        Ok(image::ImageFormat::Png) => ImageFormat::Png,
        Ok(image::ImageFormat::Jpeg) => ImageFormat::Jpeg,
        Ok(other) => {
            return Err(Error::at(
                location,
                msg::load::image_format_unsupported(rel, format!("{other:?}")),
            ));
        }
        Err(_) => {
            return Err(Error::at(location, msg::load::not_an_image(rel)));
        }
    };
    let ext = rel.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    let ext_ok = match format {
        ImageFormat::Png => ext.as_deref() == Some("png"),
        ImageFormat::Jpeg => matches!(ext.as_deref(), Some("jpg" | "jpeg")),
    };
    if !ext_ok {
        let (kind, want) = match format {
            ImageFormat::Png => ("PNG", ".png"),
            ImageFormat::Jpeg => ("JPEG", ".jpg"),
        };
        return Err(Error::at(
            location,
            msg::load::image_wrong_extension(rel, kind, want),
        ));
    }
    if format == ImageFormat::Jpeg && jpeg_components(&bytes) == Some(4) {
        return Err(Error::at(location, msg::load::image_cmyk(rel)));
    }
    let fmt = match format {
        ImageFormat::Png => image::ImageFormat::Png,
        ImageFormat::Jpeg => image::ImageFormat::Jpeg,
    };
    let undecodable =
        |e: image::ImageError| Error::at(location, msg::load::image_undecodable(rel, e));
    // The header first: a few bytes can claim billions of pixels.
    let mut decoder = image::ImageReader::with_format(std::io::Cursor::new(&bytes), fmt)
        .into_decoder()
        .map_err(undecodable)?;
    let (w, h) = image::ImageDecoder::dimensions(&decoder);
    if u64::from(w) * u64::from(h) > MAX_IMAGE_PIXELS {
        return Err(Error::at(
            location,
            msg::load::image_too_large(rel, MAX_IMAGE_PIXELS / 1_000_000, w, h),
        ));
    }
    // A phone photo stored sideways with an EXIF orientation: both outputs
    // show it upright (Typst turns it itself; the DOCX writer turns the pixels).
    let orientation = image::ImageDecoder::orientation(&mut decoder)
        .map(|o| o.to_exif())
        .unwrap_or(1);
    // Only the structure is checked here (segments, chunks, checksums):
    // the pixels are decoded once, by the backend that needs them.
    if !intact(&bytes, format) {
        return Err(Error::at(location, msg::load::image_damaged(rel)));
    }
    drop(decoder);
    let turned = matches!(orientation, 5..=8);
    Ok(Image {
        path: rel.to_string(),
        caption: None,
        format,
        width_px: if turned { h } else { w },
        height_px: if turned { w } else { h },
        orientation,
        data: std::sync::Arc::from(bytes),
    })
}

/// Whether a JPEG or PNG file is whole: a JPEG's segments lead to its scan
/// and the scan ends; a PNG's chunks all check out and end with `IEND`.
fn intact(bytes: &[u8], format: ImageFormat) -> bool {
    match format {
        ImageFormat::Jpeg => jpeg_intact(bytes),
        ImageFormat::Png => png_intact(bytes),
    }
}

fn jpeg_intact(b: &[u8]) -> bool {
    let mut i = 2;
    while i + 4 <= b.len() {
        if b[i] != 0xFF {
            return false;
        }
        let marker = b[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        if marker == 0xDA {
            // The entropy-coded data, then the end-of-image marker.
            // Searched from the end, where it is (data may follow it).
            return b[i..].windows(2).rev().any(|w| w == [0xFF, 0xD9]);
        }
        if (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
            i += 2;
            continue;
        }
        i += 2 + usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
    }
    false
}

fn png_intact(b: &[u8]) -> bool {
    let mut i = 8;
    let mut seen_data = false;
    while i + 12 <= b.len() {
        let len = u32::from_be_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]) as usize;
        let Some(end) = (i + 8).checked_add(len).filter(|e| e + 4 <= b.len()) else {
            return false;
        };
        let kind = &b[i + 4..i + 8];
        let crc = u32::from_be_bytes([b[end], b[end + 1], b[end + 2], b[end + 3]]);
        if crc32fast::hash(&b[i + 4..end]) != crc {
            return false;
        }
        seen_data |= kind == b"IDAT";
        if kind == b"IEND" {
            return seen_data;
        }
        i = end + 4;
    }
    false
}

/// The number of colour components in a JPEG's frame header (1 grey, 3 RGB
/// or YCbCr, 4 CMYK or YCCK), or none if there is no frame header.
fn jpeg_components(bytes: &[u8]) -> Option<u8> {
    let mut i = 2;
    while i + 4 <= bytes.len() {
        if bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
        if (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker) {
            return bytes.get(i + 9).copied();
        }
        if marker == 0xDA {
            return None;
        }
        i += 2 + len;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jpeg_components_are_read_from_the_frame_header() {
        let mut img = image::RgbImage::new(4, 4);
        img.put_pixel(0, 0, image::Rgb([200, 10, 10]));
        let mut rgb = Vec::new();
        image::DynamicImage::ImageRgb8(img)
            .write_to(
                &mut std::io::Cursor::new(&mut rgb),
                image::ImageFormat::Jpeg,
            )
            .unwrap();
        assert_eq!(jpeg_components(&rgb), Some(3));
        let grey = image::GrayImage::new(4, 4);
        let mut g = Vec::new();
        image::DynamicImage::ImageLuma8(grey)
            .write_to(&mut std::io::Cursor::new(&mut g), image::ImageFormat::Jpeg)
            .unwrap();
        assert_eq!(jpeg_components(&g), Some(1));
    }
}

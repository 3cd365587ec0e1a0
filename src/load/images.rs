//! Images referenced by the project: read from inside it, fully decoded once
//! so that a broken file is caught here, not in a backend.

use super::project::Project;
use crate::error::{Error, Result};
use crate::model::limits::MAX_IMAGE_PIXELS;
use crate::model::{Image, ImageFormat};

/// Loads and checks one image (JPEG or PNG).
pub fn load_image(project: &Project, rel: &str, location: &str) -> Result<Image> {
    let abs_path = project.resolve(rel, location)?;
    let bytes = std::fs::read(&abs_path)
        .map_err(|e| Error::at(location, format!("\"{rel}\": cannot read: {e}")))?;
    let format = match image::guess_format(&bytes) {
        Ok(image::ImageFormat::Png) => ImageFormat::Png,
        Ok(image::ImageFormat::Jpeg) => ImageFormat::Jpeg,
        Ok(other) => {
            return Err(Error::at(
                location,
                format!("\"{rel}\": {other:?} images are not supported; expected JPEG or PNG"),
            ));
        }
        Err(_) => {
            return Err(Error::at(
                location,
                format!("\"{rel}\": not an image (expected JPEG or PNG)"),
            ));
        }
    };
    // The header first: a few bytes can claim billions of pixels.
    let (w, h) = image::ImageReader::with_format(
        std::io::Cursor::new(&bytes),
        match format {
            ImageFormat::Png => image::ImageFormat::Png,
            ImageFormat::Jpeg => image::ImageFormat::Jpeg,
        },
    )
    .into_dimensions()
    .map_err(|e| {
        Error::at(
            location,
            format!("\"{rel}\": the image cannot be decoded: {e}"),
        )
    })?;
    if u64::from(w) * u64::from(h) > MAX_IMAGE_PIXELS {
        return Err(Error::at(
            location,
            format!(
                "\"{rel}\": expected an image of at most {} megapixels, found {w} × {h} px",
                MAX_IMAGE_PIXELS / 1_000_000
            ),
        ));
    }
    let decoded = image::load_from_memory(&bytes).map_err(|e| {
        Error::at(
            location,
            format!("\"{rel}\": the image cannot be decoded: {e}"),
        )
    })?;
    Ok(Image {
        path: rel.to_string(),
        abs_path,
        caption: None,
        format,
        width_px: decoded.width(),
        height_px: decoded.height(),
    })
}

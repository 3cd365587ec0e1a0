//! Photos far sharper than print needs are resized for the PDF (upright,
//! 300 dpi at the widest they are shown); others pass through unchanged;
//! the DOCX keeps every original.

mod common;

use common::*;
use nianbao::model::Block;
use nianbao::render::typst::photos::target_width;

/// A JPEG `w` × `h` px; with `sideways`, its EXIF says "turn 90° clockwise
/// to show" (orientation 6).
fn jpeg(w: u32, h: u32, sideways: bool) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x / 16) as u8, (y / 16) as u8, 160])
    });
    let mut jpeg = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(
            &mut std::io::Cursor::new(&mut jpeg),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    if !sideways {
        return jpeg;
    }
    // APP1 Exif: big-endian TIFF header, one IFD entry 0x0112 (Orientation) = 6.
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    tiff.extend([0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]);
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend(tiff);
    let len = (app1.len() + 2) as u16;
    let mut out = jpeg[..2].to_vec();
    out.extend([0xFF, 0xE1]);
    out.extend(len.to_be_bytes());
    out.extend(app1);
    out.extend(&jpeg[2..]);
    out
}

/// (width, height, stream bytes) of every JPEG image in a PDF.
fn pdf_jpegs(pdf: &[u8]) -> Vec<(i64, i64, Vec<u8>)> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Subtype").and_then(|v| v.as_name()).ok() == Some(b"Image".as_slice())
                && s.dict.get(b"Filter").and_then(|v| v.as_name()).ok()
                    == Some(b"DCTDecode".as_slice())
        })
        .map(|s| {
            let n = |k: &[u8]| s.dict.get(k).unwrap().as_i64().unwrap();
            (n(b"Width"), n(b"Height"), s.content.clone())
        })
        .collect()
}

/// The widest the fixture's photo is shown, in mm.
fn placed_mm(checked: &nianbao::Checked) -> f64 {
    let doc = &checked.document;
    let f = doc
        .chapters
        .iter()
        .flat_map(|c| &c.blocks)
        .find_map(|b| match b {
            Block::Figure(f) if !f.images.is_empty() => Some(f),
            _ => None,
        });
    f.unwrap().image_width_mm(doc.house.text_width_mm())
}

/// The DOCX's one JPEG.
fn docx_jpeg(docx: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let names: Vec<String> = zip.file_names().map(String::from).collect();
    let media = names
        .iter()
        .find(|n| n.starts_with("word/media/") && n.ends_with(".jpeg"))
        .unwrap();
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name(media).unwrap(), &mut bytes).unwrap();
    bytes
}

#[test]
fn a_sideways_phone_photo_is_resized_upright_for_the_pdf() {
    let dir = temp_copy(&root().join("tests/fixtures/minimal"), "photos");
    // 8000 × 4000 stored, 4000 × 8000 shown.
    let original = jpeg(8000, 4000, true);
    std::fs::write(dir.join("images/photo.jpg"), &original).unwrap();
    let (checked, pdf) = build(&dir);
    let mm = placed_mm(&checked);
    let want = target_width(4000, mm).expect("far over print resolution");
    let jpegs = pdf_jpegs(&pdf);
    assert_eq!(
        jpegs.len(),
        1,
        "{:?}",
        jpegs.iter().map(|j| (j.0, j.1)).collect::<Vec<_>>()
    );
    let (w, h, bytes) = &jpegs[0];
    assert_eq!(*w, i64::from(want), "300 dpi at {mm:.0} mm");
    assert_eq!(*h, 2 * *w, "upright: twice as tall as wide");
    assert!(bytes.len() < original.len(), "{} bytes", bytes.len());
    let decoded = image::load_from_memory(bytes).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (want, 2 * want));
}

#[test]
fn photos_at_print_resolution_pass_through_and_the_docx_keeps_originals() {
    let dir = temp_copy(&root().join("tests/fixtures/minimal"), "photos");
    // 1200 px across at most the text width: under 300 dpi, kept as it is.
    let small = jpeg(1200, 800, false);
    std::fs::write(dir.join("images/photo.jpg"), &small).unwrap();
    let (checked, pdf) = build(&dir);
    assert_eq!(target_width(1200, placed_mm(&checked)), None);
    let jpegs = pdf_jpegs(&pdf);
    assert_eq!(jpegs.len(), 1);
    assert!(jpegs[0].2 == small, "the JPEG is embedded byte for byte");

    // A big upright photo: resized in the PDF, the original in the DOCX.
    let big = jpeg(6000, 4000, false);
    std::fs::write(dir.join("images/photo.jpg"), &big).unwrap();
    let (checked, pdf) = build(&dir);
    assert!(pdf_jpegs(&pdf)[0].0 < 6000);
    let docx = nianbao::build_docx(&checked).unwrap();
    assert!(docx_jpeg(&docx) == big, "the DOCX has the original photo");
}

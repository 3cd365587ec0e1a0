//! A watch session reads again only the chapters whose text, data or
//! looked-up files changed; nothing it keeps is ever stale.

mod common;

use common::*;
use nianbao::model::Block;
use nianbao::watch::{WatchOptions, Watcher};

fn photo_width(checked: &nianbao::Checked) -> Option<u32> {
    checked
        .document
        .chapters
        .iter()
        .flat_map(|c| &c.blocks)
        .find_map(|b| match b {
            Block::Figure(f) => f.images.first().map(|i| i.width_px),
            _ => None,
        })
}

fn jpeg(w: u32, h: u32) -> Vec<u8> {
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(image::RgbImage::from_pixel(
        w,
        h,
        image::Rgb([90, 120, 150]),
    ))
    .write_to(
        &mut std::io::Cursor::new(&mut out),
        image::ImageFormat::Jpeg,
    )
    .unwrap();
    out
}

#[test]
fn only_changed_chapters_are_read_again_and_none_stays_stale() {
    let dir = temp_copy(&root().join("tests/fixtures/minimal"), "watch-cache");
    let mut w = Watcher::new(
        &dir,
        WatchOptions {
            out: dir.join("out"),
            pdf: true,
            docx: false,
            allow_errors: false,
            settings: Default::default(),
            fonts: fonts(),
        },
    )
    .unwrap();
    let text =
        |built: &nianbao::watch::Built| compact(&pages_text(built.pdf.as_ref().unwrap()).concat());
    let built = w.compile().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(w.chapters().reads(), 2);
    let first_width = photo_width(&built.checked);

    // Nothing changed: nothing read.
    w.compile().unwrap();
    assert_eq!(w.chapters().reads(), 2);

    // The second chapter edited: only it is read.
    edit(&dir, "chapters/02.md", |s| {
        format!("{s}\n缓存测试新增的一段。\n")
    });
    let built = w.compile().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(w.chapters().reads(), 3);
    assert!(text(&built).contains("缓存测试新增的一段"));

    // The first chapter's photo replaced (its text unchanged): read again.
    std::fs::write(dir.join("images/photo.jpg"), jpeg(640, 480)).unwrap();
    let built = w.compile().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(w.chapters().reads(), 4);
    assert_eq!(photo_width(&built.checked), Some(640));
    assert_ne!(first_width, Some(640));

    // The data changed: every chapter is filled in again.
    edit(&dir, "data/totals.json", |s| {
        s.replacen("\"students\": ", "\"students\": 1", 1)
    });
    let built = w.compile().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(w.chapters().reads(), 6);
    let students = built.checked.document.data.context["totals"]["students"].to_string();
    assert!(
        students.starts_with('1') && text(&built).contains(&students),
        "{students}"
    );

    // The photo gone: the error is reported, not hidden by the cache.
    std::fs::remove_file(dir.join("images/photo.jpg")).unwrap();
    let err = w.compile().err().expect("a missing photo is an error");
    assert!(err.to_string().contains("photo.jpg"), "{err}");
}

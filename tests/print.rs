//! The print shop's PDF (`--for-print`): bleed and page boxes, crop marks
//! with the BleedBox, determinism, the archive PDF left as it was, and the
//! print preflight on a fixture with faulty images and on the samples.
//! (`qpdf --check` on these files runs in `tools/verify-print.sh`.)

mod common;

use common::{fonts, pdfgeom, root, temp_copy};
use lopdf::{Document, Object, ObjectId};
use nianbao::error::{Diagnostic, Severity};
use nianbao::render::typst::{PdfSettings, PdfTarget};

const MM: f64 = 72.0 / 25.4;
const A4: (f64, f64) = (210.0 * MM, 297.0 * MM);

fn settings(target: PdfTarget, crop_marks: bool) -> PdfSettings {
    PdfSettings {
        target,
        pad_to: 1,
        crop_marks,
        ..Default::default()
    }
}

fn build(dir: &std::path::Path, s: PdfSettings) -> nianbao::CheckedPdf {
    let checked = nianbao::check(dir).unwrap_or_else(|e| panic!("check failed:\n{e}"));
    nianbao::build_pdf_checked(&checked, fonts(), s).unwrap_or_else(|e| panic!("build:\n{e}"))
}

fn page_box(doc: &Document, page: ObjectId, name: &[u8]) -> Option<[f64; 4]> {
    let o = doc.get_dictionary(page).ok()?.get(name).ok()?;
    let a = o.as_array().ok()?;
    let n = |o: &Object| match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => *r as f64,
        _ => f64::NAN,
    };
    Some([n(&a[0]), n(&a[1]), n(&a[2]), n(&a[3])])
}

/// A4 in the page's orientation (a landscape table's page is turned).
fn a4(media: [f64; 4]) -> (f64, f64) {
    if media[2] - media[0] > media[3] - media[1] {
        (A4.1, A4.0)
    } else {
        A4
    }
}

fn close(a: [f64; 4], b: [f64; 4]) -> bool {
    a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.05)
}

fn print_fixture() -> std::path::PathBuf {
    root().join("tests/fixtures/print")
}

#[test]
fn print_pdf_has_3mm_bleed_and_the_a4_trim_box_on_every_page() {
    let built = build(&print_fixture(), settings(PdfTarget::Print, false));
    let doc = Document::load_mem(&built.pdf).unwrap();
    let b = 3.0 * MM;
    let pages = doc.get_pages();
    assert!(pages.len() >= 4);
    for (n, id) in pages {
        let media = page_box(&doc, id, b"MediaBox").unwrap();
        let trim = page_box(&doc, id, b"TrimBox").unwrap_or_else(|| panic!("page {n}: no TrimBox"));
        let a4 = a4(media);
        assert!(
            close(media, [0.0, 0.0, a4.0 + 2.0 * b, a4.1 + 2.0 * b]),
            "page {n}: MediaBox {media:?}"
        );
        assert!(
            close(trim, [b, b, b + a4.0, b + a4.1]),
            "page {n}: TrimBox {trim:?}"
        );
        // No marks: the BleedBox defaults to the MediaBox, which is right.
        assert!(page_box(&doc, id, b"BleedBox").is_none());
    }
    // The margins are those of the trimmed page: the body text starts as far
    // from the trim as in the archive PDF from the page edge.
    let archive = build(&print_fixture(), settings(PdfTarget::Archive, false));
    let first_line = |pdf: &[u8], shift: f64| {
        let geom = common::pdfgeom::pages(pdf);
        let g = geom
            .iter()
            .find_map(|p| p.glyphs.iter().find(|g| g.text == "本"))
            .expect("the chapter's first paragraph");
        (g.x0 - shift, g.y0 - shift)
    };
    let (px, py) = first_line(&built.pdf, b);
    let (ax, ay) = first_line(&archive.pdf, 0.0);
    assert!(
        (px - ax).abs() < 0.1 && (py - ay).abs() < 0.1,
        "print ({px}, {py}) vs archive ({ax}, {ay})"
    );
}

/// The placed boxes (x0, y0, x1, y1, PDF user space) of the images drawn on
/// a page's content stream (not inside form XObjects).
fn image_boxes(doc: &Document, page: ObjectId) -> Vec<[f64; 4]> {
    let content = doc.get_and_decode_page_content(page).unwrap();
    let (own, inherited) = doc.get_page_resources(page).unwrap();
    let dict = match own {
        Some(d) => d.clone(),
        None => doc.get_dictionary(inherited[0]).unwrap().clone(),
    };
    let mut xobjects = Vec::new();
    if let Ok(x) = dict.get(b"XObject") {
        let x = match x {
            Object::Reference(r) => doc.get_dictionary(*r).unwrap().clone(),
            o => o.as_dict().unwrap().clone(),
        };
        for (name, o) in x.iter() {
            let id = o.as_reference().unwrap();
            let is_image = doc
                .get_object(id)
                .and_then(Object::as_stream)
                .map(|s| s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Image"))
                .unwrap_or(false);
            if is_image {
                xobjects.push(name.clone());
            }
        }
    }
    let mut stack = vec![pdfgeom::ID];
    let mut out = Vec::new();
    for op in content.operations {
        match op.operator.as_str() {
            "q" => stack.push(*stack.last().unwrap()),
            "Q" => {
                stack.pop();
            }
            "cm" => {
                let c = *stack.last().unwrap();
                *stack.last_mut().unwrap() = pdfgeom::mul(&pdfgeom::matrix(&op.operands), &c);
            }
            "Do" => {
                let name = op.operands[0].as_name().unwrap().to_vec();
                if xobjects.contains(&name) {
                    let c = *stack.last().unwrap();
                    let xs = [c[4], c[4] + c[0], c[4] + c[2], c[4] + c[0] + c[2]];
                    let ys = [c[5], c[5] + c[1], c[5] + c[3], c[5] + c[1] + c[3]];
                    let min = |v: [f64; 4]| v.into_iter().fold(f64::INFINITY, f64::min);
                    let max = |v: [f64; 4]| v.into_iter().fold(f64::NEG_INFINITY, f64::max);
                    out.push([min(xs), min(ys), max(xs), max(ys)]);
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn the_full_bleed_cover_photo_reaches_the_bleed_edge() {
    let built = build(&print_fixture(), settings(PdfTarget::Print, false));
    let doc = Document::load_mem(&built.pdf).unwrap();
    let cover = doc.get_pages()[&1];
    let media = page_box(&doc, cover, b"MediaBox").unwrap();
    let boxes = image_boxes(&doc, cover);
    assert_eq!(boxes.len(), 1, "{boxes:?}");
    let photo = boxes[0];
    assert!(
        photo[0] <= media[0] + 0.05 && photo[2] >= media[2] - 0.05,
        "the photo {photo:?} stops short of the bleed edge of {media:?}"
    );
    // A sheet with crop marks: the photo stops at the bleed (3 mm beyond
    // the trim), the marks lie outside it, and the BleedBox says so.
    let marked = build(&print_fixture(), settings(PdfTarget::Print, true));
    let doc = Document::load_mem(&marked.pdf).unwrap();
    let cover = doc.get_pages()[&1];
    let trim = page_box(&doc, cover, b"TrimBox").unwrap();
    let bleed = page_box(&doc, cover, b"BleedBox").unwrap();
    let photo = image_boxes(&doc, cover)[0];
    assert!(
        (photo[0] - bleed[0]).abs() < 0.1 && (photo[2] - bleed[2]).abs() < 0.1,
        "photo {photo:?}, BleedBox {bleed:?}"
    );
    assert!((trim[0] - bleed[0] - 3.0 * MM).abs() < 0.05);
}

#[test]
fn crop_marks_sit_outside_the_bleed_and_the_bleed_box_is_an_incremental_update() {
    let plain = build(&print_fixture(), settings(PdfTarget::Print, false)).pdf;
    let marked = build(&print_fixture(), settings(PdfTarget::Print, true)).pdf;
    let doc = Document::load_mem(&marked).unwrap();
    let (b, e) = (3.0 * MM, 10.0 * MM);
    for (n, id) in doc.get_pages() {
        let media = page_box(&doc, id, b"MediaBox").unwrap();
        let trim = page_box(&doc, id, b"TrimBox").unwrap();
        let a4 = a4(media);
        let bleed = page_box(&doc, id, b"BleedBox").unwrap_or_else(|| panic!("page {n}"));
        assert!(
            close(media, [0.0, 0.0, a4.0 + 2.0 * e, a4.1 + 2.0 * e]),
            "{media:?}"
        );
        assert!(close(trim, [e, e, e + a4.0, e + a4.1]), "{trim:?}");
        assert!(
            close(bleed, [e - b, e - b, e + a4.0 + b, e + a4.1 + b]),
            "{bleed:?}"
        );
        // The marks: short straight rules in the slug only.
        let geom = &common::pdfgeom::pages(&marked)[n as usize - 1];
        let outside_x = |from: f64, to: f64| to <= bleed[0] + 0.01 || from >= bleed[2] - 0.01;
        let outside_y = |from: f64, to: f64| to <= bleed[1] + 0.01 || from >= bleed[3] - 0.01;
        let marks = geom
            .hrules
            .iter()
            .filter(|r| outside_x(r.from, r.to))
            .count()
            + geom
                .vrules
                .iter()
                .filter(|r| outside_y(r.from, r.to))
                .count();
        assert_eq!(marks, 8, "page {n}: {marks} marks");
    }
    // The update appends to Typst's file (its bytes stay as they were) and
    // keeps the file's /ID.
    let original = {
        let at = marked
            .windows(5)
            .position(|w| w == b"%%EOF")
            .expect("Typst's end of file");
        &marked[..at + 5]
    };
    let reread = Document::load_mem(original).unwrap();
    assert!(reread.trailer.get(b"ID").is_ok());
    assert_eq!(
        reread.trailer.get(b"ID").unwrap(),
        doc.trailer.get(b"ID").unwrap()
    );
    let update = String::from_utf8_lossy(&marked[original.len()..]);
    assert!(
        update.contains("/Prev") && update.contains("/BleedBox") && update.contains("xref"),
        "not an incremental update: {update}"
    );
    // Typst's part is the file without marks but for the page size.
    assert!(plain.ends_with(b"%%EOF") || plain.ends_with(b"%%EOF\n"));
}

#[test]
fn print_builds_are_deterministic() {
    for marks in [false, true] {
        let a = build(&print_fixture(), settings(PdfTarget::Print, marks)).pdf;
        let b = build(&print_fixture(), settings(PdfTarget::Print, marks)).pdf;
        assert!(a == b, "two print builds (crop marks: {marks}) differ");
    }
}

/// The archive PDF is exactly what it was before the print profile existed:
/// the built-in templates against a copy whose print additions are taken out
/// (the bleed and crop-mark rules, the CMYK conversion of house colours).
#[test]
fn archive_pdf_is_unchanged_by_the_print_profile() {
    for fixture in ["tests/fixtures/minimal", "tests/fixtures/print"] {
        let dir = root().join(fixture);
        let now = build(&dir, PdfSettings::default()).pdf;
        let copy = temp_copy(&dir, "archive");
        let typst = copy.join("templates/typst");
        std::fs::create_dir_all(&typst).unwrap();
        let lib = nianbao::render::typst::TEMPLATES
            .iter()
            .find(|(n, _)| *n == "nianbao.typ")
            .unwrap()
            .1;
        let stripped: String = lib
            .lines()
            .filter(|l| !l.contains("set page(bleed:") && !l.contains("set page(foreground:"))
            .map(|l| format!("{l}\n"))
            .collect();
        assert!(stripped.len() < lib.len());
        std::fs::write(typst.join("nianbao.typ"), stripped).unwrap();
        let fonts_typ = nianbao::render::typst::TEMPLATES
            .iter()
            .find(|(n, _)| *n == "fonts.typ")
            .unwrap()
            .1;
        let plain_ink: String = fonts_typ
            .lines()
            .map(|l| {
                if l.starts_with("#let nb-ink(c)") {
                    "#let nb-ink(c) = c\n".to_string()
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        std::fs::write(typst.join("fonts.typ"), plain_ink).unwrap();
        let before = build(&copy, PdfSettings::default()).pdf;
        assert!(now == before, "{fixture}: the archive PDF changed");
        let doc = Document::load_mem(&now).unwrap();
        for id in doc.get_pages().values() {
            assert!(page_box(&doc, *id, b"TrimBox").is_none());
            let media = page_box(&doc, *id, b"MediaBox").unwrap();
            let a4 = a4(media);
            assert!(close(media, [0.0, 0.0, a4.0, a4.1]), "{media:?}");
        }
        // The print settings without the print target change nothing.
        let with_marks = build(&dir, settings(PdfTarget::Archive, true)).pdf;
        assert!(with_marks == now);
    }
}

fn describe(found: &[Diagnostic]) -> String {
    found.iter().map(|d| format!("{d}\n")).collect::<String>()
}

#[test]
fn preflight_names_low_resolution_images_and_rgb_content_with_file_line_and_page() {
    let dir = print_fixture();
    let checked = nianbao::check(&dir).unwrap();
    let (_, found) = nianbao::check_print(&checked, fonts(), false).unwrap();
    let all = describe(&found);
    let has = |sev: Severity, loc: &str, text: &str| {
        found
            .iter()
            .any(|d| d.severity == sev && d.location == loc && d.message.contains(text))
    };
    // 590 px across 125 mm: 120 ppi, an error.
    assert!(
        has(
            Severity::Error,
            "chapters/01.md:5",
            "page 7: images/low-120.jpg is 120 ppi"
        ),
        "{all}"
    );
    // 1000 px: 203 ppi at 125 mm, a warning; still under 300 ppi if the
    // photo is shrunk to fit the page (to 3/4 at most, `nb-fit`).
    assert!(
        found.iter().any(|d| d.severity == Severity::Warning
            && d.location == "chapters/01.md:9"
            && d.message.contains(": images/low-200.jpg is 2")
            && d.message.contains(" ppi at its placed size")),
        "{all}"
    );
    // RGB: the photos and the chart's colours.
    assert!(
        has(Severity::Note, "chapters/01.md:13", "page 8: the chart 图")
            && has(
                Severity::Note,
                "chapters/01.md:13",
                "1-3 is vector graphics in RGB"
            ),
        "{all}"
    );
    assert!(
        has(
            Severity::Note,
            "report.json: cover.image",
            "page 1: images/cover.jpg is an RGB image"
        ),
        "{all}"
    );
    // Nothing else: the cover photo (2700 px over 216 mm, 317 ppi) bleeds
    // and is sharp enough; no small type, hairlines or text near the trim.
    let errors_and_warnings = found
        .iter()
        .filter(|d| d.severity != Severity::Note)
        .count();
    assert_eq!(errors_and_warnings, 2, "{all}");
    let notes = found
        .iter()
        .filter(|d| d.severity == Severity::Note)
        .count();
    assert_eq!(notes, 4, "{all}");
}

#[test]
fn preflight_agrees_with_the_written_pdf() {
    // The resolution the preflight computed from the frames equals the one
    // read from the PDF: the image's pixels over its placed box.
    let built = build(&print_fixture(), settings(PdfTarget::Print, false));
    let doc = Document::load_mem(&built.pdf).unwrap();
    let page = doc.get_pages()[&7];
    // The 590-px photo; the page may hold the next photo too.
    let boxes = image_boxes(&doc, page);
    let ppis: Vec<f64> = boxes
        .iter()
        .map(|b| 590.0 / ((b[2] - b[0]) / 72.0))
        .collect();
    let ppi = ppis
        .iter()
        .copied()
        .find(|p| (p - 120.0).abs() < 1.0)
        .unwrap_or_else(|| panic!("no 120-ppi photo on page 7: {ppis:?}"));
    assert!(
        built
            .preflight
            .iter()
            .any(|d| d.message.contains(&format!("{ppi:.0} ppi"))),
        "{}",
        describe(&built.preflight)
    );
    // Fonts: all embedded (the preflight's PDF check says nothing).
    assert!(!built.preflight.iter().any(|d| d.message.contains("font")));
    for obj in doc.objects.values() {
        if let Ok(d) = obj.as_dict()
            && d.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor")
        {
            assert!(d.has(b"FontFile2") || d.has(b"FontFile3") || d.has(b"FontFile"));
        }
    }
}

#[test]
fn preflight_finds_nothing_wrong_with_the_samples() {
    for sample in ["samples/yunchuan-school", "samples/yunchuan-city"] {
        let checked = nianbao::check(&root().join(sample)).unwrap();
        let (_, found) = nianbao::check_print(&checked, fonts(), false).unwrap();
        let bad: Vec<_> = found
            .iter()
            .filter(|d| d.severity != Severity::Note)
            .collect();
        assert!(bad.is_empty(), "{sample}:\n{}", describe(&found));
        // What is listed is RGB content only: the photos and the charts.
        for d in &found {
            assert!(
                d.message.contains("RGB image") || d.message.contains("vector graphics in RGB"),
                "{sample}: {d}"
            );
        }
    }
}

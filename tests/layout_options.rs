//! The layout settings change the real PDF: heading and numbering schemes,
//! house style, unnumbered front matter, landscape tables.

mod common;

use common::*;

#[test]
fn chinese_numbering_gongwen_headings_report_style_and_landscape() {
    let dir = temp_copy(&root().join("tests/fixtures/minimal"), "options");
    let report = std::fs::read_to_string(dir.join("report.json")).unwrap().replace(
        "\"style\": { \"house\": \"gongwen\", \"headings\": \"decimal\", \"numbering\": \"chapter\" }",
        "\"style\": { \"house\": \"report\", \"headings\": \"gongwen\", \"numbering\": \"chinese\", \
         \"front_matter_numbering\": \"none\", \"running_header\": \"样例市年报页眉\" }",
    );
    std::fs::write(dir.join("report.json"), report).unwrap();
    let mut ch = std::fs::read_to_string(dir.join("chapters/02.md")).unwrap();
    ch.push_str(
        "\n::: {.table #tbl-wide caption=\"横排宽表\" landscape=true size=small}\n\
         | 学校 | 甲 | 乙 | 丙 | 丁 | 戊 | 己 | 庚 | 辛 |\n\
         |---|---|---|---|---|---|---|---|---|\n\
         | 人数 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 |\n:::\n",
    );
    std::fs::write(dir.join("chapters/02.md"), ch).unwrap();

    let (_, pdf) = build(&dir);
    let pages = pages_text(&pdf);
    let text = compact(&pages.join(""));
    for s in [
        "一、人才培养",
        "（一）培养规模",
        "表一各学校在校生规模",
        "图一实训现场",
        "案例一以赛促学",
        "表二横排宽表",
        "见表一",
    ] {
        assert!(text.contains(s), "missing “{s}”");
    }
    assert!(text.contains("样例市年报页眉"), "running header");
    // Front matter unnumbered: no roman page numbers anywhere.
    assert!(
        pages
            .iter()
            .all(|p| !matches!(footer_number(p).as_deref(), Some("I" | "II" | "III")))
    );
    let sizes = page_sizes(&pdf);
    assert!(sizes.iter().any(|&(w, h)| w > h), "no landscape page");
    assert!(sizes.iter().filter(|&&(w, h)| w < h).count() >= 5);
}

fn content_streams(pdf: &[u8]) -> Vec<String> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter_map(|s| s.decompressed_content().ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect()
}

#[test]
fn print_shop_pdf_has_pure_k_text_and_archive_pdf_is_pdf_a() {
    let dir = root().join("tests/fixtures/minimal");
    let checked = nianbao::check(&dir).unwrap();
    let (print, _) = nianbao::build_pdf_for(
        &checked,
        fonts(),
        nianbao::render::typst::PdfSettings {
            target: nianbao::render::typst::PdfTarget::Print,
            pad_to: 1,
            ..Default::default()
        },
    )
    .unwrap();
    let streams = content_streams(&print);
    assert!(
        streams.iter().any(|s| s.contains("0 0 0 1 k")),
        "no pure-K fill"
    );
    assert!(
        !streams.iter().any(|s| s.contains("0 0 0 rg")),
        "RGB black left in the print PDF"
    );
    let (archive, _) = nianbao::build_pdf(&checked, fonts()).unwrap();
    let text = String::from_utf8_lossy(&archive);
    assert!(
        text.contains("pdfaid:part")
            || content_streams(&archive)
                .iter()
                .any(|s| s.contains("pdfaid:part")),
        "no PDF/A identification"
    );
}

#[test]
fn seal_and_signature_scans_are_placed_in_both_outputs() {
    let dir = temp_copy(&root().join("tests/fixtures/minimal"), "seal");
    let report = std::fs::read_to_string(dir.join("report.json")).unwrap().replace(
        "\"preface\":",
        "\"declaration\": { \"representative\": \"张三\", \"seal_image\": \"images/seal.png\", \"signature_image\": \"images/signature.png\" }, \"preface\":",
    );
    std::fs::write(dir.join("report.json"), report).unwrap();
    let (checked, pdf) = build(&dir);
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let images = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| {
            s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Image".as_slice())
        })
        .filter(|s| {
            s.dict.get(b"SMask").is_ok()
                || s.dict.get(b"ColorSpace").and_then(|c| c.as_name()).ok()
                    != Some(b"DeviceGray".as_slice())
        })
        .count();
    // The photo, the seal and the signature (the scans' alpha masks aside).
    assert!(images >= 3, "{images} images in the PDF");
    assert!(compact(&pages_text(&pdf)[1]).contains("张三"));
    let docx = nianbao::build_docx(&checked).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let media = (0..zip.len())
        .filter(|&i| zip.by_index(i).unwrap().name().starts_with("word/media/"))
        .count();
    assert!(
        media >= 3,
        "DOCX holds {media} images (photo, seal, signature)"
    );
}

#[test]
fn pdf_pads_to_a_multiple_of_four_pages_with_blank_pages() {
    let dir = root().join("tests/fixtures/minimal");
    let checked = nianbao::check(&dir).unwrap();
    let (plain, _) = nianbao::build_pdf(&checked, fonts()).unwrap();
    let settings = nianbao::render::typst::PdfSettings {
        pad_to: 4,
        ..Default::default()
    };
    let (padded, _) = nianbao::build_pdf_for(&checked, fonts(), settings).unwrap();
    let (before, after) = (pages_text(&plain), pages_text(&padded));
    assert_eq!(after.len() % 4, 0, "{} pages", after.len());
    assert!(after.len() >= before.len() && after.len() < before.len() + 4);
    assert_ne!(
        before.len() % 4,
        0,
        "the fixture must need padding for this test to mean anything"
    );
    for p in &after[before.len()..] {
        assert!(p.trim().is_empty(), "a padding page shows “{p}”");
    }
    assert_eq!(
        after[..before.len()],
        before[..],
        "padding changed the pages before it"
    );
}

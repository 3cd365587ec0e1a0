//! Hostile and careless input (issue 10): nothing the user writes becomes
//! Typst code, no read or write leaves the project, nothing panics or runs
//! away, and a failed build writes no output at all.

mod common;

use common::*;
use std::io::Write;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    temp_copy(&root().join("tests/fixtures/minimal"), "hostile")
}

/// Builds the PDF and the DOCX into `dir/out`; returns (success, stderr).
fn build_all(dir: &Path) -> (bool, String) {
    let o = nianbao_build(dir, &[]);
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(!err.contains("panicked"), "panic: {err}");
    (o.status.success(), err)
}

fn outputs(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir.join("out"))
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default()
}

/// The build fails with every needle in its message and writes nothing.
fn expect_error(dir: &Path, needles: &[&str]) {
    let (ok, err) = build_all(dir);
    assert!(!ok, "build succeeded; stderr: {err}");
    for n in needles {
        assert!(err.contains(n), "expected “{n}” in:\n{err}");
    }
    let written: Vec<_> = outputs(dir).into_iter().filter(|p| p.is_file()).collect();
    assert!(written.is_empty(), "files written: {written:?}");
}

/// Every page of the PDF is A4 (an injected `#set page` would change that).
fn assert_all_a4(pdf: &[u8]) {
    let sizes = page_sizes(pdf);
    assert!(!sizes.is_empty());
    for (w, h) in sizes {
        let a4 = ((w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5)
            || ((h - 595.28).abs() < 0.5 && (w - 841.89).abs() < 0.5);
        assert!(a4, "a page of {w} × {h} pt");
    }
}

const PAYLOAD: &str = "x\n#set page(width: 6cm, height: 6cm)\n#show \"培养\": \"（已篡改）\"\n// ";

#[test]
fn a_title_cannot_end_a_comment_in_the_generated_typst() {
    let dir = fixture();
    let title = serde_json::to_string(&format!("{PAYLOAD}\r{PAYLOAD}\u{2028}{PAYLOAD}")).unwrap();
    edit(&dir, "report.json", |s| {
        s.replace(
            "\"year\": 2025,",
            &format!("\"year\": 2025, \"title\": {title},"),
        )
    });
    let (checked, pdf) = build(&dir);
    assert_all_a4(&pdf);
    let text = compact(&pages_text(&pdf).concat());
    assert!(text.contains("人才培养"), "the show rule ran");
    // The generated source: the title only ever appears as a string literal.
    let generated = nianbao::render::typst::generate(&checked.document).unwrap();
    let emitted: Vec<&String> = (generated.sources.iter())
        .filter(|(path, _)| nianbao::render::typst::is_emitted(path))
        .map(|(_, text)| text)
        .collect();
    assert!(emitted.len() > 1, "the skeleton and the chapters");
    for line in emitted.iter().flat_map(|t| t.lines()) {
        assert!(
            !(line.trim_start().starts_with("//")
                && (line.contains("set page") || line.contains("已篡改"))),
            "a comment carries user text: {line}"
        );
        assert!(!line.starts_with("#show \"培养\""));
    }
}

#[test]
fn a_region_name_cannot_inject_through_the_default_title() {
    let dir = fixture();
    let name = serde_json::to_string(&format!("测试{PAYLOAD}")).unwrap();
    edit(&dir, "report.json", |s| {
        s.replace("\"name\": \"测试省样例市\"", &format!("\"name\": {name}"))
            .replace("\"short\": \"样例市\"", &format!("\"short\": {name}"))
    });
    let (_, pdf) = build(&dir);
    assert_all_a4(&pdf);
    // The show rule would turn every 培养 into （已篡改）.
    assert!(compact(&pages_text(&pdf).concat()).contains("人才培养"));
}

#[test]
fn a_chapter_file_name_cannot_inject_typst() {
    let dir = fixture();
    let evil = "chapters/x\n#set page(width: 6cm, height: 6cm)\n.md";
    std::fs::rename(dir.join("chapters/02.md"), dir.join(evil)).unwrap();
    let name = serde_json::to_string(evil).unwrap();
    edit(&dir, "report.json", |s| {
        s.replace("\"chapters/02.md\"", &name)
    });
    let (_, pdf) = build(&dir);
    assert_all_a4(&pdf);
}

#[test]
fn compile_errors_still_point_at_the_users_line() {
    // The source markers are numbers now; the mapping must still work, and
    // a file name with a newline must come out whole.
    let dir = fixture();
    let evil = "chapters/a\nb.md";
    std::fs::rename(dir.join("chapters/02.md"), dir.join(evil)).unwrap();
    edit(&dir, "report.json", |s| {
        s.replace("\"chapters/02.md\"", &serde_json::to_string(evil).unwrap())
    });
    std::fs::create_dir_all(dir.join("templates/typst")).unwrap();
    let lib = nianbao::render::typst::TEMPLATES
        .iter()
        .find(|(n, _)| *n == "nianbao.typ")
        .unwrap()
        .1;
    // A layout template without `nb-par`: the call in the generated code
    // fails at the first paragraph, which is reported at the user's line.
    std::fs::write(
        dir.join("templates/typst/nianbao.typ"),
        lib.replace("#let nb-par(", "#let nb-par-unused("),
    )
    .unwrap();
    expect_error(&dir, &["preface.md:1: typesetting failed", "nb-par"]);
}

#[cfg(unix)]
#[test]
fn a_template_linked_to_a_file_outside_is_refused() {
    let dir = fixture();
    let outside = std::env::temp_dir().join(format!("nianbao-outside-{}.typ", std::process::id()));
    std::fs::write(&outside, "#set page(width: 6cm)\nSECRET-OUTSIDE").unwrap();
    std::fs::create_dir_all(dir.join("templates/typst")).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("templates/typst/main.typ.j2")).unwrap();
    expect_error(
        &dir,
        &["templates/typst/main.typ.j2", "outside the project"],
    );
}

#[cfg(unix)]
#[test]
fn a_templates_folder_linked_outside_is_refused() {
    let dir = fixture();
    let outside = std::env::temp_dir().join(format!("nianbao-outside-dir-{}", std::process::id()));
    std::fs::create_dir_all(outside.join("typst")).unwrap();
    std::fs::write(outside.join("typst/main.typ.j2"), "SECRET-OUTSIDE").unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("templates")).unwrap();
    expect_error(&dir, &["templates/typst", "outside the project"]);
}

#[test]
fn a_template_inside_the_project_is_still_used() {
    let dir = fixture();
    std::fs::create_dir_all(dir.join("templates/typst")).unwrap();
    let main = nianbao::render::typst::TEMPLATES
        .iter()
        .find(|(n, _)| *n == "main.typ.j2")
        .unwrap()
        .1;
    std::fs::write(
        dir.join("templates/typst/main.typ.j2"),
        main.replace("{{ body }}", "#par[OVERRIDE-MARK]\n{{ body }}"),
    )
    .unwrap();
    let (_, pdf) = build(&dir);
    assert!(compact(&pages_text(&pdf).concat()).contains("OVERRIDE-MARK"));
}

#[cfg(unix)]
#[test]
fn init_data_does_not_follow_a_data_link_out_of_the_project() {
    let dir = fixture();
    let outside = std::env::temp_dir().join(format!("nianbao-outside-data-{}", std::process::id()));
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::rename(dir.join("data"), dir.join("data-real")).unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("data")).unwrap();
    edit(&dir, "report.json", |s| s.replace("data/", "data-real/"));
    let o = nianbao(&["init-data", dir.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success(), "{err}");
    assert!(err.contains("outside the project"), "{err}");
    assert!(!outside.join("indicators.xlsx").exists());
}

#[test]
fn init_data_writes_inside_the_project() {
    let dir = fixture();
    let o = nianbao(&["init-data", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(dir.join("data/indicators.xlsx").is_file());
}

#[test]
fn a_backslash_in_an_image_path_is_an_error_not_a_panic() {
    let dir = fixture();
    edit(&dir, "chapters/01.md", |s| {
        s.replace("images/photo.jpg", "images\\photo.jpg")
    });
    expect_error(&dir, &["chapters/01.md:18", "expected `/` between folders"]);

    let dir = fixture();
    std::fs::copy(dir.join("images/photo.jpg"), dir.join("images\\x.jpg")).unwrap();
    edit(&dir, "chapters/01.md", |s| {
        s.replace("images/photo.jpg", "images\\x.jpg")
    });
    expect_error(&dir, &["chapters/01.md:18", "`\\`"]);
}

#[test]
fn huge_decimal_counts_are_errors_not_panics() {
    for filter in ["fixed", "thousands", "wan", "percent"] {
        let dir = fixture();
        edit(&dir, "chapters/02.md", |s| {
            format!("{s}\n数值{{{{ 1 | {filter}(65536) }}}}。\n")
        });
        expect_error(&dir, &["chapters/02.md", "expected at most 10 decimals"]);
    }
}

#[test]
fn a_template_that_never_ends_is_stopped() {
    let dir = fixture();
    edit(&dir, "chapters/02.md", |s| {
        format!(
            "{s}\n{{% for i in range(100000) %}}{{% for j in range(100000) %}}{{% endfor %}}{{% endfor %}}\n"
        )
    });
    let start = std::time::Instant::now();
    expect_error(&dir, &["chapters/02.md", "steps of work"]);
    assert!(start.elapsed().as_secs() < 60);
}

#[test]
fn a_template_that_grows_too_large_is_stopped() {
    let dir = fixture();
    edit(&dir, "chapters/02.md", |s| {
        format!("{s}\n{{{{ \"x\" * 100000000 }}}}{{{{ \"x\" * 100000000 }}}}\n")
    });
    expect_error(&dir, &["chapters/02.md", "beyond 16 MB"]);
}

#[test]
fn division_by_zero_in_a_template_is_an_error() {
    let dir = fixture();
    edit(&dir, "chapters/02.md", |s| {
        format!("{s}\n比例{{{{ totals.students / 0 }}}}。\n")
    });
    expect_error(&dir, &["chapters/02.md", "expected a finite number"]);
}

#[test]
fn pad_to_is_bounded() {
    let dir = fixture();
    let out = dir.join("out");
    let o = nianbao(&[
        "build",
        dir.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--pad-to",
        "4294967295",
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        err.contains("--pad-to") && err.contains("from 1 to 64"),
        "{err}"
    );
    assert!(outputs(&dir).is_empty());
}

#[test]
fn too_many_images_in_a_figure_is_an_error() {
    let dir = fixture();
    let many = "![实训](images/photo.jpg)\n".repeat(65);
    edit(&dir, "chapters/01.md", |s| {
        s.replace("![实训](images/photo.jpg)\n", &many)
    });
    expect_error(
        &dir,
        &[
            "chapters/01.md",
            "at most 64 images in one figure, found 65",
        ],
    );
}

#[test]
fn too_many_table_rows_is_an_error() {
    let dir = fixture();
    edit(&dir, "chapters/02.md", |s| {
        let rows = "| a | 1 |\n".repeat(5_001);
        format!(
            "{s}\n::: {{.table #tbl-huge caption=\"很长的表\"}}\n| 名称 | 数 |\n|---|---|\n{rows}:::\n"
        )
    });
    expect_error(&dir, &["chapters/02.md", "at most 5000 rows in one table"]);
}

/// A minimal workbook with the given sheet XML and shared strings.
fn xlsx(sheet: &str, shared: Option<&[u8]>) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts: zip::write::SimpleFileOptions = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1));
        let mut put = |name: &str, body: &[u8]| {
            z.start_file(name, opts).unwrap();
            z.write_all(body).unwrap();
        };
        put("[Content_Types].xml", br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#);
        put("_rels/.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#);
        put("xl/workbook.xml", br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#);
        put("xl/_rels/workbook.xml.rels", br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#);
        put("xl/worksheets/sheet1.xml", sheet.as_bytes());
        if let Some(s) = shared {
            put("xl/sharedStrings.xml", s);
        }
        z.finish().unwrap();
    }
    buf.into_inner()
}

fn with_xlsx_dataset(bytes: &[u8]) -> PathBuf {
    let dir = fixture();
    std::fs::write(dir.join("data/extra.xlsx"), bytes).unwrap();
    edit(&dir, "report.json", |s| {
        s.replace(
            "\"schools\": \"data/schools.csv\"",
            "\"schools\": \"data/schools.csv\", \"extra\": \"data/extra.xlsx\"",
        )
    });
    dir
}

const SHEET_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#;

#[test]
fn a_workbook_within_limits_still_loads() {
    let sheet = format!(
        r#"{SHEET_HEAD}<row r="2"><c r="B2" t="inlineStr"><is><t>学校</t></is></c><c r="C2" t="inlineStr"><is><t>人数</t></is></c></row><row r="3"><c r="B3" t="inlineStr"><is><t>甲</t></is></c><c r="C3"><v>12</v></c></row></sheetData></worksheet>"#
    );
    let dir = with_xlsx_dataset(&xlsx(&sheet, None));
    edit(&dir, "chapters/02.md", |s| {
        format!(
            "{s}\n{{% for r in extra %}}XLSX-{{{{ r[\"学校\"] }}}}-{{{{ r[\"人数\"] }}}}{{% endfor %}}\n"
        )
    });
    let (_, pdf) = build(&dir);
    assert!(compact(&pages_text(&pdf).concat()).contains("XLSX-甲-12"));
}

#[test]
fn a_workbook_asking_for_a_huge_range_is_an_error() {
    let sheet = format!(
        r#"{SHEET_HEAD}<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row></sheetData></worksheet>"#
    );
    let dir = with_xlsx_dataset(&xlsx(&sheet, None));
    let start = std::time::Instant::now();
    expect_error(
        &dir,
        &["data/extra.xlsx [Sheet1] XFD1048576", "within 100000 rows"],
    );
    assert!(start.elapsed().as_secs() < 30);
}

#[test]
fn a_workbook_that_unpacks_to_gigabytes_is_an_error() {
    let mut shared = br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>"#.to_vec();
    shared.extend(std::iter::repeat_n(b'a', 210 << 20));
    shared.extend(b"</t></si></sst>");
    let sheet = format!(
        r#"{SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>"#
    );
    let dir = with_xlsx_dataset(&xlsx(&sheet, Some(&shared)));
    expect_error(&dir, &["data/extra.xlsx", "unpacks to at most 200 MB"]);
}

#[test]
fn a_failed_docx_leaves_no_pdf_either() {
    let dir = fixture();
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    std::fs::create_dir_all(dir.join("out").join(format!("{name}.docx"))).unwrap();
    let (ok, err) = build_all(&dir);
    assert!(!ok, "{err}");
    assert!(err.contains("a folder of that name is in the way"), "{err}");
    assert!(!dir.join("out").join(format!("{name}.pdf")).exists());
    // No temporary files are left behind.
    let leftovers: Vec<_> = outputs(&dir).into_iter().filter(|p| p.is_file()).collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn a_jpeg_named_png_is_named_as_such() {
    let dir = fixture();
    std::fs::copy(dir.join("images/photo.jpg"), dir.join("images/photo2.png")).unwrap();
    edit(&dir, "chapters/01.md", |s| {
        s.replace("images/photo.jpg", "images/photo2.png")
    });
    expect_error(
        &dir,
        &[
            "chapters/01.md:18",
            "a JPEG image; expected its name to end in .jpg",
        ],
    );
}

#[test]
fn a_cmyk_jpeg_is_named_before_typesetting() {
    let dir = fixture();
    // A JPEG frame header (SOF0) declaring 4 components: CMYK.
    let mut cmyk = vec![
        0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x14, 0x08, 0x00, 0x10, 0x00, 0x10, 0x04,
    ];
    for id in 1..=4u8 {
        cmyk.extend([id, 0x11, 0x00]);
    }
    cmyk.extend([0xFF, 0xD9]);
    std::fs::write(dir.join("images/photo.jpg"), cmyk).unwrap();
    expect_error(&dir, &["chapters/01.md:18", "a CMYK JPEG"]);
}

#[test]
fn csv_values_keep_their_written_form() {
    let dir = fixture();
    std::fs::write(
        dir.join("data/codes.csv"),
        "code,rate,id\n010010,97.20,12345678901234567890\n",
    )
    .unwrap();
    edit(&dir, "report.json", |s| {
        s.replace(
            "\"schools\": \"data/schools.csv\"",
            "\"schools\": \"data/schools.csv\", \"codes\": \"data/codes.csv\"",
        )
    });
    edit(&dir, "chapters/02.md", |s| {
        format!(
            "{s}\n代码{{{{ codes[0].code }}}}比例{{{{ codes[0].rate }}}}编号{{{{ codes[0].id }}}}合计{{{{ codes[0].rate | fixed(1) }}}}。\n"
        )
    });
    let (_, pdf) = build(&dir);
    let text = compact(&pages_text(&pdf).concat());
    assert!(
        text.contains("代码010010比例97.20编号12345678901234567890合计97.2"),
        "{text}"
    );
}

#[test]
fn duplicate_csv_headers_are_an_error() {
    let dir = fixture();
    std::fs::write(dir.join("data/schools.csv"), "name,prev,prev\n甲,1,2\n").unwrap();
    expect_error(
        &dir,
        &["data/schools.csv:1", "found “prev” twice (columns 2 and 3)"],
    );
}

#[test]
fn a_date_no_pdf_can_hold_is_an_error_at_check() {
    let dir = fixture();
    edit(&dir, "report.json", |s| {
        s.replace("2026-01-10", "99999-01-01")
    });
    let o = nianbao(&["check", dir.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        err.contains("report.json: document_date") && err.contains("1900–2999"),
        "{err}"
    );
}

#[test]
fn a_control_character_in_a_chart_label_is_named() {
    let dir = fixture();
    std::fs::write(
        dir.join("data/schools.csv"),
        "name,prev,cur\n甲\u{1}校,1,2\n",
    )
    .unwrap();
    edit(&dir, "chapters/02.md", |s| {
        format!(
            "{s}\n::: {{.chart #fig-c type=bar caption=\"规模\" dataset=schools label=name value=\"cur\" series=\"2025年\"}}\n:::\n"
        )
    });
    expect_error(&dir, &["chapters/02.md", "control character U+0001"]);
}

#[test]
fn a_heading_too_long_for_a_pdf_bookmark_is_named() {
    let dir = fixture();
    edit(&dir, "chapters/02.md", |s| {
        format!("{s}\n## {}\n\n正文。\n", "长".repeat(20_000))
    });
    expect_error(
        &dir,
        &["chapters/02.md:7", "at most 1000 characters, found 20000"],
    );
}

#[test]
fn a_variation_selector_is_named() {
    let dir = fixture();
    edit(&dir, "chapters/02.md", |s| {
        format!("{s}\n葛\u{E0100}字。\n")
    });
    expect_error(&dir, &["chapters/02.md:7", "variation selector (U+E0100)"]);
}

#[cfg(unix)]
#[test]
fn an_output_folder_that_is_a_dangling_link_is_explained() {
    let dir = fixture();
    let link = dir.join("outlink");
    std::os::unix::fs::symlink("/nonexistent/nianbao", &link).unwrap();
    let o = nianbao(&[
        "build",
        dir.to_str().unwrap(),
        "--out",
        link.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        err.contains("a link to something that does not exist"),
        "{err}"
    );
}

/// A JPEG `w` × `h` px whose EXIF says "turn 90° clockwise to show" (6).
fn sideways_jpeg(w: u32, h: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(w, h, |x, _| image::Rgb([(x * 5) as u8, 90, 160]));
    let mut jpeg = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(
            &mut std::io::Cursor::new(&mut jpeg),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
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

#[test]
fn a_sideways_phone_photo_is_upright_in_the_docx_too() {
    let dir = fixture();
    std::fs::write(dir.join("images/photo.jpg"), sideways_jpeg(600, 300)).unwrap();
    let checked = nianbao::check(&dir).unwrap();
    let mut found = None;
    for ch in &checked.document.chapters {
        for b in &ch.blocks {
            if let nianbao::model::Block::Figure(f) = b {
                found = f
                    .images
                    .first()
                    .map(|i| (i.width_px, i.height_px, i.orientation));
            }
        }
    }
    assert_eq!(found, Some((300, 600, 6)), "size as shown");
    let docx = nianbao::build_docx(&checked).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let names: Vec<String> = zip.file_names().map(String::from).collect();
    let media = names
        .iter()
        .find(|n| n.starts_with("word/media/") && n.ends_with(".jpeg"))
        .unwrap();
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name(media).unwrap(), &mut bytes).unwrap();
    let shown = image::load_from_memory(&bytes).unwrap();
    assert_eq!(
        (shown.width(), shown.height()),
        (300, 600),
        "the pixels are turned"
    );
    // The PDF places it upright as well (Typst reads the EXIF tag).
    let (_, pdf) = build(&dir);
    assert!(!pdf.is_empty());
}

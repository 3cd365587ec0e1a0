//! Packs the parts into the DOCX (OPC zip) container: content types,
//! relationships, document properties. Entries carry a fixed timestamp and
//! are written in a fixed order, so the same parts give the same bytes.

use super::house::{FONT_TABLE, THEME};
use super::xml::esc;
use crate::error::{Error, Result};
use crate::model::Meta;
use std::fmt::Write as _;
use std::io::Write;
use zip::write::SimpleFileOptions;

/// A media file (image) in `word/media/`.
pub struct Media {
    /// Relationship id from `document.xml` (`rIdImg3`).
    pub rel_id: String,
    /// File name inside `word/media/` (`image3.jpeg`).
    pub name: String,
    pub bytes: Vec<u8>,
}

/// One chart of the package.
pub struct ChartPart {
    /// Relationship id from `document.xml` (`rIdChart2`).
    pub rel_id: String,
    /// `word/charts/chart{n}.xml`.
    pub xml: String,
    /// `word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx`.
    pub workbook: Vec<u8>,
}

/// The part names of chart `n` (1-based).
pub fn part_name(n: usize) -> String {
    format!("word/charts/chart{n}.xml")
}

/// The embedded workbook of chart `n`, as named in the package.
pub fn workbook_name(n: usize) -> String {
    format!("word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx")
}

/// The chart part's relationships: the embedded workbook as `rId1`.
pub fn chart_rels(n: usize) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/package" Target="../embeddings/Microsoft_Excel_Worksheet{n}.xlsx"/></Relationships>"#
    )
}

/// A header or footer part: `(relationship id, XML)`.
pub type HdrFtr = (String, String);

/// Everything that goes into the package besides the fixed templates.
pub struct Parts {
    pub document: String,
    pub styles: String,
    pub settings: String,
    /// `word/numbering.xml` (the heading list).
    pub numbering: String,
    /// Written as `word/header{n}.xml`.
    pub headers: Vec<HdrFtr>,
    /// Written as `word/footer{n}.xml`.
    pub footers: Vec<HdrFtr>,
    pub media: Vec<Media>,
    /// Native charts: `word/charts/chart{n}.xml`, each with its workbook.
    pub charts: Vec<ChartPart>,
}

const NS_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT_MAIN: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

fn content_types(p: &Parts) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/>"#,
    );
    if !p.charts.is_empty() {
        s.push_str(r#"<Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>"#);
    }
    let mut over = |part: &str, ct: &str| {
        let _ = write!(s, r#"<Override PartName="{part}" ContentType="{ct}"/>"#);
    };
    over(
        "/word/document.xml",
        &format!("{CT_MAIN}.document.main+xml"),
    );
    over("/word/styles.xml", &format!("{CT_MAIN}.styles+xml"));
    over("/word/settings.xml", &format!("{CT_MAIN}.settings+xml"));
    over("/word/numbering.xml", &format!("{CT_MAIN}.numbering+xml"));
    over("/word/fontTable.xml", &format!("{CT_MAIN}.fontTable+xml"));
    over(
        "/word/theme/theme1.xml",
        "application/vnd.openxmlformats-officedocument.theme+xml",
    );
    for i in 1..=p.headers.len() {
        over(
            &format!("/word/header{i}.xml"),
            &format!("{CT_MAIN}.header+xml"),
        );
    }
    for i in 1..=p.footers.len() {
        over(
            &format!("/word/footer{i}.xml"),
            &format!("{CT_MAIN}.footer+xml"),
        );
    }
    for i in 1..=p.charts.len() {
        over(
            &format!("/{}", part_name(i)),
            "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
        );
    }
    over(
        "/docProps/core.xml",
        "application/vnd.openxmlformats-package.core-properties+xml",
    );
    over(
        "/docProps/app.xml",
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    );
    s.push_str("</Types>");
    s
}

fn document_rels(p: &Parts) -> String {
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    let mut rel = |id: &str, ty: &str, target: &str| {
        let _ = write!(
            s,
            r#"<Relationship Id="{id}" Type="{NS_REL}/{ty}" Target="{target}"/>"#
        );
    };
    rel("rIdStyles", "styles", "styles.xml");
    rel("rIdSettings", "settings", "settings.xml");
    rel("rIdNumbering", "numbering", "numbering.xml");
    rel("rIdFonts", "fontTable", "fontTable.xml");
    rel("rIdTheme", "theme", "theme/theme1.xml");
    for (i, (id, _)) in p.headers.iter().enumerate() {
        rel(id, "header", &format!("header{}.xml", i + 1));
    }
    for (i, (id, _)) in p.footers.iter().enumerate() {
        rel(id, "footer", &format!("footer{}.xml", i + 1));
    }
    for m in &p.media {
        rel(&m.rel_id, "image", &format!("media/{}", m.name));
    }
    for (i, c) in p.charts.iter().enumerate() {
        rel(&c.rel_id, "chart", &format!("charts/chart{}.xml", i + 1));
    }
    s.push_str("</Relationships>");
    s
}

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

fn core_xml(meta: &Meta) -> String {
    let (y, m, d) = meta.document_date;
    let date = format!("{y:04}-{m:02}-{d:02}T00:00:00Z");
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><cp:lastModifiedBy>nianbao</cp:lastModifiedBy><dc:language>zh-CN</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified></cp:coreProperties>"#,
        esc(&meta.title),
        esc(&meta.unit)
    )
}

const APP_XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>nianbao</Application></Properties>"#;

/// Writes the package. Entries are deflated and dated 1980-01-01.
pub fn pack(meta: &Meta, parts: &Parts) -> Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::DEFAULT.compression_method(zip::CompressionMethod::Deflated);
    let stored = SimpleFileOptions::DEFAULT.compression_method(zip::CompressionMethod::Stored);
    let mut entries: Vec<(String, &[u8], SimpleFileOptions)> = Vec::new();
    let ct = content_types(parts);
    let rels = document_rels(parts);
    let core = core_xml(meta);
    entries.push(("[Content_Types].xml".into(), ct.as_bytes(), opts));
    entries.push(("_rels/.rels".into(), PACKAGE_RELS.as_bytes(), opts));
    entries.push(("docProps/core.xml".into(), core.as_bytes(), opts));
    entries.push(("docProps/app.xml".into(), APP_XML.as_bytes(), opts));
    entries.push(("word/document.xml".into(), parts.document.as_bytes(), opts));
    entries.push(("word/_rels/document.xml.rels".into(), rels.as_bytes(), opts));
    entries.push(("word/styles.xml".into(), parts.styles.as_bytes(), opts));
    entries.push(("word/settings.xml".into(), parts.settings.as_bytes(), opts));
    entries.push((
        "word/numbering.xml".into(),
        parts.numbering.as_bytes(),
        opts,
    ));
    entries.push(("word/fontTable.xml".into(), FONT_TABLE.as_bytes(), opts));
    entries.push(("word/theme/theme1.xml".into(), THEME.as_bytes(), opts));
    for (i, (_, x)) in parts.headers.iter().enumerate() {
        entries.push((format!("word/header{}.xml", i + 1), x.as_bytes(), opts));
    }
    for (i, (_, x)) in parts.footers.iter().enumerate() {
        entries.push((format!("word/footer{}.xml", i + 1), x.as_bytes(), opts));
    }
    for m in &parts.media {
        // Already compressed (JPEG/PNG): store as is.
        entries.push((format!("word/media/{}", m.name), &m.bytes, stored));
    }
    let chart_rels: Vec<String> = (1..=parts.charts.len()).map(chart_rels).collect();
    for (i, c) in parts.charts.iter().enumerate() {
        let n = i + 1;
        entries.push((part_name(n), c.xml.as_bytes(), opts));
        entries.push((
            format!("word/charts/_rels/chart{n}.xml.rels"),
            chart_rels[i].as_bytes(),
            opts,
        ));
        // A zip package itself: store as is.
        entries.push((workbook_name(n), &c.workbook, stored));
    }
    let err = |e: &dyn std::fmt::Display| {
        Error::at("docx", crate::i18n::msg::docx::cannot_write_package(e))
    };
    for (name, bytes, o) in entries {
        zip.start_file(name, o).map_err(|e| err(&e))?;
        zip.write_all(bytes).map_err(|e| err(&e))?;
    }
    let cursor = zip.finish().map_err(|e| err(&e))?;
    Ok(cursor.into_inner())
}

/// Wraps header or footer content in its part element.
pub fn hdr_ftr(root: &str, content: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:{root} xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="{NS_REL}">{content}</w:{root}>"#
    )
}

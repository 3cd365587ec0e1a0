//! `word/numbering.xml`: the heading numbers as a Word multilevel list linked
//! to the Heading 1–4 styles, so that Word renumbers the headings when a
//! section is inserted or moved. The list produces exactly the numbers the
//! model computed (and the PDF prints): unnumbered headings opt out.

use crate::model::HeadingScheme;
use std::fmt::Write as _;

/// The `w:numId` of the heading list.
pub const HEADING_NUM_ID: u32 = 1;
/// A list that prints no number: unnumbered headings join it, which keeps
/// them out of the heading list's count (`numId 0` does the same in Word but
/// is flagged by validators).
pub const NO_NUMBER_NUM_ID: u32 = 2;

/// `w:numPr` that keeps a heading paragraph out of the heading list.
pub fn unnumbered(level: u8) -> String {
    format!(
        r#"<w:numPr><w:ilvl w:val="{}"/><w:numId w:val="{NO_NUMBER_NUM_ID}"/></w:numPr>"#,
        level.clamp(1, 4) - 1
    )
}

/// The numbering part for a heading scheme.
pub fn numbering_xml(scheme: HeadingScheme) -> String {
    // (number format, level text) for levels 1–4.
    let levels: [(&str, &str); 4] = match scheme {
        HeadingScheme::Decimal => [
            ("decimal", "%1."),
            ("decimal", "%1.%2"),
            ("decimal", "%1.%2.%3"),
            ("decimal", "%1.%2.%3.%4"),
        ],
        HeadingScheme::Gongwen => [
            ("chineseCounting", "%1、"),
            ("chineseCounting", "（%2）"),
            ("decimal", "%3."),
            ("decimal", "（%4）"),
        ],
    };
    let mut s = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>"#,
    );
    for (i, (fmt, text)) in levels.iter().enumerate() {
        // Decimal sub-levels print the parents' numbers in Arabic digits.
        let legal = if scheme == HeadingScheme::Decimal && i > 0 {
            "<w:isLgl/>"
        } else {
            ""
        };
        let _ = write!(
            s,
            r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:pStyle w:val="Heading{n}"/>{legal}<w:suff w:val="space"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>"#,
            n = i + 1
        );
    }
    s.push_str(r#"</w:abstractNum><w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="multilevel"/>"#);
    for i in 0..4 {
        let _ = write!(
            s,
            r#"<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="none"/><w:suff w:val="nothing"/><w:lvlText w:val=""/><w:lvlJc w:val="left"/></w:lvl>"#
        );
    }
    let _ = write!(
        s,
        r#"</w:abstractNum><w:num w:numId="{HEADING_NUM_ID}"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="{NO_NUMBER_NUM_ID}"><w:abstractNumId w:val="2"/></w:num></w:numbering>"#
    );
    s
}

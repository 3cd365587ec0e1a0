//! Section properties (page size, margins, page numbering) and the header
//! and footer parts: cover and declaration unnumbered, front matter roman,
//! body arabic from 1 with the running header.

use super::Writer;
use super::fields;
use super::house::{PAGE_H, PAGE_W};
use super::package::{HdrFtr, hdr_ftr};
use super::xml::{RunFmt, para, text_runs};
use std::fmt::Write as _;

/// Which part of the report a section holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectKind {
    /// Cover and declaration: no header, no page number.
    Cover,
    /// 编制组 … lists: roman page numbers (or none).
    Front,
    /// The body; `first` restarts the numbering at 1.
    Body { first: bool, landscape: bool },
}

// Relationship ids of the header/footer parts.
const FOOTER_ODD: &str = "rIdFooterOdd";
const FOOTER_EVEN: &str = "rIdFooterEven";
const FRONT_FOOTER_ODD: &str = "rIdFrontFooterOdd";
const FRONT_FOOTER_EVEN: &str = "rIdFrontFooterEven";
const HEADER_ODD: &str = "rIdHeaderOdd";
const HEADER_EVEN: &str = "rIdHeaderEven";

impl Writer<'_> {
    /// The `w:sectPr` of a section of this kind.
    pub fn sect_pr(&self, kind: SectKind) -> String {
        let h = &self.house;
        let even = h.dash_page_numbers;
        let mut s = String::from("<w:sectPr>");
        let numbered = match kind {
            SectKind::Cover => false,
            SectKind::Front => self.doc.style.roman_front_matter,
            SectKind::Body { .. } => true,
        };
        if matches!(kind, SectKind::Body { .. }) && self.doc.style.running_header.is_some() {
            let _ = write!(
                s,
                r#"<w:headerReference w:type="default" r:id="{HEADER_ODD}"/>"#
            );
            if even {
                let _ = write!(
                    s,
                    r#"<w:headerReference w:type="even" r:id="{HEADER_EVEN}"/>"#
                );
            }
        }
        if numbered {
            let (odd_id, even_id) = match kind {
                SectKind::Front => (FRONT_FOOTER_ODD, FRONT_FOOTER_EVEN),
                _ => (FOOTER_ODD, FOOTER_EVEN),
            };
            let _ = write!(
                s,
                r#"<w:footerReference w:type="default" r:id="{odd_id}"/>"#
            );
            if even {
                let _ = write!(s, r#"<w:footerReference w:type="even" r:id="{even_id}"/>"#);
            }
        }
        s.push_str(r#"<w:type w:val="nextPage"/>"#);
        let landscape = matches!(
            kind,
            SectKind::Body {
                landscape: true,
                ..
            }
        );
        if landscape {
            let _ = write!(
                s,
                // The margins stay where they are on the page, as in the PDF
                // (Typst's flipped page): one text width for both outputs.
                r#"<w:pgSz w:w="{PAGE_H}" w:h="{PAGE_W}" w:orient="landscape"/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/>"#,
                h.margin_top,
                h.margin_outside,
                h.margin_bottom,
                h.margin_inside,
                h.header_distance,
                h.footer_distance
            );
        } else {
            let _ = write!(
                s,
                r#"<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/>"#,
                h.margin_top,
                h.margin_outside,
                h.margin_bottom,
                h.margin_inside,
                h.header_distance,
                h.footer_distance
            );
        }
        match kind {
            SectKind::Cover => {}
            SectKind::Front => s.push_str(r#"<w:pgNumType w:fmt="upperRoman" w:start="1"/>"#),
            SectKind::Body { first: true, .. } => {
                s.push_str(r#"<w:pgNumType w:fmt="decimal" w:start="1"/>"#)
            }
            SectKind::Body { first: false, .. } => s.push_str(r#"<w:pgNumType w:fmt="decimal"/>"#),
        }
        s.push_str("</w:sectPr>");
        s
    }

    /// The header and footer parts: `(relationship id, XML)` each.
    pub fn hdr_ftr_parts(&self) -> (Vec<HdrFtr>, Vec<HdrFtr>) {
        let h = &self.house;
        let mut headers = Vec::new();
        if let Some(text) = &self.doc.style.running_header {
            let mut c = String::new();
            text_runs(&mut c, text, &RunFmt::default());
            let mut x = String::new();
            para(&mut x, "Header", "", &c);
            headers.push((HEADER_ODD.to_string(), hdr_ftr("hdr", &x)));
            if h.dash_page_numbers {
                headers.push((HEADER_EVEN.to_string(), hdr_ftr("hdr", &x)));
            }
        }
        // The number format is also in the field: LibreOffice ignores the
        // section's `pgNumType@fmt` for footer fields.
        let number = |roman: bool| {
            let mut c = String::new();
            let dash = h.dash_page_numbers;
            if dash {
                text_runs(&mut c, "— ", &RunFmt::default());
            }
            fields::page(&mut c, roman);
            if dash {
                text_runs(&mut c, " —", &RunFmt::default());
            }
            c
        };
        let mut footers: Vec<(String, String)> = Vec::new();
        for (roman, odd_id, even_id) in [
            (true, FRONT_FOOTER_ODD, FRONT_FOOTER_EVEN),
            (false, FOOTER_ODD, FOOTER_EVEN),
        ] {
            if roman && !self.doc.style.roman_front_matter {
                continue;
            }
            if h.dash_page_numbers {
                // Odd pages: right, one character in; even pages: left.
                let em = h.page_number_size * 10;
                let mut odd = String::new();
                para(
                    &mut odd,
                    "Footer",
                    &format!(r#"<w:ind w:right="{em}"/><w:jc w:val="right"/>"#),
                    &number(roman),
                );
                let mut even = String::new();
                para(
                    &mut even,
                    "Footer",
                    &format!(r#"<w:ind w:left="{em}"/><w:jc w:val="left"/>"#),
                    &number(roman),
                );
                footers.push((odd_id.to_string(), hdr_ftr("ftr", &odd)));
                footers.push((even_id.to_string(), hdr_ftr("ftr", &even)));
            } else {
                let mut x = String::new();
                para(&mut x, "Footer", "", &number(roman));
                footers.push((odd_id.to_string(), hdr_ftr("ftr", &x)));
            }
        }
        (headers, footers)
    }
}

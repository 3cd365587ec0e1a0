//! Escaping user text for WordprocessingML, and the few element builders
//! every other module shares. User text reaches the XML only through
//! [`esc`] (inside `w:t`) or [`attr`] (inside attribute values).

use std::fmt::Write;

/// Escapes text for element content. Characters XML 1.0 cannot carry at all
/// (C0 controls other than tab/newline/CR) are replaced by U+FFFD, so a stray
/// control character can never make the package unreadable.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for an attribute value (also encodes whitespace controls).
pub fn attr(s: &str) -> String {
    esc(s)
        .replace('\t', "&#9;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
}

/// Character formatting of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RunFmt {
    pub bold: bool,
    /// East Asian font override (e.g. 楷体 for emphasis).
    pub east_asia: Option<&'static str>,
    /// Size in half-points.
    pub size: Option<u32>,
    /// `superscript` or `subscript`.
    pub vert: Option<&'static str>,
}

impl RunFmt {
    /// The `w:rPr` element (empty string when nothing is set).
    pub fn rpr(&self) -> String {
        let mut s = String::new();
        if let Some(f) = self.east_asia {
            let _ = write!(s, r#"<w:rFonts w:eastAsia="{f}"/>"#);
        }
        if self.bold {
            s.push_str("<w:b/><w:bCs/>");
        }
        if let Some(sz) = self.size {
            let _ = write!(s, r#"<w:sz w:val="{sz}"/><w:szCs w:val="{sz}"/>"#);
        }
        if let Some(v) = self.vert {
            let _ = write!(s, r#"<w:vertAlign w:val="{v}"/>"#);
        }
        if s.is_empty() {
            s
        } else {
            format!("<w:rPr>{s}</w:rPr>")
        }
    }
}

/// One or more runs holding `text` as data: newlines become `w:br`,
/// tabs `w:tab`; everything else goes into `w:t` escaped.
pub fn text_runs(out: &mut String, text: &str, fmt: &RunFmt) {
    text_runs_rpr(out, text, &fmt.rpr());
}

/// Like [`text_runs`], with a ready-made `w:rPr` element.
pub fn text_runs_rpr(out: &mut String, text: &str, rpr: &str) {
    if text.is_empty() {
        return;
    }
    out.push_str("<w:r>");
    out.push_str(rpr);
    let mut first = true;
    for line in text.split('\n') {
        if !first {
            out.push_str("<w:br/>");
        }
        first = false;
        let mut first_part = true;
        for part in line.split('\t') {
            if !first_part {
                out.push_str("<w:tab/>");
            }
            first_part = false;
            if !part.is_empty() {
                let _ = write!(
                    out,
                    r#"<w:t xml:space="preserve">{}</w:t>"#,
                    esc(part.trim_end_matches('\r'))
                );
            }
        }
    }
    out.push_str("</w:r>");
}

/// A paragraph with the given style id, extra `w:pPr` children (already in
/// schema order after `w:pStyle`) and content.
pub fn para(out: &mut String, style: &str, ppr_extra: &str, content: &str) {
    let _ = write!(
        out,
        r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr_extra}</w:pPr>{content}</w:p>"#
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_controls() {
        assert_eq!(esc(r#"<b>&"x""#), "&lt;b&gt;&amp;&quot;x&quot;");
        assert_eq!(esc("a\u{1}b"), "a\u{FFFD}b");
        let mut s = String::new();
        text_runs(&mut s, "a\nb\tc", &RunFmt::default());
        assert_eq!(
            s,
            r#"<w:r><w:t xml:space="preserve">a</w:t><w:br/><w:t xml:space="preserve">b</w:t><w:tab/><w:t xml:space="preserve">c</w:t></w:r>"#
        );
    }
}

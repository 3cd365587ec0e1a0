//! Captions and titles (`caption="…"`, `title="…"`, a bound table's column
//! heads): plain text as written, with the few inline forms a caption may
//! hold — `<br>` line breaks, `^…^` superscript, `~…~` subscript and `@id`
//! references (single, listed or ranges) — and nothing else of Markdown.

use super::refs::{REF_CLOSE, REF_OPEN, push_text_with_refs};
use crate::model::Inline;
use crate::model::markup::br_at;
use crate::model::refs::{self, Source};

/// The inlines of a caption or title as written in an attribute value.
pub fn caption_inlines(text: &str) -> Vec<Inline> {
    let marked = refs::replace(text, Source::Caption, |items, out| {
        out.push(REF_OPEN);
        out.push_str(&refs::encode(items));
        out.push(REF_CLOSE);
    });
    let mut out = Vec::new();
    let mut rest = marked.as_str();
    while let Some(k) = rest.find('<') {
        match br_at(&rest[k..]) {
            Some(n) => {
                push_text_with_refs(&mut out, &rest[..k]);
                out.push(Inline::LineBreak);
                rest = &rest[k + n..];
            }
            None => {
                push_text_with_refs(&mut out, &rest[..=k]);
                rest = &rest[k + 1..];
            }
        }
    }
    push_text_with_refs(&mut out, rest);
    super::inlines::normalize(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_read_breaks_scripts_and_references() {
        let c = caption_inlines("面积（m^2^）<br>CO~2~ 排放，见@tbl-a与[@fig-a--@fig-c]");
        assert_eq!(c[0], Inline::Text("面积（m".into()));
        assert_eq!(c[1], Inline::Sup(vec![Inline::Text("2".into())]));
        assert_eq!(c[3], Inline::LineBreak);
        assert_eq!(c[5], Inline::Sub(vec![Inline::Text("2".into())]));
        assert!(matches!(&c[7], Inline::Ref { target, .. } if target == "tbl-a"));
        assert!(
            matches!(&c[9], Inline::RefRange { from, to, .. } if from == "fig-a" && to == "fig-c")
        );
        // Everything else is text as written.
        let c = caption_inlines("10~20人，30~40人 <b>*x*</b> 5^");
        assert_eq!(
            c,
            vec![Inline::Text("10~20人，30~40人 <b>*x*</b> 5^".into())]
        );
    }
}

//! Caption numbers as parts (kind, chapter, running number, scheme), with
//! one formatter per numbering scheme. The Typst side prints the label; the
//! DOCX side builds its SEQ fields from the parts. Nothing is formatted and
//! parsed back.

use super::NumberingScheme;
use serde::Serialize;

/// What a caption number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    Table,
    Figure,
    Case,
}

/// A caption number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Number {
    pub kind: NumberKind,
    /// The chapter, when numbering restarts per chapter (`表 1-5`).
    pub chapter: Option<u32>,
    /// The running number, within the chapter or the whole report.
    pub n: u32,
    pub scheme: NumberingScheme,
}

impl Number {
    /// The running part as printed: `5`, or `五` in Chinese numerals.
    pub fn running(&self) -> String {
        match self.scheme {
            NumberingScheme::Chinese => super::numerals::chinese(u64::from(self.n)),
            NumberingScheme::Chapter | NumberingScheme::Continuous | NumberingScheme::None => {
                self.n.to_string()
            }
        }
    }

    /// The number alone: `1-5`, `5`, `五`.
    pub fn text(&self) -> String {
        match self.chapter {
            Some(c) => format!("{c}-{}", self.running()),
            None => self.running(),
        }
    }

    /// What comes before the number: the caption word, with a no-break
    /// space before a chapter-running number (`表 1-5`, never broken between
    /// `表` and `1-5`) and none before `表5`/`表五`.
    pub fn prefix(&self, word: &str) -> String {
        if self.chapter.is_some() {
            format!("{word}\u{a0}")
        } else {
            word.to_string()
        }
    }

    /// The full label as printed and cited: `表 1-5`, `表5`, `表五`.
    pub fn label(&self, word: &str) -> String {
        format!("{}{}", self.prefix(word), self.text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(chapter: Option<u32>, n: u32, scheme: NumberingScheme) -> Number {
        Number {
            kind: NumberKind::Table,
            chapter,
            n,
            scheme,
        }
    }

    #[test]
    fn every_scheme_prints_its_form() {
        assert_eq!(
            num(Some(1), 5, NumberingScheme::Chapter).label("表"),
            "表\u{a0}1-5"
        );
        assert_eq!(num(None, 5, NumberingScheme::Continuous).label("表"), "表5");
        assert_eq!(
            num(None, 12, NumberingScheme::Chinese).label("表"),
            "表十二"
        );
        assert_eq!(num(Some(3), 2, NumberingScheme::Chapter).text(), "3-2");
        assert_eq!(
            num(None, 105, NumberingScheme::Chinese).running(),
            "一百零五"
        );
    }
}

//! Errors and warnings that name the file, line or field and what was expected.

use std::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
    /// Something the project accepted knowingly (`validation.accept`):
    /// printed with its reason, never stops a build.
    Note,
}

/// One finding about the user's input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// `file`, `file:line` or `file: field.path`.
    pub location: String,
    pub message: String,
}

impl Diagnostic {
    /// An error at `location`.
    pub fn error(location: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            location: location.into(),
            message: message.into(),
        }
    }

    /// A warning at `location`.
    pub fn warning(location: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            location: location.into(),
            message: message.into(),
        }
    }

    /// A note at `location`.
    pub fn note(location: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            location: location.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::i18n::msg::diag;
        let kind = match self.severity {
            Severity::Error => diag::kind_error(),
            Severity::Warning => diag::kind_warning(),
            Severity::Note => diag::kind_note(),
        };
        if self.location.is_empty() {
            f.write_str(&diag::without_place(kind, &self.message))
        } else {
            f.write_str(&diag::with_place(
                kind,
                place(&self.location),
                &self.message,
            ))
        }
    }
}

/// A location in the current language: `file:12` → `file 第 12 行` in
/// Chinese; field paths and other forms print as they are.
pub fn place(location: &str) -> String {
    match split_place(location) {
        Some((file, line, None)) => crate::i18n::msg::diag::file_line(file, line),
        Some((file, line, Some(col))) => crate::i18n::msg::diag::file_line_column(file, line, col),
        None => location.to_string(),
    }
}

/// `file:line` or `file:line:column` (numbers from 1), else `None`.
pub fn split_place(location: &str) -> Option<(&str, usize, Option<usize>)> {
    let number = |s: &str| {
        (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<usize>().ok())
            .flatten()
            .filter(|&n| n > 0)
    };
    let (head, last) = location.rsplit_once(':')?;
    let last = number(last)?;
    if let Some((file, line)) = head.rsplit_once(':')
        && let Some(line) = number(line)
        && !file.is_empty()
    {
        return Some((file, line, Some(last)));
    }
    (!head.is_empty() && !head.ends_with(' ')).then_some((head, last, None))
}

/// The source line a diagnostic points at, with a caret under the column
/// (or a line of carets under the whole line when only the line is known),
/// as rustc and typst show it. `read` gives a project file's text by its
/// project-relative name.
pub fn snippet(d: &Diagnostic, read: impl Fn(&str) -> Option<String>) -> Option<String> {
    let (file, line, column) = split_place(&d.location)?;
    let text = read(file)?;
    let source = text.lines().nth(line - 1)?;
    let source = source.trim_end();
    if source.trim().is_empty() {
        return None;
    }
    let width = |s: &str| {
        s.chars()
            .map(|c| match c {
                '\t' => 4,
                c if crate::cjk::is_wide(c) => 2,
                _ => 1,
            })
            .sum::<usize>()
    };
    let shown: String = source.replace('\t', "    ");
    let number = line.to_string();
    let pad = " ".repeat(number.len());
    let marker = match column {
        // serde_json counts columns in characters from 1.
        Some(col) => {
            let before: String = source.chars().take(col.saturating_sub(1)).collect();
            format!("{}^", " ".repeat(width(&before)))
        }
        None => {
            let indent = source.len() - source.trim_start().len();
            let (lead, rest) = source.split_at(indent);
            format!(
                "{}{}",
                " ".repeat(width(lead)),
                "^".repeat(width(rest).clamp(1, 60))
            )
        }
    };
    Some(format!("{pad} |\n{number} | {shown}\n{pad} | {marker}"))
}

/// A failed step: one or more error diagnostics.
#[derive(Debug, Clone)]
pub struct Error {
    pub diagnostics: Vec<Diagnostic>,
}

impl Error {
    /// A single error at `location`.
    pub fn at(location: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            diagnostics: vec![Diagnostic::error(location, message)],
        }
    }

    /// Several errors at once.
    pub fn many(diagnostics: Vec<Diagnostic>) -> Self {
        Error { diagnostics }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// The result type used throughout nianbao.
pub type Result<T> = std::result::Result<T, Error>;

/// Collects diagnostics while a step goes on, so that one run reports every
/// problem rather than only the first.
#[derive(Debug, Default)]
pub struct Collector {
    pub diagnostics: Vec<Diagnostic>,
}

impl Collector {
    /// Records an error.
    pub fn error(&mut self, location: impl Into<String>, message: impl Into<String>) {
        self.diagnostics.push(Diagnostic::error(location, message));
    }

    /// Records a warning.
    pub fn warning(&mut self, location: impl Into<String>, message: impl Into<String>) {
        self.diagnostics
            .push(Diagnostic::warning(location, message));
    }

    /// Keeps going after a failed step: its errors are recorded.
    pub fn absorb<T>(&mut self, r: Result<T>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.diagnostics.extend(e.diagnostics);
                None
            }
        }
    }

    /// True when any error was recorded.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// The warnings recorded so far.
    pub fn warnings(&self) -> Vec<Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .cloned()
            .collect()
    }

    /// Fails with every error recorded, or returns the warnings.
    pub fn finish(self) -> Result<Vec<Diagnostic>> {
        if self.has_errors() {
            Err(Error::many(
                self.diagnostics
                    .into_iter()
                    .filter(|d| d.severity == Severity::Error)
                    .collect(),
            ))
        } else {
            Ok(self.diagnostics)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, with_lang};

    #[test]
    fn places_read_as_file_line_column() {
        assert_eq!(split_place("data/a.csv:12"), Some(("data/a.csv", 12, None)));
        assert_eq!(
            split_place("report.json:2:5"),
            Some(("report.json", 2, Some(5)))
        );
        assert_eq!(split_place("report.json: cover.title"), None);
        assert_eq!(split_place("C:12"), Some(("C", 12, None)));
        assert_eq!(split_place(":12"), None);
    }

    #[test]
    fn a_finding_reads_in_chinese() {
        let d = Diagnostic::error("data/schools.csv:12", "x");
        assert_eq!(
            with_lang(Lang::Zh, || d.to_string()),
            "错误：data/schools.csv 第 12 行：x"
        );
        assert_eq!(
            with_lang(Lang::En, || d.to_string()),
            "error: data/schools.csv:12: x"
        );
    }

    #[test]
    fn the_caret_sits_under_the_column_counting_wide_characters() {
        let d = Diagnostic::error("report.json:2:9", "x");
        let text = "{\n  \"标题\": ,\n}";
        let s = snippet(&d, |f| (f == "report.json").then(|| text.to_string())).unwrap();
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[1], "2 |   \"标题\": ,");
        // Column 9 is the comma: 2 spaces, quote, two wide characters,
        // quote, colon, space = 10 columns before it.
        assert_eq!(lines[2], format!("  | {}^", " ".repeat(10)));
        let whole = Diagnostic::error("chapters/01.md:1", "x");
        let s = snippet(&whole, |_| Some("  ab".into())).unwrap();
        assert!(s.ends_with("|   ^^"), "{s}");
    }
}

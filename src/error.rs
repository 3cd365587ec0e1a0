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
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        if self.location.is_empty() {
            write!(f, "{kind}: {}", self.message)
        } else {
            write!(f, "{kind}: {}: {}", self.location, self.message)
        }
    }
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

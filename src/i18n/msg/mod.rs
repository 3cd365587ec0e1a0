//! The message catalogue, one part per area of the program. Each part is
//! written with [`messages!`](super::messages) and lists its messages in `ALL`.

pub mod cli;
pub mod data;
pub mod diag;
pub mod docx;
pub mod files;
pub mod load;
pub mod markdown;
pub mod render;
pub mod validate;

/// One message of a part: its name, its Chinese text, its English text.
pub type Entry = (&'static str, &'static str, &'static str);

/// Every part of the catalogue by name, for the tests that check each message
/// exists in both languages.
pub const PARTS: &[(&str, &[Entry])] = &[
    ("cli", cli::ALL),
    ("data", data::ALL),
    ("diag", diag::ALL),
    ("docx", docx::ALL),
    ("files", files::ALL),
    ("load", load::ALL),
    ("markdown", markdown::ALL),
    ("render", render::ALL),
    ("validate", validate::ALL),
];

//! How a finding is introduced: its kind and its place.

use crate::i18n::messages;

messages! {
    /// The word before an error.
    kind_error() { zh: "错误", en: "error" }
    /// The word before a warning.
    kind_warning() { zh: "警告", en: "warning" }
    /// The word before a note (an accepted discrepancy, a preflight note).
    kind_note() { zh: "说明", en: "note" }
    /// A finding with a place: kind, place, message.
    with_place(kind, place, message) { zh: "{kind}：{place}：{message}", en: "{kind}: {place}: {message}" }
    /// A finding without a place.
    without_place(kind, message) { zh: "{kind}：{message}", en: "{kind}: {message}" }
    /// A place given as file and line.
    file_line(file, line) { zh: "{file} 第 {line} 行", en: "{file}:{line}" }
    /// A place given as file, line and column.
    file_line_column(file, line, column) { zh: "{file} 第 {line} 行第 {column} 列", en: "{file}:{line}:{column}" }
}

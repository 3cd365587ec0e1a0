//! Narrative files are minijinja templates over the report data. This module
//! renders them and keeps a map from output lines back to source lines.

use crate::error::{Error, Result};
use crate::i18n::msg;
use crate::model::limits::{TEMPLATE_FUEL, TEMPLATE_OUTPUT_BYTES};
use crate::model::refs;
use minijinja::{Environment, UndefinedBehavior, Value};

/// A narrative file after template expansion.
#[derive(Debug, Clone)]
pub struct Expanded {
    /// Path relative to the project.
    pub file: String,
    pub text: String,
    /// For each output line (0-based), the 1-based source line it came from.
    pub line_map: Vec<usize>,
}

impl Expanded {
    /// The source line of a 0-based output line.
    pub fn source_line(&self, output_line: usize) -> usize {
        self.line_map
            .get(output_line)
            .copied()
            .or_else(|| self.line_map.last().copied())
            .unwrap_or(1)
    }
}

/// Builds the template environment: undefined variables are errors, and every
/// value printed with `{{ }}` is escaped so that data never becomes Markdown.
pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_fuel(Some(TEMPLATE_FUEL));
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_keep_trailing_newline(true);
    env.set_formatter(|out, _state, value| {
        if value.kind() == minijinja::value::ValueKind::Number
            && f64::try_from(value.clone()).is_ok_and(|x| !x.is_finite())
        {
            return Err(minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                msg::markdown::template_not_finite(value),
            ));
        }
        if value.is_safe() {
            out.write_str(&value.to_string())?;
        } else if !value.is_none() && !value.is_undefined() {
            out.write_str(&escape_markdown(&value.to_string()))?;
        }
        Ok(())
    });
    crate::load::filters::register(&mut env);
    env
}

/// Backslash-escapes every ASCII punctuation character (CommonMark treats
/// `\` + punctuation as the literal character) and folds newlines, so a data
/// value prints exactly as written inside any Markdown construct.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        match ch {
            '\n' | '\r' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Renders one narrative file with the given context.
pub fn expand(env: &Environment<'_>, file: &str, source: &str, ctx: &Value) -> Result<Expanded> {
    let protected = protect_id_attrs(source);
    // Source lines are marked where they start, so that each output line
    // can be traced to its line; a source that holds the marker character
    // itself falls back to matching lines by their text.
    let marked = !protected.contains(LINE_MARK);
    let template_text = if marked {
        mark_lines(&protected)
    } else {
        protected.clone()
    };
    let template = env
        .template_from_str(&template_text)
        .map_err(|e| template_error(file, &e))?;
    let mut out = CappedWriter::default();
    if let Err(e) = template.render_captured_to(ctx, &mut out) {
        if out.overflowed {
            return Err(Error::at(
                file,
                msg::markdown::template_too_big(TEMPLATE_OUTPUT_BYTES >> 20),
            ));
        }
        return Err(template_error(file, &e));
    }
    let text = String::from_utf8(out.bytes)
        .map_err(|_| Error::at(file, msg::markdown::template_not_utf8()))?
        .replace(ID_ATTR_GUARD, "{#");
    let (text, line_map) = if marked {
        read_marks(&text)
    } else {
        let map = line_map(source, &text);
        (text, map)
    };
    Ok(Expanded {
        file: file.to_string(),
        text,
        line_map,
    })
}

/// Stands in for `{#` while templating.
/// Collects template output up to [`TEMPLATE_OUTPUT_BYTES`], then fails.
#[derive(Default)]
struct CappedWriter {
    bytes: Vec<u8>,
    overflowed: bool,
}

impl std::io::Write for CappedWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > TEMPLATE_OUTPUT_BYTES {
            self.overflowed = true;
            return Err(std::io::Error::other("output limit"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const ID_ATTR_GUARD: &str = "{\u{E003}";

/// `{#fig-x}` / `{#sec-x}` attribute lists would open a minijinja comment
/// (`{# … #}`); they are hidden from the template engine.
fn protect_id_attrs(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(i) = rest.find("{#") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        if refs::has_prefix(after) {
            out.push_str(ID_ATTR_GUARD);
        } else {
            out.push_str("{#");
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

fn template_error(file: &str, e: &minijinja::Error) -> Error {
    let loc = match e.line() {
        Some(line) => format!("{file}:{line}"),
        None => file.to_string(),
    };
    if e.kind() == minijinja::ErrorKind::OutOfFuel {
        return Error::at(loc, msg::markdown::template_out_of_fuel(TEMPLATE_FUEL));
    }
    // minijinja's detail and causes stay in English; the common kinds are
    // named in the user's language.
    let kind = kind_name(e.kind());
    let mut text = match e.detail() {
        Some(detail) => msg::markdown::template_error_detail(kind, detail),
        None => msg::markdown::template_error(kind),
    };
    if let (Some(range), Some(src)) = (e.range(), e.template_source())
        && let Some(snippet) = src.get(range)
    {
        let snippet = unmark(snippet);
        text.push_str(&msg::markdown::template_error_in(snippet.trim()));
    }
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(&msg::markdown::template_error_cause(s));
        source = s.source();
    }
    Error::at(loc, text)
}

/// A template error's kind as the user reads it.
fn kind_name(kind: minijinja::ErrorKind) -> String {
    use minijinja::ErrorKind as K;
    match kind {
        K::SyntaxError => msg::markdown::template_kind_syntax(),
        K::UndefinedError => msg::markdown::template_kind_undefined(),
        K::InvalidOperation => msg::markdown::template_kind_invalid_operation(),
        K::UnknownFilter => msg::markdown::template_kind_unknown_filter(),
        K::UnknownFunction => msg::markdown::template_kind_unknown_function(),
        K::TooManyArguments => msg::markdown::template_kind_too_many_arguments(),
        K::MissingArgument => msg::markdown::template_kind_missing_argument(),
        K::CannotUnpack => msg::markdown::template_kind_cannot_unpack(),
        K::UnknownMethod => msg::markdown::template_kind_unknown_method(),
        K::BadEscape => msg::markdown::template_kind_bad_escape(),
        other => other.to_string(),
    }
}

/// Opens a line mark: `LINE_MARK` + the 1-based source line + `LINE_MARK_END`.
const LINE_MARK: char = '\u{F8FF}';
const LINE_MARK_END: char = '\u{F8FE}';

/// Marks the start of every source line (after its indentation and any block
/// tags it starts with, so that whitespace control trims exactly as before).
/// Lines that begin inside a tag, or are blank, are not marked: their output
/// belongs to the line marked before.
fn mark_lines(source: &str) -> String {
    let mut out = String::with_capacity(source.len() + source.len() / 8);
    // The closing delimiter of the tag we are in, if any.
    let mut inside: Option<&str> = None;
    let lines: Vec<&str> = source.split_inclusive('\n').collect();
    for (n, line) in lines.iter().enumerate() {
        let body = line.trim_start_matches([' ', '\t']);
        let indent = &line[..line.len() - body.len()];
        out.push_str(indent);
        // After leading block tags (`{% for … %}x`): a loop's every pass
        // then starts with the mark of the line its body starts on.
        let lead = if inside.is_none() {
            leading_tags(body)
        } else {
            None
        };
        let markable = !body.trim().is_empty() || !trimmed_blank(&lines, n);
        match lead {
            Some(lead) if markable => {
                out.push_str(&body[..lead]);
                out.push(LINE_MARK);
                out.push_str(&(n + 1).to_string());
                out.push(LINE_MARK_END);
                out.push_str(&body[lead..]);
            }
            _ => out.push_str(body),
        }
        // Where this line leaves us: inside a tag or not.
        let mut rest = body;
        loop {
            match inside {
                Some(close) => match rest.find(close) {
                    Some(i) => {
                        rest = &rest[i + 2..];
                        inside = None;
                    }
                    None => break,
                },
                None => {
                    let next = [("{{", "}}"), ("{%", "%}"), ("{#", "#}")]
                        .iter()
                        .filter_map(|(o, c)| rest.find(o).map(|i| (i, *c)))
                        .min_by_key(|(i, _)| *i);
                    match next {
                        Some((i, close)) => {
                            rest = &rest[i + 2..];
                            inside = Some(close);
                        }
                        None => break,
                    }
                }
            }
        }
    }
    out
}

/// Whether the blank line `n` lies in a run of blank lines that whitespace
/// control trims away (`-%}` before it or `{%-` after it): a mark there
/// would stop the trimming.
fn trimmed_blank(lines: &[&str], n: usize) -> bool {
    let blank = |l: &str| l.trim().is_empty();
    let before = lines[..n].iter().rev().find(|l| !blank(l));
    let after = lines[n + 1..].iter().find(|l| !blank(l));
    let trims_after = before.is_some_and(|l| {
        let l = l.trim_end();
        ["-%}", "-}}", "-#}"].iter().any(|t| l.ends_with(t))
    });
    let trims_before = after.is_some_and(|l| {
        let l = l.trim_start();
        ["{%-", "{{-", "{#-"].iter().any(|t| l.starts_with(t))
    });
    trims_after || trims_before
}

/// Where the mark of a line goes: after the block tags and comments it
/// starts with (none for plain text), or `None` when it must not be marked:
/// it opens a tag it does not close, or its leading tags trim the
/// whitespace after them (`-%}`), which a mark would stop.
fn leading_tags(body: &str) -> Option<usize> {
    let mut at = 0;
    loop {
        let rest = &body[at..];
        let close = if rest.starts_with("{%") {
            "%}"
        } else if rest.starts_with("{#") {
            "#}"
        } else {
            break;
        };
        let end = rest.find(close)? + 2;
        if rest[..end].ends_with(&format!("-{close}")) {
            return None;
        }
        at += end;
    }
    Some(at)
}

/// Takes the line marks out of the rendered text: the text as it would be
/// without them, and each output line's source line. A line without a mark
/// at its start (a loop's later passes, text after a tag line) belongs to
/// the line marked last.
fn read_marks(marked: &str) -> (String, Vec<usize>) {
    let mut text = String::with_capacity(marked.len());
    let mut map = Vec::new();
    let mut last = 1usize;
    for line in marked.split_inclusive('\n') {
        let body = line.trim_start_matches([' ', '\t']);
        let mut at_start = None;
        let mut rest = line;
        while let Some(i) = rest.find(LINE_MARK) {
            let after = &rest[i + LINE_MARK.len_utf8()..];
            let Some(end) = after.find(LINE_MARK_END) else {
                break;
            };
            if let Ok(n) = after[..end].parse::<usize>() {
                if at_start.is_none() && body.starts_with(LINE_MARK) && text_before(line, i, rest) {
                    at_start = Some(n);
                }
                last = n;
            }
            text.push_str(&rest[..i]);
            rest = &after[end + LINE_MARK_END.len_utf8()..];
        }
        text.push_str(rest);
        map.push(at_start.unwrap_or(last));
    }
    (text, map)
}

/// Whether the mark at `i` in `rest` (a tail of `line`) is the first thing on
/// the line after its indentation.
fn text_before(line: &str, i: usize, rest: &str) -> bool {
    let offset = line.len() - rest.len() + i;
    line[..offset].trim_start_matches([' ', '\t']).is_empty()
}

/// A template excerpt without line marks.
fn unmark(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find(LINE_MARK) {
        out.push_str(&rest[..i]);
        let after = &rest[i + LINE_MARK.len_utf8()..];
        match after.find(LINE_MARK_END) {
            Some(end) if after[..end].bytes().all(|b| b.is_ascii_digit()) => {
                rest = &after[end + LINE_MARK_END.len_utf8()..];
            }
            _ => {
                out.push(LINE_MARK);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Aligns output lines with the source lines they came from. An output line
/// equal to a source line at or after the last match is that line; one that
/// fits a source line's literal text around its `{{ }}`/`{% %}` tags is that
/// template line; anything else (the second pass of a loop) belongs to the
/// template line matched last, or the line after the last match.
fn line_map(source: &str, output: &str) -> Vec<usize> {
    const WINDOW: usize = 400;
    const FUZZY_WINDOW: usize = 40;
    let src: Vec<&str> = source.lines().collect();
    let mut map = Vec::new();
    let mut next = 0usize;
    let mut last_template: Option<usize> = None;
    for line in output.lines() {
        let exact = if line.trim().is_empty() {
            // A blank line anchors only to a blank line right where we are.
            (next < src.len() && src[next].trim().is_empty()).then_some(next)
        } else {
            (next..src.len().min(next + WINDOW)).find(|&k| src[k] == line)
        };
        if let Some(k) = exact {
            map.push(k + 1);
            next = k + 1;
            last_template = None;
            continue;
        }
        let fuzzy =
            (next..src.len().min(next + FUZZY_WINDOW)).find(|&k| fits_template_line(src[k], line));
        if let Some(k) = fuzzy {
            map.push(k + 1);
            next = k + 1;
            last_template = Some(k + 1);
            continue;
        }
        map.push(last_template.unwrap_or((next + 1).min(src.len().max(1))));
    }
    map
}

/// Whether `output` could be what the template line `source` printed: its
/// literal pieces appear in order, the first at the start, the last at the end.
fn fits_template_line(source: &str, output: &str) -> bool {
    let mut pieces = Vec::new();
    let mut rest = source;
    let mut had_tag = false;
    while let Some(i) = ["{{", "{%", "{#"].iter().filter_map(|t| rest.find(t)).min() {
        pieces.push(&rest[..i]);
        let close = match &rest[i..i + 2] {
            "{{" => "}}",
            "{%" => "%}",
            _ => "#}",
        };
        match rest[i + 2..].find(close) {
            Some(j) => rest = &rest[i + 2 + j + 2..],
            None => return false,
        }
        had_tag = true;
    }
    pieces.push(rest);
    if !had_tag || pieces.iter().all(|p| p.trim().is_empty()) {
        return false;
    }
    let out = output.trim();
    let first = pieces[0].trim_start();
    let last = pieces[pieces.len() - 1].trim_end();
    if !out.starts_with(first) || !out.ends_with(last) {
        return false;
    }
    let mut from = 0;
    for p in &pieces {
        match out[from..].find(p.trim()) {
            Some(i) => from += i + p.trim().len(),
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loop_output_maps_to_the_loop() {
        let src = "a\n{% for i in [1,2] %}x{{ i }}\n{% endfor %}b\n";
        let env = environment();
        let e = expand(&env, "f.md", src, &Value::from(())).unwrap();
        assert_eq!(e.text, "a\nx1\nx2\nb\n");
        assert_eq!(e.line_map, vec![1, 2, 2, 3]);
        let e = expand(&env, "f.md", "a\n\n数{{ 1 + 1 }}个\n", &Value::from(())).unwrap();
        assert_eq!(e.line_map, vec![1, 2, 3]);
    }

    #[test]
    fn lines_after_a_loop_keep_their_own_numbers() {
        let env = environment();
        let ctx = minijinja::context! { xs => vec![1, 2, 3, 4, 5] };
        // A loop over several lines, then text that repeats a loop line.
        let src = "开头\n{% for x in xs %}\n| {{ x }} | 行 |\n{% endfor %}\n| 1 | 行 |\n结尾 {{ xs | length }}\n";
        let e = expand(&env, "f.md", src, &ctx).unwrap();
        let lines: Vec<&str> = e.text.lines().collect();
        assert_eq!(lines.len(), e.line_map.len());
        let at = |s: &str| e.line_map[lines.iter().rposition(|l| *l == s).unwrap()];
        assert_eq!(at("开头"), 1);
        assert_eq!(at("| 5 | 行 |"), 3);
        assert_eq!(at("| 1 | 行 |"), 5);
        assert_eq!(at("结尾 5"), 6);
        assert!(!e.text.contains(LINE_MARK));
    }

    #[test]
    fn whitespace_control_trims_as_without_marks() {
        let env = environment();
        let ctx = minijinja::context! { xs => vec![1, 2] };
        let src = "a\n\n  {%- for x in xs %}\n  - {{ x }}\n  {%- endfor %}\nb {{ 1 -}}\n\n\n   c\n{#\n comment {{ \n#}\n\nd\n{% if true -%}\n\n x\n{%- endif %}\n";
        let marked = expand(&env, "f.md", src, &ctx).unwrap();
        let plain = env.render_str(src, &ctx).unwrap();
        assert_eq!(marked.text, plain);
        let lines: Vec<&str> = marked.text.lines().collect();
        assert_eq!(
            marked.line_map[lines.iter().position(|l| *l == "d").unwrap()],
            14
        );
    }

    /// Line marks never change what a template prints: every template of
    /// the fuzzing corpus and of the bundled samples renders the same with
    /// and without them.
    #[test]
    fn marks_leave_the_output_unchanged() {
        let env = environment();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut sources = Vec::new();
        for dir in [
            "tests/fuzz_corpus/template_markdown",
            "samples/yunchuan-city/chapters",
        ] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
                if let Ok(bytes) = std::fs::read(entry.path()) {
                    sources.push(String::from_utf8_lossy(&bytes).into_owned());
                }
            }
        }
        let mut compared = 0;
        for src in sources.iter().filter(|s| !s.contains(LINE_MARK)) {
            let protected = protect_id_attrs(src);
            let Ok(plain) = env.render_str(&protected, minijinja::context! {}) else {
                continue;
            };
            let marked = expand(&env, "f.md", src, &Value::from(())).unwrap();
            assert_eq!(marked.text, plain.replace(ID_ATTR_GUARD, "{#"), "{src:?}");
            assert_eq!(marked.line_map.len(), marked.text.lines().count());
            compared += 1;
        }
        assert!(compared >= 20, "only {compared} templates rendered");
    }

    #[test]
    fn english_kind_names_are_minijinjas() {
        use minijinja::ErrorKind as K;
        for k in [
            K::SyntaxError,
            K::UndefinedError,
            K::InvalidOperation,
            K::UnknownFilter,
            K::UnknownFunction,
            K::TooManyArguments,
            K::MissingArgument,
            K::CannotUnpack,
            K::UnknownMethod,
            K::BadEscape,
        ] {
            let en = crate::i18n::with_lang(crate::i18n::Lang::En, || kind_name(k));
            assert_eq!(en, k.to_string());
            let zh = crate::i18n::with_lang(crate::i18n::Lang::Zh, || kind_name(k));
            assert_ne!(zh, en);
        }
    }

    #[test]
    fn id_attributes_are_not_comments() {
        let env = environment();
        let e = expand(
            &env,
            "f.md",
            "## 标题 {#sec-a}\n{# note #}x",
            &Value::from(()),
        )
        .unwrap();
        assert_eq!(e.text, "## 标题 {#sec-a}\nx");
    }

    #[test]
    fn data_values_are_escaped() {
        let env = environment();
        let ctx = minijinja::context! { v => "*x* @tbl-a #set" };
        let e = expand(&env, "f.md", "{{ v }}", &ctx).unwrap();
        assert_eq!(e.text, "\\*x\\* \\@tbl\\-a \\#set");
    }

    #[test]
    fn undefined_variable_names_file_and_line() {
        let env = environment();
        let err = expand(&env, "ch.md", "a\n\n{{ nope.x }}\n", &Value::from(())).unwrap_err();
        assert!(err.to_string().contains("ch.md:3"), "{err}");
    }
}

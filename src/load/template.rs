//! Narrative files are minijinja templates over the report data. This module
//! renders them and keeps a map from output lines back to source lines.

use crate::error::{Error, Result};
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
                format!("expected a finite number, found {value} (a division by zero?)"),
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
    let template = env
        .template_from_str(&protected)
        .map_err(|e| template_error(file, &e))?;
    let mut out = CappedWriter::default();
    if let Err(e) = template.render_captured_to(ctx, &mut out) {
        if out.overflowed {
            return Err(Error::at(
                file,
                format!(
                    "template error: the text grows beyond {} MB after templating; expected a report chapter (a loop or `*` repeating too much?)",
                    TEMPLATE_OUTPUT_BYTES >> 20
                ),
            ));
        }
        return Err(template_error(file, &e));
    }
    let text = String::from_utf8(out.bytes)
        .map_err(|_| Error::at(file, "template error: the output is not UTF-8"))?
        .replace(ID_ATTR_GUARD, "{#");
    let line_map = line_map(source, &text);
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
        return Error::at(
            loc,
            format!(
                "template error: the templates do more than {TEMPLATE_FUEL} steps of work; expected a report chapter (a loop that does not end?)"
            ),
        );
    }
    let mut msg = format!("template error: {}", e.kind());
    if let Some(detail) = e.detail() {
        msg.push_str(": ");
        msg.push_str(detail);
    }
    if let (Some(range), Some(src)) = (e.range(), e.template_source())
        && let Some(snippet) = src.get(range)
    {
        msg.push_str(&format!(" in `{}`", snippet.trim()));
    }
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        msg.push_str(&format!(" ({s})"));
        source = s.source();
    }
    Error::at(loc, msg)
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

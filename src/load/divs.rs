//! Splits a narrative file into Markdown runs and `:::` fenced blocks
//! (pandoc's fenced divs), which CommonMark itself does not know.

use super::attrs::{self, Attrs};
use crate::error::Collector;
use crate::i18n::msg;
use crate::model::limits::MAX_NESTING;

/// A piece of a narrative file.
#[derive(Debug, Clone)]
pub enum Node {
    /// Plain Markdown; `lines[i]` is the 0-based output line of text line `i`.
    Markdown { text: String, lines: Vec<usize> },
    /// A `::: {…}` block and what it holds.
    Div {
        attrs: Attrs,
        line: usize,
        children: Vec<Node>,
    },
}

/// A code fence as CommonMark reads it: at least three backticks or tildes
/// (after any indent and block-quote markers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fence {
    ch: char,
    len: usize,
    /// Opened inside a block quote: the code ends with the quote.
    quoted: bool,
}

/// The fence this line opens, if it opens one.
fn opening_fence(line: &str) -> Option<Fence> {
    let t = line.trim_start_matches(['>', ' ', '\t']);
    let ch = t.chars().next().filter(|c| *c == '`' || *c == '~')?;
    // Backticks and tildes are one byte each.
    let len = t.chars().take_while(|c| *c == ch).count();
    let quoted = line.trim_start().starts_with('>');
    // A backtick fence's info string cannot hold a backtick.
    (len >= 3 && !(ch == '`' && t[len..].contains('`'))).then_some(Fence { ch, len, quoted })
}

/// Whether this line closes a code block opened by `fence`: the same
/// character, at least as many of it, and nothing else.
fn closes(line: &str, fence: Fence) -> bool {
    let t = line.trim_start_matches(['>', ' ', '\t']);
    let len = t.chars().take_while(|c| *c == fence.ch).count();
    len >= fence.len && t[len..].trim().is_empty()
}

/// Splits `text` into nodes. `locate` turns a 0-based output line into a
/// location for error messages.
///
/// `:::` lines inside a fenced code block are code. Blocks nest at most
/// [`MAX_NESTING`] deep; deeper `:::` lines are reported and dropped (their
/// content stays in the enclosing block).
pub fn split(text: &str, locate: &dyn Fn(usize) -> String, errors: &mut Collector) -> Vec<Node> {
    // Each open div: its attrs, line and children so far.
    let mut stack: Vec<(Attrs, usize, Vec<Node>)> = Vec::new();
    let mut top: Vec<Node> = Vec::new();
    let mut md = String::new();
    let mut md_lines: Vec<usize> = Vec::new();
    let mut in_code: Option<Fence> = None;
    // `:::` openings dropped for being too deep, still to be closed.
    let mut too_deep = 0usize;
    // Where the open code block starts, and whether it holds `:::` lines.
    let mut code_line = 0usize;
    let mut code_holds_fences = false;

    fn flush(md: &mut String, md_lines: &mut Vec<usize>, into: &mut Vec<Node>) {
        if md_lines.is_empty() {
            return;
        }
        into.push(Node::Markdown {
            text: std::mem::take(md),
            lines: std::mem::take(md_lines),
        });
    }

    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if in_code.is_some_and(|f| f.quoted && !trimmed.starts_with('>')) {
            in_code = None;
        }
        if let Some(fence) = in_code {
            if closes(line, fence) {
                in_code = None;
            } else if trimmed.starts_with(":::") {
                code_holds_fences = true;
            }
        } else if let Some(fence) = opening_fence(line) {
            in_code = Some(fence);
            code_line = n;
            code_holds_fences = false;
        } else if trimmed.starts_with(":::") {
            let rest = trimmed.trim_start_matches(':').trim();
            if rest.is_empty() && too_deep > 0 {
                too_deep -= 1;
                continue;
            }
            if !rest.is_empty() && stack.len() >= MAX_NESTING {
                if too_deep == 0 {
                    errors.error(
                        locate(n),
                        msg::markdown::nested_too_deep(msg::markdown::nesting_divs(), MAX_NESTING),
                    );
                }
                too_deep += 1;
                continue;
            }
            let target = match stack.last_mut() {
                Some((_, _, children)) => children,
                None => &mut top,
            };
            flush(&mut md, &mut md_lines, target);
            if rest.is_empty() {
                match stack.pop() {
                    Some((attrs, line, children)) => {
                        let node = Node::Div {
                            attrs,
                            line,
                            children,
                        };
                        match stack.last_mut() {
                            Some((_, _, c)) => c.push(node),
                            None => top.push(node),
                        }
                    }
                    None => errors.error(locate(n), msg::markdown::div_close_unopened()),
                }
            } else {
                match attrs::parse(rest) {
                    Ok(a) => stack.push((a, n, Vec::new())),
                    Err(e) => {
                        errors.error(locate(n), e);
                        // Keep the structure balanced so later lines still parse.
                        stack.push((Attrs::default(), n, Vec::new()));
                    }
                }
            }
            continue;
        }
        md.push_str(line);
        md.push('\n');
        md_lines.push(n);
    }
    if in_code.is_some() && code_holds_fences {
        errors.error(locate(code_line), msg::markdown::code_block_unclosed());
    }
    let target = match stack.last_mut() {
        Some((_, _, children)) => children,
        None => &mut top,
    };
    flush(&mut md, &mut md_lines, target);
    while let Some((_, line, children)) = stack.pop() {
        errors.error(locate(line), msg::markdown::div_unclosed());
        top.extend(children);
    }
    top
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_open_and_close_as_in_commonmark() {
        let four = opening_fence("````").unwrap();
        assert!(!closes("```", four));
        assert!(closes("`````  ", four));
        assert!(!closes("````x", four));
        let tilde = opening_fence("  ~~~ python").unwrap();
        assert!(!closes("```", tilde));
        assert!(closes("> ~~~", tilde));
        assert!(opening_fence("> ```").is_some());
        assert!(opening_fence("``").is_none());
        assert!(opening_fence("``` a`b").is_none());
        assert!(opening_fence(":::").is_none());
    }

    #[test]
    fn block_fences_in_code_are_code() {
        let mut errors = Collector::default();
        let text = "````\n```\n::: {.case}\n````\n::: {.case}\n正文\n:::\n";
        let nodes = split(text, &|n| format!("x.md:{}", n + 1), &mut errors);
        assert!(errors.finish().is_ok());
        assert!(
            matches!(&nodes[..], [Node::Markdown { lines, .. }, Node::Div { .. }] if lines.len() == 4)
        );
    }

    #[test]
    fn code_in_a_block_quote_ends_with_the_quote() {
        let mut errors = Collector::default();
        let text = "> ```\n> 代码\n::: {.case}\n正文\n:::\n";
        let nodes = split(text, &|n| format!("x.md:{}", n + 1), &mut errors);
        assert!(errors.finish().is_ok());
        assert!(matches!(
            &nodes[..],
            [Node::Markdown { .. }, Node::Div { .. }]
        ));
    }

    #[test]
    fn an_unclosed_code_block_swallowing_block_fences_is_named() {
        let mut errors = Collector::default();
        let text = "正文\n\n```\n代码\n::: {.case}\n:::\n";
        split(text, &|n| format!("x.md:{}", n + 1), &mut errors);
        let e = errors.finish().unwrap_err().to_string();
        assert!(
            e.contains("x.md:3: this code block (```) is never closed"),
            "{e}"
        );
    }
}

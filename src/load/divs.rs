//! Splits a narrative file into Markdown runs and `:::` fenced blocks
//! (pandoc's fenced divs), which CommonMark itself does not know.

use super::attrs::{self, Attrs};
use crate::error::Collector;

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

/// Splits `text` into nodes. `locate` turns a 0-based output line into a
/// location for error messages.
pub fn split(text: &str, locate: &dyn Fn(usize) -> String, errors: &mut Collector) -> Vec<Node> {
    // Each open div: its attrs, line and children so far.
    let mut stack: Vec<(Attrs, usize, Vec<Node>)> = Vec::new();
    let mut top: Vec<Node> = Vec::new();
    let mut md = String::new();
    let mut md_lines: Vec<usize> = Vec::new();
    let mut in_code: Option<String> = None;

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
        if let Some(fence) = &in_code {
            if trimmed.starts_with(fence.as_str()) {
                in_code = None;
            }
        } else if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = Some(trimmed[..3].to_string());
        } else if trimmed.starts_with(":::") {
            let rest = trimmed.trim_start_matches(':').trim();
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
                    None => errors.error(locate(n), "`:::` closes a block that was never opened"),
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
    let target = match stack.last_mut() {
        Some((_, _, children)) => children,
        None => &mut top,
    };
    flush(&mut md, &mut md_lines, target);
    while let Some((_, line, children)) = stack.pop() {
        errors.error(
            locate(line),
            "this `:::` block is never closed (expected a line `:::`)",
        );
        top.extend(children);
    }
    top
}

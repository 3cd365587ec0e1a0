//! The little inline markup nianbao reads besides Markdown, shared by the
//! Markdown loader, the caption reader and the backends: `<br>` line breaks
//! (the only HTML nianbao understands), what may stand between the `^…^` and
//! `~…~` of a superscript or subscript, and how the lines of a caption are
//! joined where it must be one line (the lists of tables, figures and cases,
//! bookmarks).

/// The length of the `<br>` tag (`<br>`, `<br/>`, `<br />`, any case) at the
/// start of `s`, if there is one.
pub fn br_at(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.len() < 4 || b[0] != b'<' || !b[1].eq_ignore_ascii_case(&b'b') {
        return None;
    }
    if !b[2].eq_ignore_ascii_case(&b'r') {
        return None;
    }
    let mut i = 3;
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    (b.get(i) == Some(&b'>')).then_some(i + 1)
}

/// Whether `s` is exactly one `<br>` tag.
pub fn is_br(s: &str) -> bool {
    br_at(s.trim()) == Some(s.trim().len())
}

/// Replaces every `<br>` tag in `s` with a newline (cover lines, which are
/// plain text with `\n` for a line break).
pub fn br_to_newline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('<') {
        out.push_str(&rest[..k]);
        match br_at(&rest[k..]) {
            Some(n) => {
                out.push('\n');
                rest = &rest[k + n..];
            }
            None => {
                out.push('<');
                rest = &rest[k + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether `s` may be set as a superscript or subscript (`m^2^`, `CO~2~`,
/// `10^-6^`): a few ASCII letters, digits, `+ - . ( )`, nothing else. A
/// tilde pair around anything else (`10~20人，30~40人`, ranges written with
/// `~`) prints as written.
pub fn script_ok(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= 10
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.()".contains(c))
}

fn is_wide(c: char) -> bool {
    !c.is_ascii() && !c.is_whitespace()
}

/// What joins two lines ending and starting with these characters: nothing
/// next to a Chinese (wide) character or at an end, a space between two
/// Latin ones; as soft line breaks join in Markdown.
pub fn joint(before: Option<char>, after: Option<char>) -> &'static str {
    match (before, after) {
        (Some(a), Some(b)) if !is_wide(a) && !is_wide(b) => " ",
        _ => "",
    }
}

/// Joins lines into one line (see [`joint`]).
pub fn join_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        out.push_str(joint(out.chars().next_back(), line.chars().next()));
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn br_tags() {
        assert_eq!(br_at("<br>x"), Some(4));
        assert_eq!(br_at("<BR/>"), Some(5));
        assert_eq!(br_at("<br />"), Some(6));
        assert_eq!(br_at("<b>"), None);
        assert_eq!(br_at("<bra>"), None);
        assert!(is_br(" <br> "));
        assert_eq!(
            br_to_newline("青铜峡市<br>职教中心 <b>"),
            "青铜峡市\n职教中心 <b>"
        );
    }

    #[test]
    fn scripts_and_joins() {
        assert!(script_ok("2") && script_ok("-6") && script_ok("2+"));
        assert!(!script_ok("20人，30") && !script_ok("a b") && !script_ok(""));
        assert_eq!(join_lines("青铜峡市\n职教中心"), "青铜峡市职教中心");
        assert_eq!(join_lines("Smart\nCampus"), "Smart Campus");
        assert_eq!(join_lines("以赛促学\n——某校的做法"), "以赛促学——某校的做法");
    }
}

//! Where a table cell's text may break. Lines break between CJK characters
//! and at spaces, never inside a token: a number with its sign, separators,
//! decimals and unit (`-12,486.35`, `67.96%`, `8.2 : 1`, `2023—2026年`), a
//! year, a date, a Latin word. Short CJK words (合计, 本科) are kept whole
//! where the table has room ([`Tokens::soft`]).

use super::metrics::is_wide;

/// The unbreakable pieces of one line of cell text.
#[derive(Debug, Default, PartialEq)]
pub struct Tokens {
    /// Pieces that must never break.
    pub hard: Vec<String>,
    /// The same text in the larger pieces that should not break when there
    /// is room (CJK words of up to four characters kept whole).
    pub soft: Vec<String>,
}

/// Characters that directly after a number belong to it (`2025年`, `12人`).
const UNITS: &str = "年月日时分秒个人所元万亿次项门名台套册件倍岁天周届期批座间张种家";

/// CJK punctuation that must not start a line: it sticks to what is before.
const CLOSING: &str = "，。、；：！？）》」』】〕…%‰”’";

/// CJK punctuation that must not end a line: it sticks to what follows.
const OPENING: &str = "（《「『【〔“‘";

/// Splits one line of cell text into tokens.
pub fn tokens(line: &str) -> Tokens {
    let runs = runs(line);
    let mut hard = Vec::new();
    let mut soft = Vec::new();
    for run in runs {
        match run {
            Run::Latin(s) => {
                hard.push(s.clone());
                soft.push(s);
            }
            Run::Cjk(chars) => {
                // Hard: two characters at most together; soft: whole words of
                // up to four characters, longer text in fours.
                hard.extend(chunks(&chars, 2));
                soft.extend(chunks(&chars, 4));
            }
        }
    }
    Tokens { hard, soft }
}

fn chunks(units: &[String], n: usize) -> Vec<String> {
    units.chunks(n).map(|c| c.concat()).collect()
}

#[derive(Debug)]
enum Run {
    /// A piece of Latin text, digits and their joiners: one token.
    Latin(String),
    /// CJK characters, each (with any punctuation glued to it) a unit.
    Cjk(Vec<String>),
}

fn runs(line: &str) -> Vec<Run> {
    let chars: Vec<char> = line.chars().collect();
    let mut out: Vec<Run> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !is_wide(c) || joins_digits(&chars, i) {
            let mut s = String::new();
            while i < chars.len() {
                let c = chars[i];
                if (!is_wide(c) && !c.is_whitespace())
                    || joins_digits(&chars, i)
                    || ratio_space(&chars, i)
                {
                    s.push(c);
                    i += 1;
                } else {
                    break;
                }
            }
            // A unit right after a number (`12人`), and a date's parts
            // together (`2025年3月`, `3月15日`).
            while s.ends_with(|c: char| c.is_ascii_digit() || c == '%')
                && let Some(&u) = chars.get(i)
                && UNITS.contains(u)
            {
                s.push(u);
                i += 1;
                if !matches!(u, '年' | '月') {
                    break;
                }
                while let Some(&d) = chars.get(i)
                    && d.is_ascii_digit()
                {
                    s.push(d);
                    i += 1;
                }
            }
            while let Some(&p) = chars.get(i)
                && CLOSING.contains(p)
            {
                s.push(p);
                i += 1;
            }
            attach_opening(&mut out, &mut s);
            out.push(Run::Latin(s));
            continue;
        }
        let mut units: Vec<String> = match out.last_mut() {
            Some(Run::Cjk(_)) => match out.pop() {
                Some(Run::Cjk(u)) => u,
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        while i < chars.len() && is_wide(chars[i]) && !joins_digits(&chars, i) {
            let c = chars[i];
            // Closing punctuation sticks to the unit before it, and a unit
            // after an opening bracket to the bracket.
            let glue = (CLOSING.contains(c) && !units.is_empty())
                || units
                    .last()
                    .is_some_and(|u| u.chars().all(|x| OPENING.contains(x)));
            match units.last_mut() {
                Some(last) if glue => last.push(c),
                _ => units.push(c.to_string()),
            }
            i += 1;
        }
        out.push(Run::Cjk(units));
    }
    out
}

/// An opening bracket left at the end of a CJK run goes with the next token.
fn attach_opening(out: &mut [Run], s: &mut String) {
    if let Some(Run::Cjk(units)) = out.last_mut()
        && units
            .last()
            .is_some_and(|u| u.chars().all(|x| OPENING.contains(x)))
        && let Some(open) = units.pop()
    {
        s.insert_str(0, &open);
    }
}

/// A dash or tilde between digits (`2023—2026`, `8～10`) joins them.
fn joins_digits(chars: &[char], i: usize) -> bool {
    matches!(chars[i], '—' | '－' | '～' | '–' | '~' | '-')
        && i > 0
        && chars[i - 1].is_ascii_digit()
        && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())
}

/// The spaces of a ratio `8.2 : 1` belong to it.
fn ratio_space(chars: &[char], i: usize) -> bool {
    if !chars[i].is_whitespace() {
        return false;
    }
    let prev = chars[..i].iter().rev().find(|c| !c.is_whitespace());
    let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
    matches!((prev, next), (Some(p), Some(n))
        if (p.is_ascii_digit() && matches!(n, ':' | '：'))
            || (matches!(p, ':' | '：') && n.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hard(s: &str) -> Vec<String> {
        tokens(s).hard
    }

    #[test]
    fn numbers_stay_whole() {
        assert_eq!(hard("12,486.35"), ["12,486.35"]);
        assert_eq!(hard("67.96%"), ["67.96%"]);
        assert_eq!(hard("8.2 : 1"), ["8.2 : 1"]);
        assert_eq!(hard("2023—2026年"), ["2023—2026年"]);
        assert_eq!(hard("-5.2"), ["-5.2"]);
        assert_eq!(hard("共12人"), ["共", "12人"]);
        assert_eq!(hard("2025年3月"), ["2025年3月"]);
        assert_eq!(hard("2025年3月15日起"), ["2025年3月15日", "起"]);
    }

    #[test]
    fn cjk_breaks_between_characters_with_short_words_soft() {
        let t = tokens("青铜峡市职教中心");
        assert_eq!(t.hard, ["青铜", "峡市", "职教", "中心"]);
        assert_eq!(t.soft, ["青铜峡市", "职教中心"]);
        assert_eq!(tokens("合计").soft, ["合计"]);
    }

    #[test]
    fn punctuation_sticks() {
        assert_eq!(hard("（万元）"), ["（万元）"]);
        assert_eq!(hard("占比（%）"), ["占比", "（%）"]);
    }
}

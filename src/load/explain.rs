//! Errors of the parsers and of the system, in the user's language:
//! serde_json's (report.json, JSON datasets), the CSV reader's and the
//! system's (`std::io`). In English each is printed as its own text, as it
//! always was; in Chinese the common kinds are written in Chinese
//! (`类型不对：应为整数，实际为文字 “12o0”`) and the rest get a Chinese
//! lead-in before the parser's own words.

use crate::i18n::msg::data as m;
use crate::i18n::{Lang, lang};
use serde_json::error::Category;

/// A serde_json error without its " at line N column M" (the location is
/// printed beside the message already).
pub fn json(e: &serde_json::Error) -> String {
    let text = strip_position(&e.to_string());
    match lang() {
        Lang::En => text,
        Lang::Zh => json_zh(e.classify(), &text),
    }
}

/// serde_json appends " at line N column M"; the location is printed already.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// A serde_json message (without its position) in Chinese.
fn json_zh(category: Category, text: &str) -> String {
    match category {
        Category::Syntax | Category::Eof => syntax(text),
        Category::Data => data(text),
        Category::Io => None,
    }
    .unwrap_or_else(|| m::json_other(text))
}

/// The messages of malformed JSON, which serde_json writes from a fixed list.
fn syntax(text: &str) -> Option<String> {
    Some(match text {
        "EOF while parsing an object" => m::json_eof_object(),
        "EOF while parsing a list" => m::json_eof_list(),
        "EOF while parsing a string" => m::json_eof_string(),
        "EOF while parsing a value" => m::json_eof_value(),
        "expected `:`" => m::json_expected_colon(),
        "expected `,` or `]`" => m::json_expected_comma_or_bracket(),
        "expected `,` or `}`" => m::json_expected_comma_or_brace(),
        "expected ident" => m::json_expected_ident(),
        "expected value" => m::json_expected_value(),
        "expected `\"`" => m::json_expected_quote(),
        "invalid escape" => m::json_invalid_escape(),
        "invalid number" => m::json_invalid_number(),
        "number out of range" => m::json_number_out_of_range(),
        "invalid unicode code point" => m::json_invalid_unicode(),
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            m::json_control_character()
        }
        "key must be a string" => m::json_key_not_string(),
        "trailing comma" => m::json_trailing_comma(),
        "trailing characters" => m::json_trailing_characters(),
        "recursion limit exceeded" => m::json_recursion_limit(),
        "lone leading surrogate in hex escape" | "unexpected end of hex escape" => {
            m::json_hex_escape()
        }
        _ => return None,
    })
}

/// The messages of well-formed JSON that does not fit the expected shape,
/// which serde writes in a few known forms.
fn data(text: &str) -> Option<String> {
    if let Some(rest) = text.strip_prefix("invalid type: ") {
        let (found, expected) = rest.rsplit_once(", expected ")?;
        return Some(m::json_invalid_type(
            pad(&expected_zh(expected)),
            pad(&found_zh(found)),
        ));
    }
    if let Some(rest) = text.strip_prefix("invalid value: ") {
        let (found, expected) = rest.rsplit_once(", expected ")?;
        let expected = if is_integer_type(expected) {
            m::json_type_integer_in_range()
        } else {
            expected_zh(expected)
        };
        return Some(m::json_invalid_value(pad(&expected), pad(&found_zh(found))));
    }
    if let Some(rest) = text.strip_prefix("invalid length ") {
        let (found, expected) = rest.split_once(", expected ")?;
        return Some(m::json_invalid_length(pad(&expected_zh(expected)), found));
    }
    if let Some(field) = quoted_whole(text, "missing field `") {
        return Some(m::json_missing_field(field));
    }
    if let Some(field) = quoted_whole(text, "duplicate field `") {
        return Some(m::json_duplicate_field(field));
    }
    if let Some(rest) = text.strip_prefix("unknown field `") {
        let (field, tail) = rest.split_once('`')?;
        if tail == ", there are no fields" {
            return Some(m::json_unknown_field_none(field));
        }
        let names = one_of(tail.strip_prefix(", expected ")?)?;
        return Some(m::json_unknown_field(field, names));
    }
    if let Some(rest) = text.strip_prefix("unknown variant `") {
        let (value, tail) = rest.split_once('`')?;
        let names = one_of(tail.strip_prefix(", expected ")?)?;
        return Some(m::json_unknown_variant(value, names));
    }
    if text.starts_with("data did not match any variant of untagged enum") {
        return Some(m::json_no_form_matches());
    }
    None
}

/// `x` of `` prefix`x` `` when the whole text is that.
fn quoted_whole<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    text.strip_prefix(prefix)?.strip_suffix('`')
}

/// serde's list of names — `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` `` —
/// joined for the reader, without the backticks.
fn one_of(s: &str) -> Option<String> {
    let names: Vec<&str> = match s.strip_prefix("one of ") {
        Some(list) => list.split(", ").collect(),
        None => s.split(" or ").collect(),
    };
    let names: Vec<&str> = names
        .into_iter()
        .map(|n| n.strip_prefix('`')?.strip_suffix('`'))
        .collect::<Option<_>>()?;
    Some(names.join(&m::list_separator()))
}

fn is_integer_type(s: &str) -> bool {
    matches!(
        s,
        "i8" | "i16"
            | "i32"
            | "i64"
            | "i128"
            | "isize"
            | "u8"
            | "u16"
            | "u32"
            | "u64"
            | "u128"
            | "usize"
    )
}

/// What serde says was expected (a visitor's "expecting"), in Chinese where
/// it is one of serde's own; nianbao's own are in the user's language already.
fn expected_zh(s: &str) -> String {
    match s {
        "a string" | "a borrowed string" | "path string" => m::json_type_string(),
        "a boolean" => m::json_type_boolean(),
        "f32" | "f64" => m::json_type_number(),
        "a sequence" => m::json_type_list(),
        "a map" => m::json_type_object(),
        "a character" => m::json_type_character(),
        _ if is_integer_type(s) => m::json_type_integer(),
        _ if s.starts_with("struct ") => m::json_type_object(),
        _ => s.to_string(),
    }
}

/// What serde says was found (its `Unexpected`), in Chinese.
fn found_zh(s: &str) -> String {
    let inner = |prefix: &str| s.strip_prefix(prefix).and_then(|r| r.strip_suffix('`'));
    if s == "null" || s == "unit value" {
        m::json_found_null()
    } else if let Some(v) = inner("boolean `") {
        m::json_found_boolean(v)
    } else if let Some(v) = inner("integer `") {
        m::json_found_integer(v)
    } else if let Some(v) = inner("floating point `") {
        m::json_found_float(v)
    } else if let Some(v) = inner("character `") {
        m::json_found_character(v)
    } else if let Some(v) = s
        .strip_prefix("string \"")
        .and_then(|r| r.strip_suffix('"'))
    {
        m::json_found_string(unescape_debug(v))
    } else if s == "sequence" {
        m::json_found_list()
    } else if s == "map" {
        m::json_found_object()
    } else {
        s.to_string()
    }
}

/// A space before a piece that starts with a Latin letter, a digit or a
/// quote, as Chinese text sets them apart (`应为 true 或 false`).
fn pad(s: &str) -> String {
    match s.chars().next() {
        Some(c) if c.is_ascii_alphanumeric() || "`\"'“{[(".contains(c) => format!(" {s}"),
        _ => s.to_string(),
    }
}

/// The text of a string written by Rust's `{:?}` (serde quotes the string
/// found that way): `\"`, `\\`, `\n`, `\t`, `\r`, `\'`, `\0`, `\u{…}`.
fn unescape_debug(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => out.push('\0'),
            Some('u') => {
                let rest: String = it.by_ref().take_while(|&c| c != '}').collect();
                let code = rest.trim_start_matches('{');
                match u32::from_str_radix(code, 16).ok().and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => out.push_str(&format!("\\u{{{code}}}")),
                }
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A system error (reading or writing a file), in the user's language.
pub use crate::i18n::io_reason as io;

/// A CSV reader's error: its own text in English, the common kinds in
/// Chinese (the rest follow a Chinese lead-in at the call site).
pub fn csv(e: &csv::Error) -> String {
    if lang() == Lang::En {
        return e.to_string();
    }
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => m::csv_unequal_lengths(expected_len, len),
        csv::ErrorKind::Utf8 { .. } => m::csv_not_utf8(),
        csv::ErrorKind::Io(io_err) => io(io_err),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::with_lang;
    use serde::Deserialize;

    /// The message for `text` parsed as `T`, in `lang`.
    fn said<T: for<'de> Deserialize<'de>>(lang: Lang, text: &str) -> String {
        let e = serde_json::from_str::<T>(text).err().expect("an error");
        with_lang(lang, || json(&e))
    }

    fn zh(text: &str) -> String {
        said::<serde_json::Value>(Lang::Zh, text)
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Config {
        title: String,
        year: u32,
        #[serde(default)]
        toc: Option<bool>,
        #[serde(default)]
        house: Option<House>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum House {
        Gongwen,
        Report,
    }

    #[test]
    fn english_is_serde_json_s_own_text() {
        for (text, expected) in [
            ("{\"a\": 1", "EOF while parsing an object"),
            ("{\"a\": }", "expected value"),
            ("[1, 2,]", "trailing comma"),
        ] {
            assert_eq!(said::<serde_json::Value>(Lang::En, text), expected);
        }
        assert_eq!(
            said::<Config>(Lang::En, r#"{"title": "x", "year": "2025"}"#),
            "invalid type: string \"2025\", expected u32"
        );
        assert_eq!(
            said::<Config>(Lang::En, r#"{"year": 2025}"#),
            "missing field `title`"
        );
    }

    #[test]
    fn malformed_json_is_explained_in_chinese() {
        assert_eq!(zh("{\"a\": 1"), with_lang(Lang::Zh, m::json_eof_object));
        assert!(
            zh("{\"a\": 1").contains("缺少结尾的 “}”"),
            "{}",
            zh("{\"a\": 1")
        );
        assert!(zh("[1, 2").contains("“]”"));
        assert!(zh("{\"a\": }").starts_with("应为一个值"));
        assert!(zh("{\"a\": 1 \"b\": 2}").starts_with("应为 “,” 或 “}”"));
        assert!(zh("[1 2]").starts_with("应为 “,” 或 “]”"));
        assert!(zh("{\"a\" 1}").starts_with("应为 “:”"));
        assert!(zh("[1, 2,]").starts_with("多余的逗号"));
        assert!(zh("{\"a\": 1,}").starts_with("多余的逗号"));
        assert!(zh("{a: 1}").starts_with("字段名应为带英文双引号的文字"));
        assert!(zh("{\"a\": tru}").starts_with("应为 true、false 或 null"));
        assert!(zh("{\"a\": \"x\\q\"}").starts_with("文字中的转义写法有误"));
        assert!(zh("{\"a\": \"x\ny\"}").starts_with("文字中有控制字符"));
        assert!(zh("{} x").contains("多余的字符"));
        assert!(zh("\"abc").starts_with("文件在字符串结束之前就结束了"));
        assert!(zh("").starts_with("文件意外结束"));
    }

    #[test]
    fn mismatched_json_is_explained_in_chinese() {
        let zh = |text: &str| said::<Config>(Lang::Zh, text);
        assert_eq!(
            zh(r#"{"title": "x", "year": "2025"}"#),
            "类型不对：应为整数，实际为文字 “2025”"
        );
        assert_eq!(
            zh(r#"{"title": 3, "year": 2025}"#),
            "类型不对：应为带英文双引号的文字，实际为整数 3"
        );
        assert_eq!(
            zh(r#"{"title": "x", "year": 2025, "toc": "yes"}"#),
            "类型不对：应为 true 或 false，实际为文字 “yes”"
        );
        assert_eq!(
            zh(r#"{"title": null, "year": 2025}"#),
            "类型不对：应为带英文双引号的文字，实际为空值 null"
        );
        assert_eq!(
            zh(r#"{"title": [1], "year": 2025}"#),
            "类型不对：应为带英文双引号的文字，实际为数组"
        );
        assert_eq!(
            zh(r#"{"title": "x", "year": 2.5}"#),
            "类型不对：应为整数，实际为小数 2.5"
        );
        assert_eq!(
            zh(r#"{"title": "x", "year": -1}"#),
            "值不对：应为允许范围内的整数，实际为整数 -1"
        );
        assert_eq!(zh(r#"{"year": 2025}"#), "缺少字段 “title”");
        assert_eq!(
            zh(r#"{"title": "x", "year": 2025, "tilte": "y"}"#),
            "不认识的字段 “tilte”（可用的字段：title、year、toc、house）"
        );
        assert_eq!(
            zh(r#"{"title": "x", "title": "y", "year": 2025}"#),
            "字段 “title” 重复出现"
        );
        assert_eq!(
            zh(r#"{"title": "x", "year": 2025, "house": "gov"}"#),
            "不认识的取值 “gov”（可选：gongwen、report）"
        );
        assert_eq!(zh("3"), "类型不对：应为对象（{ … }），实际为整数 3");
        assert_eq!(
            zh(r#"{"title": "x", "year": "a \"q\" b"}"#),
            "类型不对：应为整数，实际为文字 “a \"q\" b”"
        );
    }

    #[test]
    fn an_unknown_form_keeps_serde_s_words_after_a_chinese_lead_in() {
        with_lang(Lang::Zh, || {
            assert_eq!(
                json_zh(Category::Data, "something new"),
                "内容有误：something new"
            );
            assert_eq!(found_zh("string \"a\\\"b\\n\""), "文字 “a\"b\n”");
        });
    }

    #[test]
    fn system_and_csv_errors_in_chinese() {
        let e = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(with_lang(Lang::Zh, || io(&e)), "文件或文件夹不存在");
        assert_eq!(with_lang(Lang::En, || io(&e)), e.to_string());
        let mut r = ::csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader("a,b\n1,2,3\n".as_bytes());
        let err = r.records().next().unwrap().unwrap_err();
        assert_eq!(
            with_lang(Lang::Zh, || csv(&err)),
            with_lang(Lang::Zh, || m::csv_unequal_lengths(2, 3))
        );
        assert_eq!(with_lang(Lang::En, || csv(&err)), err.to_string());
    }
}

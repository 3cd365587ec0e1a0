//! Attribute lists of fenced blocks and figures: `{.table #tbl-x caption="…" size=small}`,
//! parsed, and the values every block shares (keys, id, required text, width) checked.

use crate::error::Collector;
use crate::i18n::msg;
use crate::model::Origin;
use crate::model::refs::valid_id;
use std::collections::BTreeMap;

/// A parsed attribute list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Attrs {
    /// The `.class` words, in order.
    pub classes: Vec<String>,
    /// The `#id`, if any.
    pub id: Option<String>,
    /// The `key=value` pairs.
    pub values: BTreeMap<String, String>,
}

impl Attrs {
    /// Reports every key that is not in `allowed`, and more than one class.
    pub fn check_keys(&self, allowed: &[&str], origin: &Origin, errors: &mut Collector) {
        for key in self.values.keys() {
            if !allowed.contains(&key.as_str()) {
                errors.error(
                    origin.to_string(),
                    msg::load::attr_unknown(key, format!("{allowed:?}")),
                );
            }
        }
        if self.classes.len() > 1 {
            errors.error(
                origin.to_string(),
                msg::load::attr_many_classes(self.classes.join(" .")),
            );
        }
    }

    /// The `#id` when it is valid and starts with `prefix` (`tbl-`, …);
    /// reports any other.
    pub fn checked_id(
        &self,
        prefix: &str,
        origin: &Origin,
        errors: &mut Collector,
    ) -> Option<String> {
        let id = self.id.clone()?;
        if !valid_id(&id) || !id.starts_with(prefix) {
            errors.error(origin.to_string(), msg::load::attr_id_invalid(&id, prefix));
            return None;
        }
        Some(id)
    }

    /// The value of `key`, which must be given and not blank; reports it missing.
    pub fn required(&self, key: &str, origin: &Origin, errors: &mut Collector) -> Option<String> {
        match self.values.get(key) {
            Some(v) if !v.trim().is_empty() => Some(v.clone()),
            _ => {
                errors.error(origin.to_string(), msg::load::attr_missing(key));
                None
            }
        }
    }

    /// `width=70%` as a fraction of the text width: 0.8 when not given, or
    /// (reported) when not a percentage from 0 to 100.
    pub fn width(&self, origin: &Origin, errors: &mut Collector) -> f64 {
        match self.values.get("width") {
            None => 0.8,
            Some(w) => match w.strip_suffix('%').and_then(|n| n.parse::<f64>().ok()) {
                Some(p) if p > 0.0 && p <= 100.0 => p / 100.0,
                _ => {
                    errors.error(origin.to_string(), msg::load::attr_width(w));
                    0.8
                }
            },
        }
    }
}

/// Parses the inside or the whole of `{…}`. Values may be bare words or
/// double-quoted strings with backslash escapes.
pub fn parse(input: &str) -> Result<Attrs, String> {
    let s = input.trim();
    let s = s
        .strip_prefix('{')
        .and_then(|s| s.strip_suffix('}'))
        .ok_or_else(|| msg::load::attrs_no_braces(s))?;
    let chars: Vec<char> = s.chars().collect();
    let mut attrs = Attrs::default();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c == '.' || c == '#' {
            let start = i + 1;
            i = start;
            while i < chars.len() && !chars[i].is_whitespace() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if word.is_empty() {
                return Err(msg::load::attrs_empty_marker(c));
            }
            if c == '.' {
                attrs.classes.push(word);
            } else if attrs.id.replace(word).is_some() {
                return Err(msg::load::attrs_many_ids());
            }
            continue;
        }
        // key=value
        let start = i;
        while i < chars.len() && chars[i] != '=' && !chars[i].is_whitespace() {
            i += 1;
        }
        let key: String = chars[start..i].iter().collect();
        if i >= chars.len() || chars[i] != '=' {
            return Err(msg::load::attrs_expected_value(key));
        }
        i += 1;
        let value = if i < chars.len() && chars[i] == '"' {
            i += 1;
            let mut v = String::new();
            loop {
                match chars.get(i) {
                    None => return Err(msg::load::attrs_unclosed_quote(&key)),
                    Some('"') => {
                        i += 1;
                        break;
                    }
                    Some('\\') if i + 1 < chars.len() => {
                        v.push(chars[i + 1]);
                        i += 2;
                    }
                    Some(&ch) => {
                        v.push(ch);
                        i += 1;
                    }
                }
            }
            v
        } else {
            let vs = i;
            while i < chars.len() && !chars[i].is_whitespace() {
                i += 1;
            }
            let raw: String = chars[vs..i].iter().collect();
            unescape(&raw)
        };
        if attrs.values.insert(key.clone(), value).is_some() {
            return Err(msg::load::attrs_duplicate_key(key));
        }
    }
    Ok(attrs)
}

/// Removes backslash escapes before ASCII punctuation (template values arrive escaped).
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c == '\\' && it.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            out.push(it.next().unwrap());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_classes_id_and_values() {
        let a = parse(r#"{.table #tbl-x caption="表 \"A\" b" header-rows=2}"#).unwrap();
        assert_eq!(a.classes, vec!["table"]);
        assert_eq!(a.id.as_deref(), Some("tbl-x"));
        assert_eq!(a.values["caption"], "表 \"A\" b");
        assert_eq!(a.values["header-rows"], "2");
    }

    #[test]
    fn rejects_unclosed_quote() {
        assert!(parse(r#"{.table caption="x}"#).is_err());
    }
}

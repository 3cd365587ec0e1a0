//! Every message exists in both languages: no text left empty, none left
//! untranslated, the same placeholders in both (the latter is also checked
//! by the compiler, see `src/i18n`).

mod common;

use common::english_prose;
use nianbao::i18n::help::HELP;
use nianbao::i18n::msg::PARTS;

/// Chinese, CJK punctuation or a full-width form.
fn is_cjk_or_fullwidth(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF)
}

/// The text with `{name}` placeholders removed.
fn without_placeholders(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The placeholders of a text, sorted.
fn placeholders(s: &str) -> Vec<String> {
    let mut out: Vec<String> = s
        .split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string()))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Why a pair of texts is not a proper translation, if it is not.
fn fault(zh: &str, en: &str) -> Option<&'static str> {
    if zh.trim().is_empty() || en.trim().is_empty() {
        return Some("a text is empty");
    }
    let zh_words = without_placeholders(zh);
    let en_words = without_placeholders(en);
    let only_placeholders = zh_words
        .chars()
        .all(|c| !c.is_alphabetic() && !is_cjk_or_fullwidth(c));
    if !only_placeholders && !zh_words.chars().any(is_cjk_or_fullwidth) {
        return Some("the Chinese text has no Chinese in it");
    }
    // English prose in the Chinese text: three ASCII words in a row.
    if english_prose(&zh_words).is_some() {
        return Some("the Chinese text has English prose in it");
    }
    if en_words.chars().filter(|&c| is_cjk_or_fullwidth(c)).count() > en_words.chars().count() / 2 {
        return Some("the English text is mostly Chinese");
    }
    if placeholders(zh) != placeholders(en) {
        return Some("the placeholders differ");
    }
    None
}

#[test]
fn every_message_is_in_both_languages() {
    let mut faults = Vec::new();
    let mut count = 0;
    for (part, messages) in PARTS {
        for (name, zh, en) in *messages {
            count += 1;
            if let Some(f) = fault(zh, en) {
                faults.push(format!("{part}::{name}: {f}\n  zh: {zh}\n  en: {en}"));
            }
        }
    }
    assert!(count > 30, "only {count} messages in the catalogue");
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn every_help_text_is_in_both_languages() {
    let faults: Vec<String> = HELP
        .iter()
        .filter_map(|(key, zh, en)| fault(zh, en).map(|f| format!("{key}: {f}")))
        .collect();
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn message_names_are_unique_in_each_part() {
    for (part, messages) in PARTS {
        let mut names: Vec<&str> = messages.iter().map(|m| m.0).collect();
        names.sort();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "a name is used twice in {part}");
    }
}

#[test]
fn the_checker_catches_what_it_should() {
    assert!(fault("", "x").is_some());
    assert!(fault("cannot read the file", "cannot read the file").is_some());
    assert!(fault("无法读取 {path}", "cannot read {file}").is_some());
    assert!(fault("无法读取 the file at all", "cannot read").is_some());
    assert!(fault("{kind}：{message}", "{kind}: {message}").is_none());
    assert!(
        fault(
            "无法读取 {path}（PDF/A 限制）",
            "cannot read {path} (PDF/A limit)"
        )
        .is_none()
    );
}

/// The source files of the program, without their unit tests.
fn sources() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let rel = p.strip_prefix(&root).unwrap().display().to_string();
                let text = std::fs::read_to_string(&p).unwrap();
                let code = match text.find("#[cfg(test)]") {
                    Some(i) => text[..i].to_string(),
                    None => text,
                };
                out.push((rel, code));
            }
        }
    }
    out.sort();
    out
}

/// The text of the call's arguments after `open` (which ends with `(`),
/// split at top-level commas.
fn arguments(code: &str, open: usize) -> Vec<String> {
    let mut depth = 0;
    let mut args = vec![String::new()];
    let mut in_str = false;
    let mut escaped = false;
    for c in code[open..].chars() {
        if in_str {
            args.last_mut().unwrap().push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_str = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_str = true;
                args.last_mut().unwrap().push(c);
            }
            '(' | '[' | '{' => {
                depth += 1;
                args.last_mut().unwrap().push(c);
            }
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => {
                depth -= 1;
                args.last_mut().unwrap().push(c);
            }
            ',' if depth == 0 => args.push(String::new()),
            _ => args.last_mut().unwrap().push(c),
        }
    }
    args.into_iter().map(|a| a.trim().to_string()).collect()
}

/// Text written in the code itself, with English words in it.
fn is_english_literal(arg: &str) -> bool {
    let literal =
        arg.starts_with('"') || arg.starts_with("format!(\"") || arg.starts_with("&format!(\"");
    literal
        && arg
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.len() >= 3)
}

/// Every message reaches the user through the catalogue: no finding or
/// error is written as an English literal in the code.
#[test]
fn no_message_is_written_outside_the_catalogue() {
    let calls = [
        "Error::at(",
        "Diagnostic::error(",
        "Diagnostic::warning(",
        "Diagnostic::note(",
        ".error(",
        ".warning(",
    ];
    let mut found = Vec::new();
    for (file, code) in sources() {
        if file.starts_with("i18n") {
            continue;
        }
        for call in calls {
            for (i, _) in code.match_indices(call) {
                let args = arguments(&code, i + call.len());
                if let Some(message) = args.get(1)
                    && is_english_literal(message)
                {
                    let line = code[..i].lines().count();
                    found.push(format!("src/{file}:{line}: {call}… {message}"));
                }
            }
        }
        // Errors carried as text to where they become findings.
        for (i, _) in code.match_indices("Err(") {
            let args = arguments(&code, i + 4);
            if let Some(message) = args.first()
                && is_english_literal(message)
            {
                let line = code[..i].lines().count();
                found.push(format!("src/{file}:{line}: Err({message})"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "messages outside the catalogue (src/i18n/msg):\n{}",
        found.join("\n")
    );
}

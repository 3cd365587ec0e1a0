//! The command line speaks Chinese by default and English on request
//! (`--lang en`, or an English `LC_ALL`/`LANG`): help, argument errors and
//! errors in the user's files, with the line shown and a caret under the spot.

mod common;

use common::{english_prose, is_cjk, root, temp_copy};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs the binary with `env` set (and no inherited locale) and returns
/// (success, stdout, stderr).
fn run(args: &[&str], env: &[(&str, &str)]) -> (bool, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nianbao"));
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let o = cmd.output().unwrap();
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// The message lines of an output: the source lines shown under an error
/// (`12 | …`, ` | ^`) are the user's own text and left out.
fn message_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            !(t.starts_with('|')
                || t.split_once(" | ")
                    .is_some_and(|(n, _)| n.trim().parse::<u32>().is_ok()))
        })
        .collect()
}

fn assert_chinese(stderr: &str) {
    for line in message_lines(stderr) {
        assert!(
            english_prose(line).is_none(),
            "English prose “{}” in the Chinese output:\n{stderr}",
            english_prose(line).unwrap()
        );
    }
    assert!(stderr.chars().any(is_cjk), "{stderr}");
}

#[test]
fn help_is_chinese_by_default_and_english_on_request() {
    let subcommands = [
        "build",
        "check",
        "init-data",
        "fonts",
        "new",
        "watch",
        "serve",
        "schema",
    ];
    for sub in [None].into_iter().chain(subcommands.map(Some)) {
        let mut args: Vec<&str> = sub.into_iter().collect();
        args.push("--help");
        let (ok, zh, _) = run(&args, &[]);
        assert!(ok, "{args:?}");
        assert!(zh.contains("用法"), "{zh}");
        assert_chinese(&zh);
        let (_, en_env, _) = run(&args, &[("LANG", "en_US.UTF-8")]);
        let mut with_flag = args.clone();
        with_flag.push("--lang=en");
        let (_, en_flag, _) = run(&with_flag, &[("LANG", "zh_CN.UTF-8")]);
        for en in [&en_env, &en_flag] {
            assert!(
                en.contains("Usage") && !en.chars().any(is_cjk_outside_names),
                "{en}"
            );
        }
        // Every option and command has its help text, in both languages.
        for text in [&zh, &en_env] {
            for line in text.lines().filter(|l| l.trim_start().starts_with('-')) {
                let (_, help) = line.trim().split_once("  ").unwrap_or((line, ""));
                assert!(!help.trim().is_empty(), "no help for `{line}`:\n{text}");
            }
        }
    }
}

/// Chinese in the English help is allowed only in names of things (年报,
/// 说明.md, the report's title).
fn is_cjk_outside_names(c: char) -> bool {
    is_cjk(c) && !"年报中等职业教育质量度告说明附表角线".contains(c)
}

#[test]
fn an_argument_error_in_both_languages() {
    let (ok, _, zh) = run(&["buidl", "x"], &[]);
    assert!(!ok);
    assert!(zh.starts_with("错误："), "{zh}");
    assert!(zh.contains("“buidl”") && zh.contains("build"), "{zh}");
    assert_chinese(&zh);
    let (_, _, zh) = run(&["build", "x", "--pad-to", "99"], &[]);
    assert!(zh.contains("1 到 64"), "{zh}");
    let (ok, _, en) = run(
        &["build", "x", "--format", "pfd"],
        &[("LC_ALL", "en_GB.UTF-8")],
    );
    assert!(!ok);
    assert!(en.starts_with("error: invalid value 'pfd'"), "{en}");
}

fn project(tag: &str) -> PathBuf {
    temp_copy(&root().join("tests/fixtures/minimal"), tag)
}

fn edit(dir: &Path, file: &str, f: impl FnOnce(String) -> String) {
    let p = dir.join(file);
    let s = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, f(s)).unwrap();
}

#[test]
fn a_json_syntax_error_shows_the_line_and_a_caret() {
    let dir = project("lang-json");
    edit(&dir, "report.json", |s| {
        s.replacen("\"year\": 2025,", "\"year\": 2025,,", 1)
    });
    let d = dir.to_str().unwrap();
    let (ok, _, zh) = run(&["check", d, "--no-layout"], &[]);
    assert!(!ok);
    assert!(zh.starts_with("错误：report.json 第 3 行第 "), "{zh}");
    assert_chinese(&zh);
    let lines: Vec<&str> = zh.lines().collect();
    let shown = lines
        .iter()
        .position(|l| l.starts_with("3 | "))
        .expect("the line shown");
    assert!(lines[shown].contains("\"year\": 2025,,"), "{zh}");
    let caret = lines[shown + 1];
    assert!(caret.trim_end().ends_with('^'), "{zh}");
    // The caret is under the second comma.
    let col = caret.find('^').unwrap();
    assert_eq!(&lines[shown][col..col + 1], ",", "{zh}");
    let (_, _, en) = run(&["check", d, "--no-layout", "--lang", "en"], &[]);
    assert!(en.starts_with("error: report.json:3:"), "{en}");
}

#[test]
fn a_markdown_error_names_file_and_line_in_chinese() {
    let dir = project("lang-md");
    edit(&dir, "chapters/02.md", |s| {
        format!("{s}\n::: case\n没有结束的案例。\n")
    });
    let d = dir.to_str().unwrap();
    let (ok, _, zh) = run(&["check", d, "--no-layout"], &[]);
    assert!(!ok);
    assert!(zh.contains("错误：chapters/02.md 第 "), "{zh}");
    assert!(zh.contains(":::"), "{zh}");
    assert!(zh.lines().any(|l| l.contains("| ::: case")), "{zh}");
    assert_chinese(&zh);
    let (_, _, en) = run(&["check", d, "--no-layout"], &[("LANG", "en_US.UTF-8")]);
    assert!(
        en.contains("error: chapters/02.md:") && en.contains("never closed"),
        "{en}"
    );
}

#[test]
fn a_data_error_says_what_was_expected_and_found() {
    let dir = project("lang-data");
    edit(&dir, "chapters/01.md", |s| {
        format!("{s}\n共有 {{{{ \"12o0\" | fixed(0) }}}} 人。\n")
    });
    let d = dir.to_str().unwrap();
    let (ok, _, zh) = run(&["check", d, "--no-layout"], &[]);
    assert!(!ok, "{zh}");
    assert!(zh.contains("错误：chapters/01.md"), "{zh}");
    assert!(zh.contains("“12o0”"), "{zh}");
    assert_chinese(&zh);
}

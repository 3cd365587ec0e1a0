//! Helpers shared by the end-to-end tests: build a project, read the PDF back.
#![allow(dead_code)]

use nianbao::render::typst::fonts::{FontOptions, FontSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The bundled fonts only, so that tests do not depend on the machine.
pub fn fonts() -> Arc<FontSet> {
    static FONTS: OnceLock<Arc<FontSet>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            FontSet::new(&FontOptions {
                font_paths: vec![],
                system_fonts: false,
            })
        })
        .clone()
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Loads, checks and typesets a project; panics with the diagnostics on failure.
pub fn build(dir: &Path) -> (nianbao::Checked, Vec<u8>) {
    let checked = nianbao::check(dir).unwrap_or_else(|e| panic!("check failed:\n{e}"));
    let (pdf, _) =
        nianbao::build_pdf(&checked, fonts()).unwrap_or_else(|e| panic!("build failed:\n{e}"));
    (checked, pdf)
}

pub mod docx;
pub mod pdfgeom;
pub mod pdftext;

/// The text of every page, in page order.
pub fn pages_text(pdf: &[u8]) -> Vec<String> {
    pdftext::pages(pdf)
}

/// The page sizes (width, height) in points.
pub fn page_sizes(pdf: &[u8]) -> Vec<(f32, f32)> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    doc.get_pages()
        .values()
        .map(|id| {
            let page = doc.get_dictionary(*id).unwrap();
            let mb = page.get(b"MediaBox").unwrap().as_array().unwrap();
            let n = |o: &lopdf::Object| o.as_float().unwrap_or_else(|_| o.as_i64().unwrap() as f32);
            (n(&mb[2]) - n(&mb[0]), n(&mb[3]) - n(&mb[1]))
        })
        .collect()
}

/// Text without any white space (PDF extraction breaks lines anywhere).
pub fn compact(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Rewrites a file of a project with `f`.
pub fn edit(dir: &Path, file: &str, f: impl FnOnce(String) -> String) {
    let p = dir.join(file);
    let s = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, f(s)).unwrap();
}

/// Runs the `nianbao` binary.
pub fn nianbao(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
        // The messages these tests read are the English ones.
        .env("LC_ALL", "en_US.UTF-8")
        .args(args)
        .output()
        .unwrap()
}

/// Runs `nianbao build DIR --out DIR/out --no-system-fonts` with `extra`
/// arguments after.
pub fn nianbao_build(dir: &Path, extra: &[&str]) -> std::process::Output {
    let out = dir.join("out");
    let mut args = vec![
        "build",
        dir.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--no-system-fonts",
    ];
    args.extend(extra);
    nianbao(&args)
}

/// Builds a project's PDF with the binary into `dir/out`: (success, stderr,
/// PDF written?).
pub fn run_build_pdf(dir: &Path) -> (bool, String, bool) {
    let out = dir.join("out");
    let o = nianbao_build(dir, &["--format", "pdf"]);
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
        out.join(format!("{name}.pdf")).exists(),
    )
}

/// The PDF build fails without a panic, with every needle in its messages,
/// and writes nothing.
pub fn expect_pdf_error(dir: &Path, needles: &[&str]) {
    let (ok, err, written) = run_build_pdf(dir);
    assert!(!ok, "the build succeeded; stderr: {err}");
    assert!(!written, "a PDF was written despite the error");
    assert!(!err.contains("panicked"), "panic: {err}");
    for n in needles {
        assert!(err.contains(n), "expected “{n}” in:\n{err}");
    }
}

/// A fresh copy of a fixture or sample directory in a temporary place.
pub fn temp_copy(from: &Path, tag: &str) -> PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("nianbao-test-{}-{tag}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(from, &dir);
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Whether a line is a page number as nianbao prints them (`— 3 —`, `III`, `12`).
fn is_page_number(line: &str) -> bool {
    let c = compact(line);
    let inner = c.trim_start_matches('—').trim_end_matches('—');
    !inner.is_empty()
        && inner
            .chars()
            .all(|ch| ch.is_ascii_digit() || "IVXLCDM".contains(ch))
}

/// A page's text lines without its running header (first line) and page
/// number (last line).
pub fn page_body(page: &str, header: Option<&str>) -> String {
    let mut lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
    if let (Some(h), Some(first)) = (header, lines.first())
        && compact(first) == compact(h)
    {
        lines.remove(0);
    }
    if lines.last().is_some_and(|l| is_page_number(l)) {
        lines.pop();
    }
    compact(&lines.concat())
}

/// Page furniture (running header, page numbers) removed, pages joined.
pub fn body_text(pages: &[String], header: Option<&str>) -> String {
    pages.iter().map(|p| page_body(p, header)).collect()
}

/// The page number printed in a page's footer (`— 12 —` → `12`), if any.
pub fn footer_number(page: &str) -> Option<String> {
    let last = page.lines().rev().find(|l| !l.trim().is_empty())?;
    is_page_number(last).then(|| {
        compact(last)
            .trim_start_matches('—')
            .trim_end_matches('—')
            .to_string()
    })
}

/// The labels of [`grouped_table_project`]'s row groups.
pub const GROUPS: [&str; 3] = ["甲组特色专业群", "乙组骨干专业群", "丙组新兴专业群"];

/// A copy of the minimal fixture whose second chapter ends with a table of
/// three groups of 16 rows (`建设项目1-1` …), each under one row-spanning
/// label of [`GROUPS`]: longer than a page, so a group turns the page.
pub fn grouped_table_project(tag: &str) -> PathBuf {
    let dir = temp_copy(&root().join("tests/fixtures/minimal"), tag);
    let mut table = String::from(
        "::: {.table #tbl-span caption=\"各专业群建设项目一览\"}\n| 专业群 | 项目 | 投入（万元） |\n|---|---|---|\n",
    );
    for (g, name) in GROUPS.iter().enumerate() {
        for i in 0..16 {
            let label = if i == 0 { name.to_string() } else { "^".into() };
            table.push_str(&format!(
                "| {label} | 建设项目{}-{} | {}.00 |\n",
                g + 1,
                i + 1,
                100 + i
            ));
        }
    }
    table.push_str(":::\n");
    let chapter = dir.join("chapters/02.md");
    let text = std::fs::read_to_string(&chapter).unwrap();
    std::fs::write(&chapter, format!("{text}\n{table}")).unwrap();
    dir
}

/// A Chinese character (the CJK unified ideographs).
pub fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// A run of three or more English words separated by spaces: prose that
/// should have been translated (lists like `build、check、new` are names).
pub fn english_prose(line: &str) -> Option<String> {
    line.split(|c: char| !(c.is_ascii_alphabetic() || c == ' ' || c == '\''))
        .map(|seg| {
            seg.split_whitespace()
                .filter(|w| w.len() > 1 && !w.chars().all(|c| c.is_ascii_uppercase()))
                .collect::<Vec<_>>()
        })
        .find(|words| words.len() >= 3)
        .map(|words| words.join(" "))
}

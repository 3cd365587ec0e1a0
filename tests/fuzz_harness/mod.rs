//! The fuzz harness: one function per `cargo fuzz` target, shared by the
//! targets (`fuzz/fuzz_targets/*.rs` include this file with `#[path]`) and by
//! `tests/fuzz_regressions.rs`, which replays the committed corpus
//! (`tests/fuzz_corpus/<target>/`) under plain `cargo test`.
//!
//! A shared file rather than a `pub mod fuzzing` in the library: the harness
//! only uses nianbao's public API, adds nothing to the library users build,
//! and a test-only file keeps the fuzz assertions (and their `typst::syntax`
//! walk) next to the tests that replay them. It lives in a folder so that
//! cargo does not also build it as a test of its own.
//!
//! Each function takes one input and panics on a bug: a panic inside
//! nianbao, generated Typst that does not parse, or user text in generated
//! Typst outside a string literal. Inputs the loader rejects (most of them)
//! are fine; only what happens on the way counts.
//!
//! The loader reads projects from disk, so the harness writes a copy of
//! `tests/fixtures/minimal` (built into the harness, wherever it runs) to a
//! temporary folder once per process and rewrites one file per input where
//! the whole pipeline is under test. The Markdown and template targets call
//! the parser on in-memory text.
#![allow(dead_code)]

use nianbao::error::Collector;
use nianbao::load::markdown::{self, Scope};
use nianbao::load::project::Project;
use nianbao::load::template::{self, Expanded};
use nianbao::load::{appendix, config, data};
use nianbao::render::typst::{Generated, TEMPLATES, generate};
use serde_json::{Map, Value, json};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, OnceLock};
use typst::syntax::{LinkedNode, SyntaxKind, ast};

/// One fuzz target: takes an input, panics on a bug.
pub type Target = fn(&[u8]) -> bool;

/// The fuzz targets, by name (the folders of `fuzz/corpus/` and `tests/fuzz_corpus/`).
/// Each returns whether the input got through to the last step (the
/// regression test checks that some do, so the harness keeps reaching it).
pub const TARGETS: &[(&str, Target)] = &[
    ("markdown", markdown),
    ("template_markdown", template_markdown),
    ("project_files", project_files),
    ("typst_emission", typst_emission),
];

/// The chapter file name the in-memory targets pretend to parse.
const CHAPTER: &str = "chapters/fuzz.md";

// ---------------------------------------------------------------------------
// Targets

/// `markdown`: the Markdown dialect (`src/load/markdown.rs` and the `:::`
/// blocks) on arbitrary text, as a chapter and as a preface of the minimal
/// project, without templating.
pub fn markdown(input: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(input) else {
        return false;
    };
    let n = narrative();
    let doc = expanded(as_read(text));
    let mut ok = false;
    for scope in [Scope::Body, Scope::Preface] {
        let mut errors = Collector::default();
        let blocks = markdown::parse(&n.project, &doc, scope, &n.data, &mut errors);
        std::hint::black_box(blocks);
        ok |= errors.finish().is_ok();
    }
    ok
}

/// `template_markdown`: minijinja expansion (`src/load/template.rs`, with the
/// minimal project's data and nianbao's filters), then the Markdown dialect.
pub fn template_markdown(input: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(input) else {
        return false;
    };
    let n = narrative();
    let Ok(doc) = template::expand(&n.env, CHAPTER, &as_read(text), &n.ctx) else {
        return false;
    };
    let mut errors = Collector::default();
    let blocks = markdown::parse(&n.project, &doc, Scope::Body, &n.data, &mut errors);
    std::hint::black_box(blocks);
    errors.finish().is_ok()
}

/// `project_files`: the first byte picks what the rest is —
/// 0: `report.json` (parsed; when valid, the whole project is loaded, checked
/// and its Typst generated and checked); 1, 2, 3: a CSV, XLSX or JSON file,
/// loaded as a dataset and as the appendix values; 4: the XML of a worksheet
/// (and after a NUL byte, of the shared strings), packed into an XLSX
/// workbook and loaded the same way (a mutated zip rarely gets past its CRCs).
pub fn project_files(input: &[u8]) -> bool {
    let Some((&selector, bytes)) = input.split_first() else {
        return false;
    };
    let p = lock(&PROJECT_FILES, "project-files");
    match selector % 5 {
        0 => {
            let Ok(text) = std::str::from_utf8(bytes) else {
                return false;
            };
            if config::parse("report.json", text).is_err() {
                return false;
            }
            p.write("report.json", bytes);
            match nianbao::check(&p.dir) {
                Ok(checked) => emit_and_check(&checked.document),
                Err(_) => false,
            }
        }
        1 => load_dataset(&p, "data/fuzz.csv", bytes),
        2 => load_dataset(&p, "data/fuzz.xlsx", bytes),
        3 => load_dataset(&p, "data/fuzz.json", bytes),
        _ => {
            let mut parts = bytes.splitn(2, |&b| b == 0);
            let sheet = parts.next().unwrap_or_default();
            let book = xlsx(sheet, parts.next());
            load_dataset(&p, "data/fuzz.xlsx", &book)
        }
    }
}

/// Loads `bytes` as the dataset file `rel`, then as the appendix values.
fn load_dataset(p: &TempProject, rel: &str, bytes: &[u8]) -> bool {
    p.write(rel, bytes);
    let project = Project::open(&p.dir).expect("the fuzz project opens");
    let loaded = data::load_dataset(&project, rel, "report.json: data.fuzz");
    p.remove(rel);
    let Ok(values) = loaded else {
        return false;
    };
    let mut errors = Collector::default();
    let tables = appendix::build(rel, &values, "测试省样例市", "990100", 2025, &mut errors);
    std::hint::black_box(tables);
    true
}

/// A workbook of one worksheet with the given XML (and shared strings).
pub fn xlsx(sheet: &[u8], shared: Option<&[u8]>) -> Vec<u8> {
    use std::io::Write;
    const TYPES: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
    const RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    const WORKBOOK: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    const WORKBOOK_RELS: &[u8] = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut buf);
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut parts = vec![
        ("[Content_Types].xml", TYPES),
        ("_rels/.rels", RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
        ("xl/worksheets/sheet1.xml", sheet),
    ];
    if let Some(s) = shared {
        parts.push(("xl/sharedStrings.xml", s));
    }
    for (name, body) in parts {
        z.start_file(name, opts).expect("zip in memory");
        z.write_all(body).expect("zip in memory");
    }
    z.finish().expect("zip in memory");
    buf.into_inner()
}

/// `typst_emission`: the input is a chapter file; its first line is also the
/// report's title, short region name, team, closing and running header, and
/// part of the chapter's file name. When the project loads and checks, the
/// generated Typst must parse without errors and hold no user text outside
/// string literals (see [`check_generated`]).
pub fn typst_emission(input: &[u8]) -> bool {
    let mut p = lock(&EMISSION, "emission");
    let first = String::from_utf8_lossy(input.split(|&b| b == b'\n').next().unwrap_or(&[]))
        .chars()
        .take(80)
        .collect::<String>();
    let stem: String = first
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | '\0'))
        .take(40)
        .collect();
    let chapter = format!("chapters/c-{stem}.md");
    // The layout choices, from the input's length.
    let house = ["gongwen", "report"][input.len() % 2];
    let headings = ["decimal", "gongwen"][input.len() / 2 % 2];
    let numbering = ["chapter", "continuous", "chinese"][input.len() / 4 % 3];
    let report = json!({
        "region": { "name": "测试省样例市", "short": first, "code": "990100" },
        "year": 2025,
        "unit": "样例市教育局",
        "document_date": "2026-01-10",
        "title": first,
        "team": { "groups": [ { "role": first, "members": [ { "name": first, "title": first } ] } ] },
        "preface": "preface.md",
        "chapters": [chapter],
        "data": { "totals": "data/totals.json", "schools": "data/schools.csv" },
        "closing": { "unit": first, "date": first },
        "style": {
            "house": house,
            "headings": headings,
            "numbering": numbering,
            "running_header": first
        }
    });
    if let Some(old) = p.chapter.take() {
        p.remove(&old);
    }
    // A name the file system refuses (too long, …) leaves the chapter missing.
    p.write_lenient(&chapter, input);
    p.chapter = Some(chapter);
    p.write("report.json", report.to_string().as_bytes());
    match nianbao::check(&p.dir) {
        Ok(checked) => emit_and_check(&checked.document),
        Err(_) => false,
    }
}

/// Generates the Typst sources of a checked document and checks them.
fn emit_and_check(doc: &nianbao::model::Document) -> bool {
    let generated = generate(doc)
        .unwrap_or_else(|e| panic!("a checked document must generate Typst; failed with:\n{e}"));
    if let Err(e) = check_generated(&generated) {
        panic!("{e}");
    }
    true
}

// ---------------------------------------------------------------------------
// The Typst checks

/// Checks generated Typst: every source parses without errors, and the
/// emitted sources (`/main.typ` and the chapters' files,
/// [`is_emitted`](nianbao::render::typst::is_emitted)) hold user text only
/// inside string literals. Their syntax tree
/// may hold only the kinds of node nianbao writes (code calls, arguments,
/// literals; no markup text, headings, emphasis, raw text, …), and every
/// identifier and comment must be one the generator itself writes: a word of
/// the skeleton `templates/typst/main.typ.j2` outside its `{{ }}` / `{% %}`
/// tags, or a word of a string literal in `src/render/typst/emit.rs`; the
/// comments are the skeleton's own and the `// @src N` markers. Labels hold
/// the ids the loader checked (`[a-z0-9-]`).
pub fn check_generated(generated: &Generated) -> Result<(), String> {
    static CHECKED: Mutex<Option<HashSet<String>>> = Mutex::new(None);
    for (path, text) in &generated.sources {
        let emitted = nianbao::render::typst::is_emitted(path);
        // The layout library files are the same for every input.
        if !emitted {
            let mut seen = CHECKED.lock().unwrap_or_else(|e| e.into_inner());
            if !seen.get_or_insert_default().insert(text.clone()) {
                continue;
            }
        }
        let root = typst::syntax::parse(text);
        let (errors, _warnings) = root.errors_and_warnings();
        if let Some(e) = errors.first() {
            let at = first_error(&LinkedNode::new(&root)).unwrap_or(0);
            return Err(format!(
                "generated {path} does not parse: {} at byte {at}, near {}",
                e.message,
                excerpt(text, at),
            ));
        }
        if emitted {
            let mut bad = Vec::new();
            walk(&LinkedNode::new(&root), generated.origins.len(), &mut bad);
            if let Some((what, at)) = bad.first() {
                return Err(format!(
                    "user text outside a string literal in generated {path}: {what}\nnear: {}",
                    excerpt(text, *at)
                ));
            }
        }
    }
    Ok(())
}

/// The offset of the first error node.
fn first_error(node: &LinkedNode) -> Option<usize> {
    if node.kind() == SyntaxKind::Error {
        return Some(node.offset());
    }
    node.children().find_map(|c| first_error(&c))
}

fn excerpt(text: &str, at: usize) -> String {
    let mut start = at.saturating_sub(120);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (at + 120).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    format!("{:?}", &text[start..end])
}

/// Syntax kinds of inner nodes nianbao's generated `/main.typ` may contain.
const INNER_KINDS: &[SyntaxKind] = &[
    SyntaxKind::Markup,
    SyntaxKind::Code,
    SyntaxKind::ContentBlock,
    SyntaxKind::Parenthesized,
    SyntaxKind::Array,
    SyntaxKind::Dict,
    SyntaxKind::Named,
    SyntaxKind::FuncCall,
    SyntaxKind::Args,
    SyntaxKind::FieldAccess,
    SyntaxKind::SetRule,
    SyntaxKind::ShowRule,
    SyntaxKind::ModuleImport,
    SyntaxKind::ImportItems,
    SyntaxKind::Unary,
];

/// Syntax kinds of leaves that carry no text of their own.
const LEAF_KINDS: &[SyntaxKind] = &[
    SyntaxKind::Space,
    SyntaxKind::Parbreak,
    SyntaxKind::Hash,
    SyntaxKind::LeftParen,
    SyntaxKind::RightParen,
    SyntaxKind::LeftBracket,
    SyntaxKind::RightBracket,
    SyntaxKind::Comma,
    SyntaxKind::Colon,
    SyntaxKind::Dot,
    SyntaxKind::Star,
    SyntaxKind::Minus,
    SyntaxKind::Set,
    SyntaxKind::Show,
    SyntaxKind::Import,
    SyntaxKind::None,
    SyntaxKind::Auto,
    SyntaxKind::Bool,
    SyntaxKind::Int,
    SyntaxKind::Float,
    SyntaxKind::Numeric,
    SyntaxKind::Str,
];

/// Collects (what, offset) for every node that is not generator-made.
fn walk(node: &LinkedNode, markers: usize, bad: &mut Vec<(String, usize)>) {
    let kind = node.kind();
    let text = node.leaf_text().as_str();
    let at = node.offset();
    let v = vocabulary();
    match kind {
        SyntaxKind::Ident if !v.idents.contains(text) => {
            bad.push((
                format!("identifier `{text}` is not one the generator writes"),
                at,
            ));
        }
        SyntaxKind::Ident => {}
        SyntaxKind::LineComment => {
            let marker = text
                .strip_prefix(nianbao::render::typst::emit::SRC_MARKER)
                .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|n| n.parse::<usize>().ok())
                .is_some_and(|n| n < markers);
            if !marker && !v.comments.contains(text.trim_end()) {
                bad.push((
                    format!("comment {text:?} is not one the generator writes"),
                    at,
                ));
            }
        }
        SyntaxKind::Label => {
            let id = text.strip_prefix('<').and_then(|t| t.strip_suffix('>'));
            if !id.is_some_and(markdown::valid_id) {
                bad.push((format!("label {text:?} is not a checked id"), at));
            }
        }
        // `/main.typ` includes the chapters' files, and nothing else.
        SyntaxKind::ModuleInclude => {
            let path = node
                .cast::<ast::ModuleInclude>()
                .and_then(|i| match i.source() {
                    ast::Expr::Str(s) => Some(s.get()),
                    _ => None,
                });
            let chapter = path.as_ref().is_some_and(|p| {
                p.strip_prefix("/chapters/")
                    .and_then(|n| n.strip_suffix(".typ"))
                    .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
            });
            if !chapter {
                let t = node.get().full_text();
                bad.push((format!("an include of {:?}", t.as_str()), at));
            }
        }
        k if LEAF_KINDS.contains(&k) => {}
        k if INNER_KINDS.contains(&k) => {
            for child in node.children() {
                walk(&child, markers, bad);
            }
        }
        k => {
            let t = node.get().full_text();
            bad.push((format!("a {k:?} node {:?}", t.as_str()), at));
        }
    }
}

/// The identifiers and comments the generator writes into `/main.typ`.
struct Vocabulary {
    idents: HashSet<String>,
    comments: HashSet<String>,
}

fn vocabulary() -> &'static Vocabulary {
    static V: OnceLock<Vocabulary> = OnceLock::new();
    V.get_or_init(|| {
        let skeleton = TEMPLATES
            .iter()
            .find(|(n, _)| *n == "main.typ.j2")
            .map(|(_, t)| strip_jinja(t))
            .expect("the built-in main.typ.j2");
        let mut idents = words(&skeleton);
        for lit in rust_string_literals(include_str!("../../src/render/typst/emit.rs")) {
            idents.extend(words(&lit));
        }
        let comments = skeleton
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("//"))
            .map(str::to_string)
            .collect();
        Vocabulary { idents, comments }
    })
}

/// A minijinja template without its tags (`{{ }}`, `{% %}`, `{# #}`).
fn strip_jinja(t: &str) -> String {
    let mut out = String::new();
    let mut rest = t;
    while let Some(i) = rest.find(['{']) {
        let close = match rest[i..].chars().nth(1) {
            Some('{') => "}}",
            Some('%') => "%}",
            Some('#') => "#}",
            _ => {
                out.push_str(&rest[..=i]);
                rest = &rest[i + 1..];
                continue;
            }
        };
        out.push_str(&rest[..i]);
        match rest[i..].find(close) {
            Some(j) => rest = &rest[i + j + 2..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

/// Identifier-like words (Typst identifiers may hold `-` and `_`).
fn words(s: &str) -> HashSet<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .map(|w| w.trim_start_matches(|c: char| c == '-' || c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The contents of the string literals of Rust source (plain and raw), with
/// comments and character literals skipped.
fn rust_string_literals(src: &str) -> Vec<String> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = src[i..].find('\n').map_or(b.len(), |j| i + j);
            }
            b'\'' => {
                // 'x', '\n', '\u{..}' or a lifetime.
                if b.get(i + 2) == Some(&b'\'') {
                    i += 3;
                } else if b.get(i + 1) == Some(&b'\\') {
                    i = src[i + 2..].find('\'').map_or(b.len(), |j| i + 3 + j);
                } else {
                    i += 1;
                }
            }
            b'r' if b.get(i + 1) == Some(&b'#') && b.get(i + 2) == Some(&b'"') => {
                let end = src[i + 3..].find("\"#").map_or(b.len(), |j| i + 3 + j);
                out.push(src[i + 3..end].to_string());
                i = end + 2;
            }
            b'"' => {
                let mut s = String::new();
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    if b[j] == b'\\' {
                        j += 1;
                    }
                    j += 1;
                }
                s.push_str(&src[i + 1..j.min(b.len())]);
                out.push(s);
                i = j + 1;
            }
            _ => i += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The projects

/// Text as [`Project::read_text`] hands it on: no BOM, LF line ends.
fn as_read(text: &str) -> String {
    text.strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n")
}

/// Text as if templating had left it unchanged.
fn expanded(text: String) -> Expanded {
    let lines = text.lines().count() + 1;
    Expanded {
        file: CHAPTER.into(),
        text,
        line_map: (1..=lines).collect(),
    }
}

/// What the in-memory targets parse with: the minimal project, its data and
/// the template environment.
struct Narrative {
    project: Project,
    data: Map<String, Value>,
    env: minijinja::Environment<'static>,
    ctx: minijinja::Value,
    _dir: TempProject,
}

fn narrative() -> &'static Narrative {
    static N: OnceLock<Narrative> = OnceLock::new();
    N.get_or_init(|| {
        let dir = TempProject::new("narrative");
        let project = Project::open(&dir.dir).expect("the fuzz project opens");
        // As the loader builds the template context (src/load/mod.rs).
        let mut data = Map::new();
        data.insert(
            "region".into(),
            json!({ "name": "测试省样例市", "short": "样例市", "code": "990100" }),
        );
        data.insert("year".into(), json!(2025));
        data.insert("unit".into(), json!("样例市教育局"));
        for (name, rel) in [
            ("totals", "data/totals.json"),
            ("schools", "data/schools.csv"),
            ("indicators", "data/indicators.json"),
        ] {
            let v = data::load_dataset(&project, rel, name).expect("fixture data loads");
            data.insert(name.into(), v);
        }
        let ctx = minijinja::Value::from_serialize(&data);
        Narrative {
            project,
            data,
            env: template::environment(),
            ctx,
            _dir: dir,
        }
    })
}

static PROJECT_FILES: OnceLock<Mutex<TempProject>> = OnceLock::new();
static EMISSION: OnceLock<Mutex<TempProject>> = OnceLock::new();

fn lock(
    cell: &'static OnceLock<Mutex<TempProject>>,
    tag: &str,
) -> MutexGuard<'static, TempProject> {
    cell.get_or_init(|| Mutex::new(TempProject::new(tag)))
        .lock()
        // A test that panicked holding the project leaves it usable.
        .unwrap_or_else(|e| e.into_inner())
}

/// `tests/fixtures/minimal`, plus `docs/example`'s indicator values.
const FIXTURE: &[(&str, &[u8])] = &[
    (
        "report.json",
        include_bytes!("../fixtures/minimal/report.json"),
    ),
    (
        "preface.md",
        include_bytes!("../fixtures/minimal/preface.md"),
    ),
    (
        "chapters/01.md",
        include_bytes!("../fixtures/minimal/chapters/01.md"),
    ),
    (
        "chapters/02.md",
        include_bytes!("../fixtures/minimal/chapters/02.md"),
    ),
    (
        "data/totals.json",
        include_bytes!("../fixtures/minimal/data/totals.json"),
    ),
    (
        "data/schools.csv",
        include_bytes!("../fixtures/minimal/data/schools.csv"),
    ),
    (
        "data/indicators.json",
        include_bytes!("../../docs/example/data/indicators.json"),
    ),
    (
        "images/photo.jpg",
        include_bytes!("../fixtures/minimal/images/photo.jpg"),
    ),
    (
        "images/seal.png",
        include_bytes!("../fixtures/minimal/images/seal.png"),
    ),
    (
        "images/signature.png",
        include_bytes!("../fixtures/minimal/images/signature.png"),
    ),
];

/// A copy of the fixture in a temporary folder, removed when dropped (the
/// harness keeps its projects for the life of the process; folders left by
/// processes that are gone are removed when the next one starts).
struct TempProject {
    dir: PathBuf,
    /// The chapter file written for the last input (`typst_emission`).
    chapter: Option<String>,
}

const PREFIX: &str = "nianbao-fuzz-";

impl TempProject {
    fn new(tag: &str) -> TempProject {
        // Integration tests get a scratch folder in the target directory.
        let base = option_env!("CARGO_TARGET_TMPDIR")
            .map(PathBuf::from)
            .unwrap_or_else(std::env::temp_dir);
        reap(&base);
        let dir = base.join(format!("{PREFIX}{}-{tag}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let p = TempProject { dir, chapter: None };
        for (rel, bytes) in FIXTURE {
            p.write(rel, bytes);
        }
        p
    }

    fn write(&self, rel: &str, bytes: &[u8]) {
        let path = self.dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).expect("create the fuzz project");
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }

    fn write_lenient(&self, rel: &str, bytes: &[u8]) {
        let _ = std::fs::write(self.dir.join(rel), bytes);
    }

    fn remove(&self, rel: &str) {
        let _ = std::fs::remove_file(self.dir.join(rel));
    }
}

impl Drop for TempProject {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Removes the fuzz projects of processes that have ended (Linux only: a
/// process is alive while `/proc/<pid>` exists).
fn reap(base: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(base) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = name
            .strip_prefix(PREFIX)
            .and_then(|r| r.split('-').next())
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        if !Path::new(&format!("/proc/{pid}")).exists() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}

//! `nianbao watch`: rebuilds on every change under the project, keeping the
//! Typst world and its caches alive between builds; a broken edit prints its
//! errors and keeps the last good outputs.

use crate::error::{Diagnostic, Error, Result, Severity};
use crate::i18n::msg;
use crate::model::page_refs::PageRefs;
use crate::render::typst::fonts::FontSet;
use crate::render::typst::live::LiveTypst;
use crate::render::typst::{Generated, PdfSettings, generate};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

/// How often the project is looked at, and how long it must stay unchanged
/// before a rebuild (an editor saving several files at once).
const POLL: Duration = Duration::from_millis(5);
const SETTLE: Duration = Duration::from_millis(5);

/// What a watch session writes.
pub struct WatchOptions {
    pub out: PathBuf,
    pub pdf: bool,
    pub docx: bool,
    pub allow_errors: bool,
    pub settings: PdfSettings,
    pub fonts: Arc<FontSet>,
}

/// What one build made, in memory.
pub struct Built {
    /// The loaded report and the check's warnings.
    pub checked: crate::Checked,
    /// The Typst sources the PDF was typeset from (with the PDF).
    pub generated: Option<Generated>,
    pub pdf: Option<Vec<u8>>,
    pub docx: Option<Vec<u8>>,
}

/// One file's identity for change detection: modification time and size.
type Snapshot = BTreeMap<PathBuf, (SystemTime, u64)>;

/// Every file under `root` (links not followed, hidden entries and `skip`
/// left out).
fn snapshot(root: &Path, skip: &Path) -> Snapshot {
    let mut out = Snapshot::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            if e.file_name().to_string_lossy().starts_with('.') || path.starts_with(skip) {
                continue;
            }
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            if meta.is_dir() {
                stack.push(path);
            } else {
                let mtime = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
                out.insert(path, (mtime, meta.len()));
            }
        }
    }
    out
}

/// A watch session on one project.
pub struct Watcher {
    project: PathBuf,
    opts: WatchOptions,
    live: LiveTypst,
    seen: Snapshot,
    /// The chapters read by earlier builds.
    chapters: crate::load::cache::Cache,
    /// When the last build's outputs were written.
    written: Option<Instant>,
    /// Run the layout check after each build (off while benchmarking).
    pub check_layout: bool,
}

impl Watcher {
    /// A session on `project`.
    ///
    /// The session's PDFs leave out the tag tree (see
    /// [`PdfSettings::untagged`]): the pages are those `nianbao build`
    /// makes, written sooner after each edit.
    pub fn new(project: &Path, mut opts: WatchOptions) -> Result<Watcher> {
        opts.settings.untagged = true;
        let project = project.canonicalize().map_err(|e| {
            Error::at(
                project.display().to_string(),
                msg::files::cannot_open_project(e),
            )
        })?;
        let live = LiveTypst::new(opts.fonts.clone(), opts.settings);
        Ok(Watcher {
            project,
            opts,
            live,
            seen: Snapshot::new(),
            chapters: Default::default(),
            written: None,
            check_layout: true,
        })
    }

    fn out_dir(&self) -> PathBuf {
        self.opts
            .out
            .canonicalize()
            .unwrap_or_else(|_| self.opts.out.clone())
    }

    /// Builds once; returns the warnings (or the errors, outputs untouched).
    pub fn build(&mut self) -> Result<Vec<Diagnostic>> {
        let built = self.compile()?;
        let mut warnings = built.checked.warnings.clone();
        let name = &built.checked.document.meta.name;
        let mut files: Vec<(PathBuf, &[u8])> = Vec::new();
        if let Some(pdf) = &built.pdf {
            files.push((self.opts.out.join(format!("{name}.pdf")), pdf));
        }
        if let Some(docx) = &built.docx {
            files.push((self.opts.out.join(format!("{name}.docx")), docx));
        }
        let tw = Instant::now();
        let replaced = crate::output::replace_all(&files)?;
        self.written = Some(Instant::now());
        if crate::progress::timing() {
            eprintln!("written {:?}", tw.elapsed());
        }
        // The layout check after the outputs are written: it does not delay them.
        if let Some(g) = &built.generated
            && self.check_layout
        {
            warnings.extend(self.live.check_layout(&built.checked.document, g));
        }
        // The outputs replaced are let go only now, off the rebuild's path.
        drop(replaced);
        self.live.tidy();
        Ok(warnings)
    }

    /// Builds once in memory, writing nothing (`nianbao serve` keeps the
    /// result; [`Watcher::build`] writes it). The typeset pages stay in
    /// [`Watcher::live`] until the next build.
    pub fn compile(&mut self) -> Result<Built> {
        let started = Instant::now();
        // What the build reads; after a wait, the settled look it ended on.
        if self.seen.is_empty() {
            self.seen = snapshot(&self.project, &self.out_dir());
        }
        let checked =
            crate::check_cached(&self.project, self.opts.allow_errors, Some(&self.chapters))?;
        if crate::progress::timing() {
            eprintln!("snapshot, load and check {:?}", started.elapsed());
        }
        // The DOCX is written while Typst finishes the PDF, with the page
        // numbers of the 目录 from the laid-out pages (none without a PDF).
        let (live, fonts) = (&mut self.live, &self.opts.fonts);
        let document = &checked.document;
        let (pdf, docx) = crate::with_docx_alongside(
            document,
            self.opts.docx,
            self.opts.pdf.then_some(|laid_out: &dyn Fn(PageRefs)| {
                // The glyph check beside the typesetting: its error, if
                // any, is the one reported.
                std::thread::scope(|scope| {
                    let glyphs =
                        scope.spawn(|| crate::render::typst::check_glyphs(document, fonts));
                    let t = Instant::now();
                    let typeset = generate(document).and_then(|generated| {
                        if crate::progress::timing() {
                            eprintln!("Typst sources {:?}", t.elapsed());
                        }
                        let pdf = live.pdf_then(document, &generated, laid_out)?;
                        Ok((pdf, generated))
                    });
                    glyphs
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
                    typeset
                })
            }),
        );
        let (pdf, generated) = match pdf {
            Some(pdf) => {
                let (pdf, g): (Vec<u8>, Generated) = pdf?;
                (Some(pdf), Some(g))
            }
            None => (None, None),
        };
        Ok(Built {
            checked,
            generated,
            pdf,
            docx: docx.transpose()?,
        })
    }

    /// The chapters kept between builds.
    pub fn chapters(&self) -> &crate::load::cache::Cache {
        &self.chapters
    }

    /// The Typst side of the session: the world and the pages typeset last.
    pub fn live(&self) -> &LiveTypst {
        &self.live
    }

    /// Waits until something under the project changes and stays unchanged
    /// for a moment.
    pub fn wait_for_change(&mut self) {
        let skip = self.out_dir();
        loop {
            std::thread::sleep(POLL);
            let now = snapshot(&self.project, &skip);
            if now != self.seen {
                let mut settled = now;
                loop {
                    std::thread::sleep(SETTLE);
                    let again = snapshot(&self.project, &skip);
                    if again == settled {
                        break;
                    }
                    settled = again;
                }
                self.seen = settled;
                return;
            }
        }
    }

    /// Builds, then rebuilds on every change, forever; prints what happens.
    pub fn run(&mut self) -> ! {
        loop {
            let t = Instant::now();
            report(self.build(), t);
            self.wait_for_change();
        }
    }
}

/// Prints the outcome of one build.
pub fn report(result: Result<Vec<Diagnostic>>, started: Instant) {
    match result {
        Ok(warnings) => {
            for w in warnings.iter().filter(|d| d.severity == Severity::Warning) {
                eprintln!("{w}");
            }
            eprintln!("{}", msg::files::watch_built(started.elapsed().as_millis()));
        }
        Err(e) => {
            for d in &e.diagnostics {
                eprintln!("{d}");
            }
            eprintln!("{}", msg::files::watch_build_failed());
        }
    }
}

/// Measures the edit loop on a copy of the project: `n` one-paragraph edits
/// to the first chapter, each timed from the file's write to the new PDF
/// written. Returns the times in ms.
pub fn bench(project: &Path, mut opts: WatchOptions, n: usize) -> Result<Vec<f64>> {
    let copy = std::env::temp_dir().join(format!("nianbao-watch-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    copy_dir(project, &copy)
        .map_err(|e| Error::at(copy.display().to_string(), msg::files::cannot_copy(e)))?;
    opts.out = copy.join(".out");
    let result = bench_in(&copy, opts, n);
    let _ = std::fs::remove_dir_all(&copy);
    result
}

fn bench_in(copy: &Path, opts: WatchOptions, n: usize) -> Result<Vec<f64>> {
    let mut w = Watcher::new(copy, opts)?;
    w.check_layout = false;
    w.build()?;
    let report_json = std::fs::read_to_string(copy.join("report.json"))
        .map_err(|e| Error::at("report.json", e.to_string()))?;
    let config = crate::load::config::parse("report.json", &report_json)?;
    let chapter = copy.join(
        config
            .chapters
            .first()
            .ok_or_else(|| Error::at("report.json", msg::files::no_chapters()))?,
    );
    let original = std::fs::read_to_string(&chapter)
        .map_err(|e| Error::at(chapter.display().to_string(), e.to_string()))?;
    // The first plain paragraph line: not a heading, block, table, list or image.
    let line = original
        .lines()
        .position(|l| {
            let t = l.trim_start();
            !t.is_empty() && !"#:|!{-*>0123456789".contains(t.chars().next().unwrap_or('#'))
        })
        .ok_or_else(|| {
            Error::at(
                chapter.display().to_string(),
                msg::files::no_paragraph_to_edit(),
            )
        })?;
    let mut times = Vec::new();
    for i in 0..n {
        let edited: Vec<String> = original
            .lines()
            .enumerate()
            .map(|(k, l)| {
                if k == line {
                    format!("{l}（第{}次修改）", i + 1)
                } else {
                    l.to_string()
                }
            })
            .collect();
        // The edit lands while the session is watching, as a user's save
        // does (and with a later modification time than the last build saw).
        let text = edited.join("\n") + "\n";
        let t = std::thread::scope(|scope| {
            let writer = scope.spawn(|| {
                std::thread::sleep(Duration::from_millis(20));
                let t = Instant::now();
                std::fs::write(&chapter, &text).map(|()| t)
            });
            w.wait_for_change();
            writer.join()
        })
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        .map_err(|e| Error::at(chapter.display().to_string(), e.to_string()))?;
        if crate::progress::timing() {
            eprintln!("noticed {:?}", t.elapsed());
        }
        // For profiling: Typst's own timings of the last edit's build, as a
        // Chrome trace.
        let trace = std::env::var_os("NIANBAO_TYPST_TRACE").filter(|_| i + 1 == n);
        if trace.is_some() {
            typst_timing::enable();
        }
        w.build()?;
        // Up to the new PDF on disk (what follows, the layout check and
        // the cache's tidying, does not delay it).
        let written = w.written.map_or_else(|| t.elapsed(), |at| at - t);
        times.push(written.as_secs_f64() * 1000.0);
        if let Some(file) = trace.and_then(|path| std::fs::File::create(path).ok()) {
            let _ = typst_timing::export_json(file, |_| (String::new(), 0));
        }
    }
    Ok(times)
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let target = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &target)?;
        } else if e.file_type()?.is_file() {
            std::fs::copy(e.path(), &target)?;
        }
    }
    Ok(())
}

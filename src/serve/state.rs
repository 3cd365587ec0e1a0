//! One build as the server shows it, and the loop that makes the builds.
//!
//! The builds run on their own thread with a [`Watcher`] (the engine of
//! `nianbao watch`: Typst's world and caches kept between builds, nothing
//! written to disk). Each build is published as an immutable [`Snapshot`];
//! the HTTP side only ever reads the current one, so a request never sees
//! half a build.

use super::pages::{PageView, Placement, named_page, views};
use crate::error::{Diagnostic, Error, Severity};
use crate::i18n::msg;
use crate::model::{Block, Document, Inline};
use crate::watch::{Built, Watcher};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

/// A finding of the check or the layout check, or an error of a failed build.
pub(crate) struct Finding {
    pub severity: Severity,
    /// The user's `file:line` (or file, or field).
    pub location: String,
    pub message: String,
    /// The 0-based page it is on, when known.
    pub page: Option<usize>,
}

/// A heading of the report with the page it is on.
pub(crate) struct OutlineEntry {
    pub level: u8,
    pub title: String,
    pub page: Option<usize>,
}

/// What the server shows: the last good build, and the errors of the last
/// build if it failed.
#[derive(Default)]
pub(crate) struct Snapshot {
    /// Counts the builds finished (0: none yet).
    pub version: u64,
    /// Whether the last build succeeded (else [`Snapshot::good`] is the one
    /// before).
    pub ok: bool,
    /// The last build's errors, when it failed.
    pub errors: Vec<Finding>,
    /// The last good build (empty before the first).
    pub good: Arc<Good>,
}

/// A good build: what the page shows and what it offers for download.
#[derive(Default)]
pub(crate) struct Good {
    /// The report's file name (without extension).
    pub name: String,
    pub findings: Vec<Finding>,
    pub outline: Vec<OutlineEntry>,
    pub pages: Vec<PageView>,
    /// Where the blocks of the user's files are on the pages (the errors
    /// of a later failed build are placed by it).
    pub placement: Placement,
    pub pdf: Option<Arc<[u8]>>,
    pub docx: Option<Arc<[u8]>>,
    /// How long the build took.
    pub millis: u128,
}

/// What the SSE stream tells the open pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Event {
    /// The version of the snapshot published last.
    pub version: u64,
    /// A build is running.
    pub building: bool,
    /// The last build succeeded.
    pub ok: bool,
}

/// What the build thread and the HTTP handlers share.
pub(crate) struct Shared {
    snapshot: RwLock<Arc<Snapshot>>,
    pub events: tokio::sync::watch::Sender<Event>,
    /// Rendered page SVGs by page hash (the pages of the current build).
    pub svgs: Mutex<HashMap<String, Arc<str>>>,
    /// The port served, for the Host check.
    pub port: u16,
}

impl Shared {
    pub fn new(port: u16) -> Shared {
        let first = Event {
            version: 0,
            building: true,
            ok: true,
        };
        Shared {
            snapshot: RwLock::new(Arc::new(Snapshot {
                ok: true,
                ..Default::default()
            })),
            events: tokio::sync::watch::Sender::new(first),
            svgs: Mutex::new(HashMap::new()),
            port,
        }
    }

    /// The current snapshot.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.snapshot
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn publish(&self, snapshot: Snapshot) {
        let event = Event {
            version: snapshot.version,
            building: false,
            ok: snapshot.ok,
        };
        let keep: std::collections::HashSet<&str> = snapshot
            .good
            .pages
            .iter()
            .map(|p| p.hash.as_str())
            .collect();
        self.svgs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|hash, _| keep.contains(hash.as_str()));
        *self.snapshot.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(snapshot);
        self.events.send_replace(event);
    }

    fn building(&self) {
        self.events.send_modify(|e| e.building = true);
    }
}

/// Builds, publishes, waits for a change, forever.
pub(crate) fn run(mut watcher: Watcher, shared: Arc<Shared>) -> ! {
    loop {
        shared.building();
        let started = Instant::now();
        // A panic in a build (a bug) is reported like an error; the server
        // and the next builds go on.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            watcher.compile().map(|built| good_of(&watcher, built))
        }))
        .unwrap_or_else(|_| Err(Error::at("", msg::files::serve_build_crashed())));
        watcher.live().tidy();
        let previous = shared.snapshot();
        let version = previous.version + 1;
        match result {
            Ok(mut good) => {
                good.millis = started.elapsed().as_millis();
                let warnings = good
                    .findings
                    .iter()
                    .filter(|f| f.severity == Severity::Warning)
                    .count();
                eprintln!(
                    "{}",
                    msg::files::serve_built(good.millis, good.pages.len(), warnings)
                );
                shared.publish(Snapshot {
                    version,
                    ok: true,
                    errors: Vec::new(),
                    good: Arc::new(good),
                });
            }
            Err(e) => {
                for d in &e.diagnostics {
                    eprintln!("{d}");
                }
                eprintln!("{}", msg::files::serve_build_failed());
                let errors = e
                    .diagnostics
                    .iter()
                    .map(|d| Finding {
                        severity: d.severity,
                        location: d.location.clone(),
                        message: d.message.clone(),
                        // Where the block was in the last good build.
                        page: previous.good.placement.page_of(&d.location),
                    })
                    .collect();
                shared.publish(Snapshot {
                    version,
                    ok: false,
                    errors,
                    good: previous.good.clone(),
                });
            }
        }
        watcher.wait_for_change();
    }
}

/// What the page shows of a good build (its time filled in by the caller).
fn good_of(watcher: &Watcher, built: Built) -> Good {
    let doc = &built.checked.document;
    let live = watcher.live();
    let (pages, placement, layout) = match &built.generated {
        Some(g) => {
            let layout = live.check_layout(doc, g);
            let t = Instant::now();
            let (pages, placement) = live
                .last_pages(g)
                .map(|(document, locator)| views(document, &locator))
                .unwrap_or_default();
            if crate::progress::timing() {
                eprintln!("page views {:?}", t.elapsed());
            }
            (pages, placement, layout)
        }
        None => Default::default(),
    };
    let finding = |d: &Diagnostic, page| Finding {
        severity: d.severity,
        location: d.location.clone(),
        message: d.message.clone(),
        page,
    };
    // The check's findings at the page of their block; the layout check's
    // at the page they name.
    let findings = (built.checked.warnings.iter())
        .map(|d| finding(d, placement.page_of(&d.location)))
        .chain(layout.iter().map(|d| {
            let page = named_page(&d.message, pages.len());
            finding(d, page.or_else(|| placement.page_of(&d.location)))
        }))
        .collect();
    Good {
        name: doc.meta.name.clone(),
        findings,
        outline: outline(doc, &placement),
        pages,
        placement,
        pdf: built.pdf.map(Arc::from),
        docx: built.docx.map(Arc::from),
        millis: 0,
    }
}

/// The report's headings down to level 3, with their pages: the preface,
/// the chapters and their sections, the appendix.
fn outline(doc: &Document, placement: &Placement) -> Vec<OutlineEntry> {
    let mut out = Vec::new();
    let first_page = |blocks: &[Block]| {
        blocks.iter().find_map(|b| {
            let o = origin(b)?;
            placement.page_at(&o.file, o.line)
        })
    };
    if let Some(title) = &doc.preface_title
        && !doc.preface.is_empty()
    {
        out.push(OutlineEntry {
            level: 1,
            title: title.clone(),
            page: first_page(&doc.preface),
        });
    }
    for ch in &doc.chapters {
        let headings =
            std::iter::once(&ch.heading).chain(ch.blocks.iter().filter_map(|b| match b {
                Block::Heading(h) if h.level <= 3 => Some(h),
                _ => None,
            }));
        for h in headings {
            let text = Inline::plain(&h.text);
            out.push(OutlineEntry {
                level: h.level,
                title: match &h.number {
                    Some(n) if !n.is_empty() => format!("{n} {text}"),
                    _ => text,
                },
                page: placement.page_at(&h.origin.file, h.origin.line),
            });
        }
    }
    if !doc.appendix.is_empty() {
        out.push(OutlineEntry {
            level: 1,
            title: doc.appendix_title.clone(),
            page: doc
                .appendix
                .iter()
                .find_map(|t| placement.page_of(&t.origin.to_string())),
        });
    }
    out
}

/// Where a block was written.
fn origin(b: &Block) -> Option<&crate::model::Origin> {
    Some(match b {
        Block::Heading(h) => &h.origin,
        Block::Paragraph(p) => &p.origin,
        Block::Table(t) => &t.origin,
        Block::Figure(f) => &f.origin,
        Block::Case(c) => &c.origin,
        Block::List(l) => &l.origin,
    })
}

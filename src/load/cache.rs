//! What a watch session keeps of the chapters it read, so that an edit to
//! one chapter reads only that chapter again. A chapter read before is
//! taken as it was when its text, the data it was filled in from and every
//! file it looked up (its photos, found or not) are all as they were.

use crate::error::Diagnostic;
use crate::model::Chapter;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::project::{Looked, stamp};

/// One chapter as read: the chapter (none when its reading failed) and
/// what was found on the way, in order.
pub type Read = (Option<Chapter>, Vec<Diagnostic>);

struct Entry {
    source: String,
    files: Vec<Looked>,
    read: Read,
}

/// The chapters read by earlier builds (see the module's comment).
#[derive(Default)]
pub struct Cache {
    /// The data the entries were filled in from; other data, no entries.
    data: Mutex<Option<Arc<Map<String, Value>>>>,
    chapters: Mutex<HashMap<String, Entry>>,
    /// Chapters read (not taken from the cache) so far.
    reads: std::sync::atomic::AtomicUsize,
}

impl Cache {
    /// Starts a build filled in from `data`: entries from other data go.
    pub(crate) fn begin(&self, data: &Map<String, Value>) {
        let mut kept = self.data.lock().unwrap_or_else(|e| e.into_inner());
        if kept.as_deref() != Some(data) {
            *kept = Some(Arc::new(data.clone()));
            self.chapters
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .clear();
        }
    }

    /// The chapter `rel` as read before from this `source`, if every file
    /// it looked up is unchanged.
    pub(crate) fn get(&self, rel: &str, source: &str) -> Option<Read> {
        let chapters = self.chapters.lock().unwrap_or_else(|e| e.into_inner());
        let entry = chapters.get(rel)?;
        let fresh = entry.source == source && entry.files.iter().all(|(p, s)| stamp(p) == *s);
        fresh.then(|| entry.read.clone())
    }

    /// How many chapters were read, not taken from the cache, so far.
    pub fn reads(&self) -> usize {
        self.reads.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Keeps the chapter `rel` read from `source`, having looked up `files`.
    pub(crate) fn put(&self, rel: &str, source: String, files: Vec<Looked>, read: Read) {
        self.reads
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.chapters
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(
                rel.to_string(),
                Entry {
                    source,
                    files,
                    read,
                },
            );
    }
}

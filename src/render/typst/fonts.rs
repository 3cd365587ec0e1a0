//! The fonts Typst may use: the ones embedded in the binary, plus any found
//! under `--font-path` and (unless turned off) the system's.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;

use crate::fonts::EMBEDDED_FONTS;

/// Where to look for fonts besides the embedded ones.
#[derive(Debug, Clone, Default)]
pub struct FontOptions {
    pub font_paths: Vec<PathBuf>,
    pub system_fonts: bool,
}

enum Slot {
    Loaded(Font),
    Path {
        path: PathBuf,
        index: u32,
        font: OnceLock<Option<Font>>,
    },
}

/// A font book with lazily loaded fonts.
pub struct FontSet {
    pub book: LazyHash<FontBook>,
    slots: Vec<Slot>,
    /// Where each font came from (for `nianbao fonts`).
    pub sources: Vec<String>,
}

impl FontSet {
    /// Collects fonts: `--font-path` directories first, then the system's,
    /// then the embedded ones.
    pub fn new(opts: &FontOptions) -> Arc<FontSet> {
        let mut book = FontBook::new();
        let mut slots = Vec::new();
        let mut sources = Vec::new();
        let mut push_path = |(path, info): (typst_kit::fonts::FontPath, FontInfo)| {
            sources.push(format!("{}", path.path.display()));
            book.push(info);
            slots.push(Slot::Path {
                path: path.path,
                index: path.index,
                font: OnceLock::new(),
            });
        };
        for dir in &opts.font_paths {
            typst_kit::fonts::scan(dir).for_each(&mut push_path);
        }
        if opts.system_fonts {
            typst_kit::fonts::system().for_each(&mut push_path);
        }
        for (name, data) in EMBEDDED_FONTS {
            for font in Font::iter(Bytes::new(*data)) {
                book.push(font.info().clone());
                slots.push(Slot::Loaded(font));
                sources.push(format!("(embedded) {name}"));
            }
        }
        Arc::new(FontSet {
            book: LazyHash::new(book),
            slots,
            sources,
        })
    }

    /// The font at `index` in the book, loading it on first use.
    pub fn font(&self, index: usize) -> Option<Font> {
        match self.slots.get(index)? {
            Slot::Loaded(f) => Some(f.clone()),
            Slot::Path { path, index, font } => font
                .get_or_init(|| {
                    let data = std::fs::read(path).ok()?;
                    Font::new(Bytes::new(data), *index)
                })
                .clone(),
        }
    }

    /// Whether any font covers the character.
    pub fn covers(&self, c: char) -> bool {
        let mut i = 0;
        while let Some(info) = self.book.info(i) {
            if info.coverage.contains(c as u32) {
                return true;
            }
            i += 1;
        }
        false
    }

    /// Every font's family, style details and source, for `nianbao fonts`.
    pub fn describe(&self) -> Vec<(String, String, String)> {
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(info) = self.book.info(i) {
            let v = &info.variant;
            out.push((
                info.family.clone(),
                // `400 normal`, `700 italic`: the weight and the style.
                format!(
                    "{} {}",
                    v.weight.to_number(),
                    format!("{:?}", v.style).to_lowercase()
                ),
                self.sources.get(i).cloned().unwrap_or_default(),
            ));
            i += 1;
        }
        out
    }
}

/// The font roles declared in a `fonts.typ` template: (role, families in
/// order of preference), read from its `nb-fonts` dictionary.
pub fn roles(fonts_typ: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for line in fonts_typ.lines() {
        let line = line.trim();
        let Some((role, rest)) = line.split_once(": (") else {
            continue;
        };
        if !role.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            continue;
        }
        let families: Vec<String> = rest
            .split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect();
        if !families.is_empty() {
            out.push((role.to_string(), families));
        }
    }
    out
}

impl FontSet {
    /// The family that fills each role: the first one of its list present.
    pub fn role_assignment(
        &self,
        roles: &[(String, Vec<String>)],
    ) -> Vec<(String, Option<String>)> {
        roles
            .iter()
            .map(|(role, families)| {
                let found = families
                    .iter()
                    .find(|f| self.book.contains_family(&f.to_lowercase()))
                    .cloned();
                (role.clone(), found)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_read_from_the_template() {
        let r = roles(include_str!("../../../templates/typst/fonts.typ"));
        let song = r.iter().find(|(n, _)| n == "song").expect("a song role");
        assert_eq!(song.1.last().map(String::as_str), Some("Noto Serif CJK SC"));
        assert!(r.iter().any(|(n, _)| n == "fang"));
    }
}

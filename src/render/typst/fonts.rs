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
    /// then the embedded ones. A system face that the embedded fonts also
    /// have (same family and variant, e.g. an installed Noto CJK) is left
    /// out: the report then prints the same on every machine, and a large
    /// system collection is not read for nothing.
    pub fn new(opts: &FontOptions) -> Arc<FontSet> {
        let embedded: Vec<(&str, Font)> = EMBEDDED_FONTS
            .iter()
            .flat_map(|(name, data)| Font::iter(Bytes::new(*data)).map(move |f| (*name, f)))
            .collect();
        let bundled = |info: &FontInfo| {
            embedded.iter().any(|(_, f)| {
                f.info().family.eq_ignore_ascii_case(&info.family)
                    && f.info().variant == info.variant
            })
        };
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
            typst_kit::fonts::system()
                .filter(|(_, info)| !bundled(info))
                .for_each(&mut push_path);
        }
        for (name, font) in embedded {
            book.push(font.info().clone());
            slots.push(Slot::Loaded(font));
            sources.push(format!("(embedded) {name}"));
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

    /// The bundled families come from the bundle even where the system has
    /// them too (CI installs Noto CJK for LibreOffice): the same bytes on
    /// every machine.
    #[test]
    fn bundled_families_are_not_taken_from_the_system() {
        let set = FontSet::new(&FontOptions {
            font_paths: vec![],
            system_fonts: true,
        });
        let bundled: Vec<String> = set
            .describe()
            .into_iter()
            .filter(|(_, _, source)| source.starts_with("(embedded)"))
            .map(|(family, variant, _)| format!("{family} {variant}"))
            .collect();
        assert!(bundled.len() >= 6, "{bundled:?}");
        for (family, variant, source) in set.describe() {
            if !source.starts_with("(embedded)") {
                let face = format!("{family} {variant}");
                assert!(
                    !bundled.iter().any(|b| b.eq_ignore_ascii_case(&face)),
                    "{face} taken from {source}"
                );
            }
        }
    }

    #[test]
    fn roles_are_read_from_the_template() {
        let r = roles(include_str!("../../../templates/typst/fonts.typ"));
        let song = r.iter().find(|(n, _)| n == "song").expect("a song role");
        assert_eq!(song.1.last().map(String::as_str), Some("Noto Serif CJK SC"));
        assert!(r.iter().any(|(n, _)| n == "fang"));
    }
}

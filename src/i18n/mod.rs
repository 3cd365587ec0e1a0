//! The language of everything nianbao says: Simplified Chinese by default,
//! English on request (`--lang en`, or an English `LC_ALL`/`LC_MESSAGES`/
//! `LANG`).
//!
//! Every message lives in the catalogue ([`msg`]): one function per message,
//! written once in each language by the [`messages!`] macro. Both texts go
//! through `format!` with the same named arguments, so a placeholder present
//! in one language only is a compile error, and `tests/messages.rs` fails on
//! a text left empty or untranslated.
//!
//! The library speaks English unless told otherwise ([`set_lang`]); the
//! `nianbao` command sets the user's language before it does anything.

pub mod clap_zh;
pub mod help;
pub mod msg;

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language nianbao speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// Simplified Chinese (the default of the command line).
    Zh,
    /// English.
    En,
}

static GLOBAL: AtomicU8 = AtomicU8::new(1);

thread_local! {
    static OVERRIDE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The language messages are written in now.
pub fn lang() -> Lang {
    OVERRIDE
        .with(Cell::get)
        .unwrap_or(match GLOBAL.load(Ordering::Relaxed) {
            0 => Lang::Zh,
            _ => Lang::En,
        })
}

/// Sets the language of every thread (the command line does this once).
pub fn set_lang(lang: Lang) {
    GLOBAL.store(
        match lang {
            Lang::Zh => 0,
            Lang::En => 1,
        },
        Ordering::Relaxed,
    );
}

/// Runs `f` with messages in `lang` on this thread only (tests).
pub fn with_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = OVERRIDE.with(|o| o.replace(Some(lang)));
    let out = f();
    OVERRIDE.with(|o| o.set(before));
    out
}

impl Lang {
    /// Parses a `--lang` value: `zh…` or `en…` (case-insensitive).
    pub fn parse(value: &str) -> Option<Lang> {
        let v = value.to_ascii_lowercase();
        if v.starts_with("zh") {
            Some(Lang::Zh)
        } else if v.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language asked for by the environment, POSIX order: the first set
    /// of `LC_ALL`, `LC_MESSAGES`, `LANG`. English only when that names an
    /// English locale; anything else (unset, `C`, `zh_CN.UTF-8`) is Chinese.
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
        let chosen = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&get)
            .find(|v| !v.is_empty());
        match chosen {
            Some(v) if v.to_ascii_lowercase().starts_with("en") => Lang::En,
            _ => Lang::Zh,
        }
    }

    /// The language for a command line: `--lang X` / `--lang=X` among the
    /// arguments wins, then the environment. An unknown `--lang` value is
    /// left for the argument parser to report.
    pub fn from_args_and_env(
        args: &[std::ffi::OsString],
        get: impl Fn(&str) -> Option<String>,
    ) -> Lang {
        let mut it = args.iter().map(|a| a.to_string_lossy());
        while let Some(a) = it.next() {
            if a == "--" {
                break;
            }
            let value = if a == "--lang" {
                it.next().map(|v| v.into_owned())
            } else {
                a.strip_prefix("--lang=").map(str::to_string)
            };
            if let Some(l) = value.as_deref().and_then(Lang::parse) {
                return l;
            }
        }
        Lang::from_env(get)
    }
}

/// A system error (reading or writing a file): its own text in English, the
/// common kinds in Chinese.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    if lang() == Lang::En {
        return e.to_string();
    }
    match e.kind() {
        ErrorKind::NotFound => msg::load::io_not_found(),
        ErrorKind::PermissionDenied => msg::load::io_permission_denied(),
        ErrorKind::IsADirectory => msg::load::io_is_a_directory(),
        ErrorKind::NotADirectory => msg::load::io_not_a_directory(),
        _ => msg::load::io_other(e),
    }
}

/// Defines catalogue messages: each becomes a function taking its named
/// arguments and returning the text in the current language, and the part's
/// `ALL` list holds every message's name and both texts (for the tests).
///
/// ```ignore
/// messages! {
///     /// The file cannot be read.
///     cannot_read(path, reason) {
///         zh: "无法读取 {path}：{reason}",
///         en: "cannot read {path}: {reason}",
///     }
/// }
/// ```
macro_rules! messages {
    ($(
        $(#[$doc:meta])*
        $name:ident ( $($arg:ident),* $(,)? ) { zh: $zh:literal, en: $en:literal $(,)? }
    )*) => {
        $(
            $(#[$doc])*
            #[allow(clippy::too_many_arguments)]
            pub fn $name($($arg: impl std::fmt::Display),*) -> String {
                match $crate::i18n::lang() {
                    $crate::i18n::Lang::Zh => format!($zh $(, $arg = $arg)*),
                    $crate::i18n::Lang::En => format!($en $(, $arg = $arg)*),
                }
            }
        )*
        /// Every message of this part: name, Chinese text, English text.
        pub const ALL: &[(&str, &str, &str)] = &[$((stringify!($name), $zh, $en)),*];
    };
}
pub(crate) use messages;

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
    }

    #[test]
    fn chinese_unless_the_environment_is_english() {
        assert_eq!(Lang::from_env(env(&[])), Lang::Zh);
        assert_eq!(Lang::from_env(env(&[("LANG", "C.UTF-8")])), Lang::Zh);
        assert_eq!(Lang::from_env(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_env(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            Lang::from_env(env(&[("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_GB")])),
            Lang::En
        );
    }

    #[test]
    fn the_lang_option_wins_over_the_environment() {
        let args = |v: &[&str]| v.iter().map(|s| s.into()).collect::<Vec<_>>();
        let en = env(&[("LANG", "en_US.UTF-8")]);
        assert_eq!(
            Lang::from_args_and_env(&args(&["nianbao", "--lang", "zh", "build"]), &en),
            Lang::Zh
        );
        assert_eq!(
            Lang::from_args_and_env(&args(&["nianbao", "check", "--lang=en", "p"]), env(&[])),
            Lang::En
        );
        assert_eq!(
            Lang::from_args_and_env(&args(&["nianbao", "--", "--lang", "en"]), env(&[])),
            Lang::Zh
        );
    }

    #[test]
    fn a_thread_can_speak_another_language() {
        let zh = with_lang(Lang::Zh, || msg::cli::check_ok(3, 6));
        let en = with_lang(Lang::En, || msg::cli::check_ok(3, 6));
        assert_ne!(zh, en);
        assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)));
    }
}

//! The argument parser's own errors in the user's language: the parser
//! (clap) writes them in English, so the common kinds are rewritten here from
//! the error's parts.

use super::msg;
use clap::error::{ContextKind, ContextValue, ErrorKind};

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join("、")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join("、"),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The message of an argument error (without the leading "error:"), in the
/// current language; `commands` lists the subcommands for hints.
pub fn message(e: &clap::Error, commands: &[String]) -> String {
    let get = |k| context(e, k).unwrap_or_default();
    let known = commands.join("、");
    match e.kind() {
        ErrorKind::UnknownArgument => msg::cli::arg_unknown(get(ContextKind::InvalidArg)),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let valid = context(e, ContextKind::ValidValue);
            let expected = valid.unwrap_or_else(|| {
                let text = e.to_string();
                let reason = text
                    .lines()
                    .next()
                    .and_then(|l| l.rsplit_once(": ").map(|(_, r)| r.to_string()))
                    .unwrap_or(text);
                // clap's range check: "99 is not in 1..=64".
                match reason
                    .split_once(" is not in ")
                    .and_then(|(_, r)| r.split_once("..="))
                {
                    Some((min, max)) => msg::cli::arg_range(min, max),
                    None => reason,
                }
            });
            msg::cli::arg_invalid_value(
                get(ContextKind::InvalidValue),
                get(ContextKind::InvalidArg),
                expected,
            )
        }
        ErrorKind::MissingRequiredArgument => msg::cli::arg_missing(get(ContextKind::InvalidArg)),
        ErrorKind::InvalidSubcommand => {
            msg::cli::subcommand_unknown(get(ContextKind::InvalidSubcommand), known)
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            msg::cli::subcommand_missing(known)
        }
        ErrorKind::ArgumentConflict => {
            msg::cli::arg_conflict(get(ContextKind::InvalidArg), get(ContextKind::PriorArg))
        }
        ErrorKind::NoEquals => msg::cli::arg_missing(get(ContextKind::InvalidArg)),
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            msg::cli::arg_value_count(get(ContextKind::InvalidArg))
        }
        _ => {
            let text = e.to_string();
            let first = text.lines().next().unwrap_or_default();
            msg::cli::arg_other(first.trim_start_matches("error: "))
        }
    }
}

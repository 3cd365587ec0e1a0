//! The `nianbao` command line.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use nianbao::error::{Error, Severity};
use nianbao::i18n::{Lang, msg};
use nianbao::progress::{Progress, Step};
use nianbao::render::typst::fonts::{FontOptions, FontSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

// The help texts of the commands and options, in both languages, are in
// src/i18n/help.rs (applied at start-up by `parse_cli`).
#[derive(Parser)]
#[command(name = "nianbao", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[arg(long, global = true, value_name = "zh|en", value_parser = ["zh", "en"])]
    lang: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    Build {
        project: PathBuf,
        #[arg(long, default_value = "out")]
        out: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::All)]
        format: Format,
        #[arg(long)]
        emit_typst: Option<PathBuf>,
        #[arg(long)]
        allow_errors: bool,
        #[arg(long)]
        for_print: bool,
        #[arg(long, requires = "for_print")]
        crop_marks: bool,
        #[arg(long, value_name = "N", default_value_t = 1,
              value_parser = clap::value_parser!(u32).range(1..=i64::from(nianbao::model::limits::MAX_PAD_TO)))]
        pad_to: u32,
        #[command(flatten)]
        fonts: FontArgs,
    },
    Check {
        project: PathBuf,
        #[arg(long)]
        allow_errors: bool,
        #[arg(long, conflicts_with = "print")]
        no_layout: bool,
        #[arg(long)]
        print: bool,
        #[command(flatten)]
        fonts: FontArgs,
    },
    InitData {
        project: PathBuf,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, value_delimiter = ',')]
        schools: Vec<String>,
        #[arg(long)]
        force: bool,
    },
    Fonts {
        #[command(flatten)]
        fonts: FontArgs,
    },
    New {
        dir: PathBuf,
        #[arg(long, value_enum, default_value_t = nianbao::scaffold::Kind::Bureau)]
        kind: nianbao::scaffold::Kind,
    },
    Watch {
        project: PathBuf,
        #[arg(long, default_value = "out")]
        out: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::All)]
        format: Format,
        #[arg(long)]
        allow_errors: bool,
        #[arg(long, value_name = "N", hide = true)]
        bench: Option<usize>,
        #[command(flatten)]
        fonts: FontArgs,
    },
    Serve {
        project: PathBuf,
        #[arg(long, default_value_t = 8421)]
        port: u16,
        #[arg(long)]
        allow_errors: bool,
        #[command(flatten)]
        fonts: FontArgs,
    },
    Schema {
        #[arg(long)]
        indicators: bool,
    },
}

#[derive(clap::Args)]
struct FontArgs {
    #[arg(long = "font-path")]
    font_path: Vec<PathBuf>,
    #[arg(long)]
    no_system_fonts: bool,
}

impl FontArgs {
    fn options(&self) -> FontOptions {
        FontOptions {
            font_paths: self.font_path.clone(),
            system_fonts: !self.no_system_fonts,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Pdf,
    Docx,
    All,
}

/// Reads the command line with help and argument errors in `lang`.
fn parse_cli(args: Vec<std::ffi::OsString>, lang: Lang) -> Cli {
    use clap::error::ErrorKind;
    let cmd = nianbao::i18n::help::localize(Cli::command(), lang);
    let commands: Vec<String> = cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(|s| s.get_name().to_string())
        .collect();
    let parsed = cmd
        .try_get_matches_from(args)
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => cli,
        Err(e) => match e.kind() {
            ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => e.exit(),
            _ => {
                let message = nianbao::i18n::clap_zh::message(&e, &commands);
                eprintln!("{}", nianbao::error::Diagnostic::error("", message));
                eprintln!("{}", msg::cli::arg_more("nianbao"));
                std::process::exit(2)
            }
        },
    }
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = Lang::from_args_and_env(&args, |k| std::env::var(k).ok());
    nianbao::i18n::set_lang(lang);
    let cli = parse_cli(args, lang);
    let project = match &cli.command {
        Command::Build { project, .. }
        | Command::Check { project, .. }
        | Command::InitData { project, .. }
        | Command::Watch { project, .. }
        | Command::Serve { project, .. } => Some(project.clone()),
        _ => None,
    };
    let result = match cli.command {
        Command::Build {
            project,
            out,
            format,
            emit_typst,
            allow_errors,
            for_print,
            crop_marks,
            pad_to,
            fonts,
        } => build(
            &project,
            &out,
            format,
            emit_typst.as_deref(),
            allow_errors,
            nianbao::render::typst::PdfSettings {
                target: if for_print {
                    nianbao::render::typst::PdfTarget::Print
                } else {
                    nianbao::render::typst::PdfTarget::Archive
                },
                pad_to,
                crop_marks,
                ..Default::default()
            },
            &fonts,
        ),
        Command::Check {
            project,
            allow_errors,
            no_layout,
            print,
            fonts,
        } => {
            if print {
                check_print(&project, allow_errors, &fonts)
            } else {
                check(&project, allow_errors, (!no_layout).then_some(&fonts))
            }
        }
        Command::InitData {
            project,
            out,
            schools,
            force,
        } => init_data(&project, out, &schools, force),
        Command::Fonts { fonts } => {
            list_fonts(&fonts);
            Ok(())
        }
        Command::New { dir, kind } => new_project(&dir, kind),
        Command::Watch {
            project,
            out,
            format,
            allow_errors,
            bench,
            fonts,
        } => watch(&project, out, format, allow_errors, bench, &fonts),
        Command::Serve {
            project,
            port,
            allow_errors,
            fonts,
        } => nianbao::serve::serve(
            &project,
            nianbao::serve::ServeOptions {
                port,
                allow_errors,
                fonts: FontSet::new(&fonts.options()),
            },
        ),
        Command::Schema { indicators } => {
            let text = if indicators {
                nianbao::schema::indicator_values_schema_text()
            } else {
                nianbao::schema::report_schema_text()
            };
            // A closed pipe (`nianbao schema | head`) is not an error.
            let _ = std::io::Write::write_all(&mut std::io::stdout(), text.as_bytes());
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            for d in &e.diagnostics {
                eprintln!("{d}");
                let shown = project
                    .as_deref()
                    .and_then(|p| nianbao::error::snippet(d, |f| read_in_project(p, f)));
                if let Some(shown) = shown {
                    eprintln!("{shown}");
                }
            }
            ExitCode::FAILURE
        }
    }
}

/// A project file's text for showing the line an error points at; nothing
/// outside the project, nothing over 16 MB.
fn read_in_project(project: &Path, rel: &str) -> Option<String> {
    let root = project.canonicalize().ok()?;
    let path = root.join(rel).canonicalize().ok()?;
    if !path.starts_with(&root) || std::fs::metadata(&path).ok()?.len() > 16 << 20 {
        return None;
    }
    std::fs::read_to_string(path).ok()
}

/// The progress line of a command, on a terminal only.
fn progress() -> Progress {
    use std::io::IsTerminal;
    Progress::start(std::io::stderr().is_terminal())
}

/// Prints the warnings, and the notes of accepted data discrepancies, above
/// the progress line.
fn print_warnings(out: &Progress, w: &[nianbao::error::Diagnostic]) {
    for d in w.iter().filter(|d| d.severity != Severity::Error) {
        out.println(&d.to_string());
    }
}

fn check(project: &Path, allow_errors: bool, layout: Option<&FontArgs>) -> Result<(), Error> {
    let out = progress();
    let checked = nianbao::check_with(project, allow_errors)?;
    print_warnings(&out, &checked.warnings);
    if let Some(fonts) = layout {
        out.step(Step::Layout);
        let warnings = nianbao::check_layout(&checked, FontSet::new(&fonts.options()))?;
        print_warnings(&out, &warnings);
    }
    drop(out);
    let doc = &checked.document;
    eprintln!(
        "{}",
        msg::cli::check_ok(doc.chapters.len(), doc.appendix.len())
    );
    Ok(())
}

/// Prints the print preflight's findings under a heading.
fn print_preflight(out: &Progress, findings: &[nianbao::error::Diagnostic]) {
    let count = |s: Severity| findings.iter().filter(|d| d.severity == s).count();
    out.println(&msg::cli::preflight_summary(
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
    ));
    for d in findings {
        out.println(&d.to_string());
    }
}

fn check_print(project: &Path, allow_errors: bool, fonts: &FontArgs) -> Result<(), Error> {
    let out = progress();
    let checked = nianbao::check_with(project, allow_errors)?;
    print_warnings(&out, &checked.warnings);
    out.step(Step::Layout);
    let (warnings, preflight) =
        nianbao::check_print(&checked, FontSet::new(&fonts.options()), false)?;
    print_warnings(&out, &warnings);
    print_preflight(&out, &preflight);
    drop(out);
    let errors = preflight
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 {
        return Err(Error::at(
            project.display().to_string(),
            msg::cli::preflight_failed(errors),
        ));
    }
    let doc = &checked.document;
    eprintln!(
        "{}",
        msg::cli::check_ok(doc.chapters.len(), doc.appendix.len())
    );
    Ok(())
}

fn build(
    project: &Path,
    out: &Path,
    format: Format,
    emit_typst: Option<&Path>,
    allow_errors: bool,
    pdf_settings: nianbao::render::typst::PdfSettings,
    fonts: &FontArgs,
) -> Result<(), Error> {
    let progress = progress();
    let checked = nianbao::check_with(project, allow_errors)?;
    print_warnings(&progress, &checked.warnings);
    progress.step(if matches!(format, Format::Docx) {
        Step::Docx
    } else {
        Step::Layout
    });
    let name = checked.document.meta.name.clone();
    // Everything is built in memory first: a failure writes no file at all.
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let nianbao::Outputs { pdf, docx } = nianbao::build_outputs(
        &checked,
        FontSet::new(&fonts.options()),
        pdf_settings,
        matches!(format, Format::Pdf | Format::All),
        matches!(format, Format::Docx | Format::All),
    );
    if let Some(pdf) = pdf {
        let nianbao::CheckedPdf {
            pdf,
            generated,
            warnings,
            preflight,
        } = pdf?;
        print_warnings(&progress, &warnings);
        if pdf_settings.target == nianbao::render::typst::PdfTarget::Print {
            print_preflight(&progress, &preflight);
        }
        if let Some(dir) = emit_typst {
            for (path, text) in &generated.sources {
                files.push((
                    dir.join(path.trim_start_matches('/')),
                    text.clone().into_bytes(),
                ));
            }
            for (path, bytes) in &generated.assets {
                files.push((dir.join(path.trim_start_matches('/')), bytes.to_vec()));
            }
        }
        files.push((out.join(format!("{name}.pdf")), pdf));
    }
    if let Some(docx) = docx {
        files.push((out.join(format!("{name}.docx")), docx?));
    }
    progress.step(Step::Write);
    nianbao::output::write_all_atomic(&files)?;
    let took = progress.elapsed();
    drop(progress);
    for (path, _) in files
        .iter()
        .filter(|(p, _)| emit_typst.is_none_or(|d| !p.starts_with(d)))
    {
        eprintln!("{}", msg::cli::wrote(path.display()));
    }
    eprintln!(
        "{}",
        msg::cli::built_in(format!("{:.1}", took.as_secs_f64()))
    );
    Ok(())
}

fn watch(
    project: &Path,
    out: PathBuf,
    format: Format,
    allow_errors: bool,
    bench: Option<usize>,
    fonts: &FontArgs,
) -> Result<(), Error> {
    let opts = nianbao::watch::WatchOptions {
        out,
        pdf: matches!(format, Format::Pdf | Format::All),
        docx: matches!(format, Format::Docx | Format::All),
        allow_errors,
        settings: Default::default(),
        fonts: FontSet::new(&fonts.options()),
    };
    if let Some(n) = bench {
        let mut times = nianbao::watch::bench(project, opts, n)?;
        times.sort_by(f64::total_cmp);
        let median = times.get(times.len() / 2).copied().unwrap_or(0.0);
        println!(
            "{}",
            msg::cli::watch_bench(
                format!("{median:.0}"),
                times.len(),
                format!("{:.0}", times.first().copied().unwrap_or(0.0)),
                format!("{:.0}", times.last().copied().unwrap_or(0.0))
            )
        );
        return Ok(());
    }
    let mut watcher = nianbao::watch::Watcher::new(project, opts)?;
    eprintln!("{}", msg::cli::watching(project.display()));
    watcher.run()
}

fn list_fonts(fonts: &FontArgs) {
    let set = FontSet::new(&fonts.options());
    let template = nianbao::render::typst::TEMPLATES
        .iter()
        .find(|(n, _)| *n == "fonts.typ")
        .map(|(_, t)| *t)
        .unwrap_or_default();
    // A closed pipe (`nianbao fonts | head`) ends the listing quietly.
    let mut out = std::io::stdout().lock();
    let mut lines = vec![msg::cli::fonts_roles()];
    for (role, family) in set.role_assignment(&nianbao::render::typst::fonts::roles(template)) {
        lines.push(format!(
            "  {role:<6} {}",
            family.unwrap_or_else(msg::cli::fonts_role_missing)
        ));
    }
    lines.push(String::new());
    lines.push(msg::cli::fonts_faces());
    for (family, variant, source) in set.describe() {
        let source = match source.strip_prefix("(embedded)") {
            Some(file) => format!("{}{file}", msg::cli::fonts_embedded()),
            None => source,
        };
        lines.push(format!("  {family}\t{variant}\t{source}"));
    }
    for line in lines {
        if writeln!(out, "{line}").is_err() {
            return;
        }
    }
}

fn init_data(
    project: &Path,
    out: Option<PathBuf>,
    schools: &[String],
    force: bool,
) -> Result<(), Error> {
    let p = nianbao::load::project::Project::open(project)?;
    let text = p.read_text("report.json", "report.json")?;
    let config = nianbao::load::config::parse("report.json", &text)?;
    let values = match &config.appendix {
        Some(a) if p.has_entry(&a.values) => Some(nianbao::load::data::load_dataset(
            &p,
            &a.values,
            "report.json: appendix.values",
        )?),
        _ => None,
    };
    // The default place is inside the project: no link may lead it out.
    let out = match out {
        Some(out) => out,
        None => p.writable("data/indicators.xlsx", "init-data")?,
    };
    if out.exists() && !force {
        return Err(Error::at(
            out.display().to_string(),
            msg::cli::init_exists(),
        ));
    }
    let bytes = nianbao::init::indicator_workbook(config.year, values.as_ref(), schools)?;
    nianbao::output::write_atomic(&out, &bytes)?;
    eprintln!("{}", msg::cli::init_wrote(out.display()));
    Ok(())
}

fn new_project(dir: &Path, kind: nianbao::scaffold::Kind) -> Result<(), Error> {
    let files = nianbao::scaffold::create(dir, kind, nianbao::scaffold::today())?;
    let kind_name = match kind {
        nianbao::scaffold::Kind::Bureau => msg::cli::kind_bureau(),
        nianbao::scaffold::Kind::School => msg::cli::kind_school(),
    };
    eprintln!(
        "{}",
        msg::cli::new_created(dir.display(), kind_name, files.len())
    );
    eprintln!("  nianbao check {}", dir.display());
    eprintln!("  nianbao build {} --out out", dir.display());
    Ok(())
}

//! The `nianbao` command line.

use clap::{Parser, Subcommand, ValueEnum};
use nianbao::error::{Error, Severity};
use nianbao::render::typst::fonts::{FontOptions, FontSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// nianbao (年报): builds the 中等职业教育质量年度报告 as PDF and DOCX.
#[derive(Parser)]
#[command(name = "nianbao", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the report of a project directory.
    Build {
        /// The project directory (holding report.json).
        project: PathBuf,
        /// Output directory; files are named after the project directory.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Which outputs to write.
        #[arg(long, value_enum, default_value_t = Format::All)]
        format: Format,
        /// Also write the generated Typst sources and assets to this directory.
        #[arg(long)]
        emit_typst: Option<PathBuf>,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// Load and validate a project without writing anything.
    Check {
        /// The project directory (holding report.json).
        project: PathBuf,
    },
    /// List the fonts found and the role each fills.
    Fonts {
        #[command(flatten)]
        fonts: FontArgs,
    },
}

#[derive(clap::Args)]
struct FontArgs {
    /// Additional font directories (searched before system and bundled fonts).
    #[arg(long = "font-path")]
    font_path: Vec<PathBuf>,
    /// Do not use the system's fonts (only --font-path and the bundled ones).
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build {
            project,
            out,
            format,
            emit_typst,
            fonts,
        } => build(&project, &out, format, emit_typst.as_deref(), &fonts),
        Command::Check { project } => check(&project),
        Command::Fonts { fonts } => {
            list_fonts(&fonts);
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            for d in &e.diagnostics {
                eprintln!("{d}");
            }
            ExitCode::FAILURE
        }
    }
}

fn print_warnings(w: &[nianbao::error::Diagnostic]) {
    for d in w.iter().filter(|d| d.severity == Severity::Warning) {
        eprintln!("{d}");
    }
}

fn check(project: &Path) -> Result<(), Error> {
    let checked = nianbao::check(project)?;
    print_warnings(&checked.warnings);
    let doc = &checked.document;
    eprintln!(
        "ok: {} chapters, {} appendix tables",
        doc.chapters.len(),
        doc.appendix.len()
    );
    Ok(())
}

fn build(
    project: &Path,
    out: &Path,
    format: Format,
    emit_typst: Option<&Path>,
    fonts: &FontArgs,
) -> Result<(), Error> {
    let checked = nianbao::check(project)?;
    print_warnings(&checked.warnings);
    let name = checked.document.meta.name.clone();
    if matches!(format, Format::Pdf | Format::All) {
        let font_set = FontSet::new(&fonts.options());
        let root = project.canonicalize().unwrap_or(project.to_path_buf());
        let (pdf, generated) = nianbao::build_pdf(&checked, &root, font_set)?;
        if let Some(dir) = emit_typst {
            for (path, text) in &generated.sources {
                nianbao::output::write_atomic(
                    &dir.join(path.trim_start_matches('/')),
                    text.as_bytes(),
                )?;
            }
            for (path, bytes) in &generated.assets {
                nianbao::output::write_atomic(&dir.join(path.trim_start_matches('/')), bytes)?;
            }
        }
        let pdf_path = out.join(format!("{name}.pdf"));
        nianbao::output::write_atomic(&pdf_path, &pdf)?;
        eprintln!("wrote {}", pdf_path.display());
    }
    if matches!(format, Format::Docx | Format::All) {
        let docx = nianbao::build_docx(&checked)?;
        let docx_path = out.join(format!("{name}.docx"));
        nianbao::output::write_atomic(&docx_path, &docx)?;
        eprintln!("wrote {}", docx_path.display());
    }
    Ok(())
}

fn list_fonts(fonts: &FontArgs) {
    let set = FontSet::new(&fonts.options());
    for (family, variant, source) in set.describe() {
        println!("{family}\t{variant}\t{source}");
    }
}

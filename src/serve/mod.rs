//! `nianbao serve`: a local web page (127.0.0.1 only) showing the report's
//! pages, the findings of the check and of the layout check (a click goes to
//! the page), and the outline; it rebuilds on every change under the
//! project with the engine of `nianbao watch` (Typst's world and caches
//! kept) and updates the open page through server-sent events, without a
//! reload. The current PDF and DOCX can be downloaded; nothing is written to
//! disk and no file is served from it.
//!
//! - [`state`]: the build loop and the snapshot of the last build;
//! - [`pages`]: the pages as SVG with a text layer, and where each block of
//!   the user's files landed;
//! - [`html`]: the page (`templates/serve/`) and its parts;
//! - [`routes`]: the HTTP side (axum on a one-thread tokio runtime).

mod html;
mod pages;
mod routes;
mod state;

use crate::error::{Error, Result};
use crate::i18n::msg;
use crate::render::typst::fonts::FontSet;
use crate::watch::{WatchOptions, Watcher};
use std::net::{Ipv4Addr, TcpListener};
use std::path::Path;
use std::sync::Arc;

/// What a serve session needs.
pub struct ServeOptions {
    /// The port on 127.0.0.1 (0: any free port; the address is printed).
    pub port: u16,
    /// Build even when the numbers are inconsistent (reported as warnings).
    pub allow_errors: bool,
    pub fonts: Arc<FontSet>,
}

/// Serves the project until the process is stopped. Prints
/// `serving <project> at http://127.0.0.1:<port>/` once the port is bound.
pub fn serve(project: &Path, opts: ServeOptions) -> Result<()> {
    let dir = project.canonicalize().map_err(|e| {
        Error::at(
            project.display().to_string(),
            msg::files::serve_no_project(e),
        )
    })?;
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, opts.port))
        .and_then(|l| l.set_nonblocking(true).map(|_| l))
        .map_err(|e| {
            Error::at(
                format!("--port {}", opts.port),
                msg::files::serve_no_port(opts.port, e),
            )
        })?;
    let port = listener
        .local_addr()
        .map_err(|e| Error::at("--port", e.to_string()))?
        .port();
    let shared = Arc::new(state::Shared::new(port));
    let watcher = Watcher::new(
        &dir,
        WatchOptions {
            // Nothing is written; a hidden name, which the watcher never
            // looks at.
            out: dir.join(".nianbao-serve"),
            pdf: true,
            docx: true,
            allow_errors: opts.allow_errors,
            settings: Default::default(),
            fonts: opts.fonts,
        },
    )?;
    let builder = shared.clone();
    std::thread::Builder::new()
        .name("nianbao-build".into())
        .spawn(move || state::run(watcher, builder))
        .map_err(|e| Error::at("", msg::files::serve_no_start(e)))?;
    eprintln!("{}", msg::files::serving(project.display(), port));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| Error::at("", msg::files::serve_no_start(e)))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)
            .map_err(|e| Error::at("", msg::files::serve_no_start(e)))?;
        axum::serve(listener, routes::router(shared))
            .await
            .map_err(|e| Error::at("", msg::files::serve_stopped(e)))
    })
}

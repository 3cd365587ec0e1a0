//! The HTTP side: one handler that answers a fixed list of paths from the
//! current build in memory; nothing is ever read from disk, so no path can
//! reach a file. Anything not on the list is 404, and so is, before any
//! matching, every path with `..`, `//`, a backslash, a percent escape or
//! any character outside `[A-Za-z0-9/._-]`.
//!
//! | path                  | answer                                        |
//! |-----------------------|-----------------------------------------------|
//! | `/`                   | the page ([`super::html::index`])             |
//! | `/app.js`, `/style.css` | the page's script and style sheet           |
//! | `/events`             | server-sent events: `building`, `build`       |
//! | `/api/state`          | the redrawn parts as JSON                     |
//! | `/pages/N.svg`        | page N (from 1) as SVG                        |
//! | `/pages/N.html`       | page N's image and text layer, as HTML        |
//! | `/download/pdf`, `/download/docx` | the current PDF and DOCX          |
//!
//! A request whose `Host` is not the loopback address or `localhost` is
//! refused (403): another site the browser has open cannot read the report
//! through a DNS name rebound to 127.0.0.1.

use super::html;
use super::state::{Event, Shared, Snapshot};
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::sse::{self, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use std::convert::Infallible;
use std::sync::Arc;

/// The server's routes.
pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new().fallback(dispatch).with_state(shared)
}

/// Whether a path may be looked up at all.
pub(crate) fn clean(path: &str) -> bool {
    path.starts_with('/')
        && !path.contains("..")
        && !path.contains("//")
        && path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/._-".contains(&b))
}

/// Whether the request is addressed to this server by a loopback name.
fn host_ok(headers: &HeaderMap, port: u16) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let (name, p) = match host.rsplit_once(':') {
        Some((name, p)) if !name.ends_with(':') => (name, p.parse::<u16>().ok()),
        _ => (host, None),
    };
    matches!(name, "127.0.0.1" | "localhost" | "[::1]") && p.is_none_or(|p| p == port)
}

async fn dispatch(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return (StatusCode::METHOD_NOT_ALLOWED, "only GET\n").into_response();
    }
    if !host_ok(req.headers(), shared.port) {
        return (StatusCode::FORBIDDEN, "not a local address\n").into_response();
    }
    let path = req.uri().path();
    if !clean(path) {
        return not_found();
    }
    let snapshot = shared.snapshot();
    match path {
        "/" => with_type(html::index(&snapshot), "text/html; charset=utf-8"),
        "/app.js" => with_type(html::SCRIPT, "text/javascript; charset=utf-8"),
        "/style.css" => with_type(html::STYLE, "text/css; charset=utf-8"),
        "/events" => events(&shared).into_response(),
        "/api/state" => with_type(html::state_json(&snapshot), "application/json"),
        "/download/pdf" => download(&snapshot, "pdf"),
        "/download/docx" => download(&snapshot, "docx"),
        _ => match path.strip_prefix("/pages/").and_then(|f| f.split_once('.')) {
            Some((n, "svg")) => page_svg(&shared, snapshot, n, req.headers()).await,
            Some((n, "html")) => match page_index(&snapshot, n) {
                Some(i) => with_type(
                    html::page(i, &snapshot.good.pages[i]),
                    "text/html; charset=utf-8",
                ),
                None => not_found(),
            },
            _ => not_found(),
        },
    }
}

fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "not found\n").into_response()
}

/// A body with its type; never cached without asking.
fn with_type(body: impl Into<Body>, mime: &'static str) -> Response {
    let mut r = Response::new(body.into());
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
        ),
    );
    r
}

/// The 0-based index of page `n` (written from 1, digits only).
fn page_index(s: &Snapshot, n: &str) -> Option<usize> {
    if n.is_empty() || n.len() > 6 || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let i = n.parse::<usize>().ok()?.checked_sub(1)?;
    (i < s.good.pages.len()).then_some(i)
}

/// A page as SVG, rendered on the first request and kept until the page
/// changes; its hash is the ETag.
async fn page_svg(
    shared: &Arc<Shared>,
    snapshot: Arc<Snapshot>,
    n: &str,
    headers: &HeaderMap,
) -> Response {
    let Some(i) = page_index(&snapshot, n) else {
        return not_found();
    };
    let hash = snapshot.good.pages[i].hash.clone();
    let etag = format!("\"{hash}\"");
    if headers
        .get(header::IF_NONE_MATCH)
        .is_some_and(|v| v.as_bytes() == etag.as_bytes())
    {
        return StatusCode::NOT_MODIFIED.into_response();
    }
    let cached = shared.svgs.lock().ok().and_then(|c| c.get(&hash).cloned());
    let svg = match cached {
        Some(svg) => svg,
        None => {
            let rendered = tokio::task::spawn_blocking(move || snapshot.good.pages[i].svg()).await;
            let Ok(svg) = rendered else {
                return (StatusCode::INTERNAL_SERVER_ERROR, "rendering failed\n").into_response();
            };
            let svg: Arc<str> = svg.into();
            if let Ok(mut c) = shared.svgs.lock() {
                c.insert(hash, svg.clone());
            }
            svg
        }
    };
    let mut r = with_type(svg.to_string(), "image/svg+xml");
    if let Ok(v) = HeaderValue::from_str(&etag) {
        r.headers_mut().insert(header::ETAG, v);
    }
    r
}

/// The current PDF or DOCX, named after the report.
fn download(s: &Snapshot, ext: &str) -> Response {
    let (bytes, mime) = match ext {
        "pdf" => (&s.good.pdf, "application/pdf"),
        _ => (
            &s.good.docx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    };
    let Some(bytes) = bytes else {
        return not_found();
    };
    let mut r = with_type(bytes.to_vec(), mime);
    let name = format!("{}.{ext}", s.good.name);
    // An ASCII name as it is, any other in RFC 5987 form.
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let value = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    if let Ok(v) = HeaderValue::from_str(&value) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

/// The build events: the current state at once, then every change.
fn events(
    shared: &Arc<Shared>,
) -> Sse<impl futures_util::Stream<Item = Result<sse::Event, Infallible>> + use<>> {
    let rx = shared.events.subscribe();
    let stream = futures_util::stream::unfold((rx, true), |(mut rx, first)| async move {
        if !first && rx.changed().await.is_err() {
            return None;
        }
        let e: Event = *rx.borrow_and_update();
        let event = sse::Event::default()
            .event(if e.building { "building" } else { "build" })
            .data(format!("{{\"version\":{},\"ok\":{}}}", e.version, e.ok));
        Some((Ok(event), (rx, false)))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_paths_are_looked_up() {
        for good in ["/", "/pages/1.svg", "/download/pdf", "/app.js"] {
            assert!(clean(good), "{good}");
        }
        for bad in [
            "/../report.json",
            "/pages/../../etc/passwd",
            "/%2e%2e/report.json",
            "/pages/%2F..%2Fx",
            "//etc/passwd",
            "/pages\\..\\x",
            "etc/passwd",
            "",
            "/chapters/章.md",
        ] {
            assert!(!clean(bad), "{bad}");
        }
    }

    #[test]
    fn only_loopback_hosts_are_served() {
        let h = |v: &str| {
            let mut m = HeaderMap::new();
            m.insert(header::HOST, HeaderValue::from_str(v).unwrap());
            m
        };
        assert!(host_ok(&h("127.0.0.1:8080"), 8080));
        assert!(host_ok(&h("localhost:8080"), 8080));
        assert!(host_ok(&h("[::1]:8080"), 8080));
        assert!(!host_ok(&h("127.0.0.1:8081"), 8080));
        assert!(!host_ok(&h("evil.example:8080"), 8080));
        assert!(!host_ok(&HeaderMap::new(), 8080));
    }
}

//! `nianbao serve`: the binary on a free port; the page, a page image and
//! the downloads are served; an edit reaches the open page as an event with
//! the new text on the page; a broken edit keeps the last good pages; no
//! path leads out of the build in memory.

mod common;

use common::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// An HTTP response: status, headers (names in lower case), body.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends one request as written (the target is not normalised) and reads
/// the whole answer.
fn request(port: u16, target: &str, extra: &str) -> Reply {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    write!(
        s,
        "GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{extra}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("no end of headers");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .expect("no status");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    if headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"))
    {
        body = unchunk(&body);
    }
    Reply {
        status,
        headers,
        body,
    }
}

fn get(port: u16, target: &str) -> Reply {
    request(port, target, "")
}

/// A chunked body decoded.
fn unchunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&b[..eol]).trim(), 16).unwrap();
        if size == 0 {
            break;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[eol + 2 + size + 2..];
    }
    out
}

/// The text of HTML without its tags and white space.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag && !c.is_whitespace() => out.push(c),
            _ => {}
        }
    }
    out
}

/// A build event from the SSE stream: (name, version, ok).
type BuildEvent = (String, u64, bool);

/// Listens to `/events` (HTTP/1.0: the stream is not chunked) on a thread.
fn listen(port: u16) -> mpsc::Receiver<BuildEvent> {
    let (tx, rx) = mpsc::channel();
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET /events HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n"
    )
    .unwrap();
    std::thread::spawn(move || {
        let mut name = String::new();
        for line in BufReader::new(s).lines() {
            let Ok(line) = line else { break };
            if let Some(n) = line.strip_prefix("event:") {
                name = n.trim().to_string();
            } else if let Some(d) = line.strip_prefix("data:") {
                let d = d.trim();
                let version = d
                    .split("\"version\":")
                    .nth(1)
                    .and_then(|v| v.split([',', '}']).next())
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                let ok = d.contains("\"ok\":true");
                if tx.send((name.clone(), version, ok)).is_err() {
                    break;
                }
            }
        }
    });
    rx
}

/// Waits for the next finished build after `after`; panics after 180 s.
fn next_build(events: &mpsc::Receiver<BuildEvent>, after: u64) -> (u64, bool) {
    let end = Instant::now() + Duration::from_secs(180);
    while let Some(left) = end.checked_duration_since(Instant::now()) {
        match events.recv_timeout(left) {
            Ok((name, version, ok)) if name == "build" && version > after => {
                return (version, ok);
            }
            Ok(_) => {}
            Err(e) => panic!("no build event after version {after}: {e}"),
        }
    }
    panic!("no build event after version {after}");
}

/// The server, stopped when dropped; its log kept for a failure.
struct Server {
    child: Child,
    port: u16,
    log: Arc<Mutex<Vec<String>>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            eprintln!("serve log:\n{}", self.log.lock().unwrap().join("\n"));
        }
    }
}

fn start(project: &std::path::Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["serve", project.to_str().unwrap(), "--port", "0"])
        .arg("--no-system-fonts")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let log = Arc::new(Mutex::new(Vec::new()));
    let (tx, rx) = mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    let lines = log.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                let port: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let _ = tx.send(port.parse::<u16>().unwrap());
            }
            lines.lock().unwrap().push(line);
        }
    });
    let port = rx
        .recv_timeout(Duration::from_secs(60))
        .unwrap_or_else(|_| panic!("no address printed: {:?}", log.lock().unwrap()));
    Server { child, port, log }
}

#[test]
fn serve_shows_the_pages_updates_on_an_edit_and_serves_nothing_else() {
    let dir = temp_copy(&root().join("tests/fixtures/minimal"), "serve");
    let server = start(&dir);
    let port = server.port;
    let events = listen(port);
    let (v1, ok) = next_build(&events, 0);
    assert!(ok, "the first build failed");

    // The page: pages with their text layer, the findings, the outline.
    let page = get(port, "/");
    assert_eq!(page.status, 200);
    assert!(
        page.header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    let html = page.text();
    assert!(html.contains("id=\"page-1\""), "{html}");
    assert!(html.contains("/download/pdf") && html.contains("/download/docx"));
    let text = visible(&html);
    assert!(
        text.contains("人才培养"),
        "chapter 1's heading is not on the page"
    );
    // The fixture's photo is too small for print: a finding at its line with a page.
    assert!(
        html.contains("chapters/01.md:17") && html.contains("href=\"#page-"),
        "no finding with its page: {html}"
    );
    assert!(html.contains("id=\"outline\"") && html.contains("面临挑战"));

    // A page image, then unchanged (304 by its ETag).
    let svg = get(port, "/pages/1.svg");
    assert_eq!(svg.status, 200);
    assert_eq!(svg.header("content-type"), Some("image/svg+xml"));
    assert!(svg.text().contains("<svg"), "not an SVG");
    let etag = svg.header("etag").unwrap().to_string();
    let again = request(port, "/pages/1.svg", &format!("If-None-Match: {etag}\r\n"));
    assert_eq!(again.status, 304);
    assert!(get(port, "/app.js").text().contains("EventSource"));
    assert!(get(port, "/style.css").status == 200);

    // The downloads.
    let pdf = get(port, "/download/pdf");
    assert_eq!(pdf.status, 200);
    assert!(pdf.body.starts_with(b"%PDF-"));
    assert!(pdf.header("content-disposition").unwrap().contains(".pdf"));
    let docx = get(port, "/download/docx");
    assert_eq!(docx.status, 200);
    assert!(docx.body.starts_with(b"PK"));

    // An edit: an event, then the new text on the page and in the PDF.
    let chapter = dir.join("chapters/02.md");
    let good = std::fs::read_to_string(&chapter).unwrap();
    std::thread::sleep(Duration::from_millis(50));
    std::fs::write(&chapter, format!("{good}\n新增一段观察文字。\n")).unwrap();
    let (v2, ok) = next_build(&events, v1);
    assert!(ok, "the edit's build failed");
    let state = get(port, "/api/state").text();
    assert!(state.contains(&format!("\"version\":{v2}")), "{state}");
    assert!(visible(&get(port, "/").text()).contains("新增一段观察文字"));
    let pages: Vec<String> = (1..=20)
        .map(|n| get(port, &format!("/pages/{n}.html")))
        .take_while(|r| r.status == 200)
        .map(|r| visible(&r.text()))
        .collect();
    assert!(
        pages.iter().any(|p| p.contains("新增一段观察文字")),
        "the new text is on no page's text layer"
    );
    let pdf = get(port, "/download/pdf").body;
    assert!(compact(&pages_text(&pdf).concat()).contains("新增一段观察文字"));

    // A broken edit: an event saying so; the last good pages stay.
    std::fs::write(&chapter, format!("{good}\n引用@tbl-nowhere。\n")).unwrap();
    let (v3, ok) = next_build(&events, v2);
    assert!(!ok, "a reference to nowhere built");
    let html = get(port, "/").text();
    let error = html
        .split("<li")
        .find(|li| li.contains("tbl-nowhere"))
        .expect("the error is not listed");
    // Placed on the page where its paragraph was in the last good build.
    assert!(error.contains("href=\"#page-"), "{error}");
    assert!(
        visible(&html).contains("新增一段观察文字"),
        "the last good pages are gone"
    );
    std::fs::write(&chapter, format!("{good}\n修正后的文字。\n")).unwrap();
    let (_, ok) = next_build(&events, v3);
    assert!(ok, "the fix did not build");
    assert!(visible(&get(port, "/").text()).contains("修正后的文字"));

    // Nothing but the build in memory: every way out of it is 404.
    std::fs::write(dir.join("secret.txt"), "secret").unwrap();
    for target in [
        "/report.json",
        "/chapters/02.md",
        "/secret.txt",
        "/../report.json",
        "/../../../../etc/passwd",
        "/pages/../report.json",
        "/pages/../../secret.txt",
        "/pages/1.svg/../../report.json",
        "/download/../report.json",
        "/%2e%2e/report.json",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/pages/%2e%2e%2freport.json",
        "/pages/..%2f..%2fsecret.txt",
        "/%2fetc%2fpasswd",
        "/pages/%31.svg",
        "//etc/passwd",
        "/etc/passwd",
        &format!("{}/report.json", dir.display()),
        &format!("http://127.0.0.1:{port}/../report.json"),
        "/pages/0.svg",
        "/pages/999.svg",
        "/pages/1.svg.svg",
        "/pages/-1.svg",
        "/download/report.json",
    ] {
        let r = get(port, target);
        assert_eq!(r.status, 404, "{target}: {}", r.text());
        assert!(!r.text().contains("secret") && !r.text().contains("region"));
    }
    // Another site's name for this address is refused.
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        s,
        "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 403"), "{answer}");
}

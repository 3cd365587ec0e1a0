//! The served page: the HTML of the whole page (from
//! `templates/serve/index.html`) and of its parts, which the page's script
//! fetches again after each build (`/api/state`), so the parts are drawn by
//! this one module whether the page is loaded or updated.

use super::pages::{PageView, escape};
use super::state::{Finding, Snapshot};
use crate::error::Severity;
use std::fmt::Write as _;

/// The page's template; `{{name}}` placeholders are filled in by [`index`].
pub(crate) const INDEX: &str = include_str!("../../templates/serve/index.html");
/// The page's script: listens to `/events` and redraws the changed parts.
pub(crate) const SCRIPT: &str = include_str!("../../templates/serve/app.js");
/// The page's style sheet.
pub(crate) const STYLE: &str = include_str!("../../templates/serve/style.css");

/// The whole page for the current snapshot.
pub(crate) fn index(s: &Snapshot) -> String {
    let title = if s.good.name.is_empty() {
        "nianbao".to_string()
    } else {
        escape(&s.good.name)
    };
    let pages: String = s
        .good
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| page(i, p))
        .collect();
    INDEX
        .replace("{{title}}", &title)
        .replace("{{version}}", &s.version.to_string())
        .replace("{{status}}", &status(s))
        .replace("{{downloads}}", &downloads(s))
        .replace("{{findings}}", &findings(s))
        .replace("{{outline}}", &outline(s))
        .replace("{{pages}}", &pages)
}

/// The parts the script redraws after a build, as JSON: the HTML of the
/// status line, the downloads, the findings and the outline, and each
/// page's hash and size (a page whose hash changed is fetched again).
pub(crate) fn state_json(s: &Snapshot) -> String {
    let pages: Vec<serde_json::Value> = s
        .good
        .pages
        .iter()
        .map(|p| serde_json::json!({"hash": p.hash, "width": p.width, "height": p.height}))
        .collect();
    serde_json::json!({
        "version": s.version,
        "ok": s.ok,
        "status": status(s),
        "downloads": downloads(s),
        "findings": findings(s),
        "outline": outline(s),
        "pages": pages,
    })
    .to_string()
}

/// One page: the SVG image with the text layer over it. `i` is 0-based;
/// the page is `#page-N` with N from 1.
pub(crate) fn page(i: usize, p: &PageView) -> String {
    let n = i + 1;
    format!(
        "<div class=\"page\" id=\"page-{n}\" data-hash=\"{hash}\" style=\"aspect-ratio: {w:.2} / {h:.2}\">\
         <img src=\"/pages/{n}.svg?v={hash}\" alt=\"第 {n} 页\" loading=\"lazy\">{layer}\
         <span class=\"pno\">{n}</span></div>",
        hash = p.hash,
        w = p.width,
        h = p.height,
        layer = p.text_layer,
    )
}

fn status(s: &Snapshot) -> String {
    let g = &s.good;
    if s.version == 0 {
        return "<span class=\"busy\">正在生成……</span>".into();
    }
    let built = format!(
        "第 {} 次生成，{} 页，用时 {} 毫秒",
        s.version,
        g.pages.len(),
        g.millis
    );
    if s.ok {
        format!("<span class=\"ok\">{built}</span>")
    } else if g.pages.is_empty() {
        "<span class=\"bad\">生成失败（见左侧错误）</span>".into()
    } else {
        "<span class=\"bad\">生成失败（见左侧错误），显示的是上一次成功的结果</span>".into()
    }
}

fn downloads(s: &Snapshot) -> String {
    let g = &s.good;
    let mut out = String::new();
    if g.pdf.is_some() {
        out.push_str("<a href=\"/download/pdf\" download>下载 PDF</a>");
    }
    if g.docx.is_some() {
        out.push_str("<a href=\"/download/docx\" download>下载 DOCX</a>");
    }
    out
}

fn findings(s: &Snapshot) -> String {
    let list: Vec<&Finding> = s.errors.iter().chain(&s.good.findings).collect();
    if list.is_empty() {
        return if s.version == 0 {
            String::new()
        } else {
            "<li class=\"none\">没有发现问题</li>".into()
        };
    }
    let mut out = String::new();
    for f in list {
        let (class, word) = match f.severity {
            Severity::Error => ("error", "错误"),
            Severity::Warning => ("warning", "警告"),
            Severity::Note => ("note", "提示"),
        };
        let place = match f.page {
            Some(p) => format!(" <span class=\"pg\">第 {} 页</span>", p + 1),
            None => String::new(),
        };
        let body = format!(
            "<span class=\"sev\">{word}</span> <span class=\"loc\">{}</span>{place}\
             <div class=\"msg\">{}</div>",
            // Generated parts (the appendix tables) have no line.
            escape(f.location.strip_suffix(":0").unwrap_or(&f.location)),
            escape(&f.message)
        );
        match f.page {
            Some(p) => {
                let _ = write!(
                    out,
                    "<li class=\"{class}\"><a href=\"#page-{n}\" data-page=\"{n}\">{body}</a></li>",
                    n = p + 1
                );
            }
            None => {
                let _ = write!(out, "<li class=\"{class}\">{body}</li>");
            }
        }
    }
    out
}

fn outline(s: &Snapshot) -> String {
    let mut out = String::new();
    for e in &s.good.outline {
        let title = escape(&e.title);
        let level = e.level.clamp(1, 3);
        match e.page {
            Some(p) => {
                let _ = write!(
                    out,
                    "<li class=\"lv{level}\"><a href=\"#page-{n}\" data-page=\"{n}\">{title}\
                     <span class=\"pg\">{n}</span></a></li>",
                    n = p + 1
                );
            }
            None => {
                let _ = write!(out, "<li class=\"lv{level}\">{title}</li>");
            }
        }
    }
    out
}

//! `nianbao watch`: rebuilds on a change, keeps the last good PDF when an
//! edit is broken, and picks up the fix.

mod common;

use common::*;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Waits until `f` holds, for at most `secs` seconds.
fn wait_for(secs: u64, mut f: impl FnMut() -> bool) -> bool {
    let end = Instant::now() + Duration::from_secs(secs);
    while Instant::now() < end {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

fn modified(p: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

#[test]
fn watch_rebuilds_keeps_the_last_good_pdf_and_recovers() {
    let dir = temp_copy(&root().join("tests/fixtures/minimal"), "watch");
    let out = dir.join("out");
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    let pdf = out.join(format!("{name}.pdf"));
    // The log outside the project: a change inside it would be a rebuild.
    let log = dir.with_extension("watch.log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        // The messages these tests read are the English ones.
        .env("LC_ALL", "en_US.UTF-8")
        .args([
            "watch",
            dir.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .args(["--format", "pdf", "--no-system-fonts"])
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let result = std::panic::catch_unwind(|| {
        assert!(wait_for(120, || pdf.exists()), "no first build");
        let first = modified(&pdf).unwrap();
        let chapter = dir.join("chapters/02.md");
        let good = std::fs::read_to_string(&chapter).unwrap();

        // An edit: a new PDF with the new text.
        std::thread::sleep(Duration::from_millis(50));
        std::fs::write(&chapter, format!("{good}\n新增一段观察文字。\n")).unwrap();
        assert!(
            wait_for(120, || modified(&pdf) != Some(first)),
            "no rebuild"
        );
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(compact(&pages_text(&bytes).concat()).contains("新增一段观察文字"));
        let second = modified(&pdf).unwrap();

        // A broken edit: the error is printed, the PDF stays as it was.
        std::fs::write(&chapter, format!("{good}\n引用@tbl-nowhere。\n")).unwrap();
        assert!(wait_for(120, || {
            let mut s = String::new();
            std::fs::File::open(&log)
                .unwrap()
                .read_to_string(&mut s)
                .unwrap();
            s.contains("tbl-nowhere") && s.contains("the last good outputs are kept")
        }));
        assert_eq!(modified(&pdf), Some(second), "the good PDF was replaced");

        // The fix is picked up.
        std::fs::write(&chapter, format!("{good}\n修正后的文字。\n")).unwrap();
        assert!(
            wait_for(120, || modified(&pdf) != Some(second)),
            "no rebuild after the fix"
        );
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(compact(&pages_text(&bytes).concat()).contains("修正后的文字"));
    });
    let _ = child.kill();
    let _ = child.wait();
    if let Err(e) = result {
        let mut s = String::new();
        let _ = std::fs::File::open(&log).and_then(|mut f| f.read_to_string(&mut s));
        eprintln!("watch log:\n{s}");
        std::panic::resume_unwind(e);
    }
}

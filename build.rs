//! Embeds every font file under `fonts/` into the binary, so that an
//! installed `nianbao` needs no system fonts.

use std::fmt::Write;
use std::path::Path;

fn main() {
    // Read when the script runs, not when it is compiled: a target directory
    // shared by two checkouts may run a script compiled in the other one.
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap();
    let dir = Path::new(&manifest).join("fonts");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| {
        matches!(
            p.extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .as_deref(),
            Some("otf" | "ttf" | "ttc" | "otc")
        )
    });
    files.sort();
    let mut code = String::from(
        "/// Font files embedded from `fonts/`: (file name, bytes).\npub static EMBEDDED_FONTS: &[(&str, &[u8])] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().unwrap().to_string_lossy();
        let _ = writeln!(
            code,
            "    ({name:?}, include_bytes!({:?})),",
            f.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded_fonts.rs");
    std::fs::write(out, code).unwrap();
}

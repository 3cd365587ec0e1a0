//! Writing output files: all or nothing, never a half-written file.

use crate::error::{Error, Result};
use crate::i18n::msg;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` through a temporary file in the same directory,
/// renamed into place only when complete; an earlier good file stays intact
/// if anything fails.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_all_atomic(&[(path.to_path_buf(), bytes)])
}

/// Writes several files together: every file is first written in full to a
/// temporary file beside its target, and only when all of them are written
/// are they renamed into place. If any target cannot be written (a folder in
/// the way, no permission, a full disk), no target is touched.
pub fn write_all_atomic(files: &[(PathBuf, impl AsRef<[u8]>)]) -> Result<()> {
    replace_all(files).map(drop)
}

/// [`write_all_atomic`], handing back the files it replaced still open (on
/// Unix): their space is given back when the caller closes them, not while
/// the new files are put in place (`nianbao watch` closes them after
/// reporting; for a PDF of several MB this is a few ms off each rebuild).
pub fn replace_all(files: &[(PathBuf, impl AsRef<[u8]>)]) -> Result<Vec<std::fs::File>> {
    for (path, _) in files {
        if path.is_dir() {
            return Err(Error::at(
                path.display().to_string(),
                msg::files::folder_in_the_way(),
            ));
        }
    }
    let mut temps: Vec<PathBuf> = Vec::new();
    let cleanup = |temps: &[PathBuf]| {
        for t in temps {
            let _ = std::fs::remove_file(t);
        }
    };
    for (path, bytes) in files {
        match write_temp(path, bytes.as_ref()) {
            Ok(tmp) => temps.push(tmp),
            Err(e) => {
                cleanup(&temps);
                return Err(e);
            }
        }
    }
    let replaced = if cfg!(unix) {
        (files.iter())
            .filter_map(|(path, _)| std::fs::File::open(path).ok())
            .collect()
    } else {
        Vec::new()
    };
    for (i, ((path, _), tmp)) in files.iter().zip(&temps).enumerate() {
        if let Err(e) = std::fs::rename(tmp, path) {
            cleanup(&temps[i..]);
            return Err(Error::at(
                path.display().to_string(),
                msg::files::cannot_write(e),
            ));
        }
    }
    Ok(replaced)
}

fn write_temp(path: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new("."));
    if !dir.exists() && std::fs::symlink_metadata(dir).is_ok() {
        return Err(Error::at(
            dir.display().to_string(),
            msg::files::dangling_folder_link(),
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::at(
            dir.display().to_string(),
            msg::files::cannot_create_folder(e),
        )
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::at(path.display().to_string(), msg::files::cannot_write(e))
    })?;
    Ok(tmp)
}

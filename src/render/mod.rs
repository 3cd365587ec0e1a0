//! Backends: turn the numbered document model into output files.

pub mod docx;
pub mod typst;

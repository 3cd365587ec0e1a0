//! Backends: turn the numbered document model into output files.

pub mod chart;
pub mod docx;
pub mod typst;

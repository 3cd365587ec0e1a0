//! The font files built into the binary (`fonts/`, listed by `build.rs`),
//! shared by everything that measures or draws text: the layout layer's
//! metrics, Typst (the PDF) and the chart rasteriser (the DOCX's charts).

include!(concat!(env!("OUT_DIR"), "/embedded_fonts.rs"));

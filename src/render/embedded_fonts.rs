//! The font files built into the binary (`fonts/`, listed by `build.rs`),
//! shared by the backends that draw text: Typst (the PDF) and the chart
//! rasteriser (the DOCX's chart pictures).

include!(concat!(env!("OUT_DIR"), "/embedded_fonts.rs"));

//! The page numbers the PDF prints in its 目录 and lists, handed to the DOCX
//! so that its pre-filled 目录 shows page numbers before Word or WPS updates
//! the fields.

/// The printed page number (`3`, `IV`) of every entry of the 目录 and of the
/// lists of tables, figures and cases, in document order, as laid out in the
/// PDF. The DOCX paginates on its own once its fields are updated; these are
/// the values it shows until then.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageRefs {
    /// Entries of the 目录 (outlined headings and appendix titles).
    pub headings: Vec<String>,
    /// Entries of the 表目录.
    pub tables: Vec<String>,
    /// Entries of the 图目录.
    pub figures: Vec<String>,
    /// Entries of the 案例目录.
    pub cases: Vec<String>,
}

//! The documented limits on what a project may ask for. Each keeps hostile or
//! careless input from exhausting memory or time; none is near what a real
//! report needs. The user guide lists them (附录 “限制”).

/// The work one template (a narrative file, or the layout skeleton) may do:
/// minijinja fuel, about one unit per instruction. Real chapters use a few
/// thousand.
pub const TEMPLATE_FUEL: u64 = 20_000_000;

/// The most text one narrative file may expand to after templating.
pub const TEMPLATE_OUTPUT_BYTES: usize = 16 << 20;

/// The largest `--pad-to` (a booklet is padded to a multiple of 4, 8 or 16).
pub const MAX_PAD_TO: u32 = 64;

/// The most rows of one table (a real report's largest is a few hundred).
pub const MAX_TABLE_ROWS: usize = 5_000;

/// The most columns of one table.
pub const MAX_TABLE_COLUMNS: usize = 64;

/// The most images in one figure.
pub const MAX_FIGURE_IMAGES: usize = 64;

/// The most images in the whole report.
pub const MAX_IMAGES: usize = 2_000;

/// The largest image, in pixels (width × height): 100 megapixels.
pub const MAX_IMAGE_PIXELS: u64 = 100_000_000;

/// The last row and column an Excel sheet may use.
pub const MAX_XLSX_ROWS: u32 = 100_000;
/// See [`MAX_XLSX_ROWS`].
pub const MAX_XLSX_COLUMNS: u32 = 1_000;

/// The most cells from the first used cell of a sheet to the last (rows ×
/// columns): two cells far apart would otherwise fill gigabytes with blanks.
pub const MAX_XLSX_CELLS: u64 = 2_000_000;

/// The most bytes an Excel workbook may unpack to.
pub const MAX_XLSX_UNPACKED_BYTES: u64 = 200 << 20;

/// The longest heading, caption, title or unit (they become PDF bookmark and
/// metadata strings, which PDF/A limits to 32,767 bytes).
pub const MAX_TITLE_CHARS: usize = 1_000;

/// How deep block quotes, lists and `:::` blocks may nest, counted together
/// (and, separately, emphasis, links and images). Real reports use two or
/// three levels; the limit keeps hostile input from exhausting the stack
/// here and in the backends.
pub const MAX_NESTING: usize = 16;

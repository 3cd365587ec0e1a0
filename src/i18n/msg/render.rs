//! Typesetting: Typst's diagnostics, the layout check, the print preflight, charts.

use crate::i18n::messages;

messages! {
    // ------------------------------------------------------------ Typst

    /// Typst could not typeset the report; the detail is Typst's own (English) message.
    typesetting_failed_with(detail) {
        zh: "排版失败：{detail}",
        en: "typesetting failed: {detail}",
    }
    /// A hint Typst gives with its message (appended to it).
    typst_hint(hint) { zh: "（提示：{hint}）", en: " (hint: {hint})" }
    /// Typst failed without saying why.
    typesetting_failed() { zh: "排版失败", en: "typesetting failed" }
    /// A layout template (main.typ.j2) could not be rendered.
    template_error(detail) { zh: "模板错误：{detail}", en: "template error: {detail}" }
    /// A variation selector in the text.
    variation_selector(code) {
        zh: "变体选择符（U+{code}）要求把前一个字显示成特殊字形，字体无法显示；请删除它",
        en: "a variation selector (U+{code}) asks for a special form of the character before it, which the fonts cannot show; remove it",
    }
    /// No font has a character of the text.
    no_font_covers(ch, code) {
        zh: "没有字体包含字符 “{ch}”（U+{code}）；请安装含有这个字的字体，并用 --font-path 指定",
        en: "no font covers the character “{ch}” (U+{code}); install a font that has it and pass --font-path",
    }
    /// `--pad-to` out of range.
    pad_to_range(max, found) {
        zh: "应为 1 到 {max} 之间的页数，实际为 {found}",
        en: "expected a number of pages from 1 to {max}, found {found}",
    }
    /// The document date cannot be a PDF timestamp.
    invalid_date() { zh: "日期无效", en: "invalid date" }
    /// Typst refused the PDF standard (its own message).
    pdf_standard_refused(detail) { zh: "无法采用该 PDF 标准：{detail}", en: "{detail}" }
    /// A virtual file name Typst cannot use.
    typst_bad_file_name(detail) {
        zh: "Typst 无法使用的文件名：{detail}",
        en: "a file name Typst cannot use: {detail}",
    }

    // ------------------------------------------------------------ the print PDF

    /// The BleedBox could not be added to the print PDF.
    bleed_box_failed(detail) {
        zh: "无法在 PDF 中加入 BleedBox（出血框）：{detail}",
        en: "could not add the BleedBox to the PDF: {detail}",
    }
    /// The written print PDF cannot be read back for checking.
    print_pdf_unreadable(detail) {
        zh: "无法读回印刷用 PDF：{detail}",
        en: "the print PDF cannot be read back: {detail}",
    }
    /// A page of the print PDF has no TrimBox.
    no_trim_box() {
        zh: "没有 TrimBox（成品裁切框），印刷厂的 RIP 需要它",
        en: "no TrimBox (the print shop's RIP needs one)",
    }
    /// The TrimBox is outside the MediaBox.
    trim_outside_media() {
        zh: "TrimBox（成品裁切框）超出了 MediaBox（页面框）",
        en: "the TrimBox is outside the MediaBox",
    }
    /// The BleedBox is not between the TrimBox and the MediaBox.
    bleed_box_misplaced() {
        zh: "BleedBox（出血框）不在 TrimBox 与 MediaBox 之间",
        en: "the BleedBox does not lie between the TrimBox and the MediaBox",
    }
    /// A font is not embedded in the PDF.
    font_not_embedded(name) {
        zh: "字体 {name} 没有嵌入 PDF",
        en: "the font {name} is not embedded in the PDF",
    }
    /// A finding of the layout check or the preflight, with its page.
    on_page(page, message) { zh: "第 {page} 页：{message}", en: "page {page}: {message}" }

    // ------------------------------------------------------------ preflight

    /// Preflight: something lies too close to the trim edge.
    near_trim(what, distance, safe) {
        zh: "{what}距裁切边只有 {distance} 毫米（请留出 {safe} 毫米空白，或让它出血越过裁切边）",
        en: "{what} comes within {distance} mm of the trim edge (keep {safe} mm clear, or let it bleed over the edge)",
    }
    /// Preflight: text or a line in an RGB colour.
    rgb_colour(what, hex) {
        zh: "{what}使用 RGB 颜色 {hex}（印刷厂的 RIP 会把它转换为 CMYK）",
        en: "{what} in the RGB colour {hex} (the print shop's RIP converts it to CMYK)",
    }
    /// Preflight: type too small to print legibly.
    small_text(size, min) {
        zh: "文字字号 {size} 磅，小于 {min} 磅，印出来可能看不清",
        en: "text of {size} pt is under {min} pt and may not print legibly",
    }
    /// Preflight: a rule too thin to print.
    thin_line(width, min) {
        zh: "线条粗 {width} 毫米，细于 {min} 毫米，印刷时可能断线",
        en: "a line {width} mm thick is under {min} mm and may break up in print",
    }
    /// Preflight: an image far below print resolution (an error).
    image_blurred(name, ppi, placed, want, min) {
        zh: "{name}按排版尺寸（{placed}）只有 {ppi} ppi；印刷需要 {want} ppi，低于 {min} ppi 会明显模糊（请提供更大的原图，或把它排小一些）",
        en: "{name} is {ppi} ppi at its placed size ({placed}); print needs {want} ppi, under {min} it prints visibly blurred (supply a larger original or place it smaller)",
    }
    /// Preflight: an image below print resolution (a warning).
    image_low_ppi(name, ppi, placed, want) {
        zh: "{name}按排版尺寸（{placed}）只有 {ppi} ppi；印刷要求至少 {want} ppi",
        en: "{name} is {ppi} ppi at its placed size ({placed}); print wants at least {want} ppi",
    }
    /// Preflight: an image's placed size.
    placed_size(width, height) { zh: "{width}×{height} 毫米", en: "{width}×{height} mm" }
    /// Preflight: a raster image in RGB.
    rgb_image(name) {
        zh: "{name}是 RGB 图片（印刷厂的 RIP 会把它转换为 CMYK；要颜色准确，请提供 CMYK 的 JPEG）",
        en: "{name} is an RGB image (the print shop's RIP converts it to CMYK; for exact colour supply a CMYK JPEG)",
    }
    /// Preflight: vector graphics (a chart) in RGB.
    rgb_vector(name) {
        zh: "{name} 是 RGB 颜色的矢量图（印刷厂的 RIP 会把它转换为 CMYK）",
        en: "{name} is vector graphics in RGB colours (the print shop's RIP converts them to CMYK)",
    }
    /// Preflight: what is found, text.
    what_text() { zh: "文字", en: "text" }
    /// Preflight: what is found, a filled area.
    what_filled_area() { zh: "填充区域", en: "a filled area" }
    /// Preflight: what is found, a line.
    what_line() { zh: "线条", en: "a line" }
    /// Preflight: what is found, a shape.
    what_shape() { zh: "图形", en: "a shape" }
    /// Preflight: what is found, an image not from the user's files.
    what_image() { zh: "图片", en: "an image" }
    /// Preflight: what is found, a user's image by its path.
    what_image_file(path) { zh: "图片 “{path}”", en: "{path}" }
    /// Preflight: what is found, an unnumbered chart.
    what_chart() { zh: "图表", en: "the chart" }
    /// Preflight: what is found, a numbered chart.
    what_chart_numbered(label) { zh: "统计图“{label}”", en: "the chart {label}" }

    // ------------------------------------------------------------ layout check

    /// Layout check: a glyph over a table rule.
    runs_over_rule(text) {
        zh: "{text} 压到了表格线上",
        en: "{text} runs over a table rule",
    }
    /// Layout check: a cell's text wider than its cell.
    cell_overflow(name, text, row, column) {
        zh: "{name}：{text} 超出单元格边线（第 {row} 行第 {column} 列）：文字比单元格宽",
        en: "{name}: {text} runs over a cell rule (row {row}, column {column}): the text is wider than its cell",
    }
    /// Layout check: a number or word broken across lines in a cell.
    token_broken(name, shown, row, column) {
        zh: "{name}：“{shown}” 在单元格中被拆到两行（第 {row} 行第 {column} 列）：这一列太窄",
        en: "{name}: “{shown}” is broken across lines in its cell (row {row}, column {column}): the column is too narrow for it",
    }
    /// Layout check: a table's head alone at a page's foot.
    head_alone(name, page) {
        zh: "{name}：表头单独留在页面底部，表格内容从第 {page} 页才开始",
        en: "{name}: the table's head stands alone at the foot of the page, its rows start on page {page}",
    }
    /// Layout check: a table's notes alone on the next page.
    notes_alone(name, page) {
        zh: "{name}：表注单独排在一页上，与表格（第 {page} 页）分开了",
        en: "{name}: the table's notes stand on a page of their own, away from the table (page {page})",
    }
    /// Layout check: too few body rows on one side of a page break.
    table_split(name, side, rows, min) {
        zh: "{name}：表格跨页断开，{side}本页只有 {rows}（每页至少应有 {min} 行）",
        en: "{name}: the table splits {side} a page break with only {rows} on this page (at least {min} on each side)",
    }
    /// Layout check: this page is before the break.
    split_before() { zh: "分页前", en: "before" }
    /// Layout check: this page is after the break.
    split_after() { zh: "分页后", en: "after" }
    /// Layout check: one body row.
    body_row(n) { zh: "{n} 行表格内容", en: "{n} body row" }
    /// Layout check: several body rows.
    body_rows(n) { zh: "{n} 行表格内容", en: "{n} body rows" }
    /// Layout check: an unnumbered table.
    the_table() { zh: "该表", en: "the table" }
    /// Layout check: a title stranded at a page's foot.
    stranded(what, text) {
        zh: "{what}{text}落在页面底部，后面的内容在本页不足两行",
        en: "the {what} {text} stands at the foot of the page without two lines of what follows it",
    }
    /// Layout check: a heading (as a stranded title).
    title_heading() { zh: "标题", en: "heading" }
    /// Layout check: a heading inside a case.
    title_case_heading() { zh: "案例小标题", en: "case heading" }
    /// Layout check: a case's title.
    title_case_title() { zh: "案例标题", en: "case title" }
    /// Layout check: a table's caption.
    title_table_caption() { zh: "表题", en: "table caption" }
    /// Layout check: other text.
    title_text() { zh: "文字", en: "text" }
    /// Layout check: a page left partly empty in mid-chapter.
    page_gap(percent, text, page) {
        zh: "本页位于章节中间，却空了 {percent}%：后面的内容（第 {page} 页的 {text}）没能排在本页正文下方",
        en: "the page is {percent}% empty in mid-chapter: what comes next ({text} on page {page}) did not fit below the text",
    }
    /// Layout check: one character alone on a paragraph's last line.
    lone_character(text) {
        zh: "段落最后一行只有一个字：{text}",
        en: "the last line of the paragraph holds a single character, {text}",
    }

    // ------------------------------------------------------------ charts and the house style

    /// A chart could not be drawn as an image.
    chart_failed(detail) { zh: "图表：{detail}", en: "chart: {detail}" }
    /// A chart drew an empty image.
    chart_empty() { zh: "图表：图像为空", en: "chart: empty image" }
    /// A size of the house style is not positive.
    house_not_positive(key, found) {
        zh: "{key}：应为正数，实际为 {found}",
        en: "{key}: expected a positive number, found {found}",
    }
    /// A length of the house style is out of range.
    house_length_range(key, found) {
        zh: "{key}：应为 0 到 100 之间的长度，实际为 {found}",
        en: "{key}: expected a length from 0 to 100, found {found}",
    }
    /// The house style's margins leave no room.
    house_margins_too_wide() {
        zh: "page.margin_mm：页边距太大，留给正文的地方太小",
        en: "page.margin_mm: the margins leave too little room for text",
    }
    /// A colour of the house style is not #rrggbb.
    house_colour(key, found) {
        zh: "{key}：应为 #rrggbb 形式的颜色，实际为 “{found}”",
        en: "{key}: expected a colour as #rrggbb, found \"{found}\"",
    }
    /// The house style has no list markers.
    house_markers() {
        zh: "lists.markers：应至少有一个非空的列表符号",
        en: "lists.markers: expected at least one non-empty marker",
    }
}

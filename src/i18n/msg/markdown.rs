//! The Markdown dialect: blocks, tables, `:::` blocks, references, templates and bound tables.

use crate::i18n::messages;

messages! {
    // ---- Nesting and `:::` blocks ----

    /// Elements nested deeper than the limit allows.
    nested_too_deep(what, max) {
        zh: "{what}嵌套超过 {max} 层：最多只能嵌套 {max} 层",
        en: "{what} nested more than {max} deep: expected at most {max} levels",
    }
    /// What is nested too deep: block-level containers.
    nesting_blocks() {
        zh: "引用块（`>`）、列表和 `:::` 块",
        en: "block quotes (`>`), lists and `:::` blocks",
    }
    /// What is nested too deep: inline containers.
    nesting_inlines() {
        zh: "强调、链接和图片",
        en: "emphasis, links and images",
    }
    /// What is nested too deep: `:::` blocks.
    nesting_divs() {
        zh: "`:::` 块",
        en: "`:::` blocks",
    }
    /// A closing `:::` without an open block.
    div_close_unopened() {
        zh: "这一行 `:::` 要结束一个块，但前面没有开始的块",
        en: "`:::` closes a block that was never opened",
    }
    /// A fenced code block left open swallows the `:::` lines after it.
    code_block_unclosed() {
        zh: "这个代码块（```）没有结束，后面的 `:::` 行都被当成了代码：请用一行 ``` 结束它",
        en: "this code block (```) is never closed, so the `:::` lines after it are read as code: end it with a line ```",
    }
    /// A `:::` block is never closed.
    div_unclosed() {
        zh: "这个 `:::` 块没有结束（应有一行 `:::`）",
        en: "this `:::` block is never closed (expected a line `:::`)",
    }

    // ---- Markdown blocks ----

    /// A thematic break (`---`), which the report layout has no place for.
    horizontal_rule() {
        zh: "报告版式中没有分隔线（`---`、`***` 或 `___`）：请删除它；如要印出这些字符，请写 `\\---`",
        en: "a horizontal rule (`---`, `***` or `___`) is not part of the report layout: remove it, or write `\\---` to print the characters",
    }
    /// A setext heading (text underlined with `---` or `===`).
    setext_heading() {
        zh: "文字下一行紧跟 `---` 或 `===`，会把这段文字变成标题：标题请写成 `## 标题`；如要印出短横线，请写 `\\---`",
        en: "a line of `---` or `===` right under text makes that text a heading: write headings as `## 标题`, and write `\\---` to print the dashes",
    }
    /// A heading inside a list item.
    heading_in_list() {
        zh: "列表项中不能有标题：请先结束列表（空一行，再在行首写标题）",
        en: "a heading cannot stand in a list item: end the list (a blank line, then the heading at the start of a line)",
    }
    /// A pipe table inside a list item.
    table_in_list() {
        zh: "列表项中不能有表格：请先结束列表，再把表格放进 `::: {{.table caption=\"…\"}}` 块",
        en: "a table cannot stand in a list item: end the list and put the table in a `::: {{.table caption=\"…\"}}` block",
    }
    /// A footnote definition (`[^1]: …`).
    footnote_definition(label) {
        zh: "暂不支持脚注：发现脚注正文 `[^{label}]:`；请把注释写进正文，或写在表格下方作为表注",
        en: "footnotes are not supported yet: found the footnote text `[^{label}]:`; put the note in the text or, under a table, in a table note",
    }
    /// A footnote reference (`[^1]`).
    footnote_reference(label) {
        zh: "暂不支持脚注：发现 `[^{label}]`；请把注释写进正文，或写在表格下方作为表注",
        en: "footnotes are not supported yet: found `[^{label}]`; put the note in the text or, under a table, in a table note",
    }
    /// An image mixed with text, or in a heading or table cell.
    image_not_alone() {
        zh: "图片应单独成段（或放在图片块中）",
        en: "an image must stand in a paragraph of its own (or in a figure block)",
    }
    /// A heading in the preface.
    preface_heading() {
        zh: "前言中不能有标题（标题“前言”会自动印出）",
        en: "the preface has no headings (its title 前言 is printed for you)",
    }
    /// Something other than images in a figure block.
    figure_only_images() {
        zh: "图片块中只能放图片",
        en: "a figure block holds only images",
    }
    /// A heading class other than `.unnumbered`.
    unknown_heading_class(class) {
        zh: "未知的标题类 `.{class}`：应为 `.unnumbered`",
        en: "unknown heading class `.{class}`: expected `.unnumbered`",
    }
    /// A heading id that is not `sec-…`.
    invalid_heading_id(id) {
        zh: "标题编号 `{id}` 无效：应为 `sec-` 后跟小写字母、数字和 `-`",
        en: "invalid heading id `{id}`: expected `sec-` followed by lowercase letters, digits and `-`",
    }
    /// A heading with no text.
    empty_heading() {
        zh: "标题为空",
        en: "empty heading",
    }
    /// A heading deeper than `####`.
    heading_too_deep(hashes) {
        zh: "`{hashes}` 标题：标题最多四级，从 `#`（章）到 `####`",
        en: "a `{hashes}` heading: headings go four levels deep, from `#` (the chapter) to `####`",
    }
    /// A heading that skips a level.
    heading_skips_level(hashes, last, expected) {
        zh: "`{last}` 标题之后直接出现 `{hashes}` 标题，跳过了一级：应为 `{expected}` 或更少的 `#`",
        en: "a `{hashes}` heading right after a `{last}` heading skips a level: expected `{expected}` or fewer `#`",
    }
    /// Images in a list item.
    images_in_list() {
        zh: "列表项中不能有图片",
        en: "images cannot stand in a list item",
    }
    /// Something in a list that is not a list item.
    unexpected_in_list() {
        zh: "列表中有无法识别的内容",
        en: "unexpected content in a list",
    }
    /// A pipe-table row with more cells than the table has columns.
    row_too_wide(cells, table, columns) {
        zh: "这一行有 {cells} 个单元格，但表格（{table}）只有 {columns} 列；多出的单元格会丢失",
        en: "this row has {cells} cells but the table ({table}) has {columns} columns; the extra cells would be lost",
    }
    /// The text holds a character nianbao uses internally.
    private_use_char() {
        zh: "文中含有 nianbao 保留的私用区字符（U+E000–U+E004）",
        en: "the text holds a private-use character (U+E000–U+E004) that nianbao reserves",
    }
    /// A pipe table outside a `{.table}` block.
    table_needs_caption() {
        zh: "表格需要标题：请把它放进 `::: {{.table caption=\"…\"}}` 块",
        en: "a table needs a caption: put it in a `::: {{.table caption=\"…\"}}` block",
    }
    /// A figure in the preface.
    preface_no_figures() {
        zh: "前言只能有文字；图片请放在章节中",
        en: "the preface holds text only; put figures in a chapter",
    }
    /// A `:::` block in the preface.
    preface_no_blocks() {
        zh: "前言只能有文字；表格、图片和案例请放在章节中",
        en: "the preface holds text only; put tables, figures and cases in a chapter",
    }
    /// A case inside a case.
    case_in_case() {
        zh: "案例中不能再嵌套案例",
        en: "a case cannot contain another case",
    }
    /// A `:::` block of an unknown class.
    unknown_block(kind) {
        zh: "未知的块 `{{.{kind}}}`：应为 `{{.table …}}`、`{{.figure …}}`、`{{.chart …}}` 或 `{{.case …}}`",
        en: "unknown block `{{.{kind}}}`: expected `{{.table …}}`, `{{.figure …}}`, `{{.chart …}}` or `{{.case …}}`",
    }
    /// Several images in one paragraph outside a figure block.
    several_images() {
        zh: "一个段落中有多张图片：请把它们放进 `::: {{.figure caption=\"…\"}}` 块",
        en: "several images in one paragraph: put them in a `::: {{.figure caption=\"…\"}}` block",
    }
    /// What a block is, in a message: a heading.
    block_heading() { zh: "标题", en: "a heading" }
    /// What a block is, in a message: a paragraph.
    block_paragraph() { zh: "段落", en: "a paragraph" }
    /// What a block is, in a message: a list.
    block_list() { zh: "列表", en: "a list" }
    /// What a block is, in a message: a table.
    block_table() { zh: "表格", en: "a table" }
    /// What a block is, in a message: a figure.
    block_figure() { zh: "图片", en: "a figure" }
    /// What a block is, in a message: a case.
    block_case() { zh: "案例", en: "a case" }

    // ---- `:::` table, figure, chart and case blocks ----

    /// A bound-table attribute on a pipe table.
    bound_key_on_pipe_table(key) {
        zh: "`{key}=` 只用于由数据集生成的表格（`dataset=…`）；竖线表格按原样印出（合计行请直接写在表格中）",
        en: "`{key}=` works only on a table made from a dataset (`dataset=…`); a pipe table is printed as written (add a 合计 row to the table itself)",
    }
    /// A note paragraph under a table that starts with `|`.
    note_looks_like_row() {
        zh: "这条表注看起来像表格的一行：表格中间是否有空行？",
        en: "this note looks like a table row: is there a blank line inside the table?",
    }
    /// Something other than a pipe table and notes in a table block.
    table_block_found(what) {
        zh: "表格块中应为一个竖线表格加若干表注段落，实际发现了{what}",
        en: "a table block holds one pipe table followed by note paragraphs; found {what}",
    }
    /// A table block without a table.
    table_block_empty() {
        zh: "这个表格块中没有竖线表格",
        en: "this table block holds no pipe table",
    }
    /// A bad `header-rows=` value.
    header_rows_invalid(value, rows) {
        zh: "header-rows={value}：应为 1 到 {rows}（表格的行数）之间的数",
        en: "header-rows={value}: expected a number from 1 to the table's {rows} rows",
    }
    /// A bad `size=` value.
    size_invalid(value) {
        zh: "size={value}：应为 `small` 或 `normal`",
        en: "size={value}: expected `small` or `normal`",
    }
    /// A yes/no attribute (`landscape=`, `thousands=`) with another value.
    expected_true_false(key, value) {
        zh: "{key}={value}：应为 `true` 或 `false`",
        en: "{key}={value}: expected `true` or `false`",
    }
    /// A bad `widths=` value.
    widths_invalid(value, columns) {
        zh: "widths=\"{value}\"：应为 {columns} 个用逗号分隔的正数",
        en: "widths=\"{value}\": expected {columns} positive numbers separated by commas",
    }
    /// A figure block without an image.
    figure_block_empty() {
        zh: "这个图片块中没有图片",
        en: "this figure block holds no image",
    }
    /// A bad `columns=` value on a figure.
    figure_columns_invalid(value) {
        zh: "columns={value}：应为 1 到 4",
        en: "columns={value}: expected 1 to 4",
    }
    /// A chart block with content.
    chart_holds_nothing() {
        zh: "图表块的数据来自其属性，块内不应有内容",
        en: "a chart block takes its data from its attributes and holds nothing",
    }
    /// Something other than images in a figure block, named.
    figure_block_found(what) {
        zh: "图片块中应只有图片，实际发现了{what}",
        en: "a figure block holds only images; found {what}",
    }

    // ---- Merged cells of pipe tables ----

    /// A `<` cell in the first column.
    merge_left_nothing(row) {
        zh: "表格第 {row} 行：`<` 单元格左侧没有可合并的单元格",
        en: "row {row}: a `<` cell has no cell on its left to merge into",
    }
    /// A `<` cell beside a cell spanning rows.
    merge_left_next_to_rowspan(row) {
        zh: "表格第 {row} 行：`<` 单元格紧邻跨行合并的单元格：被覆盖的每个位置都请用 `^`",
        en: "row {row}: a `<` cell next to a row-spanning cell: use `^` for every covered position",
    }
    /// A `^` cell in the first row.
    merge_up_nothing(row) {
        zh: "表格第 {row} 行：`^` 单元格上方没有可合并的单元格",
        en: "row {row}: a `^` cell has no cell above it to merge into",
    }
    /// Merged cells that are not a rectangle.
    merge_not_rectangle(row, column) {
        zh: "表格第 {row} 行第 {column} 列：合并的单元格不成矩形",
        en: "row {row}, column {column}: merged cells do not form a rectangle",
    }
    /// A cell named with its place, in a merge message.
    cell_at(text, row, column) {
        zh: "“{text}”（第 {row} 行第 {column} 列）",
        en: "“{text}” (row {row}, column {column})",
    }
    /// A cell with content under a merged cell.
    merge_covers_cell(row, column, cell, here) {
        zh: "表格第 {row} 行第 {column} 列：单元格“{cell}”位于合并单元格{here}范围内，会丢失：请标为 `^` 或 `<`，或在它之前结束合并",
        en: "row {row}, column {column}: the cell “{cell}” lies inside the merged cell {here} and would be lost: mark it `^` or `<`, or end the merge before it",
    }
    /// Two merged cells overlap.
    merge_overlap(row, column, here, other, other_row, other_column) {
        zh: "表格第 {row} 行第 {column} 列：合并单元格{here}与“{other}”（第 {other_row} 行第 {other_column} 列）重叠",
        en: "row {row}, column {column}: the merged cells {here} and “{other}” (row {other_row}, column {other_column}) overlap",
    }
    /// A head cell spanning into the body rows.
    head_cell_spans_body(row, needed) {
        zh: "表格第 {row} 行：表头单元格向下跨入了表体；请把 header-rows 改为 {needed}，或拆分该单元格",
        en: "row {row}: a head cell spans down into the body; raise header-rows to {needed} or split the cell",
    }

    // ---- Templates ----

    /// A template printed an infinite number (minijinja error detail).
    template_not_finite(value) {
        zh: "应为有限的数，实际为 “{value}”（是否除以了零？）",
        en: "expected a finite number, found {value} (a division by zero?)",
    }
    /// A template's output grows too big.
    template_too_big(mb) {
        zh: "模板错误：套用模板后文字超过 {mb} MB；一章报告不应这么长（是否有循环或 `*` 重复过多？）",
        en: "template error: the text grows beyond {mb} MB after templating; expected a report chapter (a loop or `*` repeating too much?)",
    }
    /// A template's output is not UTF-8.
    template_not_utf8() {
        zh: "模板错误：输出不是 UTF-8 编码",
        en: "template error: the output is not UTF-8",
    }
    /// A template does too much work.
    template_out_of_fuel(fuel) {
        zh: "模板错误：模板运算超过 {fuel} 步；一章报告不需要这么多（是否有不会结束的循环？）",
        en: "template error: the templates do more than {fuel} steps of work; expected a report chapter (a loop that does not end?)",
    }
    /// A template error as minijinja reports it (its kind in English).
    template_error(kind) {
        zh: "模板错误：{kind}",
        en: "template error: {kind}",
    }
    /// A template error with minijinja's detail (in English).
    template_error_detail(kind, detail) {
        zh: "模板错误：{kind}：{detail}",
        en: "template error: {kind}: {detail}",
    }
    /// Appended to a template error: the template text at fault.
    template_error_in(snippet) {
        zh: "，出错位置 `{snippet}`",
        en: " in `{snippet}`",
    }
    /// Appended to a template error: an underlying cause.
    template_error_cause(cause) {
        zh: "（{cause}）",
        en: " ({cause})",
    }

    // ---- Tables bound to a dataset ----

    /// A `@N` format with too many decimals.
    columns_decimals_range(format, max) {
        zh: "columns：`@{format}`：小数位数应为 0 到 {max}",
        en: "columns: `@{format}`: expected a number of decimals from 0 to {max}",
    }
    /// An `@` format with neither decimals nor a unit.
    columns_format_empty(format) {
        zh: "columns：`@{format}`：`@` 后应为小数位数和/或单位（`@1`、`@1%`、`@%`）或 `@text`",
        en: "columns: `@{format}`: expected decimals and/or a unit after `@` (`@1`, `@1%`, `@%`) or `@text`",
    }
    /// A column item without `:表头`.
    columns_item_no_header(item) {
        zh: "columns：`{item}`：应为 `字段:表头`",
        en: "columns: `{item}`: expected `字段:表头`",
    }
    /// A `*N` factor that is not a number.
    columns_times_not_number(times) {
        zh: "columns：`*{times}`：应为数字",
        en: "columns: `*{times}`: expected a number",
    }
    /// `columns=` lists nothing.
    columns_empty() {
        zh: "columns=\"…\" 中没有列出任何列",
        en: "columns=\"…\" lists no column",
    }
    /// A bound table without `dataset=`.
    dataset_missing() {
        zh: "缺少 `dataset=…`",
        en: "missing `dataset=…`",
    }
    /// `dataset=` names no list of rows.
    dataset_not_found(name) {
        zh: "dataset={name}：没有这个名称的数据集，或它不是行的列表（见 report.json 的 `data`）",
        en: "dataset={name}: no dataset of that name holding a list of rows (see report.json `data`)",
    }
    /// A bound table without `columns=`.
    columns_missing() {
        zh: "由数据集生成的表格需要 `columns=\"字段:表头; …\"`",
        en: "a bound table needs `columns=\"字段:表头; …\"`",
    }
    /// A bad `total-at=` value.
    total_at_invalid(value) {
        zh: "total-at={value}：应为 `first` 或 `last`",
        en: "total-at={value}: expected `first` or `last`",
    }
    /// `total-at=` without `total=`.
    total_at_without_total() {
        zh: "total-at= 用于放置 `total=\"合计\"` 行，但缺少 `total=`",
        en: "total-at= places the row of `total=\"合计\"`, which is missing",
    }
    /// A dataset row without a column's field.
    row_no_field(name, row, field) {
        zh: "数据集 {name} 第 {row} 行：没有字段 `{field}`",
        en: "dataset {name}, row {row}: no field `{field}`",
    }
    /// A ratio column's field missing or not a number.
    row_ratio_missing(name, row, num, den) {
        zh: "数据集 {name} 第 {row} 行：`{num}` 或 `{den}` 缺失或不是数字",
        en: "dataset {name}, row {row}: `{num}` or `{den}` is missing or not a number",
    }
    /// minijinja's error kinds, named in Chinese (English keeps minijinja's own name).
    template_kind_syntax() { zh: "模板语法错误", en: "syntax error" }
    /// An undefined value or variable.
    template_kind_undefined() { zh: "没有这个值", en: "undefined value" }
    /// A filter or function applied to a value it does not take.
    template_kind_invalid_operation() { zh: "操作无效", en: "invalid operation" }
    /// A filter that does not exist.
    template_kind_unknown_filter() { zh: "没有这个过滤器", en: "unknown filter" }
    /// A function that does not exist.
    template_kind_unknown_function() { zh: "没有这个函数", en: "unknown function" }
    /// Wrong arguments to a filter or function.
    template_kind_too_many_arguments() { zh: "参数太多", en: "too many arguments" }
    /// Missing arguments.
    template_kind_missing_argument() { zh: "缺少参数", en: "missing argument" }
    /// A value that cannot be unpacked into the names given (`{% for a, b in … %}`).
    template_kind_cannot_unpack() { zh: "不能拆分成所给的几个名字", en: "cannot unpack" }
    /// A method that does not exist.
    template_kind_unknown_method() { zh: "没有这个方法", en: "unknown method" }
    /// A bad escape in a template string.
    template_kind_bad_escape() { zh: "字符串中的转义写法有误", en: "bad string escape" }
}

//! Reading a project: report.json, datasets (JSON/CSV/XLSX), images, charts, the appendix values.
//!
//! The `json_*`, `io_*` and `csv_*` entries explain a parser's or the
//! system's error in Chinese (see `crate::load::explain`); in English the
//! parser's own text is printed as it is, which their `en` texts reproduce.

use crate::i18n::messages;

messages! {
    // ---- The project directory and its files (src/load/project.rs) ----

    /// The project directory cannot be opened.
    project_dir_unreadable(reason) {
        zh: "无法打开项目目录：{reason}",
        en: "cannot open the project directory: {reason}",
    }
    /// The directory given has no report.json.
    not_a_project() {
        zh: "应为含有 report.json 的项目目录",
        en: "expected a project directory holding report.json",
    }
    /// A path written with backslashes.
    path_backslash(path) {
        zh: "“{path}”：文件夹之间应使用 `/`，实际为 `\\`",
        en: "\"{path}\": expected `/` between folders, found `\\`",
    }
    /// A path that is absolute, empty or climbs out with `..`.
    path_not_relative(path) {
        zh: "“{path}”：应为相对于项目目录的路径，不能含 `..`",
        en: "\"{path}\": expected a path relative to the project directory, without `..`",
    }
    /// A referenced file does not exist or cannot be reached.
    file_unreadable(path, reason) {
        zh: "“{path}”：无法读取该文件：{reason}",
        en: "\"{path}\": cannot read the file: {reason}",
    }
    /// A path leads outside the project (through a link).
    path_leads_outside(path) {
        zh: "“{path}” 指向项目目录之外（是否为链接？），已拒绝",
        en: "\"{path}\" leads outside the project directory (a link?); refused",
    }
    /// A path names a folder or something else, not a file.
    path_not_a_file(path) {
        zh: "“{path}”：应为文件",
        en: "\"{path}\": expected a file",
    }
    /// A folder of the project leads outside it (through a link).
    folder_leads_outside() {
        zh: "指向项目目录之外（是否为链接？），已拒绝",
        en: "leads outside the project directory (a link?); refused",
    }
    /// A folder of the project cannot be listed.
    folder_unreadable(reason) {
        zh: "无法读取该文件夹：{reason}",
        en: "cannot read the folder: {reason}",
    }
    /// A file of the project cannot be read.
    cannot_read(path, reason) {
        zh: "“{path}”：无法读取：{reason}",
        en: "\"{path}\": cannot read: {reason}",
    }
    /// A text file is not UTF-8.
    not_utf8(offset) {
        zh: "应为 UTF-8 编码的文本；偏移 {offset} 字节处有无效字节（GBK 等编码的文件请另存为 UTF-8）",
        en: "expected UTF-8 text; invalid byte at offset {offset}",
    }

    // ---- Why the system could not do it (an io::Error, in Chinese) ----

    /// The file or folder does not exist.
    io_not_found() { zh: "文件或文件夹不存在", en: "not found" }
    /// No permission.
    io_permission_denied() { zh: "没有访问权限", en: "permission denied" }
    /// A folder where a file was expected.
    io_is_a_directory() { zh: "这是一个文件夹", en: "is a directory" }
    /// A file where a folder was expected.
    io_not_a_directory() { zh: "路径中有一段不是文件夹", en: "not a directory" }
    /// Any other system error: its own text.
    io_other(detail) { zh: "系统报告：{detail}", en: "{detail}" }

    // ---- report.json (src/load/config) ----

    /// A mistake at a field of report.json (serde's path).
    json_at_field(path, message) {
        zh: "字段 “{path}”：{message}",
        en: "field `{path}`: {message}",
    }
    /// `region.code` is not six digits.
    region_code_invalid(found) {
        zh: "应为 6 位数字的行政区划代码，如 “150800”，实际为 “{found}”",
        en: "expected a 6-digit region code such as \"150800\", found \"{found}\"",
    }
    /// `document_date` is not a date.
    date_invalid(found) {
        zh: "应为 YYYY-MM-DD 格式的日期（年份 1900–2999），实际为 “{found}”",
        en: "expected a date as YYYY-MM-DD (year 1900–2999), found \"{found}\"",
    }
    /// `year` is out of range.
    year_invalid(found) {
        zh: "应为报告年度，如 2025，实际为 {found}",
        en: "expected a report year such as 2025, found {found}",
    }
    /// `chapters` is empty.
    no_chapters() {
        zh: "应至少有一个章文件",
        en: "expected at least one chapter file",
    }
    /// A name in `data` is not an identifier or is reserved.
    dataset_name_invalid(reserved) {
        zh: "数据名称只能由英文字母、数字和 _ 组成（不以数字开头），且不能是 {reserved} 之一",
        en: "a dataset name must be an identifier (letters, digits, _) and not one of {reserved}",
    }
    /// What `preface` takes (serde's "expected …").
    expect_preface() {
        zh: "文件名，如 \"preface.md\"，或 {{ \"file\": \"preface.md\", \"title\": null }}",
        en: "a file name such as \"preface.md\", or {{ \"file\": \"preface.md\", \"title\": null }}",
    }
    /// What `style.numbering` takes (serde's "expected …").
    expect_numbering() {
        zh: "`chapter`、`continuous`、`chinese`、`none` 之一，或 {{ \"tables\": …, \"figures\": …, \"cases\": … }}",
        en: "one of `chapter`, `continuous`, `chinese`, `none`, or {{ \"tables\": …, \"figures\": …, \"cases\": … }}",
    }

    // ---- The project as a whole (src/load/mod.rs) ----

    /// An old Typst style file that is no longer read.
    typst_style_file_ignored() {
        zh: "已不再读取此文件：版式现由 templates/house/gongwen.toml 或 report.toml 设定（把该文件复制到项目中再修改）",
        en: "no longer read: the house style is now templates/house/gongwen.toml or report.toml (copy that file into the project and edit it)",
    }
    /// The metadata could not be built.
    invalid_metadata() { zh: "基本信息有误", en: "invalid metadata" }
    /// A chapter file does not start with its `#` title.
    chapter_title_missing() {
        zh: "章文件应以本章标题开头，写作一行 `# 标题`",
        en: "a chapter file starts with its chapter title as a `# 标题` line",
    }
    /// A chapter file has a second `#` heading.
    second_chapter_heading() {
        zh: "出现了第二个 `#` 章标题：每章单独一个文件（节标题用 `##`）",
        en: "a second `#` chapter heading: put each chapter in its own file (use `##` for sections)",
    }

    // ---- Attribute lists `{…}` (src/load/attrs.rs) ----

    /// A key the block does not take.
    attr_unknown(key, allowed) {
        zh: "不认识的属性 `{key}`：应为 {allowed} 之一",
        en: "unknown attribute `{key}`: expected one of {allowed}",
    }
    /// More than one `.class`.
    attr_many_classes(classes) {
        zh: "`{{.{classes}}}` 中有多个类名（只能写一个）",
        en: "more than one class in `{{.{classes}}}`",
    }
    /// An `#id` of the wrong form.
    attr_id_invalid(id, prefix) {
        zh: "编号 `{id}` 不合规：应以 `{prefix}` 开头，后接小写字母、数字和 `-`",
        en: "invalid id `{id}`: expected `{prefix}` followed by lowercase letters, digits and `-`",
    }
    /// A required attribute is missing.
    attr_missing(key) {
        zh: "缺少 `{key}=\"…\"`",
        en: "missing `{key}=\"…\"`",
    }
    /// `width=` is not a percentage.
    attr_width(width) {
        zh: "width={width}：应为百分数，如 70%",
        en: "width={width}: expected a percentage such as 70%",
    }
    /// The attribute list is not in braces.
    attrs_no_braces(found) {
        zh: "应为花括号中的属性列表，实际为 `{found}`",
        en: "expected an attribute list in braces, found `{found}`",
    }
    /// A `.` or `#` with nothing after it.
    attrs_empty_marker(marker) {
        zh: "属性列表中有空的 `{marker}`",
        en: "empty `{marker}` in attribute list",
    }
    /// Two `#id`s.
    attrs_many_ids() {
        zh: "属性列表中有多个 `#id`",
        en: "more than one `#id` in attribute list",
    }
    /// A word without `=value`.
    attrs_expected_value(key) {
        zh: "属性列表中应写作 `{key}=值`",
        en: "expected `{key}=value` in attribute list",
    }
    /// A quoted value without its closing quote.
    attrs_unclosed_quote(key) {
        zh: "`{key}` 的值缺少结尾的引号",
        en: "unclosed quote in the value of `{key}`",
    }
    /// A key written twice.
    attrs_duplicate_key(key) {
        zh: "属性列表中 `{key}` 写了两次",
        en: "`{key}` given twice in attribute list",
    }

    // ---- Template filters (src/load/filters.rs) ----

    /// A filter's argument is text that is not a number.
    filter_not_number_text(found) {
        zh: "应为数字，实际为 “{found}”",
        en: "expected a number, found \"{found}\"",
    }
    /// A filter's argument is not a number.
    filter_not_number(found) {
        zh: "应为数字，实际为 {found}",
        en: "expected a number, found {found}",
    }
    /// A filter's argument is infinite or not a number.
    filter_not_finite(found) {
        zh: "应为有限的数字，实际为 {found}",
        en: "expected a finite number, found {found}",
    }
    /// Too many decimals asked for.
    filter_decimals(max, found) {
        zh: "小数位数应不超过 {max}，实际为 {found}",
        en: "expected at most {max} decimals, found {found}",
    }
    /// `ratio()` with a whole of 0.
    ratio_zero() {
        zh: "ratio()：总数（第二个数）为 0",
        en: "ratio(): the whole is 0",
    }
    /// `yoy()` with last year's figure 0.
    yoy_zero() {
        zh: "yoy()：上年数为 0",
        en: "yoy(): last year's figure is 0",
    }
    /// `cn` outside what it can write.
    cn_range(found) {
        zh: "cn：应为 0 到 99999999 之间的整数，实际为 {found}",
        en: "cn: expected a whole number from 0 to 99999999, found {found}",
    }

    // ---- Charts (src/load/charts.rs) ----

    /// An unknown `type=`.
    chart_type_unknown(found) {
        zh: "type={found}：应为 `pie`、`bar` 或 `line`",
        en: "type={found}: expected `pie`, `bar` or `line`",
    }
    /// No `type=`.
    chart_type_missing() {
        zh: "缺少 `type=pie|bar|line`",
        en: "missing `type=pie|bar|line`",
    }
    /// A chart without data.
    chart_no_data() { zh: "统计图没有数据", en: "the chart has no data" }
    /// A pie with several series.
    chart_pie_series() {
        zh: "饼图只能有一组数值",
        en: "a pie chart takes exactly one value series",
    }
    /// A negative or infinite value.
    chart_negative() {
        zh: "统计图的数值应为 0 或正数",
        en: "chart values must be numbers of 0 or more",
    }
    /// A label with a control character.
    chart_label_control(label, code) {
        zh: "统计图标签 “{label}”：应为可打印的文字，实际含有控制字符 U+{code}",
        en: "chart label “{label}”: expected printable text, found the control character U+{code}",
    }
    /// Inline `data=` of the wrong form.
    chart_data_format(data) {
        zh: "data=\"{data}\"：应写作 `名称:数值, 名称:数值`",
        en: "data=\"{data}\": expected `名称:数值, 名称:数值`",
    }
    /// An inline value that is not a number.
    chart_data_not_number(found) {
        zh: "data：应为数字，实际为 “{found}”",
        en: "data: `{found}` is not a number",
    }
    /// Neither `dataset=` nor `data=`.
    chart_dataset_missing() {
        zh: "应写 `dataset=…`（或直接写 `data=\"名称:数值, …\"`）",
        en: "expected `dataset=…` (or inline `data=\"名称:数值, …\"`)",
    }
    /// `dataset=` names no list of rows.
    chart_dataset_unknown(name) {
        zh: "dataset={name}：没有这个名称、内容为多行数据的数据集（见 report.json 的 `data`）",
        en: "dataset={name}: no dataset of that name holding a list of rows (see report.json `data`)",
    }
    /// No `label=`.
    chart_label_missing() {
        zh: "应写 `label=<字段>`，指明分类所用的字段",
        en: "expected `label=<field>` naming the category field",
    }
    /// A row without the label field.
    chart_row_no_label(name, row, field) {
        zh: "数据集 {name} 第 {row} 行：没有 “{field}” 字段",
        en: "dataset {name}, row {row}: no `{field}` field",
    }
    /// A row whose value field is missing or not a number.
    chart_row_not_number(name, row, field) {
        zh: "数据集 {name} 第 {row} 行 “{field}” 列：应为数字，但该项缺失或不是数字",
        en: "dataset {name}, row {row}: `{field}` is missing or not a number",
    }
    /// `aggregate=sum` without `value=`.
    chart_sum_needs_value() {
        zh: "aggregate=sum 需要 `value=<字段>`",
        en: "aggregate=sum needs `value=<field>`",
    }
    /// Neither `value=` nor `aggregate=count`.
    chart_value_missing() {
        zh: "应写 `value=<字段>[,<字段>…]`（或 `aggregate=count`）",
        en: "expected `value=<field>[,<field>…]` (or `aggregate=count`)",
    }
    /// An unknown `aggregate=`.
    chart_aggregate_unknown(found) {
        zh: "aggregate={found}：应为 `count` 或 `sum`",
        en: "aggregate={found}: expected `count` or `sum`",
    }
    /// `series=` names a different number of series than there are.
    chart_series_count(named, found) {
        zh: "series=\"…\" 列出了 {named} 个系列名，但数据有 {found} 组",
        en: "series=\"…\" names {named} series but there are {found}",
    }

    // ---- Images (src/load/images.rs) ----

    /// An image format other than JPEG or PNG.
    image_format_unsupported(path, format) {
        zh: "“{path}”：不支持 {format} 图片；应为 JPEG 或 PNG",
        en: "\"{path}\": {format} images are not supported; expected JPEG or PNG",
    }
    /// Not an image at all.
    not_an_image(path) {
        zh: "“{path}”：不是图片（应为 JPEG 或 PNG）",
        en: "\"{path}\": not an image (expected JPEG or PNG)",
    }
    /// The name's extension does not match the image's format.
    image_wrong_extension(path, format, ext) {
        zh: "“{path}”：该文件是 {format} 图片；文件名应以 {ext} 结尾（请改名）",
        en: "\"{path}\": the file is a {format} image; expected its name to end in {ext} (rename it)",
    }
    /// A CMYK JPEG.
    image_cmyk(path) {
        zh: "“{path}”：这是 CMYK 颜色的 JPEG；应为 RGB 或灰度照片（请另存为 sRGB 的 JPEG；印刷厂用的 PDF 会自行转换颜色）",
        en: "\"{path}\": a CMYK JPEG; expected an RGB or greyscale photo (save it as sRGB JPEG; the print shop's PDF converts colours itself)",
    }
    /// The image decoder refuses the file.
    image_undecodable(path, reason) {
        zh: "“{path}”：无法解码该图片：{reason}",
        en: "\"{path}\": the image cannot be decoded: {reason}",
    }
    /// An image larger than the limit.
    image_too_large(path, max, width, height) {
        zh: "“{path}”：图片应不超过 {max} 百万像素，实际为 {width} × {height} 像素",
        en: "\"{path}\": expected an image of at most {max} megapixels, found {width} × {height} px",
    }
    /// A damaged or truncated image.
    image_damaged(path) {
        zh: "“{path}”：无法解码该图片：文件已损坏或不完整",
        en: "\"{path}\": the image cannot be decoded: the file is damaged or cut short",
    }
}

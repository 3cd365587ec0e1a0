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

    // ---- JSON files (serde_json's errors, in Chinese) ----

    /// A JSON dataset cannot be parsed.
    json_invalid(detail) {
        zh: "JSON 格式有误：{detail}",
        en: "invalid JSON: {detail}",
    }
    /// The file ends inside an object.
    json_eof_object() {
        zh: "文件在对象结束之前就结束了：缺少结尾的 “}}”",
        en: "EOF while parsing an object",
    }
    /// The file ends inside a list.
    json_eof_list() {
        zh: "文件在数组结束之前就结束了：缺少结尾的 “]”",
        en: "EOF while parsing a list",
    }
    /// The file ends inside a string.
    json_eof_string() {
        zh: "文件在字符串结束之前就结束了：缺少结尾的引号 “\"”",
        en: "EOF while parsing a string",
    }
    /// The file ends where a value should come.
    json_eof_value() {
        zh: "文件意外结束：此处应有一个值",
        en: "EOF while parsing a value",
    }
    /// A key without its colon.
    json_expected_colon() {
        zh: "应为 “:”（字段名之后要有冒号）",
        en: "expected `:`",
    }
    /// Something other than `,` or `]` after a list item.
    json_expected_comma_or_bracket() {
        zh: "应为 “,” 或 “]”（数组各项之间用英文逗号分隔）",
        en: "expected `,` or `]`",
    }
    /// Something other than `,` or `}` after an object member.
    json_expected_comma_or_brace() {
        zh: "应为 “,” 或 “}}”（各字段之间用英文逗号分隔；是否漏了逗号？）",
        en: "expected `,` or `}}`",
    }
    /// A misspelt `true`, `false` or `null`.
    json_expected_ident() {
        zh: "应为 true、false 或 null（小写，不加引号）",
        en: "expected ident",
    }
    /// No value where one should be.
    json_expected_value() {
        zh: "应为一个值：带英文双引号的文字、数字、true、false、null、数组或对象",
        en: "expected value",
    }
    /// A double quote is missing.
    json_expected_quote() {
        zh: "应为英文双引号 “\"”",
        en: "expected `\"`",
    }
    /// A backslash escape that JSON does not have.
    json_invalid_escape() {
        zh: "文字中的转义写法有误：反斜杠 \\ 后只能跟 \" \\ / b f n r t u（要写反斜杠本身请写 \\\\）",
        en: "invalid escape",
    }
    /// A malformed number.
    json_invalid_number() { zh: "数字的写法有误", en: "invalid number" }
    /// A number too large.
    json_number_out_of_range() { zh: "数字超出范围", en: "number out of range" }
    /// A `\u` escape naming no character.
    json_invalid_unicode() {
        zh: "`\\u` 转义写法有误：不是有效的 Unicode 字符",
        en: "invalid unicode code point",
    }
    /// A raw control character (a line break, a tab) inside a string.
    json_control_character() {
        zh: "文字中有控制字符（如直接换行或制表符）：换行请写作 \\n",
        en: "control character (\\u0000-\\u001F) found while parsing a string",
    }
    /// An object key without double quotes.
    json_key_not_string() {
        zh: "字段名应为带英文双引号的文字，如 \"title\"",
        en: "key must be a string",
    }
    /// A comma after the last item.
    json_trailing_comma() {
        zh: "多余的逗号：最后一项之后不能有逗号",
        en: "trailing comma",
    }
    /// Text after the end of the JSON value.
    json_trailing_characters() {
        zh: "JSON 内容结束之后还有多余的字符",
        en: "trailing characters",
    }
    /// Nesting too deep.
    json_recursion_limit() { zh: "嵌套层数太多", en: "recursion limit exceeded" }
    /// A broken `\u` escape (a lone surrogate, a short escape).
    json_hex_escape() {
        zh: "`\\u` 转义写法有误",
        en: "unexpected end of hex escape",
    }
    /// A value of the wrong type.
    json_invalid_type(expected, found) {
        zh: "类型不对：应为{expected}，实际为{found}",
        en: "invalid type: {found}, expected {expected}",
    }
    /// A value of the right type but not allowed.
    json_invalid_value(expected, found) {
        zh: "值不对：应为{expected}，实际为{found}",
        en: "invalid value: {found}, expected {expected}",
    }
    /// A list with the wrong number of items.
    json_invalid_length(expected, found) {
        zh: "个数不对：应为{expected}，实际为 {found} 个",
        en: "invalid length {found}, expected {expected}",
    }
    /// A required field is missing.
    json_missing_field(field) {
        zh: "缺少字段 “{field}”",
        en: "missing field `{field}`",
    }
    /// A field written twice.
    json_duplicate_field(field) {
        zh: "字段 “{field}” 重复出现",
        en: "duplicate field `{field}`",
    }
    /// A field the object does not have.
    json_unknown_field(field, fields) {
        zh: "不认识的字段 “{field}”（可用的字段：{fields}）",
        en: "unknown field `{field}`, expected one of {fields}",
    }
    /// A field where the object takes none.
    json_unknown_field_none(field) {
        zh: "不认识的字段 “{field}”（这里不能写字段）",
        en: "unknown field `{field}`, there are no fields",
    }
    /// A word that is not one of the choices.
    json_unknown_variant(value, choices) {
        zh: "不认识的取值 “{value}”（可选：{choices}）",
        en: "unknown variant `{value}`, expected one of {choices}",
    }
    /// A value in none of the accepted forms.
    json_no_form_matches() {
        zh: "写法不对：不符合任何一种允许的形式",
        en: "data did not match any variant of untagged enum",
    }
    /// Any other JSON error: a Chinese lead-in and the parser's own text.
    json_other(detail) { zh: "内容有误：{detail}", en: "{detail}" }
    /// Expected: text.
    json_type_string() { zh: "带英文双引号的文字", en: "a string" }
    /// Expected: true or false.
    json_type_boolean() { zh: "true 或 false", en: "a boolean" }
    /// Expected: a whole number.
    json_type_integer() { zh: "整数", en: "an integer" }
    /// Expected: a whole number within a type's range.
    json_type_integer_in_range() { zh: "允许范围内的整数", en: "an integer in range" }
    /// Expected: a number.
    json_type_number() { zh: "数字", en: "a number" }
    /// Expected: a list.
    json_type_list() { zh: "数组（[ … ]）", en: "a sequence" }
    /// Expected: an object.
    json_type_object() { zh: "对象（{{ … }}）", en: "a map ({{ … }})" }
    /// Expected: a single character.
    json_type_character() { zh: "单个字符", en: "a character" }
    /// Found: null.
    json_found_null() { zh: "空值 null", en: "null" }
    /// Found: true or false.
    json_found_boolean(value) { zh: "布尔值 {value}", en: "boolean `{value}`" }
    /// Found: a whole number.
    json_found_integer(value) { zh: "整数 {value}", en: "integer `{value}`" }
    /// Found: a number with decimals.
    json_found_float(value) { zh: "小数 {value}", en: "floating point `{value}`" }
    /// Found: text.
    json_found_string(value) { zh: "文字 “{value}”", en: "string \"{value}\"" }
    /// Found: a list.
    json_found_list() { zh: "数组", en: "sequence" }
    /// Found: an object.
    json_found_object() { zh: "对象", en: "map" }
    /// Found: a single character.
    json_found_character(value) { zh: "字符 “{value}”", en: "character `{value}`" }
    /// Joins the names of a list (fields, choices).
    list_separator() { zh: "、", en: ", " }

    // ---- Datasets: JSON, CSV, Excel (src/load/data.rs, src/xlsx.rs) ----

    /// A dataset file of another kind.
    dataset_kind(path) {
        zh: "“{path}”：应为 .json、.csv 或 .xlsx 文件",
        en: "\"{path}\": expected a .json, .csv or .xlsx file",
    }
    /// The CSV header row cannot be read.
    csv_header_unreadable(reason) {
        zh: "无法读取表头行：{reason}",
        en: "cannot read the header row: {reason}",
    }
    /// A CSV column name appears twice.
    csv_duplicate_column(name, first, second) {
        zh: "每个列名只能出现一次，“{name}” 出现了两次（第 {first} 列和第 {second} 列）",
        en: "expected each column name once, found “{name}” twice (columns {first} and {second})",
    }
    /// A CSV row cannot be read.
    csv_invalid(reason) {
        zh: "CSV 格式有误：{reason}",
        en: "invalid CSV: {reason}",
    }
    /// A CSV row with more or fewer fields than the others.
    csv_unequal_lengths(expected, found) {
        zh: "应为 {expected} 列（与前面的行相同），实际为 {found} 列（文字中有英文逗号时请用英文双引号括起来）",
        en: "found record with {found} fields, but the previous record has {expected} fields",
    }
    /// A CSV that is not UTF-8.
    csv_not_utf8() {
        zh: "含有非 UTF-8 编码的内容",
        en: "invalid UTF-8",
    }
    /// The workbook cannot be opened.
    xlsx_unreadable(reason) {
        zh: "无法读取该工作簿：{reason}",
        en: "cannot read the workbook: {reason}",
    }
    /// A worksheet cannot be read.
    xlsx_sheet_unreadable(reason) {
        zh: "无法读取该工作表：{reason}",
        en: "cannot read the sheet: {reason}",
    }
    /// A cell beyond the rows and columns a sheet may use.
    xlsx_cell_too_far(rows, columns, last_column, last_row) {
        zh: "数据应在 {rows} 行、{columns} 列以内（最远到 {last_column}{last_row}）；此处却有内容",
        en: "expected data within {rows} rows and {columns} columns (up to {last_column}{last_row}); found a cell here",
    }
    /// The used range of a sheet is too large.
    xlsx_range_too_large(max, range, cells) {
        zh: "从第一个有内容的单元格到最后一个，应不超过 {max} 个单元格；{range} 共 {cells} 个（是否有远离数据的零散内容？）",
        en: "expected at most {max} cells from the first used cell to the last; {range} spans {cells} (a stray value far from the data?)",
    }
    /// The file is not a zip archive.
    xlsx_not_zip(reason) {
        zh: "无法读取该工作簿：应为 .xlsx（zip）文件：{reason}",
        en: "cannot read the workbook: expected an .xlsx (zip) file: {reason}",
    }
    /// The workbook unpacks to too much.
    xlsx_too_large(max, found) {
        zh: "工作簿解压后应不超过 {max} MB，实际为 {found} MB",
        en: "expected a workbook that unpacks to at most {max} MB; this one unpacks to {found} MB",
    }
    /// The workbook declares more shared strings than it can hold.
    xlsx_shared_strings(declared, bytes) {
        zh: "无法读取该工作簿：它声明有 {declared} 个共享字符串，但只有 {bytes} 字节（文件已损坏？）",
        en: "cannot read the workbook: it declares {declared} shared strings in {bytes} bytes (a damaged file?)",
    }
    /// The workbook has no sheet.
    xlsx_no_sheet() {
        zh: "工作簿中没有工作表",
        en: "the workbook has no worksheet",
    }
    /// The first sheet of a dataset workbook is empty.
    xlsx_first_sheet_empty() {
        zh: "第一个工作表是空的；应有表头行",
        en: "the first worksheet is empty; expected a header row",
    }
    /// A workbook cannot be written.
    xlsx_write_failed(reason) {
        zh: "无法写出工作簿：{reason}",
        en: "cannot write the workbook: {reason}",
    }

    // ---- The appendix values (src/load/appendix.rs) ----

    /// The values file is not an object.
    indicators_not_object() {
        zh: "应为以附表编号为键的 JSON 对象",
        en: "expected a JSON object keyed by table id",
    }
    /// A table id that is not one of the six.
    indicator_table_unknown(key, ids) {
        zh: "不认识的附表 “{key}”：应为 {ids} 之一",
        en: "unknown indicator table `{key}`: expected one of {ids}",
    }
    /// `schools` is not a list of names.
    school_names_expected() {
        zh: "应为学校名称的列表",
        en: "expected a list of school names",
    }
    /// `schools` is empty.
    no_schools() {
        zh: "应至少有一所学校",
        en: "expected at least one school",
    }
    /// The rows of a table are not an object.
    indicator_rows_not_object() {
        zh: "应为以指标为键的对象",
        en: "expected an object keyed by indicator",
    }
    /// An indicator the table does not have.
    indicator_unknown(key, table) {
        zh: "{table}中没有指标 “{key}”",
        en: "unknown indicator `{key}` in {table}",
    }
    /// An indicator with the wrong number of values.
    values_count(expected, found) {
        zh: "应为 {expected} 个数值，实际为 {found} 个",
        en: "expected {expected} values, found {found}",
    }
    /// An indicator's values are not a list.
    values_not_list(count) {
        zh: "应为 {count} 个数值组成的列表（数字、文字或 null）",
        en: "expected a list of {count} values (number, text or null)",
    }
    /// A value that is neither number, text nor null.
    value_kind(found) {
        zh: "应为数字、文字或 null，实际为 {found}",
        en: "expected a number, text or null, found {found}",
    }
    /// A sheet of an indicator workbook that is not one of the six tables.
    indicator_workbook_sheet(titles) {
        zh: "指标工作簿只能包含六张附表的工作表，名称为 {titles}，每张都带有 `nianbao init-data` 生成的“键”列",
        en: "an indicator workbook holds only the six tables' sheets, named {titles}, each with the 键 column as generated by `nianbao init-data`",
    }
    /// A key in the 键 column that the table does not have.
    indicator_key_unknown(key) {
        zh: "不认识的指标键 “{key}”（“键”列须保持生成时的内容，不要修改）",
        en: "unknown indicator key `{key}` (the 键 column must be left as generated)",
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

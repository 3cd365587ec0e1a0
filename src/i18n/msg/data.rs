//! Data files: JSON syntax errors (serde_json's, in Chinese), datasets
//! (JSON, CSV, Excel) and the appendix values.

use crate::i18n::messages;

messages! {
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
}

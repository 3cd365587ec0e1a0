//! Checking the document: numbering, references, ids, data consistency, layout decisions.

use crate::i18n::messages;

messages! {
    // ------------------------------------------------------------ numbering and references

    /// An image would print below the resolution print shops want.
    image_low_dpi(path, px, dpi, mm, min) {
        zh: "{path}：宽 {px} 像素，按印刷宽度（{mm} 毫米）约为 {dpi} dpi；印刷厂要求至少 {min} dpi",
        en: "{path}: {px} px wide prints at about {dpi} dpi ({mm} mm); print shops want {min} dpi or more",
    }
    /// A numbered figure has no caption.
    figure_needs_caption() {
        zh: "缺少 `caption=\"…\"`：带编号的图必须有图题（单独插入一张图片请写 ![图题](path)）；只有编号方式为 `\"figures\": \"none\"` 时，图才可以没有图题",
        en: "missing `caption=\"…\"`: a numbered figure needs a caption (for an image on its own, write ![图题](path)); only with `\"figures\": \"none\"` numbering may a figure go without one",
    }
    /// The same id is given twice.
    duplicate_id(id, first) {
        zh: "id `{id}` 重复（第一次用在 {first}）",
        en: "duplicate id `{id}` (first used at {first})",
    }
    /// How a reference is named in a message: in running text.
    ref_in_text(id) { zh: "引用 `@{id}`", en: "reference `@{id}`" }
    /// How a reference is named in a message: in a caption or title.
    ref_in_caption(id) { zh: "标题中的引用 `@{id}`", en: "reference `@{id}` in a caption" }
    /// How a reference range is named in a message: in running text.
    range_in_text(range) { zh: "引用范围 `{range}`", en: "reference range `{range}`" }
    /// How a reference range is named in a message: in a caption or title.
    range_in_caption(range) {
        zh: "标题中的引用范围 `{range}`",
        en: "reference range `{range}` in a caption",
    }
    /// A reference names something with neither number nor caption.
    ref_nothing_to_print(reference) {
        zh: "{reference} 指向的图、表或案例既没有编号也没有标题，引用处无字可印",
        en: "{reference} names a figure, table or case that has neither a number nor a caption: there is nothing to print for it",
    }
    /// A reference names an id that does not exist.
    ref_unknown(reference) {
        zh: "{reference} 找不到对应的表、图、案例或章节：没有这个 id",
        en: "{reference} points to no table, figure, case or section with that id",
    }
    /// The two ends of a reference range are of different kinds.
    range_mixed_kinds(reference) {
        zh: "{reference} 两端类型不同：两端应同为表、图、案例或章节",
        en: "{reference} joins two kinds of things: both ends must be tables, figures, cases or sections",
    }
    /// A reference range runs backwards.
    range_backwards(reference, from, to) {
        zh: "{reference} 顺序颠倒或首尾相同：`@{from}` 应在 `@{to}` 之前",
        en: "{reference} runs backwards or to itself: `@{from}` must come before `@{to}`",
    }

    // ------------------------------------------------------------ size limits

    /// A title or unit in report.json is too long.
    meta_too_long(max, found) {
        zh: "应不超过 {max} 个字，实际为 {found} 个字",
        en: "expected at most {max} characters, found {found}",
    }
    /// Too many images in the whole report.
    too_many_images(max, found) {
        zh: "一份报告中的图片应不超过 {max} 张，实际为 {found} 张",
        en: "expected at most {max} images in one report, found {found}",
    }
    /// Too many images in one figure.
    too_many_figure_images(max, found) {
        zh: "一个图中的图片应不超过 {max} 张，实际为 {found} 张",
        en: "expected at most {max} images in one figure, found {found}",
    }
    /// A figure's width is not a positive number.
    figure_width_not_positive(found) {
        zh: "width：应为正数，实际为 “{found}”",
        en: "width: expected a positive number, found {found}",
    }
    /// A heading or caption is too long.
    title_too_long(max, found) {
        zh: "标题或图表题应不超过 {max} 个字，实际为 {found} 个字",
        en: "expected a heading or caption of at most {max} characters, found {found}",
    }
    /// A table has too many rows.
    too_many_rows(max, found) {
        zh: "一个表格应不超过 {max} 行，实际为 {found} 行；请拆分表格，或把数据放进附表文件",
        en: "expected at most {max} rows in one table, found {found}; split it or put the data in an appendix file",
    }
    /// A table has too many columns.
    too_many_columns(max, found) {
        zh: "一个表格应不超过 {max} 列，实际为 {found} 列",
        en: "expected at most {max} columns in one table, found {found}",
    }
    /// A table's column widths include one that is not positive.
    widths_not_positive(found) {
        zh: "widths：应为正数，实际有 “{found}”",
        en: "widths: expected positive numbers, found {found}",
    }

    // ------------------------------------------------------------ data checks

    /// An accepted discrepancy names neither or both of `field` and `check`.
    accept_field_or_check() {
        zh: "应给出 `field`（某个值的路径）或 `check`（某项检查的标签），二者只能取其一",
        en: "expected either `field` (the path of a value) or `check` (the label of a check)",
    }
    /// A finding the project accepts, with its reason.
    finding_accepted(message, index, reason) {
        zh: "{message} —— 已认可（validation.accept[{index}]）：{reason}",
        en: "{message} — accepted (validation.accept[{index}]): {reason}",
    }
    /// An error turned into a warning by `allow_errors`.
    finding_allowed(message) {
        zh: "{message}；validation.allow_errors 已放行",
        en: "{message} (allowed by validation.allow_errors)",
    }
    /// An accepted discrepancy of a value that no check finds wrong.
    accept_unused_field(field) {
        zh: "没有哪项数据检查发现 `{field}` 有问题：请删除这一条（数据现在已经一致，或路径、标签写错了）",
        en: "no data check finds anything wrong with `{field}`: remove this entry (the figures agree now, or the path or label is misspelt)",
    }
    /// An accepted discrepancy of a check that finds nothing wrong.
    accept_unused_check(check) {
        zh: "标签为 “{check}” 的检查没有发现问题：请删除这一条（数据现在已经一致，或路径、标签写错了）",
        en: "no check labelled “{check}” finds anything wrong: remove this entry (the figures agree now, or the path or label is misspelt)",
    }
    /// A data value is text that is not a number.
    value_not_number_text(found) {
        zh: "应为数字，实际为 “{found}”",
        en: "expected a number, found \"{found}\"",
    }
    /// A data value is neither a number nor text.
    value_not_number(found) {
        zh: "应为数字，实际为 {found}",
        en: "expected a number, found {found}",
    }
    /// A fault in one value of an indicator table.
    indicator_value(table, indicator, column, detail) {
        zh: "{table} · {indicator}（{column}）：{detail}",
        en: "{table} · {indicator} ({column}): {detail}",
    }
    /// A percentage outside 0–100.
    percent_out_of_range(table, indicator, column, value) {
        zh: "{table} · {indicator}（{column}）= {value}：百分比应在 0 到 100 之间",
        en: "{table} · {indicator} ({column}) = {value}: a percentage must lie between 0 and 100",
    }
    /// A large year-over-year change.
    yoy_jump(table, indicator, prev, cur, change, threshold) {
        zh: "{table} · {indicator}：{prev} → {cur}，变动 {change}%（同比超过 {threshold}%）；请核对数据",
        en: "{table} · {indicator}: {prev} → {cur} is a change of {change}% (more than {threshold}% year over year); check the figures",
    }
    /// A sub-row is larger than the row it is part of.
    sub_row_exceeds_parent(table, indicator, column, value, parent, parent_value) {
        zh: "{table} · {indicator}（{column}）= {value}，超过了它所属的那一行（{parent} = {parent_value}）",
        en: "{table} · {indicator} ({column}) = {value} exceeds {parent} = {parent_value}, of which it is a part",
    }
    /// A count exceeds a count that bounds it.
    count_exceeds(part, whole, year, value, bound) {
        zh: "{part}不能超过{whole}（{year}）：{value} > {bound}",
        en: "{part} cannot exceed {whole} ({year}): {value} > {bound}",
    }
    /// The student–teacher ratio disagrees with the counts.
    ratio_mismatch(year, ratio, students, teachers, expected) {
        zh: "教学资源表 · 生师比（{year}）= {ratio}，但按落实政策表计算：在校生 {students} 人 ÷ 专任教师 {teachers} 人 = {expected}",
        en: "教学资源表 · 生师比 ({year}) = {ratio}, but 落实政策表 gives {students} students ÷ {teachers} teachers = {expected}",
    }
    /// A declared check's path is not a data path.
    path_invalid(path) {
        zh: "`{path}` 不是有效的数据路径（应形如 `totals.students` 或 `schools[].students_cur`）",
        en: "`{path}` is not a data path such as `totals.students` or `schools[].students_cur`",
    }
    /// A key of a data path is missing.
    path_key_missing(path, key, at) {
        zh: "`{path}`：在 `{at}` 下找不到 `{key}`",
        en: "`{path}`: `{key}` not found at `{at}`",
    }
    /// An index of a data path is past the list's end.
    path_no_item(path, index, at) {
        zh: "`{path}`：`{at}` 中没有第 [{index}] 项",
        en: "`{path}`: no item [{index}] in `{at}`",
    }
    /// A data path takes the items of something that is not a list.
    path_not_list(path, at) {
        zh: "`{path}`：`{at}` 不是列表",
        en: "`{path}`: `{at}` is not a list",
    }
    /// A data path names several values where one is needed.
    path_many_values(path, count) {
        zh: "`{path}` 对应 {count} 个值；应只对应一个",
        en: "`{path}` names {count} values; expected one",
    }
    /// A data path names an empty value.
    path_empty(path) { zh: "`{path}` 没有值", en: "`{path}` is empty" }
    /// The divisor of a ratio check is zero.
    path_zero(path) { zh: "`{path}` 为 0", en: "`{path}` is 0" }
    /// How a sum check computed its value.
    sum_of(paths) { zh: "{paths}之和", en: "the sum of {paths}" }
    /// A declared check has neither or both of `sum` and `ratio`.
    check_sum_or_ratio() {
        zh: "一项检查应给出 `sum` 或 `ratio`，二者只能取其一",
        en: "a check takes either `sum` or `ratio`",
    }
    /// A declared check does not hold.
    check_mismatch(name, field, want, how, got, decl) {
        zh: "{name}：{field} 为 {want}，但 {how} 为 {got}（检查定义于 {decl}）",
        en: "{name}: {field} is {want}, but {how} is {got} (check declared at {decl})",
    }
    /// A declared check cannot be computed from a value.
    check_value_fault(name, detail, decl) {
        zh: "{name}：{detail}（检查定义于 {decl}）",
        en: "{name}: {detail} (check declared at {decl})",
    }

    // ------------------------------------------------------------ layout decisions

    /// A table that does not fit even at the smallest size on a landscape page.
    table_too_wide(name, size, columns) {
        zh: "{name}：表格太宽，即使用 {size} 磅字号排在横向页面上，第 {columns} 列仍放不下（请设置 widths=、缩短表头或拆分表格）",
        en: "{name}: the table is too wide even at {size} pt on a landscape page; columns {columns} do not fit (set widths=, shorten the heads, or split the table)",
    }
    /// A table without a number, in a message.
    unnumbered_table() { zh: "表格", en: "table" }
}

//! What the `nianbao` command prints itself: results, progress, and its
//! own argument errors.

use crate::i18n::messages;

messages! {
    /// `check` found nothing that stops a build.
    check_ok(chapters, appendix) {
        zh: "检查通过：{chapters} 章，{appendix} 张附表",
        en: "ok: {chapters} chapters, {appendix} appendix tables",
    }
    /// The heading of the print preflight's findings.
    preflight_summary(errors, warnings, notes) {
        zh: "印前检查：{errors} 个错误，{warnings} 个警告，{notes} 条说明",
        en: "print preflight: {errors} errors, {warnings} warnings, {notes} notes",
    }
    /// `check --print` fails on preflight errors.
    preflight_failed(errors) {
        zh: "印前检查发现 {errors} 个错误（见上）",
        en: "the print preflight found {errors} error(s) (above)",
    }
    /// The DOCX thread ended without a result.
    docx_writer_stopped() {
        zh: "DOCX 生成意外中止",
        en: "the DOCX writer stopped unexpectedly",
    }
    /// A file was written.
    wrote(path) { zh: "已写出 {path}", en: "wrote {path}" }
    /// `watch` started.
    watching(path) {
        zh: "正在监视 {path}（按 Ctrl-C 停止）",
        en: "watching {path} (Ctrl-C to stop)",
    }
    /// The watch benchmark's result.
    watch_bench(median, runs, min, max) {
        zh: "watch：改一段文字 → 新 PDF：中位数 {median} 毫秒（共 {runs} 次，最快 {min}，最慢 {max}）",
        en: "watch: one-paragraph edit → new PDF: median {median} ms of {runs} (min {min}, max {max})",
    }
    /// `fonts`: the heading of the role list.
    fonts_roles() {
        zh: "字体角色（templates/typst/fonts.typ；取找到的第一个字体族）：",
        en: "Roles (templates/typst/fonts.typ; the first family found is used):",
    }
    /// `fonts`: no family of a role was found.
    fonts_role_missing() {
        zh: "（未找到：改用任何含有该字的字体）",
        en: "(none found: falls back to any font that has the glyph)",
    }
    /// `fonts`: a face built into nianbao.
    fonts_embedded() { zh: "（内置）", en: "(embedded)" }
    /// `fonts`: the heading of the face list.
    fonts_faces() { zh: "找到的字体：", en: "Faces found:" }
    /// `init-data` will not overwrite a file.
    init_exists() {
        zh: "文件已存在；要替换它，请加 --force",
        en: "already exists; pass --force to replace it",
    }
    /// `init-data` wrote the workbook.
    init_wrote(path) {
        zh: "已写出 {path} —— 填好后，在 report.json 的 appendix.values 中指向它",
        en: "wrote {path} — fill it in, then set report.json appendix.values to it",
    }
    /// `new` created a project.
    new_created(dir, kind, files) {
        zh: "已创建 {dir}（{kind}报告，{files} 个文件）；先读其中的 说明.md，然后运行：",
        en: "created {dir} ({kind} report, {files} files); read 说明.md there, then run:",
    }
    /// The kind of report `new` writes: a bureau's.
    kind_bureau() { zh: "教育局", en: "bureau" }
    /// The kind of report `new` writes: a school's.
    kind_school() { zh: "学校", en: "school" }
    /// Progress: loading and checking the project.
    progress_check(seconds) { zh: "读取并检查项目… {seconds} 秒", en: "loading and checking… {seconds} s" }
    /// Progress: Typst lays out the pages.
    progress_layout(seconds) { zh: "排版… {seconds} 秒", en: "laying out pages… {seconds} s" }
    /// Progress: the DOCX is written.
    progress_docx(seconds) { zh: "生成 DOCX… {seconds} 秒", en: "writing the DOCX… {seconds} s" }
    /// Progress: the files are written.
    progress_write(seconds) { zh: "写出文件… {seconds} 秒", en: "writing files… {seconds} s" }
    /// The whole build's time, printed once at the end.
    built_in(seconds) { zh: "完成，用时 {seconds} 秒", en: "done in {seconds} s" }
    /// The command line names an option nianbao does not have.
    arg_unknown(arg) {
        zh: "不认识的参数 “{arg}”",
        en: "unexpected argument '{arg}'",
    }
    /// An option's value is not one of the allowed ones.
    arg_invalid_value(value, arg, expected) {
        zh: "参数 {arg} 的值 “{value}” 无效：应为 {expected}",
        en: "invalid value '{value}' for '{arg}': expected {expected}",
    }
    /// What a number option accepts.
    arg_range(min, max) {
        zh: "{min} 到 {max} 之间的整数",
        en: "a whole number from {min} to {max}",
    }
    /// Required arguments are missing.
    arg_missing(args) {
        zh: "缺少必需的参数：{args}",
        en: "missing required arguments: {args}",
    }
    /// The subcommand is unknown.
    subcommand_unknown(name, known) {
        zh: "没有 “{name}” 这个命令；可用的命令：{known}",
        en: "unrecognized subcommand '{name}'; the commands are: {known}",
    }
    /// No subcommand was given.
    subcommand_missing(known) {
        zh: "请给出一个命令：{known}",
        en: "give a command: {known}",
    }
    /// Two options that cannot go together.
    arg_conflict(arg, other) {
        zh: "参数 {arg} 不能与 {other} 同时使用",
        en: "the argument '{arg}' cannot be used with '{other}'",
    }
    /// An option was given a value it does not take, or none it needs.
    arg_value_count(arg) {
        zh: "参数 {arg} 的值个数不对",
        en: "wrong number of values for '{arg}'",
    }
    /// Any other argument error: the parser's own English text follows.
    arg_other(detail) {
        zh: "命令行参数有误：{detail}",
        en: "{detail}",
    }
    /// After an argument error: where to read more.
    arg_more(command) {
        zh: "用法见：{command} --help",
        en: "For more information, try '{command} --help'.",
    }
}

//! The command line's help texts in both languages, applied to the argument
//! parser's definition at start-up ([`localize`]).
//!
//! Keys: `""` is the program, `"build"` a command, `"build.out"` an option of
//! a command, `"*.out"` an option of every command that has it.

use super::Lang;
use clap::Command;

/// One help text: key, Chinese, English.
pub type HelpEntry = (&'static str, &'static str, &'static str);

/// Every help text of the command line.
pub const HELP: &[HelpEntry] = &[
    (
        "",
        "nianbao（年报）：生成中等职业教育质量年度报告的 PDF 与 DOCX。",
        "nianbao (年报): builds the 中等职业教育质量年度报告 as PDF and DOCX.",
    ),
    (
        "build",
        "生成项目的报告（PDF 与 DOCX）。",
        "Build the report of a project directory.",
    ),
    (
        "check",
        "检查项目而不写出文件：读取并核对数据，然后在内存中排版，报告版面问题（数字超出单元格、表格拆页行数太少、标题落在页脚等）。",
        "Load and validate a project without writing anything; then typeset it and report layout faults (text wider than its cell, tables split with too few rows, stranded titles, …) as warnings.",
    ),
    (
        "init-data",
        "把六张附表写成 Excel 工作簿以便填写（已有数值时预先填入）。",
        "Write the six indicator tables as an Excel workbook to fill in (pre-filled with the project's current values, if any).",
    ),
    (
        "fonts",
        "列出找到的字体及其担任的角色。",
        "List the fonts found and the role each fills.",
    ),
    (
        "new",
        "新建一个可以直接生成的报告项目：report.json（各字段见 说明.md）、每个标准章节一个文件（含占位文字）、一张表、一幅图、一个案例、一个图表、附表工作簿和 report.schema.json。",
        "Create a new report project that builds at once: report.json (every field explained in 说明.md), one chapter per standard chapter with placeholder text, a table, a figure, a case, a chart, the indicator workbook and report.schema.json.",
    ),
    (
        "watch",
        "先生成一次，之后项目中每有改动就重新生成（保留 Typst 的缓存，只重排改动的部分）；改坏时保留上一次的正确结果。写出的 PDF 不含无障碍标签（页面与 build 的相同），正式发布请用 build 生成。",
        "Build, then rebuild on every change under the project (keeping Typst's caches, re-laying out only what changed); a broken edit keeps the last good outputs. Its PDF has no accessibility tags (the pages are build's): publish the PDF that build writes.",
    ),
    (
        "serve",
        "在浏览器中预览报告：页面、检查结果（点击跳到所在页）和目录；每次保存后自动重新生成并更新页面；可下载当前的 PDF 与 DOCX。只在本机 127.0.0.1 上提供。",
        "Preview the report in a browser: its pages, the findings (click to go to the page) and the outline; rebuilt and updated on every save; the current PDF and DOCX to download. Served on 127.0.0.1 only.",
    ),
    (
        "serve.port",
        "本机 127.0.0.1 上的端口（0：由系统任选一个空闲端口）。",
        "The port on 127.0.0.1 (0: any free port).",
    ),
    (
        "schema",
        "输出 report.json 的 JSON Schema（编辑器据此补全和检查字段）。",
        "Print the JSON Schema of report.json (editors use it to complete and check the fields).",
    ),
    (
        "*.project",
        "项目目录（含 report.json）。",
        "The project directory (holding report.json).",
    ),
    (
        "*.out",
        "输出目录；文件以项目目录命名。",
        "Output directory; files are named after the project directory.",
    ),
    ("*.format", "要写出哪些文件。", "Which outputs to write."),
    (
        "*.allow_errors",
        "数据不一致时仍然生成（作为警告报告）。",
        "Build even when the numbers are inconsistent (reported as warnings).",
    ),
    (
        "*.font_path",
        "另外的字体目录（先于系统字体和内置字体查找）。",
        "Additional font directories (searched before system and bundled fonts).",
    ),
    (
        "*.no_system_fonts",
        "不使用系统字体（只用 --font-path 和内置字体）。",
        "Do not use the system's fonts (only --font-path and the bundled ones).",
    ),
    (
        "*.lang",
        "界面语言：zh（默认）或 en；不给时看 LC_ALL / LC_MESSAGES / LANG。",
        "The language of messages: zh (the default) or en; without it, LC_ALL / LC_MESSAGES / LANG decide.",
    ),
    ("*.help", "显示帮助。", "Print help."),
    ("*.version", "显示版本。", "Print version."),
    (
        "build.emit_typst",
        "同时把生成的 Typst 源文件和素材写到此目录。",
        "Also write the generated Typst sources and assets to this directory.",
    ),
    (
        "build.for_print",
        "生成交给印刷厂的 PDF（PDF 1.7，文字为单黑 K100，3 毫米出血并带 TrimBox；同时输出印前检查），而不是用于发布和存档的 PDF/A-2b。",
        "A PDF for the print shop (PDF 1.7, text in pure K black, 3 mm bleed and a TrimBox; the print preflight is printed) instead of PDF/A-2b for publishing and archiving.",
    ),
    (
        "build.crop_marks",
        "与 --for-print 一起用：在出血之外加角线，并写入 BleedBox。",
        "With --for-print: crop marks (角线) outside the bleed, and the BleedBox written.",
    ),
    (
        "build.pad_to",
        "在 PDF 末尾补空白页，使页数为 N 的倍数（骑马钉装订用 4）；N 为 1 到 64。",
        "Pad the PDF with blank pages to a multiple of N pages (4 for a saddle-stitched booklet); N from 1 to 64.",
    ),
    (
        "check.allow_errors",
        "数据不一致只作为警告报告（退出码为 0）。",
        "Report inconsistent numbers as warnings (exit code 0).",
    ),
    (
        "check.no_layout",
        "跳过排版和版面检查（更快）。",
        "Skip typesetting and the layout check (faster).",
    ),
    (
        "check.print",
        "同时对印刷用 PDF（在内存中生成）做印前检查：图片分辨率、RGB 内容、过小的字、过细的线、靠近裁切边的内容、字体；有错误时退出码为 1。",
        "Also run the print preflight on the print shop's PDF (built in memory): image resolution, RGB content, small type, hairlines, content near the trim, fonts; exit code 1 on any error.",
    ),
    (
        "init-data.out",
        "工作簿写到哪里［默认：<项目>/data/indicators.xlsx］。",
        "Where to write the workbook [default: <project>/data/indicators.xlsx].",
    ),
    (
        "init-data.schools",
        "分校表中的学校名称，用逗号分隔（项目中还没有数值时）。",
        "School names for the per-school table, comma-separated (when the project has no values yet).",
    ),
    (
        "init-data.force",
        "替换已有的文件。",
        "Replace an existing file.",
    ),
    (
        "new.dir",
        "要创建的文件夹（必须还不存在，或为空）。",
        "The folder to create (it must not exist yet, or be empty).",
    ),
    ("new.kind", "报告的种类。", "Which kind of report."),
    (
        "schema.indicators",
        "改为输出附表数值文件（JSON 形式的 appendix.values）的 Schema。",
        "The schema of the indicator values file (appendix.values as JSON) instead.",
    ),
];

/// The words the parser prints around the help texts: (zh, en).
const USAGE: (&str, &str) = ("用法", "Usage");
const COMMANDS: (&str, &str) = ("命令", "Commands");
const ARGUMENTS: (&str, &str) = ("参数", "Arguments");
const OPTIONS: (&str, &str) = ("选项", "Options");
const DEFAULT: (&str, &str) = ("默认", "default");
const POSSIBLE: (&str, &str) = ("可选", "possible values");

fn pick(lang: Lang, pair: (&'static str, &'static str)) -> &'static str {
    match lang {
        Lang::Zh => pair.0,
        Lang::En => pair.1,
    }
}

/// The help text of `key` (see the module doc), falling back from
/// `command.arg` to `*.arg`.
pub fn text(lang: Lang, command: &str, arg: Option<&str>) -> Option<&'static str> {
    let find = |key: &str| {
        HELP.iter()
            .find(|(k, _, _)| *k == key)
            .map(|&(_, zh, en)| pick(lang, (zh, en)))
    };
    match arg {
        None => find(command),
        Some(arg) => find(&format!("{command}.{arg}")).or_else(|| find(&format!("*.{arg}"))),
    }
}

/// The parser's definition with every help text, heading and note in `lang`.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    let cmd = localize_one(cmd, "", lang).subcommand_help_heading(pick(lang, COMMANDS));
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    names.into_iter().fold(cmd, |cmd, name| {
        let key = name.clone();
        cmd.mut_subcommand(name, |s| localize_one(s, &key, lang))
    })
}

fn localize_one(mut cmd: Command, key: &str, lang: Lang) -> Command {
    if let Some(about) = text(lang, key, None) {
        cmd = cmd.about(about).long_about(None::<&str>);
    }
    let usage = pick(lang, USAGE);
    cmd = cmd
        .help_template(format!(
            "{{about-with-newline}}\n{usage}: {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(text(lang, key, Some("help")).unwrap_or_default()),
        );
    if key.is_empty() {
        cmd = cmd
            .disable_version_flag(true)
            .disable_help_subcommand(true)
            .arg(
                clap::Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(clap::ArgAction::Version)
                    .help(text(lang, key, Some("version")).unwrap_or_default()),
            );
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let help = text(lang, key, Some(&id));
        cmd = cmd.mut_arg(&id, |a| {
            let heading = if a.is_positional() {
                ARGUMENTS
            } else {
                OPTIONS
            };
            let mut note = Vec::new();
            let defaults: Vec<String> = a
                .get_default_values()
                .iter()
                .map(|v| v.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() {
                note.push(format!("{}: {}", pick(lang, DEFAULT), defaults.join(", ")));
            }
            let possible: Vec<String> = a
                .get_possible_values()
                .iter()
                .filter(|p| !p.is_hide_set())
                .map(|p| p.get_name().to_string())
                .collect();
            if !possible.is_empty() && a.get_action().takes_values() {
                note.push(format!("{}: {}", pick(lang, POSSIBLE), possible.join(", ")));
            }
            let mut line = help.unwrap_or_default().to_string();
            if !note.is_empty() {
                line.push_str(&format!(" [{}]", note.join("; ")));
            }
            let takes_values = a.get_action().takes_values();
            a.help(line)
                .long_help(None::<&str>)
                .hide_default_value(takes_values)
                .hide_possible_values(takes_values)
                .help_heading(pick(lang, heading))
        });
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo() -> Command {
        Command::new("nianbao").subcommand(
            Command::new("build")
                .arg(clap::Arg::new("project").required(true))
                .arg(clap::Arg::new("out").long("out").default_value("out")),
        )
    }

    #[test]
    fn help_is_in_the_chosen_language() {
        let mut zh = localize(demo(), Lang::Zh);
        let build = zh.find_subcommand_mut("build").unwrap();
        let help = build.render_help().to_string();
        assert!(help.contains("用法"), "{help}");
        assert!(help.contains("项目目录"), "{help}");
        assert!(help.contains("默认: out"), "{help}");
        assert!(!help.contains("Usage"), "{help}");
        let mut en = localize(demo(), Lang::En);
        let help = en
            .find_subcommand_mut("build")
            .unwrap()
            .render_help()
            .to_string();
        assert!(
            help.contains("Usage") && help.contains("The project directory"),
            "{help}"
        );
    }
}

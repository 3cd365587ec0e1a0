//! Files and folders: writing outputs, new projects, watching, init-data, the schema.

use crate::i18n::messages;

messages! {
    /// An output cannot be written: a folder has its name.
    folder_in_the_way() {
        zh: "无法写入：已有同名的文件夹",
        en: "cannot write: a folder of that name is in the way",
    }
    /// An output cannot be written (the system's reason).
    cannot_write(reason) { zh: "无法写入：{reason}", en: "cannot write: {reason}" }
    /// The output folder is a broken link.
    dangling_folder_link() {
        zh: "应为可以写入的文件夹，实际是一个指向不存在目标的链接",
        en: "expected a folder to write into, found a link to something that does not exist",
    }
    /// The output folder cannot be created.
    cannot_create_folder(reason) {
        zh: "无法创建文件夹：{reason}",
        en: "cannot create the directory: {reason}",
    }
    /// A built-in template file is not UTF-8.
    not_utf8() { zh: "应为 UTF-8 文本", en: "expected UTF-8 text" }
    /// `new`: the target is a link.
    new_target_is_link() {
        zh: "是一个链接，已拒绝：请给出新文件夹或空文件夹的路径",
        en: "is a link; refused: give the path of a new or empty folder",
    }
    /// `new`: the target is a file.
    new_target_not_folder() { zh: "已存在，且不是文件夹", en: "exists and is not a folder" }
    /// `new`: the target folder cannot be read.
    cannot_read_folder(reason) {
        zh: "无法读取文件夹：{reason}",
        en: "cannot read the folder: {reason}",
    }
    /// `new`: the target folder has files in it.
    new_folder_not_empty() {
        zh: "文件夹不是空的；nianbao new 只往新文件夹或空文件夹里写",
        en: "the folder is not empty; nianbao new writes only into a new or empty folder",
    }
    /// `watch`: the project folder cannot be opened.
    cannot_open_project(reason) {
        zh: "无法打开项目文件夹：{reason}",
        en: "cannot open the project directory: {reason}",
    }
    /// `watch --bench`: the project cannot be copied.
    cannot_copy(reason) { zh: "无法复制：{reason}", en: "cannot copy: {reason}" }
    /// `watch --bench`: report.json lists no chapters.
    no_chapters() { zh: "没有任何章节", en: "no chapters" }
    /// `watch --bench`: the first chapter has no plain paragraph.
    no_paragraph_to_edit() { zh: "没有可以修改的段落", en: "no paragraph to edit" }
    /// `watch`: a build succeeded.
    watch_built(ms) { zh: "已生成，用时 {ms} 毫秒", en: "built in {ms} ms" }
    /// `watch`: a build failed.
    watch_build_failed() {
        zh: "生成失败；保留上一次成功生成的文件",
        en: "build failed; the last good outputs are kept",
    }
    /// `serve` cannot open the project directory.
    serve_no_project(reason) {
        zh: "无法打开项目目录：{reason}",
        en: "cannot open the project directory: {reason}",
    }
    /// `serve` cannot listen on the port.
    serve_no_port(port, reason) {
        zh: "无法在 127.0.0.1:{port} 上提供预览：{reason}（可换一个端口，或用 --port 0 由系统任选）",
        en: "cannot listen on 127.0.0.1:{port}: {reason}",
    }
    /// `serve` cannot start a thread or its runtime.
    serve_no_start(reason) {
        zh: "无法启动预览服务：{reason}",
        en: "cannot start the server: {reason}",
    }
    /// The server stopped with an error.
    serve_stopped(reason) {
        zh: "预览服务已停止：{reason}",
        en: "the server stopped: {reason}",
    }
    /// `serve` is ready: where to open it.
    serving(project, port) {
        zh: "正在预览 {project}：请用浏览器打开 http://127.0.0.1:{port}/（按 Ctrl-C 停止）",
        en: "serving {project} at http://127.0.0.1:{port}/ (Ctrl-C to stop)",
    }
    /// A build inside `serve` crashed (a bug), reported like an error.
    serve_build_crashed() {
        zh: "生成过程意外中止",
        en: "the build stopped unexpectedly",
    }
    /// A build inside `serve` succeeded.
    serve_built(millis, pages, warnings) {
        zh: "生成完成，用时 {millis} 毫秒：{pages} 页，{warnings} 个警告",
        en: "built in {millis} ms: {pages} pages, {warnings} warnings",
    }
    /// A build inside `serve` failed.
    serve_build_failed() {
        zh: "生成失败；页面上仍显示上一次成功的结果",
        en: "build failed; the last good build is still shown",
    }
}

//! The DOCX backend.

use crate::i18n::messages;

messages! {
    /// A photo stored sideways cannot be turned upright for the DOCX.
    cannot_turn_image(reason) {
        zh: "无法把图片转正：{reason}",
        en: "cannot turn the image: {reason}",
    }
    /// The DOCX package cannot be written.
    cannot_write_package(reason) {
        zh: "无法写出 DOCX 文件包：{reason}",
        en: "cannot write the DOCX package: {reason}",
    }
}

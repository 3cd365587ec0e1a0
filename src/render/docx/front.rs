//! The pages before the body: cover, 内容真实性责任声明, 编制组, 前言, 目录
//! and the lists of tables, figures and cases.

use super::blocks;
use super::fields;
use super::figure::{Placement, fit};
use super::house::{EMU_PER_TWIP, FANG, HEI, TITLE, half_points};
use super::xml::{RunFmt, text_runs};
use super::{TocEntry, Writer};
use crate::error::Result;
use crate::model::house::Look;
use crate::model::*;

/// Twips in a millimetre.
fn mm(x: f64) -> u32 {
    (x * 1440.0 / 25.4).round() as u32
}

/// A centred line at an exact height (1.3 × the type size), `before` twips
/// below the previous one.
fn line(
    w: &mut Writer,
    text: &str,
    font: &'static str,
    size: u32,
    bold: bool,
    before: u32,
    extra: &str,
) {
    let mut c = String::new();
    text_runs(
        &mut c,
        text,
        &RunFmt {
            bold,
            east_asia: Some(font),
            size: Some(size),
            ..RunFmt::default()
        },
    );
    let h = size * 13;
    w.p(
        "Normal",
        &format!(r#"{extra}<w:spacing w:before="{before}" w:after="0" w:line="{h}" w:lineRule="exact"/><w:jc w:val="center"/>"#),
        &c,
    );
}

/// The cover: region, title, year, (image), compiler and month; the lower
/// lines pushed to the foot of the page. Faces, sizes and gaps come from
/// the house style's `[cover]`, as in the PDF.
pub fn cover(w: &mut Writer) -> Result<()> {
    let c = &w.doc.meta.cover;
    let g = &w.doc.house.cover;
    let height = w.house.text_height();
    // A line is 1.3 × its size high (see `line`): half-points × 13 twips;
    // a cover line may hold line breaks.
    let tall = |l: &Look, text: &str| half_points(l.size_pt) * 13 * text.split('\n').count() as u32;
    let put = |w: &mut Writer, text: &str, l: &Look, before: u32| {
        line(
            w,
            text,
            l.font.docx_face(),
            half_points(l.size_pt),
            l.bold,
            before,
            "",
        )
    };
    // The upper lines from the top; a line left out takes its gap with it.
    let mut before = mm(g.top_mm);
    let mut used = mm(g.top_mm);
    for (text, look, gap) in [
        (&c.region_line, &g.region, 0),
        (&c.title, &g.title, mm(g.title_gap_mm)),
        (&c.year_line, &g.year, mm(g.year_gap_mm)),
    ] {
        if let Some(t) = text {
            put(w, t, look, before + gap);
            used += gap + tall(look, t);
            before = 0;
        }
    }
    // The lower lines at the foot of the page.
    let lower = [
        (&c.compiler_line, &g.compiler, 0),
        (&c.date_line, &g.date, mm(g.date_gap_mm)),
    ];
    let mut bottom = mm(g.bottom_mm);
    let mut first_lower = true;
    for (text, look, gap) in lower {
        if let Some(t) = text {
            bottom += tall(look, t) + if first_lower { 0 } else { gap };
            first_lower = false;
        }
    }
    used += bottom + mm(6.0);
    if let Some(img) = &c.image {
        let room = height.saturating_sub(used + mm(g.image_gap_mm) + mm(15.0));
        let width = (w.house.text_width() as f64 * g.image_width) as u32;
        let (cx, cy) = fit(img, width, room);
        let run = w.picture(img, cx, cy, Placement::Inline)?;
        w.p(
            "Normal",
            &format!(r#"<w:spacing w:before="{}" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>"#, before + mm(g.image_gap_mm)),
            &run,
        );
        used += mm(g.image_gap_mm) + (cy / EMU_PER_TWIP) as u32;
    }
    let mut push = Some(height.saturating_sub(used));
    for (text, look, gap) in lower {
        if let Some(t) = text {
            let before = match push.take() {
                Some(p) => p,
                None => gap,
            };
            put(w, t, look, before);
        }
    }
    Ok(())
}

/// 内容真实性责任声明: title, statement, the seal and signature blanks (with
/// scans over them when given), date.
pub fn declaration(w: &mut Writer) -> Result<()> {
    let Some(d) = &w.doc.meta.declaration else {
        return Ok(());
    };
    line(
        w,
        &d.title,
        TITLE,
        44,
        true,
        mm(20.0),
        "<w:pageBreakBefore/>",
    );
    let fang = RunFmt {
        bold: false,
        east_asia: Some(FANG),
        size: Some(32),
        ..RunFmt::default()
    };
    let mut c = String::new();
    text_runs(&mut c, &d.text, &fang);
    w.p(
        "Normal",
        &format!(r#"<w:spacing w:before="{}" w:after="0" w:line="672" w:lineRule="exact"/><w:ind w:firstLine="640" w:firstLineChars="200"/><w:jc w:val="both"/>"#, mm(14.0)),
        &c,
    );
    // Labels in a column 10 characters wide, as the PDF's grid.
    let col = 10 * 320;
    let rows: [(&str, &String, &Option<Image>, f64, u32); 2] = [
        ("单位名称（盖章）：", &d.unit, &d.seal_image, 10.0, mm(24.0)),
        (
            "法定代表人（签名）：",
            &d.representative,
            &d.signature_image,
            6.0,
            mm(22.0),
        ),
    ];
    for (i, (label, value, img, dx_mm, before)) in rows.into_iter().enumerate() {
        let mut c = String::new();
        text_runs(&mut c, label, &fang);
        c.push_str("<w:r><w:tab/></w:r>");
        if let Some(img) = img {
            let (cx, cy) = if i == 0 {
                fit(img, mm(40.0), mm(40.0))
            } else {
                fit(img, mm(60.0), mm(16.0))
            };
            let dx = ((col + mm(dx_mm)) as u64 * EMU_PER_TWIP) as i64;
            let dy = -(cy as i64) / 2 + (160 * EMU_PER_TWIP) as i64;
            c.push_str(&w.picture(img, cx, cy, Placement::Over { dx, dy })?);
        }
        text_runs(&mut c, value, &fang);
        w.p(
            "Normal",
            &format!(r#"<w:tabs><w:tab w:val="left" w:pos="{col}"/></w:tabs><w:spacing w:before="{before}" w:after="0" w:line="480" w:lineRule="exact"/><w:jc w:val="left"/>"#),
            &c,
        );
    }
    let mut c = String::new();
    text_runs(&mut c, &d.date, &fang);
    w.p(
        "Normal",
        &format!(
            r#"<w:spacing w:before="{}" w:after="0"/><w:jc w:val="right"/>"#,
            mm(16.0)
        ),
        &c,
    );
    Ok(())
}

/// A title of a front-matter page (前言, 目录 …): looks like a chapter title,
/// is not listed in the TOC.
fn front_title(w: &mut Writer, text: &str) {
    let mut c = String::new();
    text_runs(&mut c, text, &RunFmt::default());
    w.p("FrontTitle", "", &c);
}

/// 编制组, 前言, 目录 and the lists.
pub fn front_matter(w: &mut Writer) -> Result<()> {
    let doc = w.doc;
    if let Some(team) = &doc.meta.team {
        line(
            w,
            &team.title,
            TITLE,
            36,
            true,
            mm(6.0),
            "<w:pageBreakBefore/>",
        );
        let mut first = true;
        for g in &team.groups {
            let mut c = String::new();
            text_runs(
                &mut c,
                &format!("{}：", g.role),
                &RunFmt {
                    east_asia: Some(HEI),
                    ..RunFmt::default()
                },
            );
            c.push_str("<w:r><w:tab/></w:r>");
            text_runs(&mut c, &g.members.join("\n"), &RunFmt::default());
            let before = if first {
                format!(r#"<w:spacing w:before="{}"/>"#, mm(10.0))
            } else {
                String::new()
            };
            first = false;
            w.p("TeamGroup", &before, &c);
        }
    }
    if !doc.preface.is_empty() {
        match &doc.preface_title {
            Some(t) => front_title(w, t),
            // Untitled: the paragraphs start a page of their own.
            None => w.page_break_next(),
        }
        blocks::blocks(w, &doc.preface, false)?;
    }
    if doc.style.toc {
        front_title(w, &doc.house.titles.contents);
        let max = w
            .headings
            .iter()
            .map(|e| e.level)
            .max()
            .unwrap_or(3)
            .clamp(1, 4);
        let headings = std::mem::take(&mut w.headings);
        let pages = w.pages.as_ref().map(|p| p.headings.clone());
        fields::toc(
            w,
            &format!("TOC \\o \"1-{max}\" \\h \\z"),
            &headings,
            pages.as_deref(),
            &|e: &TocEntry| format!("TOC{}", e.level),
        );
        w.headings = headings;
    }
    let lists = [
        (
            doc.style.list_tables,
            &doc.house.titles.tables,
            fields::SeqKind::Table,
        ),
        (
            doc.style.list_figures,
            &doc.house.titles.figures,
            fields::SeqKind::Figure,
        ),
        (
            doc.style.list_cases,
            &doc.house.titles.cases,
            fields::SeqKind::Case,
        ),
    ];
    for (on, title, kind) in lists {
        let entries = match kind {
            fields::SeqKind::Table => std::mem::take(&mut w.tables),
            fields::SeqKind::Figure => std::mem::take(&mut w.figures),
            fields::SeqKind::Case => std::mem::take(&mut w.cases),
        };
        if on && !entries.is_empty() {
            front_title(w, title);
            let instr = kind.list_field(doc.style.numbering.of(kind.kind()));
            let pages = w.pages.as_ref().map(|p| match kind {
                fields::SeqKind::Table => p.tables.clone(),
                fields::SeqKind::Figure => p.figures.clone(),
                fields::SeqKind::Case => p.cases.clone(),
            });
            fields::toc(w, &instr, &entries, pages.as_deref(), &|_| {
                "TableofFigures".to_string()
            });
        }
    }
    Ok(())
}

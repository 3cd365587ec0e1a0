//! Loaders: read a report project directory into the document model.
//!
//! `report.json` → metadata and settings; `data` files → template variables;
//! narrative files → minijinja → Markdown → blocks; indicator values → the
//! six appendix tables.

pub mod appendix;
pub mod attrs;
pub mod bound_table;
pub mod cache;
pub mod charts;
pub mod config;
pub mod data;
mod divs;
pub(crate) mod explain;
pub mod filters;
pub mod images;
pub mod markdown;
pub mod project;
pub mod template;

use crate::error::{Collector, Diagnostic, Error, Result};
use crate::i18n::msg;
use crate::model::*;
use cache::Cache;
use config::{FrontMatterNumbering, ReportConfig};
use markdown::Scope;
use project::Project;
use serde_json::{Map, Value};
use std::path::Path;

/// Loads the project at `dir`. Returns the document (not yet numbered) and
/// any warnings; every error found is reported at once.
pub fn load(dir: &Path) -> Result<(Document, Vec<Diagnostic>)> {
    load_with(dir, None)
}

/// [`load`], taking the chapters that are unchanged since an earlier build
/// from `cache` (a watch session's).
pub fn load_with(dir: &Path, cache: Option<&Cache>) -> Result<(Document, Vec<Diagnostic>)> {
    let project = Project::open(dir)?;
    let text = project.read_text("report.json", "report.json")?;
    let config = config::parse("report.json", &text)?;
    let mut errors = Collector::default();

    let data_ctx = template_context(&project, &config, &mut errors);
    let env = template::environment();
    let ctx = minijinja::Value::from_serialize(&data_ctx);

    let read = |rel: &str, field: &str, errors: &mut Collector| {
        errors.absorb(project.read_text(rel, &format!("report.json: {field}")))
    };
    let fill =
        |project: &Project, rel: &str, source: &str, scope: Scope, errors: &mut Collector| {
            let expanded = errors.absorb(template::expand(&env, rel, source, &ctx))?;
            Some(markdown::parse(
                project, &expanded, scope, &data_ctx, errors,
            ))
        };
    let narrative = |rel: &str, field: &str, scope: Scope, errors: &mut Collector| {
        let source = read(rel, field, errors)?;
        fill(&project, rel, &source, scope, errors)
    };
    if let Some(cache) = cache {
        cache.begin(&data_ctx);
    }

    let preface = match &config.preface {
        Some(p) => narrative(p.file(), "preface", Scope::Preface, &mut errors).unwrap_or_default(),
        None => Vec::new(),
    };
    // The chapters are read on two threads, each chapter's findings kept
    // apart, then taken in the chapters' order.
    let chapter = |(i, rel): (usize, &String)| {
        let mut found = Collector::default();
        let Some(source) = read(rel, &format!("chapters[{i}]"), &mut found) else {
            return (None, found);
        };
        if let Some((ch, diagnostics)) = cache.and_then(|c| c.get(rel, &source)) {
            found.diagnostics = diagnostics;
            return (ch, found);
        }
        let (noting, looked) = project.noting();
        let ch = fill(&noting, rel, &source, Scope::Body, &mut found)
            .and_then(|blocks| into_chapter(rel, blocks, &mut found));
        if let Some(cache) = cache {
            let looked = std::mem::take(&mut *looked.lock().unwrap_or_else(|e| e.into_inner()));
            cache.put(rel, source, looked, (ch.clone(), found.diagnostics.clone()));
        }
        (ch, found)
    };
    let all: Vec<_> = config.chapters.iter().enumerate().collect();
    let read = crate::par::map(&all, |&item| chapter(item));
    let mut chapters = Vec::new();
    for (ch, found) in read {
        errors.diagnostics.extend(found.diagnostics);
        chapters.extend(ch);
    }

    // The values were read once, into the template context.
    let appendix = match (&config.appendix, data_ctx.get("indicators")) {
        (Some(a), Some(values)) => appendix::build(
            &a.values,
            values,
            a.name.as_deref().unwrap_or(&config.region.name),
            a.code.as_deref().unwrap_or(&config.region.code),
            config.year,
            &mut errors,
        ),
        _ => Vec::new(),
    };

    let meta = meta(&project, &config, &mut errors);
    let style = style(&config);
    let mut house = errors
        .absorb(house_spec(&project, style.house))
        .unwrap_or_else(|| crate::model::house::built_in(style.house));
    // report.json's layout options override the spec: both backends follow.
    if let Some(sep) = &config.style.caption_separator {
        house.captions.separator = sep.clone();
    }
    let preface_title = match config.preface.as_ref().and_then(|p| p.title()) {
        Some(title) => title,
        None => Some(house.titles.preface.clone()),
    };
    let appendix_title = config
        .appendix
        .as_ref()
        .and_then(|a| a.title.clone())
        .unwrap_or_else(|| house.titles.appendix.clone());
    let typst_templates = errors
        .absorb(project.read_folder_texts("templates/typst"))
        .unwrap_or_default();
    for old in ["style-gongwen.typ", "style-report.typ"] {
        if typst_templates.contains_key(old) {
            errors.warning(
                format!("templates/typst/{old}"),
                msg::load::typst_style_file_ignored(),
            );
        }
    }
    let warnings = errors.finish()?;
    let Some(meta) = meta else {
        return Err(Error::at("report.json", msg::load::invalid_metadata()));
    };
    Ok((
        Document {
            meta,
            style,
            preface,
            preface_title,
            chapters,
            appendix,
            appendix_title,
            house,
            typst_templates,
            data: DataSources {
                context: data_ctx,
                files: config
                    .data
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .chain(
                        config
                            .appendix
                            .iter()
                            .map(|a| ("indicators".to_string(), a.values.clone())),
                    )
                    .collect(),
                validation: config.validation.clone(),
            },
        },
        warnings,
    ))
}

/// The house style's layout spec: the project's `templates/house/<name>.toml`
/// if it has one, else the built-in file.
fn house_spec(project: &Project, style: HouseStyle) -> Result<HouseSpec> {
    let rel = format!("templates/house/{}", crate::model::house::file_name(style));
    if !project.has_entry(&rel) {
        return Ok(crate::model::house::built_in(style));
    }
    let text = project.read_text(&rel, &rel)?;
    crate::model::house::parse(&text).map_err(|e| Error::at(&rel, e.trim_end().replace('\n', " ")))
}

/// The variables narrative templates see.
fn template_context(
    project: &Project,
    config: &ReportConfig,
    errors: &mut Collector,
) -> Map<String, Value> {
    let mut ctx = Map::new();
    let short = config
        .region
        .short
        .clone()
        .unwrap_or_else(|| config.region.name.clone());
    ctx.insert(
        "region".into(),
        serde_json::json!({ "name": config.region.name, "short": short, "code": config.region.code }),
    );
    ctx.insert("year".into(), Value::from(config.year));
    if let Some(unit) = &config.unit {
        ctx.insert("unit".into(), Value::from(unit.clone()));
    }
    if let Some(a) = &config.appendix
        && let Some(v) = errors.absorb(data::load_dataset(
            project,
            &a.values,
            "report.json: appendix.values",
        ))
    {
        ctx.insert("indicators".into(), v);
    }
    for (name, rel) in &config.data {
        let field = format!("report.json: data.{name}");
        if let Some(v) = errors.absorb(data::load_dataset(project, rel, &field)) {
            ctx.insert(name.clone(), v);
        }
    }
    ctx
}

/// Splits a chapter file's blocks under its single `#` heading.
fn into_chapter(file: &str, blocks: Vec<Block>, errors: &mut Collector) -> Option<Chapter> {
    let mut it = blocks.into_iter();
    let heading = match it.next() {
        Some(Block::Heading(h)) if h.level == 1 => h,
        _ => {
            errors.error(file, msg::load::chapter_title_missing());
            return None;
        }
    };
    let mut rest = Vec::new();
    for b in it {
        if let Block::Heading(h) = &b
            && h.level == 1
        {
            errors.error(h.origin.to_string(), msg::load::second_chapter_heading());
            continue;
        }
        rest.push(b);
    }
    Some(Chapter {
        heading,
        blocks: rest,
    })
}

fn optional_image(
    project: &Project,
    rel: &Option<String>,
    field: &str,
    errors: &mut Collector,
) -> Option<Image> {
    let rel = rel.as_ref()?;
    errors.absorb(images::load_image(
        project,
        rel,
        &format!("report.json: {field}"),
    ))
}

fn meta(project: &Project, c: &ReportConfig, errors: &mut Collector) -> Option<Meta> {
    let year = c.year;
    let region = &c.region.name;
    let short = c.region.short.clone().unwrap_or_else(|| region.clone());
    let unit = c.unit.clone().unwrap_or_default();
    // No date given: 1 January after the report year, the same every build;
    // it is written into the PDF's properties only, never printed.
    let date = match &c.document_date {
        Some(d) => Some(config::parse_date(d)?),
        None => None,
    };
    let (dy, dm, dd) = date.unwrap_or((year + 1, 1, 1));
    // A line left out takes its default; `null` leaves it off the cover.
    let line = |v: &Option<Option<String>>, default: Option<String>| match v {
        None => default,
        Some(v) => v.as_deref().map(crate::model::markup::br_to_newline),
    };
    let cv = &c.cover;
    let cover = Cover {
        region_line: line(&cv.region_line, Some(region.clone())),
        title: line(&cv.title, Some("中等职业教育质量年度报告".into())),
        year_line: line(&cv.year_line, Some(format!("（{year}年度）"))),
        compiler_line: line(
            &cv.compiler_line,
            (!unit.is_empty()).then(|| format!("{unit}编制")),
        ),
        date_line: line(&cv.date_line, date.map(|_| format!("{dy}年{dm}月"))),
        image: optional_image(project, &cv.image, "cover.image", errors),
    };
    let title = c
        .title
        .clone()
        .unwrap_or_else(|| format!("{short}中等职业教育质量年度报告（{year}年度）"));
    let declaration = c.declaration.as_ref().map(|d| {
        let dunit = d.unit.clone().unwrap_or_else(|| unit.clone());
        let signer = if dunit.is_empty() {
            "本单位"
        } else {
            &dunit
        };
        Declaration {
            title: d
                .title
                .clone()
                .unwrap_or_else(|| "内容真实性责任声明".into()),
            text: d.text.clone().unwrap_or_else(|| {
                format!("{signer}对{title}及相关附件的真实性、完整性和准确性负责。特此声明。")
            }),
            unit: dunit.clone(),
            representative: d.representative.clone().unwrap_or_default(),
            date: d.date.clone().unwrap_or_else(|| {
                date.map(|_| format!("{dy}年{dm}月{dd}日"))
                    .unwrap_or_default()
            }),
            seal_image: optional_image(project, &d.seal_image, "declaration.seal_image", errors),
            signature_image: optional_image(
                project,
                &d.signature_image,
                "declaration.signature_image",
                errors,
            ),
        }
    });
    let team = c.team.as_ref().map(|t| Team {
        title: t
            .title
            .clone()
            .unwrap_or_else(|| format!("{short}中等职业教育质量报告编制组")),
        groups: t
            .groups
            .iter()
            .map(|g| TeamGroup {
                role: g.role.clone(),
                members: g
                    .members
                    .iter()
                    .map(|m| match &m.title {
                        Some(t) if !t.is_empty() => format!("{}（{t}）", m.name),
                        _ => m.name.clone(),
                    })
                    .collect(),
            })
            .collect(),
    });
    Some(Meta {
        name: project.name.clone(),
        region_name: region.clone(),
        region_code: c.region.code.clone(),
        year,
        unit,
        document_date: (dy, dm, dd),
        dated: date.is_some(),
        cover,
        declaration,
        team,
        closing: c.closing.as_ref().map(|x| Closing {
            unit: x.unit.clone(),
            date: x.date.clone(),
            after: x.after.unwrap_or(ClosingPlace::Appendix),
        }),
        title,
    })
}

fn style(c: &ReportConfig) -> Style {
    let s = &c.style;
    let house = s.house.unwrap_or(HouseStyle::Gongwen);
    Style {
        house,
        headings: s.headings.unwrap_or(HeadingScheme::Decimal),
        numbering: s
            .numbering
            .map(|n| n.resolve())
            .unwrap_or(Numbering::uniform(NumberingScheme::Chapter)),
        running_header: s.running_header.clone(),
        toc: s.toc.unwrap_or(true),
        list_tables: s.lists.tables,
        list_figures: s.lists.figures,
        list_cases: s.lists.cases,
        roman_front_matter: s.front_matter_numbering != Some(FrontMatterNumbering::None),
        docx_native_charts: s.docx_charts != Some(config::DocxCharts::Image),
    }
}

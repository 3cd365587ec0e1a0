//! Typst's layout loop (the one `typst::compile` runs), able to start from
//! the pages of an earlier build.
//!
//! Typst lays a document out again and again until every introspection
//! (page numbers in the 目录, where a table's rows landed, how much room is
//! left under a figure) reads the same as in the pass before. Started from
//! nothing, the bureau sample needs all five passes. `nianbao watch` starts
//! from the pages of its last build instead: after a one-paragraph edit most
//! answers are already right, and the loop settles in one or two passes.
//! Whatever the start, a result is only taken once its introspections are
//! stable, so it is a layout Typst itself would accept.

use typst::World;
use typst::comemo::{self, Track};
use typst::diag::{SourceDiagnostic, SourceResult, Warned};
use typst::ecow::{EcoVec, eco_format};
use typst::engine::{Engine, Route, Sink, Traced};
use typst::foundations::{Output, StyleChain, Target, TargetElem};
use typst::introspection::{EmptyIntrospector, ITER_NAMES, Introspector, MAX_ITERS};
use typst::syntax::Span;
use typst::utils::Protected;
use typst_layout::PagedDocument;

/// What one compilation did, beside its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passes {
    /// Layout passes run (at most Typst's five).
    pub count: usize,
    /// Whether the last pass read what the one before wrote (otherwise the
    /// fifth pass is taken, as `typst::compile` does, with its warnings).
    pub settled: bool,
}

/// Compiles `world`'s main file to pages, as `typst::compile` does, with the
/// first layout pass reading the introspection of `start` (pages of an
/// earlier build of the same project) instead of nothing.
pub fn compile(
    world: &dyn World,
    start: Option<&PagedDocument>,
) -> (Warned<SourceResult<PagedDocument>>, Passes) {
    let mut sink = Sink::new();
    let mut passes = Passes {
        count: 0,
        settled: false,
    };
    let output = layout_loop(world, start, &mut sink, &mut passes).map_err(deduplicate);
    let warnings = sink.warnings();
    (Warned { output, warnings }, passes)
}

fn layout_loop(
    world: &dyn World,
    start: Option<&PagedDocument>,
    sink: &mut Sink,
    passes: &mut Passes,
) -> SourceResult<PagedDocument> {
    let world = world.track();
    let traced = Traced::default();
    let traced = traced.track();
    let library = world.library();
    let base = StyleChain::new(&library.styles);
    let target = TargetElem::target.set(Target::Paged).wrap();
    let styles = base.chain(&target);

    let main = world.source(world.main()).map_err(|e| {
        EcoVec::from([SourceDiagnostic::error(
            Span::detached(),
            eco_format!("{e}"),
        )])
    })?;
    let content = typst_eval::eval(
        world,
        library,
        traced,
        sink.track_mut(),
        Route::default().track(),
        &main,
    )?
    .content();

    let empty = EmptyIntrospector;
    let first: &dyn Introspector = match start {
        Some(doc) => Output::introspector(doc),
        None => &empty,
    };
    let mut history: Vec<PagedDocument> = Vec::with_capacity(MAX_ITERS);
    loop {
        let _scope = typst_timing::TimingScope::new(ITER_NAMES[history.len()]);
        passes.count = history.len() + 1;
        let introspector = history.last().map_or(first, |d| Output::introspector(d));
        let constraint = comemo::Constraint::new();
        let mut subsink = Sink::new();
        let document = {
            let mut engine = Engine {
                library,
                world,
                introspector: Protected::new(introspector.track_with(&constraint)),
                traced,
                sink: subsink.track_mut(),
                route: Route::default(),
            };
            PagedDocument::create(&mut engine, &content, styles)?
        };
        if constraint.validate(Output::introspector(&document)) {
            passes.settled = true;
            sink.extend_from_sink(subsink);
            return delayed_or(sink, document);
        }
        if history.len() == MAX_ITERS - 1 {
            let mut introspectors = [first; MAX_ITERS + 1];
            for (i, doc) in history.iter().enumerate() {
                introspectors[i + 1] = Output::introspector(doc);
            }
            introspectors[MAX_ITERS] = Output::introspector(&document);
            let warnings =
                typst::introspection::analyze(world, introspectors, subsink.introspections());
            sink.extend_from_sink(subsink);
            for warning in warnings {
                sink.warn(warning);
            }
            return delayed_or(sink, document);
        }
        history.push(document);
    }
}

/// The document, or the errors Typst delayed to the end.
fn delayed_or(sink: &mut Sink, document: PagedDocument) -> SourceResult<PagedDocument> {
    let delayed = sink.delayed();
    if delayed.is_empty() {
        Ok(document)
    } else {
        Err(delayed)
    }
}

/// The same error reported once (a span and message met again are dropped).
fn deduplicate(mut diags: EcoVec<SourceDiagnostic>) -> EcoVec<SourceDiagnostic> {
    let mut seen = std::collections::HashSet::new();
    diags.retain(|d| seen.insert(typst::utils::hash128(&(&d.span, &d.message))));
    diags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::typst::fonts::{FontOptions, FontSet};
    use crate::render::typst::world::ReportWorld;

    /// A document whose layout rests on introspection: a 目录 with page
    /// numbers, figure numbers, and text that depends on where it lands.
    fn source(extra: usize) -> String {
        let mut s = String::from("#outline()\n#pagebreak()\n");
        for i in 0..12 {
            s.push_str(&format!("= 第{i}章\n"));
            s.push_str(&"正文文字。".repeat(80 + if i == 2 { extra } else { 0 }));
            s.push_str("\n#context [本页是第#here().page()页。]\n");
            s.push_str("#figure(rect(height: 6cm), caption: [图])\n");
        }
        s
    }

    fn world(text: String) -> ReportWorld {
        let mut world = ReportWorld::new(FontSet::new(&FontOptions::default()), (2026, 1, 1), &[]);
        world.add_source("/main.typ", text).unwrap();
        world
    }

    fn pdf(doc: &PagedDocument) -> Vec<u8> {
        typst_pdf::pdf(doc, &Default::default()).unwrap()
    }

    #[test]
    fn from_nothing_it_is_typsts_own_compile() {
        let world = world(source(0));
        let theirs = typst::compile::<PagedDocument>(&world).output.unwrap();
        let (ours, passes) = compile(&world, None);
        assert!(passes.settled && passes.count >= 2, "{passes:?}");
        assert_eq!(pdf(&ours.output.unwrap()), pdf(&theirs));
    }

    #[test]
    fn from_earlier_pages_it_settles_sooner_on_the_same_pages() {
        let before = world(source(0));
        let (earlier, cold) = compile(&before, None);
        let earlier = earlier.output.unwrap();
        // Chapter 2 grows by a page: every later page number moves.
        let after = world(source(300));
        let (warm, passes) = compile(&after, Some(&earlier));
        assert!(passes.settled, "{passes:?}");
        let fresh = typst::compile::<PagedDocument>(&after).output.unwrap();
        assert_eq!(pdf(&warm.output.unwrap()), pdf(&fresh));
        // Unchanged input: the earlier pages are already the answer.
        let (again, passes) = compile(&before, Some(&earlier));
        assert_eq!(passes.count, 1, "cold took {cold:?}");
        assert_eq!(pdf(&again.output.unwrap()), pdf(&earlier));
    }
}

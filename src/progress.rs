//! A one-line progress display for builds that take over a second: the
//! current step and the time so far, redrawn in place on a terminal and
//! absent when the output is piped or redirected.

use crate::i18n::msg;
use std::io::Write;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// A step of a build, as shown on the progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Loading the project and checking its data.
    Check,
    /// Typst lays out the pages and writes the PDF.
    Layout,
    /// The DOCX is written (alone, when no PDF is built).
    Docx,
    /// The output files are written.
    Write,
}

impl Step {
    fn text(self, seconds: f64) -> String {
        let s = format!("{seconds:.1}");
        match self {
            Step::Check => msg::cli::progress_check(s),
            Step::Layout => msg::cli::progress_layout(s),
            Step::Docx => msg::cli::progress_docx(s),
            Step::Write => msg::cli::progress_write(s),
        }
    }
}

/// Nothing is drawn before this much time has passed.
const DELAY: Duration = Duration::from_secs(1);
const TICK: Duration = Duration::from_millis(100);

struct State {
    step: Step,
    /// A line is on the screen and must be cleared before other output.
    drawn: bool,
    done: bool,
}

/// The progress line of one build. Dropping it clears the line.
pub struct Progress {
    shared: Option<Arc<(Mutex<State>, Condvar)>>,
    thread: Option<std::thread::JoinHandle<()>>,
    started: Instant,
}

impl Progress {
    /// Starts the display; `enabled` is false when standard error is not a
    /// terminal (then nothing is ever drawn).
    pub fn start(enabled: bool) -> Progress {
        let started = Instant::now();
        if !enabled {
            return Progress {
                shared: None,
                thread: None,
                started,
            };
        }
        let shared = Arc::new((
            Mutex::new(State {
                step: Step::Check,
                drawn: false,
                done: false,
            }),
            Condvar::new(),
        ));
        let inner = Arc::clone(&shared);
        let thread = std::thread::spawn(move || {
            let (lock, wake) = &*inner;
            let mut state = lock.lock().unwrap_or_else(|e| e.into_inner());
            while !state.done {
                let elapsed = started.elapsed();
                if elapsed >= DELAY {
                    let line = state.step.text(elapsed.as_secs_f64());
                    let mut err = std::io::stderr().lock();
                    let _ = write!(err, "\r\x1b[2K{line}");
                    let _ = err.flush();
                    state.drawn = true;
                }
                state = wake
                    .wait_timeout(state, TICK)
                    .map(|(s, _)| s)
                    .unwrap_or_else(|e| e.into_inner().0);
            }
        });
        Progress {
            shared: Some(shared),
            thread: Some(thread),
            started,
        }
    }

    /// Shows `step` from now on.
    pub fn step(&self, step: Step) {
        if let Some(shared) = &self.shared {
            shared.0.lock().unwrap_or_else(|e| e.into_inner()).step = step;
        }
    }

    /// Prints `line` on standard error above the progress line.
    pub fn println(&self, line: &str) {
        match &self.shared {
            Some(shared) => {
                let mut state = shared.0.lock().unwrap_or_else(|e| e.into_inner());
                if state.drawn {
                    eprint!("\r\x1b[2K");
                    state.drawn = false;
                }
                eprintln!("{line}");
            }
            None => eprintln!("{line}"),
        }
    }

    /// The time since the build started.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(shared) = self.shared.take() {
            let (lock, wake) = &*shared;
            let drawn = {
                let mut state = lock.lock().unwrap_or_else(|e| e.into_inner());
                state.done = true;
                state.drawn
            };
            wake.notify_all();
            if let Some(t) = self.thread.take() {
                let _ = t.join();
            }
            let clear = lock.lock().map(|s| s.drawn).unwrap_or(drawn);
            if clear {
                eprint!("\r\x1b[2K");
            }
        }
    }
}

/// Whether `NIANBAO_TIMING` is set: the steps of a build print their times
/// (for profiling; see the README's bench).
pub(crate) fn timing() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("NIANBAO_TIMING").is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piped_build_draws_nothing_and_still_times() {
        let p = Progress::start(false);
        p.step(Step::Layout);
        assert!(p.shared.is_none() && p.thread.is_none());
        assert!(p.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn the_line_names_the_step_and_the_time() {
        let zh = crate::i18n::with_lang(crate::i18n::Lang::Zh, || Step::Layout.text(1.25));
        assert!(zh.contains("排版") && zh.contains("1.2"), "{zh}");
    }
}

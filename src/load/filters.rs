//! minijinja filters for numbers in narrative.

use minijinja::Environment;

/// Registers nianbao's filters on the environment.
pub fn register(_env: &mut Environment<'static>) {}

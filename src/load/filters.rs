//! minijinja filters and functions for the numbers reports print, so that a
//! sentence shows a figure from the data in the form the report uses:
//!
//! | in a template                         | prints            |
//! |---------------------------------------|-------------------|
//! | `{{ 35697.574 \| thousands(2) }}`     | `35,697.57`       |
//! | `{{ 57.3 \| fixed(2) }}`              | `57.30`           |
//! | `{{ 123456789 \| wan(2) }}` (元 → 万元) | `12345.68`        |
//! | `{{ ratio(2644, 2982) }}` (percent)    | `88.67`           |
//! | `{{ 3173 \| yoy(3221) }}`             | `下降1.5%`         |
//! | `{{ 12 \| cn }}`                      | `十二`             |

use crate::i18n::msg;
use crate::model::{numerals, numfmt};
use minijinja::value::Value;
use minijinja::{Environment, Error, ErrorKind};

/// Registers nianbao's filters and functions on the environment.
pub fn register(env: &mut Environment<'static>) {
    env.add_filter("thousands", thousands);
    env.add_filter("fixed", fixed);
    env.add_filter("wan", wan);
    env.add_filter("yoy", yoy);
    env.add_filter("cn", cn);
    env.add_filter("percent", percent);
    env.add_function("ratio", ratio);
}

/// A template value as a finite number: numbers, and text such as `"1,234.50"`.
pub fn number(v: &Value) -> Result<f64, Error> {
    let x = if let Some(s) = v.as_str() {
        s.trim().replace(',', "").parse::<f64>().map_err(|_| {
            Error::new(
                ErrorKind::InvalidOperation,
                msg::load::filter_not_number_text(s),
            )
        })?
    } else {
        f64::try_from(v.clone())
            .map_err(|_| Error::new(ErrorKind::InvalidOperation, msg::load::filter_not_number(v)))?
    };
    if !x.is_finite() {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            msg::load::filter_not_finite(v),
        ));
    }
    Ok(x)
}

/// A decimals argument, at most [`numfmt::MAX_DECIMALS`].
fn decimals(d: Option<usize>, default: usize) -> Result<usize, Error> {
    match d {
        Some(d) if d > numfmt::MAX_DECIMALS => Err(Error::new(
            ErrorKind::InvalidOperation,
            msg::load::filter_decimals(numfmt::MAX_DECIMALS, d),
        )),
        Some(d) => Ok(d),
        None => Ok(default),
    }
}

fn decimals_of(v: &Value) -> usize {
    match v.as_str() {
        Some(s) => numfmt::decimals_in(s),
        None => numfmt::decimals_in(&v.to_string()),
    }
    .min(numfmt::MAX_DECIMALS)
}

fn thousands(v: Value, d: Option<usize>) -> Result<String, Error> {
    let x = number(&v)?;
    Ok(numfmt::thousands(x, decimals(d, decimals_of(&v))?))
}

fn fixed(v: Value, d: Option<usize>) -> Result<String, Error> {
    Ok(numfmt::fixed(number(&v)?, decimals(d, 2)?))
}

fn wan(v: Value, d: Option<usize>) -> Result<String, Error> {
    Ok(numfmt::fixed(number(&v)? / 10_000.0, decimals(d, 2)?))
}

fn percent(v: Value, d: Option<usize>) -> Result<String, Error> {
    Ok(format!(
        "{}%",
        numfmt::fixed(number(&v)? * 100.0, decimals(d, 2)?)
    ))
}

fn ratio(part: Value, whole: Value, decimals: Option<usize>) -> Result<String, Error> {
    let (p, w) = (number(&part)?, number(&whole)?);
    if w == 0.0 {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            msg::load::ratio_zero(),
        ));
    }
    Ok(numfmt::fixed(p / w * 100.0, self::decimals(decimals, 2)?))
}

fn yoy(current: Value, previous: Value, decimals: Option<usize>) -> Result<String, Error> {
    let (c, p) = (number(&current)?, number(&previous)?);
    if p == 0.0 {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            msg::load::yoy_zero(),
        ));
    }
    let d = self::decimals(decimals, 1)?;
    let change = (c - p) / p.abs() * 100.0;
    let shown = numfmt::fixed(change.abs(), d);
    if shown.trim_start_matches(['0', '.']).is_empty() {
        return Ok("持平".into());
    }
    Ok(if change > 0.0 {
        format!("增长{shown}%")
    } else {
        format!("下降{shown}%")
    })
}

fn cn(v: Value) -> Result<String, Error> {
    let x = number(&v)?;
    if x < 0.0 || x.fract() != 0.0 || x >= 1e8 {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            msg::load::cn_range(v),
        ));
    }
    Ok(numerals::chinese(x as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(t: &str) -> String {
        let mut env = Environment::new();
        register(&mut env);
        env.render_str(t, ()).unwrap()
    }

    #[test]
    fn number_formats() {
        assert_eq!(render("{{ 35697.574 | thousands(2) }}"), "35,697.57");
        assert_eq!(render("{{ 1234567 | thousands }}"), "1,234,567");
        assert_eq!(render("{{ \"9420\" | thousands }}"), "9,420");
        assert_eq!(render("{{ 57.3 | fixed(2) }}"), "57.30");
        assert_eq!(render("{{ 123456789 | wan(2) }}"), "12345.68");
        assert_eq!(render("{{ ratio(2644, 2982) }}"), "88.67");
        assert_eq!(render("{{ 0.5731 | percent }}"), "57.31%");
        assert_eq!(render("{{ 3173 | yoy(3221) }}"), "下降1.5%");
        assert_eq!(render("{{ 110 | yoy(100) }}"), "增长10.0%");
        assert_eq!(render("{{ 100 | yoy(100) }}"), "持平");
        assert_eq!(render("{{ 12 | cn }}"), "十二");
        assert_eq!(render("{{ -1234.5 | thousands(1) }}"), "-1,234.5");
        assert_eq!(render("{{ 0.125 | fixed(2) }}"), "0.13");
        assert_eq!(render("{{ 2.675 | fixed(2) }}"), "2.68");
        assert_eq!(render("{{ 2.5 | fixed(0) }}"), "3");
        assert_eq!(render("{{ -0.004 | fixed(2) }}"), "0.00");
        assert_eq!(render("{{ -0.00001 | percent }}"), "0.00%");
        assert_eq!(render("{{ 2.675 | wan(6) }}"), "0.000268");
        assert_eq!(render("{{ 0.02675 | percent }}"), "2.68%");
        assert_eq!(render("{{ 2025 | cn }}"), "二千零二十五");
    }

    #[test]
    fn out_of_range_arguments_are_errors_not_panics() {
        let mut env = Environment::new();
        register(&mut env);
        for t in [
            "{{ 1 | fixed(65536) }}",
            "{{ 1 | thousands(65536) }}",
            "{{ 1 | wan(65536) }}",
            "{{ 1 | percent(65536) }}",
            "{{ ratio(1, 2, 65536) }}",
            "{{ 1 | yoy(2, 65536) }}",
            "{{ \"1e999\" | fixed }}",
            "{{ 100000000 | cn }}",
        ] {
            assert!(env.render_str(t, ()).is_err(), "{t}");
        }
    }
}

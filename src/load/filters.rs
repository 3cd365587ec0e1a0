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

use crate::validate::numerals;
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

/// A template value as a number: numbers, and text such as `"1,234.50"`.
pub fn number(v: &Value) -> Result<f64, Error> {
    if let Some(s) = v.as_str() {
        return s.trim().replace(',', "").parse::<f64>().map_err(|_| {
            Error::new(
                ErrorKind::InvalidOperation,
                format!("expected a number, found \"{s}\""),
            )
        });
    }
    f64::try_from(v.clone()).map_err(|_| {
        Error::new(
            ErrorKind::InvalidOperation,
            format!("expected a number, found {v}"),
        )
    })
}

/// `x` with `d` decimals, rounded half away from zero as reports do (四舍五入:
/// 0.125 → 0.13, 2.675 → 2.68), not to the nearest binary value.
pub fn round_fixed(x: f64, d: usize) -> String {
    let m = 10f64.powi(d as i32);
    let scaled = x.abs() * m;
    // A relative nudge absorbs binary representation error (2.675 is 2.67499…).
    let r = (scaled + 0.5 + scaled * 1e-12).floor() / m;
    let s = format!("{r:.d$}");
    if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("-{s}")
    } else {
        s
    }
}

/// `12345.6` with `d` decimals and `,` between thousands.
pub fn group_thousands(x: f64, decimals: usize) -> String {
    let s = round_fixed(x.abs(), decimals);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let mut out = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(&f);
    }
    if x < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.insert(0, '-');
    }
    out
}

fn decimals_of(v: &Value) -> usize {
    let n = number(v).unwrap_or(0.0);
    let s = v
        .as_str()
        .map(str::to_string)
        .unwrap_or_else(|| v.to_string());
    if n.fract() == 0.0 && !s.contains('.') {
        0
    } else {
        s.split_once('.').map(|(_, f)| f.len()).unwrap_or(0)
    }
}

fn thousands(v: Value, decimals: Option<usize>) -> Result<String, Error> {
    let x = number(&v)?;
    Ok(group_thousands(
        x,
        decimals.unwrap_or_else(|| decimals_of(&v)),
    ))
}

fn fixed(v: Value, decimals: Option<usize>) -> Result<String, Error> {
    Ok(round_fixed(number(&v)?, decimals.unwrap_or(2)))
}

fn wan(v: Value, decimals: Option<usize>) -> Result<String, Error> {
    Ok(format!(
        "{:.*}",
        decimals.unwrap_or(2),
        number(&v)? / 10_000.0
    ))
}

fn percent(v: Value, decimals: Option<usize>) -> Result<String, Error> {
    Ok(format!(
        "{:.*}%",
        decimals.unwrap_or(2),
        number(&v)? * 100.0
    ))
}

fn ratio(part: Value, whole: Value, decimals: Option<usize>) -> Result<String, Error> {
    let (p, w) = (number(&part)?, number(&whole)?);
    if w == 0.0 {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            "ratio(): the whole is 0",
        ));
    }
    Ok(round_fixed(p / w * 100.0, decimals.unwrap_or(2)))
}

fn yoy(current: Value, previous: Value, decimals: Option<usize>) -> Result<String, Error> {
    let (c, p) = (number(&current)?, number(&previous)?);
    if p == 0.0 {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            "yoy(): last year's figure is 0",
        ));
    }
    let d = decimals.unwrap_or(1);
    let change = (c - p) / p.abs() * 100.0;
    let shown = round_fixed(change.abs(), d);
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
    if x < 0.0 || x.fract() != 0.0 {
        return Err(Error::new(
            ErrorKind::InvalidOperation,
            "cn: expected a whole number ≥ 0",
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
        assert_eq!(group_thousands(-1234.5, 1), "-1,234.5");
        assert_eq!(render("{{ 0.125 | fixed(2) }}"), "0.13");
        assert_eq!(render("{{ 2.675 | fixed(2) }}"), "2.68");
        assert_eq!(render("{{ 2.5 | fixed(0) }}"), "3");
        assert_eq!(round_fixed(-0.004, 2), "0.00");
    }
}

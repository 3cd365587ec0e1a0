//! The one number formatter: every number nianbao prints (template filters,
//! bound tables, the appendix tables, chart labels) goes through here, so the
//! same value prints the same way everywhere.
//!
//! Rounding is half-up (四舍五入) on the *decimal* value the number was written
//! as: 2.675 → 2.68 and 0.005 → 0.01, although the nearest binary doubles are
//! just below. A result that rounds to zero never carries a minus sign.

/// The most decimals a number may be printed with.
pub const MAX_DECIMALS: usize = 10;

/// `x` with exactly `d` decimals (at most [`MAX_DECIMALS`]), rounded half-up.
/// `x` must be finite; callers check that where the value comes from.
pub fn fixed(x: f64, d: usize) -> String {
    let d = d.min(MAX_DECIMALS);
    // `{}` prints the shortest text that reads back as the same double: the
    // decimal value the number was written as (2.675 stays "2.675").
    let text = format!("{}", x.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes().take(d)).collect();
    digits.extend(std::iter::repeat_n(b'0', d.saturating_sub(frac.len())));
    if frac.as_bytes().get(d).is_some_and(|&c| c >= b'5') {
        round_up(&mut digits);
    }
    let int_len = digits.len() - d;
    let mut out = String::with_capacity(digits.len() + 2);
    if x.is_sign_negative() && digits.iter().any(|&c| c != b'0') {
        out.push('-');
    }
    out.push_str(std::str::from_utf8(&digits[..int_len]).unwrap_or("0"));
    if d > 0 {
        out.push('.');
        out.push_str(std::str::from_utf8(&digits[int_len..]).unwrap_or(""));
    }
    out
}

/// Adds one unit in the last place of a string of ASCII digits.
fn round_up(digits: &mut Vec<u8>) {
    for c in digits.iter_mut().rev() {
        if *c == b'9' {
            *c = b'0';
        } else {
            *c += 1;
            return;
        }
    }
    digits.insert(0, b'1');
}

/// `x` with `d` decimals and `,` between thousands: `12,345.50`.
pub fn thousands(x: f64, d: usize) -> String {
    let s = fixed(x, d);
    let (sign, body) = match s.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", s.as_str()),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let mut out = String::from(sign);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// `x` with at most `d` decimals, trailing zeros dropped (`12.50` → `12.5`),
/// as chart labels print.
pub fn compact(x: f64, d: usize) -> String {
    let s = fixed(x, d);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// How many decimals a number was written with: `"97.20"` → 2, `3` → 0.
pub fn decimals_in(text: &str) -> usize {
    text.trim()
        .split_once('.')
        .map(|(_, f)| f.chars().take_while(char::is_ascii_digit).count())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_up_on_the_decimal_value() {
        let cases: &[(f64, usize, &str, &str)] = &[
            (2.675, 2, "2.68", "2.68"),
            (0.005, 2, "0.01", "0.01"),
            (1e6, 2, "1000000.00", "1,000,000.00"),
            (-0.5, 0, "-1", "-1"),
            (12345.5, 0, "12346", "12,346"),
            (0.125, 2, "0.13", "0.13"),
            (2.5, 0, "3", "3"),
            (9.995, 2, "10.00", "10.00"),
            (999.5, 0, "1000", "1,000"),
            (-0.004, 2, "0.00", "0.00"),
            (-0.00001, 2, "0.00", "0.00"),
            (1.0e-7, 3, "0.000", "0.000"),
            (-1234.5, 1, "-1234.5", "-1,234.5"),
            (35697.574, 2, "35697.57", "35,697.57"),
        ];
        for &(x, d, f, t) in cases {
            assert_eq!(fixed(x, d), f, "fixed({x}, {d})");
            assert_eq!(thousands(x, d), t, "thousands({x}, {d})");
        }
    }

    #[test]
    fn decimals_are_capped() {
        assert_eq!(fixed(1.0, 65536).len(), 2 + MAX_DECIMALS);
    }

    #[test]
    fn compact_drops_trailing_zeros() {
        assert_eq!(compact(12.5, 2), "12.5");
        assert_eq!(compact(12.0, 2), "12");
        assert_eq!(compact(0.05, 1), "0.1");
        assert_eq!(compact(0.045, 1), "0");
    }

    #[test]
    fn decimals_written() {
        assert_eq!(decimals_in("97.20"), 2);
        assert_eq!(decimals_in("3"), 0);
        assert_eq!(decimals_in("32.2%"), 1);
    }
}

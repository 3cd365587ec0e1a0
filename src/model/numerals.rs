//! Chinese numerals and roman numerals as reports print them.

/// `1` → `一`, `10` → `十`, `12` → `十二`, `20` → `二十`, `105` → `一百零五`.
pub fn chinese(n: u64) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    if n < 10 {
        return DIGITS[n as usize].to_string();
    }
    if n < 20 {
        return format!(
            "十{}",
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[(n % 10) as usize]
            }
        );
    }
    if n < 100 {
        let tens = DIGITS[(n / 10) as usize];
        return if n.is_multiple_of(10) {
            format!("{tens}十")
        } else {
            format!("{tens}十{}", DIGITS[(n % 10) as usize])
        };
    }
    if n < 1000 {
        let rest = n % 100;
        let head = format!("{}百", DIGITS[(n / 100) as usize]);
        return match rest {
            0 => head,
            1..=9 => format!("{head}零{}", DIGITS[rest as usize]),
            _ => format!("{head}{}", with_leading_one(rest)),
        };
    }
    if n < 10_000 {
        let rest = n % 1000;
        let head = format!("{}千", DIGITS[(n / 1000) as usize]);
        return match rest {
            0 => head,
            1..=99 => format!("{head}零{}", with_leading_one(rest)),
            _ => format!("{head}{}", chinese(rest)),
        };
    }
    if n < 100_000_000 {
        let (high, low) = (n / 10_000, n % 10_000);
        let head = format!("{}万", chinese(high));
        return match low {
            0 => head,
            1..=999 => format!("{head}零{}", with_leading_one(low)),
            _ => format!("{head}{}", chinese(low)),
        };
    }
    n.to_string()
}

/// Inside a larger number, 10–19 read 一十…: 一百一十, 一千零一十.
fn with_leading_one(n: u64) -> String {
    if (10..20).contains(&n) {
        format!("一{}", chinese(n))
    } else {
        chinese(n)
    }
}

/// Upper-case roman numerals for front-matter page numbers.
pub fn roman(mut n: u64) -> String {
    const TABLE: [(u64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        let got: Vec<String> = [1, 5, 10, 12, 20, 21, 99, 100, 105, 110, 120]
            .iter()
            .map(|&n| chinese(n))
            .collect();
        assert_eq!(
            got,
            [
                "一",
                "五",
                "十",
                "十二",
                "二十",
                "二十一",
                "九十九",
                "一百",
                "一百零五",
                "一百一十",
                "一百二十"
            ]
        );
    }

    #[test]
    fn large_chinese_numerals() {
        assert_eq!(chinese(2025), "二千零二十五");
        assert_eq!(chinese(1010), "一千零一十");
        assert_eq!(chinese(3000), "三千");
        assert_eq!(chinese(1200), "一千二百");
        assert_eq!(chinese(10_000), "一万");
        assert_eq!(chinese(10_086), "一万零八十六");
        assert_eq!(chinese(120_000), "十二万");
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(14), "XIV");
    }
}

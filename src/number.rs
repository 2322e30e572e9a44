//! Numbers as reports write them: `21.5`, `16883`, `三千`, `两万`, `一百二十`, `1.2万亿`.

/// Value of a Chinese numeral digit (`两` counts as 2, `〇`/`零` as 0).
pub fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Multiplier of a magnitude character (`十` 10 … `亿` 1e8).
pub fn cn_magnitude(c: char) -> Option<f64> {
    Some(match c {
        '十' => 10.0,
        '百' => 100.0,
        '千' => 1e3,
        '万' => 1e4,
        '亿' => 1e8,
        _ => return None,
    })
}

/// Whether `c` can be part of a Chinese numeral.
pub fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || cn_magnitude(c).is_some()
}

/// Parse a Chinese numeral: `三千` → 3000, `两万` → 20000, `一百二十` → 120, `十五` → 15,
/// `万亿` → 1e12 (a bare magnitude counts as one of it).
///
/// ```
/// use report_lens::number::parse_cn_number;
/// assert_eq!(parse_cn_number("三千"), Some(3000.0));
/// assert_eq!(parse_cn_number("两万"), Some(20000.0));
/// assert_eq!(parse_cn_number("一百二十"), Some(120.0));
/// assert_eq!(parse_cn_number("万亿"), Some(1e12));
/// ```
pub fn parse_cn_number(s: &str) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    // total: completed sections above 万/亿; section: below the current big unit; digit: pending.
    let mut total = 0.0f64;
    let mut section = 0.0f64;
    let mut digit: Option<f64> = None;
    for c in s.chars() {
        if let Some(d) = cn_digit(c) {
            if digit.is_some() && d != 0 {
                // `二〇二六`-style digit strings are not quantities here.
                return None;
            }
            digit = Some(d as f64);
        } else if let Some(m) = cn_magnitude(c) {
            if m >= 1e4 {
                let pending = section + digit.take().unwrap_or(0.0);
                if pending == 0.0 {
                    // `万亿`, or a bare `万`: the magnitude multiplies what came before.
                    total = if total == 0.0 { m } else { total * m };
                } else {
                    total = (total + pending) * m;
                }
                section = 0.0;
            } else {
                section += digit.take().unwrap_or(1.0) * m;
            }
        } else {
            return None;
        }
    }
    Some(total + section + digit.unwrap_or(0.0))
}

/// Parse a small Chinese integer (`二十七` → 27), for dates and headings.
pub fn parse_cn_integer(s: &str) -> Option<i64> {
    let v = parse_cn_number(s)?;
    (v.fract() == 0.0).then_some(v as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        assert_eq!(parse_cn_number("十五"), Some(15.0));
        assert_eq!(parse_cn_number("二十七"), Some(27.0));
        assert_eq!(parse_cn_number("三千五百"), Some(3500.0));
        assert_eq!(parse_cn_number("一万二千"), Some(12000.0));
        assert_eq!(parse_cn_number("千亿"), Some(1e11));
        assert_eq!(parse_cn_number("二〇二六"), None);
    }
}

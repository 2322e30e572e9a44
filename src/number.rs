//! Numbers as reports write them: `21.5`, `16883`, `三千`, `两万`, `一百二十`, `1.2万亿`,
//! `一千零五`, `四百五` (450), `十五点七`.
//!
//! This is the *parser* half of reading a number (Recognizers-Text's split): `quantity` finds
//! where a number is, the functions here say what it is worth.

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

/// Whether `c` may follow `点` as a decimal digit (`十五点七`): a digit, but not `两`, which
/// after `点` is the word for "a little" (`一点两小时`) more often than a decimal.
pub fn is_cn_decimal_digit(c: char) -> bool {
    c != '两' && cn_digit(c).is_some()
}

/// What came last while reading the integer part of a numeral.
#[derive(Clone, Copy, PartialEq)]
enum Last {
    Start,
    Digit,
    Zero,
    Magnitude,
}

/// Parse a Chinese numeral: `三千` → 3000, `两万` → 20000, `一百二十` → 120, `十五` → 15,
/// `万亿` → 1e12 (a bare magnitude counts as one of it), `一千零五` → 1005, `四百五` → 450 (a
/// last digit right after 百/千/万/亿 is the next place down), `四亿五千六百四十二万零一十五`,
/// `两千三点一` → 2300.1.
///
/// Digit strings (`二〇二六`, a year) and approximations (`二三十`) are not quantities: `None`.
/// The work is one pass over `s`.
///
/// ```
/// use report_lens::number::parse_cn_number;
/// assert_eq!(parse_cn_number("三千"), Some(3000.0));
/// assert_eq!(parse_cn_number("两万"), Some(20000.0));
/// assert_eq!(parse_cn_number("一百二十"), Some(120.0));
/// assert_eq!(parse_cn_number("万亿"), Some(1e12));
/// assert_eq!(parse_cn_number("一千零五"), Some(1005.0));
/// assert_eq!(parse_cn_number("两千三百五"), Some(2350.0));
/// assert_eq!(parse_cn_number("十五点七"), Some(15.7));
/// assert_eq!(parse_cn_number("二〇二六"), None);
/// ```
pub fn parse_cn_number(s: &str) -> Option<f64> {
    let (int, frac) = match s.split_once('点') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    let whole = parse_cn_whole(int)?;
    let Some(frac) = frac else { return Some(whole) };
    if frac.is_empty() || !frac.chars().all(is_cn_decimal_digit) || whole.fract() != 0.0 || whole >= 9e15 {
        return None;
    }
    // Read the decimals as written (`点三三` → .33) so the value is the nearest double to the
    // decimal number, not a sum of rounded parts.
    let digits: String = frac.chars().filter_map(cn_digit).map(|d| char::from(b'0' + d as u8)).collect();
    format!("{}.{digits}", whole as u64).parse().ok()
}

/// The integer part of a Chinese numeral (no `点`).
fn parse_cn_whole(s: &str) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    // total: completed sections at and above 万/亿; section: below the current big unit;
    // digit: pending; place: the magnitude the pending digit follows directly (for `四百五`).
    let mut total = 0.0f64;
    let mut last_big: Option<f64> = None;
    let mut section = 0.0f64;
    let mut digit: Option<f64> = None;
    let mut place: Option<f64> = None;
    let mut last = Last::Start;
    for c in s.chars() {
        if let Some(d) = cn_digit(c) {
            if last == Last::Digit {
                // `二〇二六` (a year written digit by digit), `二三十` (twenty or thirty).
                return None;
            }
            if d == 0 {
                // `一千零五`: a zero holds an empty place; what follows is not `四百五`-style.
                place = None;
                last = Last::Zero;
            } else {
                digit = Some(f64::from(d));
                last = Last::Digit;
            }
        } else if let Some(m) = cn_magnitude(c) {
            if m >= 1e4 {
                let pending = section + digit.take().unwrap_or(0.0);
                if pending == 0.0 {
                    // `万亿`, `四万万`, or a bare `万`: the magnitude multiplies what came before.
                    total = if total == 0.0 { m } else { total * m };
                } else if last_big.is_some_and(|b| m < b) {
                    // `四亿五千六百四十二万`: 万 below 亿 adds a lower section.
                    total += pending * m;
                } else {
                    total = (total + pending) * m;
                }
                last_big = Some(m);
                section = 0.0;
            } else {
                section += digit.take().unwrap_or(1.0) * m;
            }
            place = Some(m);
            last = Last::Magnitude;
        } else {
            return None;
        }
    }
    let tail = match (digit, place) {
        // `四百五` → 450, `一万三` → 13000; but `十五` → 15.
        (Some(d), Some(p)) if last == Last::Digit && p >= 100.0 => d * p / 10.0,
        (Some(d), _) => d,
        (None, _) => 0.0,
    };
    Some(total + section + tail)
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

    #[test]
    fn zeros_abbreviations_and_big_sections() {
        assert_eq!(parse_cn_number("一千零一"), Some(1001.0));
        assert_eq!(parse_cn_number("一百零一万一千"), Some(1_011_000.0));
        assert_eq!(parse_cn_number("九十二万四"), Some(924_000.0));
        assert_eq!(parse_cn_number("九万零四百"), Some(90_400.0));
        assert_eq!(parse_cn_number("四十五亿四千零四万"), Some(4_540_040_000.0));
        assert_eq!(parse_cn_number("四亿五千六百四十二万零一十五"), Some(456_420_015.0));
        assert_eq!(parse_cn_number("百三"), Some(130.0));
        assert_eq!(parse_cn_number("两千万点五五四四"), Some(20_000_000.554_4));
        assert_eq!(parse_cn_number("零点五"), Some(0.5));
        assert_eq!(parse_cn_number("二三十"), None);
        assert_eq!(parse_cn_number("一点两"), None);
        assert_eq!(parse_cn_number("点五"), None);
    }
}

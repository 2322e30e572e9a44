//! Headings: numbered (`一、…` depth 1, `（一）…` depth 2) and the unnumbered part titles of a
//! speech (`“十四五”时期工作回顾`).

/// Headings: `一、…`, `（一）…`, or a short line that does not end a sentence.
pub fn is_heading_line(line: &str) -> bool {
    let numbered = heading_number(line).is_some();
    // (At most 30 characters: certain within 30 bytes, impossible beyond 120, else counted.)
    let short = line.len() <= 30 || line.len() <= 120 && line.chars().count() <= 30;
    numbered || (short && !line.ends_with(['。', '：', '；', '！', '？', '，']))
}

/// The numbering of a heading line: `一、` or `（一）`.
pub fn heading_number(line: &str) -> Option<(&str, u8)> {
    let digits = |s: &str| s.chars().take_while(|&c| crate::normalize::is_cn_digit(c)).map(char::len_utf8).sum::<usize>();
    if let Some(rest) = line.strip_prefix('（') {
        let n = digits(rest);
        if n > 0 && n <= 9 && rest[n..].starts_with('）') {
            return Some((&line[..'（'.len_utf8() + n + '）'.len_utf8()], 2));
        }
        return None;
    }
    let n = digits(line);
    if n > 0 && n <= 9 && line[n..].starts_with('、') {
        return Some((&line[..n + '、'.len_utf8()], 1));
    }
    None
}


/// A heading without numbering: a short line of its own, not a sentence, that names a part of
/// the report (`“十四五”时期工作回顾`, `2026年重点工作`).
pub fn unnumbered_heading(line: &str) -> bool {
    // (4 to 20 characters take 4 to 80 bytes: most lines are rejected before counting.)
    if !(4..=80).contains(&line.len()) {
        return false;
    }
    let n = line.chars().count();
    (4..=20).contains(&n)
        && !line.ends_with(['。', '；', '：', '！', '？', '，', '、', ':'])
        && !line.contains(['，', '。'])
        && heading_number(line).is_none()
        && crate::cues::PART_HEADING_ENDS.iter().any(|w| line.ends_with(w))
}


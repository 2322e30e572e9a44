//! PDF-to-text and web-page artifacts → clean text, with a map back to the original.
//!
//! Reports arrive as PDF-to-text output (page markers like `- 2 -`, hard line breaks inside
//! words and numbers: `16883\n- 2 -\n元`), as web pages (ideographic spaces, `\u{200b}`), and with
//! full-width digits and punctuation. Every later stage works on the clean text; every clean
//! byte remembers the original character it came from, so a quote can be cut from the original
//! and highlighted in it.

/// Clean text plus, for each of its bytes, the byte range of the original character it came
/// from.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The clean text: one paragraph (or heading) per line, no spaces between Chinese
    /// characters, ASCII digits, `%`, and Chinese punctuation (`，；：（）`).
    pub text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
}

impl Normalized {
    /// The original byte range behind the clean byte range `start..end` (`start < end`).
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        if self.starts.is_empty() {
            return (0, 0);
        }
        let s = start.min(self.starts.len() - 1);
        let e = end.clamp(s + 1, self.ends.len());
        (self.starts[s] as usize, self.ends[e - 1] as usize)
    }

    fn push(&mut self, c: char, orig_start: u32, orig_end: u32) {
        self.text.push(c);
        let n = self.text.len();
        self.starts.resize(n, orig_start);
        self.ends.resize(n, orig_end);
    }
}

/// One character of a line after folding, with its original byte range.
#[derive(Clone, Copy)]
struct Ch {
    c: char,
    start: u32,
    end: u32,
}

/// Normalize a whole report. Never fails: unknown characters pass through unchanged.
///
/// ```
/// let n = report_lens::normalize::normalize("农村常住居民人均可支配收入 16883\n- 2 -\n元,同比增长 9.7%。");
/// assert_eq!(n.text, "农村常住居民人均可支配收入16883元，同比增长9.7%。");
/// ```
pub fn normalize(original: &str) -> Normalized {
    let (buf, ranges) = fold_lines(original);
    let lines: Vec<&[Ch]> = ranges.iter().map(|r| &buf[r.clone()]).collect();
    let width = wrap_width(&lines);
    let mut out = Normalized {
        text: String::with_capacity(original.len()),
        starts: Vec::with_capacity(original.len()),
        ends: Vec::with_capacity(original.len()),
    };
    let mut prev: Option<&[Ch]> = None;
    for &line in &lines {
        if line.is_empty() {
            // A blank line ends a paragraph.
            if prev.is_some() && !out.text.ends_with('\n') {
                if let Some(p) = prev {
                    let last = p[p.len() - 1];
                    out.push('\n', last.end, last.end);
                }
            }
            prev = None;
            continue;
        }
        if let Some(p) = prev {
            if !joins(p, line, width) {
                let last = p[p.len() - 1];
                out.push('\n', last.end, last.end);
            } else if is_ascii_word(p[p.len() - 1].c) && is_ascii_word(line[0].c) {
                // An English or numeric token broken across lines stays one token only for
                // digits; words get their space back.
                if !(p[p.len() - 1].c.is_ascii_digit() || line[0].c.is_ascii_digit()) {
                    out.push(' ', line[0].start, line[0].start);
                }
            }
        }
        for ch in line {
            out.push(ch.c, ch.start, ch.end);
        }
        prev = Some(line);
    }
    out
}

fn is_ascii_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Whether a line break between `prev` and `next` is a hard wrap inside a paragraph.
fn joins(prev: &[Ch], next: &[Ch], width: usize) -> bool {
    let last = prev[prev.len() - 1].c;
    let first = next[0].c;
    // A number or a unit broken across lines: `16883` / `元`, `25` / `0.3亿元`, `71.53亿` / `元`.
    if (last.is_ascii_digit() || last == '.') && (first.is_ascii_digit() || first == '.' || first == '%' || is_han(first)) {
        return true;
    }
    if matches!(last, '。' | '！' | '？' | '：' | '；' | '…') {
        return false;
    }
    if last == '”' && prev.len() >= 2 && matches!(prev[prev.len() - 2].c, '。' | '！' | '？') {
        return false;
    }
    // A lone opening bracket belongs to the heading on the next line: `（` / `三）改革…`.
    if prev.len() == 1 && matches!(last, '（' | '“' | '《') {
        return true;
    }
    if starts_heading(next) || starts_heading(prev) || starts_with(next, "各位代表") {
        return false;
    }
    // A short line that does not end a sentence is a title, a heading or page furniture.
    prev.len() * 10 >= width * 7
}

fn starts_with(line: &[Ch], word: &str) -> bool {
    let mut it = line.iter();
    word.chars().all(|w| it.next().is_some_and(|c| c.c == w))
}

/// Whether a line starts with heading numbering (`一、`, `（一）`, `第一部分`) or an item dash.
fn starts_heading(line: &[Ch]) -> bool {
    let mut i = 0;
    if line.first().map(|c| c.c) == Some('—') {
        return line.get(1).map(|c| c.c) == Some('—');
    }
    let open = line.first().map(|c| c.c) == Some('（');
    if open {
        i = 1;
    }
    let mut n = 0;
    while i < line.len() && is_cn_digit(line[i].c) {
        i += 1;
        n += 1;
    }
    if n == 0 || n > 3 || i >= line.len() {
        return false;
    }
    if open {
        line[i].c == '）'
    } else {
        line[i].c == '、'
    }
}

/// Chinese numerals used in heading numbers.
pub(crate) fn is_cn_digit(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// CJK ideographs (the basic block, extension A and 〇).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '〇')
}

/// The width at which the text was wrapped: long lines in PDF text, or a large number for
/// text with one line per paragraph (so that only short lines count as short).
fn wrap_width(lines: &[&[Ch]]) -> usize {
    let mut lens: Vec<usize> = lines.iter().map(|l| l.len()).filter(|&n| n >= 8).collect();
    if lens.len() < 12 {
        // Too few lines to tell a wrap width (a pasted fragment): every break inside a
        // sentence is a wrap.
        return 0;
    }
    lens.sort_unstable();
    lens[lens.len() * 9 / 10].max(8)
}

/// Split into lines, drop page markers, fold every character. All lines share one buffer;
/// each line is a range of it.
fn fold_lines(original: &str) -> (Vec<Ch>, Vec<std::ops::Range<usize>>) {
    let mut buf: Vec<Ch> = Vec::with_capacity(original.len() / 2);
    let mut lines = Vec::new();
    let mut line_start = 0;
    let mut raw_start = 0;
    let bytes = original.as_bytes();
    let mut iter = original.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c == '\n' || c == '\r' || c == '\u{c}' || c == '\u{2028}' || c == '\u{2029}' {
            if c == '\r' && iter.peek().map(|&(_, n)| n) == Some('\n') {
                iter.next();
            }
            finish_line(&mut buf, line_start, &mut lines, &original[raw_start..i]);
            line_start = buf.len();
            raw_start = i + c.len_utf8();
            continue;
        }
        push_folded(&mut buf, line_start, c, i, i + c.len_utf8(), bytes);
    }
    finish_line(&mut buf, line_start, &mut lines, &original[raw_start..]);
    (buf, lines)
}

fn finish_line(buf: &mut Vec<Ch>, start: usize, lines: &mut Vec<std::ops::Range<usize>>, raw: &str) {
    if is_page_marker(raw) {
        buf.truncate(start);
        return;
    }
    drop_spaces(buf, start);
    lines.push(start..buf.len());
}

/// `- 2 -`, `— 12 —`, `-2-`, `第 3 页`, `3/40`: page furniture of PDF-to-text output.
fn is_page_marker(raw: &str) -> bool {
    // Markers are short: reject everything else before looking closer (most lines are long).
    if raw.len() > 32 {
        return false;
    }
    let t: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return false;
    }
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '－' | '―');
    let inner = t.trim_start_matches(dash).trim_end_matches(dash);
    let had_dashes = inner.len() != t.len();
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if had_dashes && t.chars().next().is_some_and(dash) && t.chars().last().is_some_and(dash) && digits(inner) {
        return true;
    }
    if let Some(rest) = t.strip_prefix('第') {
        if let Some(num) = rest.strip_suffix('页') {
            return digits(num);
        }
    }
    false
}

/// Fold one original character into the line: full-width → ASCII digits/letters, ASCII
/// punctuation → Chinese punctuation, invisible characters dropped.
fn push_folded(line: &mut Vec<Ch>, line_start: usize, c: char, start: usize, end: usize, bytes: &[u8]) {
    let folded = match c {
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => return,
        '\0'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1f}' | '\u{7f}' => return,
        '\t' | '\u{a0}' | '\u{3000}' | '\u{2002}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => ' ',
        '％' | '﹪' => '%',
        '．' => '.',
        '，' | '﹐' => '，',
        ',' => {
            // A thousands separator (`1,234`) disappears; any other comma is a clause break.
            let prev_digit = line.len() > line_start && line.last().is_some_and(|p| p.c.is_ascii_digit());
            let next3 = bytes.get(end..end + 3).is_some_and(|b| b.iter().all(u8::is_ascii_digit));
            let next4_digit = bytes.get(end + 3).is_some_and(u8::is_ascii_digit);
            if prev_digit && next3 && !next4_digit {
                return;
            }
            '，'
        }
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        '!' => '！',
        '?' => '？',
        '～' => '~',
        '\u{ff01}'..='\u{ff5e}' => match c {
            '（' | '）' | '：' | '；' | '！' | '？' => c,
            _ => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        },
        _ => c,
    };
    line.push(Ch { c: folded, start: start as u32, end: end as u32 });
}

/// Remove the spaces of the line `buf[start..]` in place, except one between two ASCII letters
/// (English words).
fn drop_spaces(buf: &mut Vec<Ch>, start: usize) {
    if !buf[start..].iter().any(|c| c.c == ' ') {
        return;
    }
    let mut w = start;
    let mut r = start;
    while r < buf.len() {
        let ch = buf[r];
        if ch.c == ' ' {
            let mut j = r;
            while j < buf.len() && buf[j].c == ' ' {
                j += 1;
            }
            let before = (w > start).then(|| buf[w - 1].c);
            let after = buf.get(j).map(|n| n.c);
            if let (Some(b), Some(a)) = (before, after) {
                if b.is_ascii_alphabetic() && a.is_ascii_alphabetic() {
                    buf[w] = ch;
                    w += 1;
                }
            }
            r = j;
            continue;
        }
        buf[w] = ch;
        w += 1;
        r += 1;
    }
    buf.truncate(w);
}

/// UTF-16 offsets of byte offsets in a text, for the page (JS strings count UTF-16 units).
pub struct Utf16Index {
    table: Vec<u32>,
}

impl Utf16Index {
    pub fn new(text: &str) -> Self {
        let mut table = vec![0u32; text.len() + 1];
        let mut u = 0u32;
        for (i, c) in text.char_indices() {
            for k in 0..c.len_utf8() {
                table[i + k] = u;
            }
            u += c.len_utf16() as u32;
        }
        table[text.len()] = u;
        Utf16Index { table }
    }

    /// The UTF-16 offset of a byte offset (clamped to the text).
    pub fn of(&self, byte: usize) -> usize {
        self.table[byte.min(self.table.len() - 1)] as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_numbers_across_page_markers() {
        let n = normalize("收入 16883\n- 2 -\n元,同比增长 9.7%");
        assert_eq!(n.text, "收入16883元，同比增长9.7%");
    }

    #[test]
    fn keeps_short_heading_lines() {
        let text = "现在,我代表县人民政府向大会报告工作,请予审议,并请\n政协委员和列席会议的同志提出意见。\n一、2021 年工作回顾\n2021 年,我们坚持以习近平新时代中国特色社会主义思想\n为指导。";
        let n = normalize(text);
        assert!(n.text.contains("\n一、2021年工作回顾\n2021年，我们"), "{}", n.text);
    }

    #[test]
    fn maps_back_to_original() {
        let text = "完成地区生产总值 21.5 亿元";
        let n = normalize(text);
        let s = n.text.find("21.5").unwrap();
        let (a, b) = n.original_range(s, s + "21.5亿元".len());
        assert_eq!(&text[a..b], "21.5 亿元");
    }

    #[test]
    fn folds_full_width() {
        assert_eq!(normalize("增长２１.５％（预计）").text, "增长21.5%（预计）");
        assert_eq!(normalize("1,234,567元, 增长").text, "1234567元，增长");
    }
}

//! PDF-to-text and web-page artifacts → clean text, with a map back to the original.
//!
//! Reports arrive as PDF-to-text output (page markers like `- 2 -`, hard line breaks inside
//! words and numbers: `16883\n- 2 -\n元`), as web pages (ideographic spaces, `\u{200b}`), and with
//! full-width digits and punctuation. Every later stage works on the clean text; every clean
//! byte remembers the original character it came from, so a quote can be cut from the original
//! and highlighted in it.
//!
//! The map is a list of pieces, not one entry per byte: most of a report passes through
//! unchanged, so the clean text is built by copying whole runs of the original, and a piece
//! records where each run (or each changed or inserted character) came from.

/// A stretch of the clean text and where it came from.
#[derive(Debug, Clone, Copy)]
struct Piece {
    /// Start of the piece in the clean text.
    clean: u32,
    /// Start of its source in the original.
    orig: u32,
    /// `None`: the clean bytes are a verbatim copy of the original bytes from `orig` on.
    /// `Some(n)`: one clean character made from the `n` original bytes at `orig` (a folded,
    /// inserted or joined character; `n` may be 0).
    folded: Option<u32>,
}

/// Clean text plus a map of each of its bytes back to the original.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    /// The clean text: one paragraph (or heading) per line, no spaces between Chinese
    /// characters, ASCII digits, `%`, and Chinese punctuation (`，；：（）`).
    pub text: String,
    pieces: Vec<Piece>,
}

impl Normalized {
    /// The original byte range behind the clean byte range `start..end` (`start < end`).
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        if self.pieces.is_empty() || self.text.is_empty() {
            return (0, 0);
        }
        let start = start.min(self.text.len() - 1);
        let end = end.clamp(start + 1, self.text.len());
        let a = {
            let p = self.piece_at(start);
            match p.folded {
                None => p.orig + (start as u32 - p.clean),
                Some(_) => p.orig,
            }
        };
        let b = {
            let p = self.piece_at(end - 1);
            match p.folded {
                None => p.orig + (end as u32 - p.clean),
                Some(n) => p.orig + n,
            }
        };
        (a as usize, b.max(a) as usize)
    }

    fn piece_at(&self, clean: usize) -> Piece {
        let i = self.pieces.partition_point(|p| p.clean as usize <= clean);
        self.pieces[i.saturating_sub(1)]
    }

    /// Append `s`, a verbatim copy of the original from byte `orig` on.
    fn push_copy(&mut self, s: &str, orig: u32) {
        if s.is_empty() {
            return;
        }
        let clean = self.text.len() as u32;
        let extends = self.pieces.last().is_some_and(|p| p.folded.is_none() && p.orig + (clean - p.clean) == orig);
        if !extends {
            self.pieces.push(Piece { clean, orig, folded: None });
        }
        self.text.push_str(s);
    }

    /// The piece for a verbatim copy of the original from byte `orig` on, to be placed at byte
    /// `clean` of the text (the caller appends the text): none when it goes on from the last.
    fn push_copy_piece(&mut self, clean: u32, orig: u32) {
        let extends = self.pieces.last().is_some_and(|p| p.folded.is_none() && p.orig + (clean - p.clean) == orig);
        if !extends {
            self.pieces.push(Piece { clean, orig, folded: None });
        }
    }

    /// Append one character made from the original bytes `orig..orig_end`.
    fn push_folded(&mut self, c: char, orig: u32, orig_end: u32) {
        self.pieces.push(Piece { clean: self.text.len() as u32, orig, folded: Some(orig_end - orig) });
        self.text.push(c);
    }
}

/// One line after folding: its range in the folded buffer and its original ends.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    /// Characters in the folded line.
    chars: usize,
    /// Original byte offsets where its first character starts and its last one ends.
    orig_first: u32,
    orig_last_end: u32,
}

/// Normalize a whole report. Never fails: unknown characters pass through unchanged.
///
/// ```
/// let n = report_lens::normalize::normalize("农村常住居民人均可支配收入 16883\n- 2 -\n元,同比增长 9.7%。");
/// assert_eq!(n.text, "农村常住居民人均可支配收入16883元，同比增长9.7%。");
/// ```
pub fn normalize(original: &str) -> Normalized {
    // Traditional characters and pinyin notes: same byte length, same offsets.
    let simplified = crate::script::simplify(original);
    let original = simplified.as_deref().unwrap_or(original);
    let unflattened = unflatten(original);
    let (folded, lines) = fold_lines(unflattened.as_deref().unwrap_or(original));
    let width = wrap_width(&lines);
    // (Each line adds at most one character and one piece before it: a break or a space.)
    let mut out = Normalized { text: String::with_capacity(folded.text.len() + lines.len()), pieces: Vec::with_capacity(folded.pieces.len() + lines.len()) };
    let line_str = |l: &Line| &folded.text[l.start..l.end];
    let mut prev: Option<Line> = None;
    let mut pi = 0;
    for line in &lines {
        if line.chars == 0 {
            // A blank line ends a paragraph.
            if let Some(p) = prev {
                if !out.text.ends_with('\n') {
                    out.push_folded('\n', p.orig_last_end, p.orig_last_end);
                }
            }
            prev = None;
            continue;
        }
        let s = line_str(line);
        if let Some(p) = prev {
            let ps = line_str(&p);
            let last = ps.chars().next_back().unwrap_or(' ');
            let first = s.chars().next().unwrap_or(' ');
            if !joins(ps, p.chars, s, width) {
                out.push_folded('\n', p.orig_last_end, p.orig_last_end);
            } else if last.is_ascii_alphanumeric() && first.is_ascii_alphanumeric() && !(last.is_ascii_digit() || first.is_ascii_digit()) {
                // An English or numeric token broken across lines stays one token only for
                // digits; words get their space back.
                out.push_folded(' ', line.orig_first, line.orig_first);
            }
        }
        // Copy the line's pieces, shifted to their place in the output, and its text (from its
        // first piece on: the pieces' chunks, end to end) in one copy.
        while pi < folded.pieces.len() && (folded.pieces[pi].clean as usize) < line.start {
            pi += 1;
        }
        let from = pi;
        while pi < folded.pieces.len() && (folded.pieces[pi].clean as usize) < line.end {
            pi += 1;
        }
        if from < pi {
            let first = folded.pieces[from].clean as usize;
            let base = out.text.len();
            for p in &folded.pieces[from..pi] {
                // (Every piece has text: no two start at the same byte.)
                let clean = (base + (p.clean as usize - first)) as u32;
                match p.folded {
                    None => out.push_copy_piece(clean, p.orig),
                    Some(n) => out.pieces.push(Piece { clean, orig: p.orig, folded: Some(n) }),
                }
            }
            out.text.push_str(&folded.text[first..line.end]);
        }
        prev = Some(*line);
    }
    out
}

/// A line longer than this (in bytes) is a web page flattened into one line, not a paragraph.
const FLAT_LINE: usize = 9000;

/// A web page flattened into one long line (its paragraphs and headings joined by spaces)
/// gets its line breaks back: a space after the end of a sentence (`。 `, `： `) or before a
/// heading (` 二、`, ` （一）`, ` 各位代表`) becomes `\n`. The byte length stays the same, so
/// offsets into the result are offsets into the original. `None` when no line is that long.
/// One pass over the text.
fn unflatten(original: &str) -> Option<String> {
    // A page flattened into one line has few line breaks for its length: count them first
    // (a fast byte count) and look for a long line only then.
    // (`breaks * 200 > len` is `breaks > len / 200`: the count stops there, 64 bytes at a time
    // in a fold the compiler vectorizes.)
    if original.len() <= FLAT_LINE {
        return None;
    }
    let limit = original.len() / 200;
    let mut breaks = 0;
    for c in original.as_bytes().chunks(64) {
        breaks += usize::from(c.iter().fold(0u8, |n, &b| n + u8::from(b == b'\n')));
        if breaks > limit {
            return None;
        }
    }
    if !original.split('\n').any(|l| l.len() > FLAT_LINE) {
        return None;
    }
    let mut out = String::with_capacity(original.len());
    for (k, line) in original.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        if line.len() <= FLAT_LINE {
            out.push_str(line);
            continue;
        }
        let mut prev: Option<char> = None;
        // Characters left in a heading just started: the first space within them ends it
        // (` 三、2026年主要工作 今年是…`).
        let mut heading_left = 0usize;
        for (i, c) in line.char_indices() {
            let space = c == ' ' || c == '\t' || c == '\u{3000}';
            let after_end = prev.is_some_and(|p| matches!(p, '。' | '！' | '？' | '；' | '：' | ':'));
            let before_heading = space && starts_heading_or_address(&line[i + c.len_utf8()..]);
            let heading_end = space && heading_left > 0;
            heading_left = if matches!(c, '。' | '！' | '？') { 0 } else { heading_left.saturating_sub(1) };
            if space && prev.is_some_and(|p| !p.is_whitespace()) && (after_end || before_heading || heading_end) {
                heading_left = if before_heading { 40 } else { 0 };
                // Same length: a newline and, for an ideographic space, two ASCII spaces.
                out.push('\n');
                for _ in 1..c.len_utf8() {
                    out.push(' ');
                }
            } else {
                out.push(c);
            }
            prev = Some(c);
        }
    }
    Some(out)
}

/// `二、…`, `（一）…` or `各位代表` after optional spaces.
fn starts_heading_or_address(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t', '\u{3000}']);
    rest.starts_with("各位代表") || starts_heading(rest)
}

/// Whether a line break between `prev` (of `prev_chars` characters) and `next` is a hard wrap
/// inside a paragraph.
fn joins(prev: &str, prev_chars: usize, next: &str, width: usize) -> bool {
    let mut back = prev.chars().rev();
    let last = back.next().unwrap_or(' ');
    let first = next.chars().next().unwrap_or(' ');
    // A number or a unit broken across lines: `16883` / `元`, `25` / `0.3亿元`, `71.53亿` / `元` —
    // not an anti-copy token that ends in a digit (`…会议上hd9` / `陆志前hd9`).
    let token = prev.bytes().rev().take_while(u8::is_ascii_alphanumeric).take(8).collect::<Vec<u8>>();
    let junk = token.iter().any(u8::is_ascii_alphabetic);
    if (last.is_ascii_digit() || last == '.') && !junk && (first.is_ascii_digit() || first == '.' || first == '%' || is_han(first)) {
        return true;
    }
    if matches!(last, '。' | '！' | '？' | '：' | '；' | '…') || BULLETS.contains(&first) {
        return false;
    }
    // PDF text with every number on a line of its own (`增长` / `4.1` / `%，…`, `2021` / `年`
    // / `2` / `月`), and a line that starts with a clause break, go on the line before.
    // (A clause break may end it: `增长` / `8%；` / `财政收入增长` / `10%；`.)
    let figure = next.trim_end_matches(['；', '，', '、', '。', ';', ',']);
    let number_line = !figure.is_empty() && figure.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | '%'));
    if number_line && next.chars().next().is_some_and(|c| c.is_ascii_digit()) || matches!(first, '，' | '、' | '%' | '）') {
        return true;
    }
    if last == '”' && back.next().is_some_and(|c| matches!(c, '。' | '！' | '？')) {
        return false;
    }
    // A lone opening bracket belongs to the heading on the next line: `（` / `三）改革…`.
    if prev_chars == 1 && matches!(last, '（' | '“' | '《') {
        return true;
    }
    if starts_heading(next) || next.starts_with("各位代表") {
        return false;
    }
    // A heading line is short; a long line that starts with one (`——民生福祉持续增进。城镇…`,
    // an item wrapped at the page width) goes on in the next.
    if starts_heading(prev) && (width == 0 || prev_chars * 10 < width * 9) {
        return false;
    }
    // A short line that does not end a sentence is a title, a heading or page furniture.
    prev_chars * 10 >= width * 7
}

/// Bullets that open an item of their own (`●经济增长6%左右`, `■2025年成绩单`): a line that
/// starts with one never goes on the line before.
pub(crate) const BULLETS: &[char] = &['■', '□', '●', '◆', '◇', '▲', '★', '◎', '•', '▶', '·'];

/// Whether a line starts with heading numbering (`一、`, `（一）`, `第一部分`) or an item dash.
fn starts_heading(line: &str) -> bool {
    if let Some(rest) = line.strip_prefix('—') {
        return rest.starts_with('—');
    }
    let (open, rest) = match line.strip_prefix('（') {
        Some(r) => (true, r),
        None => (false, line),
    };
    let mut chars = rest.chars();
    let mut n = 0;
    let mut after = None;
    for c in chars.by_ref() {
        if is_cn_digit(c) {
            n += 1;
        } else {
            after = Some(c);
            break;
        }
    }
    if n == 0 || n > 3 {
        return false;
    }
    match after {
        Some(c) => c == if open { '）' } else { '、' },
        None => false,
    }
}

/// Chinese numerals used in heading numbers.
pub(crate) fn is_cn_digit(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// The lines of `text`, as `text.split('\n')` gives them, the breaks found with `memchr`
/// (vectorized; the standard library's search for a byte is not).
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut start = 0;
    let mut breaks = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        match breaks.next() {
            Some(k) => {
                let line = &text[start..k];
                start = k + 1;
                Some(line)
            }
            None => {
                done = true;
                Some(&text[start..])
            }
        }
    })
}

/// The characters of a short text as a 64-bit Bloom filter (one bit per character, chosen by a
/// hash of its code point): [`CharSet::may_have`] says `false` only for a character the text
/// does not hold, so a search for a character can be skipped when it says so. Built in one
/// pass over the text; for phrases, whose few characters leave most bits clear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CharSet(u64);

impl CharSet {
    pub fn of(s: &str) -> Self {
        CharSet(s.chars().fold(0, |m, c| m | Self::bit(c)))
    }

    #[inline]
    fn bit(c: char) -> u64 {
        1 << ((c as u32).wrapping_mul(0x9e37_79b9) >> 26)
    }

    /// `false`: `c` is not in the text; `true`: it may be.
    #[inline]
    pub fn may_have(self, c: char) -> bool {
        self.0 & Self::bit(c) != 0
    }

    /// `false`: the two texts have no character in common; `true`: they may have.
    #[inline]
    pub fn meets(self, other: CharSet) -> bool {
        self.0 & other.0 != 0
    }
}

/// CJK ideographs (the basic block, extension A and 〇).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '〇')
}

/// The width at which the text was wrapped: long lines in PDF text, or a large number for
/// text with one line per paragraph (so that only short lines count as short).
fn wrap_width(lines: &[Line]) -> usize {
    let mut lens: Vec<usize> = lines.iter().map(|l| l.chars).filter(|&n| n >= 8).collect();
    if lens.len() < 12 {
        // Too few lines to tell a wrap width (a pasted fragment): every break inside a
        // sentence is a wrap.
        return 0;
    }
    lens.sort_unstable();
    lens[lens.len() * 9 / 10].max(8)
}

/// What folding does to one character.
enum Fold {
    Keep,
    Drop,
    Space,
    To(char),
}

/// Full-width → ASCII digits and letters, ASCII punctuation → Chinese punctuation, invisible
/// characters dropped, every kind of space a space. (`,` is decided by the caller: it may be a
/// thousands separator.)
fn fold(c: char) -> Fold {
    match c {
        '!'..='~' => match c {
            ',' => Fold::To('，'),
            ';' => Fold::To('；'),
            ':' => Fold::To('：'),
            '(' => Fold::To('（'),
            ')' => Fold::To('）'),
            '!' => Fold::To('！'),
            '?' => Fold::To('？'),
            _ => Fold::Keep,
        },
        '\u{4e00}'..='\u{9fff}' => Fold::Keep,
        ' ' | '\t' | '\u{a0}' | '\u{3000}' | '\u{2002}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => Fold::Space,
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => Fold::Drop,
        '\0'..='\u{1f}' | '\u{7f}' => Fold::Drop,
        // `增长15℅` (the care-of sign typed for a percent sign).
        '％' | '﹪' | '℅' => Fold::To('%'),
        '．' => Fold::To('.'),
        // Small form variants (`﹔` between targets on some sites).
        '﹐' => Fold::To('，'),
        '﹑' => Fold::To('、'),
        '﹔' => Fold::To('；'),
        '﹕' => Fold::To('：'),
        '﹖' => Fold::To('？'),
        '﹗' => Fold::To('！'),
        '﹙' => Fold::To('（'),
        '﹚' => Fold::To('）'),
        '～' => Fold::To('~'),
        '（' | '）' | '：' | '；' | '！' | '？' | '，' => Fold::Keep,
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).map_or(Fold::Keep, Fold::To),
        _ => Fold::Keep,
    }
}

/// Split into lines, drop page markers, fold every character and drop spaces (but one between
/// two ASCII letters). All lines share one buffer.
fn fold_lines(original: &str) -> (Normalized, Vec<Line>) {
    // (Room for what folding adds, `,` → `，` being 1 → 3 bytes, and for a piece every dozen
    // bytes: PDF text folds a comma or a space every few characters. Growing either buffer
    // copies all of it.)
    let mut buf = Normalized { text: String::with_capacity(original.len() + original.len() / 8), pieces: Vec::with_capacity(original.len() / 12) };
    let mut lines = Vec::with_capacity(original.len() / 64);
    let bytes = original.as_bytes();
    let mut pos = 0;
    // After a page marker, blank lines are page furniture too: `…工业税收占\n\n   - 5 -\n全部税收比重…`
    // (a LibreOffice PDF through pdftotext) is one paragraph.
    let mut after_marker = false;
    while pos <= original.len() {
        let pieces_before = buf.pieces.len();
        let (line, len, consumed) = fold_line(&mut buf, &original[pos..], pos, bytes);
        if len <= 32 && is_page_marker(&original[pos..pos + len]) {
            buf.text.truncate(line.start);
            buf.pieces.truncate(pieces_before);
            while lines.last().is_some_and(|l: &Line| l.chars == 0) {
                lines.pop();
            }
            after_marker = true;
        } else if !(after_marker && line.chars == 0) {
            after_marker = false;
            lines.push(line);
        }
        pos += consumed;
    }
    (buf, lines)
}

/// Fold the line that starts `raw` (at byte `base` of the original) into `buf`, up to its line
/// break: `\n`, `\r`, `\r\n`, form feed, U+2028 or U+2029. Returns the line, the length of its
/// original text and how many bytes it used up with its break (one more than there are at the
/// end of the text, to end the caller's loop).
fn fold_line(buf: &mut Normalized, raw: &str, base: usize, bytes: &[u8]) -> (Line, usize, usize) {
    let start = buf.text.len();
    let mut line = Line { start, end: start, chars: 0, orig_first: base as u32, orig_last_end: base as u32 };
    // The run of unchanged characters not yet copied: `raw[run..i]`, of `run_chars` characters.
    let mut run = 0;
    let mut run_chars = 0;
    // Whether the last character (spaces included) was a digit, whether the last one kept was
    // an ASCII letter, and a pending run of spaces (the original range of its first space).
    let mut last_digit = false;
    let mut last_alpha = false;
    let mut space: Option<(u32, u32)> = None;
    let flush = |buf: &mut Normalized, line: &mut Line, run: usize, i: usize, n: usize| {
        if i > run {
            if line.chars == 0 {
                line.orig_first = (base + run) as u32;
            }
            buf.push_copy(&raw[run..i], (base + run) as u32);
            line.chars += n;
            line.orig_last_end = (base + i) as u32;
        }
    };
    let rb = raw.as_bytes();
    let mut i = 0;
    let mut brk = 1;
    while i < rb.len() {
        let x = rb[i];
        // Fast path: CJK ideographs U+4E00..U+9FFF (lead bytes E4..E9) pass through unchanged,
        // and so does the rest of U+3000..U+3FFF (lead byte E3: `、。《》`, extension A) but the
        // ideographic space U+3000 (E3 80 80), which `fold` makes a space.
        if (0xe4..=0xe9).contains(&x) || x == 0xe3 && !(rb[i + 1] == 0x80 && rb[i + 2] == 0x80) {
            space = None;
            run_chars += 1;
            last_digit = false;
            last_alpha = false;
            i += 3;
            continue;
        }
        if matches!(x, b'\n' | b'\r' | 0x0c) {
            brk = if x == b'\r' && rb.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            break;
        }
        if x == 0xe2 && rb.get(i + 1) == Some(&0x80) && matches!(rb.get(i + 2), Some(0xa8 | 0xa9)) {
            brk = 3;
            break;
        }
        let c = if x < 0x80 { x as char } else { raw[i..].chars().next().unwrap_or(' ') };
        let len = c.len_utf8();
        let f = match fold(c) {
            Fold::To(_) if c == ',' => {
                // A thousands separator (`1,234`) disappears; any other comma is a clause break.
                let end = base + i + 1;
                let next3 = bytes.get(end..end + 3).is_some_and(|b| b.iter().all(u8::is_ascii_digit));
                let next4_digit = bytes.get(end + 3).is_some_and(u8::is_ascii_digit);
                if last_digit && next3 && !next4_digit {
                    Fold::Drop
                } else {
                    Fold::To('，')
                }
            }
            f => f,
        };
        match f {
            Fold::Keep => {
                if let Some((s, e)) = space.take() {
                    // Spaces are dropped, except one between two English words.
                    if last_alpha && c.is_ascii_alphabetic() {
                        buf.push_folded(' ', s, e);
                        line.chars += 1;
                        line.orig_last_end = e;
                    }
                }
                run_chars += 1;
                last_digit = c.is_ascii_digit();
                last_alpha = c.is_ascii_alphabetic();
            }
            Fold::Drop => {
                flush(buf, &mut line, run, i, run_chars);
                run = i + len;
                run_chars = 0;
            }
            Fold::Space => {
                flush(buf, &mut line, run, i, run_chars);
                run = i + len;
                run_chars = 0;
                if space.is_none() {
                    space = Some(((base + i) as u32, (base + i + len) as u32));
                }
                last_digit = false;
            }
            Fold::To(d) => {
                flush(buf, &mut line, run, i, run_chars);
                if let Some((s, e)) = space.take() {
                    if last_alpha && d.is_ascii_alphabetic() {
                        buf.push_folded(' ', s, e);
                        line.chars += 1;
                    }
                }
                if line.chars == 0 {
                    line.orig_first = (base + i) as u32;
                }
                buf.push_folded(d, (base + i) as u32, (base + i + len) as u32);
                line.chars += 1;
                line.orig_last_end = (base + i + len) as u32;
                run = i + len;
                run_chars = 0;
                last_digit = d.is_ascii_digit();
                last_alpha = d.is_ascii_alphabetic();
            }
        }
        i += len;
    }
    flush(buf, &mut line, run, i, run_chars);
    line.end = buf.text.len();
    (line, i, i + brk)
}

/// `- 2 -`, `— 12 —`, `-2-`, `第 3 页`, `3/40`: page furniture of PDF-to-text output.
pub(crate) fn is_page_marker(raw: &str) -> bool {
    // Markers are short: reject everything else before looking closer (most lines are long).
    // Every marker has a digit, ASCII or full-width (lead byte EF): a line without either is
    // none.
    if raw.len() > 32 || !raw.bytes().any(|b| b.is_ascii_digit() || b == 0xef) {
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

/// UTF-16 offsets of byte offsets in a text, for the page (JS strings count UTF-16 units).
/// Built for a known set of offsets in one pass over the text.
pub struct Utf16Index<'a> {
    text: &'a str,
    /// (byte offset, UTF-16 offset), sorted.
    marks: Vec<(usize, usize)>,
}

impl<'a> Utf16Index<'a> {
    /// Convert `offsets` (byte offsets into `text`, any order).
    pub fn new(text: &'a str, offsets: impl IntoIterator<Item = usize>) -> Self {
        let mut bytes: Vec<usize> = offsets.into_iter().map(|b| b.min(text.len())).collect();
        bytes.sort_unstable();
        bytes.dedup();
        let mut marks = Vec::with_capacity(bytes.len());
        let (mut at, mut u) = (0, 0);
        for b in bytes {
            u += utf16_len(&text.as_bytes()[at..b]);
            at = b;
            marks.push((b, u));
        }
        Utf16Index { text, marks }
    }

    /// The UTF-16 offset of a byte offset (clamped to the text).
    pub fn of(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        match self.marks.binary_search_by_key(&byte, |m| m.0) {
            Ok(i) => self.marks[i].1,
            Err(_) => utf16_len(&self.text.as_bytes()[..byte]),
        }
    }
}

/// UTF-16 length of UTF-8 bytes: one unit per character, two for those outside the BMP.
/// A character starts at every byte that is not a continuation byte (`10xxxxxx`), and a
/// four-byte one at every `11110xxx`: both counted in byte-wide sums over 255 bytes at a time,
/// which the compiler vectorizes.
fn utf16_len(bytes: &[u8]) -> usize {
    let mut continuation = 0;
    let mut four = 0;
    for chunk in bytes.chunks(255) {
        let (c, f) = chunk.iter().fold((0u8, 0u8), |(c, f), &b| (c + u8::from(b & 0xc0 == 0x80), f + u8::from(b >= 0xf0)));
        continuation += usize::from(c);
        four += usize::from(f);
    }
    bytes.len() - continuation + four
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
    fn an_anti_copy_token_ending_in_a_digit_is_no_broken_number() {
        // 新晃侗族自治县 2020 (a document site's `hd9` after every line): the lines stay apart, so
        // the speaker keeps a line of his own; a number broken across lines still joins.
        let n = normalize(include_str!("../tests/fixtures/neverseen/batch7/xinhuang-county-2020.txt"));
        assert!(n.text.lines().any(|l| l.starts_with("陆志前")), "{:?}", &n.text[..600]);
        assert_eq!(normalize("城镇居民人均可支配收入达到3万元，农村居民人均可支配收入16\n883元").text.lines().count(), 1);
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
    fn utf16_len_counts_surrogate_pairs() {
        for s in ["", "a", "天峻县", "𠀀a𠀀bc天𠀀", "21.5亿元，增长9.7%。𠮷𠮷𠮷𠮷𠮷", "aaaaaaaaaaaaaaaaaaaaaaaaa𠀀"] {
            assert_eq!(utf16_len(s.as_bytes()), s.encode_utf16().count(), "{s}");
            for (i, _) in s.char_indices() {
                assert_eq!(utf16_len(&s.as_bytes()[..i]), s[..i].encode_utf16().count());
            }
        }
    }

    #[test]
    fn lines_split_as_str_split_does() {
        for t in ["", "\n", "a", "a\n", "\na", "一\n\n二\n", "天峻县\n2021年"] {
            assert_eq!(split_lines(t).collect::<Vec<_>>(), t.split('\n').collect::<Vec<_>>(), "{t:?}");
        }
    }

    #[test]
    fn char_sets_never_miss_a_character() {
        for s in ["", "规模以上工业增加值", "占GDP比重（现价）", "近3年全社会研发经费投入", "𠀀a、，"] {
            let m = CharSet::of(s);
            assert!(s.chars().all(|c| m.may_have(c)), "{s}");
        }
        assert!(!CharSet::of("").may_have('规'));
    }

    #[test]
    fn symbols_pass_and_the_ideographic_space_goes() {
        let n = normalize("生产总值\u{3000}增长、《报告》〇\u{3000}\u{3000}。");
        assert_eq!(n.text, "生产总值增长、《报告》〇。");
        let (a, b) = n.original_range(n.text.find('增').unwrap(), n.text.len());
        assert_eq!(&"生产总值\u{3000}增长、《报告》〇\u{3000}\u{3000}。"[a..b], "增长、《报告》〇\u{3000}\u{3000}。");
        assert!(!is_page_marker("一、二") && is_page_marker("- 2 -") && is_page_marker("—１—") && is_page_marker("第 3 页"));
    }

    #[test]
    fn folds_full_width() {
        assert_eq!(normalize("增长２１.５％（预计）").text, "增长21.5%（预计）");
        assert_eq!(normalize("1,234,567元, 增长").text, "1234567元，增长");
    }
}

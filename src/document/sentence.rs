//! Sentences of a paragraph line.

/// Sentence ranges (byte offsets in `line`), cut after `。！？；`.
pub fn sentences(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    sentences_into(line, &mut out);
    out
}

/// [`sentences`] into `out` (cleared first), for a caller that splits many lines.
pub fn sentences_into(line: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut start = 0;
    let b = line.as_bytes();
    // By bytes: `。` is E3 80 82; `！？；` are EF BC 81 / 9F / 9B. E3 and EF are lead bytes only
    // (never inside a character), so `memchr2` (vectorized) finds every candidate.
    for i in memchr::memchr2_iter(0xe3, 0xef, b) {
        let is_end = match b[i] {
            0xe3 => b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x82),
            _ => b.get(i + 1) == Some(&0xbc) && matches!(b.get(i + 2), Some(0x81 | 0x9f | 0x9b)),
        };
        if is_end {
            let end = i + 3;
            out.push((start, end));
            start = end;
        }
    }
    if start < line.len() {
        out.push((start, line.len()));
    }
}

#[cfg(test)]
#[test]
fn sentence_ends_as_a_walk_over_the_characters_finds_them() {
    let walk = |line: &str| {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in line.char_indices() {
            if matches!(c, '。' | '！' | '？' | '；') {
                let end = i + c.len_utf8();
                out.push((start, end));
                start = end;
            }
        }
        if start < line.len() {
            out.push((start, line.len()));
        }
        out
    };
    for line in ["", "。", "a。b", "全年完成地区生产总值21.5亿元，同比增长9.7%；社会消费品零售总额完成3.2亿元。", "、，（）！？；。。「」x", "一二三四五六七。八九十！abc？；", "ab；cdefghijklmn。𠀀。"] {
        for k in (0..line.len()).filter(|&k| line.is_char_boundary(k)) {
            assert_eq!(sentences(&line[k..]), walk(&line[k..]), "{}", &line[k..]);
        }
    }
}

/// Where a few words occur in a whole text, found once (one vectorized search per word over
/// the text), so that asking each sentence in turn whether it holds them costs a comparison,
/// not a substring search per sentence and word. Sentences must be asked in text order.
pub struct Marks {
    /// Per word: its length and the starts of its occurrences, in order.
    at: Vec<(usize, Vec<usize>)>,
    /// Per word: the first occurrence not before the last sentence asked about.
    next: Vec<usize>,
}

impl Marks {
    pub fn new(text: &str, finders: &[&memchr::memmem::Finder<'static>]) -> Self {
        let at: Vec<(usize, Vec<usize>)> = finders.iter().map(|f| (f.needle().len(), f.find_iter(text.as_bytes()).collect())).collect();
        let next = vec![0; at.len()];
        Marks { at, next }
    }

    /// Bit `k` set: word `k` occurs wholly inside `start..end`.
    pub fn of(&mut self, start: usize, end: usize) -> u32 {
        let mut mask = 0;
        for (k, ((len, at), next)) in self.at.iter().zip(&mut self.next).enumerate() {
            while at.get(*next).is_some_and(|&p| p < start) {
                *next += 1;
            }
            if at.get(*next).is_some_and(|&p| p + len <= end) {
                mask |= 1 << k;
            }
        }
        mask
    }
}

#[cfg(test)]
#[test]
fn marks_tell_which_sentences_hold_the_words() {
    let text = "各位代表：现在向大会作政府工作报告。主要预期目标是：增长5%。预计全年增长。";
    let f = [crate::finder!("工作报告"), crate::finder!("目标"), crate::finder!("预计")];
    let mut m = Marks::new(text, &f);
    let spans = sentences(text);
    let masks: Vec<u32> = spans.iter().map(|&(s, e)| m.of(s, e)).collect();
    assert_eq!(masks, [0b001, 0b010, 0b100]);
    // A word across the end of a sentence is in none.
    let mut m = Marks::new("工作。报告", &[crate::finder!("作。报")]);
    assert_eq!((m.of(0, 6), m.of(6, 12)), (0, 0));
}

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

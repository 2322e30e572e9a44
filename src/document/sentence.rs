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
    let mut i = 0;
    // By bytes: `。` is E3 80 82; `！？；` are EF BC 81 / 9F / 9B.
    while i + 2 < b.len() {
        let lead = b[i];
        // Most characters are ideographs (lead bytes E4..E9): step over them at once.
        if lead.wrapping_sub(0xe4) < 6 {
            i += 3;
            while i + 2 < b.len() && b[i].wrapping_sub(0xe4) < 6 {
                i += 3;
            }
            continue;
        }
        let is_end = match lead {
            0xe3 => b[i + 1] == 0x80 && b[i + 2] == 0x82,
            0xef => b[i + 1] == 0xbc && matches!(b[i + 2], 0x81 | 0x9f | 0x9b),
            _ => false,
        };
        if !is_end {
            // Step over the whole character.
            i += match lead {
                0xf0.. => 4,
                0xe0.. => 3,
                0xc0.. => 2,
                _ => 1,
            };
            continue;
        }
        let end = i + 3;
        if end > start {
            out.push((start, end));
        }
        start = end;
        i = end;
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

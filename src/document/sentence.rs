//! Sentences of a paragraph line.

/// Sentence ranges (byte offsets in `line`), cut after `。！？；`.
pub fn sentences(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = line.as_bytes();
    let mut i = 0;
    // By bytes: `。` is E3 80 82; `！？；` are EF BC 81 / 9F / 9B.
    while i + 2 < b.len() {
        let lead = b[i];
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
    out
}


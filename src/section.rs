//! The outline: headings `一、…` (depth 1) and `（一）…` (depth 2), with offsets.

use crate::document::heading::{heading_number, unnumbered_heading};
use crate::model::Section;
use crate::normalize::Normalized;

/// Longest heading title kept; longer first lines are cut at the first `。`.
const MAX_TITLE: usize = 60;

/// Headings of the clean text, with `start`/`end` as byte offsets into the original (of
/// `orig_len` bytes); the caller converts them for the page.
pub fn outline(norm: &Normalized, orig_len: usize) -> Vec<Section> {
    let text = &norm.text;
    let mut out: Vec<Section> = Vec::new();
    let mut pos = 0;
    // Unnumbered headings are looked for only in the speech, after `各位代表`.
    let mut in_speech = false;
    for line in crate::normalize::split_lines(text) {
        if line.starts_with("各位代表") {
            in_speech = true;
        }
        if in_speech && unnumbered_heading(line) {
            let (o, _) = norm.original_range(pos, pos + line.len().max(1));
            out.push(Section { title: line.to_string(), number: String::new(), depth: 1, start: o, end: orig_len });
        } else if let Some((number, depth)) = heading_number(line) {
            let rest = &line[number.len()..];
            let cut = rest.find('。').unwrap_or(rest.len());
            let title: String = rest[..cut].chars().take(MAX_TITLE).collect();
            if !title.is_empty() {
                let (o, _) = norm.original_range(pos, pos + line.len().max(1));
                out.push(Section { title, number: number.to_string(), depth, start: o, end: orig_len });
            }
        }
        pos += line.len() + 1;
    }
    // A section ends where the next heading of the same or a higher level starts.
    for i in 0..out.len() {
        let depth = out[i].depth;
        if let Some(next) = out[i + 1..].iter().find(|s| s.depth <= depth) {
            out[i].end = next.start;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unnumbered_parts_of_a_speech() {
        // Gansu's report names its three parts without 一、二、三、.
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/provinces/gansu-2026.txt")).unwrap();
        let norm = crate::normalize::normalize(&text);
        let parts: Vec<String> = outline(&norm, text.len()).into_iter().filter(|s| s.depth == 1).map(|s| s.title).collect();
        assert_eq!(parts, ["“十四五”时期工作回顾", "“十五五”时期的主要目标任务", "2026年重点工作"]);
        // The title block above 各位代表 is not a part: `2026年甘肃省政府工作报告`.
    }

}

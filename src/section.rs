//! The outline: headings `一、…` (depth 1) and `（一）…` (depth 2), with offsets.

use crate::indicator::extract::heading_number;
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
    for line in text.split('\n') {
        if let Some((number, depth)) = heading_number(line) {
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

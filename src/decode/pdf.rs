//! PDF text as pdf.js delivers it (pieces of text with positions) → lines in reading order,
//! the way PDF-to-text tools lay them out and the sample report looks.
//!
//! pdf.js returns text items in content-stream order, which is not always reading order: a
//! producer may draw the quotation marks of a line (set in another font) after the line's other
//! characters. So the items of a page are grouped into lines by their baseline, top to bottom,
//! and each line is read left to right.

use serde::Deserialize;

/// One piece of text on a page: its string, the left end of its baseline (`x`, `y`, in PDF
/// units, `y` growing upwards), its width and its height (about the font size).
#[derive(Debug, Clone, Deserialize)]
pub struct PdfItem {
    pub s: String,
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// The text of a document: each page's lines, pages separated by a line break.
///
/// ```
/// use report_lens::decode::pdf::{join_pages, PdfItem};
/// let item = |s: &str, x: f64, y: f64| PdfItem { s: s.into(), x, y, w: 12.0 * s.chars().count() as f64, h: 12.0 };
/// // The closing quote was drawn last, a little below the line's baseline.
/// let page = vec![item("围绕", 0.0, 700.0), item("生态", 36.0, 700.0), item("主题", 72.0, 700.0), item("“", 24.0, 699.2), item("”", 60.0, 699.2), item("下一行", 0.0, 680.0)];
/// assert_eq!(join_pages(&[page]), "围绕“生态”主题\n下一行\n");
/// ```
pub fn join_pages(pages: &[Vec<PdfItem>]) -> String {
    let mut out = String::new();
    for page in pages {
        let mut items: Vec<&PdfItem> = page.iter().filter(|i| !i.s.trim().is_empty() && i.x.is_finite() && i.y.is_finite()).collect();
        items.sort_by(|a, b| b.y.partial_cmp(&a.y).unwrap_or(std::cmp::Ordering::Equal));
        let mut lines: Vec<Vec<&PdfItem>> = Vec::new();
        for item in items {
            let h = item.h.abs().max(1.0);
            match lines.last_mut() {
                // Same line: the baseline is within half a character height of the line's first.
                Some(line) if (line[0].y - item.y).abs() <= 0.5 * h.max(line[0].h.abs()) => line.push(item),
                _ => lines.push(vec![item]),
            }
        }
        for line in lines {
            // Characters with their positions: an item's width is spread evenly over its
            // characters, so that a mark drawn separately lands between the right two.
            let mut chars: Vec<(f64, f64, f64, char)> = Vec::new();
            for item in line {
                let n = item.s.chars().count().max(1) as f64;
                let adv = item.w / n;
                for (k, c) in item.s.chars().enumerate() {
                    chars.push((item.x + adv * k as f64, adv, item.h.abs().max(1.0), c));
                }
            }
            chars.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
            let mut end: Option<f64> = None;
            for (x, adv, h, c) in chars {
                // A gap wider than half a character is a space.
                if end.is_some_and(|e| x - e > 0.5 * h) && !out.ends_with(' ') && c != ' ' {
                    out.push(' ');
                }
                out.push(c);
                end = Some(x + adv);
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_top_to_bottom_and_words_apart() {
        let it = |s: &str, x: f64, y: f64, w: f64| PdfItem { s: s.into(), x, y, w, h: 10.0 };
        let page = vec![it("b", 100.0, 50.0, 5.0), it("a", 0.0, 50.0, 5.0), it("top", 0.0, 90.0, 15.0), it("", 0.0, 10.0, 0.0)];
        assert_eq!(join_pages(&[page.clone(), page]), "top\na b\ntop\na b\n");
        let nan = vec![PdfItem { s: "x".into(), x: f64::NAN, y: 1.0, w: 1.0, h: 1.0 }];
        assert_eq!(join_pages(&[nan]), "");
    }
}

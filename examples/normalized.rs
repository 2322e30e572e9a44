//! Print the normalized text of a file (one paragraph or heading per line), as `analyze` reads
//! it: a debugging aid for the text shapes of new reports.
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        println!("{}", report_lens::normalize::normalize(&text).text);
    }
}

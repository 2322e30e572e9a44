//! Print the headline strip of each file (a look at what the page shows on top).
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        let h = report_lens::headline::headline(&report_lens::analyze(&text));
        println!("{path}: {}", h.title);
        for i in &h.items {
            println!("  {:<16} 目标 {:<20} 结果 {}", i.name, i.target.as_ref().map_or("—", |c| c.text.as_str()), i.result.as_ref().map_or("—", |c| c.text.as_str()));
        }
    }
}

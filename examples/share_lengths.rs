//! Share-link lengths for reports: `cargo run --release --example share_lengths FILE...`
//! (the table in docs/SHARING.md).
fn main() {
    println!("| report | indicators | link (characters) | with the text |");
    println!("|---|---|---|---|");
    for f in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&f).expect("read");
        let r = report_lens::analyze(&text);
        let name = f.rsplit('/').next().unwrap_or(&f);
        let bare = report_lens::share::encode(name, &r, None).len();
        let full = report_lens::share::encode(name, &r, Some(&text)).len();
        println!("| {name} | {} | {bare} | {full} |", r.indicators.len());
    }
}

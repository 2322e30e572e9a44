//! Write the comparison charts of several reports as SVG files:
//! `cargo run --example compare_charts OUTDIR FILE...`.
use report_lens::compare::{compare, term_counts, Input, TERMS};
fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("OUTDIR");
    let docs: Vec<(String, String, report_lens::Report)> = args
        .map(|f| {
            let text = std::fs::read_to_string(&f).expect("read");
            let r = report_lens::analyze(&text);
            (f, text, r)
        })
        .collect();
    let inputs: Vec<Input> = docs.iter().map(|(f, _, r)| Input { file: f, report: r }).collect();
    let c = compare(&inputs);
    let texts: Vec<(&str, &str)> = docs.iter().map(|(f, t, _)| (f.as_str(), t.as_str())).collect();
    let labels: Vec<String> = docs.iter().map(|(_, _, r)| format!("{}{}", r.meta.region.clone().unwrap_or_default(), r.meta.plan_year.unwrap_or(0))).collect();
    std::fs::create_dir_all(&dir).expect("mkdir");
    for ch in report_lens::chart::compare::charts(&c, None, &term_counts(&texts, TERMS), &labels, 720) {
        std::fs::write(format!("{dir}/{}.svg", ch.id), &ch.svg).expect("write");
        println!("{dir}/{}.svg: {} ({} bars)", ch.id, ch.title, ch.bars);
    }
}

//! Write the charts of a report as SVG files: `cargo run --example charts FILE OUTDIR`.
fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(file), Some(dir)) = (args.next(), args.next()) else {
        eprintln!("usage: charts FILE OUTDIR");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&file).expect("read the report");
    let report = report_lens::analyze(&text);
    std::fs::create_dir_all(&dir).expect("create the output folder");
    for c in report_lens::chart::charts(&report) {
        let path = format!("{dir}/{}.svg", c.id);
        std::fs::write(&path, &c.svg).expect("write the chart");
        println!("{path}: {} ({} bars)", c.title, c.bars);
    }
}

//! Time the phases of `analyze` (normalize, meta, figure scan, extraction) on a file, next to a trivial
//! pass over the text for calibration: a profiling aid (`N=20` for callgrind runs).
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).unwrap();
    let n: u32 = std::env::var("N").ok().and_then(|v| v.parse().ok()).unwrap_or(300);
    let t = Instant::now();
    for _ in 0..n { std::hint::black_box(std::hint::black_box(&text).chars().filter(|c| c.is_whitespace()).count()); }
    println!("calib     {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n { std::hint::black_box(report_lens::normalize::normalize(&text)); }
    println!("normalize {:?}", t.elapsed() / n);
    let norm = report_lens::normalize::normalize(&text);
    let t = Instant::now();
    for _ in 0..n { std::hint::black_box(report_lens::meta::extract(&norm.text)); }
    println!("meta      {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n { std::hint::black_box(report_lens::indicator::quantity::scan(&norm.text)); }
    println!("scan      {:?}", t.elapsed() / n);
    let meta = report_lens::meta::extract(&norm.text);
    let years = report_lens::document::frame::Years { review: meta.review_year.unwrap_or(2000), plan: meta.plan_year.unwrap_or(2001) };
    let ctx = report_lens::indicator::extract::Context {
        level: meta.level,
        region: meta.region.clone(),
        years,
        start: report_lens::document::frame::Frame::single(report_lens::Kind::Actual, years.review),
    };
    let t = Instant::now();
    for _ in 0..n { std::hint::black_box(report_lens::indicator::extract::extract(&norm.text, &ctx)); }
    println!("extract   {:?}", t.elapsed() / n);
    let t = Instant::now();
    for _ in 0..n { std::hint::black_box(report_lens::analyze(&text)); }
    println!("analyze   {:?}", t.elapsed() / n);
}

fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    for _ in 0..3000 { std::hint::black_box(report_lens::analyze(&text)); }
}

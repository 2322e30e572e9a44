//! `analyze` on the sample county report (tianjun-2022, 38 KB) and the 2024 national report.
//! Budget (issue 2): ≤ 0.5 ms median for tianjun-2022 natively. Results: docs/PERFORMANCE.md.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    for (name, path) in [("tianjun-2022", "tianjun-2022.txt"), ("national-2024", "national/national-2024.txt")] {
        let text = std::fs::read_to_string(format!("{root}/{path}")).unwrap();
        // Warm the lazily built tables once, as a page would on its first report.
        report_lens::analyze(&text);
        c.bench_function(&format!("analyze/{name}"), |b| b.iter(|| report_lens::analyze(black_box(&text))));
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

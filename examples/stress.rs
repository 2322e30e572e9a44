//! Stress suite (issue 11): every input family known to drive a loop of the code, at two sizes.
//! For each family it prints the time of `analyze` (or the decoder, or the charts) at size n and
//! 2n, the ratio (≈2 for linear work, ≈4 for quadratic), the peak heap and the output size.
//!
//! `cargo run --release --example stress` (all families), `… --example stress -- NAME…` (some),
//! `SCALE=4` makes every input four times larger. Results: docs/RELIABILITY.md. Not a test: times
//! are measured, never asserted.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

/// The system allocator, counting live and peak bytes.
struct Counting;
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let p = System.alloc(l);
        if !p.is_null() {
            let now = LIVE.fetch_add(l.size(), Relaxed) + l.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        System.dealloc(p, l);
        LIVE.fetch_sub(l.size(), Relaxed);
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        let q = System.realloc(p, l, new);
        if !q.is_null() {
            if new > l.size() {
                let now = LIVE.fetch_add(new - l.size(), Relaxed) + new - l.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                LIVE.fetch_sub(l.size() - new, Relaxed);
            }
        }
        q
    }
}

#[global_allocator]
static A: Counting = Counting;

#[path = "../tests/support/families.rs"]
mod families;
use families::{families, Path};

/// Runs the input through its path; returns (time, peak heap above the start, output bytes, facts).
fn run(path: Path, input: &[u8]) -> (Duration, usize, usize, usize) {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let t = Instant::now();
    let text = match path {
        Path::Analyze => String::from_utf8_lossy(input).into_owned(),
        Path::Decode => match report_lens::decode::decode(input, Some("input.bin")) {
            Ok(d) => d.text,
            Err(e) => {
                let took = t.elapsed();
                eprintln!("    (refused: {})", e.message());
                return (took, PEAK.load(Relaxed) - base, 0, 0);
            }
        },
    };
    let report = report_lens::analyze(&text);
    let charts = report_lens::chart::charts(&report);
    let csv = report_lens::csv::table([("input.txt", report.indicators.as_slice())]);
    let json = serde_json::to_string(&report).unwrap();
    let took = t.elapsed();
    let out = charts.iter().map(|c| c.svg.len()).sum::<usize>() + csv.len() + json.len();
    (took, PEAK.load(Relaxed) - base, out, report.indicators.len())
}

fn main() {
    let only: Vec<String> = std::env::args().skip(1).collect();
    // Warm the lazily built tables (catalog, cues, gazetteer) once, as the page does.
    report_lens::analyze("各位代表：全县地区生产总值增长5%。");
    let scale: usize = std::env::var("SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1);
    println!("{:<22} {:>9} {:>9} {:>9} {:>9} {:>6} {:>8} {:>10} {:>10} {:>7}", "family", "size n", "size 2n", "time n", "time 2n", "ratio", "ms/MB", "peak 2n", "out 2n", "facts");
    for f in families() {
        if !only.is_empty() && !only.iter().any(|o| o == f.name) {
            continue;
        }
        let a = (f.make)(f.n * scale);
        let b = (f.make)(2 * f.n * scale);
        let (ta, _, _, _) = run(f.path, &a);
        let (tb, peak, out, facts) = run(f.path, &b);
        let ratio = tb.as_secs_f64() / ta.as_secs_f64().max(1e-6);
        println!(
            "{:<22} {:>9} {:>9} {:>7.1}ms {:>7.1}ms {:>6.2} {:>8.0} {:>8.1}MB {:>8.1}MB {:>7}",
            f.name,
            kb(a.len()),
            kb(b.len()),
            ta.as_secs_f64() * 1e3,
            tb.as_secs_f64() * 1e3,
            ratio,
            tb.as_secs_f64() * 1e3 / (b.len() as f64 / 1e6),
            peak as f64 / 1e6,
            out as f64 / 1e6,
            facts
        );
    }
}

fn kb(n: usize) -> String {
    format!("{:.0}KB", n as f64 / 1024.0)
}

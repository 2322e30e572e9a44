//! Scores `analyze` against the hand-checked gold facts of the corpus (tests/fixtures), as
//! GOLD_FORMAT.md defines it: a gold fact is *found* when an indicator with the same name, kind
//! and period states the same value (after unit scaling) and the same changePct; an indicator
//! that shares name, kind and period with a gold fact is *right* when every number it states
//! agrees with one of those gold facts. Fails below 95% found or 95% right overall, or when a
//! meta field of the gold differs. `GOLD_VERBOSE=1` prints every miss.

use report_lens::unit::same_amount;
use report_lens::{analyze, Indicator, Report};
use serde_json::Value;
use std::path::Path;

struct Score {
    gold: usize,
    found: usize,
    found_headline: usize,
    headline: usize,
    judged: usize,
    right: usize,
}

fn gold_files() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for dir in [root.clone(), root.join("national"), root.join("provinces")] {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.to_string_lossy().ends_with(".gold.json") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn period_of(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        _ => String::new(),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Does indicator `i` state the gold fact `g` (value after scaling, and changePct)?
fn states(i: &Indicator, g: &Value) -> bool {
    let value_ok = match (g["value"].as_f64(), i.value) {
        (Some(gv), Some(iv)) => same_amount(iv, i.unit.as_deref().unwrap_or(""), gv, g["unit"].as_str().unwrap_or("")),
        (Some(_), None) => false,
        (None, _) => true,
    };
    let change_ok = match (g["change_pct"].as_f64(), i.change_pct) {
        (Some(gc), Some(ic)) => close(gc, ic),
        (Some(_), None) => false,
        (None, _) => true,
    };
    value_ok && change_ok
}

/// Every number `i` states agrees with `g`.
fn agrees(i: &Indicator, g: &Value) -> bool {
    let value_ok = match i.value {
        None => true,
        Some(iv) => g["value"].as_f64().is_some_and(|gv| same_amount(iv, i.unit.as_deref().unwrap_or(""), gv, g["unit"].as_str().unwrap_or(""))),
    };
    let change_ok = match i.change_pct {
        None => true,
        Some(ic) => g["change_pct"].as_f64().is_some_and(|gc| close(gc, ic)),
    };
    value_ok && change_ok
}

fn key(i: &Indicator) -> (String, String, String) {
    (i.name.clone(), i.kind.as_str().to_string(), i.period.clone())
}

fn gkey(g: &Value) -> (String, String, String) {
    (g["indicator"].as_str().unwrap().to_string(), g["kind"].as_str().unwrap().to_string(), period_of(&g["period"]))
}

fn score(report: &Report, gold: &Value, verbose: bool, file: &str) -> Score {
    let facts = gold["facts"].as_array().unwrap();
    let mut s = Score { gold: facts.len(), found: 0, found_headline: 0, headline: 0, judged: 0, right: 0 };
    for g in facts {
        let headline = g["tier"] == "headline";
        s.headline += headline as usize;
        let hit = report.indicators.iter().any(|i| key(i) == gkey(g) && states(i, g));
        if hit {
            s.found += 1;
            s.found_headline += headline as usize;
        } else if verbose {
            let same: Vec<String> = report.indicators.iter().filter(|i| key(i) == gkey(g)).map(|i| format!("{:?} {:?} {:?}", i.value, i.unit, i.change_pct)).collect();
            println!("MISS {file}: {:?} value={} {} change={} [{}] | have: {:?}", gkey(g), g["value"], g["unit"], g["change_pct"], g["quote"].as_str().unwrap_or("").replace('\n', "⏎"), same);
        }
    }
    for i in &report.indicators {
        let matching: Vec<&Value> = facts.iter().filter(|g| gkey(g) == key(i)).collect();
        if matching.is_empty() {
            continue;
        }
        s.judged += 1;
        if matching.iter().any(|g| agrees(i, g)) {
            s.right += 1;
        } else if verbose {
            println!("WRONG {file}: {:?} value={:?} {:?} change={:?} [{}]", key(i), i.value, i.unit, i.change_pct, i.quote.replace('\n', "⏎"));
        }
    }
    s
}

fn check_meta(report: &Report, gold: &Value, file: &str) -> Vec<String> {
    let m = &gold["meta"];
    let r = &report.meta;
    let mut errs = Vec::new();
    let mut cmp = |field: &str, want: &Value, have: Option<String>| {
        if !want.is_null() {
            let w = match want {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            if have.as_deref() != Some(w.as_str()) {
                errs.push(format!("{file}: meta.{field} want {w}, have {have:?}"));
            }
        }
    };
    cmp("region", &m["region"], r.region.clone());
    cmp("level", &m["level"], r.level.map(|l| l.as_str().to_string()));
    cmp("meetingDate", &m["meeting_date"], r.meeting_date.clone());
    cmp("reviewYear", &m["review_year"], r.review_year.map(|y| y.to_string()));
    cmp("planYear", &m["plan_year"], r.plan_year.map(|y| y.to_string()));
    cmp("speaker", &m["speaker"], r.speaker.clone());
    errs
}

#[test]
fn corpus_scores_at_least_95_percent() {
    let verbose = std::env::var("GOLD_VERBOSE").is_ok();
    let mut total = Score { gold: 0, found: 0, found_headline: 0, headline: 0, judged: 0, right: 0 };
    let mut meta_errors = Vec::new();
    for path in gold_files() {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let txt = path.parent().unwrap().join(gold["file"].as_str().unwrap());
        let text = std::fs::read_to_string(&txt).unwrap();
        let report = analyze(&text);
        let name = txt.file_name().unwrap().to_string_lossy().to_string();
        let s = score(&report, &gold, verbose, &name);
        println!(
            "{name:<22} found {:>2}/{:<2} (headline {:>2}/{:<2})  right {:>2}/{:<2}",
            s.found, s.gold, s.found_headline, s.headline, s.right, s.judged
        );
        meta_errors.extend(check_meta(&report, &gold, &name));
        total.gold += s.gold;
        total.found += s.found;
        total.found_headline += s.found_headline;
        total.headline += s.headline;
        total.judged += s.judged;
        total.right += s.right;
    }
    let found = total.found as f64 / total.gold as f64;
    let right = total.right as f64 / total.judged.max(1) as f64;
    let headline = total.found_headline as f64 / total.headline as f64;
    println!(
        "TOTAL found {}/{} = {:.1}% (headline {:.1}%, secondary {}/{})  right {}/{} = {:.1}%",
        total.found,
        total.gold,
        found * 100.0,
        headline * 100.0,
        total.found - total.found_headline,
        total.gold - total.headline,
        total.right,
        total.judged,
        right * 100.0
    );
    assert!(meta_errors.is_empty(), "meta differs from gold:\n{}", meta_errors.join("\n"));
    assert!(found >= 0.95, "found {:.1}% < 95%", found * 100.0);
    assert!(right >= 0.95, "right {:.1}% < 95%", right * 100.0);
}

//! One runner for `tests/cases/extraction.json`: real report sentences (or real sentences with a
//! documented artifact applied) and the facts they must give. Each case names the phenomena it
//! covers; see the file for the field semantics.

use report_lens::indicator::extract::Context;
use report_lens::document::frame::{Frame, Years};
use report_lens::{analyze_fragment, Indicator, Kind, Level};
use serde_json::Value;

fn level(s: &str) -> Option<Level> {
    match s {
        "national" => Some(Level::National),
        "province" => Some(Level::Province),
        "city" => Some(Level::City),
        "county" => Some(Level::County),
        _ => None,
    }
}

fn context(frame: &Value) -> Context {
    let review = frame["reviewYear"].as_i64().unwrap() as i32;
    let plan = frame["planYear"].as_i64().unwrap() as i32;
    let start = match (frame["section"].as_str(), frame["period"].as_str()) {
        (Some("plan"), _) => Frame::single(Kind::Target, plan),
        // A review of the five years up to the review year is in force (`过去五年…`).
        (_, Some("five-year")) => Frame { kind: Kind::Actual, from: review - 4, to: review },
        _ => Frame::single(Kind::Actual, review),
    };
    Context { level: frame["level"].as_str().and_then(level), region: frame["region"].as_str().map(str::to_string), years: Years { review, plan }, start }
}

/// Which expected fields differ from indicator `i` (empty when it matches).
fn mismatches(i: &Indicator, want: &Value) -> Vec<String> {
    let have = serde_json::to_value(i).unwrap();
    let mut out = Vec::new();
    for (k, w) in want.as_object().unwrap() {
        if k == "quote" {
            let q = w.as_str().unwrap();
            if !i.quote.contains(q) {
                out.push(format!("quote {:?} not in {:?}", q, i.quote));
            }
            continue;
        }
        let h = &have[k];
        let same = match (w, h) {
            (Value::Number(a), Value::Number(b)) => (a.as_f64().unwrap() - b.as_f64().unwrap()).abs() < 1e-9,
            _ => w == h,
        };
        if !same {
            out.push(format!("{k}: want {w}, have {h}"));
        }
    }
    out
}

/// UTF-16 slice of `text`, as JS would cut it.
fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(&units[start.min(units.len())..end.min(units.len())])
}

#[test]
fn extraction_cases() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cases/extraction.json");
    let data: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = data["cases"].as_array().unwrap();
    assert!(cases.len() >= 60, "need at least 60 cases, have {}", cases.len());
    let mut failures = Vec::new();
    for case in cases {
        let id = case["id"].as_str().unwrap();
        let text = case["text"].as_str().unwrap();
        let report = analyze_fragment(text, &context(&case["frame"]));
        let mut problems = Vec::new();
        for ind in &report.indicators {
            let cut = utf16_slice(text, ind.start, ind.end);
            if cut != ind.quote {
                problems.push(format!("offsets {}..{} give {:?}, quote is {:?}", ind.start, ind.end, cut, ind.quote));
            }
        }
        let mut used = vec![false; report.indicators.len()];
        for want in case["expect"].as_array().unwrap() {
            let hit = report.indicators.iter().enumerate().find(|(k, i)| !used[*k] && mismatches(i, want).is_empty());
            match hit {
                Some((k, _)) => used[k] = true,
                None => {
                    let near: Vec<String> = report
                        .indicators
                        .iter()
                        .map(|i| format!("{} {:?}", serde_json::to_string(i).unwrap(), mismatches(i, want)))
                        .collect();
                    problems.push(format!("missing {want}\n      have: {}", near.join("\n            ")));
                }
            }
        }
        if case["exhaustive"].as_bool().unwrap_or(false) && report.indicators.len() != case["expect"].as_array().unwrap().len() {
            let extra: Vec<String> = report.indicators.iter().enumerate().filter(|(k, _)| !used[*k]).map(|(_, i)| format!("{} {:?} {:?} {:?}", i.name, i.value, i.unit, i.change_pct)).collect();
            problems.push(format!("expected exactly {} indicators, have {}; extra: {:?}", case["expect"].as_array().unwrap().len(), report.indicators.len(), extra));
        }
        if !problems.is_empty() {
            failures.push(format!("{id} [{}]\n  text: {:?}\n  {}", case["covers"], text, problems.join("\n  ")));
        }
    }
    println!("{} cases, {} failing", cases.len(), failures.len());
    assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

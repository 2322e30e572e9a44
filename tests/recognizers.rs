//! The scanner against the report-relevant cases of Microsoft Recognizers-Text's Chinese number
//! and percent specs (`tests/fixtures/recognizers/`, MIT; which cases were left out and why is
//! in its README). One runner per spec: every case's input is normalized as a report is, run
//! through the scanner, and every expected result must come out, in order, with its value and
//! its text — and nothing else.

use report_lens::indicator::quantity::{numbers, Measure};
use report_lens::normalize::normalize;
use serde_json::Value;

fn cases(file: &str) -> Vec<Value> {
    let path = format!("{}/tests/fixtures/recognizers/{file}", env!("CARGO_MANIFEST_DIR"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert!(v["source"]["repository"].as_str().unwrap().contains("microsoft/Recognizers-Text"));
    v["cases"].as_array().unwrap().clone()
}

/// The expected results of a case: (text, value), with `%` dropped from percentages.
fn expected(case: &Value) -> Vec<(String, f64)> {
    case["Results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let v = r["Resolution"]["value"].as_str().unwrap().trim_end_matches('%');
            (r["Text"].as_str().unwrap().to_string(), v.parse::<f64>().unwrap())
        })
        .collect()
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Run every case through `got` and report each one that differs.
fn check(file: &str, got: impl Fn(&str) -> Vec<(String, f64)>) -> usize {
    let cases = cases(file);
    let mut failures = Vec::new();
    for case in &cases {
        let input = case["Input"].as_str().unwrap();
        let (want, have) = (expected(case), got(input));
        let ok = want.len() == have.len() && want.iter().zip(&have).all(|((wt, wv), (ht, hv))| wt == ht && same(*wv, *hv));
        if !ok {
            failures.push(format!("{input:?}: want {want:?}, have {have:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases of {file} fail:\n{}", failures.len(), cases.len(), failures.join("\n"));
    cases.len()
}

/// NumberModel: every number of the input, through the scanner's number stage, with the text of
/// its span in the input.
#[test]
fn number_model() {
    let n = check("number.json", |input| {
        let norm = normalize(input);
        numbers(&norm.text)
            .iter()
            .map(|x| {
                let (a, b) = norm.original_range(x.start, x.end);
                (input[a..b].to_string(), x.value)
            })
            .collect()
    });
    assert_eq!(n, 87);
}

/// PercentModel: the percent and point figures of the input, through `figures` (which cuts
/// their text out of the original by UTF-16 offsets), and the same through `scan`.
#[test]
fn percent_model() {
    let n = check("percent.json", |input| {
        let utf16: Vec<u16> = input.encode_utf16().collect();
        report_lens::figures(input)
            .iter()
            .filter(|f| f.unit == "%" || f.unit == "个百分点")
            .map(|f| {
                assert_eq!(String::from_utf16_lossy(&utf16[f.start..f.end]), f.text, "{input}");
                (f.text.clone(), f.value)
            })
            .collect()
    });
    assert_eq!(n, 54);
    // No case yields a figure of another kind: the spec's inputs are percentages only.
    for case in cases("percent.json") {
        let input = case["Input"].as_str().unwrap();
        let q = report_lens::indicator::quantity::scan(&normalize(input).text);
        assert!(q.iter().all(|q| matches!(q.measure, Measure::Percent | Measure::Points)), "{input}: {q:?}");
    }
}

//! No input panics: arbitrary strings (biased towards the characters reports are made of), and
//! every corpus text cut at arbitrary character boundaries.

use proptest::prelude::*;
use report_lens::analyze;

fn corpus() -> Vec<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut out = Vec::new();
    for dir in ["", "/national", "/provinces"] {
        for e in std::fs::read_dir(format!("{root}{dir}")).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                out.push(std::fs::read_to_string(p).unwrap());
            }
        }
    }
    out
}

/// Characters that drive the extractor: digits, units, verbs, punctuation, page markers.
fn report_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select("0123456789.%％,，、；：。（）()-—~ \n\u{3000}\u{200b}第年月日亿万千百十元人吨斤个增长下降左右以上以内分别达到突破超过年均累计从到至比较的地区生产总值城乡居民人均可支配收入规上一二三四五六七八九〇两“”‘’PM".chars().collect::<Vec<_>>()),
        1 => any::<char>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC*") {
        let r = analyze(&s);
        prop_assert!(r.indicators.iter().all(|i| i.start <= i.end && i.end <= r.text_length));
    }

    #[test]
    fn report_like_text_never_panics(chars in prop::collection::vec(report_char(), 0..400)) {
        let s: String = chars.into_iter().collect();
        let r = analyze(&s);
        prop_assert!(finite(&r));
        let units: Vec<u16> = s.encode_utf16().collect();
        for i in &r.indicators {
            prop_assert!(i.start <= i.end && i.end <= units.len());
            prop_assert_eq!(String::from_utf16_lossy(&units[i.start..i.end]), i.quote.clone());
        }
    }
}

/// Every number of a report is finite (issue 11: a 400-digit figure was `inf`, and the charts
/// looped forever on it).
fn finite(r: &report_lens::Report) -> bool {
    r.indicators.iter().all(|i| [i.value, i.value_high, i.value_base, i.change_pct, i.change_pct_high, i.change_points].iter().flatten().all(|v| v.is_finite()))
}

/// Pieces of figures: verbs, units, signs, ranges, and digit runs of any length up to 400.
fn figure_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (1usize..400, prop::sample::select(vec!['9', '1', '0'])).prop_map(|(n, d)| d.to_string().repeat(n)),
        1 => (1usize..40).prop_map(|n| "亿".repeat(n)),
        4 => prop::sample::select(vec!["地区生产总值", "增长", "达到", "%", "亿元", "万亿元", "万元", "元", "—", "-", ".", "左右", "以上", "分别", "、", "，", "。", "个百分点", "百分之", "负", "九", "千", "万", "亿", "e308"]).prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, .. ProptestConfig::default() })]

    #[test]
    fn no_analysis_yields_a_non_finite_number(pieces in prop::collection::vec(figure_piece(), 0..60)) {
        let s: String = pieces.concat();
        let r = analyze(&s);
        prop_assert!(finite(&r), "{:?}", r.indicators);
        // And the charts of it finish.
        let _ = report_lens::chart::charts(&r);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn corpus_cut_anywhere_never_panics(doc in 0usize..13, a in 0.0f64..1.0, b in 0.0f64..1.0) {
        static CORPUS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let texts = CORPUS.get_or_init(corpus);
        let text = &texts[doc % texts.len()];
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let (x, y) = ((a * (bounds.len() - 1) as f64) as usize, (b * (bounds.len() - 1) as f64) as usize);
        let (x, y) = (x.min(y), x.max(y));
        let piece = &text[bounds[x]..bounds[y]];
        let r = analyze(piece);
        prop_assert!(r.indicators.iter().all(|i| i.end <= r.text_length));
    }
}

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
        let units: Vec<u16> = s.encode_utf16().collect();
        for i in &r.indicators {
            prop_assert!(i.start <= i.end && i.end <= units.len());
            prop_assert_eq!(String::from_utf16_lossy(&units[i.start..i.end]), i.quote.clone());
        }
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

//! What JavaScript receives from the wasm handle, checked in headless Chromium
//! (`cargo test --target wasm32-unknown-unknown --test wasm`; see `.cargo/config.toml`).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use report_lens::wasm::Analysis;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TIANJUN: &str = include_str!("fixtures/tianjun-2022.txt");

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn is_plain_object(v: &JsValue) -> bool {
    v.is_object() && !Array::is_array(v) && Object::is(&Object::get_prototype_of(v), &Object::get_prototype_of(&Object::new()))
}

/// Find the indicator with this name, kind and period.
fn indicator(report: &JsValue, name: &str, kind: &str, period: &str) -> JsValue {
    let list: Array = get(report, "indicators").dyn_into().expect("indicators is an array");
    list.iter()
        .find(|i| get(i, "name").as_string().as_deref() == Some(name) && get(i, "kind").as_string().as_deref() == Some(kind) && get(i, "period").as_string().as_deref() == Some(period))
        .unwrap_or_else(|| panic!("no {name}/{kind}/{period}"))
}

#[wasm_bindgen_test]
fn report_is_plain_json_shaped_objects() {
    let a = Analysis::new(TIANJUN);
    let r = a.report().unwrap();
    assert!(is_plain_object(&r), "the report is a plain object, not a Map");
    let meta = get(&r, "meta");
    assert!(is_plain_object(&meta));
    assert_eq!(get(&meta, "region").as_string().as_deref(), Some("天峻县"));
    assert_eq!(get(&meta, "level").as_string().as_deref(), Some("county"));
    assert_eq!(get(&meta, "meetingDate").as_string().as_deref(), Some("2022-03-09"));
    assert_eq!(get(&meta, "reviewYear").as_f64(), Some(2021.0));
    assert_eq!(get(&meta, "planYear").as_f64(), Some(2022.0));
    assert_eq!(get(&meta, "speaker").as_string().as_deref(), Some("桑周"));
    assert!(Array::is_array(&get(&r, "sections")));
    assert!(Array::is_array(&get(&r, "warnings")));
    // UTF-16 length, as JS counts it.
    assert_eq!(get(&r, "textLength").as_f64(), Some(js_sys::JsString::from(TIANJUN).length() as f64));
}

#[wasm_bindgen_test]
fn indicators_carry_numbers_nulls_and_utf16_offsets() {
    let a = Analysis::new(TIANJUN);
    let r = a.report().unwrap();
    let gdp = indicator(&r, "地区生产总值", "actual", "2021");
    assert!(is_plain_object(&gdp));
    assert_eq!(get(&gdp, "value").as_f64(), Some(21.5));
    assert_eq!(get(&gdp, "unit").as_string().as_deref(), Some("亿元"));
    assert!(get(&gdp, "changePct").is_null(), "a missing number is null, not undefined");
    assert!(get(&gdp, "bound").is_null());
    let rural = indicator(&r, "农村常住居民人均可支配收入", "actual", "2021");
    assert_eq!(get(&rural, "value").as_f64(), Some(16883.0));
    assert_eq!(get(&rural, "changePct").as_f64(), Some(9.7));
    // start/end cut the quote out of the original text in JS string units.
    let (start, end) = (get(&rural, "start").as_f64().unwrap() as u32, get(&rural, "end").as_f64().unwrap() as u32);
    let cut = js_sys::JsString::from(TIANJUN).substring(start, end);
    assert_eq!(cut.as_string(), get(&rural, "quote").as_string());
    assert!(cut.as_string().unwrap().contains("16883"));
    let target = indicator(&r, "地区生产总值", "target", "2022");
    assert_eq!(get(&target, "changePct").as_f64(), Some(3.0));
}

#[wasm_bindgen_test]
fn charts_are_svg_strings_with_bars() {
    let mut a = Analysis::new(TIANJUN);
    let charts: Array = a.charts(None).unwrap().dyn_into().unwrap();
    let ids: Vec<String> = charts.iter().map(|c| get(&c, "id").as_string().unwrap()).collect();
    assert_eq!(ids, ["growth", "incomes", "levels"]);
    for c in charts.iter() {
        assert!(is_plain_object(&c));
        let svg = get(&c, "svg").as_string().unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("<rect class=\"hit\""), "{svg}");
        assert!(get(&c, "bars").as_f64().unwrap() >= 3.0);
        assert!(!get(&c, "title").as_string().unwrap().is_empty());
    }
}

#[wasm_bindgen_test]
fn exports_and_empty_input() {
    let a = Analysis::new(TIANJUN);
    let csv = a.to_csv("tianjun-2022.txt");
    assert!(csv.starts_with("file,name,"));
    assert!(csv.contains("tianjun-2022.txt,地区生产总值,true,actual,2021,21.5,,亿元"));
    let json = a.to_json().unwrap();
    assert!(json.contains("\"region\": \"天峻县\""));
    let mut empty = Analysis::new("");
    let r = empty.report().unwrap();
    let warnings: Array = get(&r, "warnings").dyn_into().unwrap();
    assert_eq!(get(&warnings.get(0), "code").as_string().as_deref(), Some("empty"));
    assert_eq!(Array::from(&empty.charts(None).unwrap()).length(), 0);
}

#[wasm_bindgen_test]
fn files_are_read_in_the_browser_too() {
    // GBK through the browser's own decoder, Word through the core's zip and XML reader.
    let gbk = report_lens::wasm::read_file(include_bytes!("fixtures/formats/tianjun-2022.gbk.txt"), "tianjun-2022.gbk.txt").unwrap();
    assert_eq!(get(&gbk, "encoding").as_string().as_deref(), Some("GB18030"));
    assert_eq!(get(&gbk, "text").as_string().as_deref(), Some(TIANJUN));
    assert!(get(&gbk, "error").is_null());
    let docx = report_lens::wasm::read_file(include_bytes!("fixtures/formats/tianjun-2022.docx"), "tianjun-2022.docx").unwrap();
    assert_eq!(get(&docx, "format").as_string().as_deref(), Some("docx"));
    assert!(get(&docx, "text").as_string().unwrap().contains("农村常住居民人均可支配收入 16883"));
    let png = report_lens::wasm::read_file(include_bytes!("fixtures/bad/image.png"), "image.png").unwrap();
    let err = get(&png, "error");
    assert_eq!(get(&err, "kind").as_string().as_deref(), Some("image"));
    assert!(get(&err, "message").as_string().unwrap().contains("这是一张图片"));
    assert!(get(&png, "text").is_null());
    let pdf = report_lens::wasm::read_file(include_bytes!("fixtures/formats/tianjun-2022.pdf"), "t.pdf").unwrap();
    assert_eq!(get(&get(&pdf, "error"), "kind").as_string().as_deref(), Some("pdf"));
    assert_eq!(report_lens::wasm::size_problem(10.0), None);
    assert!(report_lens::wasm::size_problem(200.0 * 1024.0 * 1024.0).unwrap().contains("200.0 MB"));
}

#[wasm_bindgen_test]
fn workspace_compares_reports() {
    let mut ws = report_lens::wasm::Workspace::new();
    let a = Analysis::new(include_str!("fixtures/national/national-2023.txt"));
    let b = Analysis::new(include_str!("fixtures/national/national-2024.txt"));
    let id_a = ws.add(&a, "national-2023.txt");
    ws.add(&b, "national-2024.txt");
    assert_eq!(ws.size(), 2);
    let c = ws.comparison(vec!["稳就业".into()]).unwrap();
    assert!(is_plain_object(&c));
    let targets: Array = get(&c, "targets").dyn_into().unwrap();
    let gdp = targets.iter().find(|t| get(t, "name").as_string().as_deref() == Some("国内生产总值") && get(t, "period").as_string().as_deref() == Some("2023")).unwrap();
    assert_eq!(get(&gdp, "status").as_string().as_deref(), Some("met"));
    assert_eq!(get(&get(&gdp, "result"), "changePct").as_f64(), Some(5.2));
    let labels: Array = get(&c, "labels").dyn_into().unwrap();
    assert_eq!(labels.get(0).as_string().as_deref(), Some("全国2023年"));
    let terms: Array = get(&c, "terms").dyn_into().unwrap();
    assert!(terms.iter().any(|t| get(&t, "term").as_string().as_deref() == Some("稳就业")));
    let charts: Array = ws.charts(720, None, None, vec![]).unwrap().dyn_into().unwrap();
    assert!(charts.iter().any(|c| get(&c, "id").as_string().as_deref() == Some("targets")));
    ws.remove(id_a);
    assert_eq!(ws.size(), 1);
}

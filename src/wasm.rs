//! The browser's handle on the core — the only file that touches wasm-bindgen.
//!
//! The page analyzes a text once and then asks the handle for views of the result: the report
//! as a plain JS object, the charts as SVG strings, CSV and JSON for export. No analysis logic
//! lives here or in the page's JavaScript.

use crate::chart::{self, Chart};
use crate::model::Report;
use wasm_bindgen::prelude::*;

/// One analyzed report.
#[wasm_bindgen]
pub struct Analysis {
    report: Report,
    charts: Option<(u32, Vec<Chart>)>,
    analysis_ms: f64,
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// Plain JS objects (not `Map`s), `null` for missing values: what `JSON.parse` would give.
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&ser).map_err(|e| JsError::new(&format!("内部错误：无法转换分析结果（{e}）")))
}

#[wasm_bindgen]
impl Analysis {
    /// Analyze the text of one report. Never fails: an empty or unrelated text gives a report
    /// with warnings.
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> Analysis {
        let t0 = now();
        let report = crate::analyze(text);
        Analysis { report, charts: None, analysis_ms: now() - t0 }
    }

    /// Milliseconds the analysis took in the core.
    #[wasm_bindgen(getter, js_name = analysisMs)]
    pub fn analysis_ms(&self) -> f64 {
        self.analysis_ms
    }

    /// The report: `{meta, sections, indicators, warnings, textLength}` as in the CLI's JSON.
    pub fn report(&self) -> Result<JsValue, JsError> {
        to_js(&self.report)
    }

    /// The charts that have data: `[{id, title, unit, svg, bars}]`, `width` pixels wide
    /// (default 720; narrower on a phone). Drawn on request and kept (text is measured through
    /// the page, so call this on the main thread).
    pub fn charts(&mut self, width: Option<u32>) -> Result<JsValue, JsError> {
        let width = width.unwrap_or(720);
        if self.charts.as_ref().map(|(w, _)| *w) != Some(width) {
            self.charts = Some((width, chart::charts_sized(&self.report, width)));
        }
        to_js(&self.charts.as_ref().map(|(_, c)| c))
    }

    /// The indicators as CSV (one row each; `file` names the report in its first column).
    #[wasm_bindgen(js_name = toCsv)]
    pub fn to_csv(&self, file: &str) -> String {
        crate::csv::table([(file, self.report.indicators.as_slice())])
    }

    /// The whole report as pretty-printed JSON.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> Result<String, JsError> {
        serde_json::to_string_pretty(&self.report).map_err(|e| JsError::new(&format!("内部错误：无法生成 JSON（{e}）")))
    }
}

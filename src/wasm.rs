//! The browser's handle on the core — the only file that touches wasm-bindgen.
//!
//! The page analyzes a text once and then asks the handle for views of the result: the report
//! as a plain JS object, the charts as SVG strings, every figure of the text, CSV and JSON for
//! export. No analysis logic lives here or in the page's JavaScript.

use crate::chart::{self, Chart};
use crate::decode::{self, pdf::PdfItem, DecodeError};
use crate::model::{Figure, Report};
use wasm_bindgen::prelude::*;

/// What `readFile` / `readPdfItems` / `readPasted` give the page: the text and how it was read,
/// or why it could not be (`error.kind`: `empty`, `too_large`, `pdf`, `image`, …; `error.message`
/// in Chinese says what to do).
#[derive(serde::Serialize)]
struct Read {
    text: Option<String>,
    encoding: Option<&'static str>,
    format: Option<&'static str>,
    notes: Vec<String>,
    error: Option<ReadError>,
}

#[derive(serde::Serialize)]
struct ReadError {
    kind: &'static str,
    message: String,
}

fn kind_name(e: &DecodeError) -> &'static str {
    use decode::ErrorKind::*;
    match e.kind() {
        Empty => "empty",
        TooLarge => "too_large",
        Pdf => "pdf",
        BrokenPdf => "broken_pdf",
        Image => "image",
        LegacyOffice => "legacy_office",
        NotDocx => "not_docx",
        BrokenDocx => "broken_docx",
        Binary => "binary",
    }
}

fn read_result(r: Result<decode::Decoded, DecodeError>) -> Result<JsValue, JsError> {
    let read = match r {
        Ok(d) => Read { text: Some(d.text), encoding: Some(d.encoding), format: Some(d.format), notes: d.notes, error: None },
        Err(e) => Read { text: None, encoding: None, format: None, notes: Vec::new(), error: Some(ReadError { kind: kind_name(&e), message: e.message().to_string() }) },
    };
    to_js(&read)
}

/// Read a file's bytes (any format but PDF): `{text, encoding, format, notes}` or `{error}`.
#[wasm_bindgen(js_name = readFile)]
pub fn read_file(bytes: &[u8], name: &str) -> Result<JsValue, JsError> {
    read_result(decode::decode(bytes, Some(name)))
}

/// The message for a file of `size` bytes if it is too large to read, else `undefined` (the
/// page asks before reading the file).
#[wasm_bindgen(js_name = sizeProblem)]
pub fn size_problem(size: f64) -> Option<String> {
    (size > decode::MAX_BYTES as f64).then(|| decode::too_large(size as usize).message().to_string())
}

/// The text of a PDF from pdf.js's text items: `pages` is `[[{s, x, y, w, h}]]`.
#[wasm_bindgen(js_name = readPdfItems)]
pub fn read_pdf_items(pages: JsValue) -> Result<JsValue, JsError> {
    let pages: Vec<Vec<PdfItem>> = serde_wasm_bindgen::from_value(pages).map_err(|e| JsError::new(&format!("内部错误：PDF 文字数据格式不对（{e}）")))?;
    let text = decode::pdf::join_pages(&pages);
    read_result(decode::check_length(&text).map(|_| decode::Decoded { text, encoding: "UTF-8", format: "pdf", notes: Vec::new() }))
}

/// Pasted text: a web page's source is reduced to its visible text.
#[wasm_bindgen(js_name = readPasted)]
pub fn read_pasted(text: &str) -> Result<JsValue, JsError> {
    read_result(decode::decode(text.as_bytes(), None))
}

/// One analyzed report.
#[wasm_bindgen]
pub struct Analysis {
    /// The file name a share link carried, when opened from one.
    shared_file: Option<String>,
    text: String,
    report: Report,
    charts: Option<(u32, Vec<Chart>)>,
    figures: Option<Vec<Figure>>,
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
        Analysis { shared_file: None, text: text.to_string(), report, charts: None, figures: None, analysis_ms: now() - t0 }
    }

    /// Open a share link's fragment (`#r1.…`). A broken, cut or tampered link throws an error
    /// whose message (in Chinese) says what to do.
    #[wasm_bindgen(js_name = fromShared)]
    pub fn from_shared(fragment: &str) -> Result<Analysis, JsError> {
        let t0 = now();
        let o = crate::share::decode(fragment).map_err(|e| JsError::new(e.message()))?;
        Ok(Analysis { shared_file: Some(o.file), text: o.text.unwrap_or_default(), report: o.report, charts: None, figures: None, analysis_ms: now() - t0 })
    }

    /// An analysis made elsewhere (the page's worker): the text and the report as
    /// [`Analysis::report_json`] gave it. Charts, figures and exports are made here on request.
    #[wasm_bindgen(js_name = fromReport)]
    pub fn from_report(text: String, report_json: &str, analysis_ms: f64, shared_file: Option<String>) -> Result<Analysis, JsError> {
        let report: Report = serde_json::from_str(report_json).map_err(|e| JsError::new(&format!("内部错误：无法读取分析结果（{e}）")))?;
        Ok(Analysis { shared_file, text, report, charts: None, figures: None, analysis_ms })
    }

    /// The report as compact JSON, for [`Analysis::from_report`] on the other side of a worker.
    #[wasm_bindgen(js_name = reportJson)]
    pub fn report_json(&self) -> Result<String, JsError> {
        serde_json::to_string(&self.report).map_err(|e| JsError::new(&format!("内部错误：无法生成 JSON（{e}）")))
    }

    /// The report's text (empty for a share link that does not carry it).
    #[wasm_bindgen(getter)]
    pub fn text(&self) -> String {
        self.text.clone()
    }

    /// The file name carried by the share link this analysis was opened from.
    #[wasm_bindgen(getter, js_name = sharedFile)]
    pub fn shared_file(&self) -> Option<String> {
        self.shared_file.clone()
    }

    /// The fragment of a share link for this analysis (without `#`), with the report's text
    /// when `with_text` (the page falls back to no text when the link would be too long: see
    /// `maxLinkWithText`).
    #[wasm_bindgen(js_name = shareLink)]
    pub fn share_link(&self, file: &str, with_text: bool) -> String {
        crate::share::encode(file, &self.report, with_text.then_some(self.text.as_str()))
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

    /// Every figure of the text — every number with a unit, not only the indicators:
    /// `[{value, valueHigh, unit, kind, valueBase, more, text, start, end}]`, `start`/`end` in
    /// UTF-16 units of `text` (what `text.slice` takes), as `report-lens figures` prints them.
    /// Found on the first request and kept; empty for a share link without the text.
    pub fn figures(&mut self) -> Result<JsValue, JsError> {
        let text = &self.text;
        to_js(self.figures.get_or_insert_with(|| crate::figures(text)))
    }

    /// The headline strip: `{title, items: [{name, target, result}]}`, each cell
    /// `{text, indicator}` (an index into the report's indicators) or `null`.
    pub fn headline(&self) -> Result<JsValue, JsError> {
        to_js(&crate::headline::headline(&self.report))
    }

    /// The indicators as the page exports them by default (`csv::table_zh`): Chinese headers
    /// and values, region, level and years on every row, base-unit values, one-line quotes;
    /// `only` (indices into the indicators, in order: the table's filter and sort) or all.
    #[wasm_bindgen(js_name = toCsvChinese)]
    pub fn to_csv_chinese(&self, file: &str, only: Option<Vec<u32>>) -> String {
        let only: Option<Vec<usize>> = only.map(|v| v.into_iter().map(|k| k as usize).collect());
        crate::csv::table_zh(file, &self.report, only.as_deref())
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

/// Several reports together: the comparison view's handle.
#[wasm_bindgen]
#[derive(Default)]
pub struct Workspace {
    docs: Vec<Doc>,
    next_id: u32,
}

struct Doc {
    id: u32,
    file: String,
    /// The clean text, for counting terms and quoting sentences.
    clean: String,
    report: Report,
}

#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct DocRef<'a> {
    id: u32,
    file: &'a str,
    label: String,
    region: Option<&'a str>,
    level: Option<crate::model::Level>,
    review_year: Option<i32>,
    plan_year: Option<i32>,
}

#[derive(serde::Serialize)]
struct Sentences<'a> {
    file: &'a str,
    label: String,
    sentences: Vec<String>,
}

#[wasm_bindgen]
impl Workspace {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Workspace {
        Workspace::default()
    }

    /// Add an analyzed report under the name `file`; returns its id.
    pub fn add(&mut self, analysis: &Analysis, file: &str) -> u32 {
        self.next_id += 1;
        let clean = crate::normalize::normalize(&analysis.text).text;
        self.docs.push(Doc { id: self.next_id, file: file.to_string(), clean, report: analysis.report.clone() });
        self.next_id
    }

    pub fn remove(&mut self, id: u32) {
        self.docs.retain(|d| d.id != id);
    }

    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.docs.len()
    }

    /// A short label per report (`全国2024年`, `北京市2026年`), unique within the workspace.
    fn labels(&self) -> Vec<String> {
        let base: Vec<String> = self
            .docs
            .iter()
            .map(|d| {
                let region = match d.report.meta.region.as_deref() {
                    Some("中华人民共和国") => "全国",
                    Some(r) => r,
                    None => "",
                };
                match d.report.meta.plan_year {
                    Some(y) => format!("{region}{y}年"),
                    None => format!("{region}{}", d.file),
                }
            })
            .collect();
        base.iter().enumerate().map(|(k, l)| if base.iter().filter(|o| *o == l).count() > 1 { format!("{l}（{}）", self.docs[k].file) } else { l.clone() }).collect()
    }

    /// The loaded reports: `[{id, file, label, region, level, reviewYear, planYear}]`.
    pub fn reports(&self) -> Result<JsValue, JsError> {
        let labels = self.labels();
        let refs: Vec<DocRef> = self
            .docs
            .iter()
            .zip(labels)
            .map(|(d, label)| DocRef { id: d.id, file: &d.file, label, region: d.report.meta.region.as_deref(), level: d.report.meta.level, review_year: d.report.meta.review_year, plan_year: d.report.meta.plan_year })
            .collect();
        to_js(&refs)
    }

    fn comparison_data(&self) -> crate::compare::Comparison {
        let inputs: Vec<crate::compare::Input> = self.docs.iter().map(|d| crate::compare::Input { file: &d.file, report: &d.report }).collect();
        crate::compare::compare(&inputs)
    }

    fn terms_of(&self, extra: &[String]) -> Vec<crate::compare::TermCount> {
        let mut terms: Vec<&str> = crate::compare::TERMS.to_vec();
        for t in extra.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            if !terms.contains(&t) {
                terms.push(t);
            }
        }
        let texts: Vec<(&str, &str)> = self.docs.iter().map(|d| (d.file.as_str(), d.clean.as_str())).collect();
        crate::compare::term_counts(&texts, &terms)
    }

    /// `{reports, series, targets, regions, terms}` (see `report-lens compare`).
    pub fn comparison(&self, extra_terms: Vec<String>) -> Result<JsValue, JsError> {
        #[derive(serde::Serialize)]
        struct Out {
            #[serde(flatten)]
            comparison: crate::compare::Comparison,
            terms: Vec<crate::compare::TermCount>,
            labels: Vec<String>,
        }
        to_js(&Out { comparison: self.comparison_data(), terms: self.terms_of(&extra_terms), labels: self.labels() })
    }

    /// The comparison charts, `width` pixels wide; the trend shows the series `(region, name)`
    /// when given, else the economy's growth.
    pub fn charts(&self, width: u32, trend_region: Option<String>, trend_name: Option<String>, extra_terms: Vec<String>) -> Result<JsValue, JsError> {
        let c = self.comparison_data();
        let trend = trend_region.as_deref().zip(trend_name.as_deref());
        to_js(&chart::compare::charts(&c, trend, &self.terms_of(&extra_terms), &self.labels(), width))
    }

    /// The sentences that contain `term`, per report (at most 30 each).
    pub fn sentences(&self, term: &str) -> Result<JsValue, JsError> {
        let out: Vec<Sentences> = self.docs.iter().zip(self.labels()).map(|(d, label)| Sentences { file: &d.file, label, sentences: crate::compare::sentences_with(&d.clean, term, 30) }).collect();
        to_js(&out)
    }

    /// Targets against results as CSV.
    #[wasm_bindgen(js_name = targetsCsv)]
    pub fn targets_csv(&self) -> String {
        crate::csv::targets_table(&self.comparison_data().targets)
    }
}

/// Longest share link (in characters) that may carry the report's text.
#[wasm_bindgen(js_name = maxLinkWithText)]
pub fn max_link_with_text() -> usize {
    crate::share::MAX_LINK_WITH_TEXT
}

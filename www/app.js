// Report Lens page: thin glue between the user's files and the Rust core (wasm).
// No analysis happens here: the core reads the bytes (any encoding, Word, web pages), joins a
// PDF's text (found by pdf.js, loaded only when a PDF arrives), and returns the report, the
// charts (SVG) and the exports. Text from a report is only ever inserted with textContent;
// chart SVG is parsed in an inert template, stripped of anything active, and imported.
import init, { Analysis, Workspace, maxLinkWithText, readFile, readPasted, readPdfItems, sizeProblem } from './pkg/report_lens.js';

const $ = (sel) => document.querySelector(sel);

/** What the tests and the curious can read: readiness and timings. */
const lens = (window.reportLens = { ready: false, readyMs: null, warm: false, last: null, runs: 0, pdfjsLoaded: false });

const state = {
  analysis: null, // the wasm handle of what is on screen
  report: null,
  text: '',
  fileName: '',
  read: null, // how the text was read: {encoding, format, notes}
  sort: { key: null, dir: 1 },
  selected: null,
  span: null, // the highlighted clause of the text pane ({start, end}), if any
  figures: null, // every figure of the text on screen, from the wasm handle (on first use)
};

/** Every file tried in this session: {name, ok, message, doc}; `doc` holds an analysis. */
const files = [];

/** The reports loaded together, for the comparison view (created once the engine is up). */
let ws = null;

/** Comparison settings: the series shown as a trend, the user's own terms. */
const cmp = { trend: null, terms: [], term: null };

/** An error whose message is meant for the user (in Chinese, saying what to do). */
class UserError extends Error {}

const KIND = { actual: '结果', target: '目标' };
const LEVEL = { national: '全国', province: '省级', city: '市级', county: '县级' };
const BOUND = { about: '左右', at_least: '以上', at_most: '以内' };
const BASIS = { annual_avg: '年均', cumulative: '累计' };
const FORMAT = { text: '文本', docx: 'Word 文档', html: '网页', pdf: 'PDF', pasted: '粘贴的文本', shared: '分享链接' };

function setStatus(level, message) {
  const el = $('#status');
  el.dataset.level = level;
  el.textContent = message;
}

function fmt(v) {
  if (v === null || v === undefined) return '';
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 10000) / 10000);
}

function signed(v) {
  return v > 0 ? `+${fmt(v)}` : fmt(v);
}

// ---------- input ----------

/** Read a file as the text of a report: `{text, encoding, format, notes}`, or a UserError. */
async function readAny(file) {
  const problem = sizeProblem(file.size);
  if (problem) throw new UserError(problem);
  const bytes = new Uint8Array(await file.arrayBuffer());
  let read = readFile(bytes, file.name);
  if (read.error && read.error.kind === 'pdf') read = await readPdf(bytes);
  if (read.error) throw new UserError(read.error.message);
  return read;
}

let pdfjs = null;

/** pdf.js, shipped with the site and loaded on the first PDF; it parses in its own worker. */
async function loadPdfjs() {
  if (!pdfjs) {
    pdfjs = import('./vendor/pdfjs/pdf.min.mjs').then((m) => {
      m.GlobalWorkerOptions.workerSrc = new URL('./vendor/pdfjs/pdf.worker.min.mjs', import.meta.url).href;
      lens.pdfjsLoaded = true;
      return m;
    });
  }
  try {
    return await pdfjs;
  } catch (err) {
    pdfjs = null;
    if (location.protocol === 'file:') {
      throw new UserError('单文件版不含 PDF 阅读组件：请用网站版打开 PDF，或复制 PDF 的正文粘贴到“或者粘贴报告全文”框中。');
    }
    throw new UserError('无法载入 PDF 阅读组件：请检查网络连接，或网站是否完整部署了 vendor/pdfjs/ 文件夹；也可以复制 PDF 的正文粘贴到“或者粘贴报告全文”框中。');
  }
}

/** The most pages and characters read from a PDF (the core's text limit is 1,000,000). */
const MAX_PDF_PAGES = 1000;
const MAX_PDF_CHARS = 1000000;

async function readPdf(bytes) {
  setStatus('info', '正在载入 PDF 阅读组件……');
  const lib = await loadPdfjs();
  let doc;
  try {
    doc = await lib.getDocument({
      data: bytes,
      cMapUrl: new URL('./vendor/pdfjs/cmaps/', import.meta.url).href,
      cMapPacked: true,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
    }).promise;
  } catch (err) {
    if (err && err.name === 'PasswordException') {
      throw new UserError('这个 PDF 已加密（需要密码），无法读取：请用 PDF 阅读器去掉密码后另存，或复制正文粘贴到“或者粘贴报告全文”框中。');
    }
    throw new UserError('PDF 文件已损坏，无法读取：请重新下载这个文件，或用 PDF 阅读器打开后另存再试。');
  }
  try {
    // Caps that hold while reading (a small PDF can repeat one page's text thousands of
    // times): pages and characters are counted as they come, and reading stops at the limit.
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new UserError(`这个 PDF 有 ${doc.numPages} 页，超过了 ${MAX_PDF_PAGES} 页的上限：一份政府工作报告通常不到 100 页，请只保留报告正文后再试。`);
    }
    const pages = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      setStatus('info', `正在读取 PDF：第 ${p} / ${doc.numPages} 页……`);
      let items;
      try {
        const page = await doc.getPage(p);
        ({ items } = await page.getTextContent());
        page.cleanup();
      } catch {
        throw new UserError(`读取 PDF 第 ${p} 页时出错，文件可能已损坏：请重新下载这个文件，或用 PDF 阅读器打开后另存再试。`);
      }
      const kept = items.filter((i) => 'str' in i);
      for (const i of kept) chars += i.str.length;
      if (chars > MAX_PDF_CHARS) {
        throw new UserError(`这个 PDF 的文字超过了 ${MAX_PDF_CHARS / 10000} 万字的上限（读到第 ${p} 页时），已停止读取：一份政府工作报告通常不到 10 万字，请只保留报告正文后再试。`);
      }
      pages.push(kept.map((i) => ({ s: i.str, x: i.transform[4], y: i.transform[5], w: i.width, h: i.height || Math.abs(i.transform[3]) })));
    }
    const read = readPdfItems(pages);
    if (!read.error && !read.text.trim()) {
      throw new UserError('这个 PDF 里没有可提取的文字（可能是扫描件）：请先做文字识别（OCR），或复制正文粘贴到“或者粘贴报告全文”框中。');
    }
    return read;
  } finally {
    doc.destroy();
  }
}

/** Read and analyze every file; each gets its own line in the file list. */
async function openFiles(fileList, t0) {
  const t0start = t0;
  const list = [...(fileList || [])];
  if (list.length === 0) return;
  let ok = 0;
  let firstError = null;
  let last = null;
  for (const file of list) {
    const entry = { name: file.name, ok: false, message: '正在读取……', doc: null };
    files.push(entry);
    renderFiles();
    try {
      setStatus('info', `正在读取“${file.name}”……`);
      const read = await readAny(file);
      // Several files: analyze each, draw the screen once at the end.
      entry.doc = await show(read.text, file.name, t0, read, list.length === 1);
      last = entry.doc;
      entry.ok = true;
      entry.message = summaryOf(entry.doc);
      ok += 1;
    } catch (err) {
      entry.message = messageOf(err);
      firstError = firstError || entry;
      if (!(err instanceof UserError)) console.error(err);
    }
    renderFiles();
    t0 = performance.now();
  }
  if (list.length > 1) {
    if (last) display(last);
    if (ok >= 2 || !$('#compare').hidden) {
      cmp.dirty = true;
      showView('compare');
    } else {
      renderCompare();
    }
    const failed = list.length - ok;
    setStatus(failed ? 'warning' : 'info', `读取了 ${list.length} 个文件：${ok} 个成功${failed ? `，${failed} 个失败（原因见文件列表）` : ''}。`);
    lens.compareMs = performance.now() - t0start;
    requestAnimationFrame(() => setTimeout(() => { lens.comparePaintMs = performance.now() - t0start; }, 0));
  } else {
    renderCompare();
    if (firstError) setStatus('error', firstError.message);
  }
}

function messageOf(err) {
  if (err instanceof UserError) return err.message;
  return `出错了：${err && err.message ? err.message : err}。页面上原有的结果保持不变；请重试，或换一个文件。`;
}

function fail(err) {
  if (!(err instanceof UserError)) console.error(err);
  setStatus('error', messageOf(err));
}

// ---------- analysis ----------

/** How long one analysis may take in the worker before it is stopped (a report takes
 * milliseconds; the longest text allowed, about a second on a slow phone). */
const ANALYSIS_LIMIT_MS = 4000;

/**
 * The analysis worker: one kept ready (the engine compiled in it), replaced after each
 * analysis that ran out of time. Where workers cannot run (the single file opened from disk),
 * `null`, and the analysis runs on the page as before.
 */
const analyst = { worker: null, next: 1, pending: new Map(), failed: false };

function startWorker() {
  if (analyst.failed || typeof Worker === 'undefined' || location.protocol === 'file:') return null;
  try {
    const w = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'report-lens-analysis' });
    w.onmessage = (e) => {
      const job = analyst.pending.get(e.data.id);
      if (!job) return;
      analyst.pending.delete(e.data.id);
      clearTimeout(job.timer);
      if (e.data.ok) {
        // The time the job spent outside the worker's work: messages and waiting.
        lens.workerOverheadMs = performance.now() - job.sent - e.data.workMs;
        job.resolve(e.data);
      }
      else job.reject(new UserError(e.data.message));
    };
    w.onerror = (e) => {
      // The worker could not start (or died): every waiting analysis runs on the page instead.
      e.preventDefault();
      analyst.failed = true;
      analyst.worker = null;
      for (const job of analyst.pending.values()) {
        clearTimeout(job.timer);
        job.resolve(null);
      }
      analyst.pending.clear();
    };
    // The engine the page compiled: the worker instantiates it without compiling it again.
    if (engine) w.postMessage({ kind: 'engine', module: engine });
    analyst.worker = w;
    return w;
  } catch {
    analyst.failed = true;
    return null;
  }
}

/**
 * Analyze off the main thread: `{json, text, sharedFile, ms}` from the worker, or `null` when
 * there is no worker (the caller analyzes on the page). An analysis over the time limit
 * stops the worker and rejects with a message that says what to do.
 */
function inWorker(message) {
  const w = analyst.worker || startWorker();
  if (!w) return Promise.resolve(null);
  const id = analyst.next++;
  lens.workerJobs = (lens.workerJobs || 0) + 1;
  // (`reportLens.analysisLimitMs` lowers the limit: the e2e test of the watchdog sets it.)
  const limit = lens.analysisLimitMs || ANALYSIS_LIMIT_MS;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      analyst.pending.delete(id);
      w.terminate();
      if (analyst.worker === w) analyst.worker = null;
      // A fresh worker; the other jobs of the stopped one run again in it.
      if (!analyst.worker) startWorker();
      const rest = [...analyst.pending.values()];
      analyst.pending.clear();
      for (const job of rest) {
        clearTimeout(job.timer);
        inWorker(job.message).then(job.resolve, job.reject);
      }
      lens.workerTimeouts = (lens.workerTimeouts || 0) + 1;
      reject(new UserError(`分析这份文本超过了 ${Math.max(1, Math.round(limit / 1000))} 秒，已停止，页面上原有的结果保持不变：文本可能异常（例如极长的数字串、列表或没有标点的长段落），请只保留报告正文后再试，或换一个文件。`));
    }, limit);
    analyst.pending.set(id, { resolve, reject, timer, message, sent: performance.now() });
    w.postMessage({ id, ...message });
  });
}

/** An analysis handle for `text`: made in the worker when there is one, else here. */
async function analyzeText(text) {
  const r = await inWorker({ kind: 'analyze', text });
  return r ? Analysis.fromReport(text, r.json, r.ms, undefined) : new Analysis(text);
}

/**
 * Analyze `text` and show it. A text that is not a report (no standard indicator at all)
 * throws a UserError and leaves what is on screen as it was. Returns the shown document.
 */
async function show(text, fileName, t0 = performance.now(), read = null, render = true) {
  if (!text.trim()) throw new UserError('文本是空的：请选择或粘贴一份政府工作报告。');
  const steps = { read: performance.now() - t0 };
  let mark = performance.now();
  const lap = (name) => {
    const now = performance.now();
    steps[name] = now - mark;
    mark = now;
  };
  const analysis = await analyzeText(text);
  lap('analyze');
  const report = analysis.report();
  lap('report');
  if (report.warnings.some((w) => w.code === 'empty' || w.code === 'no_indicators')) {
    analysis.free();
    throw new UserError(`在“${fileName}”中没有找到地区生产总值、收入、就业等常见指标：请确认这是一份政府工作报告的正文。（页面上原有的结果保持不变。）`);
  }
  const charts = analysis.charts(chartWidth());
  lap('charts');
  const doc = { name: fileName, text, read: read || { encoding: 'UTF-8', format: 'pasted', notes: [] }, analysis, report, charts, wsId: ws.add(analysis, fileName) };
  if (!render) {
    lens.runs += 1;
    return doc;
  }
  display(doc, lap);
  const domMs = performance.now() - t0;
  lens.runs += 1;
  lens.last = { fileName, chars: text.length, analysisMs: analysis.analysisMs, domMs, paintMs: null, charts: charts.length, steps, workerOverheadMs: lens.workerOverheadMs };
  requestAnimationFrame(() => setTimeout(() => { lens.last.paintMs = performance.now() - t0; }, 0));
  const notes = [...new Set([...doc.read.notes, ...report.warnings.map((w) => w.message)])].join(' ');
  const summary = `已分析“${fileName}”：${summaryOf(doc)}`;
  setStatus(notes ? 'warning' : 'info', notes ? `${summary} ${notes}` : summary);
  return doc;
}

function summaryOf(doc) {
  return `${FORMAT[doc.read.format] || doc.read.format}，${doc.report.indicators.length} 项指标，${doc.charts.length} 张图表，用时 ${doc.analysis.analysisMs.toFixed(1)} 毫秒。`;
}

/** Put a document on screen. */
function display(doc, lap = () => {}) {
  Object.assign(state, { analysis: doc.analysis, report: doc.report, text: doc.text, fileName: doc.name, read: doc.read, selected: null, span: null, figures: null });
  renderMeta(doc.report, doc.text, doc.analysis.analysisMs);
  // A link can carry any figures under this site's address: a view opened from one says so.
  const note = $('#shared-note');
  note.hidden = !doc.shared;
  note.textContent = doc.shared === 'text'
    ? '来自分享链接：以下数字由本页根据链接中携带的原文重新计算；原文由分享者提供，请以报告原文为准。'
    : doc.shared ? '来自分享链接，数据由分享者提供；请以报告原文为准。' : '';
  lap('renderMeta');
  renderCharts(doc.charts);
  lap('renderCharts');
  renderTable();
  lap('renderTable');
  renderOutline(doc.report);
  renderText(null);
  renderFiles();
  $('#result').hidden = false;
  showView('single');
  lap('renderRest');
}

/** The list of files tried: each with its outcome; a loaded report can be viewed or removed. */
function renderFiles() {
  const ul = $('#files');
  ul.hidden = files.length === 0;
  ul.replaceChildren(
    ...files.map((f) => {
      const li = document.createElement('li');
      li.dataset.file = f.name;
      li.dataset.status = f.doc ? 'ok' : f.message === '正在读取……' ? 'reading' : 'error';
      const name = document.createElement('strong');
      name.textContent = f.name;
      const msg = document.createElement('span');
      msg.className = 'msg';
      if (f.doc) {
        const m = f.doc.report.meta;
        msg.textContent = [m.region || '未识别地区', LEVEL[m.level] || '', m.planYear ? `${m.planYear}年报告` : '', `${f.doc.report.indicators.length} 项指标`].filter(Boolean).join(' · ');
        if (f.doc.analysis === state.analysis && !$('#result').hidden && $('#compare').hidden) li.setAttribute('aria-current', 'true');
        li.append(name, msg, button('查看', () => display(f.doc)), button('移除', () => removeFile(f)));
      } else {
        msg.textContent = f.message;
        li.append(name, msg);
        if (f.message !== '正在读取……') li.append(button('移除', () => removeFile(f)));
      }
      return li;
    }),
  );
}

function removeFile(f) {
  files.splice(files.indexOf(f), 1);
  if (f.doc) {
    ws.remove(f.doc.wsId);
    if (state.analysis === f.doc.analysis) {
      const other = [...files].reverse().find((x) => x.doc);
      if (other) display(other.doc);
      else {
        $('#result').hidden = true;
        state.analysis = null;
      }
    }
    f.doc.analysis.free();
  }
  renderFiles();
  renderCompare();
}

// ---------- share links ----------

async function shareLink() {
  if (!state.analysis) return;
  const withText = $('#share-text').checked && state.text.length > 0;
  let fragment = state.analysis.shareLink(state.fileName, withText);
  let note = '';
  if (withText && fragment.length > maxLinkWithText()) {
    fragment = state.analysis.shareLink(state.fileName, false);
    note = '原文太长，链接中没有包含原文。';
  }
  const url = `${location.href.split('#')[0]}#${fragment}`;
  const box = $('#share-url');
  box.value = url;
  lens.shareUrl = url;
  const privacy = '链接中的数据在打开者的浏览器里解读，不会发送到任何服务器。';
  try {
    await navigator.clipboard.writeText(url);
    setStatus('info', `分享链接已复制（${url.length} 个字符）。${note}${privacy}`);
  } catch {
    box.focus();
    box.select();
    setStatus('warning', `分享链接已生成（${url.length} 个字符），但浏览器不允许自动复制：请在链接框中按 Ctrl+C 复制。${note}`);
  }
}

/** Open the analysis a share link carries; a broken link gets a message, nothing else. */
async function openShared() {
  const hash = location.hash;
  if (!hash || hash === '#') return;
  let analysis;
  try {
    // A link may carry a whole text, analyzed again: in the worker, under its time limit.
    const r = await inWorker({ kind: 'shared', fragment: hash });
    analysis = r ? Analysis.fromReport(r.text || '', r.json, r.ms, r.sharedFile || undefined) : Analysis.fromShared(hash);
  } catch (err) {
    setStatus('error', err && err.message ? err.message : String(err));
    return;
  }
  const report = analysis.report();
  const charts = analysis.charts(chartWidth());
  const name = analysis.sharedFile || '分享的分析';
  const text = analysis.text;
  const doc = { name, text, shared: text ? 'text' : 'data', read: { encoding: 'UTF-8', format: 'shared', notes: [] }, analysis, report, charts, wsId: ws.add(analysis, name) };
  files.push({ name, ok: true, message: summaryOf(doc), doc });
  display(doc);
  lens.runs += 1;
  const notes = report.warnings.filter((w) => w.code !== 'no_region').map((w) => w.message).join(' ');
  setStatus(notes ? 'warning' : 'info', `已打开分享的分析“${name}”：${report.indicators.length} 项指标，${charts.length} 张图表。${text ? '' : '链接中不含原文。'}${notes ? ` ${notes}` : ''}`);
  renderCompare();
}

// ---------- comparison ----------

function showView(view) {
  const compare = view === 'compare' && ws && ws.size >= 2;
  $('#compare').hidden = !compare;
  if (compare && cmp.dirty) renderCompare();
  $('#result').hidden = compare || !state.analysis;
  $('#tab-single').setAttribute('aria-pressed', String(!compare));
  $('#tab-compare').setAttribute('aria-pressed', String(compare));
  renderFiles();
}

/**
 * Draw the comparison view from the workspace (hidden with fewer than two reports). While the
 * single-report view is showing, only the tab is updated; the view is drawn when opened.
 */
function renderCompare() {
  const tabs = $('#view-tabs');
  if (!ws || ws.size < 2) {
    tabs.hidden = true;
    $('#compare').hidden = true;
    return;
  }
  tabs.hidden = false;
  $('#tab-compare').textContent = `多份对比（${ws.size} 份）`;
  if ($('#compare').hidden) {
    cmp.dirty = true;
    return;
  }
  cmp.dirty = false;
  const data = ws.comparison(cmp.terms);
  // The series to follow by year: the user's choice, or the economy of the first region.
  const sel = $('#trend-select');
  const options = data.series.filter((s) => s.points.length >= 2);
  if (!cmp.trend || !options.some((s) => s.region === cmp.trend.region && s.name === cmp.trend.name)) {
    const gdp = options.find((s) => s.name === '地区生产总值' || s.name === '国内生产总值');
    cmp.trend = gdp ? { region: gdp.region, name: gdp.name } : options[0] ? { region: options[0].region, name: options[0].name } : null;
  }
  sel.replaceChildren(
    ...options.map((s) => {
      const o = document.createElement('option');
      o.value = JSON.stringify([s.region, s.name]);
      o.textContent = `${s.region === '中华人民共和国' ? '全国' : s.region} · ${s.name}（${s.points.length} 个数据点）`;
      o.selected = cmp.trend && s.region === cmp.trend.region && s.name === cmp.trend.name;
      return o;
    }),
  );
  const charts = ws.charts(chartWidth(), cmp.trend ? cmp.trend.region : undefined, cmp.trend ? cmp.trend.name : undefined, cmp.terms);
  renderChartsInto($('#compare-charts'), charts, '对比');
  renderTargets(data.targets);
  renderRegions(data.regions);
  renderTerms(data.terms);
  $('#compare-summary').textContent = `${data.reports.length} 份报告：${data.targets.length} 项目标，其中 ${data.targets.filter((t) => t.status === 'met').length} 项达成、${data.targets.filter((t) => t.status === 'missed').length} 项未达成、${data.targets.filter((t) => t.status === 'no_result').length} 项暂无结果（下一年的报告未载入或未提及）。`;
}

const STATUS = { met: '达成', missed: '未达成', no_result: '暂无结果' };

function describe(side, measure) {
  if (!side) return '';
  if (measure === 'change') {
    if (side.changePct === null || side.changePct === undefined) return '';
    const high = side.changePctHigh !== null && side.changePctHigh !== undefined ? `–${fmt(side.changePctHigh)}` : '';
    const verb = side.changePct < 0 && !high ? `下降${fmt(-side.changePct)}` : `增长${fmt(side.changePct)}${high}`;
    return `${verb}%${!high && side.bound ? BOUND[side.bound] : ''}`;
  }
  return `${fmt(side.value)}${side.unit || ''}${side.bound ? BOUND[side.bound] : ''}`;
}

function renderTargets(targets) {
  const rows = targets.map((t) => {
    const tr = document.createElement('tr');
    tr.dataset.name = t.name;
    tr.dataset.region = t.region;
    tr.dataset.period = t.period;
    tr.dataset.status = t.status;
    tr.dataset.targetChangePct = t.target.changePct ?? '';
    tr.dataset.resultChangePct = t.result && t.result.changePct !== null ? String(t.result.changePct) : '';
    const status = td(STATUS[t.status], `status-${t.status}`);
    tr.append(td(t.period), td(t.region === '中华人民共和国' ? '全国' : t.region), td(t.name), td(describe(t.target, t.measure)), td(describe(t.result, t.measure)), status, td(`${t.target.file}${t.result ? ` → ${t.result.file}` : ''}`, 'source'));
    tr.title = `目标原文：${t.target.quote}${t.result ? `\n结果原文：${t.result.quote}` : ''}`;
    return tr;
  });
  $('#targets tbody').replaceChildren(...rows);
}

function renderRegions(years) {
  const box = $('#regions');
  box.replaceChildren();
  $('#regions-section').hidden = years.length === 0;
  for (const y of years) {
    const table = document.createElement('table');
    table.className = 'regions-table';
    const cap = document.createElement('caption');
    cap.textContent = `${y.reviewYear}年各地区对比`;
    const head = document.createElement('tr');
    for (const h of ['地区', '级别', `${y.reviewYear}年经济增长`, `${y.reviewYear + 1}年增长目标`, '居民人均可支配收入', '收入增长', '城镇居民', '农村居民']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = h;
      head.append(th);
    }
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    for (const r of y.rows) {
      const tr = document.createElement('tr');
      tr.dataset.region = r.region;
      const pct = (v) => (v === null || v === undefined ? '' : `${fmt(v)}%`);
      const yuan = (v) => (v === null || v === undefined ? '' : `${fmt(v)}元`);
      tr.append(td(r.region), td(LEVEL[r.level] || ''), td(pct(r.gdpGrowth), 'num'), td(r.gdpTarget === null ? '' : `${fmt(r.gdpTarget)}%${r.gdpTargetBound ? BOUND[r.gdpTargetBound] : ''}`, 'num'), td(yuan(r.income), 'num'), td(pct(r.incomeGrowth), 'num'), td(yuan(r.urbanIncome), 'num'), td(yuan(r.ruralIncome), 'num'));
      tbody.append(tr);
    }
    table.append(cap, thead, tbody);
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    wrap.append(table);
    box.append(wrap);
  }
}

function renderTerms(terms) {
  const list = $('#terms');
  list.replaceChildren(
    ...terms.map((t) => {
      const total = t.counts.reduce((a, c) => a + c.count, 0);
      const b = button(`${t.term}（${total}）`, () => {
        cmp.term = t.term;
        renderKwic();
      });
      b.dataset.term = t.term;
      b.setAttribute('aria-pressed', String(cmp.term === t.term));
      return b;
    }),
  );
  if (cmp.term) renderKwic();
  else $('#kwic').replaceChildren();
}

/** The sentences that contain the chosen term, per report, the term marked. */
function renderKwic() {
  for (const b of document.querySelectorAll('#terms button')) b.setAttribute('aria-pressed', String(b.dataset.term === cmp.term));
  const box = $('#kwic');
  const h = document.createElement('h3');
  h.textContent = `含“${cmp.term}”的句子`;
  const parts = [h];
  for (const r of ws.sentences(cmp.term)) {
    const sec = document.createElement('section');
    const title = document.createElement('h4');
    title.textContent = `${r.label}（${r.sentences.length} 句${r.sentences.length === 30 ? '，只列出前 30 句' : ''}）`;
    const ol = document.createElement('ol');
    for (const sentence of r.sentences) {
      const li = document.createElement('li');
      const pieces = sentence.split(cmp.term);
      pieces.forEach((piece, k) => {
        if (k > 0) {
          const m = document.createElement('mark');
          m.textContent = cmp.term;
          li.append(m);
        }
        li.append(document.createTextNode(piece));
      });
      ol.append(li);
    }
    sec.append(title, ol);
    parts.push(sec);
  }
  box.replaceChildren(...parts);
}

// ---------- rendering ----------

/** Chart width in pixels: the available width, at most 720 (so chart text stays legible). */
function chartWidth() {
  const main = document.querySelector('main');
  const avail = (main ? main.clientWidth : window.innerWidth) - 32 - 18;
  return Math.round(Math.min(720, Math.max(320, avail)));
}

/**
 * The headline strip: for the indicators a reader looks for first, the plan year's target and
 * the review year's result, from the core (`Analysis.headline`). A cell shows its sentence when
 * clicked. Returns the title the core gives the report (region + year + 政府工作报告).
 */
function renderHeadline(report) {
  const h = state.analysis.headline();
  const m = report.meta;
  const box = $('#headline');
  const cell = (c, label, cls) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = `hl-cell ${cls}`;
    const k = document.createElement('span');
    k.className = 'hl-k';
    k.textContent = label;
    const v = document.createElement('span');
    v.className = 'hl-v';
    v.textContent = c ? c.text : '—';
    b.append(k, v);
    if (c) {
      b.dataset.indicator = String(c.indicator);
      b.addEventListener('click', () => {
        const tr = document.querySelector(`#indicators tbody tr[data-index="${c.indicator}"]`);
        if (tr) selectRow(tr);
        else renderText({ start: report.indicators[c.indicator].start, end: report.indicators[c.indicator].end });
      });
    } else {
      b.disabled = true;
    }
    return b;
  };
  box.replaceChildren(
    ...h.items.map((item) => {
      const div = document.createElement('div');
      div.className = 'hl-item';
      div.setAttribute('role', 'listitem');
      div.dataset.name = item.name;
      const name = document.createElement('div');
      name.className = 'hl-name';
      name.textContent = item.name;
      div.append(
        name,
        cell(item.target, m.planYear ? `${m.planYear}年目标` : '目标', 'hl-target'),
        cell(item.result, m.reviewYear ? `${m.reviewYear}年结果` : '结果', 'hl-result'),
      );
      return div;
    }),
  );
  box.hidden = h.items.length === 0;
  $('#copy-headline').hidden = h.items.length === 0;
  return h.title;
}

/**
 * The headline strip as a table on the clipboard: tab-separated text (pastes as cells in Excel
 * and WPS) and the same as an HTML table (for editors that take one), with its source line.
 */
async function copyHeadline() {
  const h = state.analysis.headline();
  const m = state.report.meta;
  const head = ['指标', m.planYear ? `${m.planYear}年目标` : '目标', m.reviewYear ? `${m.reviewYear}年结果` : '结果'];
  const rows = h.items.map((i) => [i.name, i.target ? i.target.text : '', i.result ? i.result.text : '']);
  const source = `来源：《${h.title}》，Report Lens 提取`;
  const tsv = [head, ...rows].map((r) => r.join('\t')).join('\n') + `\n${source}\n`;
  const table = document.createElement('table');
  const caption = table.createCaption();
  caption.textContent = h.title;
  for (const [k, r] of [head, ...rows].entries()) {
    const tr = table.insertRow();
    for (const v of r) {
      const c = document.createElement(k === 0 ? 'th' : 'td');
      c.textContent = v;
      tr.append(c);
    }
  }
  const html = `${table.outerHTML}<p>${source.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c])}</p>`;
  try {
    if (window.ClipboardItem && navigator.clipboard.write) {
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': new Blob([tsv], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) })]);
    } else {
      await navigator.clipboard.writeText(tsv);
    }
    setStatus('info', `已复制“${h.title}”的 ${rows.length} 项主要指标：可直接粘贴到 Excel、WPS 表格或文档中。`);
  } catch {
    throw new UserError('浏览器不允许写入剪贴板：请在页面上选中主要指标后按 Ctrl+C 复制，或导出 CSV。');
  }
}

function renderMeta(report, text, ms) {
  const m = report.meta;
  $('#report-title').textContent = renderHeadline(report) || m.title || state.fileName;
  const rows = [
    ['地区', m.region],
    ['级别', LEVEL[m.level]],
    ['会议日期', m.meetingDate],
    ['报告人', m.speaker],
    ['回顾年度', m.reviewYear && `${m.reviewYear}年`],
    ['计划年度', m.planYear && `${m.planYear}年`],
    ['文件', state.fileName],
    ['格式', state.read.format === 'text' || state.read.format === 'html' ? `${FORMAT[state.read.format]}（${state.read.encoding}）` : FORMAT[state.read.format] || state.read.format],
    // (Not toLocaleString: loading the locale data costs more than the whole analysis.)
    ['篇幅', text.length ? `${String(text.length).replace(/\B(?=(\d{3})+$)/g, ',')} 字符` : '（链接中不含原文）'],
    ['指标', `${report.indicators.length} 项`],
    ['分析用时', `${ms.toFixed(1)} 毫秒`],
  ];
  const dl = $('#meta');
  dl.replaceChildren(
    ...rows.map(([k, v]) => {
      const div = document.createElement('div');
      const dt = document.createElement('dt');
      const dd = document.createElement('dd');
      dt.textContent = k;
      dd.textContent = v || '未识别';
      div.append(dt, dd);
      return div;
    }),
  );
}

/**
 * Chart SVG (made by the core, every text in it escaped) → an inert SVG element. It is parsed
 * in a <template> (an inert document: nothing in it runs or loads), then stripped of anything
 * that could act — scripts, foreign content, links, event-handler attributes — before import.
 * (The page's Content-Security-Policy would block inline scripts and handlers as well.)
 */
function svgNode(svg) {
  const tpl = document.createElement('template');
  tpl.innerHTML = svg;
  const root = tpl.content.firstElementChild;
  if (!root || root.localName !== 'svg' || tpl.content.childElementCount !== 1) return null;
  for (const el of root.querySelectorAll('script, foreignObject, a, iframe, image, use, style')) el.remove();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let el = root; el; el = walker.nextNode()) {
    for (const name of el.getAttributeNames()) {
      const n = name.toLowerCase();
      if (n.startsWith('on') || n.endsWith('href') || n === 'style') el.removeAttribute(name);
    }
  }
  // The page shows its own tooltip; <title> stays in the downloaded file.
  for (const t of root.querySelectorAll('title')) t.remove();
  // Bars can be reached with Tab; their tooltip is their accessible name.
  for (const hit of root.querySelectorAll('.hit')) {
    hit.setAttribute('tabindex', '0');
    hit.setAttribute('role', 'img');
    hit.setAttribute('aria-label', hit.getAttribute('data-tip') || '');
  }
  return document.importNode(root, true);
}

function renderCharts(charts) {
  renderChartsInto($('#charts'), charts, baseName());
}

function renderChartsInto(box, charts, base) {
  const figures = charts.map((c) => {
    const fig = document.createElement('figure');
    fig.className = 'chart';
    fig.dataset.id = c.id;
    const node = svgNode(c.svg);
    if (node) fig.append(node);
    const cap = document.createElement('figcaption');
    const title = document.createElement('span');
    title.textContent = `单位：${c.unit} · 悬停在柱上查看数值与原文`;
    const spacer = document.createElement('span');
    spacer.className = 'spacer';
    const svgBtn = button('下载 SVG', () => download(new Blob([c.svg], { type: 'image/svg+xml' }), `${base}-${c.id}.svg`));
    const pngBtn = button('下载 PNG', () => downloadPng(c, base).catch(fail));
    cap.append(title, spacer, svgBtn, pngBtn);
    fig.append(cap);
    return fig;
  });
  if (figures.length === 0) {
    const p = document.createElement('p');
    p.className = 'empty-charts';
    p.textContent = '这份报告没有可以绘图的年度增长、收入或总量指标。';
    figures.push(p);
  }
  box.replaceChildren(...figures);
}

function button(label, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

function cellsOf(ind) {
  const value = ind.value === null ? '' : `${fmt(ind.value)}${ind.valueHigh !== null ? `–${fmt(ind.valueHigh)}` : ''}${ind.unit || ''}`;
  let growth = '';
  if (ind.changePct !== null) growth = `${signed(ind.changePct)}${ind.changePctHigh !== null ? `–${fmt(ind.changePctHigh)}` : ''}%`;
  else if (ind.changePoints !== null) growth = `${signed(ind.changePoints)}个百分点`;
  const bounds = [];
  // A range (4.5%–5%) speaks for itself: no 以上 after it.
  const range = ind.valueHigh !== null || ind.changePctHigh !== null;
  if (ind.bound && !range) bounds.push(BOUND[ind.bound]);
  if (ind.changeBound && !range) bounds.push(`增长${BOUND[ind.changeBound]}`);
  if (ind.basis) bounds.push(BASIS[ind.basis]);
  return { value, growth, bound: bounds.join('，') };
}

function visibleIndicators() {
  const kind = $('#kind-filter').value;
  const q = $('#search').value.trim();
  let list = state.report.indicators.map((ind, index) => ({ ind, index }));
  if (kind !== 'all') list = list.filter(({ ind }) => ind.kind === kind);
  if ($('#catalog-only').checked) list = list.filter(({ ind }) => ind.inCatalog);
  if (q) {
    list = list.filter(({ ind }) => {
      const c = cellsOf(ind);
      return ind.name.includes(q) || ind.quote.includes(q) || c.value.includes(q) || c.growth.includes(q);
    });
  }
  const { key, dir } = state.sort;
  if (key) {
    const val = ({ ind }) => {
      if (key === 'bound') return ind.bound || ind.changeBound || '';
      return ind[key];
    };
    list.sort((a, b) => {
      const x = val(a);
      const y = val(b);
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (typeof x === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN')) * dir;
    });
  }
  return list;
}

function renderTable() {
  const list = visibleIndicators();
  const rows = list.map(({ ind, index }) => {
    const tr = document.createElement('tr');
    // One row in the tab order (the selected one, or the first); arrow keys move between rows.
    tr.tabIndex = -1;
    tr.dataset.index = String(index);
    tr.dataset.name = ind.name;
    tr.dataset.kind = ind.kind;
    tr.dataset.period = ind.period;
    tr.dataset.value = ind.value === null ? '' : String(ind.value);
    tr.dataset.unit = ind.unit || '';
    tr.dataset.valueBase = ind.valueBase === null ? '' : String(ind.valueBase);
    tr.dataset.changePct = ind.changePct === null ? '' : String(ind.changePct);
    tr.setAttribute('aria-selected', String(state.selected === index));
    const c = cellsOf(ind);
    const name = document.createElement('td');
    name.textContent = ind.name;
    if (!ind.inCatalog) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = '未归类';
      badge.title = '不是标准指标：名称取自原文';
      name.append(badge);
    }
    const cells = [
      name,
      td(ind.period),
      td(KIND[ind.kind], ind.kind === 'target' ? 'kind-target' : ''),
      td(c.value, 'num'),
      td(c.growth, `num${ind.changePct < 0 ? ' neg' : ''}`),
      td(c.bound),
    ];
    tr.append(...cells);
    tr.title = ind.quote;
    return tr;
  });
  const current = rows.find((r) => Number(r.dataset.index) === state.selected) || rows[0];
  if (current) current.tabIndex = 0;
  $('#indicators tbody').replaceChildren(...rows);
  $('#count').textContent = `显示 ${list.length} / ${state.report.indicators.length} 项`;
  for (const th of document.querySelectorAll('#indicators th')) {
    const k = th.dataset.key;
    if (k === state.sort.key) th.setAttribute('aria-sort', state.sort.dir > 0 ? 'ascending' : 'descending');
    else th.removeAttribute('aria-sort');
  }
}

function td(text, cls = '') {
  const el = document.createElement('td');
  el.textContent = text ?? '';
  if (cls) el.className = cls;
  return el;
}

function renderOutline(report) {
  const items = report.sections.map((s) => {
    const li = document.createElement('li');
    li.className = `depth-${s.depth}`;
    const b = button(`${s.number}${s.title}`, () => {
      // The heading: up to the end of its line, or its first 。 when the body follows on it.
      const lineEnd = state.text.indexOf('\n', s.start);
      const stop = state.text.indexOf('。', s.start);
      let end = Math.min(lineEnd === -1 ? state.text.length : lineEnd, s.end);
      if (stop !== -1 && stop < end) end = stop + 1;
      renderText({ start: s.start, end: Math.max(end, s.start + 1) });
    });
    li.append(b);
    return li;
  });
  if (items.length === 0) {
    const li = document.createElement('li');
    li.textContent = '未识别到标题。';
    items.push(li);
  }
  $('#outline ol').replaceChildren(...items);
}

const FIGURE_KIND = {
  percent: '百分比', permille: '千分比', points: '百分点', money: '金额', people: '人数', count: '数量', area: '面积', mass: '重量',
  length: '长度', volume: '体积', energy: '能源', power: '功率', time: '时间', concentration: '浓度', rate: '比率', number: '数值',
};

/** Every figure of the text on screen (`[{value, unit, kind, text, start, end}]`), or [] when the marks are off. */
/** Characters per block of a long text in the text pane. */
const CHUNK = 4000;

/**
 * A long text as blocks of about `CHUNK` characters, cut after a line break or a sentence's
 * end: the browser lays out only the blocks in view (`content-visibility`), so a text of one
 * endless line (a flattened web page, a hostile file) cannot freeze the page. A text under a
 * few blocks stays as it is. `nodes` is a node or a fragment of text nodes and marks.
 */
function chunked(nodes) {
  if (nodes.textContent.length <= 3 * CHUNK) return nodes;
  const parts = nodes.nodeType === Node.DOCUMENT_FRAGMENT_NODE ? nodes : (() => { const f = document.createDocumentFragment(); f.append(nodes); return f; })();
  const out = document.createDocumentFragment();
  let block;
  let size = 0;
  const open = () => {
    block = document.createElement('div');
    block.className = 'text-chunk';
    out.append(block);
    size = 0;
  };
  open();
  let node = parts.firstChild;
  while (node) {
    if (node.nodeType === Node.TEXT_NODE && size + node.data.length > CHUNK) {
      const cut = cutPoint(node.data, Math.max(1, CHUNK - size));
      const rest = node.splitText(cut);
      block.append(node);
      open();
      node = rest;
      continue;
    }
    const next = node.nextSibling;
    block.append(node);
    size += node.textContent.length;
    if (size >= CHUNK) open();
    node = next;
  }
  return out;
}

/** Where to cut `s` at most `room` characters in: after its last line break or sentence end there. */
function cutPoint(s, room) {
  if (room >= s.length) return s.length;
  const head = s.slice(0, room);
  const at = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('。'), head.lastIndexOf('；'));
  let cut = at >= room / 2 ? at + 1 : room;
  // Never between the two halves of a surrogate pair.
  const c = s.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut -= 1;
  return Math.max(1, cut);
}

function shownFigures() {
  if (!$('#mark-figures').checked || !state.text || !state.analysis) return [];
  if (!state.figures) state.figures = state.analysis.figures();
  return state.figures;
}

/**
 * The text as nodes: each figure a `<mark class="figure">`, the clause `span` one `<mark
 * class="quote">` around its part (figures inside it nested). Text nodes only: nothing from the
 * report is ever parsed as HTML. Returns them in a fragment, and the clause's mark.
 */
function textNodes(text, figures, span) {
  const cuts = new Set([0, text.length]);
  for (const f of figures) cuts.add(f.start).add(f.end);
  if (span) cuts.add(span.start).add(span.end);
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  const nodes = document.createDocumentFragment();
  let quote = null;
  let open = null; // the clause mark being filled
  let k = 0; // figures before `a` are done
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    while (k < figures.length && figures[k].end <= a) k++;
    const f = figures[k];
    let node = document.createTextNode(text.slice(a, b));
    if (f && f.start <= a && b <= f.end) {
      const m = document.createElement('mark');
      m.className = 'figure';
      m.dataset.kind = f.kind;
      m.title = `${fmt(f.value)}${f.valueHigh !== null ? `—${fmt(f.valueHigh)}` : ''}${f.unit}（${FIGURE_KIND[f.kind] || f.kind}${f.more ? '，多于此数' : ''}）`;
      m.append(node);
      node = m;
    }
    if (span && span.start <= a && b <= span.end) {
      if (!open) {
        open = document.createElement('mark');
        open.className = 'quote';
        quote = quote || open;
        nodes.append(open);
      }
      open.append(node);
    } else {
      open = null;
      nodes.append(node);
    }
  }
  return { nodes, quote };
}

/** Show the original text; `span` ({start, end} in UTF-16 units) is highlighted and scrolled to. */
function renderText(span) {
  const box = $('#report-text');
  const text = state.text;
  state.span = span;
  $('#mark-figures').disabled = !text;
  const figures = shownFigures();
  $('#figure-count').textContent = $('#mark-figures').checked && text ? `已标出 ${figures.length} 个数字` : '';
  lens.figuresMarked = figures.length;
  if (!text) {
    box.textContent = '这份分析来自分享链接，链接中不含报告原文（分享时勾选“含原文”才会包含）。';
    return;
  }
  if (!span && figures.length === 0) {
    box.replaceChildren(chunked(document.createTextNode(text)));
    return;
  }
  const { nodes, quote: mark } = textNodes(text, figures, span);
  box.replaceChildren(chunked(nodes));
  if (!mark) return;
  // Scroll the text pane, not the page, so the row that was clicked stays where it is; when
  // the pane is below the table (narrow screens), bring it into view.
  const center = () => { box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 2); };
  center();
  // A long text's blocks above the mark get their real heights once laid out: centre again.
  if (box.firstElementChild && box.firstElementChild.classList.contains('text-chunk')) requestAnimationFrame(center);
  if (window.matchMedia('(max-width: 900px)').matches) $('#text-section').scrollIntoView({ block: 'start' });
}

function selectRow(tr) {
  const index = Number(tr.dataset.index);
  const ind = state.report.indicators[index];
  if (!ind) return;
  state.selected = index;
  for (const row of document.querySelectorAll('#indicators tbody tr')) {
    row.setAttribute('aria-selected', String(row === tr));
    row.tabIndex = row === tr ? 0 : -1;
  }
  renderText({ start: ind.start, end: ind.end });
}

// ---------- exports ----------

function baseName() {
  return (state.fileName || 'report').replace(/\.[^.]+$/, '') || 'report';
}

function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function downloadPng(chart, base = baseName()) {
  const url = URL.createObjectURL(new Blob([chart.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    await new Promise((ok, bad) => {
      img.onload = ok;
      img.onerror = () => bad(new UserError('无法把图表转换为 PNG：请改用“下载 SVG”。'));
      img.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * scale;
    canvas.height = img.naturalHeight * scale;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((ok) => canvas.toBlob(ok, 'image/png'));
    if (!blob) throw new UserError('无法生成 PNG：请改用“下载 SVG”。');
    download(blob, `${base}-${chart.id}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The sample report: shipped in samples/, or inside the single-file build. */
async function sampleText() {
  if (typeof globalThis.REPORT_LENS_SAMPLE === 'string') return globalThis.REPORT_LENS_SAMPLE;
  const res = await fetch('samples/tianjun-2022.txt');
  if (!res.ok) throw new UserError('示例报告未能载入：请检查网站是否完整部署了 samples/ 文件夹。');
  return res.text();
}

// ---------- wiring ----------

function wire() {
  const zone = $('#drop-zone');
  const input = $('#file-input');
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    const t0 = performance.now();
    e.preventDefault();
    zone.classList.remove('over');
    openFiles(e.dataTransfer && e.dataTransfer.files, t0);
  });
  // A file dropped anywhere else must not make the browser navigate away from the results.
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => {
    if (!zone.contains(e.target)) {
      e.preventDefault();
      openFiles(e.dataTransfer && e.dataTransfer.files, performance.now());
    }
  });
  input.addEventListener('change', () => {
    const t0 = performance.now();
    openFiles(input.files, t0).finally(() => { input.value = ''; });
  });
  $('#sample-button').addEventListener('click', async () => {
    const t0 = performance.now();
    try {
      setStatus('info', '正在载入示例报告……');
      const name = 'tianjun-2022.txt（示例）';
      const doc = await show(await sampleText(), name, t0, { encoding: 'UTF-8', format: 'text', notes: [] });
      files.push({ name, ok: true, message: summaryOf(doc), doc });
      renderFiles();
      renderCompare();
    } catch (err) {
      fail(err);
    }
  });
  $('#paste-button').addEventListener('click', async () => {
    try {
      const read = readPasted($('#paste-text').value);
      if (read.error) throw new UserError(read.error.message);
      const doc = await show(read.text, '粘贴的文本', performance.now(), { ...read, format: read.format === 'html' ? 'html' : 'pasted' });
      files.push({ name: '粘贴的文本', ok: true, message: summaryOf(doc), doc });
      renderFiles();
      renderCompare();
    } catch (err) {
      fail(err);
    }
  });
  $('#share-button').addEventListener('click', () => shareLink().catch(fail));
  $('#copy-headline').addEventListener('click', () => copyHeadline().catch(fail));
  window.addEventListener('hashchange', openShared);
  $('#tab-single').addEventListener('click', () => showView('single'));
  $('#tab-compare').addEventListener('click', () => showView('compare'));
  $('#trend-select').addEventListener('change', (e) => {
    const [region, name] = JSON.parse(e.target.value);
    cmp.trend = { region, name };
    renderCompare();
  });
  $('#term-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const words = $('#term-input').value.split(/[,，、\s]+/).map((w) => w.trim()).filter(Boolean);
    for (const w of words) if (!cmp.terms.includes(w)) cmp.terms.push(w);
    $('#term-input').value = '';
    if (words.length) cmp.term = words[words.length - 1];
    renderCompare();
  });
  $('#export-targets').addEventListener('click', () => {
    download(new Blob(['\ufeff', ws.targetsCsv()], { type: 'text/csv;charset=utf-8' }), '目标与结果.csv');
  });
  $('#mark-figures').addEventListener('change', () => renderText(state.span));
  $('#kind-filter').addEventListener('change', renderTable);
  $('#catalog-only').addEventListener('change', renderTable);
  $('#search').addEventListener('input', renderTable);
  for (const th of document.querySelectorAll('#indicators th')) {
    th.querySelector('button').addEventListener('click', () => {
      const key = th.dataset.key;
      state.sort = { key, dir: state.sort.key === key ? -state.sort.dir : 1 };
      renderTable();
    });
  }
  const tbody = $('#indicators tbody');
  tbody.addEventListener('click', (e) => {
    const tr = e.target.closest('tr');
    if (tr) selectRow(tr);
  });
  tbody.addEventListener('keydown', (e) => {
    const tr = e.target.closest('tr');
    if (!tr) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      selectRow(tr);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling;
      if (next) {
        tr.tabIndex = -1;
        next.tabIndex = 0;
        next.focus();
      }
    }
  });
  $('#export-csv').addEventListener('click', () => {
    if (!state.analysis) return;
    // A BOM so that Excel reads the file as UTF-8 and shows the Chinese text. By default the
    // rows on screen (filter and order), with Chinese headers and values; English codes, every
    // row, for scripts.
    const csv = $('#csv-english').checked
      ? state.analysis.toCsv(state.fileName)
      : state.analysis.toCsvChinese(state.fileName, new Uint32Array(visibleIndicators().map(({ index }) => index)));
    download(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }), `${baseName()}-指标.csv`);
  });
  $('#export-json').addEventListener('click', () => {
    if (!state.analysis) return;
    try {
      download(new Blob([state.analysis.toJson()], { type: 'application/json' }), `${baseName()}-分析.json`);
    } catch (err) {
      fail(err);
    }
  });
  // Chart tooltips: the exact number and the source sentence of the bar under the pointer.
  const tip = $('#tooltip');
  const charts = $('#charts');
  charts.addEventListener('mousemove', (e) => {
    const hit = e.target.closest && e.target.closest('.hit');
    if (!hit) {
      tip.hidden = true;
      return;
    }
    tip.textContent = hit.getAttribute('data-tip');
    tip.hidden = false;
    const x = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    const y = Math.min(e.clientY + 14, window.innerHeight - tip.offsetHeight - 8);
    tip.style.left = `${Math.max(4, x)}px`;
    tip.style.top = `${Math.max(4, y)}px`;
  });
  charts.addEventListener('mouseleave', () => { tip.hidden = true; });
  charts.addEventListener('focusin', (e) => {
    const hit = e.target.closest && e.target.closest('.hit');
    if (!hit) return;
    const r = hit.getBoundingClientRect();
    tip.textContent = hit.getAttribute('data-tip');
    tip.hidden = false;
    tip.style.left = `${Math.max(4, Math.min(r.right + 8, window.innerWidth - tip.offsetWidth - 8))}px`;
    tip.style.top = `${Math.max(4, Math.min(r.top, window.innerHeight - tip.offsetHeight - 8))}px`;
  });
  charts.addEventListener('focusout', () => { tip.hidden = true; });
  window.addEventListener('scroll', () => { tip.hidden = true; }, { passive: true });
}

/** Offline use: a service worker keeps the page and the engine (not for a file opened from disk). */
function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  navigator.serviceWorker.register('./sw.js').then(
    () => { lens.serviceWorker = true; },
    (err) => console.warn('service worker not registered', err),
  );
}

/** The engine compiled once: the page instantiates it, and the worker gets the same module. */
let engine = null;

async function engineSource() {
  try {
    engine = await WebAssembly.compileStreaming(fetch(new URL('./pkg/report_lens_bg.wasm', import.meta.url)));
    return { module_or_path: engine };
  } catch {
    // (A host that does not serve `application/wasm`: the glue fetches and compiles it.)
    return undefined;
  }
}

async function start() {
  try {
    await init(await engineSource());
  } catch (err) {
    setStatus('error', `无法加载分析引擎（WebAssembly）：${err && err.message ? err.message : err}。请用最新版的 Chrome、Edge、Firefox 或 Safari 打开本页。`);
    return;
  }
  ws = new Workspace();
  wire();
  registerServiceWorker();
  setStatus('info', '就绪：把报告文件拖到上方、选择文件、粘贴全文，或点“试用示例报告”。');
  // A share link in the address: open it (its message, if broken, replaces the one above).
  await openShared();
  lens.ready = true;
  lens.readyMs = performance.now();
  document.body.dataset.ready = 'true';
  // While the user picks a file: build the core's lookup tables and let the engine compile
  // the hot code, so the first real report is as fast as the next ones.
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 50));
  idle(warmUp);
}

const WARM_UP_TEXT = '政府工作报告\n——2025年1月20日在市第一届人民代表大会第一次会议上\n市长 张三\n各位代表：\n一、2024年工作回顾\n全市地区生产总值增长5.5%，达到1234.5亿元；城镇、农村常住居民人均可支配收入分别增长5%、6.5%。\n二、2025年主要目标\n地区生产总值增长5%左右，城镇调查失业率控制在5.5%以内。';

function warmUp() {
  // The analysis worker starts after "ready" (it would compete with the page's own start-up on
  // a machine of two cores), with the engine the page compiled; then its lookup tables and
  // hot code are warmed, before the first real report.
  const worker = (async () => {
    // (A longer text than the page's own warm-up: the worker's code reaches its optimized tier
    // sooner, and the worker has time while the user picks a file.)
    const text = WARM_UP_TEXT.repeat(40);
    for (let i = 0; i < 4; i++) await inWorker({ kind: 'analyze', text }).catch(() => null);
  })();
  try {
    let charts = [];
    for (let i = 0; i < 3; i++) {
      const a = new Analysis(WARM_UP_TEXT);
      a.report();
      charts = a.charts();
      a.free();
    }
    // Lay the charts out once, out of sight, so that the fonts for chart text are ready too.
    const shelf = document.createElement('div');
    shelf.className = 'warm-up';
    shelf.setAttribute('aria-hidden', 'true');
    for (const c of charts) {
      const node = svgNode(c.svg);
      if (node) shelf.append(node);
    }
    document.body.append(shelf);
    shelf.getBoundingClientRect();
    requestAnimationFrame(() => setTimeout(() => {
      shelf.remove();
      worker.then(() => { lens.warm = true; });
    }, 0));
  } catch (err) {
    console.warn('warm-up failed', err);
    worker.then(() => { lens.warm = true; });
  }
}

start();

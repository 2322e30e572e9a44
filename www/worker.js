// Report Lens analysis worker: the core analyzes a text (or opens a share link, which may
// re-analyze the text it carries) here, off the page's main thread, so no input can freeze the
// tab. The page starts one ahead of time and terminates it when an analysis runs past its time
// limit (then starts a fresh one). Replies: {id, ok: true, json, text, sharedFile, ms} or
// {id, ok: false, message}.
import init, { Analysis } from './pkg/report_lens.js';

// The page sends the engine it compiled first; without it (a page that could not), the glue
// fetches and compiles it here.
let ready = null;

self.onmessage = async (event) => {
  const { id, kind, text, fragment } = event.data;
  if (kind === 'engine') {
    ready = init({ module_or_path: event.data.module });
    return;
  }
  try {
    ready = ready || init();
    await ready;
    // (The core's own clock is the page's `window.performance`, which a worker has not.)
    const t0 = performance.now();
    const a = kind === 'shared' ? Analysis.fromShared(fragment) : new Analysis(text);
    const ms = performance.now() - t0;
    try {
      const json = a.reportJson();
      self.postMessage({ id, ok: true, json, text: kind === 'shared' ? a.text : null, sharedFile: a.sharedFile ?? null, ms, workMs: performance.now() - t0 });
    } finally {
      a.free();
    }
  } catch (err) {
    self.postMessage({ id, ok: false, message: err && err.message ? err.message : String(err) });
  }
};

// Report Lens analysis worker: the core analyzes a text (or opens a share link, which may
// re-analyze the text it carries) here, off the page's main thread, so no input can freeze the
// tab. The page starts one ahead of time and terminates it when an analysis runs past its time
// limit (then starts a fresh one). Replies: {id, ok: true, json, text, sharedFile, ms} or
// {id, ok: false, message}.
import init, { Analysis } from './pkg/report_lens.js';

const ready = init();

self.onmessage = async (event) => {
  const { id, kind, text, fragment } = event.data;
  try {
    await ready;
    const a = kind === 'shared' ? Analysis.fromShared(fragment) : new Analysis(text);
    try {
      self.postMessage({ id, ok: true, json: a.reportJson(), text: kind === 'shared' ? a.text : null, sharedFile: a.sharedFile ?? null, ms: a.analysisMs });
    } finally {
      a.free();
    }
  } catch (err) {
    self.postMessage({ id, ok: false, message: err && err.message ? err.message : String(err) });
  }
};

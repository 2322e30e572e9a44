// Report Lens service worker: the page works without a network after the first visit.
// The app shell and the engine are cached on install; pdf.js and its character maps when first
// used. A new version of the site has a new VERSION (scripts/build-site writes a hash of the
// files), installs its own cache and deletes the old one.
const VERSION = '__VERSION__';
const CACHE = `report-lens-${VERSION}`;
const SHELL = ['./', './index.html', './app.js', './worker.js', './style.css', './pkg/report_lens.js', './pkg/report_lens_bg.wasm', './samples/tianjun-2022.txt'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('report-lens-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The app's own page: the scope's root or its index.html, whatever the query (WeChat adds
// `?from=singlemessage` to links it passes on).
function isAppPage(url) {
  const root = new URL(self.registration.scope).pathname;
  return url.pathname === root || url.pathname === `${root}index.html`;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    // Any other page of the site (`pkg/report_lens.js?x=1` opened as a page) is the network's
    // business: it never replaces the cached app.
    if (!isAppPage(url)) return;
    // The app: the network first (so a new version shows), the cache when offline.
    event.respondWith(
      (async () => {
        const cache = await caches.open(CACHE);
        try {
          const fresh = await fetch(req);
          const html = (fresh.headers.get('content-type') || '').includes('text/html');
          if (fresh.ok && html && !fresh.redirected) await cache.put('./index.html', fresh.clone());
          return fresh;
        } catch {
          return (await cache.match('./index.html')) || Response.error();
        }
      })(),
    );
    return;
  }
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Files are cached and served by their exact URL (query included).
      const hit = await cache.match(req);
      if (hit) return hit;
      const res = await fetch(req);
      if (res.ok && url.search === '' && url.pathname.includes('/vendor/pdfjs/')) await cache.put(req, res.clone());
      return res;
    })(),
  );
});

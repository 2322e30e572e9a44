// Report Lens service worker: the page works without a network after the first visit.
// The app shell and the engine are cached on install; pdf.js and its character maps when first
// used. A new version of the site has a new VERSION (scripts/build-site writes a hash of the
// files), installs its own cache and deletes the old one.
const VERSION = '__VERSION__';
const CACHE = `report-lens-${VERSION}`;
const SHELL = ['./', './index.html', './app.js', './style.css', './pkg/report_lens.js', './pkg/report_lens_bg.wasm', './samples/tianjun-2022.txt'];

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

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  // The page itself: the network first (so a new version shows), the cache when offline.
  const isPage = req.mode === 'navigate';
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      if (isPage) {
        try {
          const fresh = await fetch(req);
          if (fresh.ok) cache.put('./index.html', fresh.clone());
          return fresh;
        } catch {
          return (await cache.match('./index.html')) || Response.error();
        }
      }
      const hit = await cache.match(req, { ignoreSearch: true });
      if (hit) return hit;
      const res = await fetch(req);
      if (res.ok && new URL(req.url).pathname.includes('/vendor/pdfjs/')) cache.put(req, res.clone());
      return res;
    })(),
  );
});

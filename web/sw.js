// Tahlil service worker: precaches every file of the build under a cache
// named after the build's content hash, serves them cache-first (so the app
// works offline and makes no network request once installed), and deletes
// the caches of older builds when it takes over. A new build waits until the
// page asks it to take over ("update available").
"use strict";
const CACHE = "tahlil-dev";
const ASSETS = ["./"];

self.addEventListener("install", (e) => {
  // Where the browser supports static routes, it serves the hashed files and
  // the page itself straight from this build's cache without starting this
  // script: a quicker start for every visit after the first. A page opened
  // with a query (text shared from another app) still goes through the fetch
  // handler below, which answers every page with index.html.
  if (e.addRoutes) {
    const root = new URL(self.registration.scope).pathname;
    e.addRoutes([
      ...["wasm", "js", "css", "png", "webmanifest"].map((ext) => ({
        condition: { requestMethod: "GET", urlPattern: new URLPattern({ pathname: "*." + ext }) },
        source: { cacheName: CACHE },
      })),
      {
        condition: { requestMode: "navigate", urlPattern: new URLPattern({ pathname: root, search: "" }) },
        source: { cacheName: CACHE },
      },
    ]).catch(() => {});
  }
  // Hashed files never change, so the copies the page just downloaded (in the
  // HTTP cache) are the right ones; only index.html is fetched again.
  e.waitUntil(caches.open(CACHE).then((c) =>
    c.addAll(ASSETS.map((u) => new Request(u, { cache: u === "./" ? "no-cache" : "default" })))).then(() => {
    // The first install has nothing to replace: take over at once.
    if (!self.registration.active) return self.skipWaiting();
  }));
});

self.addEventListener("activate", (e) => {
  e.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((k) => k.startsWith("tahlil-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("message", (e) => {
  if (e.data === "skipWaiting") self.skipWaiting();
});

self.addEventListener("fetch", (e) => {
  const req = e.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  if (url.pathname.startsWith(scope.pathname + "api/")) return;
  if (req.mode === "navigate") {
    // Every page of the app is index.html; shared text arrives in the query.
    e.respondWith(caches.open(CACHE).then((c) => c.match("./"))
      .then((r) => r || fetch(req)));
    return;
  }
  e.respondWith(caches.open(CACHE).then((c) => c.match(req, { ignoreSearch: true }))
    .then((r) => r || fetch(req)));
});

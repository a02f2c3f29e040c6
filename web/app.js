// Tahlil web app shell: loads the Go WebAssembly analyzer, publishes
// window.tahlil, and puts the HTML that Go builds (all user text escaped
// there) into the page with one innerHTML per region. Texts above BIG
// characters are analyzed in a Web Worker running the same module, so a
// megabyte paste never blocks typing; their view is inserted section by
// section between tasks.
"use strict";
performance.mark("tahlil:script");

// The build rewrites these names to content-hashed ones and sets WASM_BYTES.
const WASM_URL = "web/tahlil.wasm";
const WASM_BYTES = 0;
const WORKER_URL = "web/worker.js";

const BIG = 40000; // characters; above this, analysis runs in the worker
const SHOW_CHARS = 50000; // the normalized tab shows this much of a long text
const DRAFT_KEY = "tahlil.draft";
const $ = (id) => document.getElementById(id);

let T = null;            // globalThis.__tahlil once Go has started
let memory = null;       // the module's linear memory
let worker = null, workerOK = false, jobs = new Map(), jobSeq = 0;
let gen = 0;             // bumps on every edit; stale results are dropped
let resultJSON = null;   // the last result as JSON when the worker made it
let hasResult = false;
let groups = new Map();  // group id -> group
let analyzedText = null;
let normDirty = true;
let normFull = "";       // the whole normalized text, for copying
let timer = 0, saveTimer = 0;
let workerBusy = false, rerun = false;
let lastMs = 0;

// Built on first use: creating a NumberFormat loads locale data, which
// start-up does not need.
let numberFormat = null;
const fmt = { format: (n) => (numberFormat ||= new Intl.NumberFormat("ar-EG")).format(n) };
const fmtBytes = (n) => fmt.format(Math.round(n / 1024)) + " ك.ب";

// ---- loading -------------------------------------------------------------

function fail(msg) {
  const box = $("fatal");
  box.textContent = msg;
  box.hidden = false;
  $("load").classList.add("error");
  $("loadtext").textContent = "تعذّر تشغيل المحلّل";
  document.documentElement.setAttribute("data-failed", "");
}

async function load() {
  if (!("WebAssembly" in window) || typeof Go !== "function") {
    fail("لا يدعم هذا المتصفح WebAssembly، أو لم يُحمَّل ملف التشغيل. حدّث المتصفح ثم أعد المحاولة.");
    return;
  }
  // index.html preloads the module, so this fetch finds it on its way.
  let resp;
  try {
    resp = await fetch(WASM_URL);
  } catch (e) {
    fail("تعذّر تنزيل المحلّل: تحقّق من الاتصال ثم أعد تحميل الصفحة. (" + e.message + ")");
    return;
  }
  if (!resp.ok || !resp.body) {
    fail("تعذّر تنزيل المحلّل: أجاب الخادم بالرمز " + resp.status + ".");
    return;
  }
  performance.mark("tahlil:response");
  const total = WASM_BYTES || Number(resp.headers.get("Content-Length")) || 0;
  // The progress bar reads a clone. The response itself goes to the
  // compiler unchanged: it keeps its URL, so the browser can cache the
  // compiled code and skip compiling on the next visit. On a return visit
  // the service worker answers from its cache in milliseconds: there is no
  // download to show, and the clone would only slow the compile (about 5%
  // of the time to ready, measured with ./build.sh bench).
  if (navigator.serviceWorker && navigator.serviceWorker.controller) $("loadtext").textContent = "جارٍ تشغيل المحلّل…";
  else countBytes(resp.clone().body, total);
  const go = new Go();
  const booted = new Promise((resolve) => { globalThis.__tahlilBoot = resolve; });
  let module, instance;
  try {
    ({ module, instance } = await WebAssembly.instantiateStreaming(resp, go.importObject));
  } catch (e) {
    fail("ملف المحلّل تالف أو غير مكتمل: " + e.message + ". أعد تحميل الصفحة.");
    return;
  }
  memory = instance.exports.mem;
  performance.mark("tahlil:instantiated");
  const exited = go.run(instance).then(() => { throw new Error("exited"); });
  try {
    await Promise.race([booted, exited]);
  } catch (e) {
    fail("توقّف المحلّل بصورة غير متوقعة. أعد تحميل الصفحة.");
    return;
  }
  exited.catch(() => fail("توقّف المحلّل بصورة غير متوقعة. أعد تحميل الصفحة."));
  performance.mark("tahlil:started");
  T = globalThis.__tahlil;
  publish();
  // Ready: the analyzer on this page answers from now on. Everything else
  // (the worker for long texts, the service worker, the restored draft)
  // starts after, so that none of it delays the first analysis.
  document.documentElement.setAttribute("data-ready", "");
  $("loadbar").style.width = "100%";
  $("version").textContent = T.version;
  $("loadtext").textContent = "المحلّل جاهز";
  setTimeout(() => {
    startWorker(module);
    // Registering now, once the page has every file, lets the service
    // worker precache them from the HTTP cache instead of downloading them
    // again.
    registerServiceWorker();
    if ($("editor").value.trim()) analyzeNow();
    else setTimeout(warmUp, 0);
  }, 0);
}

async function countBytes(stream, total) {
  const bar = $("loadbar"), text = $("loadtext");
  const reader = stream.getReader();
  let got = 0;
  for (;;) {
    let step;
    try { step = await reader.read(); } catch (e) { return; }
    if (step.done || T) break;
    got += step.value.byteLength;
    if (total) bar.style.width = Math.min(100, (100 * got) / total).toFixed(1) + "%";
    text.textContent = "جارٍ تنزيل المحلّل: " + fmtBytes(got) + (total ? " من " + fmtBytes(total) : "");
  }
  bar.style.width = "100%";
  if (!T) text.textContent = "جارٍ تشغيل المحلّل…";
  else reader.cancel().catch(() => {});
}

// ---- worker ----------------------------------------------------------------

// workerUp settles once the worker has started (or failed to within 3 s); a
// long text analyzed before then waits for it.
let workerUp = null;

function startWorker(module) {
  if (!("Worker" in window)) return;
  try {
    worker = new Worker(WORKER_URL);
  } catch (e) {
    worker = null;
    return;
  }
  worker.postMessage({ module });
  workerUp = new Promise((resolve) => {
    const t = setTimeout(resolve, 3000);
    worker.addEventListener("message", function up(e) {
      if (e.data && e.data.up) {
        workerOK = true;
        clearTimeout(t);
        worker.removeEventListener("message", up);
        resolve();
      }
    });
  });
  worker.addEventListener("message", (e) => {
    const m = e.data;
    if (!m || m.id === undefined) return;
    const job = jobs.get(m.id);
    if (!job) return;
    jobs.delete(m.id);
    if (m.error) job.reject(new Error(m.error));
    else job.resolve(m.result);
  });
  worker.addEventListener("error", () => {
    workerOK = false;
    for (const job of jobs.values()) job.reject(new Error("worker failed"));
    jobs.clear();
  });
}

// call runs __tahlil[op](...args) in the worker when the text is big and the
// worker works, and on this thread otherwise.
function call(op, args) {
  if (workerOK && typeof args[0] === "string" && args[0].length > BIG) {
    return new Promise((resolve, reject) => {
      const id = ++jobSeq;
      jobs.set(id, { resolve, reject });
      // The worker sends the whole result as JSON: it keeps no state for later.
      worker.postMessage({ id, op, args: op === "render" ? [args[0], undefined, true] : args });
    });
  }
  return Promise.resolve(callHere(op, args));
}

function callHere(op, args) {
  const r = T[op](...args);
  if (r instanceof Error) throw r;
  return r;
}

// ---- the public API ----------------------------------------------------------

function publish() {
  const api = {
    version: T.version,
    analyze(text, opts) {
      if (opts !== undefined && (opts === null || typeof opts !== "object")) {
        throw new Error("tahlil.analyze: opts must be an object such as {normalize: \"search\"}");
      }
      const preset = opts && opts.normalize !== undefined ? opts.normalize : undefined;
      return JSON.parse(callHere("analyze", [text, preset]));
    },
    normalize(text, preset) {
      return callHere("normalize", [text, preset]);
    },
    show(text) {
      if (typeof text !== "string") return Promise.reject(new Error("tahlil.show: text must be a string"));
      const editor = $("editor");
      if (editor.value !== text) editor.value = text;
      saveDraft();
      updateCount();
      // Analyze the text as given: the editor turns CR LF into LF.
      return analyzeNow(text);
    },
    wasmMemoryBytes() {
      return memory.buffer.byteLength;
    },
  };
  Object.freeze(api);
  Object.defineProperty(window, "tahlil", { value: api, enumerable: true });
}

// ---- analysis and rendering ----------------------------------------------------

function schedule() {
  clearTimeout(timer);
  const len = $("editor").value.length;
  timer = setTimeout(analyzeNow, len > BIG ? 400 : 160);
}

function status(kind, msg) {
  const el = $("status");
  if (el.dataset.kind !== kind) el.dataset.kind = kind;
  el.textContent = msg;
}

// analyzeNow analyzes the editor's text and renders it. The promise
// resolves once the whole view is in the page.
async function analyzeNow(given) {
  clearTimeout(timer);
  if (!T) return;
  const text = typeof given === "string" ? given : $("editor").value;
  const my = ++gen;
  if (!text.trim()) {
    clearOutput();
    return;
  }
  if (text.length > BIG && workerUp && !workerOK) {
    await workerUp;
    if (my !== gen) return;
  }
  const t0 = performance.now();
  const big = text.length > BIG && workerOK;
  if (big && workerBusy) {
    // One job at a time: typing during a long analysis reruns it once, on
    // the latest text, when the current one ends.
    rerun = true;
    return;
  }
  if (big) status("busy", "جارٍ تحليل " + fmtBytes(text.length * 2) + " تقريبًا…");
  let out;
  workerBusy = big;
  try {
    out = await call("render", [text]);
  } catch (e) {
    if (my === gen) status("error", "تعذّر التحليل: " + explain(e.message));
    return;
  } finally {
    if (big) {
      workerBusy = false;
      if (rerun) {
        rerun = false;
        setTimeout(analyzeNow, 0);
      }
    }
  }
  if (my !== gen) return;
  resultJSON = out.json === undefined ? null : out.json;
  hasResult = true;
  groups = new Map(JSON.parse(out.groups).groups.map((g) => [g.id, g]));
  analyzedText = text;
  // One innerHTML per region, and none for a region whose HTML is what the
  // page already shows: an edit that leaves the entities as they were
  // redraws only the text.
  if (setRegion("legend", out.legend)) T.syncLegend();
  setRegion("panel", out.panel);
  setRegion("stats", out.stats);
  const view = $("view");
  view.innerHTML = out.view[0];
  shown.view = null;
  for (let i = 1; i < out.view.length; i++) {
    await nextTask();
    if (my !== gen) return;
    view.insertAdjacentHTML("beforeend", out.view[i]);
  }
  lastMs = performance.now() - t0;
  normDirty = true;
  if (!$("pane-norm").hidden) refreshNormalized();
  status("info", "حُلِّل النص في " + fmt.format(Math.max(1, Math.round(lastMs))) + " م.ث: " +
    (out.entities ? plural(out.entities, MENTIONS) + " إلى " + plural(groups.size, ENTITIES) : "لا كيانات") + ". يُحفظ النص تلقائيًا.");
}

// shown holds the HTML each region was last given, so that an unchanged
// region is not parsed and laid out again.
const shown = { legend: null, panel: null, stats: null, view: null };

// setRegion puts html into the element with that id unless it is there
// already, and reports whether it changed the page.
function setRegion(id, html) {
  if (shown[id] === html) return false;
  $(id).innerHTML = html;
  shown[id] = html;
  return true;
}

// warmUp analyzes and renders the sample article in the task after ready, so
// that the code and tables a first analysis needs (the browser compiles
// each function of the module on its first call) are ready before the
// user's first paste. It takes a few tens of milliseconds, once.
function warmUp() {
  if (hasResult) return;
  try {
    T.analyze(T.sample, undefined);
    T.render(T.sample);
  } catch (e) { /* only a warm-up */ }
}

// explain turns the analyzer's errors into Arabic for the status line.
function explain(msg) {
  if (/larger than/.test(msg)) return "النص أكبر من ٨ ميغابايت؛ حلّله على أجزاء.";
  if (/UTF-8/.test(msg)) return "في النص محارف غير صالحة.";
  return msg;
}

function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function clearOutput() {
  resultJSON = null;
  hasResult = false;
  groups = new Map();
  analyzedText = "";
  $("legend").textContent = "";
  $("stats").textContent = "";
  $("panel").innerHTML = '<p class="empty">لم يُحلَّل نص بعد.</p>';
  shown.legend = shown.panel = shown.stats = shown.view = null;
  $("view").innerHTML = '<p class="empty">سيظهر هنا نص المقال وقد أُبرزت فيه الأسماء والأماكن والمنظمات والتواريخ والأعداد.</p>';
  $("normtext").value = "";
  normFull = "";
  $("diff").textContent = "";
  $("changed").textContent = "";
  status("info", "يُحفظ ما تكتبه تلقائيًا على هذا الجهاز.");
}

// ---- normalized tab ------------------------------------------------------------

async function refreshNormalized() {
  if (!T || !normDirty) return;
  const text = analyzedText || $("editor").value;
  const opts = T.foldOptions();
  const my = gen;
  let r;
  try {
    r = await call("changes", [text, opts.folds, SHOW_CHARS]);
  } catch (e) {
    $("changed").textContent = "تعذّر التطبيع: " + e.message;
    return;
  }
  if (my !== gen) return;
  normDirty = false;
  normFull = r.text;
  // A megabyte in a textarea or a view costs the browser seconds of layout;
  // show the start, and copy the whole.
  const cut = r.text.length > SHOW_CHARS;
  $("normtext").value = cut ? r.text.slice(0, SHOW_CHARS) + "\n…" : r.text;
  $("diff").innerHTML = r.html;
  const n = [...text].length;
  const b = document.createElement("b");
  b.textContent = fmt.format(r.changed);
  $("changed").textContent = "";
  $("changed").append("تغيّر ", b, " من " + fmt.format(n) + " حرف" + (cut ? "؛ يُعرض أول " + fmt.format(SHOW_CHARS) + " حرف، ويُنسخ النص كاملًا" : ""));
}

function selectTab(which) {
  const read = which === "read";
  $("tab-read").setAttribute("aria-selected", String(read));
  $("tab-norm").setAttribute("aria-selected", String(!read));
  $("tab-read").tabIndex = read ? 0 : -1;
  $("tab-norm").tabIndex = read ? -1 : 0;
  $("pane-read").hidden = !read;
  $("pane-norm").hidden = read;
  if (!read) refreshNormalized();
}

// ---- marks: tooltip, group highlight, panel ------------------------------------

function describe(mark) {
  const g = groups.get(Number(mark.dataset.group));
  const tip = $("tip");
  tip.textContent = "";
  const b = document.createElement("b");
  b.textContent = mark.dataset.label || mark.dataset.type;
  tip.append(b);
  if (g) tip.append(" · " + g.label + " · " + times(g.count));
  tip.hidden = false;
  const r = mark.getBoundingClientRect();
  const w = tip.offsetWidth, h = tip.offsetHeight;
  let x = r.right - w;
  x = Math.max(8, Math.min(x, window.innerWidth - w - 8));
  let y = r.top - h - 6;
  if (y < 4) y = r.bottom + 6;
  tip.style.left = x + "px";
  tip.style.top = y + "px";
  mark.setAttribute("aria-describedby", "tip");
}

// plural phrases a count in Arabic: forms are [one, two, 3–10, 11–99 (tamyiz
// accusative), hundreds (genitive)], e.g. plural(3, ["مرة واحدة", "مرتان",
// "مرات", "مرة", "مرة"]) is "٣ مرات".
function plural(n, forms) {
  if (n === 1) return forms[0];
  if (n === 2) return forms[1];
  const r = n % 100;
  if (r >= 3 && r <= 10) return fmt.format(n) + " " + forms[2];
  if (r >= 11) return fmt.format(n) + " " + forms[3];
  return fmt.format(n) + " " + forms[4];
}
const TIMES = ["مرة واحدة", "مرتان", "مرات", "مرة", "مرة"];
const MENTIONS = ["إشارة واحدة", "إشارتان", "إشارات", "إشارة", "إشارة"];
const ENTITIES = ["كيان واحد", "كيانان", "كيانات", "كيانًا", "كيان"];
const times = (n) => plural(n, TIMES);

function hideTip() {
  $("tip").hidden = true;
}

let selGroup = null, cycle = 0;

function selectGroup(id, scroll) {
  const view = $("view");
  for (const m of view.querySelectorAll("mark.sel")) m.classList.remove("sel");
  for (const b of $("panel").querySelectorAll("button.sel")) b.classList.remove("sel");
  if (id === null) { selGroup = null; return; }
  const marks = view.querySelectorAll('mark[data-group="' + Number(id) + '"]');
  for (const m of marks) m.classList.add("sel");
  const btn = $("panel").querySelector('button[data-group="' + Number(id) + '"]');
  if (btn) btn.classList.add("sel");
  cycle = selGroup === id ? cycle + 1 : 0;
  selGroup = id;
  if (scroll && marks.length) {
    const m = marks[cycle % marks.length];
    m.scrollIntoView({ block: "center", behavior: "smooth" });
    m.classList.remove("flash");
    void m.offsetWidth;
    m.classList.add("flash");
    m.focus({ preventScroll: true });
  }
  const g = groups.get(Number(id));
  if (g) status("info", g.label + ": " + plural(marks.length, MENTIONS) + " في النص.");
}

// ---- drafts, files, export -------------------------------------------------------

function saveDraft() {
  clearTimeout(saveTimer);
  try {
    localStorage.setItem(DRAFT_KEY, $("editor").value);
  } catch (e) {
    status("error", "النص أكبر من أن يُحفظ على هذا الجهاز؛ احفظ نسخة منه بنفسك.");
  }
}

function updateCount() {
  const n = $("editor").value.length;
  $("count").textContent = n ? fmt.format(n) + " حرفًا" : "";
}

async function loadFile(file) {
  if (!file) return;
  if (file.size > 8 * 1024 * 1024) {
    status("error", "الملف «" + file.name + "» أكبر من ٨ ميغابايت.");
    return;
  }
  let text;
  try {
    text = await file.text();
  } catch (e) {
    status("error", "تعذّرت قراءة الملف: " + e.message);
    return;
  }
  if (text.indexOf("\u0000") >= 0 && !/^text\//.test(file.type)) {
    status("error", "لا يبدو «" + file.name + "» ملفًا نصيًا.");
    return;
  }
  $("editor").value = text;
  saveDraft();
  updateCount();
  analyzeNow();
}

function download(name, type, body) {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const exportColors = {
  PER: ["#ece6ff", "#5b3fc4"], ORG: ["#d9f2ef", "#0b6b66"], LOC: ["#ffe9cc", "#94480a"],
  MISC: ["#fbe3ef", "#a1235c"], DATE: ["#e1f1da", "#2f6a1f"], NUM: ["#e3ecfa", "#2553a3"],
};

// highlightedHTML returns the reading view as a standalone fragment with
// inline colours, for pasting into documents and mail.
function highlightedHTML() {
  const html = [...$("view").querySelectorAll(".sec")].map((s) => s.innerHTML).join("");
  const styled = html.replace(/<mark tabindex="0" data-i="\d+" data-type="([A-Z]+)" data-group="(\d+)" data-label="([^"]*)">/g,
    (_, t, g, label) => {
      const c = exportColors[t] || ["#eeeeee", "#555555"];
      return '<mark data-type="' + t + '" data-group="' + g + '" title="' + label +
        '" style="background:' + c[0] + ";color:#1f2328;border-bottom:2px solid " + c[1] + ';border-radius:4px;padding:0 2px">';
    }).replace(/ class="chg"/g, "");
  return '<div dir="rtl" lang="ar" style="white-space:pre-wrap;line-height:2">' + styled + "</div>";
}

// copy puts text (and html, when given) on the clipboard. HTML goes through
// a copy event rather than the async clipboard API, whose sanitizer would
// parse the markup under the page's CSP and reject the inline colours.
async function copy(text, html, what) {
  if (html) {
    let done = false;
    const onCopy = (e) => {
      e.clipboardData.setData("text/html", html);
      e.clipboardData.setData("text/plain", text);
      e.preventDefault();
      done = true;
    };
    document.addEventListener("copy", onCopy);
    try { document.execCommand("copy"); } finally { document.removeEventListener("copy", onCopy); }
    if (done) { status("info", "نُسخ " + what + "."); return; }
  }
  try {
    await navigator.clipboard.writeText(text);
    status("info", "نُسخ " + what + ".");
  } catch (e) {
    status("error", "تعذّر النسخ: " + e.message);
  }
}

// ---- service worker ---------------------------------------------------------------

function registerServiceWorker() {
  if (!("serviceWorker" in navigator) || location.protocol === "file:") return;
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading) location.reload();
  });
  const offer = (w) => {
    $("update").hidden = false;
    $("reload").onclick = () => {
      reloading = true;
      saveDraft();
      w.postMessage("skipWaiting");
    };
  };
  navigator.serviceWorker.register("sw.js").then((reg) => {
    if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
    reg.addEventListener("updatefound", () => {
      const w = reg.installing;
      if (!w) return;
      w.addEventListener("statechange", () => {
        if (w.state === "installed" && navigator.serviceWorker.controller) offer(w);
      });
    });
  }).catch(() => {});
}

// ---- wiring -------------------------------------------------------------------------

function wire() {
  const editor = $("editor");
  const params = new URLSearchParams(location.search);
  const shared = ["title", "text", "url"].map((k) => params.get(k)).filter(Boolean);
  if (shared.length) {
    editor.value = shared.join("\n\n");
    history.replaceState(null, "", location.pathname);
    saveDraft();
  } else {
    try { editor.value = localStorage.getItem(DRAFT_KEY) || ""; } catch (e) { /* storage off */ }
  }
  updateCount();

  editor.addEventListener("input", () => {
    gen++;
    updateCount();
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveDraft, editor.value.length > BIG ? 800 : 250);
    schedule();
  });
  window.addEventListener("pagehide", saveDraft);
  document.addEventListener("visibilitychange", () => { if (document.hidden) saveDraft(); });

  $("sample").addEventListener("click", () => {
    if (!T) return;
    editor.value = T.sample;
    saveDraft();
    updateCount();
    analyzeNow();
  });
  $("clear").addEventListener("click", () => {
    editor.value = "";
    saveDraft();
    updateCount();
    gen++;
    clearOutput();
    editor.focus();
  });
  $("open").addEventListener("click", () => $("file").click());
  $("file").addEventListener("change", (e) => { loadFile(e.target.files[0]); e.target.value = ""; });

  const drop = $("drop");
  document.addEventListener("dragover", (e) => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    drop.classList.add("over");
  });
  document.addEventListener("dragleave", (e) => { if (!e.relatedTarget) drop.classList.remove("over"); });
  document.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    const f = e.dataTransfer && e.dataTransfer.files[0];
    if (f) loadFile(f);
  });

  const tabs = [$("tab-read"), $("tab-norm")];
  $("tab-read").addEventListener("click", () => selectTab("read"));
  $("tab-norm").addEventListener("click", () => selectTab("norm"));
  for (const t of tabs) {
    t.addEventListener("keydown", (e) => {
      if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
        const other = t === tabs[0] ? tabs[1] : tabs[0];
        other.focus();
        selectTab(other === tabs[0] ? "read" : "norm");
        e.preventDefault();
      }
    });
  }
  document.addEventListener("tahlil:options", () => { normDirty = true; refreshNormalized(); });

  const view = $("view");
  view.addEventListener("mouseover", (e) => { const m = e.target.closest("mark"); if (m) describe(m); });
  view.addEventListener("mouseout", (e) => { if (e.target.closest("mark")) hideTip(); });
  view.addEventListener("focusin", (e) => { const m = e.target.closest("mark"); if (m) describe(m); });
  view.addEventListener("focusout", hideTip);
  view.addEventListener("scroll", hideTip, { passive: true });
  view.addEventListener("click", (e) => {
    const m = e.target.closest("mark");
    if (m) selectGroup(Number(m.dataset.group), false);
  });
  view.addEventListener("keydown", (e) => {
    const m = e.target.closest("mark");
    if (m && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); selectGroup(Number(m.dataset.group), false); }
    if (e.key === "Escape") selectGroup(null);
  });
  $("panel").addEventListener("click", (e) => {
    const b = e.target.closest("button[data-group]");
    if (b) selectGroup(Number(b.dataset.group), true);
  });

  $("export").addEventListener("click", () => {
    if (!hasResult) { status("error", "لا توجد نتيجة لتنزيلها بعد."); return; }
    download("tahlil.json", "application/json", resultJSON || T.lastJSON());
  });
  $("copyhtml").addEventListener("click", () => {
    if (!hasResult) { status("error", "لا يوجد نص مُبرز لنسخه بعد."); return; }
    const html = highlightedHTML();
    copy(html, html, "النص المُبرز بصيغة HTML");
  });
  $("copynorm").addEventListener("click", () => copy(normFull, null, "النص المطبَّع"));
}

// load first: its fetch joins the preloaded module before wire() reads the
// saved draft, which on a fresh profile waits for the browser to open storage.
load();
wire();

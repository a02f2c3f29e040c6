// In-page half of tahlilbench: timing loops that run inside the page so that
// no DevTools round trip is inside a measurement. Installed with
// Runtime.evaluate after the page is ready; it only calls the page's public
// window.tahlil API and the peers.
(() => {
  const texts = {};
  let peer = null;
  let sink = 0;
  const prepared = {};
  const consume = (r) => {
    if (typeof r === "string") sink += r.length;
    else if (r && Array.isArray(r.entities)) sink += r.entities.length;
    else sink += 1;
  };
  const variants = (name) => {
    const t = texts[name];
    if (t === undefined) throw new Error("no text " + name);
    // Alternate two texts so that no cache keyed on the input can answer.
    return [t, t + " "];
  };
  const ops = {
    analyze(name) {
      const [a, b] = variants(name);
      let i = 0;
      return () => consume(window.tahlil.analyze(i++ & 1 ? b : a));
    },
    show(name) {
      const [a, b] = variants(name);
      const editor = document.getElementById("editor");
      let i = 0;
      // As after a paste, the editor already holds the text, laid out, when
      // the analysis starts: putting it there is the browser's work, not
      // the analyzer's, and is left out. Render included: wait for the page
      // to analyze and render, then force style and layout so their cost is
      // counted too. Returns the time of that part.
      return async () => {
        const t = i++ & 1 ? b : a;
        editor.value = t;
        sink += document.documentElement.offsetHeight;
        const t0 = performance.now();
        await window.tahlil.show(t);
        sink += document.documentElement.offsetHeight;
        return performance.now() - t0;
      };
    },
    "tahlil-search"(name) {
      const [a] = variants(name);
      return () => consume(window.tahlil.normalize(a, "search"));
    },
    nfkc(name) {
      const [a] = variants(name);
      return () => consume(a.normalize("NFKC"));
    },
    peer(name) {
      const [a] = variants(name);
      if (!peer) throw new Error("peer normalizer not loaded");
      return () => consume(peer(a));
    },
  };
  const asyncKinds = new Set(["show"]);
  // batch returns the time reps calls of op take; an async op times itself
  // and returns its own time.
  async function batch(kind, op, reps) {
    if (asyncKinds.has(kind)) {
      let ms = 0;
      for (let i = 0; i < reps; i++) ms += await op();
      return ms;
    }
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) op();
    return performance.now() - t0;
  }
  window.__tahlilbench = {
    contract() {
      const t = window.tahlil;
      if (!t) return ["window.tahlil"];
      const missing = [];
      for (const k of ["analyze", "normalize", "show", "wasmMemoryBytes"]) {
        if (typeof t[k] !== "function") missing.push("tahlil." + k + "()");
      }
      if (typeof t.version !== "string" || t.version === "") missing.push("tahlil.version");
      return missing;
    },
    setText(name, text) {
      texts[name] = text;
      return text.length;
    },
    async loadPeer(url) {
      const m = await import(url);
      peer = m.normalize;
      if (typeof peer !== "function") throw new Error(url + " exports no normalize function");
      return true;
    },
    // prepare runs each kind on the text once to warm up and to pick how many
    // repetitions make a batch of at least minMs (at most maxReps), then, unless
    // one call is the batch, warms up with batches of that size for at least
    // half a second: V8 moves hot WebAssembly functions to its optimizing
    // compiler in the background, after they have run for a while.
    async prepare(kinds, name, minMs, maxReps) {
      const key = kinds.join(",") + "|" + name;
      const st = { made: {}, reps: {} };
      for (const k of kinds) {
        if (!ops[k]) throw new Error("unknown kind " + k);
        st.made[k] = ops[k](name);
        const ms = await batch(k, st.made[k], 1);
        st.reps[k] = Math.max(1, Math.min(maxReps, Math.ceil(minMs / Math.max(ms, 0.01))));
        if (st.reps[k] > 1) {
          let spent = 0;
          do spent += await batch(k, st.made[k], st.reps[k]); while (spent < 500);
        }
      }
      prepared[key] = st;
      return st.reps;
    },
    // once takes one batch of each prepared kind, in order, and returns the
    // time per operation of each in ms.
    async once(kinds, name) {
      const st = prepared[kinds.join(",") + "|" + name];
      if (!st) throw new Error("not prepared: " + kinds + " on " + name);
      const out = {};
      for (const k of kinds) out[k] = (await batch(k, st.made[k], st.reps[k])) / st.reps[k];
      return out;
    },
    // first times the very first analysis of a freshly loaded page, then the
    // same call warm, averaged over a batch.
    first(name, reps) {
      const t = texts[name];
      let t0 = performance.now();
      consume(window.tahlil.analyze(t));
      const first = performance.now() - t0;
      t0 = performance.now();
      for (let i = 0; i < reps; i++) consume(window.tahlil.analyze(t));
      return { first, warm: (performance.now() - t0) / reps };
    },
    wasmMemoryBytes() {
      return Number(window.tahlil.wasmMemoryBytes());
    },
  };
  return true;
})()

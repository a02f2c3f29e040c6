// Tahlil analysis worker: runs the same Go module as the page, for texts
// large enough that analyzing them on the page would block typing. The page
// sends the compiled module once, then {id, op, args} jobs; Go starts on the
// first job. The build rewrites the wasm_exec.js name.
"use strict";
importScripts("wasm_exec.js");

let module = null;
let ready = null;

function boot() {
  const go = new Go();
  const booted = new Promise((resolve) => { self.__tahlilBoot = resolve; });
  return WebAssembly.instantiate(module, go.importObject).then((instance) => {
    go.run(instance);
    return booted;
  });
}

self.onmessage = async (e) => {
  const m = e.data;
  if (m.module) {
    module = m.module;
    return;
  }
  try {
    if (!module) throw new Error("the analyzer is not loaded yet");
    if (!ready) ready = boot();
    await ready;
    const r = self.__tahlil[m.op](...m.args);
    if (r instanceof Error) throw r;
    self.postMessage({ id: m.id, result: r });
  } catch (err) {
    self.postMessage({ id: m.id, error: String((err && err.message) || err) });
  }
};

self.postMessage({ up: true });

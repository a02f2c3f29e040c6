// Loads and runs the hello WebAssembly module.
const go = new Go();
WebAssembly.instantiateStreaming(fetch("{{hello.wasm}}"), go.importObject)
  .then((r) => go.run(r.instance))
  .catch((e) => { document.body.textContent = "hello failed: " + e; });

// Loads and runs the hello WebAssembly module. It sets the same performance
// marks as the app (tahlil:instantiated here, tahlil:main in Go), so that
// the benchmark can split both pages' start-up the same way.
const go = new Go();
WebAssembly.instantiateStreaming(fetch("{{hello.wasm}}"), go.importObject)
  .then((r) => { performance.mark("tahlil:instantiated"); return go.run(r.instance); })
  .catch((e) => { document.body.textContent = "hello failed: " + e; });

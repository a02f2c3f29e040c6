package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tahlil/bench"
	"tahlil/internal/testenv"
)

// instanceScript runs in node. It compiles the browser module once, then
// times analyses of the text in argv[3] in two Go instances of it: the
// first instance shows the cost of a module nobody has run yet (V8 compiles
// each function on its first call), and the second, started after the
// first has warmed the shared compiled code, shows what a fresh instance
// costs by itself, as when the Workers runtime starts one per request. Seven
// such instances are started one after another, and the median of their
// first analyses is reported.
const instanceScript = `
"use strict";
globalThis.fs = require("fs");
require(process.argv[2]);
const bytes = fs.readFileSync(process.argv[3]);
const text = fs.readFileSync(process.argv[4], "utf8");
const warmRuns = 40;
const freshInstances = 7;

async function start(mod) {
	const go = new Go();
	const t0 = performance.now();
	const inst = await WebAssembly.instantiate(mod, go.importObject);
	go.run(inst);
	const api = globalThis.__tahlil;
	if (!api) throw new Error("the module did not publish __tahlil");
	return { api, startMs: performance.now() - t0 };
}

function time(api) {
	const t0 = performance.now();
	const out = api.analyze(text);
	const ms = performance.now() - t0;
	if (typeof out !== "string" || !out.includes('"entities"')) throw new Error("analyze failed: " + out);
	return ms;
}

function median(xs) {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.floor(s.length / 2)];
}

(async () => {
	const mod = await WebAssembly.compile(bytes);
	const a = await start(mod);
	const coldFirst = time(a.api);
	const warm = [];
	for (let i = 0; i < warmRuns; i++) warm.push(time(a.api));
	// Several fresh instances, each timed on its first analysis: one alone
	// moves with whatever else the host does in those few milliseconds.
	const firsts = [], starts = [];
	let b;
	for (let k = 0; k < freshInstances; k++) {
		b = await start(mod);
		starts.push(b.startMs);
		firsts.push(time(b.api));
	}
	const fresh = [];
	for (let i = 0; i < 10; i++) fresh.push(time(b.api));
	console.log(JSON.stringify({
		coldFirst, warm: median(warm.slice(warmRuns / 2)), freshStart: median(starts),
		freshFirst: median(firsts), freshWarm: median(fresh),
	}));
	process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
`

// BenchmarkFirstAnalysis measures, in node's V8, the first analysis of the
// sample article in a fresh Go instance of the browser module against a
// warm one. The entity model is read in place from the module's data, so a
// fresh instance should cost no more than a warm one; only a module that
// has never run pays for compiling its functions.
//
//	go test ./e2e -run '^$' -bench FirstAnalysis -benchtime 5x
//
// TAHLIL_BENCH_TEXT names another text to analyze.
func BenchmarkFirstAnalysis(b *testing.B) {
	sample := os.Getenv("TAHLIL_BENCH_TEXT")
	if sample == "" {
		sample = testenv.Shared(b, "samples/article-blinken-netanyahu.txt")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		b.Skip("node is not installed")
	}
	dir := b.TempDir()
	wasm := filepath.Join(dir, "tahlil.wasm")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", wasm, "./wasm/browser")
	build.Dir = testenv.Root()
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("building the browser module: %v\n%s", err, out)
	}
	script := filepath.Join(dir, "instances.js")
	if err := os.WriteFile(script, []byte(instanceScript), 0o644); err != nil {
		b.Fatal(err)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		b.Fatalf("go env GOROOT: %v", err)
	}
	wasmExec := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js")
	var cold, warm, start, first, diff []float64
	for b.Loop() {
		var stderr strings.Builder
		cmd := exec.Command(node, script, wasmExec, wasm, sample)
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("node: %v\n%s%s", err, out, stderr.String())
		}
		var r struct{ ColdFirst, Warm, FreshStart, FreshFirst, FreshWarm float64 }
		if err := json.Unmarshal([]byte(strings.TrimSpace(string(out))), &r); err != nil {
			b.Fatalf("node printed %q: %v", out, err)
		}
		cold = append(cold, r.ColdFirst)
		warm = append(warm, r.Warm)
		start = append(start, r.FreshStart)
		first = append(first, r.FreshFirst)
		diff = append(diff, r.FreshFirst-r.Warm)
	}
	// Medians over the runs: one busy moment on a shared machine would
	// move a mean.
	for unit, v := range map[string][]float64{
		"cold-first-ms": cold, "warm-ms": warm, "fresh-start-ms": start,
		"fresh-first-ms": first, "fresh-first-minus-warm-ms": diff,
	} {
		s, err := bench.Summarize(v)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(s.Median, unit)
	}
}

package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing/fstest"
	"time"

	"tahlil/bench"
)

const (
	peerPkg  = "arabic-text-normalizer"
	peerPath = "__bench/" + peerPkg // served next to the app, same origin
)

// browserCmd is the command line of the in-browser figures.
const browserCmd = "scripts/build-web.sh && go run ./bench/cmd/tahlilbench -native=false"

// runBrowser builds the hello page, serves it and dist/ with the project's
// handler, drives headless Chromium over both and adds the rows to t. It
// returns the browser's version.
func runBrowser(ctx context.Context, cfg config, t *bench.Table, texts []bench.Text, nat *nativeResults) string {
	b := &browserBench{ctx: ctx, cfg: cfg, t: t, texts: texts, nat: nat}
	b.key = t.Command("browser", browserCmd+"   # headless Chromium, pages served by internal/server on 127.0.0.1")
	b.sizeKey = t.Command("sizes", "scripts/build-web.sh; sizes of dist/ and of the .gz/.br copies it serves; hello: GOOS=js GOARCH=wasm go build -trimpath -ldflags=\"-s -w\" ./bench/hello, gzip -9, brotli -q 11")
	b.run()
	b.t.Notes = append(b.t.Notes,
		"Browser: Debian Chromium, headless, --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync; each cold load in a new browser on a fresh --user-data-dir. Both pages are served by internal/server on 127.0.0.1 with the same pre-compressed encodings; ready is performance.now() when <html> gets data-ready.",
		"`tahlil.analyze` is one synchronous Go call on the page that returns the parsed result, so its time and the wasm ÷ native ratio include the JS↔Go boundary and JSON (each native run for that ratio is taken right after the in-page run it is paired with); `tahlil.show` adds rendering and a forced layout, and may hand large texts to the app's Web Worker; as after a paste, the editor already holds the text (put there and laid out before the timing starts), since that is the browser's work, not the analyzer's. Heap and wasm memory are the page's own, not a worker's.",
		"Peers run in the app page on the same text and do different work: NFKC is Unicode compatibility composition; `"+peerPkg+"` (the pinned npm version, its ES module served unchanged) strips diacritics, Quranic marks, digits and punctuation and collapses spaces by default. Compare throughput, not output.",
	)
	return b.version
}

type browserBench struct {
	ctx     context.Context
	cfg     config
	t       *bench.Table
	texts   []bench.Text
	nat     *nativeResults
	key     string
	sizeKey string
	version string

	chromium string
	app      *site
	hello    *site
	peerURL  string
	peerName string // package and version
	peerErr  error
}

func (b *browserBench) row(r bench.Row) *bench.Row {
	if r.Group == "" {
		r.Group = "browser"
	}
	if r.Cmd == "" {
		r.Cmd = b.key
	}
	return b.t.Add(r)
}

// fail adds a row that could not be measured.
func (b *browserBench) fail(group, figure, unit string, target *bench.Target, err error) {
	b.row(bench.Row{Group: group, Figure: figure, Unit: unit, Target: target, Err: errText(err)})
}

// value adds a row from measurements, or a failed row when err is set or
// there are none.
func (b *browserBench) value(group, figure, unit string, target *bench.Target, v []float64, err error) {
	if err == nil && len(v) == 0 {
		err = fmt.Errorf("no measurements")
	}
	if err != nil {
		b.fail(group, figure, unit, target, err)
		return
	}
	s, _ := bench.Summarize(v)
	b.row(bench.Row{Group: group, Figure: figure, Unit: unit, Target: target, Sum: s})
}

func atMost(v float64) *bench.Target { return &bench.Target{Value: v} }

func (b *browserBench) run() {
	work, err := os.MkdirTemp("", "tahlilbench-")
	if err != nil {
		b.fail("browser", "browser benchmarks", "", nil, err)
		return
	}
	defer os.RemoveAll(work)

	dist := inRoot(b.cfg.root, b.cfg.dist)
	if _, err := os.Stat(filepath.Join(dist, "index.html")); err != nil {
		b.fail("browser", "browser benchmarks", "", nil, fmt.Errorf("no built app: %v (run scripts/build-web.sh first)", err))
		return
	}
	distFS := os.DirFS(dist)
	helloDir := filepath.Join(work, "hello")
	logf("building the hello page")
	helloWasm, err := buildHello(b.ctx, b.cfg.root, helloDir)
	if err != nil {
		b.fail("browser", "hello page build", "", nil, err)
		return
	}
	helloFS := os.DirFS(helloDir)
	b.sizes(distFS, helloFS, helloWasm)

	extra := fstest.MapFS{}
	if src, version, err := b.peerSource(); err != nil {
		b.peerErr = err
	} else {
		name := peerPath + "-" + version + "." + shortHash(src) + ".js"
		extra[name] = &fstest.MapFile{Data: src, Mode: 0o644, ModTime: time.Now()}
		b.peerURL = "/" + name
		b.peerName = peerPkg + " " + version
	}
	if b.app, err = startSite(overlay{base: distFS, extra: extra}); err != nil {
		b.fail("browser", "serving dist/", "", nil, err)
		return
	}
	defer b.app.Close()
	if b.hello, err = startSite(helloFS); err != nil {
		b.fail("browser", "serving the hello page", "", nil, err)
		return
	}
	defer b.hello.Close()

	b.chromium = b.cfg.chromium
	if b.chromium == "" {
		b.chromium = os.Getenv("CHROMIUM")
	}
	if b.chromium == "" {
		for _, n := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(n); err == nil {
				b.chromium = p
				break
			}
		}
	}
	if b.chromium == "" {
		b.fail("browser", "browser benchmarks", "", nil, fmt.Errorf("no Chromium found: run scripts/install-deps.sh or set CHROMIUM"))
		return
	}
	b.cold()
	b.warm()
}

// sizes adds the wasm and download size rows.
func (b *browserBench) sizes(distFS, helloFS fs.FS, helloWasm string) {
	kb := func(n int64) []float64 { return []float64{float64(n) / 1e3} }
	files, err := siteFiles(distFS)
	var wasm []fileSizes
	for _, f := range files {
		if path.Ext(f) == ".wasm" {
			s, err := sizesOf(distFS, f)
			if err == nil {
				wasm = append(wasm, s)
			}
		}
	}
	slices.SortFunc(wasm, func(a, b fileSizes) int { return int(b.Raw - a.Raw) })
	add := func(figure string, n int64, missing string, target *bench.Target) {
		if n < 0 {
			b.row(bench.Row{Group: "size", Figure: figure, Unit: "kB", Target: target, Err: missing, Cmd: b.sizeKey})
			return
		}
		s, _ := bench.Summarize(kb(n))
		b.row(bench.Row{Group: "size", Figure: figure, Unit: "kB", Sum: s, Target: target, Cmd: b.sizeKey})
	}
	if err != nil || len(wasm) == 0 {
		b.fail("size", "app wasm", "kB", nil, fmt.Errorf("no .wasm in dist/: %v", err))
	} else {
		w := wasm[0]
		add("app wasm ("+w.Name+"), raw", w.Raw, "", nil)
		add("app wasm, gzip", w.Gzip, "dist/ has no .gz copy", nil)
		add("app wasm, brotli", w.Br, "dist/ has no .br copy", nil)
	}
	if h, err := sizesOf(helloFS, helloWasm); err == nil {
		add("hello wasm, raw", h.Raw, "", nil)
		add("hello wasm, gzip", h.Gzip, "no .gz copy", nil)
		add("hello wasm, brotli", h.Br, "no .br copy", nil)
	}
	var total, computed int64
	var raw []string
	for _, f := range files {
		s, err := sizesOf(distFS, f)
		if err != nil {
			continue
		}
		total += s.ServedBr
		if s.Br < 0 && compressible[path.Ext(f)] {
			raw = append(raw, f)
			data, err := readAll(distFS, f)
			if err == nil {
				if n, err := brotliSize(b.ctx, data); err == nil {
					computed += n
					continue
				}
			}
			computed += s.ServedBr
		} else {
			computed += s.Br
		}
	}
	add(fmt.Sprintf("whole app download as served to a brotli client (all %d files of dist/)", len(files)), total, "", atMost(2000))
	if len(raw) > 0 {
		b.t.Notes = append(b.t.Notes, fmt.Sprintf("dist/ has no .br copy of %d text or wasm files (%s), so they are served uncompressed or gzip; with brotli copies the whole app would be %s kB.",
			len(raw), strings.Join(raw, ", "), bench.FormatNumber(float64(computed)/1e3)))
	}
}

// compressible are the extensions of files that should have a .br copy;
// images are compressed already.
var compressible = map[string]bool{".html": true, ".js": true, ".mjs": true, ".css": true, ".wasm": true, ".json": true, ".webmanifest": true, ".svg": true, ".txt": true, ".map": true}

// peerSource returns the peer normalizer's ES module, unchanged from
// node_modules, and its version.
func (b *browserBench) peerSource() ([]byte, string, error) {
	dir := filepath.Join(b.cfg.root, "node_modules", peerPkg)
	var pkg struct {
		Version string `json:"version"`
		Module  string `json:"module"`
	}
	data, err := os.ReadFile(filepath.Join(dir, "package.json"))
	if err != nil {
		return nil, "", fmt.Errorf("%s is not installed (run npm ci): %v", peerPkg, err)
	}
	if err := json.Unmarshal(data, &pkg); err != nil {
		return nil, "", fmt.Errorf("%s/package.json: %v", peerPkg, err)
	}
	if pkg.Module == "" {
		pkg.Module = "dist/index.js"
	}
	src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(pkg.Module)))
	if err != nil {
		return nil, "", err
	}
	// The source map is not shipped; drop the comment that points to it.
	if i := strings.LastIndex(string(src), "//# sourceMappingURL="); i >= 0 {
		src = src[:i]
	}
	return src, pkg.Version, nil
}

func shortHash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:4])
}

// quiet waits until the site has sent nothing for settle (at most limit),
// so that a service worker's precaching is over, and returns what was sent.
func quiet(s *site, settle, limit time.Duration) []transfer {
	var all []transfer
	deadline := time.Now().Add(limit)
	last := time.Now()
	for time.Now().Before(deadline) && time.Since(last) < settle {
		time.Sleep(50 * time.Millisecond)
		if got := s.meter.take(); len(got) > 0 {
			all = append(all, got...)
			last = time.Now()
		}
	}
	return all
}

func sumBytes(ts []transfer) (int64, []string) {
	var n int64
	enc := map[string]bool{}
	for _, t := range ts {
		if strings.HasPrefix(t.Path, "/"+peerPath) {
			continue
		}
		n += t.Bytes
		e := t.Encoding
		if e == "" {
			e = "identity"
		}
		enc[e] = true
	}
	var es []string
	for e := range enc {
		es = append(es, e)
	}
	slices.Sort(es)
	return n, es
}

// cold loads each page in a new browser on a fresh profile, alternating the
// hello page and the app, runs+1 times; the first round is the warm-up.
func (b *browserBench) cold() {
	var helloMs, appMs, firstMs, warmMs, readyKB, totalKB []float64
	var helloSplit, appSplit []split
	var encodings, twice []string
	var err error
	for i := 0; i <= b.cfg.runs && err == nil; i++ {
		logf("cold load %d/%d", i, b.cfg.runs)
		var h, a float64
		var hs, as split
		h, err = b.coldLoad(b.hello, nil, &hs)
		if err != nil {
			break
		}
		var fw firstWarm
		a, err = b.coldLoad(b.app, &fw, &as)
		if err != nil || i == 0 {
			continue
		}
		helloSplit = append(helloSplit, hs)
		appSplit = append(appSplit, as)
		helloMs = append(helloMs, h)
		appMs = append(appMs, a)
		firstMs = append(firstMs, fw.First)
		warmMs = append(warmMs, fw.Warm)
		readyKB = append(readyKB, float64(fw.readyBytes)/1e3)
		totalKB = append(totalKB, float64(fw.totalBytes)/1e3)
		encodings = fw.encodings
		twice = fw.twice
	}
	if len(twice) > 0 {
		b.t.Notes = append(b.t.Notes, fmt.Sprintf("A first visit to the app fetched these files twice, once for the page and once for the service worker's precache: %s.",
			strings.Join(twice, ", ")))
	}
	b.value("load", "navigation → ready, cold cache: hello page", "ms", nil, helloMs, err)
	b.value("load", "navigation → ready, cold cache: app", "ms", nil, appMs, err)
	b.value("load", "navigation → ready, cold cache: app ÷ hello", "×", atMost(1.5), bench.Ratios(appMs, helloMs), err)
	b.splitRows("cold", helloSplit, appSplit, err)
	b.value("load", "bytes sent until ready, cold (encodings: "+strings.Join(encodings, ", ")+")", "kB", nil, readyKB, err)
	b.value("load", "bytes sent for a first visit: page and service worker precache", "kB", atMost(2000), totalKB, err)
	b.value("wasm", "first `tahlil.analyze(sample)` in a page that has just compiled the module", "ms", nil, firstMs, err)
	b.value("wasm", "warm `tahlil.analyze(sample)` in the same page", "ms", nil, warmMs, err)
	// V8 compiles each function on its first call, so this is mostly
	// compilation; a fresh instance of a compiled module is measured in
	// node (runInstances).
	b.value("wasm", "first − warm analysis in that page (V8 compiles each function on its first call)", "ms", nil, diff(firstMs, warmMs), err)
}

// splitRows adds where the start-up of each page went: until its module is
// instantiated (fetch, download, compile), then until Go's main runs (the
// runtime and the packages initialize), then until ready (for the app, main
// and wiring the page).
func (b *browserBench) splitRows(cache string, hello, app []split, err error) {
	part := func(ss []split, f func(split) float64) []float64 {
		v := make([]float64, len(ss))
		for i, s := range ss {
			v[i] = f(s)
		}
		return v
	}
	inst := func(s split) float64 { return s.Instantiated }
	goInit := func(s split) float64 { return s.Main - s.Instantiated }
	rest := func(s split) float64 { return s.Ready - s.Main }
	b.value("load", "start-up, "+cache+": navigation → module instantiated (fetch, compile): hello", "ms", nil, part(hello, inst), err)
	b.value("load", "start-up, "+cache+": navigation → module instantiated (fetch, compile): app", "ms", nil, part(app, inst), err)
	b.value("load", "start-up, "+cache+": instantiated → Go main (runtime and package init): hello", "ms", nil, part(hello, goInit), err)
	b.value("load", "start-up, "+cache+": instantiated → Go main (runtime and package init): app", "ms", nil, part(app, goInit), err)
	b.value("load", "start-up, "+cache+": Go main → ready (the app's main and page wiring)", "ms", nil, part(app, rest), err)
}

func diff(a, b []float64) []float64 {
	n := min(len(a), len(b))
	d := make([]float64, n)
	for i := range n {
		d[i] = a[i] - b[i]
	}
	return d
}

type firstWarm struct {
	First, Warm            float64
	readyBytes, totalBytes int64
	encodings              []string
	twice                  []string // paths sent more than once
}

// repeated returns the paths that were sent more than once.
func repeated(ts []transfer) []string {
	seen := map[string]int{}
	var twice []string
	for _, t := range ts {
		seen[t.Path]++
		if seen[t.Path] == 2 {
			twice = append(twice, t.Path)
		}
	}
	return twice
}

// coldLoad starts a browser on a fresh profile, loads s and returns the time
// to ready. For the app (fw != nil) it then times the first and a warm
// analysis of the sample, and the bytes sent.
func (b *browserBench) coldLoad(s *site, fw *firstWarm, sp *split) (float64, error) {
	c, err := launch(b.ctx, b.chromium)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	if b.version == "" {
		b.version = c.Version
	}
	s.meter.take()
	ms, err := c.load(s.URL)
	if err != nil {
		return ms, err
	}
	if *sp, err = c.split(ms); err != nil || fw == nil {
		return ms, err
	}
	ready := s.meter.take()
	fw.readyBytes, fw.encodings = sumBytes(ready)
	if err := c.installHarness(); err != nil {
		return ms, err
	}
	if err := c.setText("sample", b.texts[0].Text); err != nil {
		return ms, err
	}
	if fw.First, fw.Warm, err = c.first("sample", 20); err != nil {
		return ms, err
	}
	rest := quiet(s, time.Second, 15*time.Second)
	fw.totalBytes, _ = sumBytes(append(ready, rest...))
	fw.twice = repeated(append(ready, rest...))
	if b.cfg.verbose {
		for i, t := range append(ready, rest...) {
			logf("  %s %d %s %d bytes (before ready: %v)", t.Path, t.Status, t.Encoding, t.Bytes, i < len(ready))
		}
	}
	return ms, nil
}

func (c *chrome) first(name string, reps int) (float64, float64, error) {
	v, err := eval[struct{ First, Warm float64 }](c.ctx, fmt.Sprintf(`window.__tahlilbench.first(%s, %d)`, js(name), reps))
	return v.First, v.Warm, err
}

// warm measures loads with a warm cache in one browser, then the analysis,
// memory and peer figures in the app page.
func (b *browserBench) warm() {
	c, err := launch(b.ctx, b.chromium)
	if err != nil {
		b.fail("load", "warm-cache loads and in-page figures", "", nil, err)
		return
	}
	defer c.Close()
	if b.version == "" {
		b.version = c.Version
	}
	var helloMs, appMs []float64
	var helloSplit, appSplit []split
	logf("warm loads")
	// Warm-up: fill the HTTP cache and let the app's service worker install.
	if _, err = c.load(b.hello.URL); err == nil {
		if _, err = c.load(b.app.URL); err == nil {
			quiet(b.app, time.Second, 15*time.Second)
		}
	}
	for i := 0; i < b.cfg.runs && err == nil; i++ {
		var h, a float64
		if err = c.blank(); err != nil {
			break
		}
		if h, err = c.load(b.hello.URL); err != nil {
			break
		}
		var hs, as split
		if hs, err = c.split(h); err != nil {
			break
		}
		if err = c.blank(); err != nil {
			break
		}
		if a, err = c.load(b.app.URL); err != nil {
			break
		}
		if as, err = c.split(a); err != nil {
			break
		}
		helloMs = append(helloMs, h)
		appMs = append(appMs, a)
		helloSplit = append(helloSplit, hs)
		appSplit = append(appSplit, as)
	}
	b.value("load", "navigation → ready, warm cache: hello page", "ms", nil, helloMs, err)
	b.value("load", "navigation → ready, warm cache: app", "ms", nil, appMs, err)
	b.value("load", "navigation → ready, warm cache: app ÷ hello", "×", atMost(1.5), bench.Ratios(appMs, helloMs), err)
	b.splitRows("warm", helloSplit, appSplit, err)
	if err == nil {
		err = c.installHarness()
	}
	for _, tx := range b.texts {
		if err == nil {
			err = c.setText(tx.Name, tx.Text)
		}
	}
	b.analysis(c, err)
	b.peers(c, err)
}

var textLabel = map[string]string{"sample": "sample article", "100KB": "100 KB", "1MB": "1 MB"}

// analysis adds the in-page analysis figures, render excluded and included,
// the wasm/native ratios and the memory of the 1 MB case. After each
// in-page run it runs the native benchmark of the same text once, so that
// the ratio compares runs taken side by side under the same machine load.
func (b *browserBench) analysis(c *chrome, err error) {
	for _, tx := range b.texts {
		label := textLabel[tx.Name]
		var m map[string][]float64
		var native []float64
		var nerr error
		between := func() error {
			if nerr != nil {
				return nil
			}
			ns, e := b.nat.once(b.ctx, "BenchmarkAnalyze/"+tx.Name)
			nerr = e
			native = append(native, ns*1e-6)
			return nil
		}
		var peak, wasmMem float64
		var memErr error
		if err == nil {
			logf("in-page analysis: %s", tx.Name)
			minMs, maxReps := 50.0, 1000
			var stop chan struct{}
			var peakC <-chan float64
			if tx.Name == "1MB" {
				minMs, maxReps = 0, 1
				memErr = c.collectGarbage()
				stop = make(chan struct{})
				peakC = c.pollHeap(stop, 20*time.Millisecond)
			}
			m, err = c.measure([]string{"analyze", "show"}, tx.Name, b.cfg.runs, minMs, maxReps, between)
			if stop != nil {
				close(stop)
				peak = <-peakC
				if u, e := c.heapUsed(); e == nil {
					peak = max(peak, u)
				} else if memErr == nil {
					memErr = e
				}
				if memErr == nil {
					wasmMem, memErr = eval[float64](c.ctx, `window.__tahlilbench.wasmMemoryBytes()`)
				}
			}
		}
		var showTarget *bench.Target
		if tx.Name == "sample" {
			showTarget = atMost(5)
		}
		b.value("wasm", "`tahlil.analyze`, render excluded, "+label, "ms", nil, m["analyze"], err)
		b.value("wasm", "`tahlil.show`, render included, "+label, "ms", showTarget, m["show"], err)
		if err != nil {
			nerr = err
		}
		b.value("wasm", "wasm ÷ native `Analyze` time, "+label, "×", nil, bench.Ratios(m["analyze"], native), nerr)
		if tx.Name == "1MB" {
			if err != nil {
				memErr = err
			}
			b.value("wasm", "peak JS heap during the 1 MB runs", "MB", nil, []float64{peak / 1e6}, memErr)
			b.value("wasm", "wasm linear memory after the 1 MB runs", "MB", nil, []float64{wasmMem / 1e6}, memErr)
		}
	}
}

// peers adds normalization throughput in the page: Tahlil's search preset
// through the page API, the browser's own NFKC, and the npm peer.
func (b *browserBench) peers(c *chrome, err error) {
	if err == nil && b.peerErr != nil {
		err = b.peerErr
	}
	if err == nil {
		_, err = eval[bool](c.ctx, `window.__tahlilbench.loadPeer(`+js(b.peerURL)+`)`)
	}
	if b.peerName == "" {
		b.peerName = peerPkg
	}
	for _, tx := range []bench.Text{b.texts[0], b.texts[2]} {
		label := textLabel[tx.Name]
		var m map[string][]float64
		if err == nil {
			logf("in-page normalizers: %s", tx.Name)
			m, err = c.measure([]string{"tahlil-search", "nfkc", "peer"}, tx.Name, b.cfg.runs, 100, 100000, nil)
		}
		mbps := func(k string) []float64 {
			var v []float64
			for _, ms := range m[k] {
				v = append(v, float64(len(tx.Text))/1e6/(ms/1e3))
			}
			return v
		}
		tl, nf, pe := mbps("tahlil-search"), mbps("nfkc"), mbps("peer")
		b.value("peers", "`tahlil.normalize(text, \"search\")`, "+label, "MB/s", nil, tl, err)
		b.value("peers", "`String.prototype.normalize(\"NFKC\")`, "+label, "MB/s", nil, nf, err)
		b.value("peers", "npm `"+b.peerName+"` `normalize(text)`, "+label, "MB/s", nil, pe, err)
		b.value("peers", "Tahlil `search` ÷ NFKC speed, "+label, "×", nil, bench.Ratios(tl, nf), err)
		b.value("peers", "Tahlil `search` ÷ `"+peerPkg+"` speed, "+label, "×", nil, bench.Ratios(tl, pe), err)
	}
}

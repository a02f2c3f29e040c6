package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"tahlil/bench"
)

// nativeResults are the parsed native benchmark runs, warm-up removed, and
// the test binary that produced them, for runs taken later side by side
// with the browser's.
type nativeResults struct {
	results []bench.GoBench
	skip    int
	bin     string
	dir     string
	env     []string
}

func (n *nativeResults) samples(name, unit string) []float64 {
	if n == nil {
		return nil
	}
	return bench.Samples(n.results, name, unit, n.skip)
}

// once runs one native benchmark (e.g. BenchmarkAnalyze/1MB) once more and
// returns its ns/op.
func (n *nativeResults) once(ctx context.Context, name string) (float64, error) {
	if n == nil || n.bin == "" {
		return 0, fmt.Errorf("needs the native benchmarks (run without -native=false)")
	}
	top, sub, _ := strings.Cut(name, "/")
	pattern := "^" + top + "$"
	if sub != "" {
		pattern += "/^" + sub + "$"
	}
	args := append(slices.Clone(benchArgs), "-test.bench", pattern)
	cmd := exec.CommandContext(ctx, n.bin, args...)
	cmd.Dir, cmd.Env, cmd.Stderr = n.dir, n.env, os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("native %s: %v", name, err)
	}
	res, err := bench.ParseGoBench(bytes.NewReader(out))
	if err != nil {
		return 0, err
	}
	v := bench.Samples(res, name, "ns/op", 0)
	if len(v) != 1 {
		return 0, fmt.Errorf("native %s: got %d results", name, len(v))
	}
	return v[0], nil
}

// benchArgs are the flags of one run of the native benchmarks.
var benchArgs = []string{"-test.run", "^$", "-test.benchmem", "-test.benchtime", "300ms", "-test.cpu", "1", "-test.bench", "."}

func shellQuote(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		if a == "" || strings.ContainsAny(a, " $^'\"*?|&;<>()\\") {
			a = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		q[i] = a
	}
	return strings.Join(q, " ")
}

// runNative runs the native benchmarks (bench/native_test.go) and adds their
// rows to t. It compiles the test binary once and runs it runs+1 times, so
// that each run measures every benchmark side by side (the machine's load
// changes by the minute); the first run is the warm-up.
func runNative(ctx context.Context, cfg config, t *bench.Table, work string) *nativeResults {
	n := &nativeResults{skip: 1, bin: filepath.Join(work, "bench.test"), dir: filepath.Join(cfg.root, "bench")}
	n.env = append(os.Environ(), "TAHLIL_REQUIRE_SHARED=1")
	if os.Getenv("TAHLIL_SHARED") == "" {
		n.env = append(n.env, "TAHLIL_SHARED="+filepath.Dir(filepath.Dir(cfg.sample)))
	}
	line := fmt.Sprintf("go test -c -o bench.test ./bench && cd bench && for i in $(seq %d); do ../bench.test %s; done   # the first run is the warm-up",
		cfg.runs+1, shellQuote(benchArgs))
	key := t.Command("native", line)
	logf("native: %s", line)
	var out bytes.Buffer
	build := exec.CommandContext(ctx, "go", "test", "-c", "-o", n.bin, "./bench")
	build.Dir = cfg.root
	build.Stderr = os.Stderr
	runErr := build.Run()
	if runErr != nil {
		n.bin = ""
	}
	for i := 0; i <= cfg.runs && runErr == nil; i++ {
		logf("native run %d/%d", i, cfg.runs)
		cmd := exec.CommandContext(ctx, n.bin, benchArgs...)
		cmd.Dir, cmd.Env = n.dir, n.env
		cmd.Stdout = io.MultiWriter(&out, os.Stderr)
		cmd.Stderr = os.Stderr
		runErr = cmd.Run()
	}
	res, parseErr := bench.ParseGoBench(bytes.NewReader(out.Bytes()))
	n.results = res

	add := func(figure, unit, name, metric string, scale float64, target *bench.Target) {
		r := bench.Row{Group: "native", Figure: figure, Unit: unit, Target: target, Cmd: key}
		v := n.samples(name, metric)
		switch {
		case parseErr != nil:
			r.Err = "parsing go test output: " + parseErr.Error()
		case len(v) == 0 && runErr != nil:
			r.Err = "go test failed: " + errText(runErr)
		case len(v) == 0:
			r.Err = fmt.Sprintf("no %s result for %s", metric, name)
		default:
			r.Sum, _ = bench.Summarize(bench.Scale(v, scale))
		}
		t.Add(r)
	}
	ratio := func(figure, a, b string, target *bench.Target) {
		r := bench.Row{Group: "native", Figure: figure, Unit: "×", Target: target, Cmd: key}
		s, err := bench.Summarize(bench.Ratios(n.samples(a, "MB/s"), n.samples(b, "MB/s")))
		if err != nil {
			r.Err = "needs both " + a + " and " + b
		}
		r.Sum = s
		t.Add(r)
	}
	atLeast := func(v float64) *bench.Target { return &bench.Target{AtLeast: true, Value: v} }
	atMost := func(v float64) *bench.Target { return &bench.Target{Value: v} }

	for _, tx := range []string{"sample", "1MB"} {
		label := map[string]string{"sample": "sample article", "1MB": "1 MB"}[tx]
		add("normalize `search`, "+label, "MB/s", "BenchmarkNormalizeSearch/"+tx, "MB/s", 1, atLeast(150))
		add("`norm.NFC.String` (reference), "+label, "MB/s", "BenchmarkNFC/"+tx, "MB/s", 1, nil)
		ratio("`search` ÷ NFC speed, "+label, "BenchmarkNormalizeSearch/"+tx, "BenchmarkNFC/"+tx, atLeast(1))
		add("normalize `search` allocations, "+label, "allocs/op", "BenchmarkNormalizeSearch/"+tx, "allocs/op", 1, nil)
	}
	add("normalize `search` on already-normalized sample", "allocs/op", "BenchmarkNormalizeSearch/sample_normalized", "allocs/op", 1, atMost(0))
	for _, tx := range []string{"sample", "100KB", "1MB"} {
		label := map[string]string{"sample": "sample article", "100KB": "100 KB", "1MB": "1 MB"}[tx]
		name := "BenchmarkAnalyze/" + tx
		add("`Analyze` throughput, "+label, "tokens/s", name, "tokens/s", 1, atLeast(500_000))
		add("`Analyze` time, "+label, "ms", name, "ns/op", 1e-6, nil)
		add("`Analyze` allocations, "+label, "allocs/op", name, "allocs/op", 1, nil)
	}
	if runErr != nil {
		logf("native benchmarks: %v", runErr)
	}
	return n
}

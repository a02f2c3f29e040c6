package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"tahlil/bench"
)

// nativeResults are the parsed native benchmark runs, warm-up removed.
type nativeResults struct {
	results []bench.GoBench
	skip    int
}

func (n *nativeResults) samples(name, unit string) []float64 {
	if n == nil {
		return nil
	}
	return bench.Samples(n.results, name, unit, n.skip)
}

// benchArgs are the flags of one run of the native benchmarks.
var benchArgs = []string{"-test.run", "^$", "-test.bench", ".", "-test.benchmem", "-test.benchtime", "300ms", "-test.cpu", "1"}

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
func runNative(ctx context.Context, cfg config, t *bench.Table) *nativeResults {
	work, err := os.MkdirTemp("", "tahlilbench-native-")
	if err != nil {
		logf("%v", err)
		return nil
	}
	defer os.RemoveAll(work)
	bin := filepath.Join(work, "bench.test")
	line := fmt.Sprintf("go test -c -o bench.test ./bench && cd bench && for i in $(seq %d); do ../bench.test %s; done   # the first run is the warm-up",
		cfg.runs+1, shellQuote(benchArgs))
	key := t.Command("native", line)
	logf("native: %s", line)
	var out bytes.Buffer
	var runErr error
	build := exec.CommandContext(ctx, "go", "test", "-c", "-o", bin, "./bench")
	build.Dir = cfg.root
	build.Stderr = os.Stderr
	runErr = build.Run()
	for i := 0; i <= cfg.runs && runErr == nil; i++ {
		logf("native run %d/%d", i, cfg.runs)
		cmd := exec.CommandContext(ctx, bin, benchArgs...)
		cmd.Dir = filepath.Join(cfg.root, "bench")
		cmd.Env = append(os.Environ(), "TAHLIL_REQUIRE_SHARED=1")
		if os.Getenv("TAHLIL_SHARED") == "" {
			cmd.Env = append(cmd.Env, "TAHLIL_SHARED="+filepath.Dir(filepath.Dir(cfg.sample)))
		}
		cmd.Stdout = io.MultiWriter(&out, os.Stderr)
		cmd.Stderr = os.Stderr
		runErr = cmd.Run()
	}
	res, parseErr := bench.ParseGoBench(bytes.NewReader(out.Bytes()))
	n := &nativeResults{results: res, skip: 1}

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

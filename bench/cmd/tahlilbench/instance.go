package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"

	"tahlil/bench"
)

// instanceArgs run e2e's BenchmarkFirstAnalysis: each run is one node
// process that warms one Go instance of the browser module and times the
// first analysis in a second instance of the same compiled module.
func instanceArgs(runs int) []string {
	return []string{"test", "./e2e", "-run", "^$", "-bench", "^BenchmarkFirstAnalysis$", "-benchtime", "1x", "-count", fmt.Sprint(runs)}
}

// runInstances adds the rows of a fresh instance's first analysis: what a
// Workers request pays, since the runtime starts a Go instance per request
// from a module compiled once.
func runInstances(ctx context.Context, cfg config, t *bench.Table, root string) {
	args := instanceArgs(cfg.runs)
	key := t.Command("instances", "go "+shellQuote(args)+"   # node (V8), the browser module; see e2e/instance_test.go")
	add := func(figure, unit string, target *bench.Target, v []float64, err error) {
		r := bench.Row{Group: "wasm", Figure: figure, Unit: unit, Target: target, Cmd: key}
		if err == nil && len(v) == 0 {
			err = fmt.Errorf("no measurements")
		}
		if err != nil {
			r.Err = errText(err)
		} else {
			r.Sum, _ = bench.Summarize(v)
		}
		t.Add(r)
	}
	logf("fresh instances in node: go %s", shellQuote(args))
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir, cmd.Stderr = root, os.Stderr
	cmd.Env = append(os.Environ(), "TAHLIL_BENCH_TEXT="+cfg.sample)
	out, err := cmd.Output()
	var res []bench.GoBench
	if err == nil {
		res, err = bench.ParseGoBench(bytes.NewReader(out))
	}
	get := func(unit string) []float64 { return bench.Samples(res, "BenchmarkFirstAnalysis", unit, 0) }
	add("fresh instance of the compiled module: first `analyze(sample)`", "ms", nil, get("fresh-first-ms"), err)
	add("warm `analyze(sample)` in another instance of it", "ms", nil, get("warm-ms"), err)
	add("fresh instance: first − warm analysis", "ms", atMost(5), get("fresh-first-minus-warm-ms"), err)
}

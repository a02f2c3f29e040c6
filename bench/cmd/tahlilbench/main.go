// Command tahlilbench measures Tahlil natively and in headless Chromium,
// next to its reference points, and writes one Markdown table of the results
// to bench/RESULTS.md and to the Performance section of README.md.
//
// It is run by ./build.sh bench (scripts/bench.sh), after the web app has
// been built into dist/:
//
//	go run ./bench/cmd/tahlilbench [-runs 5] [-native=false] [-browser=false]
//
// Every figure is the median of -runs measurements taken after a warm-up,
// shown with their minimum and maximum. Figures that miss a target set by
// the project's requirements are marked ❌; figures that could not be
// measured are marked ❌ with the reason, and make the command exit 1.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"tahlil/bench"
)

type config struct {
	root     string
	dist     string
	sample   string
	chromium string
	out      string
	readme   string
	runs     int
	native   bool
	browser  bool
	verbose  bool
}

func main() {
	var cfg config
	flag.StringVar(&cfg.dist, "dist", "dist", "the built web app")
	flag.StringVar(&cfg.sample, "sample", "", "the sample article (default: $TAHLIL_SHARED or ../shared, samples/article-blinken-netanyahu.txt)")
	flag.StringVar(&cfg.chromium, "chromium", "", "the Chromium binary (default: $CHROMIUM, or chromium on $PATH)")
	flag.StringVar(&cfg.out, "out", "bench/RESULTS.md", "where to write the results; empty writes none")
	flag.StringVar(&cfg.readme, "readme", "README.md", "README whose bench section to rewrite; empty leaves it")
	flag.IntVar(&cfg.runs, "runs", 5, "measured runs per figure, after a warm-up (at least 5 for published figures)")
	flag.BoolVar(&cfg.native, "native", true, "run the native Go benchmarks")
	flag.BoolVar(&cfg.browser, "browser", true, "run the benchmarks in headless Chromium")
	flag.BoolVar(&cfg.verbose, "v", false, "log every response of the cold loads")
	flag.Parse()
	if cfg.runs < 1 {
		fmt.Fprintln(os.Stderr, "tahlilbench: -runs must be at least 1")
		os.Exit(2)
	}
	if cfg.runs < 5 && (cfg.out != "" || cfg.readme != "") {
		fmt.Fprintln(os.Stderr, "tahlilbench: published figures need -runs 5 or more; for a quick look add -out '' -readme ''")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, cfg))
}

var started = time.Now()

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "tahlilbench %5.1fs: "+format+"\n", append([]any{time.Since(started).Seconds()}, args...)...)
}

func run(ctx context.Context, cfg config) int {
	start := time.Now()
	root, err := os.Getwd()
	if err != nil {
		logf("%v", err)
		return 1
	}
	cfg.root = root
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		logf("run from the repository root (no go.mod in %s)", root)
		return 1
	}
	if cfg.sample == "" {
		shared := os.Getenv("TAHLIL_SHARED")
		if shared == "" {
			shared = filepath.Join(root, "..", "shared")
		}
		cfg.sample = filepath.Join(shared, "samples", "article-blinken-netanyahu.txt")
	}
	article, err := os.ReadFile(cfg.sample)
	if err != nil {
		logf("the benchmarks need the sample article: %v (set TAHLIL_SHARED or -sample)", err)
		return 1
	}
	texts, err := bench.Texts(string(article))
	if err != nil {
		logf("%v", err)
		return 1
	}

	work, err := os.MkdirTemp("", "tahlilbench-")
	if err != nil {
		logf("%v", err)
		return 1
	}
	defer os.RemoveAll(work)
	t := &bench.Table{}
	var nat *nativeResults
	if cfg.native {
		nat = runNative(ctx, cfg, t, work)
	}
	version := ""
	if cfg.browser {
		version = runBrowser(ctx, cfg, t, texts, nat)
		runInstances(ctx, cfg, t, root)
	}

	t.Machine = machine()
	t.Software = runtime.Version()
	if version != "" {
		t.Software += ", " + version
	}
	t.Date = time.Now().UTC().Format("2006-01-02 15:04 MST")
	t.Commit = commit(ctx, root)
	t.Runs = fmt.Sprintf("Each figure is the median of %d runs after a warm-up, with the min and max of those runs; the whole benchmark took %s.",
		cfg.runs, time.Since(start).Round(time.Second))
	t.Notes = append(t.Notes,
		"Status compares the median with the target; ❌ marks a figure that misses its target or could not be measured, and is never hidden.",
		"MB is 10⁶ bytes; MB/s counts bytes of UTF-8 input. Ratios pair run i of one figure with run i of the other.",
		"Texts: the shared sample article ("+fmt.Sprint(len(texts[0].Text))+" bytes) and whole copies of it joined by blank lines up to 100 KB and 1 MB, identical natively and in the browser.",
	)

	md := t.Markdown()
	fmt.Println(md)
	if cfg.out != "" {
		doc := "# Benchmark results\n\nWritten by `./build.sh bench` (scripts/bench.sh); regenerate rather than edit.\n\n" + md
		if err := os.WriteFile(inRoot(root, cfg.out), []byte(doc), 0o644); err != nil {
			logf("%v", err)
			return 1
		}
		logf("wrote %s", cfg.out)
	}
	if cfg.readme != "" {
		if err := rewriteReadme(inRoot(root, cfg.readme), md); err != nil {
			logf("%v", err)
			return 1
		}
		logf("updated the performance section of %s", cfg.readme)
	}
	failed := 0
	for _, r := range t.Rows {
		if r.Err != "" {
			failed++
		}
	}
	for _, r := range t.Missed() {
		logf("❌ %s: %s", r.Figure, r.Status())
	}
	if failed > 0 {
		logf("%d figures could not be measured", failed)
		return 1
	}
	return 0
}

// inRoot resolves a relative path against the repository root.
func inRoot(root, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(root, p)
}

func rewriteReadme(p, md string) error {
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	body := "Produced by `./build.sh bench`, which also writes [bench/RESULTS.md](bench/RESULTS.md); do not edit by hand.\n\n" + md
	doc, err := bench.ReplaceSection(string(b), body)
	if err != nil {
		return fmt.Errorf("%s: %v", p, err)
	}
	return os.WriteFile(p, []byte(doc), 0o644)
}

// machine describes the CPU and OS.
func machine() string {
	cpu := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for l := range strings.SplitSeq(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	osName := runtime.GOOS
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		osName += " " + strings.TrimSpace(string(b))
	}
	return fmt.Sprintf("%s, %d cores, %s/%s", cpu, runtime.NumCPU(), osName, runtime.GOARCH)
}

// commit names the checked-out commit, saying when the tree has changes.
func commit(ctx context.Context, root string) string {
	out, err := exec.CommandContext(ctx, "git", "-C", root, "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	c := strings.TrimSpace(string(out))
	if st, err := exec.CommandContext(ctx, "git", "-C", root, "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(strings.TrimSpace(string(st))) > 0 {
		c += " (with uncommitted changes)"
	}
	return c
}

// errText shortens an error for a table cell.
func errText(err error) string {
	s := err.Error()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		s = strings.TrimSpace(s)
	}
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}

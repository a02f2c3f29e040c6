package e2e

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"tahlil/internal/testenv"
)

// browserDist returns the built web app, failing with the command to run
// when it is missing. scripts/test.sh builds it before go test.
func browserDist(t testing.TB) string {
	t.Helper()
	dist := filepath.Join(testenv.Root(), "dist")
	for _, f := range []string{"index.html", "sw.js", "BUILD"} {
		if _, err := os.Stat(filepath.Join(dist, f)); err != nil {
			t.Fatalf("the web app is not built (%v): run ./build.sh (scripts/build-web.sh) before the browser tests", err)
		}
	}
	return dist
}

// browserStart starts headless Chromium with a fresh profile and returns a
// context for its first tab.
func browserStart(t testing.TB) context.Context {
	t.Helper()
	exe := testenv.Chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelA() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", exe, err)
	}
	return ctx
}

// browserWaitReady waits until the page sets data-ready (or data-failed)
// on <html>, and fails on data-failed.
func browserWaitReady(t testing.TB, ctx context.Context) {
	t.Helper()
	wctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	if _, err := chromedp.Run(wctx, chromedp.Poll[bool](`document.documentElement.hasAttribute("data-ready") || document.documentElement.hasAttribute("data-failed")`)); err != nil {
		t.Fatalf("waiting for data-ready: %v", err)
	}
	failed, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.hasAttribute("data-failed") ? document.getElementById("fatal").textContent : ""`))
	if err != nil {
		t.Fatal(err)
	}
	if failed != "" {
		t.Fatalf("the page failed to load the analyzer: %s", failed)
	}
}

// browserStepTimeout bounds one step of a browser test, so that a missing
// element fails the test instead of waiting for it forever.
const browserStepTimeout = 90 * time.Second

// browserEval evaluates a JavaScript expression, awaiting it when it is a
// promise, and decodes its value.
func browserEval[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, browserStepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %.200s: %v", expr, err)
	}
	return v
}

// browserDo runs actions and fails the test on error.
func browserDo(t testing.TB, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, browserStepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// browserClickUntil clicks the element sel and waits until the JavaScript
// condition cond holds, clicking again if it does not within a second: on a
// loaded host the page may replace the element (a re-render after the last
// analysis) between chromedp finding it and the click landing, and the
// click is lost. It fails the test if cond never holds after three clicks.
func browserClickUntil(t testing.TB, ctx context.Context, what, sel, cond string) {
	t.Helper()
	for range 3 {
		browserDo(t, ctx, what, chromedp.Click(chromedp.CSS(sel)))
		for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			if browserEval[bool](t, ctx, cond) {
				return
			}
		}
	}
	t.Errorf("%s: %s never held", what, cond)
}

// browserQuote returns s as a JavaScript string literal.
func browserQuote(s string) string { return strconv.Quote(s) }

// browserSaveArtifact writes b to e2e/artifacts/name.
func browserSaveArtifact(t testing.TB, name string, b []byte) {
	t.Helper()
	dir := filepath.Join(testenv.Root(), "e2e", "artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("saved %s", p)
}

// browserContrast returns the WCAG 2 contrast ratio of two CSS colours
// given as "#rrggbb" or "rgb(r, g, b)".
func browserContrast(t testing.TB, a, b string) float64 {
	t.Helper()
	la, lb := browserLuminance(t, a), browserLuminance(t, b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func browserLuminance(t testing.TB, c string) float64 {
	t.Helper()
	c = strings.TrimSpace(c)
	var rgb [3]float64
	switch {
	case strings.HasPrefix(c, "#") && len(c) == 7:
		for i := range 3 {
			v, err := strconv.ParseUint(c[1+2*i:3+2*i], 16, 8)
			if err != nil {
				t.Fatalf("bad colour %q", c)
			}
			rgb[i] = float64(v)
		}
	case strings.HasPrefix(c, "rgb(") && strings.HasSuffix(c, ")"):
		parts := strings.Split(c[4:len(c)-1], ",")
		if len(parts) != 3 {
			t.Fatalf("bad colour %q", c)
		}
		for i, p := range parts {
			v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
			if err != nil {
				t.Fatalf("bad colour %q", c)
			}
			rgb[i] = v
		}
	default:
		t.Fatalf("unsupported colour %q", c)
	}
	var l [3]float64
	for i, v := range rgb {
		s := v / 255
		if s <= 0.04045 {
			l[i] = s / 12.92
		} else {
			l[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

//go:embed page.js
var pageJS string

// readyObserver runs before any script of every document: it records
// performance.now() (milliseconds since navigation start) when <html> gets
// data-ready.
const readyObserver = `(() => {
  const mark = () => {
    const el = document.documentElement;
    if (window.__benchReadyAt === undefined && el && el.hasAttribute("data-ready")) {
      window.__benchReadyAt = performance.now();
    }
  };
  new MutationObserver(mark).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-ready"]});
  document.addEventListener("DOMContentLoaded", mark);
  mark();
})();`

// readyOrFailed is truthy once the page is ready (the time it got ready) or
// has given up loading (-1, when the app sets data-failed on <html>).
const readyOrFailed = `window.__benchReadyAt || (document.documentElement && document.documentElement.hasAttribute("data-failed") ? -1 : 0)`

// loadTimeout bounds one page load; a page that never sets data-ready fails
// the benchmark with this much patience.
const loadTimeout = 60 * time.Second

// chrome is one running browser with one tab.
type chrome struct {
	ctx     context.Context
	cancel  func()
	profile string
	Version string
}

// chromeFlags are the flags of every browser the benchmark starts, on top of
// chromedp's defaults (which include headless).
func chromeFlags(execPath, profile string) []chromedp.ExecAllocatorOption {
	opts := append([]chromedp.ExecAllocatorOption{}, chromedp.DefaultExecAllocatorOptions[:]...)
	return append(opts,
		chromedp.ExecPath(execPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("enable-precise-memory-info", true),
		chromedp.WindowSize(1280, 900),
		chromedp.UserDataDir(profile),
	)
}

// launch starts a browser on a fresh profile directory and installs the
// ready observer in its tab.
func launch(parent context.Context, execPath string) (*chrome, error) {
	profile, err := os.MkdirTemp("", "tahlilbench-profile-")
	if err != nil {
		return nil, err
	}
	actx, acancel := chromedp.NewExecAllocator(parent, chromeFlags(execPath, profile)...)
	ctx, cancel := chromedp.NewContext(actx)
	c := &chrome{ctx: ctx, profile: profile, cancel: func() {
		cancel()
		acancel()
		os.RemoveAll(profile)
	}}
	if err := chromedp.Do(ctx); err != nil {
		c.cancel()
		return nil, fmt.Errorf("starting %s: %w", execPath, err)
	}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: readyObserver}); err != nil {
		c.cancel()
		return nil, err
	}
	if v, err := chromedp.CallBrowser(ctx, browser.GetVersion, cdp.Empty{}); err == nil {
		c.Version = v.Product
	}
	return c, nil
}

func (c *chrome) Close() { c.cancel() }

// load navigates to url and returns the milliseconds from navigation start
// to data-ready on <html>.
func (c *chrome) load(url string) (float64, error) {
	ctx, cancel := context.WithTimeout(c.ctx, loadTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return 0, fmt.Errorf("loading %s: %w", url, err)
	}
	for {
		ms, err := chromedp.Run(ctx, chromedp.Poll[float64](readyOrFailed, chromedp.WithPollingInterval(5*time.Millisecond), chromedp.WithPollingTimeout(loadTimeout)))
		if err == nil && ms < 0 {
			msg, _ := eval[string](ctx, `document.body ? document.body.innerText.slice(0, 300) : ""`)
			return 0, fmt.Errorf("%s set data-failed on <html> instead of data-ready; the page says: %q", url, strings.TrimSpace(msg))
		}
		if err == nil {
			return ms, nil
		}
		// Right after a navigation the protocol can still name the previous
		// document's execution context; ask again in the new one.
		if strings.Contains(err.Error(), "Cannot find context") && ctx.Err() == nil {
			time.Sleep(10 * time.Millisecond)
			continue
		}
		return 0, fmt.Errorf("%s never set data-ready on <html> within %v: %w", url, loadTimeout, err)
	}
}

// split is where one page's start-up went, in ms since navigation start.
type split struct {
	Instantiated float64 // the module is fetched, compiled and instantiated
	Main         float64 // the Go runtime and the packages are initialized
	Ready        float64
}

// split reads the page's tahlil:instantiated and tahlil:main performance
// marks (see web/app.js and bench/hello); ready is the load's result.
func (c *chrome) split(ready float64) (split, error) {
	s, err := eval[split](c.ctx, `(() => {
  const at = (n) => { const e = performance.getEntriesByName(n)[0]; return e ? e.startTime : -1; };
  return {Instantiated: at("tahlil:instantiated"), Main: at("tahlil:main")};
})()`)
	if err == nil && (s.Instantiated < 0 || s.Main < 0) {
		err = fmt.Errorf("the page has no tahlil:instantiated or tahlil:main performance mark")
	}
	s.Ready = ready
	return s, err
}

// blank navigates away so that the next load is a fresh navigation.
func (c *chrome) blank() error {
	return chromedp.Do(c.ctx, chromedp.Navigate("about:blank"))
}

// eval evaluates expr in the page, awaiting a promise, and decodes the
// result into T.
func eval[T any](ctx context.Context, expr string) (T, error) {
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		var ex *chromedp.ExceptionError
		if errors.As(err, &ex) && ex.ExceptionDetails != nil && ex.Exception != nil {
			return v, fmt.Errorf("in page: %s", ex.Exception.Description)
		}
		return v, err
	}
	return v, nil
}

// js quotes v as a JavaScript literal.
func js(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// installHarness installs page.js and checks the page contract: the names
// the benchmark needs on window.tahlil.
func (c *chrome) installHarness() error {
	if _, err := eval[bool](c.ctx, pageJS); err != nil {
		return fmt.Errorf("installing the in-page harness: %w", err)
	}
	missing, err := eval[[]string](c.ctx, `window.__tahlilbench.contract()`)
	if err != nil {
		return err
	}
	if len(missing) > 0 {
		return fmt.Errorf("the page does not implement the benchmark contract: missing %s", strings.Join(missing, ", "))
	}
	return nil
}

func (c *chrome) setText(name, text string) error {
	_, err := eval[int](c.ctx, `window.__tahlilbench.setText(`+js(name)+`, `+js(text)+`)`)
	return err
}

// prepare warms kinds up on the named text and sizes their batches; see
// page.js.
func (c *chrome) prepare(kinds []string, name string, minMs float64, maxReps int) error {
	_, err := eval[map[string]int](c.ctx, fmt.Sprintf(`window.__tahlilbench.prepare(%s, %s, %g, %d)`, js(kinds), js(name), minMs, maxReps))
	return err
}

// once times one batch of each prepared kind and returns ms per operation.
func (c *chrome) once(kinds []string, name string) (map[string]float64, error) {
	return eval[map[string]float64](c.ctx, fmt.Sprintf(`window.__tahlilbench.once(%s, %s)`, js(kinds), js(name)))
}

// measure prepares kinds and takes runs interleaved batches of them; it
// returns each kind's ms per operation, run by run.
func (c *chrome) measure(kinds []string, name string, runs int, minMs float64, maxReps int, between func() error) (map[string][]float64, error) {
	out := map[string][]float64{}
	if err := c.prepare(kinds, name, minMs, maxReps); err != nil {
		return out, err
	}
	for range runs {
		m, err := c.once(kinds, name)
		if err != nil {
			return out, err
		}
		for k, v := range m {
			out[k] = append(out[k], v)
		}
		if between != nil {
			if err := between(); err != nil {
				return out, err
			}
		}
	}
	return out, nil
}

// heapUsed returns the bytes of JavaScript heap in use.
func (c *chrome) heapUsed() (float64, error) {
	h, err := chromedp.Call(c.ctx, runtime.GetHeapUsage, cdp.Empty{})
	return h.UsedSize, err
}

func (c *chrome) collectGarbage() error {
	_, err := chromedp.Call(c.ctx, heapprofiler.CollectGarbage, cdp.Empty{})
	return err
}

// pollHeap samples the JS heap every interval until stop is closed and
// returns the largest sample.
func (c *chrome) pollHeap(stop <-chan struct{}, interval time.Duration) <-chan float64 {
	out := make(chan float64, 1)
	go func() {
		peak := 0.0
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-stop:
				out <- peak
				return
			case <-t.C:
				if u, err := c.heapUsed(); err == nil {
					peak = max(peak, u)
				}
			}
		}
	}()
	return out
}

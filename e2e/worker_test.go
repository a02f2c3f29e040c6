package e2e

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"tahlil/internal/analysis"
	"tahlil/internal/server"
	"tahlil/internal/testenv"
)

// TestWorker builds the Cloudflare Worker, runs it in the real Workers
// runtime (wrangler dev, with workerd from node_modules), and checks its
// answers against the CLI.
func TestWorker(t *testing.T) {
	samplePath := testenv.Shared(t, "samples/article-blinken-netanyahu.txt")
	w := workerStart(t)
	sample, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	cli := workerBuildCLI(t)

	t.Run("analyze sample", func(t *testing.T) {
		for _, preset := range []string{"", "search"} {
			req := map[string]string{"text": string(sample)}
			args := []string{"analyze", "--json"}
			if preset != "" {
				req["normalize"] = preset
				args = append(args, "--normalize", preset)
			}
			body, _ := json.Marshal(req)
			resp, got := w.do(t, "POST", "/api/analyze", "application/json", body)
			if resp.StatusCode != 200 {
				t.Fatalf("normalize=%q: status %s: %s", preset, resp.Status, got)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
			want := workerRunCLI(t, cli, samplePath, args...)
			if !bytes.Equal(got, want) {
				t.Errorf("normalize=%q: worker answer differs from tahlil %s\nworker: %.300s\ncli:    %.300s",
					preset, strings.Join(args, " "), got, want)
			}
			var res analysis.Result
			if err := json.Unmarshal(got, &res); err != nil {
				t.Fatal(err)
			}
			if res.Length == 0 || res.Stats.Words == 0 {
				t.Errorf("result for the sample is empty: %.300s", got)
			}
		}
	})

	t.Run("health", func(t *testing.T) {
		resp, body := w.do(t, "GET", "/api/health", "", nil)
		var h server.Health
		if resp.StatusCode != 200 || json.Unmarshal(body, &h) != nil {
			t.Fatalf("status %s body %s", resp.Status, body)
		}
		if h.Status != "ok" || h.Version != analysis.Version {
			t.Errorf("health = %+v; want status ok and version %q", h, analysis.Version)
		}
	})

	big := append([]byte(`{"text": "`), bytes.Repeat([]byte("ا"), server.MaxBodyBytes/2)...)
	big = append(big, `"}`...)
	for _, tc := range []struct {
		name, method, path, ctype string
		body                      []byte
		status                    int
		code                      string
	}{
		{"bad JSON", "POST", "/api/analyze", "application/json", []byte(`{"text": "نص`), 400, "invalid_json"},
		{"missing text", "POST", "/api/analyze", "application/json", []byte(`{"normalize": "search"}`), 400, "missing_text"},
		{"unknown field", "POST", "/api/analyze", "application/json", []byte(`{"txt": "نص"}`), 400, "invalid_json"},
		{"invalid UTF-8", "POST", "/api/analyze", "application/json", []byte("{\"text\": \"\xd9\"}"), 400, "invalid_utf8"},
		{"lone surrogate", "POST", "/api/analyze", "application/json", []byte(`{"text": "\ud800"}`), 400, "invalid_utf8"},
		{"oversized", "POST", "/api/analyze", "application/json", big, 413, "too_large"},
		{"wrong method", "GET", "/api/analyze", "", nil, 405, "method_not_allowed"},
		{"unknown API path", "GET", "/api/nope", "", nil, 404, "not_found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := w.do(t, tc.method, tc.path, tc.ctype, tc.body)
			if resp.StatusCode != tc.status {
				t.Errorf("status = %s; want %d (%s)", resp.Status, tc.status, body)
			}
			var e struct{ Error analysis.Error }
			if err := json.Unmarshal(body, &e); err != nil || e.Error.Code != tc.code || e.Error.Message == "" {
				t.Errorf("body = %s; want a JSON error with code %q", body, tc.code)
			}
			if tc.status == 405 && resp.Header.Get("Allow") != "POST" {
				t.Errorf("Allow = %q; want POST", resp.Header.Get("Allow"))
			}
			workerCheckSecurityHeaders(t, resp)
		})
	}

	t.Run("CORS from CORS_ORIGINS", func(t *testing.T) {
		for origin, allowed := range map[string]bool{workerCORSOrigin: true, "https://other.example": false} {
			req, _ := http.NewRequest("OPTIONS", w.url+"/api/analyze", nil)
			req.Header.Set("Origin", origin)
			req.Header.Set("Access-Control-Request-Method", "POST")
			req.Header.Set("Access-Control-Request-Headers", "content-type")
			resp, err := w.client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			got := resp.Header.Get("Access-Control-Allow-Origin")
			if allowed && (resp.StatusCode != 204 || got != origin) {
				t.Errorf("preflight from %s: %s, Allow-Origin %q; want 204 and the origin", origin, resp.Status, got)
			}
			if !allowed && got != "" {
				t.Errorf("preflight from %s: Allow-Origin %q; want none", origin, got)
			}
		}
	})

	t.Run("static assets", func(t *testing.T) {
		resp, body := w.do(t, "GET", "/", "", nil)
		if resp.StatusCode != 200 || !strings.Contains(string(body), "تحليل") {
			t.Errorf("GET /: status %s body %q", resp.Status, body)
		}
		workerCheckSecurityHeaders(t, resp)
		// A path that matches no asset, or only one that .assetsignore
		// keeps out, falls through to the worker.
		for _, p := range []string{"/no-such-file.js", "/app.0123abcd.wasm.gz", "/.assetsignore"} {
			resp, body = w.do(t, "GET", p, "", nil)
			var e struct{ Error analysis.Error }
			if resp.StatusCode != 404 || json.Unmarshal(body, &e) != nil || e.Error.Code != "not_found" {
				t.Errorf("GET %s: %s %s; want a JSON 404 from the worker", p, resp.Status, body)
			}
			workerCheckSecurityHeaders(t, resp)
		}
		resp, _ = w.do(t, "GET", "/app.0123abcd.wasm", "", nil)
		if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || ct != "application/wasm" {
			t.Errorf("GET wasm: status %s Content-Type %q; want 200 application/wasm", resp.Status, ct)
		}
	})

	t.Run("concurrent", func(t *testing.T) {
		body, _ := json.Marshal(map[string]string{"text": string(sample)})
		var wg sync.WaitGroup
		got := make([][]byte, 4)
		errs := make([]error, len(got))
		for i := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				resp, err := w.client.Post(w.url+"/api/analyze", "application/json", bytes.NewReader(body))
				if err != nil {
					errs[i] = err
					return
				}
				defer resp.Body.Close()
				got[i], errs[i] = io.ReadAll(resp.Body)
				if errs[i] == nil && resp.StatusCode != 200 {
					errs[i] = fmt.Errorf("%s: %s", resp.Status, got[i])
				}
			}()
		}
		wg.Wait()
		for i := range got {
			if errs[i] != nil {
				t.Errorf("concurrent request %d: %v", i, errs[i])
			} else if !bytes.Equal(got[i], got[0]) {
				t.Errorf("concurrent answer %d differs from answer 0", i)
			}
		}
	})
}

// BenchmarkWorker measures the cost of one request to the worker under
// wrangler dev: wall time, and the CPU time that workerd (the Workers
// runtime) and node (wrangler's local proxy) spent per request, which a busy
// machine disturbs much less. The shim starts a new Go instance for every
// request, so health is mostly that start-up; static is a file from the
// assets binding, which never starts Go, as a baseline.
//
//	go test ./e2e -run '^$' -bench Worker -benchtime 200x
func BenchmarkWorker(b *testing.B) {
	sample, err := os.ReadFile(testenv.Shared(b, "samples/article-blinken-netanyahu.txt"))
	if err != nil {
		b.Fatal(err)
	}
	article, _ := json.Marshal(map[string]string{"text": string(sample)})
	w := workerStart(b)
	for _, bc := range []struct {
		name, method, path string
		body               []byte
	}{
		{"static", "GET", "/index.html", nil},
		{"health", "GET", "/api/health", nil},
		{"analyze-sample", "POST", "/api/analyze", article},
	} {
		b.Run(bc.name, func(b *testing.B) {
			if bc.body != nil {
				b.SetBytes(int64(len(sample)))
			}
			cpu0 := w.cpu()
			for b.Loop() {
				resp, body := w.do(b, bc.method, bc.path, "application/json", bc.body)
				if resp.StatusCode != 200 {
					b.Fatalf("%s: %s", resp.Status, body)
				}
			}
			cpu1 := w.cpu()
			for name, t1 := range cpu1 {
				b.ReportMetric(float64(t1-cpu0[name])/float64(time.Millisecond)/float64(b.N), name+"-cpu-ms/op")
			}
		})
	}
}

// workerCORSOrigin is the one origin the test worker allows (CORS_ORIGINS).
const workerCORSOrigin = "https://news.example"

// workerServer is a running wrangler dev.
type workerServer struct {
	url    string
	client *http.Client
	pgid   int
}

// cpu returns the CPU time (user and system) used so far by the processes
// of wrangler dev's process group, summed by command name ("workerd",
// "node"). It reads /proc, so it is empty where there is none.
func (w *workerServer) cpu() map[string]time.Duration {
	out := map[string]time.Duration{}
	dirs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, f := range dirs {
		b, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		// pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
		open, end := bytes.IndexByte(b, '('), bytes.LastIndexByte(b, ')')
		if open < 0 || end < open {
			continue
		}
		comm, fields := string(b[open+1:end]), strings.Fields(string(b[end+1:]))
		if len(fields) < 13 {
			continue
		}
		var pgrp, utime, stime int64
		fmt.Sscan(fields[2], &pgrp)
		fmt.Sscan(fields[11], &utime)
		fmt.Sscan(fields[12], &stime)
		if int(pgrp) != w.pgid {
			continue
		}
		switch {
		case strings.HasPrefix(comm, "workerd"):
			comm = "workerd"
		case comm != "node":
			continue
		}
		out[comm] += time.Duration(utime+stime) * (time.Second / 100) // USER_HZ
	}
	return out
}

// workerStart builds the worker into a temporary directory and starts it
// under wrangler dev on a free loopback port, with a small assets directory.
// It is stopped when the test ends.
func workerStart(t testing.TB) *workerServer {
	t.Helper()
	wrangler := testenv.Wrangler(t)
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatalf("wrangler is installed but node is not on PATH: %v", err)
	}
	root := testenv.Root()
	dir := t.TempDir()
	out := filepath.Join(dir, "worker")

	build := exec.Command(filepath.Join(root, "scripts", "worker.sh"), "build", out)
	build.Dir = root
	if msg, err := build.CombinedOutput(); err != nil {
		t.Fatalf("scripts/worker.sh build: %v\n%s", err, msg)
	} else {
		t.Logf("%s", bytes.TrimSpace(msg))
	}

	// The README promises the free plan, which takes at most 3 MiB gzipped
	// (paid plans 10 MiB): a bigger model or handler must not break that
	// silently.
	if gz := workerGzipSize(t, out); gz > 3<<20 {
		t.Fatalf("worker bundle is %.2f MiB gzipped; the Workers free plan accepts at most 3 MiB", float64(gz)/(1<<20))
	}

	assets := filepath.Join(dir, "assets")
	headers, err := os.ReadFile(filepath.Join(root, "wasm", "worker", "_headers"))
	if err != nil {
		t.Fatal(err)
	}
	ignore, err := os.ReadFile(filepath.Join(root, "wasm", "worker", ".assetsignore"))
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"index.html":           []byte("<!doctype html><html lang=ar dir=rtl><title>تحليل</title></html>"),
		"app.0123abcd.wasm":    []byte("\x00asm\x01\x00\x00\x00"),
		"app.0123abcd.wasm.gz": []byte("not uploaded"),
		"_headers":             headers,
		".assetsignore":        ignore,
	} {
		if err := os.MkdirAll(assets, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(assets, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	port, inspector := workerFreePort(t), workerFreePort(t)
	cmd := exec.Command(wrangler, "dev", filepath.Join(out, "worker.mjs"),
		"--config", filepath.Join(root, "wrangler.jsonc"),
		"--assets", assets,
		"--ip", "127.0.0.1", "--port", port,
		"--inspector-port", inspector,
		"--persist-to", filepath.Join(dir, "state"),
		"--var", "CORS_ORIGINS:"+workerCORSOrigin,
		"--local", "--show-interactive-dev-session=false", "--log-level", "warn")
	cmd.Dir = root
	cmd.Env = append(os.Environ(),
		"WRANGLER_SEND_METRICS=false",
		"WRANGLER_SEND_ERROR_REPORTS=false",
		"CLOUDFLARE_CF_FETCH_ENABLED=false",
		"WRANGLER_HIDE_BANNER=true", // the banner is what checks npm for a newer wrangler
		"WRANGLER_LOG_PATH="+filepath.Join(dir, "logs"),
		"XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"CI=true",
	)
	var log workerLog
	cmd.Stdout, cmd.Stderr = &log, &log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	t.Cleanup(func() {
		// wrangler starts workerd as a child; stop the whole group.
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-exited
		}
	})

	w := &workerServer{url: "http://127.0.0.1:" + port, client: &http.Client{Timeout: 60 * time.Second}, pgid: cmd.Process.Pid}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	for {
		req, _ := http.NewRequestWithContext(ctx, "GET", w.url+"/api/health", nil)
		resp, err := w.client.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return w
			}
		}
		select {
		case <-exited:
			t.Fatalf("wrangler dev exited before it was ready:\n%s", log.String())
		case <-ctx.Done():
			t.Fatalf("wrangler dev not ready after 90s:\n%s", log.String())
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// do sends one request and returns the response with its whole body.
func (w *workerServer) do(t testing.TB, method, path, ctype string, body []byte) (*http.Response, []byte) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, w.url+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" && body != nil {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := w.client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("%s %s: reading body: %v", method, path, err)
	}
	return resp, b
}

func workerCheckSecurityHeaders(t testing.TB, resp *http.Response) {
	t.Helper()
	for k, v := range server.SecurityHeaders {
		if got := resp.Header.Get(k); got != v {
			t.Errorf("%s %s: %s = %q; want %q", resp.Request.Method, resp.Request.URL.Path, k, got, v)
		}
	}
}

// workerGzipSize returns the gzipped size of the worker's files in dir.
func workerGzipSize(t testing.TB, dir string) int {
	t.Helper()
	var n workerCounter
	zw := gzip.NewWriter(&n)
	for _, name := range []string{"app.wasm", "worker.mjs", "runtime.mjs", "wasm_exec.js"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		zw.Write(b)
	}
	zw.Close()
	return int(n)
}

type workerCounter int

func (c *workerCounter) Write(p []byte) (int, error) { *c += workerCounter(len(p)); return len(p), nil }

// workerBuildCLI builds cmd/tahlil into a temporary directory.
func workerBuildCLI(t testing.TB) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "tahlil")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/tahlil")
	cmd.Dir = testenv.Root()
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/tahlil: %v\n%s", err, msg)
	}
	return bin
}

func workerRunCLI(t testing.TB, bin, file string, args ...string) []byte {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, append(args, file)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("tahlil %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
	}
	return stdout.Bytes()
}

func workerFreePort(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return fmt.Sprint(ln.Addr().(*net.TCPAddr).Port)
}

// workerLog collects wrangler's output for failure messages.
type workerLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *workerLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *workerLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

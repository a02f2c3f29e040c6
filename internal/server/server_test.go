package server

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"tahlil/internal/analysis"
	"tahlil/internal/ner"
)

// do sends one request to h and returns the recorded response.
func do(t testing.TB, h http.Handler, method, target, body string, header ...string) *httptest.ResponseRecorder {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, rd)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func decodeError(t testing.TB, rec *httptest.ResponseRecorder) analysis.Error {
	t.Helper()
	if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Errorf("error Content-Type = %q; want application/json; charset=utf-8", ct)
	}
	var e errorBody
	dec := json.NewDecoder(bytes.NewReader(rec.Body.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		t.Fatalf("error body %q is not {\"error\":{...}}: %v", rec.Body.String(), err)
	}
	if e.Error.Code == "" || e.Error.Message == "" {
		t.Errorf("error body %q lacks code or message", rec.Body.String())
	}
	return e.Error
}

// errorBody is the JSON shape of every error response.
type errorBody struct {
	Error analysis.Error `json:"error"`
}

func quietLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

func TestAnalyze(t *testing.T) {
	h := New(Config{Logger: quietLogger()})
	text := "زار أنتوني بلينكن القدس يوم الاثنين."
	for _, tc := range []struct {
		name, body string
		opt        analysis.Options
	}{
		{"plain", `{"text": "` + text + `"}`, analysis.Options{}},
		{"normalize", `{"text": "` + text + `", "normalize": "search"}`, analysis.Options{Normalize: "search"}},
		{"empty normalize", `{"text": "` + text + `", "normalize": ""}`, analysis.Options{}},
		{"escapes", `{"text": "\u0623\u0646\u062a\u0648\u0646\u064a <b>&amp;</b> \ud83d\ude00"}`, analysis.Options{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, h, "POST", "/api/analyze", tc.body, "Content-Type", "application/json")
			if rec.Code != http.StatusOK {
				t.Fatalf("status = %d; want 200; body %s", rec.Code, rec.Body)
			}
			if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
			var req struct{ Text string }
			if err := json.Unmarshal([]byte(tc.body), &req); err != nil {
				t.Fatal(err)
			}
			want, err := analysis.Analyze(req.Text, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			var wantBuf bytes.Buffer
			enc := json.NewEncoder(&wantBuf)
			enc.SetEscapeHTML(false)
			enc.Encode(want)
			if got := rec.Body.String(); got != wantBuf.String() {
				t.Errorf("body = %s\nwant %s", got, wantBuf.String())
			}
		})
	}
}

func TestAnalyzeErrors(t *testing.T) {
	h := New(Config{Logger: quietLogger()})
	big := `{"text": "` + strings.Repeat("ب", MaxBodyBytes/2) + `"}`
	for _, tc := range []struct {
		name, method, body, ctype string
		status                    int
		code, msgHas              string
	}{
		{"GET", "GET", "", "", 405, "method_not_allowed", "POST"},
		{"PUT", "PUT", `{"text":"x"}`, "application/json", 405, "method_not_allowed", "POST"},
		{"empty body", "POST", "", "application/json", 400, "invalid_json", "empty"},
		{"broken JSON", "POST", `{"text": "abc"`, "application/json", 400, "invalid_json", "not valid JSON"},
		{"syntax", "POST", `{"text": abc}`, "application/json", 400, "invalid_json", "offset"},
		{"not an object", "POST", `["text"]`, "application/json", 400, "invalid_json", "JSON object"},
		{"text not string", "POST", `{"text": 5}`, "application/json", 400, "invalid_json", `"text"`},
		{"missing text", "POST", `{"normalize": "search"}`, "application/json", 400, "missing_text", `"text"`},
		{"null text", "POST", `{"text": null}`, "application/json", 400, "missing_text", `"text"`},
		{"unknown field", "POST", `{"text": "x", "normalise": "search"}`, "application/json", 400, "invalid_json", "normalise"},
		{"trailing data", "POST", `{"text": "x"} {}`, "application/json", 400, "invalid_json", "after"},
		{"invalid UTF-8", "POST", "{\"text\": \"\xd8\xa3\xff\"}", "application/json", 400, "invalid_utf8", "offset 12"},
		{"lone high surrogate", "POST", `{"text": "a\ud800b"}`, "application/json", 400, "invalid_utf8", "surrogate"},
		{"lone low surrogate", "POST", `{"text": "\udc00"}`, "application/json", 400, "invalid_utf8", "surrogate"},
		{"reversed pair", "POST", `{"text": "\ude00\ud83d"}`, "application/json", 400, "invalid_utf8", "surrogate"},
		{"high at end", "POST", `{"text": "x\uD83D"}`, "application/json", 400, "invalid_utf8", "surrogate"},
		{"bad preset", "POST", `{"text": "x", "normalize": "nope"}`, "application/json", 400, "bad_preset", "nope"},
		{"multipart", "POST", `{"text":"x"}`, "multipart/form-data; boundary=x", 415, "unsupported_media_type", "application/json"},
		{"latin1", "POST", `{"text":"x"}`, "application/json; charset=latin1", 415, "unsupported_media_type", "UTF-8"},
		{"bad content type", "POST", `{"text":"x"}`, "application/", 415, "unsupported_media_type", "Content-Type"},
		{"too large", "POST", big + strings.Repeat(" ", MaxBodyBytes/2), "application/json", 413, "too_large", "1 MiB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, h, tc.method, "/api/analyze", tc.body, "Content-Type", tc.ctype)
			if rec.Code != tc.status {
				t.Errorf("status = %d; want %d (body %s)", rec.Code, tc.status, rec.Body)
			}
			e := decodeError(t, rec)
			if e.Code != tc.code || !strings.Contains(e.Message, tc.msgHas) {
				t.Errorf("error = %+v; want code %q with message containing %q", e, tc.code, tc.msgHas)
			}
			if tc.status == 405 && rec.Header().Get("Allow") != "POST" {
				t.Errorf("Allow = %q; want POST", rec.Header().Get("Allow"))
			}
		})
	}
}

func TestAnalyzeAcceptsContentTypes(t *testing.T) {
	h := New(Config{Logger: quietLogger()})
	for _, ct := range []string{"", "application/json", "application/json; charset=UTF-8", "application/vnd.tahlil+json", "text/plain", "application/x-www-form-urlencoded"} {
		rec := do(t, h, "POST", "/api/analyze", `{"text": "نص"}`, "Content-Type", ct)
		if rec.Code != 200 {
			t.Errorf("Content-Type %q: status %d; want 200 (%s)", ct, rec.Code, rec.Body)
		}
	}
}

// TestAnalyzeSurrogatePairs checks that valid escapes, and escaped
// backslashes before a literal "ud800", are not mistaken for lone surrogates.
func TestAnalyzeSurrogatePairs(t *testing.T) {
	h := New(Config{Logger: quietLogger()})
	for _, body := range []string{
		`{"text": "\ud83d\ude00"}`,
		`{"text": "\\ud800"}`,
		`{"text": "\\\ud83d\udE00\\"}`,
		`{"text": "\u00e9\"\ud800x"}`,
	} {
		rec := do(t, h, "POST", "/api/analyze", body)
		want := 200
		if strings.Contains(body, `\"\ud800x`) {
			want = 400
		}
		if rec.Code != want {
			t.Errorf("%s: status %d; want %d (%s)", body, rec.Code, want, rec.Body)
		}
	}
}

// TestTooLargeReadsOnlyTheLimit checks that an oversized body is refused
// after reading at most the limit, even without a Content-Length.
func TestTooLargeReadsOnlyTheLimit(t *testing.T) {
	h := New(Config{Logger: quietLogger()})
	src := &countingReader{n: 100 << 20}
	req := httptest.NewRequest("POST", "/api/analyze", src)
	req.ContentLength = -1
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 413 {
		t.Fatalf("status = %d; want 413", rec.Code)
	}
	if e := decodeError(t, rec); e.Code != "too_large" {
		t.Errorf("code = %q; want too_large", e.Code)
	}
	if src.read > MaxBodyBytes+1 {
		t.Errorf("read %d bytes of an oversized body; want at most %d", src.read, MaxBodyBytes+1)
	}

	// A declared Content-Length over the limit is refused without reading.
	src = &countingReader{n: 2 << 20}
	req = httptest.NewRequest("POST", "/api/analyze", src)
	req.ContentLength = 2 << 20
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 413 || src.read != 0 {
		t.Errorf("Content-Length 2 MiB: status %d after reading %d bytes; want 413 after 0", rec.Code, src.read)
	}
}

// countingReader yields n bytes of JSON-ish filler and counts what was read.
type countingReader struct{ n, read int }

func (c *countingReader) Read(p []byte) (int, error) {
	if c.n == 0 {
		return 0, io.EOF
	}
	k := min(len(p), c.n)
	for i := range p[:k] {
		p[i] = ' '
	}
	c.n -= k
	c.read += k
	return k, nil
}

func TestHealth(t *testing.T) {
	h := New(Config{Logger: quietLogger(), Model: "sha256:abc"})
	rec := do(t, h, "GET", "/api/health", "")
	if rec.Code != 200 {
		t.Fatalf("status = %d", rec.Code)
	}
	var got Health
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := Health{Status: "ok", Version: analysis.Version, Model: "sha256:abc"}
	if got != want {
		t.Errorf("health = %+v; want %+v", got, want)
	}
	rec = do(t, New(Config{Logger: quietLogger()}), "GET", "/api/health", "")
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimSpace(ner.Default().Hash()); got.Model != want || !strings.HasPrefix(got.Model, "sha256:") {
		t.Errorf("default model = %q; want the embedded model's hash %q", got.Model, want)
	}
	rec = do(t, h, "HEAD", "/api/health", "")
	if rec.Code != 200 {
		t.Errorf("HEAD status = %d", rec.Code)
	}
	rec = do(t, h, "POST", "/api/health", "{}")
	if rec.Code != 405 || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: status %d Allow %q; want 405 GET, HEAD", rec.Code, rec.Header().Get("Allow"))
	}
	decodeError(t, rec)
}

func TestNotFound(t *testing.T) {
	for _, static := range []bool{false, true} {
		cfg := Config{Logger: quietLogger()}
		if static {
			cfg.Static = testFS()
		}
		h := New(cfg)
		for _, p := range []string{"/api", "/api/", "/api/nope", "/nope.js", "/.env", "/_headers", "/sub/", "/%2e%2e/etc/passwd"} {
			rec := do(t, h, "GET", p, "")
			if rec.Code != 404 {
				t.Errorf("static=%v GET %s: status %d; want 404", static, p, rec.Code)
			}
			if e := decodeError(t, rec); e.Code != "not_found" {
				t.Errorf("GET %s: code %q; want not_found", p, e.Code)
			}
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	h := New(Config{Logger: quietLogger(), Static: testFS()})
	for _, r := range []struct{ method, path, body string }{
		{"GET", "/", ""},
		{"GET", "/app.3f9a1c2e.js", ""},
		{"GET", "/api/health", ""},
		{"POST", "/api/analyze", `{"text":"x"}`},
		{"POST", "/api/analyze", `{`},
		{"GET", "/missing", ""},
		{"DELETE", "/api/analyze", ""},
	} {
		rec := do(t, h, r.method, r.path, r.body)
		for k, v := range SecurityHeaders {
			if got := rec.Header().Get(k); got != v {
				t.Errorf("%s %s: %s = %q; want %q", r.method, r.path, k, got, v)
			}
		}
		if got := rec.Header().Get("Access-Control-Allow-Origin"); got != "" {
			t.Errorf("%s %s: CORS header %q with CORS off", r.method, r.path, got)
		}
	}
	if ContentSecurityPolicy != "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'" {
		t.Errorf("CSP = %q", ContentSecurityPolicy)
	}
}

func TestCORS(t *testing.T) {
	const origin = "https://news.example"
	off := New(Config{Logger: quietLogger()})
	on := New(Config{Logger: quietLogger(), CORSOrigins: []string{origin + "/"}})
	any := New(Config{Logger: quietLogger(), CORSOrigins: []string{"*"}})

	for _, tc := range []struct {
		name           string
		h              http.Handler
		method, origin string
		preflight      bool
		status         int
		allow          string
	}{
		{"off simple", off, "POST", origin, false, 200, ""},
		{"off preflight", off, "OPTIONS", origin, true, 405, ""},
		{"on simple", on, "POST", origin, false, 200, origin},
		{"on preflight", on, "OPTIONS", origin, true, 204, origin},
		{"on other origin", on, "POST", "https://evil.example", false, 200, ""},
		{"on other origin preflight", on, "OPTIONS", "https://evil.example", true, 405, ""},
		{"any", any, "POST", "https://else.example", false, 200, "*"},
		{"any preflight", any, "OPTIONS", "https://else.example", true, 204, "*"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hdr := []string{"Origin", tc.origin, "Content-Type", "application/json"}
			if tc.preflight {
				hdr = append(hdr, "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type")
			}
			body := `{"text":"x"}`
			if tc.method == "OPTIONS" {
				body = ""
			}
			rec := do(t, tc.h, tc.method, "/api/analyze", body, hdr...)
			if rec.Code != tc.status {
				t.Errorf("status = %d; want %d (%s)", rec.Code, tc.status, rec.Body)
			}
			if got := rec.Header().Get("Access-Control-Allow-Origin"); got != tc.allow {
				t.Errorf("Access-Control-Allow-Origin = %q; want %q", got, tc.allow)
			}
			if tc.status == 204 {
				if m := rec.Header().Get("Access-Control-Allow-Methods"); !strings.Contains(m, "POST") {
					t.Errorf("Access-Control-Allow-Methods = %q", m)
				}
				if m := rec.Header().Get("Access-Control-Allow-Headers"); !strings.Contains(m, "Content-Type") {
					t.Errorf("Access-Control-Allow-Headers = %q", m)
				}
			}
			if tc.h != off && !strings.Contains(strings.Join(rec.Header().Values("Vary"), ","), "Origin") {
				t.Errorf("Vary lacks Origin: %q", rec.Header().Values("Vary"))
			}
		})
	}
}

func TestParseOrigins(t *testing.T) {
	for in, want := range map[string][]string{
		"":                                      nil,
		" , ":                                   nil,
		"*":                                     {"*"},
		"https://a.example, https://b.example,": {"https://a.example", "https://b.example"},
	} {
		if got := ParseOrigins(in); !slices.Equal(got, want) {
			t.Errorf("ParseOrigins(%q) = %q; want %q", in, got, want)
		}
	}
}

type panicFS struct{}

func (panicFS) Open(string) (fs.File, error) { panic("boom") }

func TestPanic(t *testing.T) {
	var logged bytes.Buffer
	h := New(Config{Logger: slog.New(slog.NewTextHandler(&logged, nil)), Static: panicFS{}})
	rec := do(t, h, "GET", "/index.html", "")
	if rec.Code != 500 {
		t.Fatalf("status = %d; want 500", rec.Code)
	}
	if e := decodeError(t, rec); e.Code != "internal" {
		t.Errorf("code = %q; want internal", e.Code)
	}
	if !strings.Contains(logged.String(), "boom") || !strings.Contains(logged.String(), "/index.html") {
		t.Errorf("panic not logged with its value and path: %q", logged.String())
	}
	if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
		t.Error("500 lacks security headers")
	}
}

// TestConcurrent sends many requests at once; run with -race.
func TestConcurrent(t *testing.T) {
	h := New(Config{Logger: quietLogger(), Static: testFS()})
	srv := httptest.NewServer(h)
	defer srv.Close()
	text := strings.Repeat("قال وزير الخارجية الأمريكي أنتوني بلينكن في القدس. ", 50)
	body, _ := json.Marshal(map[string]string{"text": text})
	want, _ := analysis.Analyze(text, analysis.Options{})
	wantJSON, _ := json.Marshal(want)

	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 10 {
				var resp *http.Response
				var err error
				switch (i + j) % 3 {
				case 0:
					resp, err = http.Post(srv.URL+"/api/analyze", "application/json", bytes.NewReader(body))
				case 1:
					resp, err = http.Get(srv.URL + "/api/health")
				default:
					resp, err = http.Get(srv.URL + "/")
				}
				if err != nil {
					errs <- err.Error()
					return
				}
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					errs <- resp.Status + ": " + string(b)
					return
				}
				if (i+j)%3 == 0 {
					var got analysis.Result
					json.Unmarshal(b, &got)
					gotJSON, _ := json.Marshal(got)
					if !bytes.Equal(gotJSON, wantJSON) {
						errs <- "analysis result differs under concurrency"
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// testFS is a small built web app: an index, a hashed script with
// pre-compressed siblings, the wasm with only a gzip copy, and a manifest.
func testFS() fstest.MapFS {
	mod := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	f := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s), ModTime: mod} }
	return fstest.MapFS{
		"index.html":              f("<!doctype html><title>تحليل</title>"),
		"app.3f9a1c2e.js":         f("console.log('plain')"),
		"app.3f9a1c2e.js.br":      f("BROTLI"),
		"app.3f9a1c2e.js.gz":      f("GZIP"),
		"tahlil.0123abcd.wasm":    f("\x00asm plain"),
		"tahlil.0123abcd.wasm.gz": f("GZIP WASM"),
		"manifest.webmanifest":    f(`{"name":"تحليل"}`),
		"sw.js":                   f("self.addEventListener('fetch', () => {})"),
		"icons/icon-192.png":      f("PNG"),
		"style.css":               f("body{}"),
		".env":                    f("SECRET=1"),
		"_headers":                f("/*\n  X-Test: 1\n"),
	}
}

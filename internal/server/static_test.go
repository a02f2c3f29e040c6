package server

import (
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tahlil/internal/testenv"
)

func TestStatic(t *testing.T) {
	h := New(Config{Logger: quietLogger(), Static: testFS()})
	for _, tc := range []struct {
		name, path, accept string
		body, ctype, enc   string
		cache              string
		vary               bool
	}{
		{"index at root", "/", "", "<!doctype html><title>تحليل</title>", "text/html; charset=utf-8", "", "no-cache", false},
		{"index by name", "/index.html", "br", "<!doctype html><title>تحليل</title>", "text/html; charset=utf-8", "", "no-cache", false},
		{"brotli preferred", "/app.3f9a1c2e.js", "gzip, deflate, br", "BROTLI", "text/javascript; charset=utf-8", "br", cacheImmutable, true},
		{"gzip only", "/app.3f9a1c2e.js", "gzip", "GZIP", "text/javascript; charset=utf-8", "gzip", cacheImmutable, true},
		{"br refused", "/app.3f9a1c2e.js", "br;q=0, gzip;q=0.5", "GZIP", "text/javascript; charset=utf-8", "gzip", cacheImmutable, true},
		{"star", "/app.3f9a1c2e.js", "*", "BROTLI", "text/javascript; charset=utf-8", "br", cacheImmutable, true},
		{"identity", "/app.3f9a1c2e.js", "", "console.log('plain')", "text/javascript; charset=utf-8", "", cacheImmutable, true},
		{"identity explicit", "/app.3f9a1c2e.js", "identity", "console.log('plain')", "text/javascript; charset=utf-8", "", cacheImmutable, true},
		{"wasm gzip", "/tahlil.0123abcd.wasm", "br, gzip", "GZIP WASM", "application/wasm", "gzip", cacheImmutable, true},
		{"wasm plain", "/tahlil.0123abcd.wasm", "deflate", "\x00asm plain", "application/wasm", "", cacheImmutable, true},
		{"manifest", "/manifest.webmanifest", "gzip", `{"name":"تحليل"}`, "application/manifest+json", "", "no-cache", false},
		{"service worker", "/sw.js", "gzip", "self.addEventListener('fetch', () => {})", "text/javascript; charset=utf-8", "", "no-cache", false},
		{"nested", "/icons/icon-192.png", "", "PNG", "image/png", "", "no-cache", false},
		{"css", "/style.css", "", "body{}", "text/css; charset=utf-8", "", "no-cache", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := do(t, h, "GET", tc.path, "", "Accept-Encoding", tc.accept)
			if rec.Code != 200 {
				t.Fatalf("status = %d; want 200 (%s)", rec.Code, rec.Body)
			}
			hdr := rec.Header()
			if got := rec.Body.String(); got != tc.body {
				t.Errorf("body = %q; want %q", got, tc.body)
			}
			if got := hdr.Get("Content-Type"); got != tc.ctype {
				t.Errorf("Content-Type = %q; want %q", got, tc.ctype)
			}
			if got := hdr.Get("Content-Encoding"); got != tc.enc {
				t.Errorf("Content-Encoding = %q; want %q", got, tc.enc)
			}
			if got := hdr.Get("Cache-Control"); got != tc.cache {
				t.Errorf("Cache-Control = %q; want %q", got, tc.cache)
			}
			if got := strings.Contains(hdr.Get("Vary"), "Accept-Encoding"); got != tc.vary {
				t.Errorf("Vary = %q; want Accept-Encoding: %v", hdr.Get("Vary"), tc.vary)
			}
			if hdr.Get("Last-Modified") == "" {
				t.Error("no Last-Modified")
			}
		})
	}
}

func TestStaticMethods(t *testing.T) {
	h := New(Config{Logger: quietLogger(), Static: testFS()})
	rec := do(t, h, "HEAD", "/app.3f9a1c2e.js", "", "Accept-Encoding", "br")
	if rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("Content-Length") != "6" || rec.Header().Get("Content-Encoding") != "br" {
		t.Errorf("HEAD: status %d, body %q, Content-Length %q, Content-Encoding %q", rec.Code, rec.Body, rec.Header().Get("Content-Length"), rec.Header().Get("Content-Encoding"))
	}
	rec = do(t, h, "POST", "/", "x")
	if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST /: status %d, Allow %q; want 405, GET, HEAD", rec.Code, rec.Header().Get("Allow"))
	}
	decodeError(t, rec)

	rec = do(t, h, "GET", "/", "", "If-Modified-Since", "Fri, 02 Jan 2026 03:04:05 GMT")
	if rec.Code != http.StatusNotModified {
		t.Errorf("If-Modified-Since: status %d; want 304", rec.Code)
	}
}

func TestHashed(t *testing.T) {
	for name, want := range map[string]bool{
		"app.3f9a1c2e.js":                                 true,
		"app-3f9a1c2e.js":                                 true,
		"assets/tahlil.5HT2KQ3D.wasm":                     true,
		"app.3f9a1c2e.js.br":                              true,
		"tahlil.0123456789abcdef0123456789abcdef.wasm.gz": true,
		"index.html":                                      false,
		"sw.js":                                           false,
		"manifest.webmanifest":                            false,
		"wasm_exec.js":                                    false,
		"icon-512.png":                                    false,
		"icon-maskable-512x512.png":                       false,
		"NotoArabic2024.woff2":                            false,
		"Noto-Arabic2024.woff2":                           false,
		"3f9a1c2e.js":                                     false,
		"decafbad.js":                                     false,
		"x.decafbad.js":                                   true,
	} {
		if got := Hashed(name); got != want {
			t.Errorf("Hashed(%q) = %v; want %v", name, got, want)
		}
	}
}

func TestAcceptsEncoding(t *testing.T) {
	for _, tc := range []struct {
		header, token string
		want          bool
	}{
		{"", "br", false},
		{"gzip, br", "br", true},
		{"GZIP", "gzip", true},
		{"br;q=0", "br", false},
		{"br; q=0.0", "br", false},
		{"br;q=0.1", "br", true},
		{"*", "gzip", true},
		{"*;q=0, gzip", "gzip", true},
		{"*;q=0", "br", false},
		{"gzip;q=0, *", "gzip", false},
		{"deflate", "gzip", false},
	} {
		if got := acceptsEncoding(tc.header, tc.token); got != tc.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v; want %v", tc.header, tc.token, got, tc.want)
		}
	}
}

// TestWorkerHeadersFile checks that the _headers file the Workers assets
// binding applies to the web app sets exactly SecurityHeaders.
func TestWorkerHeadersFile(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(testenv.Root(), "wasm", "worker", "_headers"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	rule := ""
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "":
		case !strings.HasPrefix(line, " "):
			rule = line
		default:
			k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
			if !ok || rule != "/*" {
				t.Fatalf("_headers: line %q outside the /* rule or without a colon", line)
			}
			got[k] = strings.TrimSpace(v)
		}
	}
	if !maps.Equal(got, SecurityHeaders) {
		t.Errorf("_headers sets %v; want SecurityHeaders %v", got, SecurityHeaders)
	}
}

func TestContentType(t *testing.T) {
	for _, tc := range []struct{ name, want string }{
		{"index.html", "text/html; charset=utf-8"},
		{"app.3f9a1c2e.JS", "text/javascript; charset=utf-8"},
		{"tahlil.0123abcd.wasm", "application/wasm"},
		{"manifest.webmanifest", "application/manifest+json"},
		{"icon.png", "image/png"},
		{"photo.jpeg", "image/jpeg"},
		{"app.js.br", "application/octet-stream"},
		{"README", "application/octet-stream"},
	} {
		if got := ContentType(tc.name); got != tc.want {
			t.Errorf("ContentType(%q) = %q; want %q", tc.name, got, tc.want)
		}
	}
}

// TestNewAPI checks that the Worker's handler serves the API and no files,
// even when given some.
func TestNewAPI(t *testing.T) {
	h := NewAPI(Config{Logger: quietLogger(), Static: testFS()})
	if rec := do(t, h, "GET", "/", ""); rec.Code != http.StatusNotFound || !strings.Contains(rec.Body.String(), `"not_found"`) {
		t.Errorf("GET / = %d %s; want a 404 JSON error", rec.Code, rec.Body)
	}
	if rec := do(t, h, "GET", "/api/health", ""); rec.Code != http.StatusOK {
		t.Errorf("GET /api/health = %d %s; want 200", rec.Code, rec.Body)
	}
}

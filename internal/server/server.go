// Package server is Tahlil's HTTP handler: the JSON analysis API and the
// static web app. The same handler runs natively (tahlil serve) and on
// Cloudflare Workers.
//
// Routes:
//
//	POST /api/analyze  {"text": "...", "normalize": "search"} → the analysis result
//	GET  /api/health   {"status": "ok", "version": ..., "model": "sha256:..."}
//	GET  /...          the files of Config.Static, with index.html at /
//
// Every error is JSON, {"error": {"code": ..., "message": ...}}, with a
// matching status. Every response carries the security headers in
// SecurityHeaders.
package server

import (
	"io/fs"
	"log"
	"net/http"
	"strings"

	"tahlil/internal/analysis"
	"tahlil/internal/ner"
)

// Config configures New. The zero value serves only the API, with CORS off,
// logging with the standard log package.
type Config struct {
	// Static holds the built web app (dist/). Nil serves no static files.
	Static fs.FS
	// CORSOrigins lists the origins allowed to call /api/ from a browser,
	// such as "https://example.org"; "*" allows any origin. Empty turns CORS
	// off: no Access-Control-* headers are ever sent.
	CORSOrigins []string
	// Logger receives panics and internal errors; a *slog.Logger is one.
	// Nil means the standard log package.
	Logger Logger
	// Version and Model are reported by /api/health. Empty Version means
	// analysis.Version; empty Model means the hash of the embedded entity
	// model, "sha256:<hex>".
	Version, Model string
}

// MaxBodyBytes is the largest request body /api/analyze reads; a larger one
// gets 413.
const MaxBodyBytes = 1 << 20

// ContentSecurityPolicy is sent on every response. It is the web app's own
// policy: same-origin resources only, and WebAssembly compilation allowed.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'"

// SecurityHeaders are set on every response.
var SecurityHeaders = map[string]string{
	"Content-Security-Policy": ContentSecurityPolicy,
	"X-Content-Type-Options":  "nosniff",
	"Referrer-Policy":         "no-referrer",
}

// Logger receives the handler's error reports as a message and key-value
// pairs, as log/slog does. (The handler does not import log/slog itself: it
// would add to the size of the Cloudflare Worker.)
type Logger interface {
	Error(msg string, args ...any)
}

// stdLogger reports through the standard log package.
type stdLogger struct{}

func (stdLogger) Error(msg string, args ...any) {
	log.Println(append([]any{"ERROR", msg}, args...)...)
}

type handler struct {
	static  fs.FS
	files   func(h *handler, w http.ResponseWriter, r *http.Request) // serveStatic, or nil
	cors    map[string]bool
	corsAny bool
	log     Logger
	version string
	model   string
}

// New returns the handler. It does no work beyond copying cfg, so it is
// cheap to call once per process.
func New(cfg Config) http.Handler {
	h := newHandler(cfg)
	if cfg.Static != nil {
		h.static, h.files = cfg.Static, (*handler).serveStatic
	}
	return h
}

// NewAPI returns the handler without static files, whatever cfg.Static
// holds: the Cloudflare Worker's, whose web app the platform serves. A
// program that calls only NewAPI links none of the static file code, which
// keeps the Worker's bundle small.
func NewAPI(cfg Config) http.Handler { return newHandler(cfg) }

// newHandler returns the API handler of cfg.
func newHandler(cfg Config) *handler {
	h := &handler{log: cfg.Logger, version: cfg.Version, model: cfg.Model}
	if h.log == nil {
		h.log = stdLogger{}
	}
	if h.version == "" {
		h.version = analysis.Version
	}
	if h.model == "" {
		h.model = strings.TrimSpace(ner.Default().Hash())
	}
	for _, o := range cfg.CORSOrigins {
		if o == "*" {
			h.corsAny = true
			continue
		}
		if h.cors == nil {
			h.cors = map[string]bool{}
		}
		h.cors[strings.TrimSuffix(o, "/")] = true
	}
	return h
}

// ParseOrigins splits a comma-separated list of origins, as given to
// tahlil serve --cors or the worker's CORS_ORIGINS, dropping blanks.
func ParseOrigins(list string) []string {
	var out []string
	for _, o := range strings.Split(list, ",") {
		if o = strings.TrimSpace(o); o != "" {
			out = append(out, o)
		}
	}
	return out
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	for k, v := range SecurityHeaders {
		hdr.Set(k, v)
	}
	defer h.recoverPanic(w, r)

	p := r.URL.Path
	if p == "/api" || strings.HasPrefix(p, "/api/") {
		if h.cors != nil || h.corsAny {
			if h.handleCORS(w, r) {
				return
			}
		}
		switch p {
		case "/api/analyze":
			h.analyze(w, r)
		case "/api/health":
			h.health(w, r)
		default:
			writeError(w, http.StatusNotFound, "not_found", "no API route "+p+"; see /api/analyze and /api/health")
		}
		return
	}
	if h.files == nil {
		writeError(w, http.StatusNotFound, "not_found", "no such path "+quote(p)+"; the API is under /api/")
		return
	}
	h.files(h, w, r)
}

// recoverPanic turns a panic into a logged 500 JSON error.
func (h *handler) recoverPanic(w http.ResponseWriter, r *http.Request) {
	v := recover()
	if v == nil {
		return
	}
	if v == http.ErrAbortHandler {
		panic(v)
	}
	h.log.Error("panic serving request", "method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(stack()))
	writeError(w, http.StatusInternalServerError, "internal", "internal error")
}

// handleCORS adds CORS headers for allowed origins and answers preflight
// requests. It reports whether the request has been answered.
func (h *handler) handleCORS(w http.ResponseWriter, r *http.Request) bool {
	hdr := w.Header()
	hdr.Add("Vary", "Origin")
	origin := r.Header.Get("Origin")
	if origin == "" || !(h.corsAny || h.cors[origin]) {
		return false
	}
	if h.corsAny {
		hdr.Set("Access-Control-Allow-Origin", "*")
	} else {
		hdr.Set("Access-Control-Allow-Origin", origin)
	}
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		hdr.Set("Access-Control-Allow-Methods", "GET, POST")
		hdr.Set("Access-Control-Allow-Headers", "Content-Type")
		hdr.Set("Access-Control-Max-Age", "86400")
		w.WriteHeader(http.StatusNoContent)
		return true
	}
	return false
}

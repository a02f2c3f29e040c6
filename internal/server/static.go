package server

import (
	"io"
	"io/fs"
	"net/http"
	"path"
	"strconv"
	"strings"
)

// ContentType returns the Content-Type served for a file name. The types
// are fixed rather than read from the system so that every host serves the
// same ones; .wasm must be application/wasm for
// WebAssembly.instantiateStreaming.
func ContentType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".json", ".map":
		return "application/json"
	case ".webmanifest":
		return "application/manifest+json"
	case ".wasm":
		return "application/wasm"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".webp":
		return "image/webp"
	case ".avif":
		return "image/avif"
	case ".gif":
		return "image/gif"
	case ".ico":
		return "image/x-icon"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".xml":
		return "application/xml"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	}
	return "application/octet-stream" // .bin, .br, .gz and the rest
}

// encodings are the pre-compressed siblings looked for, best first.
var encodings = []struct{ token, suffix string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

const (
	cacheImmutable = "public, max-age=31536000, immutable"
	cacheRevalid   = "no-cache"
)

// serveStatic serves a file of h.static. / and any path ending in / serve
// that directory's index.html; a request for X is answered with X.br or
// X.gz when they exist and the client accepts that encoding. Dot files and
// directory listings are never served.
func (h *handler) serveStatic(w http.ResponseWriter, r *http.Request) {
	name, ok := staticName(r.URL.Path)
	if !ok {
		writeError(w, http.StatusNotFound, "not_found", "no such file "+quote(r.URL.Path))
		return
	}
	fi, err := fs.Stat(h.static, name)
	if err != nil || !fi.Mode().IsRegular() {
		writeError(w, http.StatusNotFound, "not_found", "no such file "+quote(r.URL.Path))
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		methodNotAllowed(w, r, "GET, HEAD")
		return
	}

	hdr := w.Header()
	hdr.Set("Content-Type", ContentType(name))
	hdr.Set("Cache-Control", cacheControl(name))

	serve, modTime := name, fi.ModTime()
	if !strings.HasSuffix(name, ".br") && !strings.HasSuffix(name, ".gz") {
		accept := r.Header.Get("Accept-Encoding")
		vary := false
		for _, e := range encodings {
			ci, err := fs.Stat(h.static, name+e.suffix)
			if err != nil || !ci.Mode().IsRegular() {
				continue
			}
			vary = true
			if acceptsEncoding(accept, e.token) {
				serve, modTime = name+e.suffix, ci.ModTime()
				hdr.Set("Content-Encoding", e.token)
				break
			}
		}
		if vary {
			hdr.Add("Vary", "Accept-Encoding")
		}
	}

	f, err := h.static.Open(serve)
	if err != nil {
		writeError(w, http.StatusNotFound, "not_found", "no such file "+quote(r.URL.Path))
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		writeError(w, http.StatusNotFound, "not_found", "no such file "+quote(r.URL.Path))
		return
	}
	if hdr.Get("Content-Encoding") != "" {
		// ServeContent leaves out Content-Length for encoded bodies, and a
		// byte range of a compressed copy is of no use to anyone: send the
		// whole encoded file with its length.
		r2 := *r
		r2.Header = r.Header.Clone()
		r2.Header.Del("Range")
		r = &r2
		hdr.Set("Content-Length", strconv.FormatInt(st.Size(), 10))
	}
	if rs, ok := f.(io.ReadSeeker); ok {
		// ServeContent handles HEAD, Range and If-Modified-Since.
		http.ServeContent(w, r, serve, modTime, rs)
		return
	}
	hdr.Set("Content-Length", strconv.FormatInt(st.Size(), 10))
	if !modTime.IsZero() {
		hdr.Set("Last-Modified", modTime.UTC().Format(http.TimeFormat))
	}
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		io.Copy(w, f)
	}
}

// staticName turns a URL path into an fs.FS name, refusing dot files,
// Cloudflare's _headers and _redirects, and anything fs.ValidPath rejects.
func staticName(urlPath string) (string, bool) {
	if !strings.HasPrefix(urlPath, "/") {
		return "", false
	}
	name := strings.TrimPrefix(urlPath, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if !fs.ValidPath(name) {
		return "", false
	}
	for _, seg := range strings.Split(name, "/") {
		if strings.HasPrefix(seg, ".") {
			return "", false
		}
	}
	switch name {
	case "_headers", "_redirects": // Cloudflare's configuration of the same files
		return "", false
	}
	return name, true
}

// cacheControl returns the Cache-Control for a file: content-hashed names
// never change, so they are cached for a year; everything else (index.html,
// sw.js, the manifest) is revalidated on every use.
func cacheControl(name string) string {
	if Hashed(name) {
		return cacheImmutable
	}
	return cacheRevalid
}

// Hashed reports whether a file name carries a content hash: a part of the
// base name after the first, separated by '.' or '-', that is 8 to 64
// lowercase hex digits or 8 to 64 uppercase letters and digits (with at
// least one digit), as in app.3f9a1c2e.js or tahlil-5HT2KQ3D.wasm.
// index.html, sw.js and the manifest are never hashed.
func Hashed(name string) bool {
	base := path.Base(name)
	for _, suf := range []string{".br", ".gz"} {
		base = strings.TrimSuffix(base, suf)
	}
	switch base {
	case "index.html", "sw.js", "manifest.webmanifest", "manifest.json":
		return false
	}
	stem := strings.TrimSuffix(base, path.Ext(base))
	parts := strings.FieldsFunc(stem, func(r rune) bool { return r == '.' || r == '-' })
	for _, p := range parts[min(1, len(parts)):] {
		if looksLikeHash(p) {
			return true
		}
	}
	return false
}

func looksLikeHash(s string) bool {
	if len(s) < 8 || len(s) > 64 {
		return false
	}
	hex, upper, digit := true, true, false
	for _, c := range s {
		isDigit := '0' <= c && c <= '9'
		digit = digit || isDigit
		hex = hex && (isDigit || 'a' <= c && c <= 'f')
		upper = upper && (isDigit || 'A' <= c && c <= 'Z')
	}
	return hex || upper && digit
}

// acceptsEncoding reports whether an Accept-Encoding header value allows
// token with a non-zero quality, directly or through "*".
func acceptsEncoding(header, token string) bool {
	star := false
	for _, part := range strings.Split(header, ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		coding = strings.TrimSpace(coding)
		q := 1.0
		for _, p := range strings.Split(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				if f, err := strconv.ParseFloat(strings.TrimSpace(v), 64); err == nil {
					q = f
				}
			}
		}
		switch {
		case strings.EqualFold(coding, token):
			return q > 0
		case coding == "*":
			star = q > 0
		}
	}
	return star
}

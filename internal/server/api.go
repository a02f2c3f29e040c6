package server

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"unicode/utf8"

	"tahlil/internal/analysis"
)

// AnalyzeRequest is the body of POST /api/analyze. Text is required;
// Normalize optionally names a normalize preset whose output the result
// then carries. Unknown fields are rejected, so a misspelt option is an
// error rather than silently ignored.
type AnalyzeRequest struct {
	Text      *string `json:"text"`
	Normalize string  `json:"normalize,omitempty"`
}

// Health is the body of GET /api/health, {"status": "ok", "version": ...,
// "model": ...}.
type Health struct {
	Status  string `json:"status"`
	Version string `json:"version"`
	Model   string `json:"model"`
}

func (h *handler) health(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		methodNotAllowed(w, r, "GET, HEAD")
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, r, http.StatusOK, appendHealth(nil, Health{Status: "ok", Version: h.version, Model: h.model}))
}

func (h *handler) analyze(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		methodNotAllowed(w, r, "POST")
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	if msg := checkContentType(r.Header.Get("Content-Type")); msg != "" {
		writeError(w, http.StatusUnsupportedMediaType, "unsupported_media_type", msg)
		return
	}
	if r.ContentLength > MaxBodyBytes {
		writeError(w, http.StatusRequestEntityTooLarge, "too_large", tooLargeMsg)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "too_large", tooLargeMsg)
			return
		}
		writeError(w, http.StatusBadRequest, "bad_request", "reading the request body: "+err.Error())
		return
	}
	req, rerr := parseAnalyzeRequest(body)
	if rerr != nil {
		writeError(w, http.StatusBadRequest, rerr.code, rerr.msg)
		return
	}
	res, err := analysis.Analyze(*req.Text, analysis.Options{Normalize: req.Normalize})
	if err != nil {
		var ae *analysis.Error
		if errors.As(err, &ae) {
			writeError(w, analysisStatus(ae.Code), ae.Code, ae.Message)
			return
		}
		h.log.Error("analyze failed", "err", err)
		writeError(w, http.StatusInternalServerError, "internal", "internal error")
		return
	}
	writeJSON(w, r, http.StatusOK, appendResult(nil, res))
}

var tooLargeMsg = fmt.Sprintf("request body is larger than %d bytes (1 MiB)", MaxBodyBytes)

// analysisStatus maps an analysis error code to an HTTP status. Analyze
// returns *analysis.Error only for bad input, so unknown codes are 400.
func analysisStatus(code string) int {
	switch code {
	case "too_large":
		return http.StatusRequestEntityTooLarge
	case "internal":
		return http.StatusInternalServerError
	}
	return http.StatusBadRequest
}

// checkContentType returns why a request Content-Type is refused, or "".
// The body is always read as JSON in UTF-8. Accepted: no Content-Type,
// application/json, any +json type, text/plain, and
// application/x-www-form-urlencoded (what curl -d sends by default).
// Anything else, such as multipart/form-data, is refused, as is a charset
// other than UTF-8.
func checkContentType(ct string) string {
	if ct == "" {
		return ""
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return "malformed Content-Type " + quote(ct) + "; send application/json"
	}
	switch {
	case mt == "application/json", strings.HasSuffix(mt, "+json"), mt == "text/plain", mt == "application/x-www-form-urlencoded":
	default:
		return "Content-Type " + quote(mt) + " is not supported; send a JSON body with Content-Type: application/json"
	}
	if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") && !strings.EqualFold(cs, "utf8") {
		return "charset " + quote(cs) + " is not supported; send UTF-8"
	}
	return ""
}

// parseAnalyzeRequest decodes and checks an /api/analyze body.
func parseAnalyzeRequest(body []byte) (AnalyzeRequest, *requestError) {
	// encoding/json would replace invalid UTF-8 with U+FFFD without
	// complaint, so the raw bytes are checked first.
	if !utf8.Valid(body) {
		off := invalidUTF8Offset(body)
		return AnalyzeRequest{}, &requestError{"invalid_utf8", fmt.Sprintf("request body is not valid UTF-8 (first bad byte at offset %d)", off)}
	}
	return decodeRequest(body)
}

// invalidUTF8Offset returns the offset of the first byte of b that is not
// part of valid UTF-8.
func invalidUTF8Offset(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

func quote(s string) string {
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return fmt.Sprintf("%q", s)
}

func methodNotAllowed(w http.ResponseWriter, r *http.Request, allow string) {
	w.Header().Set("Allow", allow)
	writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", r.Method+" is not allowed here; use "+allow)
}

// writeJSON writes the JSON body with status.
func writeJSON(w http.ResponseWriter, r *http.Request, status int, body []byte) {
	hdr := w.Header()
	hdr.Set("Content-Type", "application/json; charset=utf-8")
	hdr.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	if r == nil || r.Method != http.MethodHead {
		w.Write(body)
	}
}

// writeError writes {"error": {"code": code, "message": msg}} with status.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	hdr := w.Header()
	hdr.Del("Content-Encoding")
	hdr.Del("Last-Modified")
	hdr.Del("ETag")
	hdr.Set("Cache-Control", "no-store")
	writeJSON(w, nil, status, appendError(nil, code, msg))
}

func stack() []byte { return debug.Stack() }

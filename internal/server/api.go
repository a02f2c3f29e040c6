package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"runtime/debug"
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

// Health is the body of GET /api/health.
type Health struct {
	Status  string `json:"status"`
	Version string `json:"version"`
	Model   string `json:"model"`
}

// errorBody is the JSON shape of every error response.
type errorBody struct {
	Error analysis.Error `json:"error"`
}

func (h *handler) health(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		methodNotAllowed(w, r, "GET, HEAD")
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, r, http.StatusOK, Health{Status: "ok", Version: h.version, Model: h.model})
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
	req, code, msg := parseAnalyzeRequest(body)
	if code != "" {
		writeError(w, http.StatusBadRequest, code, msg)
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
	writeJSON(w, r, http.StatusOK, res)
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

// parseAnalyzeRequest decodes and checks an /api/analyze body. On failure it
// returns an error code and a message saying what is wrong.
func parseAnalyzeRequest(body []byte) (req AnalyzeRequest, code, msg string) {
	// encoding/json replaces invalid UTF-8 and lone surrogate escapes with
	// U+FFFD without complaint, so both are checked on the raw bytes.
	if !utf8.Valid(body) {
		off := invalidUTF8Offset(body)
		return req, "invalid_utf8", fmt.Sprintf("request body is not valid UTF-8 (first bad byte at offset %d)", off)
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return req, "invalid_json", `request body is empty; send {"text": "..."}`
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		return req, "invalid_json", jsonErrorMessage(err, body)
	}
	if _, err := dec.Token(); err != io.EOF {
		return req, "invalid_json", "request body has data after the JSON object"
	}
	if off := loneSurrogate(body); off >= 0 {
		return req, "invalid_utf8", fmt.Sprintf(`request body has an unpaired UTF-16 surrogate escape at offset %d; text must be valid Unicode`, off)
	}
	if req.Text == nil {
		return req, "missing_text", `request body has no "text" field; send {"text": "..."}`
	}
	return req, "", ""
}

// jsonErrorMessage explains a decoding error in terms of the request.
func jsonErrorMessage(err error, body []byte) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("request body is not valid JSON: %v (at offset %d)", syn, syn.Offset)
	case errors.As(err, &typ):
		if typ.Field == "" {
			return `request body must be a JSON object like {"text": "..."}, not ` + typ.Value
		}
		return fmt.Sprintf("field %q must be a %s, not %s", typ.Field, typ.Type, typ.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "request body is not valid JSON: it ends in the middle of a value"
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return "request body has an " + strings.TrimPrefix(err.Error(), "json: ") + `; the fields are "text" and "normalize"`
	}
	return "request body is not valid JSON: " + err.Error()
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

// loneSurrogate returns the offset of the first \uXXXX escape in the JSON
// text b that is a UTF-16 surrogate without its pair, or -1. b must be
// valid JSON, so backslashes only occur inside strings.
func loneSurrogate(b []byte) int {
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' {
			continue
		}
		if i+1 >= len(b) || b[i+1] != 'u' {
			i++ // skip the escaped character, which may be a backslash
			continue
		}
		r, ok := hex4(b, i+2)
		if !ok {
			return i
		}
		switch {
		case r >= 0xDC00 && r <= 0xDFFF:
			return i
		case r >= 0xD800 && r <= 0xDBFF:
			lo, ok := rune(0), false
			if i+7 < len(b) && b[i+6] == '\\' && b[i+7] == 'u' {
				lo, ok = hex4(b, i+8)
			}
			if !ok || lo < 0xDC00 || lo > 0xDFFF {
				return i
			}
			i += 11
		default:
			i += 5
		}
	}
	return -1
}

func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			r = r<<4 | rune(c-'0')
		case 'a' <= c && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case 'A' <= c && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
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

// writeJSON writes v as JSON, encoded as tahlil analyze --json does (no
// HTML escaping, trailing newline).
func writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		enc.Encode(errorBody{analysis.Error{Code: "internal", Message: "encoding the response failed"}})
	}
	hdr := w.Header()
	hdr.Set("Content-Type", "application/json; charset=utf-8")
	hdr.Set("Content-Length", fmt.Sprint(buf.Len()))
	w.WriteHeader(status)
	if r == nil || r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

// writeError writes {"error": {"code": code, "message": msg}} with status.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	hdr := w.Header()
	hdr.Del("Content-Encoding")
	hdr.Del("Last-Modified")
	hdr.Del("ETag")
	hdr.Set("Cache-Control", "no-store")
	writeJSON(w, nil, status, errorBody{analysis.Error{Code: code, Message: msg}})
}

func stack() []byte { return debug.Stack() }

package server

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseAnalyzeRequest checks that a request body is either refused with
// a code and message, or accepted with text that is exactly what the client
// sent: valid UTF-8, with no U+FFFD that the body did not spell out.
func FuzzParseAnalyzeRequest(f *testing.F) {
	for _, seed := range []string{
		`{"text": "زار أنتوني بلينكن القدس"}`,
		`{"text": "x", "normalize": "search"}`,
		`{"text": "\ud83d\ude00 \\ud800"}`,
		`{"text": "a\ud800b"}`,
		`{"text": "\udc00"}`,
		`{"text": "x\uD83D"}`,
		"{\"text\": \"\xd8\xa3\xff\"}",
		`{"text": "<script>alert(1)</script>\u202e"}`,
		`{"text": "\ufffd"}`,
		`{"text": null}`,
		`{"text": 5}`,
		`["text"]`,
		`{"text": "x"} {}`,
		`{"normalise": "search"}`,
		``,
		`   `,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		req, code, msg := parseAnalyzeRequest(body)
		if code != "" {
			switch code {
			case "invalid_json", "invalid_utf8", "missing_text":
			default:
				t.Fatalf("parseAnalyzeRequest(%q): unknown code %q", body, code)
			}
			if msg == "" {
				t.Fatalf("parseAnalyzeRequest(%q): code %q without a message", body, code)
			}
			return
		}
		if !utf8.Valid(body) || !json.Valid(body) {
			t.Fatalf("parseAnalyzeRequest(%q) accepted invalid UTF-8 or JSON", body)
		}
		if req.Text == nil || !utf8.ValidString(*req.Text) {
			t.Fatalf("parseAnalyzeRequest(%q): text %v", body, req.Text)
		}
		spelled := bytes.ContainsRune(body, utf8.RuneError) || strings.Contains(strings.ToLower(string(body)), `\ufffd`)
		if !spelled && strings.ContainsRune(*req.Text, utf8.RuneError) {
			t.Fatalf("parseAnalyzeRequest(%q): text %q has a U+FFFD the body did not contain", body, *req.Text)
		}
	})
}

// FuzzAnalyzeHandler checks that every body gets a JSON answer with a
// status from the documented set and the security headers.
func FuzzAnalyzeHandler(f *testing.F) {
	f.Add([]byte(`{"text": "قال بلينكن في القدس", "normalize": "search"}`), "application/json")
	f.Add([]byte(`{"text": "\ud800"}`), "")
	f.Add([]byte(`{`), "text/plain")
	f.Add([]byte(`{"text": "x"}`), "multipart/form-data")
	h := New(Config{Logger: quietLogger()})
	f.Fuzz(func(t *testing.T, body []byte, ctype string) {
		req := httptest.NewRequest("POST", "/api/analyze", bytes.NewReader(body))
		if ctype != "" {
			req.Header.Set("Content-Type", ctype)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case 200, 400, 413, 415:
		default:
			t.Fatalf("POST %q (%q): status %d: %s", body, ctype, rec.Code, rec.Body)
		}
		if !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("POST %q: answer is not JSON: %q", body, rec.Body)
		}
		if rec.Header().Get("Content-Security-Policy") != ContentSecurityPolicy {
			t.Fatalf("POST %q: no CSP", body)
		}
	})
}

package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"

	"tahlil/internal/analysis"
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
		`{"TEXT": "x"}`,
		`{"text": "x", "text": "y", "normalize": null}`,
		`{"text": "\u00e9\"\\\/\b\f\n\r\t"}`,
		`{"text": "x", "other": [1, {"a": -0.5e+3}, true, false, null]}`,
		`{"text": 01}`,
		`{"text": "x",}`,
		`{"text" "x"}`,
		`null`,
		`"text"`,
		`{"text": "\uZZZZ"}`,
		"{\"text\": \"tab\there\"}",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		req, rerr := parseAnalyzeRequest(body)
		if rerr != nil {
			switch rerr.code {
			case "invalid_json", "invalid_utf8", "missing_text":
			default:
				t.Fatalf("parseAnalyzeRequest(%q): unknown code %q", body, rerr.code)
			}
			if rerr.msg == "" {
				t.Fatalf("parseAnalyzeRequest(%q): code %q without a message", body, rerr.code)
			}
		} else {
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
		}

		// Differential check against encoding/json.
		var std struct {
			Text      *string `json:"text"`
			Normalize *string `json:"normalize"`
		}
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		stdErr := dec.Decode(&std)
		if stdErr == nil {
			if _, err := dec.Token(); err != io.EOF {
				stdErr = errors.New("trailing data")
			}
		}
		if rerr == nil {
			if stdErr != nil {
				t.Fatalf("parseAnalyzeRequest(%q) accepted what encoding/json refuses: %v", body, stdErr)
			}
			if std.Text == nil || *std.Text != *req.Text {
				t.Fatalf("parseAnalyzeRequest(%q): text %q; encoding/json %v", body, *req.Text, std.Text)
			}
			if want := ""; std.Normalize != nil && *std.Normalize != req.Normalize || std.Normalize == nil && req.Normalize != want {
				t.Fatalf("parseAnalyzeRequest(%q): normalize %q; encoding/json %v", body, req.Normalize, std.Normalize)
			}
			return
		}
		if stdErr == nil && utf8.Valid(body) {
			// Refusing what encoding/json takes is allowed only for a
			// lone surrogate, a field name in another case, a missing
			// text, or a top-level value that is not an object.
			lowerKeys := strings.Contains(rerr.msg, "unknown field")
			notObject := strings.Contains(rerr.msg, "must be a JSON object")
			if rerr.code != "invalid_utf8" && rerr.code != "missing_text" && !lowerKeys && !notObject {
				t.Fatalf("parseAnalyzeRequest(%q) refused (%s: %s) what encoding/json accepts", body, rerr.code, rerr.msg)
			}
		}
		if stdErr != nil && rerr.code == "missing_text" {
			t.Fatalf("parseAnalyzeRequest(%q): missing_text, but encoding/json says %v", body, stdErr)
		}
	})
}

// FuzzAppendString holds the hand-written JSON output to encoding/json.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "نص", "quotes \" and \\ <b>&amp;</b> \n\r\t\b\f \x00\x1f \u2028\u2029 \u200f", "bad \xff\xfe utf-8"} {
		f.Add(s, "code")
	}
	f.Fuzz(func(t *testing.T, msg, code string) {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.Encode(errorBody{analysis.Error{Code: code, Message: msg}})
		if got := appendError(nil, code, msg); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("appendError(%q, %q) = %s; encoding/json gives %s", code, msg, got, want.Bytes())
		}
		want.Reset()
		h := Health{Status: "ok", Version: msg, Model: code}
		enc.Encode(h)
		if got := appendHealth(nil, h); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("appendHealth(%+v) = %s; encoding/json gives %s", h, got, want.Bytes())
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

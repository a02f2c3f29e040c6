package server

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"os"
	"testing"

	"tahlil/internal/analysis"
	"tahlil/internal/testenv"
)

// BenchmarkAnalyze compares analysis.Analyze on the shared sample article
// with the same analysis through the handler (JSON decode, checks, encode),
// so the ratio is the handler's overhead.
func BenchmarkAnalyze(b *testing.B) {
	text, err := os.ReadFile(testenv.Shared(b, "samples/article-blinken-netanyahu.txt"))
	if err != nil {
		b.Fatal(err)
	}
	body, _ := json.Marshal(map[string]string{"text": string(text)})
	b.Run("direct", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if _, err := analysis.Analyze(string(text), analysis.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("handler", func(b *testing.B) {
		h := New(Config{Logger: quietLogger()})
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			req := httptest.NewRequest("POST", "/api/analyze", bytes.NewReader(body))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != 200 {
				b.Fatal(rec.Code, rec.Body)
			}
		}
	})
}

package bench

import (
	"os"
	"sync"
	"testing"

	"golang.org/x/text/unicode/norm"

	"tahlil/internal/analysis"
	"tahlil/internal/normalize"
	"tahlil/internal/testenv"
	"tahlil/internal/token"
)

// These benchmarks run on exactly the texts the in-browser benchmark uses
// (Texts of the shared sample article), so that wasm/native ratios compare
// the same work. ./build.sh bench runs them with -count and parses the output.

var (
	textsOnce sync.Once
	texts     []Text
	textsErr  error
)

func benchTexts(b *testing.B) []Text {
	b.Helper()
	p := testenv.Shared(b, "samples/article-blinken-netanyahu.txt")
	textsOnce.Do(func() {
		data, err := os.ReadFile(p)
		if err != nil {
			textsErr = err
			return
		}
		texts, textsErr = Texts(string(data))
	})
	if textsErr != nil {
		b.Fatal(textsErr)
	}
	return texts
}

func pick(ts []Text, names ...string) []Text {
	var out []Text
	for _, n := range names {
		for _, t := range ts {
			if t.Name == n {
				out = append(out, t)
			}
		}
	}
	return out
}

// BenchmarkNormalizeSearch measures the search preset, on raw text and on
// text that is already normalized (which should not allocate).
func BenchmarkNormalizeSearch(b *testing.B) {
	for _, t := range pick(benchTexts(b), "sample", "1MB") {
		b.Run(t.Name, func(b *testing.B) {
			b.SetBytes(int64(len(t.Text)))
			for b.Loop() {
				_ = normalize.Search.String(t.Text)
			}
		})
	}
	for _, t := range pick(benchTexts(b), "sample") {
		clean := normalize.Search.String(t.Text)
		b.Run(t.Name+"_normalized", func(b *testing.B) {
			b.SetBytes(int64(len(clean)))
			for b.Loop() {
				_ = normalize.Search.String(clean)
			}
		})
	}
}

// BenchmarkNFC is the reference for BenchmarkNormalizeSearch: Unicode NFC
// from golang.org/x/text on the same texts.
func BenchmarkNFC(b *testing.B) {
	for _, t := range pick(benchTexts(b), "sample", "1MB") {
		b.Run(t.Name, func(b *testing.B) {
			b.SetBytes(int64(len(t.Text)))
			for b.Loop() {
				_ = norm.NFC.String(t.Text)
			}
		})
	}
}

// BenchmarkAnalyze measures the whole pipeline and reports tokens per second,
// counting tokens as the tokenizer does.
func BenchmarkAnalyze(b *testing.B) {
	for _, t := range pick(benchTexts(b), "sample", "100KB", "1MB") {
		b.Run(t.Name, func(b *testing.B) {
			tokens := len(token.Tokenize(t.Text).Tokens)
			b.SetBytes(int64(len(t.Text)))
			for b.Loop() {
				if _, err := analysis.Analyze(t.Text, analysis.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
			b.ReportMetric(float64(tokens), "tokens/op")
		})
	}
}

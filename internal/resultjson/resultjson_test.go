package resultjson

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"tahlil/internal/analysis"
	"tahlil/internal/testenv"
)

func stdlib(t testing.TB, r *analysis.Result) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(b.Bytes(), []byte("\n")))
}

var texts = []string{
	"",
	"وصل وزير الخارجية الأمريكي أنتوني بلينكن إلى القدس يوم الأحد.",
	"quotes \" and \\ and <b>&amp;</b> \n\r\t\b\f \x00\x1f \u2028\u2029 \u200f\u202e",
	"٣٫٥ مليار دولار و12% في 2024.\nسطر ثان.",
}

func TestMatchesEncodingJSON(t *testing.T) {
	for _, text := range texts {
		for _, preset := range []string{"", "search"} {
			r, err := analysis.Analyze(text, analysis.Options{Normalize: preset})
			if err != nil {
				r = &analysis.Result{Version: "v"}
			}
			if got, want := String(r), stdlib(t, r); got != want {
				t.Errorf("String(Analyze(%q)) =\n%s\nwant\n%s", text, got, want)
			}
		}
	}
}

func TestHandBuiltResults(t *testing.T) {
	for _, r := range []*analysis.Result{
		{},
		{Version: "x\xffy", Stats: analysis.Stats{ReadingMinutes: 1e-7, Entities: map[string]int{"PER": 2, "LOC": 1}}},
		{Entities: []analysis.Entity{{Type: "PER", Start: 1, End: 3, Text: "\"ب\"", Key: "ب", Group: 2}},
			Groups: []analysis.Group{{ID: 2, Type: "PER", Label: "ب", Key: "ب", Count: 1}},
			Stats:  analysis.Stats{ReadingMinutes: 2.2}, Normalized: &analysis.Normalized{Preset: "search", Text: "ا"}},
		{Stats: analysis.Stats{ReadingMinutes: 3e21}},
	} {
		if got, want := String(r), stdlib(t, r); got != want {
			t.Errorf("String(%+v) =\n%s\nwant\n%s", r, got, want)
		}
	}
}

func TestSharedSample(t *testing.T) {
	p := testenv.Shared(t, "samples/article-blinken-netanyahu.txt")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Analyze(string(b), analysis.Options{Normalize: "search"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := String(r), stdlib(t, r); got != want {
		t.Errorf("String(Analyze(sample)) differs from encoding/json:\n%s\nwant\n%s", got, want)
	}
}

func FuzzMatchesEncodingJSON(f *testing.F) {
	for _, s := range texts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		r, err := analysis.Analyze(text, analysis.Options{Normalize: "search"})
		if err != nil {
			return
		}
		if got, want := String(r), stdlib(t, r); got != want {
			t.Errorf("String(Analyze(%q)) =\n%s\nwant\n%s", text, got, want)
		}
		r.Version = text
		if got, want := String(r), stdlib(t, r); got != want {
			t.Errorf("String with Version %q =\n%s\nwant\n%s", text, got, want)
		}
	})
}

func BenchmarkString(b *testing.B) {
	text := texts[1]
	for range 50 {
		text += " " + texts[1]
	}
	r, err := analysis.Analyze(text, analysis.Options{Normalize: "search"})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		String(r)
	}
}

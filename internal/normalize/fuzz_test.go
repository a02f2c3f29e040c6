package normalize_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"tahlil/internal/normalize"
)

func addSeeds(f *testing.F) {
	for _, c := range searchCases {
		f.Add(c.in)
	}
	f.Add("ب\u0651\u064E\u0654")
	f.Add("\u0627\u200B\u0654\u0301")
	f.Add("ﷺ\u200Fـ")
}

// FuzzSearch checks that Search never panics, is idempotent, and keeps
// valid spans.
func FuzzSearch(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		once := normalize.Search.String(s)
		if twice := normalize.Search.String(once); twice != once {
			t.Fatalf("Search.String(%q) = %q; Search.String of that = %q", s, once, twice)
		}
		checkMapped(t, normalize.Search, s, normalize.Search.Map(s))
	})
}

// FuzzFolds checks every combination of folds for panics and span
// invariants, and the lucene and display presets for idempotence.
func FuzzFolds(f *testing.F) {
	for i, c := range searchCases {
		f.Add(c.in, uint32(i)*0x9E3779B1)
	}
	f.Add("آ\u0670\u0654", uint32(normalize.HamzaUniform|normalize.DaggerAlefToAlef|normalize.PresentationForms))
	f.Fuzz(func(t *testing.T, s string, folds uint32) {
		n := normalize.New(normalize.Fold(folds))
		checkMapped(t, n, s, n.Map(s))
		for _, p := range []*normalize.Normalizer{normalize.Lucene, normalize.Display} {
			once := p.String(s)
			if twice := p.String(once); twice != once {
				t.Fatalf("%s.String(%q) = %q; %s.String of that = %q", p.Name(), s, once, p.Name(), twice)
			}
		}
	})
}

// FuzzNFC checks the normalizer's own handling of combining sequences
// against golang.org/x/text: with PresentationForms alone, text without
// presentation forms must come out exactly as norm.NFC makes it (less the
// U+034F that x/text inserts in runs of more than 30 marks).
func FuzzNFC(f *testing.F) {
	addSeeds(f)
	for _, s := range []string{
		"ب\u0651\u064E", "\u0627\u0655\u0654", "\u0623\u0655", "\u0648\u0654\u064E", "\u06D5\u0654",
		"e\u0301\u0316", "a\u0328\u0301", "\u1100\u1161\u11A8", "\u0B47\u0B3E", "\u0958", "\u212B",
		"\u0344", "\u0CC6\u0CD5", "\u0915\u093C", "Ç\u0301", strings.Repeat("\u064E\u0654", 40),
	} {
		f.Add(s)
	}
	pf := normalize.New(normalize.PresentationForms)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsFunc(s, func(r rune) bool {
			return (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFE)
		}) {
			return
		}
		got := strings.ReplaceAll(pf.String(s), "\u034F", "")
		want := strings.ReplaceAll(norm.NFC.String(s), "\u034F", "")
		if got != want {
			t.Fatalf("New(PresentationForms).String(%+q) = %+q; norm.NFC gives %+q", s, got, want)
		}
	})
}

package normalize_test

import (
	"testing"

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
		n := normalize.New(normalize.Fold(folds) & (normalize.DaggerAlefToAlef<<1 - 1))
		checkMapped(t, n, s, n.Map(s))
		for _, p := range []*normalize.Normalizer{normalize.Lucene, normalize.Display} {
			once := p.String(s)
			if twice := p.String(once); twice != once {
				t.Fatalf("%s.String(%q) = %q; %s.String of that = %q", p.Name(), s, once, p.Name(), twice)
			}
		}
	})
}

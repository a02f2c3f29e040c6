package analysis

import (
	"slices"
	"strings"
	"testing"
)

// wordLists are the lists that wordList.has searches; each must be sorted,
// without repeats, and separated by single spaces or newlines.
var wordLists = map[string]*wordList{
	"famousSurnames":   famousSurnames,
	"latinOrgs":        latinOrgs,
	"latinProducts":    latinProducts,
	"clubWords":        clubWords,
	"nationalities":    nationalities,
	"sportWords":       sportWords,
	"workNouns":        workNouns,
	"bodyNouns":        bodyNouns,
	"placeHeads":       placeHeads,
	"institutionHeads": institutionHeads,
	"orgWords":         orgWords,
	"bodyHeads":        bodyHeads,
	"bodyAdjectives":   bodyAdjectives,
	"courtKinds":       courtKinds,
	"teamWords":        teamWords,
	"namedThings":      namedThings,
	"placeHeadsOne":    placeHeadsOne,
	"placeHeadsMany":   placeHeadsMany,
	"clubHeads":        clubHeads,
}

func TestWordLists(t *testing.T) {
	for name, l := range wordLists {
		s := l.src
		if s == "" || strings.TrimSpace(s) != s || strings.Contains(s, "  ") || strings.Contains(s, "\n\n") ||
			strings.Contains(s, " \n") || strings.Contains(s, "\n ") {
			t.Errorf("%s: separators must be single, with none at the ends", name)
		}
		words := strings.Fields(s)
		if !slices.IsSorted(words) {
			for i := 1; i < len(words); i++ {
				if words[i-1] >= words[i] {
					t.Errorf("%s: %q before %q", name, words[i-1], words[i])
				}
			}
		}
		if len(slices.Compact(slices.Clone(words))) != len(words) {
			t.Errorf("%s: a word is listed twice", name)
		}
		for _, w := range words {
			if !l.has(w) {
				t.Errorf("%s: has(%q) = false", name, w)
			}
			for _, x := range []string{w + "x", w[:len(w)-1], "a" + w, "ي" + w} {
				if l.has(x) && !slices.Contains(words, x) {
					t.Errorf("%s: has(%q) = true for an unlisted word", name, x)
				}
			}
		}
		for _, x := range []string{"", " ", "zzzz", "\x00"} {
			if l.has(x) {
				t.Errorf("%s: has(%q) = true", name, x)
			}
		}
	}
}

func BenchmarkWordList(b *testing.B) {
	for b.Loop() {
		famousSurnames.has("زيلينسكي")
		famousSurnames.has("الحكومه")
	}
}

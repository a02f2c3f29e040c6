// Package gazetteer holds a compact table of the Arabic names of countries
// and territories, for matching against tokenized text.
package gazetteer

//go:generate go run gen.go

import (
	"sort"
	"strings"
	"unicode"
)

// Key returns the lookup key of a search-normalized name: its words, each
// without the article ال, joined by single spaces. "الولايات المتحده" gives
// "ولايات متحده".
func Key(name string) string {
	if strings.IndexFunc(name, unicode.IsSpace) < 0 {
		// One word: a substring, without allocating.
		if strings.HasPrefix(name, "ال") && len(name) > len("ال")+2 {
			return name[len("ال"):]
		}
		return name
	}
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if strings.HasPrefix(w, "ال") && len(w) > len("ال")+2 {
			w = w[len("ال"):]
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// Len returns the number of names in the table.
func Len() int { return len(countryOffsets) }

// Name returns the i-th key in the table, in sorted order, for 0 ≤ i < Len().
func Name(i int) string { return name(i) }

func name(i int) string {
	s := countryNames[countryOffsets[i]:]
	return s[:strings.IndexByte(s, '\n')]
}

// IsCountry reports whether key (see Key) names a country or territory.
func IsCountry(key string) bool {
	i := sort.Search(len(countryOffsets), func(i int) bool { return name(i) >= key })
	return i < len(countryOffsets) && name(i) == key
}

// MatchCountry returns the number of leading words of words (each a key
// word, without the article) that form the longest country name, or 0.
// It does not allocate.
func MatchCountry(words []string) int {
	best := 0
	// Binary search for the range of names starting with words[0], then
	// extend word by word.
	lo := sort.Search(len(countryOffsets), func(i int) bool { return name(i) >= words[0] })
	for i := lo; i < len(countryOffsets); i++ {
		n := name(i)
		if !strings.HasPrefix(n, words[0]) {
			break
		}
		if k := LeadingWords(n, words); k > best {
			best = k
		}
	}
	return best
}

// LeadingWords returns k when n is exactly the first k of words joined by
// single spaces, or 0.
func LeadingWords(n string, words []string) int {
	for k, w := range words {
		if !strings.HasPrefix(n, w) {
			return 0
		}
		n = n[len(w):]
		if n == "" {
			return k + 1
		}
		if n[0] != ' ' {
			return 0
		}
		n = n[1:]
	}
	return 0
}

package normalize_test

import (
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"tahlil/internal/normalize"
)

// alphabet holds the code points where the folds and NFC interact: Arabic
// letters and every kind of mark, hamza forms, presentation forms and
// ligatures, controls, spaces, digits, Latin with combining marks, Hangul
// jamo, Indic two-part vowels, singletons, and invalid bytes.
var alphabet = func() []string {
	var a []string
	add := func(lo, hi rune) {
		for r := lo; r <= hi; r++ {
			a = append(a, string(r))
		}
	}
	add(0x0621, 0x064A) // letters
	add(0x064B, 0x065F) // marks
	add(0x0610, 0x061C)
	add(0x0670, 0x0673)
	add(0x06C0, 0x06D5)
	add(0x06D6, 0x06ED)
	add(0x0660, 0x0669)
	add(0x06F0, 0x06F9)
	add(0x06A9, 0x06A9)
	add(0x06CC, 0x06CC)
	add(0x200B, 0x200F)
	add(0x202A, 0x202E)
	add(0x2060, 0x2069)
	add(0xFEF5, 0xFEFC) // lam-alef
	add(0xFE80, 0xFE94)
	add(0xFDF2, 0xFDFD)
	add(0xFC5E, 0xFC63) // ligatures of space and marks
	add(0xFE70, 0xFE7F)
	add(0x0300, 0x0305)
	add(0x0316, 0x0317)
	add(0x0327, 0x0328)
	add(0x1100, 0x1101)
	add(0x1161, 0x1162)
	add(0x11A8, 0x11A9)
	a = append(a, []string{"a", "e", "o", ".", "،", "\uFD3E", "\uFD3F", "\u06DD", "\u06DE", "\u06E9", "A", "Ç", "é", " ", "\t", "\n", "\u00A0", "\u3000", "\u2028",
		"\uFEFF", "\u034F", "\u0B47", "\u0B3E", "\u0958", "\u212B", "\u0344", "\u0340", "\uAC00", "👍", "\uFFFD",
		"\xff", "\xe2\x82", "\xc0"}...)
	return a
}()

func randomText(rng *rand.Rand) string {
	var b strings.Builder
	n := rng.IntN(24)
	for range n {
		b.WriteString(alphabet[rng.IntN(len(alphabet))])
	}
	return b.String()
}

// TestRandomInvariants checks the invariants on many random strings from
// the alphabet above: spans, idempotence of every preset, and agreement
// with x/text's NFC.
func TestRandomInvariants(t *testing.T) {
	seed := uint64(1)
	if s := os.Getenv("TAHLIL_RANDOM_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	rng := rand.New(rand.NewPCG(seed, 2))
	n := 20000
	if s := os.Getenv("TAHLIL_RANDOM_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	if testing.Short() {
		n = 2000
	}
	pf := normalize.New(normalize.PresentationForms)
	npm, _ := normalize.Preset("npm-arabic-text-normalizer")
	for range n {
		s := randomText(rng)
		for _, p := range []*normalize.Normalizer{normalize.Search, normalize.Lucene, normalize.Display, npm} {
			name := p.Name()
			checkMapped(t, p, s, p.Map(s))
			once := p.String(s)
			if twice := p.String(once); twice != once {
				t.Fatalf("%s.String(%+q) = %+q; %s.String of that = %+q", name, s, once, name, twice)
			}
		}
		if strings.ContainsFunc(s, func(r rune) bool {
			return r == 0xFFFD || (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFE)
		}) {
			continue
		}
		if got, want := pf.String(s), norm.NFC.String(s); got != want {
			t.Fatalf("New(PresentationForms).String(%+q) = %+q; norm.NFC gives %+q", s, got, want)
		}
	}
}

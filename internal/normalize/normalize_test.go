package normalize_test

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
	"unsafe"

	"tahlil/internal/normalize"
)

type stringCase struct {
	name, in, want string
}

// searchCases follow the specification of the search preset step by step.
var searchCases = []stringCase{
	{"empty", "", ""},
	{"plain", "بحث وزير الخارجية", "بحث وزير الخارجيه"},
	// Step 1: presentation forms, then NFC.
	{"lam-alef", "\uFEFB", "لا"},
	{"lam-alef hamza above", "\uFEF7", "لا"},
	{"lam-alef hamza below final", "\uFEFA", "لا"},
	{"lam-alef madda", "\uFEF5", "لا"},
	{"beh initial", "\uFE91\uFE8E\uFE8F", "باب"},
	{"teh marbuta isolated", "\uFE93", "ه"},
	{"alef maksura final", "\uFEF0", "ي"},
	{"peh initial", "\uFB58", "پ"},
	{"allah", "\uFDF2", "الله"},
	{"salla", "\uFDFA", "صلي الله عليه وسلم"},
	{"rial", "\uFDFC", "ريال"},
	{"no decomposition", "\uFDFD\uFD3E\uFD3F", "\uFDFD\uFD3E\uFD3F"},
	{"fathatan isolated form", "\uFE70", " "},
	{"final alef then hamza mark", "\uFE8E\u0654", "ا"},
	{"decomposed alef hamza", "\u0627\u0654", "ا"},
	{"decomposed alef madda", "\u0627\u0653", "ا"},
	{"decomposed alef hamza below", "\u0627\u0655", "ا"},
	{"decomposed waw hamza", "\u0648\u0654", "ؤ"},
	{"decomposed yeh hamza", "\u064A\u0654", "ئ"},
	{"decomposed heh yeh", "\u06D5\u0654", "ه"},
	{"hamza mark after fatha still composes", "\u0648\u064E\u0654", "ؤ"},
	{"control blocks composition", "\u0648\u200D\u0654", "و"},
	{"tatweel blocks composition", "\u064A\u0640\u0654", "ي"},
	// Step 2: deletions.
	{"U+0610..U+061A", "ب\u0610\u0615\u061A", "ب"},
	{"U+064B..U+065F", "ب\u064B\u064E\u0651\u0652\u0653\u0656\u065F", "ب"},
	{"U+0670", "ب\u0670", "ب"},
	{"U+06D6..U+06DC", "ب\u06D6\u06DC", "ب"},
	{"U+06DF..U+06E4", "ب\u06DF\u06E4", "ب"},
	{"U+06E7..U+06E8", "ب\u06E7\u06E8", "ب"},
	{"U+06EA..U+06ED", "ب\u06EA\u06ED", "ب"},
	{"tatweel", "روبرـــــت", "روبرت"},
	{"U+200B..U+200F", "a\u200Bb\u200Cc\u200Dd\u200Ee\u200Ff", "abcdef"},
	{"U+202A..U+202E", "a\u202Ab\u202Bc\u202Cd\u202De\u202Ef", "abcdef"},
	{"U+2060..U+2064", "a\u2060b\u2064c", "abc"},
	{"U+2066..U+2069", "a\u2066b\u2067c\u2068d\u2069e", "abcde"},
	{"ALM", "ا\u061Cب", "اب"},
	{"BOM", "\uFEFFنص", "نص"},
	{"Quranic marks kept", "ب\u06DD\u06DE\u06E5\u06E6\u06E9", "ب\u06DD\u06DE\u06E5\u06E6\u06E9"},
	{"neighbours kept", "\u0609\u061B\u061F\u2065\u206A", "\u0609\u061B\u061F\u2065\u206A"},
	{"vocalized", "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ", "بسم الله الرحمن الرحيم"},
	// Step 3: maps.
	{"alef variants", "آ أ إ ٱ ٲ ٳ", "ا ا ا ا ا ا"},
	{"alef maksura", "على", "علي"},
	{"teh marbuta", "فاطمة", "فاطمه"},
	{"farsi yeh", "علی", "علي"},
	{"keheh", "کتاب", "كتاب"},
	{"heh yeh", "خانۀ", "خانه"},
	{"arabic-indic digits", "٠١٢٣٤٥٦٧٨٩", "0123456789"},
	{"extended digits", "۰۱۲۳۴۵۶۷۸۹", "0123456789"},
	{"Zs spaces", "a\u00A0b\u1680c\u2002d\u200Ae\u202Ff\u205Fg\u3000h", "a b c d e f g h"},
	// Step 4: everything else unchanged.
	{"hamza forms kept", "ؤ ئ ء", "ؤ ئ ء"},
	{"punctuation kept", "، ؛ ؟ ٪ ٫ ٬ . , ! «»", "، ؛ ؟ ٪ ٫ ٬ . , ! «»"},
	{"latin and emoji kept", "Blinken 👍🏽 café", "Blinken 👍🏽 café"},
	{"tabs and newlines kept", "a\tb\nc\r\nd\u2028e\u0085", "a\tb\nc\r\nd\u2028e\u0085"},
	{"other scripts and digits kept", "𝟙 ५ ๓", "𝟙 ५ ๓"},
	{"persian letters not in the spec kept", "پ چ ژ گ ے ہ ھ", "پ چ ژ گ ے ہ ھ"},
	// Unicode normalization of other scripts.
	{"NFC composes latin", "e\u0301", "é"},
	{"control between base and mark", "e\u200B\u0301", "é"},
	// Invalid UTF-8.
	{"invalid bytes", "a\xffب\xe2\x82", "a\uFFFDب\uFFFD\uFFFD"},
	{"valid replacement char kept", "\uFFFD", "\uFFFD"},
}

func TestSearch(t *testing.T) {
	for _, c := range searchCases {
		t.Run(c.name, func(t *testing.T) {
			if got := normalize.Search.String(c.in); got != c.want {
				t.Errorf("Search.String(%q) = %q; want %q", c.in, got, c.want)
			}
			if got := normalize.Search.Map(c.in).Text; got != c.want {
				t.Errorf("Search.Map(%q).Text = %q; want %q", c.in, got, c.want)
			}
		})
	}
}

func TestLucene(t *testing.T) {
	cases := []stringCase{
		{"alef variants", "آ أ إ ٱ ٲ", "ا ا ا ٱ ٲ"},
		{"maksura teh marbuta", "بنى فاطمة", "بني فاطمه"},
		{"harakat and shadda", "بًٌٍَُِّْ", "ب"},
		{"other marks kept", "ب\u0653\u0654\u0655\u0670", "ب\u0653\u0654\u0655\u0670"},
		{"tatweel", "بـب", "بب"},
		{"no unicode normalization", "\uFEFB \u0627\u0654 \u00A0", "\uFEFB \u0627\u0654 \u00A0"},
		{"controls and digits kept", "\u200F١ ک ی", "\u200F١ ک ی"},
	}
	for _, c := range cases {
		if got := normalize.Lucene.String(c.in); got != c.want {
			t.Errorf("Lucene.String(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

func TestDisplay(t *testing.T) {
	cases := []stringCase{
		{"keeps diacritics and hamza", "بِسْمِ اللَّهِ أ إ ؤ ئ", "بِسْمِ اللَّهِ أ إ ؤ ئ"},
		{"folds presentation forms", "\uFEF7\uFE91", "لأب"},
		{"composes", "\u0627\u0654", "أ"},
		{"removes tatweel and controls", "\uFEFFمحـــمد\u200F", "محمد"},
		{"removes ZWNJ", "می\u200Cخورد", "میخورد"},
		{"unifies spaces", "a\u00A0b\u3000c", "a b c"},
		{"keeps letters and digits", "ی ک ة ى ١", "ی ک ة ى ١"},
	}
	for _, c := range cases {
		if got := normalize.Display.String(c.in); got != c.want {
			t.Errorf("Display.String(%q) = %q; want %q", c.in, got, c.want)
		}
	}
}

// TestFolds checks each fold alone on the code points its documentation
// lists, and its neighbours.
func TestFolds(t *testing.T) {
	cases := []struct {
		fold     normalize.Fold
		in, want string
	}{
		{normalize.Harakat, "ب\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0653", "ب\u0651\u0653"},
		{normalize.Shadda, "ب\u0651\u064E", "ب\u064E"},
		{normalize.HamzaAboveMark, "ب\u0654\u0655", "ب\u0655"},
		{normalize.OtherMarks, "ب\u0652\u0653\u0654\u0655\u065F\u0660", "ب\u0652\u0654\u0660"},
		{normalize.DaggerAlef, "ب\u0670", "ب"},
		{normalize.Quranic, "\u060F\u0610\u061A\u061B\u06D5\u06D6\u06DC\u06DD\u06DE\u06DF\u06E4\u06E5\u06E6\u06E7\u06E8\u06E9\u06EA\u06ED\u06EE",
			"\u060F\u061B\u06D5\u06DD\u06DE\u06E5\u06E6\u06E9\u06EE"},
		{normalize.Tatweel, "بـب", "بب"},
		{normalize.AlefHamza, "آأإٱا", "اااٱا"},
		{normalize.AlefWasla, "ٱأ", "اأ"},
		{normalize.AlefWavyHamza, "ٲٳٱ", "ااٱ"},
		{normalize.AlefMaksura, "ىي", "يي"},
		{normalize.TehMarbuta, "ةه", "هه"},
		{normalize.Persian, "ی ک ۀ ے", "ي ك ه ے"},
		{normalize.Urdu, "ے ہ ی", "ي ه ی"},
		{normalize.Lookalikes, "ھ ە ہ", "ه ه ہ"},
		{normalize.Digits, "٠٩۰۹०9", "0909०9"},
		{normalize.DecimalDigits, "٠٩۰۹०𝟙𝟡๓", "0909019" + "3"},
		{normalize.Controls, "a\u200Bb\u200Cc\u061Cd\uFEFFe\u2065f", "abcde\u2065f"},
		{normalize.ZWNJSpace, "می\u200Cخورد\u200B", "می خورد\u200B"},
		{normalize.Controls | normalize.ZWNJSpace, "می\u200Cخورد\u200B", "می خورد"},
		{normalize.Spaces, "a\u00A0b\u2009c\td\u2028e", "a b c\td\u2028e"},
		{normalize.HamzaSeats, "ؤئأء", "ويأء"},
		{normalize.SeatedHamza, "ؤئأء", "ءءأء"},
		{normalize.HamzaUniform, "آأإؤئء\u0654\u0655ٱ", "ءءءءءءءءءٱ"},
		{normalize.LamAlef, "\uFEFB\uFEF7\uFEF9\uFEF5\uFEFC", "لالالالا\uFEFC"},
		{normalize.SmallLetters, "ب\u06E5\u06E6\u06E7", "ب\u06E7"},
		{normalize.DaggerAlefToAlef, "ب\u0670", "با"},
		{normalize.DaggerAlefToAlef | normalize.DaggerAlef, "ب\u0670", "با"},
		{normalize.DaggerAlefToAlef, "ا\u0670 ى\u0670", "ا ىا"},
		{normalize.DaggerAlefToAlef | normalize.Harakat, "ا\u064E\u0670", "ا"},
		{normalize.AlefMadda, "آأإ", "اأإ"},
		{normalize.QuranSigns, "ب\u06DD\u06DE\u06E9\u06DC", "ب\u06DC"},
		{normalize.VerseNumbers, "\uFD3F١٢\uFD3E ۳ 3", "  3"},
		{normalize.Punctuation, "a.b,c;d:e!f?g…h،i؛j؟k-l«m»", "abcdefghijk-l«m»"},
		{normalize.CollapseSpaces, "  a \t\n b\u00A0\u3000c\uFEFF\u0085 ", "a b c \u0085"},
		{normalize.CollapseSpaces, " \n ", ""},
		{normalize.CollapseSpaces | normalize.Controls, "a \u200F b\u200F ", "a b"},
		{normalize.PresentationForms, "\uFEF7\u0627\u0654\uFB58", "لأأپ"},
		{normalize.Diacritics, "ب\u064B\u065F\u0670\u0610", "ب\u0610"},
		{normalize.Alef, "آأإٱٲٳ", "اااااا"},
		{0, "\uFEFF أ\u0654", "\uFEFF أ\u0654"},
	}
	for _, c := range cases {
		if got := normalize.New(c.fold).String(c.in); got != c.want {
			t.Errorf("New(%v).String(%q) = %q; want %q", c.fold, c.in, got, c.want)
		}
	}
}

func TestPreset(t *testing.T) {
	for _, name := range normalize.PresetNames {
		n, ok := normalize.Preset(name)
		if !ok || n.Name() != name {
			t.Errorf("Preset(%q) = %v, %v; want the %s preset", name, n, ok, name)
		}
	}
	if n, ok := normalize.Preset("nope"); ok || n != nil {
		t.Errorf("Preset(%q) = %v, %v; want nil, false", "nope", n, ok)
	}
	if got, want := normalize.Search.Folds(), normalize.SearchFolds; got != want {
		t.Errorf("Search.Folds() = %v; want %v", got, want)
	}
}

func TestFoldString(t *testing.T) {
	cases := []struct {
		f    normalize.Fold
		want string
	}{
		{0, ""},
		{normalize.Tatweel, "Tatweel"},
		{normalize.Alef, "AlefHamza|AlefWasla|AlefWavyHamza"},
		{normalize.LuceneFolds, "Harakat|Shadda|Tatweel|AlefHamza|AlefMaksura|TehMarbuta"},
	}
	for _, c := range cases {
		if got := c.f.String(); got != c.want {
			t.Errorf("Fold(%#x).String() = %q; want %q", uint32(c.f), got, c.want)
		}
	}
}

// TestMapSpans checks the exact spans for the offset rules.
func TestMapSpans(t *testing.T) {
	sp := func(pairs ...int) []normalize.Span {
		var s []normalize.Span
		for i := 0; i < len(pairs); i += 2 {
			s = append(s, normalize.Span{Start: pairs[i], End: pairs[i+1]})
		}
		return s
	}
	cases := []struct {
		name  string
		n     *normalize.Normalizer
		in    string
		text  string
		spans []normalize.Span
	}{
		{"empty", normalize.Search, "", "", nil},
		{"all deleted", normalize.Search, "\u064E\u0640", "", nil},
		{"identity", normalize.Search, "اب", "اب", sp(0, 1, 1, 2)},
		{"mapped", normalize.Search, "أب", "اب", sp(0, 1, 1, 2)},
		{"marks join the letter before", normalize.Search, "بَتّ", "بت", sp(0, 2, 2, 4)},
		{"leading deletion joins the first output", normalize.Search, "\uFEFF\u200Fب", "ب", sp(0, 3)},
		{"tatweel joins the letter before", normalize.Search, "بـــت", "بت", sp(0, 4, 4, 5)},
		{"ligature", normalize.Search, "\uFEFBب", "لاب", sp(0, 1, 0, 1, 1, 2)},
		{"ligature then deletion", normalize.Search, "\uFEFBـب", "لاب", sp(0, 2, 0, 2, 2, 3)},
		{"deletion then ligature", normalize.Search, "\u200F\uFEFB", "لا", sp(0, 2, 0, 2)},
		{"salla", normalize.Search, "ﷺ", "صلي الله عليه وسلم", sp(0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1)},
		{"composition spans both", normalize.Search, "ب\u0648\u0654", "بؤ", sp(0, 1, 1, 3)},
		{"invalid bytes are one code point each", normalize.Search, "\xe2\x82ب", "\uFFFD\uFFFDب", sp(0, 1, 1, 2, 2, 3)},
		{"zwnj as space", normalize.New(normalize.ZWNJSpace), "a\u200Cb", "a b", sp(0, 1, 1, 2, 2, 3)},
		{"hamza uniform expansion", normalize.New(normalize.HamzaUniform), "آب", "ءءب", sp(0, 1, 0, 1, 1, 2)},
		{"recomposition", normalize.Search, "ae\u200B\u0301", "aé", sp(0, 1, 1, 4)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := c.n.Map(c.in)
			if m.Text != c.text {
				t.Errorf("Map(%q).Text = %q; want %q", c.in, m.Text, c.text)
			}
			if !equalSpans(m.Spans, c.spans) {
				t.Errorf("Map(%q).Spans = %v; want %v", c.in, m.Spans, c.spans)
			}
			checkMapped(t, c.n, c.in, m)
		})
	}
}

func equalSpans(a, b []normalize.Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestSource(t *testing.T) {
	m := normalize.Search.Map("\u200Fأَحمد ﷲ")
	// Text "احمد الله"; spans: ا [0,3) ح [3,4) م [4,5) د [5,6) " " [6,7) الله [7,8).
	cases := []struct{ start, end, wantS, wantE int }{
		{0, 4, 0, 6},
		{1, 2, 3, 4},
		{5, 9, 7, 8},
		{6, 7, 7, 8},
		{2, 2, 4, 4},
		{9, 9, 8, 8},
		{-3, 1, 0, 3},
		{4, 100, 6, 8},
		{3, 1, 5, 5},
	}
	for _, c := range cases {
		if s, e := m.Source(c.start, c.end); s != c.wantS || e != c.wantE {
			t.Errorf("Source(%d, %d) = %d, %d; want %d, %d", c.start, c.end, s, e, c.wantS, c.wantE)
		}
	}
	var empty normalize.Mapped
	if s, e := empty.Source(0, 3); s != 0 || e != 0 {
		t.Errorf("empty Source(0, 3) = %d, %d; want 0, 0", s, e)
	}
}

// checkMapped checks the invariants every Map result keeps.
func checkMapped(t testing.TB, n *normalize.Normalizer, in string, m normalize.Mapped) {
	t.Helper()
	nIn := 0
	for range in {
		nIn++
	}
	if got := n.String(in); got != m.Text {
		t.Fatalf("String(%q) = %q but Map().Text = %q", in, got, m.Text)
	}
	if !utf8.ValidString(m.Text) {
		t.Fatalf("Map(%q).Text = %q is not valid UTF-8", in, m.Text)
	}
	if c := utf8.RuneCountInString(m.Text); c != len(m.Spans) {
		t.Fatalf("Map(%q): %d spans for %d output code points", in, len(m.Spans), c)
	}
	for k, sp := range m.Spans {
		if sp.Start < 0 || sp.End > nIn || sp.Start >= sp.End {
			t.Fatalf("Map(%q).Spans[%d] = %v; out of [0, %d)", in, k, sp, nIn)
		}
		if k > 0 {
			prev := m.Spans[k-1]
			if prev != sp && prev.End != sp.Start {
				t.Fatalf("Map(%q).Spans[%d:%d] = %v, %v; want equal or adjacent", in, k-1, k+1, prev, sp)
			}
		}
		if s, e := m.Source(k, k+1); s != sp.Start || e != sp.End {
			t.Fatalf("Map(%q).Source(%d, %d) = %d, %d; want %v", in, k, k+1, s, e, sp)
		}
	}
	if len(m.Spans) > 0 {
		if m.Spans[0].Start != 0 || m.Spans[len(m.Spans)-1].End != nIn {
			t.Fatalf("Map(%q).Spans = %v; want them to cover [0, %d)", in, m.Spans, nIn)
		}
		if s, e := m.Source(0, len(m.Spans)); s != 0 || e != nIn {
			t.Fatalf("Map(%q).Source(0, %d) = %d, %d; want 0, %d", in, len(m.Spans), s, e, nIn)
		}
	}
}

func TestMapInvariants(t *testing.T) {
	for _, c := range searchCases {
		for _, name := range normalize.PresetNames {
			n, _ := normalize.Preset(name)
			checkMapped(t, n, c.in, n.Map(c.in))
		}
	}
}

func TestSearchIdempotent(t *testing.T) {
	for _, c := range searchCases {
		once := normalize.Search.String(c.in)
		if twice := normalize.Search.String(once); twice != once {
			t.Errorf("Search.String(%q) = %q; Search.String of that = %q", c.in, once, twice)
		}
	}
}

// TestUnchangedNoAlloc checks the fast path: text that is already normal
// comes back as it is, without allocating.
func TestUnchangedNoAlloc(t *testing.T) {
	normal := normalize.Search.String(strings.Repeat("بحث وزير الخارجية الأميركي، مؤكداً دعم بلاده. Blinken 2024\n", 50))
	for _, name := range normalize.PresetNames {
		n, _ := normalize.Preset(name)
		in := n.String(normal)
		if allocs := testing.AllocsPerRun(100, func() { _ = n.String(in) }); allocs != 0 {
			t.Errorf("%s: String(normalized text) allocates %v times; want 0", name, allocs)
		}
		if out := n.String(in); unsafe.StringData(out) != unsafe.StringData(in) {
			t.Errorf("%s: String(normalized text) returned a copy", name)
		}
	}
}

// TestLargeInput checks that multi-megabyte input is handled with memory
// proportional to its size.
func TestLargeInput(t *testing.T) {
	in := strings.Repeat("بِسْمِ اللَّهِ \uFEFB\u200F ﷺ x\xff ", 1<<16) // about 2.5 MB
	m := normalize.Search.Map(in)
	if len(m.Text) > len(in)*2 {
		t.Errorf("Map of %d bytes gave %d bytes", len(in), len(m.Text))
	}
	if cap(m.Spans) > 2*len(m.Spans)+16 {
		t.Errorf("Map spans: cap %d for len %d", cap(m.Spans), len(m.Spans))
	}
	if testing.Short() {
		return
	}
	checkMapped(t, normalize.Search, in, m)
}

// TestMemoryBounded checks that Map allocates in proportion to its input
// and output, including the inputs that take the slow paths: long runs of
// combining marks, recomposition after a deleted control, expansions.
func TestMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates hundreds of megabytes when it fails")
	}
	cases := map[string]string{
		"marks":       strings.Repeat("\u064E", 1<<20),
		"hamza marks": "ب" + strings.Repeat("\u0654\u064E", 1<<19),
		"recompose":   strings.Repeat("e\u200B\u0301", 1<<18),
		"invalid":     strings.Repeat("\xff", 1<<21),
		"expansions":  strings.Repeat("ﷺ", 1<<17),
	}
	for name, in := range cases {
		for _, n := range []*normalize.Normalizer{normalize.Search, normalize.Display} {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			m := n.Map(in)
			runtime.ReadMemStats(&after)
			got := after.TotalAlloc - before.TotalAlloc
			if limit := uint64(48 * (len(in) + len(m.Text))); got > limit {
				t.Errorf("%s: %s.Map of %d bytes (%d out) allocated %d bytes; want at most %d",
					name, n.Name(), len(in), len(m.Text), got, limit)
			}
		}
	}
}

// TestConcurrent uses the presets and New from several goroutines at once;
// run with -race it checks that a Normalizer is safe for concurrent use.
func TestConcurrent(t *testing.T) {
	want := make([]normalize.Mapped, len(searchCases))
	for i, c := range searchCases {
		want[i] = normalize.Search.Map(c.in)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 50 {
				i := (g*50 + k) % len(searchCases)
				if m := normalize.Search.Map(searchCases[i].in); m.Text != want[i].Text || !equalSpans(m.Spans, want[i].Spans) {
					t.Errorf("concurrent Search.Map(%q) = %v; want %v", searchCases[i].in, m, want[i])
					return
				}
				_ = normalize.New(normalize.Fold(k) << 8).String(searchCases[i].in)
			}
		}()
	}
	wg.Wait()
}

// TestMapBuffer checks that MapBuffer gives what Map gives, writing into
// the buffer when it is large enough and leaving a small one alone.
func TestMapBuffer(t *testing.T) {
	buf := make([]normalize.Span, 0, 64)
	for _, s := range []string{"", "القاهرة", "أَهْلاً  بِكُم", "e\u0301\u200f\u0651x", "ﻻ ٢٠٢٤ ی"} {
		want := normalize.Search.Map(s)
		got := normalize.Search.MapBuffer(s, buf)
		if got.Text != want.Text || !slices.Equal(got.Spans, want.Spans) {
			t.Errorf("MapBuffer(%q) = %+v; want %+v", s, got, want)
		}
		if len(got.Spans) > 0 && &got.Spans[0] != &buf[:1][0] {
			t.Errorf("MapBuffer(%q) did not use the buffer", s)
		}
	}
	small := make([]normalize.Span, 0, 1)
	if got := normalize.Search.MapBuffer("القاهرة", small); !slices.Equal(got.Spans, normalize.Search.Map("القاهرة").Spans) || len(small) != 0 {
		t.Errorf("MapBuffer with a small buffer = %+v", got)
	}
}

func TestRuneCount(t *testing.T) {
	for _, s := range []string{"", "abc", "القاهرة", "٢٠٢٤ 😀 e\u0301", strings.Repeat("بيروت\n", 50)} {
		if got, want := normalize.RuneCount(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("RuneCount(%q) = %d; want %d", s, got, want)
		}
	}
	// Invalid UTF-8 gives an estimate: here one lone continuation byte is
	// not counted.
	if got := normalize.RuneCount("a\x80b"); got != 2 {
		t.Errorf("RuneCount(%q) = %d; want 2", "a\x80b", got)
	}
}

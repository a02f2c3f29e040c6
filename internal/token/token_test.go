package token

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tahlil/internal/conll"
	"tahlil/internal/testenv"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string // Norm
		ent  []string // input[EntStart:End]
	}{
		{"ونتنياهو قال", []string{"ونتنياهو", "قال"}, []string{"نتنياهو", "قال"}},
		{"بالرياض", []string{"بالرياض"}, []string{"الرياض"}},
		{"للأمم المتحدة", []string{"للامم", "المتحده"}, []string{"أمم", "المتحدة"}},
		{"بـ\"دعم\"", []string{"ب", "\"", "دعم", "\""}, []string{"", "\"", "دعم", "\""}},
		{"بلغ ٢٫٥ مليون", []string{"بلغ", "2٫5", "مليون"}, []string{"بلغ", "٢٫٥", "مليون"}},
		{"مُحَمَّد", []string{"محمد"}, []string{"مُحَمَّد"}},
		// Proclitics decided from corpus counts: a first letter that
		// belongs to the word stays, one that does not goes.
		{"واشنطن وبريطانيا", []string{"واشنطن", "وبريطانيا"}, []string{"واشنطن", "بريطانيا"}},
		{"لمصر ولبنان وفلسطين", []string{"لمصر", "ولبنان", "وفلسطين"}, []string{"مصر", "لبنان", "فلسطين"}},
		{"بيروت وبغداد وباريس", []string{"بيروت", "وبغداد", "وباريس"}, []string{"بيروت", "بغداد", "باريس"}},
		{"فرنسا وكوريا", []string{"فرنسا", "وكوريا"}, []string{"فرنسا", "كوريا"}},
		{"ونتنياهو لأكسيوس", []string{"ونتنياهو", "لاكسيوس"}, []string{"نتنياهو", "أكسيوس"}},
		// Words no corpus holds keep their first letter unless what follows
		// it is a corpus word, or a hamza shows the letter is a preposition.
		{"بوخارست وفينغر", []string{"بوخارست", "وفينغر"}, []string{"بوخارست", "فينغر"}},
		{"بمشاركة لأنتوني", []string{"بمشاركه", "لانتوني"}, []string{"مشاركة", "أنتوني"}},
		{"لانتوني", []string{"لانتوني"}, []string{"لانتوني"}},
		// The document shows the rest as a word of its own, or after
		// another letter.
		{"نتنياهو لنتنياهو", []string{"نتنياهو", "لنتنياهو"}, []string{"نتنياهو", "نتنياهو"}},
		{"فنتنياهو ولنتنياهو", []string{"فنتنياهو", "ولنتنياهو"}, []string{"نتنياهو", "نتنياهو"}},
		{"وبيريز فبيريز", []string{"وبيريز", "فبيريز"}, []string{"بيريز", "بيريز"}},
		// A word the corpora know stays whole.
		{"فيصل يصل", []string{"فيصل", "يصل"}, []string{"فيصل", "يصل"}},
	}
	for _, tt := range tests {
		d := Tokenize(tt.in)
		rs := []rune(tt.in)
		if len(d.Tokens) != len(tt.want) {
			t.Errorf("Tokenize(%q) gave %d tokens; want %d", tt.in, len(d.Tokens), len(tt.want))
			continue
		}
		for i, tok := range d.Tokens {
			if tok.Norm != tt.want[i] {
				t.Errorf("Tokenize(%q)[%d].Norm = %q; want %q", tt.in, i, tok.Norm, tt.want[i])
			}
			if got := string(rs[tok.EntStart:tok.End]); got != tt.ent[i] {
				t.Errorf("Tokenize(%q)[%d] entity text = %q; want %q", tt.in, i, got, tt.ent[i])
			}
		}
	}
}

func TestProcliticsAllocs(t *testing.T) {
	w := []rune("واشنطن")
	if n := testing.AllocsPerRun(100, func() { Proclitics(w) }); n != 0 {
		t.Errorf("Proclitics allocates %v times; want 0", n)
	}
}

func TestProclitics(t *testing.T) {
	tests := []struct {
		w  string
		n  int
		al bool
	}{
		{"بالرياض", 1, true},
		{"للامم", 2, true},
		{"والرئيس", 1, true},
		{"الرياض", 0, true},
		{"واشنطن", 0, false},
		{"لمصر", 1, false},
		{"وبريطانيا", 1, false},
		{"بريطانيا", 0, false},
		{"وب", 0, false},
	}
	for _, tt := range tests {
		n, al := Proclitics([]rune(tt.w))
		if n != tt.n || al != tt.al {
			t.Errorf("Proclitics(%q) = %d, %v; want %d, %v", tt.w, n, al, tt.n, tt.al)
		}
	}
}

func ExampleTokenize() {
	d := Tokenize("وقال بالرياض لـ\"أكسيوس\"")
	rs := []rune(d.Text)
	for _, t := range d.Tokens {
		fmt.Printf("%q pre=%q entity=%q\n", t.Norm, t.Pre, string(rs[t.EntStart:t.End]))
	}
	// Output:
	// "وقال" pre="و" entity="قال"
	// "بالرياض" pre="ب" entity="الرياض"
	// "ل" pre="ل" entity=""
	// "\"" pre="" entity="\""
	// "اكسيوس" pre="" entity="أكسيوس"
	// "\"" pre="" entity="\""
}

// TestGeneratedProclitics checks that proclitics_table.go is what
// gen_proclitics.go makes from the corpora.
func TestGeneratedProclitics(t *testing.T) {
	data := testenv.Shared(t, "data")
	freq := map[string]int{}
	count := func(s []conll.Sentence, err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range s {
			CountWords(freq, strings.Join(x.Tokens, " "))
		}
	}
	count(conll.ReadFile(filepath.Join(data, "anercorp", "ANERCorp_CamelLab_train.approx.txt"), conll.ANERcorp))
	count(conll.UnlabeledExtras(data))
	words, offsets, rests := BuildProcliticTable(freq)
	if words != procliticWords || !slices.Equal(offsets, procliticOffsets[:]) || rests != procliticRests {
		t.Error("proclitics_table.go is out of date: run go generate ./internal/token")
	}
}

func TestSetProcliticTable(t *testing.T) {
	// A table from counts where بوخارست is a word and وخارست too: the
	// ب then goes.
	restore := SetProcliticTable(BuildProcliticTable(map[string]int{"وخارست": 5, "بوخارست": 1}))
	got := Tokenize("بوخارست").Tokens[0].Stem
	restore()
	if got != "وخارست" {
		t.Errorf("with the new table, stem = %q; want وخارست", got)
	}
	if got := Tokenize("بوخارست").Tokens[0].Stem; got != "بوخارست" {
		t.Errorf("after restore, stem = %q; want بوخارست", got)
	}
}

// TestRelease checks that a released document's tokens leave nothing in
// the next document's.
func TestRelease(t *testing.T) {
	long := strings.Repeat("وقال الرئيس في بيروت ", 30)
	want := Tokenize("في القاهرة.")
	for _, text := range []string{long, "في القاهرة.", "", long} {
		d := Tokenize(text)
		d.Release()
		if d.Tokens != nil {
			t.Fatalf("Release left %d tokens", len(d.Tokens))
		}
	}
	d := Tokenize("في القاهرة.")
	if !slices.Equal(d.Tokens, want.Tokens) {
		t.Errorf("tokens after Release = %+v; want %+v", d.Tokens, want.Tokens)
	}
}

func TestCorpusWord(t *testing.T) {
	for w, want := range map[string]bool{"المطار": true, "الحكومه": true, "الدحدوح": false, "المعايطه": false} {
		if got := CorpusWord(w); got != want {
			t.Errorf("CorpusWord(%q) = %v; want %v", w, got, want)
		}
	}
}

package ner

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"tahlil/internal/conll"
	"tahlil/internal/testenv"
	"tahlil/internal/token"
)

// committedTestF1 is the embedded model's micro F1 on ANERcorp test, as
// `tahlil eval` reports it. Update it together with the model file.
const committedTestF1 = 73.65

func TestModelHash(t *testing.T) {
	sum := sha256.Sum256(modelFile)
	if want := "sha256:" + hex.EncodeToString(sum[:]); Default().Hash() != want {
		t.Errorf("Hash() = %q; want %q (regenerate the .sha256 file with tahlil train)", Default().Hash(), want)
	}
	if Default().Name() != "anercorp-2026-11" {
		t.Errorf("Name() = %q; want anercorp-2026-11", Default().Name())
	}
	l, ok := parseLayout(modelFile)
	if !ok {
		t.Fatal("the embedded model file does not parse")
	}
	if !hasEmptySlot(&l) {
		t.Fatal("the embedded model's table has no empty slot")
	}
}

// TestDefaultIsFree checks that getting the model does no work: it is
// used straight from the embedded bytes.
func TestDefaultIsFree(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { Default() }); n != 0 {
		t.Errorf("Default() allocates %v times; want 0", n)
	}
}

// checkMentions checks the promises of Recognize.
func checkMentions(t *testing.T, text string, d *token.Doc, ms []Mention) {
	t.Helper()
	prev := 0
	for _, m := range ms {
		if m.Start < prev || m.Start >= m.End || m.End > len(d.Tokens) {
			t.Fatalf("Recognize(%q): mention %+v out of order or range (previous end %d, %d tokens)", text, m, prev, len(d.Tokens))
		}
		if d.Tokens[m.Start].Kind == token.Punct || d.Tokens[m.End-1].Kind == token.Punct {
			t.Fatalf("Recognize(%q): mention %+v starts or ends on punctuation", text, m)
		}
		switch m.Type {
		case "PER", "LOC", "ORG", "MISC":
		default:
			t.Fatalf("Recognize(%q): mention %+v has type %q", text, m, m.Type)
		}
		prev = m.End
	}
}

func mentionText(d *token.Doc, m Mention) string {
	rs := []rune(d.Text)
	return string(rs[d.Tokens[m.Start].EntStart:d.Tokens[m.End-1].End])
}

var recognizeTests = []struct {
	text string
	want []string // "TYPE text" of mentions that must be among the results
}{
	{"", nil},
	{"...", nil},
	{"وقال الرئيس الأمريكي جورج بوش في واشنطن إن الولايات المتحدة لن تتراجع .", []string{"PER جورج بوش", "LOC واشنطن", "LOC الولايات المتحدة"}},
	{"وصل وزير الخارجية الفرنسي إلى القاهرة أمس في زيارة لمصر تستغرق يومين .", []string{"LOC القاهرة", "LOC مصر"}},
	{"وذكرت وكالة الأنباء الفرنسية أن الأمم المتحدة دعت إلى وقف إطلاق النار .", nil},
	{"بـ\"دعم\" من «حزب الله» و(ب) 2.5٪", nil},
	{"مُحَمَّدٌ ذَهَبَ إِلَى المَدِينَةِ", nil},
	{strings.Repeat("كلمة ", 500), nil},
}

func TestRecognize(t *testing.T) {
	m := Default()
	for _, tt := range recognizeTests {
		d := token.Tokenize(tt.text)
		ms := m.Recognize(d)
		checkMentions(t, tt.text, d, ms)
		got := map[string]bool{}
		for _, x := range ms {
			got[x.Type+" "+mentionText(d, x)] = true
		}
		for _, w := range tt.want {
			if !got[w] {
				t.Errorf("Recognize(%q) has no %q; got %v", tt.text, w, got)
			}
		}
	}
	if ms := m.Recognize(nil); ms != nil {
		t.Errorf("Recognize(nil) = %v; want nil", ms)
	}
	var empty *Model
	if ms := empty.Recognize(token.Tokenize("مصر")); ms != nil {
		t.Errorf("nil model Recognize = %v; want nil", ms)
	}
}

// TestWorkspaceReuse checks that the buffers a run keeps for the next one
// carry nothing over: each text gets the same mentions whatever was
// recognized before it, long or short.
func TestWorkspaceReuse(t *testing.T) {
	m := Default()
	texts := []string{strings.Repeat("قال الرئيس الأمريكي جو بايدن في واشنطن إن الأمم المتحدة ", 40), ""}
	for _, tt := range recognizeTests {
		texts = append(texts, tt.text)
	}
	first := make([]string, len(texts))
	for i, text := range texts {
		first[i] = fmt.Sprint(m.Recognize(token.Tokenize(text)))
	}
	for i := len(texts) - 1; i >= 0; i-- {
		d := token.Tokenize(texts[i])
		if got := fmt.Sprint(m.Recognize(d)); got != first[i] {
			t.Errorf("Recognize(%q) after other texts = %s; first %s", texts[i], got, first[i])
		}
		d.Release()
	}
}

func FuzzRecognize(f *testing.F) {
	for _, tt := range recognizeTests {
		f.Add(tt.text)
	}
	f.Add("\xff\xfe عبد الله\u200f" + "ـ")
	m := Default()
	f.Fuzz(func(t *testing.T, text string) {
		d := token.Tokenize(text)
		checkMentions(t, text, d, m.Recognize(d))
	})
}

// tinyCorpus is a hand-written training set for tests that need no
// shared data.
func tinyCorpus() []*Aligned {
	lines := []string{
		"قال/O الرئيس/O جورج/B-PER بوش/I-PER في/O واشنطن/B-LOC ./O",
		"زار/O وزير/O الخارجية/O القاهرة/B-LOC والتقى/O عمرو/B-PER موسى/I-PER ./O",
		"أعلنت/O شركة/O أرامكو/B-ORG عن/O أرباح/O في/O السعودية/B-LOC ./O",
		"وصل/O محمد/B-PER علي/I-PER إلى/O باريس/B-LOC لحضور/O بطولة/B-MISC فرنسا/I-MISC ./O",
		"دعت/O الأمم/B-ORG المتحدة/I-ORG إلى/O التهدئة/O في/O لبنان/B-LOC ./O",
	}
	var out []*Aligned
	for _, l := range lines {
		var s conll.Sentence
		for _, f := range strings.Fields(l) {
			i := strings.LastIndexByte(f, '/')
			s.Tokens = append(s.Tokens, f[:i])
			s.Tags = append(s.Tags, f[i+1:])
		}
		out = append(out, Align(s))
	}
	return out
}

// TestTrainDeterministic trains twice on the same data and compares the
// bytes, then checks the model round-trips: it loads, and labels its own
// training data.
func TestTrainDeterministic(t *testing.T) {
	for _, crf := range []bool{true, false} {
		t.Run(fmt.Sprintf("crf=%v", crf), func(t *testing.T) {
			testTrainDeterministic(t, TrainOptions{Name: "tiny", Epochs: 5, Seed: 7, Ensemble: 2, CRF: crf, L2: 1e-4, Rate: 0.1, OPenalty: 1})
		})
	}
}

func testTrainDeterministic(t *testing.T, opt TrainOptions) {
	a, err := Train(tinyCorpus(), opt)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Train(tinyCorpus(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if string(a) != string(b) {
		t.Fatal("two trainings with the same seed gave different model files")
	}
	m, ok := Load(a, "sha256:x")
	if !ok {
		t.Fatal("Load rejected a trained model")
	}
	if m.Name() != "tiny" || m.Hash() != "sha256:x" {
		t.Errorf("Name, Hash = %q, %q; want tiny, sha256:x", m.Name(), m.Hash())
	}
	sc := Evaluate(m, tinyCorpus())
	if f := sc.Micro().F1(); f < 90 {
		t.Errorf("F1 on its own training data = %.1f; want >= 90", f)
	}
	if _, ok := Load(a[:len(a)-1], ""); ok {
		t.Error("Load accepted a truncated model")
	}
	if _, ok := Load([]byte("TNER"), ""); ok {
		t.Error("Load accepted a header-only model")
	}
	// A table with no empty slot would make every lookup of a missing
	// feature probe for ever.
	full := []byte(string(a))
	l, _ := parseLayout(full)
	for i := 0; i < len(l.slots); i += l.slotSize {
		if l.slots[i] == 0 && l.slots[i+1] == 0 {
			l.slots[i] = 1
		}
	}
	if _, ok := Load(full, ""); ok {
		t.Error("Load accepted a model whose table has no empty slot")
	}
}

// TestAlignLossless checks that moving the corpus labels onto tokens and
// back loses nothing: scoring the gold labels so moved gives 100.
func TestAlignLossless(t *testing.T) {
	p := testenv.Shared(t, "data/anercorp/ANERCorp_CamelLab_test.approx.txt")
	s, err := conll.ReadFile(p, conll.ANERcorp)
	if err != nil {
		t.Fatal(err)
	}
	sc := conll.NewScore()
	for _, x := range s {
		a := Align(x)
		sc.Add(x.Tags, a.Project(appendMentions(nil, a.Labels, a.Doc.Tokens, 0)))
	}
	if m := sc.Micro(); m.F1() != 100 || m.Gold != 2231 {
		t.Errorf("gold labels through Align and Project: %+v, F1 %.2f; want 2231 entities, F1 100", m, m.F1())
	}
}

// TestTestSetF1 guards against regressions: the embedded model must score
// within 0.5 of its committed ANERcorp test F1.
func TestTestSetF1(t *testing.T) {
	p := testenv.Shared(t, "data/anercorp")
	s, err := conll.ReadFile(filepath.Join(p, "ANERCorp_CamelLab_test.approx.txt"), conll.ANERcorp)
	if err != nil {
		t.Fatal(err)
	}
	var docs []*Aligned
	for _, x := range conll.Group(s, 20) {
		docs = append(docs, Align(x))
	}
	sc := Evaluate(Default(), docs)
	f := sc.Micro().F1()
	t.Logf("ANERcorp test micro F1 %.2f", f)
	if f < committedTestF1-0.5 {
		t.Errorf("ANERcorp test micro F1 = %.2f; want >= %.2f (committed %.2f)", f, committedTestF1-0.5, committedTestF1)
	}
}

func ExampleModel_Recognize() {
	d := token.Tokenize("وقال الرئيس الأمريكي جورج بوش في واشنطن إن الولايات المتحدة لن تتراجع.")
	for _, m := range Default().Recognize(d) {
		fmt.Println(m.Type, mentionText(d, m))
	}
	// Output:
	// PER جورج بوش
	// LOC واشنطن
	// LOC الولايات المتحدة
}

func TestKnownAllocs(t *testing.T) {
	m := Default()
	if n := testing.AllocsPerRun(100, func() { m.Known("بلينكن") }); n != 0 {
		t.Errorf("Known allocates %v times; want 0", n)
	}
}

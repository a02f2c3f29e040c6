package conll

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	in := "\ufeffفرانكفورت B-LOC\n(د O\nاتحاد B-ORG\nصناعة I-ORG\n\nالصالحية ونايفة O\nبيروت I-LOC\n"
	got, err := Read(strings.NewReader(in), ANERcorp)
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Tokens: []string{"فرانكفورت", "(د", "اتحاد", "صناعة"}, Tags: []string{"B-LOC", "O", "B-ORG", "I-ORG"}},
		// A token may hold a space; an I- tag after O starts an entity.
		{Tokens: []string{"الصالحية ونايفة", "بيروت"}, Tags: []string{"O", "B-LOC"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Read = %q; want %q", got, want)
	}
}

func TestTagMappers(t *testing.T) {
	tests := []struct {
		mapper    TagMapper
		name, raw string
		want      string
	}{
		{ANERcorp, "ANERcorp", "B-PERS", "B-PER"},
		{ANERcorp, "ANERcorp", "I-PERS", "I-PER"},
		{ANERcorp, "ANERcorp", "B-MISC", "B-MISC"},
		{ANERcorp, "ANERcorp", "O", "O"},
		{ANERcorp, "ANERcorp", "B-FOO", "O"},
		{AQMAR, "AQMAR", "B-MIS1", "B-MISC"},
		{AQMAR, "AQMAR", "I-MIS3", "I-MISC"},
		{AQMAR, "AQMAR", "B-MISS1", "B-MISC"},
		{AQMAR, "AQMAR", "B-MIS-2", "B-MISC"},
		{AQMAR, "AQMAR", "B-MIS1`", "B-MISC"},
		{AQMAR, "AQMAR", "B-MIS", "B-MISC"},
		{AQMAR, "AQMAR", "I--ORG", "I-ORG"},
		{AQMAR, "AQMAR", "OO", "O"},
		{AQMAR, "AQMAR", "IO", "O"},
		{AQMAR, "AQMAR", "B-ENGLISH", "B-MISC"},
		{AQMAR, "AQMAR", "B-SPANISH", "B-MISC"},
		{AQMAR, "AQMAR", "B-PER", "B-PER"},
		{Wojood, "Wojood", "B-GPE", "B-LOC"},
		{Wojood, "Wojood", "I-PERS", "I-PER"},
		{Wojood, "Wojood", "B-OCC", "O"},
		{Wojood, "Wojood", "B-DATE", "O"},
	}
	for _, tt := range tests {
		if got := tt.mapper(tt.raw); got != tt.want {
			t.Errorf("%s(%q) = %q; want %q", tt.name, tt.raw, got, tt.want)
		}
	}
}

func TestReadNested(t *testing.T) {
	in := "سكرتير B-OCC\nاللجنة I-OCC B-ORG\nالقومية I-OCC I-ORG\nفي I-OCC\nنابلس I-OCC B-GPE\n$#$ O\nعمان B-GPE\n"
	got, err := ReadNested(strings.NewReader(in), Wojood)
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Tokens: []string{"سكرتير", "اللجنة", "القومية", "في", "نابلس"}, Tags: []string{"O", "B-ORG", "I-ORG", "O", "B-LOC"}},
		{Tokens: []string{"عمان"}, Tags: []string{"B-LOC"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ReadNested = %q; want %q", got, want)
	}
}

func TestSpans(t *testing.T) {
	tests := []struct {
		tags string
		want []Span
	}{
		{"O O", nil},
		{"B-PER I-PER O B-LOC", []Span{{"PER", 0, 2}, {"LOC", 3, 4}}},
		{"B-PER B-PER", []Span{{"PER", 0, 1}, {"PER", 1, 2}}},
		// As conlleval reads them: an I- after O or after another type
		// starts an entity.
		{"I-ORG I-ORG O I-LOC", []Span{{"ORG", 0, 2}, {"LOC", 3, 4}}},
		{"B-PER I-LOC", []Span{{"PER", 0, 1}, {"LOC", 1, 2}}},
	}
	for _, tt := range tests {
		if got := Spans(strings.Fields(tt.tags)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Spans(%q) = %v; want %v", tt.tags, got, tt.want)
		}
	}
}

// TestScore checks the scorer against counts worked out by hand.
func TestScore(t *testing.T) {
	s := NewScore()
	// Gold: PER[0,2) LOC[3,4) ORG[5,7). Predicted: PER[0,2) (right),
	// LOC[3,4) typed ORG (wrong), ORG[5,6) (wrong boundary), MISC[7,8)
	// (spurious).
	s.Add(strings.Fields("B-PER I-PER O B-LOC O B-ORG I-ORG O"),
		strings.Fields("B-PER I-PER O B-ORG O B-ORG O B-MISC"))
	// Gold LOC[0,1) found; gold PER[1,2) missed.
	s.Add(strings.Fields("B-LOC B-PER"), strings.Fields("B-LOC O"))
	want := map[string]Counts{
		"PER":  {Gold: 2, Pred: 1, Correct: 1},
		"LOC":  {Gold: 2, Pred: 1, Correct: 1},
		"ORG":  {Gold: 1, Pred: 2, Correct: 0},
		"MISC": {Gold: 0, Pred: 1, Correct: 0},
	}
	for typ, w := range want {
		if got := *s.ByType[typ]; got != w {
			t.Errorf("%s counts = %+v; want %+v", typ, got, w)
		}
	}
	m := s.Micro()
	if m != (Counts{Gold: 5, Pred: 5, Correct: 2}) {
		t.Errorf("Micro() = %+v; want {5 5 2}", m)
	}
	// P = R = 2/5.
	if p, r, f := m.Precision(), m.Recall(), m.F1(); p != 40 || r != 40 || f != 40 {
		t.Errorf("micro P/R/F1 = %v/%v/%v; want 40/40/40", p, r, f)
	}
	if f := s.ByType["PER"].F1(); fmt.Sprintf("%.4f", f) != "66.6667" {
		t.Errorf("PER F1 = %v; want 66.6667 (P 100, R 50)", f)
	}
	if f := s.ByType["MISC"].F1(); f != 0 {
		t.Errorf("MISC F1 = %v; want 0", f)
	}
}

func TestGroup(t *testing.T) {
	s := []Sentence{{[]string{"a"}, []string{"O"}}, {[]string{"b"}, []string{"B-PER"}}, {[]string{"c"}, []string{"O"}}}
	got := Group(s, 2)
	want := []Sentence{{[]string{"a", "b"}, []string{"O", "B-PER"}}, {[]string{"c"}, []string{"O"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Group = %v; want %v", got, want)
	}
}

func ExampleScore() {
	s := NewScore()
	s.Add([]string{"B-PER", "I-PER", "O", "B-LOC"}, []string{"B-PER", "I-PER", "O", "O"})
	m := s.Micro()
	fmt.Printf("P %.1f R %.1f F1 %.1f\n", m.Precision(), m.Recall(), m.F1())
	// Output: P 100.0 R 50.0 F1 66.7
}

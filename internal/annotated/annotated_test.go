package annotated

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"tahlil/internal/conll"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		src, text string
		names     []conll.Span
	}{
		{"no names", "no names", nil},
		{"قال [[PER أنتوني بلينكن]] في [[LOC الدوحة]].", "قال أنتوني بلينكن في الدوحة.",
			[]conll.Span{{Type: "PER", Start: 4, End: 17}, {Type: "LOC", Start: 21, End: 27}}},
		{"و[[PER نتنياهو]]", "ونتنياهو", []conll.Span{{Type: "PER", Start: 1, End: 8}}},
		{"لل[[ORG أمم المتحدة]]\n[[MISC كأس العالم]]", "للأمم المتحدة\nكأس العالم",
			[]conll.Span{{Type: "ORG", Start: 2, End: 13}, {Type: "MISC", Start: 14, End: 24}}},
		{"a [x] b", "a [x] b", nil},
	} {
		a, err := Parse(c.src)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.src, err)
			continue
		}
		if a.Text != c.text || !reflect.DeepEqual(a.Names, c.names) {
			t.Errorf("Parse(%q) = %q %v, want %q %v", c.src, a.Text, a.Names, c.text, c.names)
		}
		if got := Format(a.Text, a.Names); got != c.src {
			t.Errorf("Format(Parse(%q)) = %q", c.src, got)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"[[PER زيد", "line 1: mark is not closed"},
		{"[[PER]]", "line 1: mark is not closed"},
		{"a\nb]]", "line 2: \"]]\" closes no mark"},
		{"\n\n[[NAME زيد]]", "line 3: unknown type \"NAME\""},
		{"[[PER زيد [[LOC مصر]]]]", "line 1: mark inside a mark"},
		{"[[PER  زيد]]", "line 1: name \" زيد\" is empty or has space at an end"},
		{"[[LOC ]]", "line 1: name \"\" is empty or has space at an end"},
	} {
		_, err := Parse(c.src)
		if err == nil || err.Error() != c.want {
			t.Errorf("Parse(%q) error = %v, want %s", c.src, err, c.want)
		}
	}
}

func TestDiff(t *testing.T) {
	gold := []conll.Span{{Type: "PER", Start: 0, End: 3}, {Type: "LOC", Start: 5, End: 8}}
	pred := []conll.Span{{Type: "PER", Start: 0, End: 3}, {Type: "ORG", Start: 5, End: 8}, {Type: "LOC", Start: 9, End: 10}}
	missed, spurious := Diff(gold, pred)
	if want := gold[1:]; !reflect.DeepEqual(missed, want) {
		t.Errorf("missed = %v, want %v", missed, want)
	}
	if want := pred[1:]; !reflect.DeepEqual(spurious, want) {
		t.Errorf("spurious = %v, want %v", spurious, want)
	}
}

func TestSentence(t *testing.T) {
	tests := []struct{ src, want string }{
		{"قال [[PER أنتوني بلينكن]] في [[LOC الدوحة]].", "قال/O أنتوني/B-PER بلينكن/I-PER في/O الدوحة/B-LOC ./O"},
		// Proclitics stay on the word, as in the corpus.
		{"دعا لل[[ORG أمم المتحدة]] و[[PER زيد]]", "دعا/O للأمم/B-ORG المتحدة/I-ORG وزيد/B-PER"},
		// Punctuation is a token of its own; two names side by side stay two.
		{"«[[MISC سماء من قش]]» [[PER جان]]-[[PER لوك موريل]]", "«/O سماء/B-MISC من/I-MISC قش/I-MISC »/O جان/B-PER -/O لوك/B-PER موريل/I-PER"},
		{"[[LOC غزة]] [[LOC رفح]]\u200f،\n2025", "غزة/B-LOC رفح/B-LOC ،/O 2025/O"},
		{"", ""},
	}
	for _, tt := range tests {
		a, err := Parse(tt.src)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.src, err)
		}
		s := a.Sentence()
		var got []string
		for i, tok := range s.Tokens {
			got = append(got, tok+"/"+s.Tags[i])
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Sentence(%q) =\n%s\nwant\n%s", tt.src, g, tt.want)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"قال [[PER زيد]] في [[LOC مصر]]", "[[PER", "]]", "[[ORG a]]b[[MISC c d]]", "[[LOC \xff]]"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		a, err := Parse(src)
		if err != nil {
			return
		}
		n := utf8.RuneCountInString(a.Text)
		last := 0
		for _, s := range a.Names {
			if s.Start < last || s.End <= s.Start || s.End > n {
				t.Fatalf("Parse(%q): bad span %v in %d code points", src, s, n)
			}
			last = s.End
		}
		s := a.Sentence()
		if len(s.Tokens) != len(s.Tags) {
			t.Fatalf("Sentence(%q): %d tokens, %d tags", src, len(s.Tokens), len(s.Tags))
		}
		if got, want := len(conll.Spans(s.Tags)), len(a.Names); got > want {
			t.Fatalf("Sentence(%q): %d names from %d", src, got, want)
		}
		if utf8.ValidString(src) {
			if got := Format(a.Text, a.Names); got != src {
				t.Fatalf("Format(Parse(%q)) = %q", src, got)
			}
		}
	})
}

func ExampleParse() {
	a, err := Parse("وصل [[PER زيد الخطيب]] إلى [[LOC عمّان]] أمس.")
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Text)
	for _, n := range a.Names {
		fmt.Println(n.Type, string([]rune(a.Text)[n.Start:n.End]))
	}
	missed, spurious := Diff(a.Names, []conll.Span{{Type: "PER", Start: 4, End: 14}, {Type: "ORG", Start: 19, End: 24}})
	fmt.Println(len(missed), "missed,", len(spurious), "spurious:", strings.TrimSpace(Format(a.Text, spurious)))
	// Output:
	// وصل زيد الخطيب إلى عمّان أمس.
	// PER زيد الخطيب
	// LOC عمّان
	// 1 missed, 1 spurious: وصل زيد الخطيب إلى [[ORG عمّان]] أمس.
}

func TestReadDir(t *testing.T) {
	dir := t.TempDir()
	if _, err := ReadDir(dir); err == nil {
		t.Error("ReadDir of a directory with no articles: no error")
	}
	for name, src := range map[string]string{"b.txt": "في [[LOC عمّان]]", "a.txt": "قال [[PER زيد]]", "c.md": "[[PER"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || filepath.Base(files[0].Path) != "a.txt" || files[1].Names[0].Type != "LOC" {
		t.Errorf("ReadDir = %+v; want a.txt then b.txt", files)
	}
	if err := os.WriteFile(filepath.Join(dir, "d.txt"), []byte("[[PER"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadDir(dir); err == nil || !strings.Contains(err.Error(), "d.txt") {
		t.Errorf("ReadDir with a bad article: %v; want an error naming d.txt", err)
	}
}

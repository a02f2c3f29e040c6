package main

import (
	"strings"
	"testing"

	"tahlil/internal/annotated"
	"tahlil/internal/conll"
)

func TestSplitDevTail(t *testing.T) {
	s := make([]conll.Sentence, 1000)
	for i := range s {
		s[i].Tokens = []string{string(rune('a' + i%26))}
	}
	train, dev := splitDevTail(s)
	if len(train) != 880 || len(dev) != 120 {
		t.Fatalf("split 1000 sentences into %d + %d; want 880 + 120", len(train), len(dev))
	}
	if &dev[0] != &s[880] || &train[len(train)-1] != &s[879] {
		t.Error("dev is not the contiguous tail of the corpus")
	}
}

func TestCorpusOmits(t *testing.T) {
	a, err := annotated.Parse("قالت [[ORG وزارة الصحة]] إن [[ORG الجيش الإسرائيلي]] قصف [[ORG مستشفى الشفاء]] و[[LOC الجيش]] و[[ORG الأمم المتحدة]]")
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	text := []rune(a.Text)
	for _, n := range a.Names {
		if !corpusOmits(n.Type, string(text[n.Start:n.End])) {
			kept = append(kept, string(text[n.Start:n.End]))
		}
	}
	if got, want := strings.Join(kept, "|"), "مستشفى الشفاء|الجيش|الأمم المتحدة"; got != want {
		t.Errorf("names kept for training = %s; want %s", got, want)
	}
}

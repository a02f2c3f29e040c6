package main

import (
	"testing"

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

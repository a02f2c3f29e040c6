package main

import (
	"testing"

	"tahlil/internal/analysis/analysistest"
	"tahlil/internal/conll"
)

func TestScorePipeline(t *testing.T) {
	names := analysistest.Names{"انتوني بلينكن": "PER", "غزه": "LOC", "بلينكن": "PER"}
	docs := []conll.Sentence{{
		Tokens: []string{"قال", "أنتوني", "بلينكن", "إن", "غزة", "تنتظر", "،", "ووصل", "وبلينكن", "7", "أكتوبر"},
		Tags:   []string{"O", "B-PER", "I-PER", "O", "B-ORG", "O", "O", "O", "B-PER", "O", "O"},
	}}
	s, err := scorePipeline(docs, names)
	if err != nil {
		t.Fatal(err)
	}
	// بلينكن twice right (the second after its proclitics), غزة with the
	// wrong type, and the date left out of the score.
	for typ, want := range map[string]conll.Counts{
		"PER": {Gold: 2, Pred: 2, Correct: 2},
		"ORG": {Gold: 1},
		"LOC": {Pred: 1},
	} {
		if got := s.ByType[typ]; got == nil || *got != want {
			t.Errorf("%s counts = %+v; want %+v", typ, got, want)
		}
	}
	if _, ok := s.ByType["DATE"]; ok {
		t.Error("DATE was scored")
	}
}

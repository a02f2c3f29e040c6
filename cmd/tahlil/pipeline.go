package main

import (
	"strings"
	"unicode/utf8"

	"tahlil/internal/analysis"
	"tahlil/internal/conll"
)

// scorePipeline scores what Analyze returns, rather than the entity model
// alone: each document (corpus sentences joined by spaces, as the model is
// scored) goes through the whole analysis with r as its model, and each
// PER/LOC/ORG/MISC entity is projected onto the corpus words it touches.
func scorePipeline(docs []conll.Sentence, r analysis.Recognizer) (*conll.Score, error) {
	s := conll.NewScore()
	for _, doc := range docs {
		// wordAt maps a code point of the text to its corpus word.
		var b strings.Builder
		wordAt := make([]int, 0, len(doc.Tokens)*6)
		for i, w := range doc.Tokens {
			if i > 0 {
				b.WriteByte(' ')
				wordAt = append(wordAt, i) // a space belongs to the word after it
			}
			b.WriteString(w)
			for range utf8.RuneCountInString(w) {
				wordAt = append(wordAt, i)
			}
		}
		res, err := analysis.AnalyzeWith(b.String(), analysis.Options{}, r)
		if err != nil {
			return nil, err
		}
		pred := make([]string, len(doc.Tokens))
		for i := range pred {
			pred[i] = "O"
		}
		for _, e := range res.Entities {
			switch e.Type {
			case "PER", "LOC", "ORG", "MISC":
			default:
				continue
			}
			first, last := wordAt[e.Start], wordAt[e.End-1]
			if pred[first] != "O" {
				continue // a second entity in one corpus word
			}
			pred[first] = "B-" + e.Type
			for i := first + 1; i <= last; i++ {
				pred[i] = "I-" + e.Type
			}
		}
		s.Add(doc.Tags, pred)
	}
	return s, nil
}

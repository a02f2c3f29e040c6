package analysis

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"tahlil/internal/conll"
	"tahlil/internal/ner"
	"tahlil/internal/numdate"
	"tahlil/internal/testenv"
	"tahlil/internal/token"
)

// TestPostProcessingOnArticles scores the model's names before and after the
// document-level steps of Analyze (splitting joined names, giving back
// letters, propagation, one type per name) on the AQMAR train articles, whole
// Wikipedia articles with gold names. The steps must not cost accuracy.
func TestPostProcessingOnArticles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(testenv.Shared(t, "data/aqmar/train"), "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no AQMAR train files: %v", err)
	}
	type ent struct {
		typ  string
		a, b int
	}
	raw, full := conll.NewScore(), conll.NewScore()
	count := func(s *conll.Score, gold, pred []ent) {
		in := map[ent]bool{}
		for _, g := range gold {
			counts(s, g.typ).Gold++
			in[g] = true
		}
		for _, p := range pred {
			c := counts(s, p.typ)
			c.Pred++
			if in[p] {
				c.Correct++
				delete(in, p)
			}
		}
	}
	for _, f := range files {
		sents, err := conll.ReadFile(f, conll.AQMAR)
		if err != nil {
			t.Fatal(err)
		}
		// The article as text, a sentence per line, and each word's start.
		var b strings.Builder
		var starts []int
		var gold []ent
		pos, nw := 0, 0
		for si, s := range sents {
			if si > 0 {
				b.WriteByte('\n')
				pos++
			}
			for _, sp := range conll.Spans(s.Tags) {
				gold = append(gold, ent{sp.Type, nw + sp.Start, nw + sp.End})
			}
			for wi, w := range s.Tokens {
				if wi > 0 {
					b.WriteByte(' ')
					pos++
				}
				starts = append(starts, pos)
				b.WriteString(w)
				pos += utf8.RuneCountInString(w)
				nw++
			}
		}
		starts = append(starts, pos+1)
		word := func(cp int) int { return sort.Search(nw, func(i int) bool { return starts[i+1] > cp }) }
		d := token.Tokenize(b.String())
		ms := ner.Default().Recognize(d)
		var before, after []ent
		for _, m := range ms {
			before = append(before, ent{m.Type, word(d.Tokens[m.Start].Start), word(d.Tokens[m.End-1].End-1) + 1})
		}
		ents, _, _ := assemble(d, ms, numdate.Find(d))
		for _, e := range ents {
			if e.Type != DATE && e.Type != NUM {
				after = append(after, ent{e.Type, word(e.Start), word(e.End-1) + 1})
			}
		}
		count(raw, gold, before)
		count(full, gold, after)
	}
	var b strings.Builder
	b.WriteString("model alone:\n")
	raw.Write(&b)
	b.WriteString("\nafter Analyze's document-level steps:\n")
	full.Write(&b)
	t.Logf("AQMAR train, %d articles:\n%s", len(files), b.String())
	if r, f := raw.Micro().F1(), full.Micro().F1(); f < r-0.5 {
		t.Errorf("document-level steps lower micro F1 from %.1f to %.1f", r, f)
	}
}

func counts(s *conll.Score, typ string) *conll.Counts {
	c := s.ByType[typ]
	if c == nil {
		c = &conll.Counts{}
		s.ByType[typ] = c
	}
	return c
}

package main

import (
	"fmt"
	"io"
	"path/filepath"

	"tahlil/internal/analysis"
	"tahlil/internal/annotated"
	"tahlil/internal/conll"
	"tahlil/internal/ner"
)

// evalNews scores the whole analysis, with model m, on the annotated
// articles in dir and prints the table, and with errs each article's misses.
func evalNews(dir string, m *ner.Model, errs bool, w io.Writer) error {
	arts, err := annotated.ReadDir(dir)
	if err != nil {
		return err
	}
	s := conll.NewScore()
	for _, a := range arts {
		f := a.Path
		pred, err := names(a.Text, m)
		if err != nil {
			return fmt.Errorf("%s: %v", f, err)
		}
		s.AddSpans(a.Names, pred)
		if errs {
			missed, spurious := annotated.Diff(a.Names, pred)
			if len(missed)+len(spurious) == 0 {
				continue
			}
			fmt.Fprintf(w, "%s\n", filepath.Base(f))
			text := []rune(a.Text)
			for _, m := range missed {
				fmt.Fprintf(w, "  missed   %-4s %s\n", m.Type, string(text[m.Start:m.End]))
			}
			for _, p := range spurious {
				fmt.Fprintf(w, "  spurious %-4s %s\n", p.Type, string(text[p.Start:p.End]))
			}
		}
	}
	fmt.Fprintf(w, "%d annotated articles in %s, the whole analysis:\n", len(arts), dir)
	s.Write(w)
	return nil
}

// names returns the PER, LOC, ORG and MISC entities the analysis finds in
// text with model m.
func names(text string, m *ner.Model) ([]conll.Span, error) {
	res, err := analysis.AnalyzeWith(text, analysis.Options{}, m)
	if err != nil {
		return nil, err
	}
	var out []conll.Span
	for _, e := range res.Entities {
		switch e.Type {
		case "PER", "LOC", "ORG", "MISC":
			out = append(out, conll.Span{Type: e.Type, Start: e.Start, End: e.End})
		}
	}
	return out, nil
}

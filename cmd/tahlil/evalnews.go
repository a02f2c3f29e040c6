package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"tahlil/internal/analysis"
	"tahlil/internal/annotated"
	"tahlil/internal/conll"
	"tahlil/internal/ner"
)

// article is one annotated article and the file it came from.
type article struct {
	file string
	annotated.Article
}

// readArticles reads the annotated articles (*.txt) in dir, sorted by name.
func readArticles(dir string) ([]article, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: no annotated articles (*.txt)", dir)
	}
	sort.Strings(files)
	out := make([]article, 0, len(files))
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		a, err := annotated.Parse(string(src))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		out = append(out, article{f, a})
	}
	return out, nil
}

// evalNews scores the whole analysis, with model m, on the annotated
// articles in dir and prints the table, and with errs each article's misses.
func evalNews(dir string, m *ner.Model, errs bool, w io.Writer) error {
	arts, err := readArticles(dir)
	if err != nil {
		return err
	}
	s := conll.NewScore()
	for _, a := range arts {
		f := a.file
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

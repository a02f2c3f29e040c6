package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"tahlil/internal/conll"
	"tahlil/internal/ner"
)

func init() {
	commands["eval"] = command{"score the entity model on ANERcorp test and AQMAR test (CoNLL entity level)", runEval}
}

func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", defaultDataDir(), "directory holding anercorp/ and aqmar/")
	modelPath := fs.String("model", "", "model file to score instead of the embedded one")
	pipeline := fs.Bool("pipeline", false, "also score what the whole analysis returns (model, rules and document-level steps)")
	news := fs.String("news", "", "score the whole analysis on the hand-annotated articles (*.txt) in this directory, such as internal/analysis/testdata/annotated/dev, instead of the corpora")
	errs := fs.Bool("errors", false, "with -news, print each article's missed and spurious names")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	m := ner.Default()
	if *modelPath != "" {
		b, err := os.ReadFile(*modelPath)
		if err != nil {
			fmt.Fprintf(stderr, "tahlil eval: %v\n", err)
			return 1
		}
		var ok bool
		if m, ok = ner.Load(b, ""); !ok {
			fmt.Fprintf(stderr, "tahlil eval: %s is not a model file\n", *modelPath)
			return 1
		}
	}
	if *news != "" {
		if err := evalNews(*news, m, *errs, stdout); err != nil {
			fmt.Fprintf(stderr, "tahlil eval: %v\n", err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(stdout, "model %s %s\n", m.Name(), m.Hash())
	for _, c := range []struct {
		name string
		read func() ([]conll.Sentence, error)
	}{
		{"ANERcorp test", func() ([]conll.Sentence, error) {
			return conll.ReadFile(filepath.Join(*data, anercorpTest), conll.ANERcorp)
		}},
		{"AQMAR test", func() ([]conll.Sentence, error) {
			return conll.ReadDir(filepath.Join(*data, aqmarTest), conll.AQMAR)
		}},
	} {
		s, err := c.read()
		if err != nil {
			fmt.Fprintf(stderr, "tahlil eval: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "\n%s (%d sentences)\n", c.name, len(s))
		docs := conll.Group(s, defaultDocSentences)
		ner.Evaluate(m, alignAll(docs)).Write(stdout)
		if *pipeline {
			sc, err := scorePipeline(docs, m)
			if err != nil {
				fmt.Fprintf(stderr, "tahlil eval: %v\n", err)
				return 1
			}
			fmt.Fprintf(stdout, "\n%s, the whole analysis (model, rules and document-level steps):\n", c.name)
			sc.Write(stdout)
		}
	}
	return 0
}

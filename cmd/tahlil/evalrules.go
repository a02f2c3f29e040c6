package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"tahlil/internal/numdate"
)

func init() {
	commands["evalrules"] = command{"score the DATE/NUM rules on the Wojood sample (--split train|val|test)", runEvalRules}
}

func runEvalRules(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("evalrules", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", defaultDataDir(), "directory holding wojood-sample/")
	split := fs.String("split", "test", "Wojood split to score: train, val or test")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	switch *split {
	case "train", "val", "test":
	default:
		fmt.Fprintf(stderr, "tahlil evalrules: --split must be train, val or test, not %q\n", *split)
		return 2
	}
	f, err := os.Open(filepath.Join(*data, "wojood-sample", *split+".txt"))
	if err != nil {
		fmt.Fprintf(stderr, "tahlil evalrules: %v\n", err)
		return 1
	}
	defer f.Close()
	s, err := numdate.ScoreWojood(f)
	if err != nil {
		fmt.Fprintf(stderr, "tahlil evalrules: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "Wojood sample %s (%d sentences): DATE = DATE; NUM = CARDINAL, MONEY, PERCENT, QUANTITY\n\n", *split, s.Sentences)
	s.Write(stdout)
	return 0
}

package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"

	"tahlil/internal/analysis"
)

func init() {
	commands["analyze"] = command{"find entities (--json for the API result)", runAnalyze}
}

func runAnalyze(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the JSON analysis result")
	preset := fs.String("normalize", "", "include the text normalized with this preset")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	input, err := readInputs(fs.Args(), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "tahlil analyze: %v\n", err)
		return 1
	}
	res, err := analysis.Analyze(input, analysis.Options{Normalize: *preset})
	if err != nil {
		fmt.Fprintf(stderr, "tahlil analyze: %v\n", err)
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.Encode(res)
		return 0
	}
	for _, e := range res.Entities {
		fmt.Fprintf(stdout, "%s\t%s\n", e.Type, e.Text)
	}
	return 0
}

package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"

	"tahlil/internal/normalize"
)

func init() {
	commands["normalize"] = command{"print normalized text (--preset search|lucene|display, --json)", runNormalize}
}

func runNormalize(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("normalize", flag.ContinueOnError)
	fs.SetOutput(stderr)
	preset := fs.String("preset", "search", "normalization preset: search, lucene or display")
	asJSON := fs.Bool("json", false, "print {\"text\", \"spans\"} JSON")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	n, ok := normalize.Preset(*preset)
	if !ok {
		fmt.Fprintf(stderr, "tahlil normalize: unknown preset %q\n", *preset)
		return 2
	}
	input, err := readInputs(fs.Args(), stdin)
	if err != nil {
		fmt.Fprintf(stderr, "tahlil normalize: %v\n", err)
		return 1
	}
	if !*asJSON {
		io.WriteString(stdout, n.String(input))
		return 0
	}
	m := n.Map(input)
	spans := make([][2]int, len(m.Spans))
	for i, s := range m.Spans {
		spans[i] = [2]int{s.Start, s.End}
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(struct {
		Text  string   `json:"text"`
		Spans [][2]int `json:"spans"`
	}{m.Text, spans}); err != nil {
		fmt.Fprintf(stderr, "tahlil normalize: %v\n", err)
		return 1
	}
	return 0
}

// readInputs concatenates the named files, or reads stdin when none is given.
func readInputs(files []string, stdin io.Reader) (string, error) {
	if len(files) == 0 {
		b, err := io.ReadAll(stdin)
		return string(b), err
	}
	var all []byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		all = append(all, b...)
	}
	return string(all), nil
}

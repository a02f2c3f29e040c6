package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"tahlil/internal/normalize"
)

func init() {
	commands["normalize"] = command{"print normalized text (--preset search|lucene|display, --json)", runNormalize}
}

const normalizeUsage = `usage: tahlil normalize [--preset NAME] [--json] [FILE...]

Normalizes the concatenation of the FILEs (or stdin when none is given) and
prints only the normalized text. With --json it prints
{"text": "...", "spans": [[start,end], ...]}: one span per output code point,
the half-open range of input code points it came from. Invalid UTF-8 bytes
count as one input code point each and become U+FFFD.

flags:
`

func runNormalize(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("normalize", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, normalizeUsage)
		fs.PrintDefaults()
	}
	preset := fs.String("preset", "search", "normalization preset: "+strings.Join(normalize.PresetNames, ", ")+
		", or a compatibility option set (see --list)")
	asJSON := fs.Bool("json", false, `print {"text", "spans"} JSON instead of the text`)
	list := fs.Bool("list", false, "list the presets and option sets with their folds, and exit")
	files, err := parseInterspersed(fs, args)
	if err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if *list {
		return listPresets(stdout)
	}
	n, ok := normalize.Preset(*preset)
	if !ok {
		fmt.Fprintf(stderr, "tahlil normalize: unknown preset %q (have %s; see --list)\n",
			*preset, strings.Join(normalize.PresetNames, ", "))
		return 2
	}
	input, err := readInputs(files, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "tahlil normalize: %v\n", err)
		return 1
	}
	w := bufio.NewWriter(stdout)
	if *asJSON {
		err = writeMappedJSON(w, n.Map(input))
	} else {
		_, err = w.WriteString(n.String(input))
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "tahlil normalize: writing output: %v\n", err)
		return 1
	}
	return 0
}

// parseInterspersed parses flags that may come before or after the file
// arguments (tahlil normalize a.txt --json), and returns the files. After
// "--" every argument is a file.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return files, nil
		}
		if i := len(args) - len(rest) - 1; i >= 0 && args[i] == "--" {
			return append(files, rest...), nil
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
}

// writeMappedJSON writes m as {"text": ..., "spans": [[start,end], ...]} and
// a newline. Spans are written by hand: one small array per code point
// would make encoding/json allocate a slice per span.
func writeMappedJSON(w *bufio.Writer, m normalize.Mapped) error {
	var text bytes.Buffer
	enc := json.NewEncoder(&text)
	enc.SetEscapeHTML(false) // the output is not HTML: keep < > & as they are
	if err := enc.Encode(m.Text); err != nil {
		return err
	}
	w.WriteString(`{"text":`)
	w.Write(bytes.TrimSuffix(text.Bytes(), []byte("\n")))
	w.WriteString(`,"spans":[`)
	var buf [48]byte
	for i, s := range m.Spans {
		b := buf[:0]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendInt(b, s.Start)
		b = append(b, ',')
		b = appendInt(b, s.End)
		b = append(b, ']')
		w.Write(b)
	}
	_, err := w.WriteString("]}\n")
	return err
}

func appendInt(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }

func listPresets(stdout io.Writer) int {
	w := bufio.NewWriter(stdout)
	for _, name := range normalize.PresetNames {
		n, _ := normalize.Preset(name)
		fmt.Fprintf(w, "%-26s %s\n", name, n.Folds())
	}
	for _, c := range normalize.Compats {
		fmt.Fprintf(w, "%-26s %s  (%s)\n", c.Name, c.Folds, c.Of)
	}
	if err := w.Flush(); err != nil {
		return 1
	}
	return 0
}

// readInputs concatenates the named files, or reads stdin when none is given.
func readInputs(files []string, stdin io.Reader) (string, error) {
	if len(files) == 0 {
		b, err := io.ReadAll(stdin)
		if err != nil {
			return "", fmt.Errorf("reading stdin: %w", err)
		}
		return string(b), nil
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

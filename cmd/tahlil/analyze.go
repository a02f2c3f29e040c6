package main

import (
	"bufio"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"tahlil/internal/analysis"
	"tahlil/internal/ner"
)

func init() {
	commands["analyze"] = command{"find entities, dates and numbers (--json for the API result)", runAnalyze}
}

// recognizer finds the names for tahlil analyze: the embedded model.
var recognizer analysis.Recognizer = ner.Default()

// typeColors are the ANSI colours of the entity types in the terminal view.
var typeColors = []struct{ typ, sgr, name string }{
	{analysis.PER, "1;36", "person"},
	{analysis.LOC, "1;32", "place"},
	{analysis.ORG, "1;33", "organization"},
	{analysis.MISC, "1;35", "other name"},
	{analysis.DATE, "1;34", "date"},
	{analysis.NUM, "1;31", "number"},
}

func runAnalyze(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: tahlil analyze [--json] [--normalize PRESET] [--color auto|always|never] [--model FILE] [FILE...]")
		fmt.Fprintln(stderr, "\nAnalyzes each FILE (or stdin) on its own. --json prints one API result per line.")
		fs.PrintDefaults()
	}
	asJSON := fs.Bool("json", false, "print the JSON analysis result, one line per input")
	preset := fs.String("normalize", "", "include the text normalized with this preset (search, lucene or display)")
	colorMode := fs.String("color", "auto", "colour the terminal view: auto (when stdout is a terminal and NO_COLOR is unset), always or never")
	modelPath := fs.String("model", "", "entity model file to use instead of the embedded one")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	rec := recognizer
	if *modelPath != "" {
		b, err := os.ReadFile(*modelPath)
		if err != nil {
			fmt.Fprintf(stderr, "tahlil analyze: %v\n", err)
			return 1
		}
		m, ok := ner.Load(b, "sha256:"+fmt.Sprintf("%x", sha256.Sum256(b)))
		if !ok {
			fmt.Fprintf(stderr, "tahlil analyze: %s is not a model file\n", *modelPath)
			return 1
		}
		rec = m
	}
	var color bool
	switch *colorMode {
	case "auto":
		color = isTerminal(stdout) && os.Getenv("NO_COLOR") == ""
	case "always":
		color = true
	case "never":
	default:
		fmt.Fprintf(stderr, "tahlil analyze: --color must be auto, always or never, not %q\n", *colorMode)
		return 2
	}
	type input struct{ name, text string }
	var inputs []input
	status := 0
	if fs.NArg() == 0 {
		b, err := io.ReadAll(stdin)
		if err != nil {
			fmt.Fprintf(stderr, "tahlil analyze: reading stdin: %v\n", err)
			return 1
		}
		inputs = append(inputs, input{"", string(b)})
	}
	for _, name := range fs.Args() {
		b, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintf(stderr, "tahlil analyze: %v\n", err)
			status = 1
			continue
		}
		inputs = append(inputs, input{name, string(b)})
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	for i, in := range inputs {
		res, err := analysis.AnalyzeWith(in.text, analysis.Options{Normalize: *preset}, rec)
		if err != nil {
			where := ""
			if in.name != "" {
				where = in.name + ": "
			}
			fmt.Fprintf(stderr, "tahlil analyze: %s%v\n", where, err)
			status = 1
			continue
		}
		if *asJSON {
			enc := json.NewEncoder(w)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(res); err != nil {
				fmt.Fprintf(stderr, "tahlil analyze: %v\n", err)
				return 1
			}
			continue
		}
		if len(inputs) > 1 {
			if i > 0 {
				w.WriteString("\n")
			}
			fmt.Fprintf(w, "==> %s <==\n", safe(in.name))
		}
		writeView(w, in.text, res, color)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "tahlil analyze: %v\n", err)
		return 1
	}
	return status
}

// isTerminal reports whether w is a character device such as a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// writeView prints the text with its entities marked, a legend, the entity
// groups and the stats. With color the marks are ANSI colours; without, each
// entity is written as [TYPE text].
func writeView(w *bufio.Writer, text string, res *analysis.Result, color bool) {
	sgr := map[string]string{}
	for _, c := range typeColors {
		sgr[c.typ] = c.sgr
	}
	mark := func(typ, s string) {
		if color {
			fmt.Fprintf(w, "\x1b[%sm%s\x1b[0m", sgr[typ], safe(s))
		} else {
			fmt.Fprintf(w, "[%s %s]", typ, safe(s))
		}
	}
	label := func(typ string) {
		if color {
			fmt.Fprintf(w, "\x1b[%sm%-4s\x1b[0m", sgr[typ], typ)
		} else {
			fmt.Fprintf(w, "%-4s", typ)
		}
	}
	// The text, walking code points and byte offsets together.
	cp, bp := 0, 0
	advance := func(to int) string {
		start := bp
		for cp < to && bp < len(text) {
			_, n := utf8.DecodeRuneInString(text[bp:])
			bp += n
			cp++
		}
		return text[start:bp]
	}
	for _, e := range res.Entities {
		w.WriteString(safe(advance(e.Start)))
		mark(e.Type, advance(e.End))
	}
	rest := advance(res.Length)
	w.WriteString(safe(rest))
	if !strings.HasSuffix(rest, "\n") {
		w.WriteString("\n")
	}

	w.WriteString("\n")
	for i, c := range typeColors {
		if i > 0 {
			w.WriteString("  ")
		}
		label(c.typ)
		fmt.Fprintf(w, " %s", c.name)
	}
	w.WriteString("\n\n")

	fmt.Fprintf(w, "%d entities in %d mentions:\n", len(res.Groups), len(res.Entities))
	for _, c := range typeColors {
		for _, g := range res.Groups {
			if g.Type != c.typ {
				continue
			}
			w.WriteString("  ")
			label(g.Type)
			fmt.Fprintf(w, "  %s ×%d\n", safe(g.Label), g.Count)
		}
	}
	st := res.Stats
	fmt.Fprintf(w, "\n%d words, %d sentences, about %.1f min to read\n", st.Words, st.Sentences, st.ReadingMinutes)
}

// safe replaces control characters other than newline and tab with visible
// symbols, so text cannot send escape sequences to the terminal, and bidi
// embeddings, overrides and isolates with U+FFFD, so text cannot reorder
// what the terminal shows (the JSON output keeps them).
func safe(s string) string {
	clean := true
	for _, r := range s {
		if isUnsafe(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r < 0x20 && isUnsafe(r):
			return 0x2400 + r // ␛ for ESC and the other control pictures
		case r == 0x7F:
			return 0x2421
		case isUnsafe(r):
			return utf8.RuneError
		}
		return r
	}, s)
}

func isUnsafe(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r >= 0x7F && r <= 0x9F ||
		r >= 0x202A && r <= 0x202E || r >= 0x2066 && r <= 0x2069 // bidi embeddings, overrides, isolates
}

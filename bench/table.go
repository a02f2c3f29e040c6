package bench

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Target is a goal a figure is held to, quoted from the project's
// requirements.
type Target struct {
	AtLeast bool    // the median must be ≥ Value; otherwise ≤ Value
	Value   float64 // in the row's unit
}

// Met reports whether v meets the target.
func (t Target) Met(v float64) bool {
	if t.AtLeast {
		return v >= t.Value
	}
	return v <= t.Value
}

func (t Target) String() string {
	op := "≤"
	if t.AtLeast {
		op = "≥"
	}
	return op + " " + FormatNumber(t.Value)
}

// Row is one figure of the results table.
type Row struct {
	Group  string // section: native, browser, peers
	Figure string
	Unit   string
	Sum    Summary
	// Err, when set, says why the figure could not be measured. The row is
	// then shown as failed, never left out.
	Err    string
	Target *Target
	Cmd    string // key of the Command that produced the figure
}

// Status is ✅ or ❌ for a row with a target, ❌ for a row that failed,
// and empty otherwise.
func (r Row) Status() string {
	switch {
	case r.Err != "":
		return "❌ not measured"
	case r.Target == nil:
		return ""
	case r.Target.Met(r.Sum.Median):
		return "✅"
	default:
		return "❌ misses"
	}
}

// Missed reports whether the row misses its target or failed.
func (r Row) Missed() bool { return strings.HasPrefix(r.Status(), "❌") }

// Command is one command line that produced figures of the table.
type Command struct {
	Key  string
	Line string
}

// Table is the benchmark results with the conditions they were taken under.
type Table struct {
	Machine  string // CPU, cores, OS
	Software string // Go and Chromium versions
	Date     string
	Commit   string
	Runs     string // how the figures were repeated
	Rows     []Row
	Commands []Command
	Notes    []string
}

// Add appends a row and returns it for further setting.
func (t *Table) Add(r Row) *Row {
	t.Rows = append(t.Rows, r)
	return &t.Rows[len(t.Rows)-1]
}

// Command registers a command line under key, once, and returns key.
func (t *Table) Command(key, line string) string {
	for _, c := range t.Commands {
		if c.Key == key {
			return key
		}
	}
	t.Commands = append(t.Commands, Command{key, line})
	return key
}

// Missed returns the rows that miss their target or could not be measured.
func (t *Table) Missed() []Row {
	var m []Row
	for _, r := range t.Rows {
		if r.Missed() {
			m = append(m, r)
		}
	}
	return m
}

// Markdown renders the conditions, the table, the commands and the notes.
func (t *Table) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "Measured %s on %s (%s), commit %s. %s\n\n", t.Date, t.Machine, t.Software, t.Commit, t.Runs)
	b.WriteString("| | figure | median | min | max | unit | target | status | command |\n")
	b.WriteString("|---|---|--:|--:|--:|---|---|---|---|\n")
	for _, r := range t.Rows {
		med, lo, hi := FormatNumber(r.Sum.Median), FormatNumber(r.Sum.Min), FormatNumber(r.Sum.Max)
		if r.Err != "" {
			med, lo, hi = "—", "—", "—"
		}
		target := ""
		if r.Target != nil {
			target = r.Target.String()
		}
		status := r.Status()
		if r.Err != "" {
			status += ": " + r.Err
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			cell(r.Group), cell(r.Figure), med, lo, hi, cell(r.Unit), target, cell(status), cmdRef(r.Cmd))
	}
	if len(t.Commands) > 0 {
		b.WriteString("\nCommands (run from the repository root; `./build.sh bench` runs them all):\n\n")
		for _, c := range t.Commands {
			fmt.Fprintf(&b, "- **%s**: `%s`\n", c.Key, c.Line)
		}
	}
	if len(t.Notes) > 0 {
		b.WriteString("\nNotes:\n\n")
		for _, n := range t.Notes {
			fmt.Fprintf(&b, "- %s\n", n)
		}
	}
	return b.String()
}

func cmdRef(key string) string {
	if key == "" {
		return ""
	}
	return "**" + key + "**"
}

// cell makes s safe inside a Markdown table cell.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.Join(strings.Fields(s), " ")
}

// FormatNumber prints v with about three significant digits and thousands
// separators: 523,412, 87.3, 4.21, 0.0312.
func FormatNumber(v float64) string {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return strconv.FormatFloat(v, 'f', -1, 64)
	case v == 0:
		return "0"
	}
	a := math.Abs(v)
	switch {
	case a >= 100:
		return group(strconv.FormatFloat(math.Round(v), 'f', 0, 64))
	case a >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	case a >= 1:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	dec := 2 - int(math.Floor(math.Log10(a)))
	return strconv.FormatFloat(v, 'f', dec, 64)
}

func group(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// Section markers delimit the generated part of README.md.
const (
	BeginMarker = "<!-- bench:start -->"
	EndMarker   = "<!-- bench:end -->"
)

// ReplaceSection returns doc with the text between BeginMarker and EndMarker
// replaced by body. It fails when the markers are missing, repeated or out
// of order, so a damaged README is never silently rewritten.
func ReplaceSection(doc, body string) (string, error) {
	if strings.Count(doc, BeginMarker) != 1 || strings.Count(doc, EndMarker) != 1 {
		return "", fmt.Errorf("want exactly one %s and one %s", BeginMarker, EndMarker)
	}
	i := strings.Index(doc, BeginMarker) + len(BeginMarker)
	j := strings.Index(doc, EndMarker)
	if j < i {
		return "", fmt.Errorf("%s comes before %s", EndMarker, BeginMarker)
	}
	return doc[:i] + "\n" + strings.TrimSpace(body) + "\n" + doc[j:], nil
}

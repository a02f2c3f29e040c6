package conll

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Span is an entity over positions [Start, End): tokens of a sentence, or
// characters of a text.
type Span struct {
	Type       string
	Start, End int
}

// Spans returns the entities of a BIO tag sequence. An I- tag that does not
// continue an entity of the same type starts a new one, as in the CoNLL
// evaluation script.
func Spans(tags []string) []Span {
	var out []Span
	cur := -1
	for i, t := range tags {
		typ := ""
		if len(t) > 2 && (t[0] == 'B' || t[0] == 'I') && t[1] == '-' {
			typ = t[2:]
		}
		if cur >= 0 && (typ == "" || t[0] == 'B' || typ != out[cur].Type) {
			cur = -1
		}
		if typ != "" && cur < 0 {
			out = append(out, Span{Type: typ, Start: i, End: i + 1})
			cur = len(out) - 1
		} else if cur >= 0 {
			out[cur].End = i + 1
		}
	}
	return out
}

// Counts holds entity counts for one type.
type Counts struct{ Gold, Pred, Correct int }

// Precision returns Correct/Pred in percent (0 when nothing was predicted).
func (c Counts) Precision() float64 { return pct(c.Correct, c.Pred) }

// Recall returns Correct/Gold in percent (0 when there is no gold entity).
func (c Counts) Recall() float64 { return pct(c.Correct, c.Gold) }

// F1 returns the harmonic mean of precision and recall in percent.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// Score accumulates entity-level counts per type.
type Score struct {
	ByType map[string]*Counts
}

// NewScore returns an empty Score.
func NewScore() *Score { return &Score{ByType: map[string]*Counts{}} }

// Add scores one sentence's predicted tags against its gold tags.
func (s *Score) Add(gold, pred []string) {
	s.AddSpans(Spans(gold), Spans(pred))
}

// AddSpans scores predicted entities against gold ones. Their positions may
// count tokens or characters, as long as both count the same.
func (s *Score) AddSpans(g, p []Span) {
	in := map[Span]bool{}
	for _, x := range g {
		in[x] = true
		s.counts(x.Type).Gold++
	}
	for _, x := range p {
		c := s.counts(x.Type)
		c.Pred++
		if in[x] {
			c.Correct++
		}
	}
}

func (s *Score) counts(typ string) *Counts {
	c := s.ByType[typ]
	if c == nil {
		c = &Counts{}
		s.ByType[typ] = c
	}
	return c
}

// Micro returns the counts summed over all types.
func (s *Score) Micro() Counts {
	var m Counts
	for _, c := range s.ByType {
		m.Gold += c.Gold
		m.Pred += c.Pred
		m.Correct += c.Correct
	}
	return m
}

// Types returns the types seen, sorted.
func (s *Score) Types() []string {
	var ts []string
	for t := range s.ByType {
		ts = append(ts, t)
	}
	sort.Strings(ts)
	return ts
}

// Write prints a table of precision, recall and F1 per type and
// micro-averaged.
func (s *Score) Write(w io.Writer) {
	fmt.Fprintf(w, "%-6s %6s %6s %6s %7s %7s %7s\n", "type", "gold", "pred", "ok", "P", "R", "F1")
	row := func(name string, c Counts) {
		fmt.Fprintf(w, "%-6s %6d %6d %6d %7.2f %7.2f %7.2f\n", name, c.Gold, c.Pred, c.Correct, c.Precision(), c.Recall(), c.F1())
	}
	for _, t := range s.Types() {
		row(t, *s.ByType[t])
	}
	fmt.Fprintln(w, strings.Repeat("-", 49))
	row("micro", s.Micro())
}

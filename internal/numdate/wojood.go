package numdate

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"tahlil/internal/conll"
	"tahlil/internal/token"
)

// Counts are entity counts for one type, as the model's CoNLL scorer keeps
// them.
type Counts = conll.Counts

// WojoodTypes maps the Wojood tags the rules are scored against to the
// rules' types. Other Wojood tags (ORDINAL, TIME, …) are ignored, so a
// predicted NUM over an ORDINAL counts as a false positive.
var WojoodTypes = map[string]string{
	"DATE":     DATE,
	"CARDINAL": NUM,
	"MONEY":    NUM,
	"PERCENT":  NUM,
	"QUANTITY": NUM,
}

// Score is the rules' entity-level score on a corpus.
//
// Strict counts a mention as correct when its type and both token
// boundaries equal a gold entity's. Overlap counts it as correct when it
// shares a token with a gold entity of its type (each gold entity matched at
// most once). Gold entities are first trimmed of punctuation tokens at their
// edges, which a span never includes, and a gold NUM nested inside another
// (the CARDINAL inside a MONEY) is dropped. Found counts, per original Wojood
// tag, the gold entities that an overlapping mention of the mapped type
// found.
type Score struct {
	Strict, Overlap map[string]*Counts
	Found           map[string]*Counts
	Sentences       int

	onSentence func(words []string, gold, pred []wojoodEntity) // for tests
}

type wojoodEntity struct {
	tag        string
	start, end int
}

// ScoreWojood scores Find on a Wojood-format corpus: one token per line
// followed by its tags (nested entities give several), and a blank line
// between sentences. Each sentence is rebuilt by joining its tokens with
// spaces.
func ScoreWojood(r io.Reader) (*Score, error) {
	return scoreWojood(r, nil)
}

func scoreWojood(r io.Reader, onSentence func(words []string, gold, pred []wojoodEntity)) (*Score, error) {
	s := &Score{Strict: map[string]*Counts{}, Overlap: map[string]*Counts{}, Found: map[string]*Counts{}, onSentence: onSentence}
	for _, t := range []string{DATE, NUM} {
		s.Strict[t], s.Overlap[t] = &Counts{}, &Counts{}
	}
	var words []string
	var tags [][]string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for {
		more := sc.Scan()
		line := strings.TrimSpace(sc.Text())
		if !more || line == "" {
			if len(words) > 0 {
				s.add(words, tags)
				words, tags = words[:0], tags[:0]
			}
			if !more {
				break
			}
			continue
		}
		f := strings.Fields(line)
		words = append(words, f[0])
		tags = append(tags, f[1:])
	}
	return s, sc.Err()
}

func (s *Score) add(words []string, tags [][]string) {
	s.Sentences++
	gold := goldEntities(words, tags)
	// Rebuild the text and find each word's code point range.
	var b strings.Builder
	starts := make([]int, len(words)+1)
	pos := 0
	for i, w := range words {
		if i > 0 && !joinedNumber(words, i) {
			b.WriteByte(' ')
			pos++
		}
		starts[i] = pos
		b.WriteString(w)
		pos += utf8.RuneCountInString(w)
	}
	starts[len(words)] = pos + 1
	d := token.Tokenize(b.String())
	wordAt := func(cp int) int {
		return sort.Search(len(words), func(i int) bool { return starts[i+1] > cp })
	}
	var pred []wojoodEntity
	for _, m := range Find(d) {
		t := d.Tokens[m.Start]
		st := t.Start
		if m.Skip > 0 {
			st, _ = d.Norm.Source(t.NStart+m.Skip, t.NEnd)
		}
		pred = append(pred, wojoodEntity{m.Type, wordAt(st), wordAt(d.Tokens[m.End-1].End-1) + 1})
	}
	if s.onSentence != nil {
		s.onSentence(words, gold, pred)
	}
	usedStrict := make([]bool, len(gold))
	usedOverlap := make([]bool, len(gold))
	for _, g := range gold {
		typ := WojoodTypes[g.tag]
		s.Strict[typ].Gold++
		s.Overlap[typ].Gold++
	}
	for _, p := range pred {
		s.Strict[p.tag].Pred++
		s.Overlap[p.tag].Pred++
		for i, g := range gold {
			if WojoodTypes[g.tag] == p.tag && g.start == p.start && g.end == p.end && !usedStrict[i] {
				usedStrict[i] = true
				s.Strict[p.tag].Correct++
				break
			}
		}
		for i, g := range gold {
			if WojoodTypes[g.tag] == p.tag && g.start < p.end && p.start < g.end && !usedOverlap[i] {
				usedOverlap[i] = true
				s.Overlap[p.tag].Correct++
				break
			}
		}
	}
	for i, g := range gold {
		c := s.Found[g.tag]
		if c == nil {
			c = &Counts{}
			s.Found[g.tag] = c
		}
		c.Gold++
		if usedOverlap[i] {
			c.Correct++
		}
	}
}

// goldEntities returns the sentence's entities of the scored tags, trimmed of
// edge punctuation, without NUM entities nested in another NUM.
func goldEntities(words []string, tags [][]string) []wojoodEntity {
	var all []wojoodEntity
	open := map[string]int{} // tag → index in all of its entity still open
	for i, ts := range tags {
		seen := map[string]bool{}
		for _, t := range ts {
			if len(t) < 3 || t[1] != '-' {
				continue
			}
			tag := t[2:]
			if WojoodTypes[tag] == "" {
				continue
			}
			seen[tag] = true
			if k, ok := open[tag]; ok && t[0] == 'I' && all[k].end == i {
				all[k].end = i + 1
				continue
			}
			open[tag] = len(all)
			all = append(all, wojoodEntity{tag, i, i + 1})
		}
		for tag := range open {
			if !seen[tag] {
				delete(open, tag)
			}
		}
	}
	var out []wojoodEntity
	for i, e := range all {
		for e.start < e.end && isPunctWord(words[e.start]) {
			e.start++
		}
		for e.end > e.start && isPunctWord(words[e.end-1]) {
			e.end--
		}
		if e.start == e.end {
			continue
		}
		nested := false
		for j, o := range all {
			if j != i && WojoodTypes[o.tag] == NUM && WojoodTypes[e.tag] == NUM &&
				o.start <= e.start && e.end <= o.end && (o.end-o.start > e.end-e.start || j < i) {
				nested = true
			}
		}
		if !nested {
			all[i] = e
			out = append(out, e)
		}
	}
	return out
}

func isPunctWord(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// Write prints the scores as a table.
func (s *Score) Write(w io.Writer) {
	fmt.Fprintf(w, "%-13s %5s %5s %5s %6s %6s %6s\n", "type", "gold", "pred", "ok", "P", "R", "F1")
	row := func(name string, c *Counts) {
		fmt.Fprintf(w, "%-13s %5d %5d %5d %6.1f %6.1f %6.1f\n", name, c.Gold, c.Pred, c.Correct, c.Precision(), c.Recall(), c.F1())
	}
	for _, t := range []string{DATE, NUM} {
		row(t+" strict", s.Strict[t])
	}
	for _, t := range []string{DATE, NUM} {
		row(t+" overlap", s.Overlap[t])
	}
	fmt.Fprintf(w, "\nrecall by Wojood tag (overlap):\n")
	tags := make([]string, 0, len(s.Found))
	for t := range s.Found {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	for _, t := range tags {
		c := s.Found[t]
		fmt.Fprintf(w, "%-13s %5d found %5d %6.1f\n", t, c.Gold, c.Correct, c.Recall())
	}
}

// joinedNumber reports whether words[i] is a separator or the digits after
// one inside a number that the corpus split, as "2 , 476" for 2,476.
func joinedNumber(words []string, i int) bool {
	sep := func(k int) bool {
		return k > 0 && k+1 < len(words) && (words[k] == "," || words[k] == ".") && digits(words[k-1]) && digits(words[k+1])
	}
	return sep(i) || sep(i-1)
}

func digits(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}

package analysis

import (
	"strings"

	"tahlil/internal/token"
)

// splitJoined splits a model span that runs two known names together, as
// "بلينكن ونتنياهو" or "هاليفي بلينكن" when أنتوني بلينكن, بنيامين نتنياهو
// and هرتسي هاليفي appear elsewhere in the article. A part is known when
// another span of two or more words is that name in full, or is a person
// whose last word it is. Without a proclitic (و، ل …) on the second part, the
// first must end in a known surname, and no part starts with بن، أبو or the
// like. The second part leaves out its proclitics; each part takes the type
// of the name it matches.
func splitJoined(d *token.Doc, spans []span) []span {
	type known struct {
		typ string
		n   int // spans contributing the name
	}
	var names map[string]*known
	contrib := func(s span) (full, last string) {
		if s.last == s.first {
			return "", "" // a one-word name is too weak a sign: محمد + علي
		}
		full = spanKey(d, s, s.first, s.last)
		if s.typ == PER && !nameTails[d.Tokens[s.last].Norm] && !nameHeads[d.Tokens[s.last-1].Norm] {
			last = d.Tokens[s.last].Stem
		}
		return full, last
	}
	multi := false
	for _, s := range spans {
		if !s.model {
			continue
		}
		if s.last > s.first {
			multi = true
		}
		full, last := contrib(s)
		for _, k := range []string{full, last} {
			if k == "" {
				continue
			}
			if names == nil {
				names = map[string]*known{}
			}
			if e := names[k]; e != nil {
				e.n++
			} else {
				names[k] = &known{typ: s.typ, n: 1}
			}
		}
	}
	if !multi {
		return spans
	}
	surname := func(w string) bool {
		e := names[w]
		return e != nil && e.typ == PER && !strings.Contains(w, " ")
	}
	// other returns the type of a name known from spans other than s.
	other := func(k string, s span) (string, bool) {
		e := names[k]
		if e == nil || strings.Count(k, " ") > 0 && k == spanKey(d, s, s.first, s.last) {
			return "", false
		}
		own := 0
		if full, last := contrib(s); full == k || last == k {
			own = 1
		}
		return e.typ, e.n > own
	}
	out := spans[:0:0]
	for _, s := range spans {
		if !s.model || s.last == s.first {
			out = append(out, s)
			continue
		}
		split := false
		for k := s.first + 1; k <= s.last; k++ {
			t := &d.Tokens[k]
			if t.Kind != token.Word || t.Stem == "" || nameHeads[t.Stem] || nameTails[t.Stem] {
				continue // بن، أبو، الدين continue a name
			}
			if t.Pre == "" && !surname(d.Tokens[k-1].Stem) {
				continue // without و or ل between, the left part must end in a known surname
			}
			lt, ok1 := other(spanKey(d, s, s.first, k-1), s)
			right := span{first: k, last: s.last, skip: len([]rune(t.Pre)), start: t.EntStart, end: s.end, model: true}
			rt, ok2 := other(spanKey(d, right, k, s.last), s)
			if !ok1 || !ok2 {
				continue
			}
			left := s
			left.last, left.end, left.typ = k-1, d.Tokens[k-1].End, lt
			right.typ = rt
			out = append(out, left, right)
			split = true
			break
		}
		if !split {
			out = append(out, s)
		}
	}
	return out
}

// spanKey is the key of tokens [first, last] of a span: the first token
// without its left-out proclitics, then the others as written.
func spanKey(d *token.Doc, s span, first, last int) string {
	skip := 0
	if first == s.first {
		skip = s.skip
	} else {
		skip = len([]rune(d.Tokens[first].Pre))
	}
	k := stemOf(&d.Tokens[first], skip)
	for t := first + 1; t <= last; t++ {
		if d.Tokens[t].SpaceBefore {
			k += " "
		}
		k += d.Tokens[t].Norm
	}
	return k
}

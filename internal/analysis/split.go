package analysis

import (
	"strings"
	"unicode/utf8"

	"tahlil/internal/ner"
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
	contrib := func(s span) (full, last string) {
		if !s.model || s.last == s.first {
			return "", "" // a one-word name is too weak a sign: محمد + علي
		}
		full = spanKey(d, s, s.first, s.last)
		if s.typ == PER && !nameTails[d.Tokens[s.last].Norm] && !nameHeads[d.Tokens[s.last-1].Norm] {
			last = d.Tokens[s.last].Stem
		}
		return full, last
	}
	multi := 0
	for _, s := range spans {
		if s.model && s.last > s.first {
			multi++
		}
	}
	if multi < 2 {
		return spans // a split needs names from other spans of two or more words
	}
	names := make(map[string]*known, 2*multi)
	note := func(k, typ string) {
		if k == "" {
			return
		}
		if e := names[k]; e != nil {
			e.n++
		} else {
			names[k] = &known{typ: typ, n: 1}
		}
	}
	for _, s := range spans {
		full, last := contrib(s)
		note(full, s.typ)
		note(last, s.typ)
	}
	surname := func(w string) bool {
		e := names[w]
		return e != nil && e.typ == PER && !strings.Contains(w, " ")
	}
	var out []span // nil until a span splits
	for i, s := range spans {
		if !s.model || s.last == s.first {
			if out != nil {
				out = append(out, s)
			}
			continue
		}
		ownFull, ownLast := contrib(s)
		// other returns the type of a name known from spans other than s.
		other := func(k string) (string, bool) {
			e := names[k]
			if e == nil || k == ownFull {
				return "", false
			}
			own := 0
			if k == ownLast {
				own = 1
			}
			return e.typ, e.n > own
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
			lt, ok1 := other(spanKey(d, s, s.first, k-1))
			if !ok1 {
				continue
			}
			right := span{first: k, last: s.last, skip: utf8.RuneCountInString(t.Pre), start: t.EntStart, end: s.end, model: true}
			rt, ok2 := other(spanKey(d, right, k, s.last))
			if !ok2 {
				continue
			}
			if out == nil {
				out = append(make([]span, 0, len(spans)+1), spans[:i]...)
			}
			left := s
			left.last, left.end, left.typ = k-1, d.Tokens[k-1].End, lt
			right.typ = rt
			out = append(out, left, right)
			split = true
			break
		}
		if !split && out != nil {
			out = append(out, s)
		}
	}
	if out == nil {
		return spans
	}
	return out
}

// spanKey is the key of tokens [first, last] of a span: the first token
// without its left-out proclitics, then the others as written.
func spanKey(d *token.Doc, s span, first, last int) string {
	skip := s.skip
	if first != s.first {
		skip = utf8.RuneCountInString(d.Tokens[first].Pre)
	}
	k := stemOf(&d.Tokens[first], skip)
	if first == last {
		return k
	}
	n := len(k)
	for t := first + 1; t <= last; t++ {
		n += len(d.Tokens[t].Norm) + 1
	}
	b := make([]byte, 0, n)
	b = append(b, k...)
	for t := first + 1; t <= last; t++ {
		if d.Tokens[t].SpaceBefore {
			b = append(b, ' ')
		}
		b = append(b, d.Tokens[t].Norm...)
	}
	return string(b)
}

// splitHead splits an organization span that begins with a head noun with
// the article followed by a word without it, as in "المدير العام للمنظمة
// تيدروس أدهانوم غيبريسوس": a definite noun takes no indefinite word as part
// of its name, so the head alone (المنظمة, "the organization") is no name and
// is dropped, and what follows is a person when it has two words or more,
// and keeps the organization type otherwise.
func splitHead(d *token.Doc, spans []span) []span {
	for i := range spans {
		s := &spans[i]
		if s.typ != ORG || !s.model || s.last == s.first {
			continue
		}
		head, next := &d.Tokens[s.first], &d.Tokens[s.first+1]
		if !head.Al || !ner.IsOrgHead(head.Bare()) || next.Kind != token.Word || next.Al || !next.SpaceBefore {
			continue
		}
		if s.last-s.first >= 2 && plainWords(d, s.first+1, s.last) {
			s.typ = PER
		}
		s.first++
		s.skip = utf8.RuneCountInString(next.Pre)
		s.start = next.EntStart
	}
	return spans
}

// plainWords reports whether tokens [a, b] are words with no proclitic and
// none is an organization head: a و inside (حماس والجهاد) lists
// organizations rather than naming a person.
func plainWords(d *token.Doc, a, b int) bool {
	for i := a; i <= b; i++ {
		t := &d.Tokens[i]
		if t.Kind != token.Word || t.Pre != "" || ner.IsOrgHead(t.Bare()) {
			return false
		}
	}
	return true
}

// trimFutureVerb drops the last word of a person span of three words or more
// when it looks like a verb in the future tense, سي or سن and three letters
// or more (سيزور، سيلتقي), whose form without the س is a word the model knows
// from training (يزور، يلتقي), and is in no name list: the model runs a name
// into the verb after it ("أنطونيو غوتيريش سيزور"). A surname such as سنودن
// or سيميوني stays, as نودن and يميوني are no words; shorter spans are left
// alone, and so is ست, which begins too many foreign surnames (ستولمان).
func trimFutureVerb(d *token.Doc, spans []span) []span {
	for i := range spans {
		s := &spans[i]
		if s.typ != PER || s.last-s.first < 2 {
			continue
		}
		t := &d.Tokens[s.last]
		if t.Kind != token.Word || t.Pre != "" || t.Al || !t.SpaceBefore || !futureVerb(t.Norm) || ner.Listed(t.Norm) ||
			!ner.Default().Known(t.Norm[len("س"):]) {
			continue
		}
		s.last--
		s.end = d.Tokens[s.last].End
	}
	return spans
}

// futureVerb reports whether the normalized word w starts like an
// imperfect verb with the future prefix س (سي or سن), then has three letters
// or more.
func futureVerb(w string) bool {
	for _, p := range []string{"سي", "سن"} {
		if strings.HasPrefix(w, p) && utf8.RuneCountInString(w) >= utf8.RuneCountInString(p)+3 {
			return true
		}
	}
	return false
}

// dropNisba drops the first word of a person span when it is an adjective of
// origin with the article and a given name follows it: "الموريتاني أحمد ولد
// الشيخ" names أحمد ولد الشيخ, as "الرئيس الفرنسي جاك شيراك" names جاك شيراك.
func dropNisba(d *token.Doc, spans []span) []span {
	for i := range spans {
		s := &spans[i]
		if s.typ != PER || s.last == s.first {
			continue
		}
		head, next := &d.Tokens[s.first], &d.Tokens[s.first+1]
		if !head.Al || !ner.IsNisba(head.Bare()) || next.Kind != token.Word || !next.SpaceBefore ||
			!ner.GivenName(next.Stem) && !ner.GivenName(next.Bare()) {
			continue
		}
		s.first++
		s.skip = utf8.RuneCountInString(next.Pre)
		s.start = next.EntStart
	}
	return spans
}

// trimHead drops the first word of a person span of two or more words when
// an earlier person span already gave the same name with another first word
// and the first word is not a given name, as the verb in "أبلغ نتنياهو" after
// بنيامين نتنياهو. A name introduced for the first time ("يوآف جالانت") and a
// repeated full name keep every word.
func trimHead(d *token.Doc, spans []span) []span {
	firsts := map[string]string{} // last word of an earlier multi-word PER span → its first word
	for i := range spans {
		s := &spans[i]
		if s.typ != PER || s.last == s.first {
			continue
		}
		head, tail := d.Tokens[s.first].Stem, d.Tokens[s.last].Stem
		if f, ok := firsts[tail]; ok && f != head && s.model && !ner.GivenName(head) && !ner.GivenName(d.Tokens[s.first].Bare()) &&
			!nameHeads[head] && d.Tokens[s.first+1].Kind == token.Word {
			t := &d.Tokens[s.first+1]
			s.first++
			s.skip = utf8.RuneCountInString(t.Pre)
			s.start = t.EntStart
			continue
		}
		if _, ok := firsts[tail]; !ok {
			firsts[tail] = head
		}
	}
	return spans
}

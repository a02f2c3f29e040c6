package analysis

import (
	"slices"
	"strings"
	"unicode/utf8"

	"tahlil/internal/gazetteer"
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
	return splitEach(spans, func(_ int, s span) (span, span, bool) {
		if !s.model || s.last == s.first {
			return s, s, false
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
		for k := s.first + 1; k <= s.last; k++ {
			t := &d.Tokens[k]
			if t.Kind != token.Word || t.Stem == "" || nameHeads[t.Stem] || nameTails[t.Stem] {
				continue // بن، أبو، الدين continue a name
			}
			if t.Pre == "" && (!surname(d.Tokens[k-1].Stem) || k == s.first+1 && ner.GivenName(d.Tokens[s.first].Stem)) {
				continue // without و or ل between, the left part must end in a known surname and be more than a given name
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
			left := s
			left.last, left.end, left.typ = k-1, d.Tokens[k-1].End, lt
			right.typ = rt
			return left, right, true
		}
		return s, s, false
	})
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

// trimEdges corrects the edges of model spans where the model runs a name
// into a neighbouring word:
//   - a person that starts with an adjective of origin followed by a given
//     name starts at the name: "الموريتاني أحمد ولد الشيخ" names أحمد ولد
//     الشيخ, as "الرئيس الفرنسي جاك شيراك" names جاك شيراك;
//   - an organization that starts with a head noun with the article
//     followed by a word without it (للمنظمة تيدروس أدهانوم غيبريسوس) loses
//     the head, as a definite noun takes no indefinite word into its name
//     and the head alone ("the organization") is no name; two words or more
//     left make a person, unless they list organizations (حماس والجهاد); a
//     person that starts so loses the head too (للنادي ديكو);
//   - a person that starts with a title or rank with the article (العماد
//     جوزيف عون، الشيخ تميم) starts after it, unless a facility's head noun
//     comes before it (جامعة الملك سعود);
//   - a person of three words or more ends before a last word that looks
//     like a future-tense verb (see futureVerb);
//   - any name ends before a pronoun or the particle إن or أن (see
//     afterName), and an organization, place or other name before a last
//     word that is ب or ل with a common noun (see prepositionalPhrase) and
//     before a rank that opens the next person's name (see rankAfter).
func trimEdges(d *token.Doc, spans []span) {
	for i := range spans {
		s := &spans[i]
		if !s.model || s.last == s.first {
			continue
		}
		head, next := &d.Tokens[s.first], &d.Tokens[s.first+1]
		switch {
		case s.typ == PER && head.Al && ner.IsNisba(head.Bare()) && next.Kind == token.Word && next.SpaceBefore &&
			(ner.GivenName(next.Stem) || ner.GivenName(next.Bare())):
			dropFirst(d, s)
		case s.typ == PER && head.Al && ner.IsOrgHead(head.Bare()) && next.Kind == token.Word && !next.Al && next.SpaceBefore:
			dropFirst(d, s) // "المدير الرياضي للنادي ديكو"
		case s.typ == PER && head.Al && head.Pre == "" && (title(head.Bare()) || otherTitle(head.Bare())) &&
			next.Kind == token.Word && next.SpaceBefore && (s.first == 0 || facilityType(d.Tokens[s.first-1].Bare()) == ""):
			dropFirst(d, s) // "العماد جوزيف عون"; but جامعة الملك سعود keeps its king
		case s.typ == ORG && head.Al && ner.IsOrgHead(head.Bare()) && next.Kind == token.Word && !next.Al && next.SpaceBefore:
			if s.last-s.first >= 2 && plainWords(d, s.first+1, s.last) {
				s.typ = PER
			}
			dropFirst(d, s)
		}
		if s.typ == PER && s.last-s.first >= 2 && futureVerb(&d.Tokens[s.last]) {
			s.last--
			s.end = d.Tokens[s.last].End
		}
		if s.typ == PER && s.last > s.first && prepositionalNoun(&d.Tokens[s.last]) {
			s.last-- // "أمر النائب العام محمد شوقي بحبس أربعة متهمين"
			s.end = d.Tokens[s.last].End
		}
		for k := s.first + 1; k <= s.last; k++ {
			if afterName(&d.Tokens[k]) || k == s.last && s.typ != PER && prepositionalPhrase(&d.Tokens[k]) {
				s.last = k - 1 // "قالت كايا كالاس إن العقوبات", "سامسونغ الكورية لتطوير"
				s.end = d.Tokens[s.last].End
				break
			}
		}
		for s.last > s.first && (s.typ == PER && scoreNoun(&d.Tokens[s.last]) || s.typ != PER && rankAfter(&d.Tokens[s.last])) {
			s.last-- // "وسجل محمد صلاح هدفين", "الجيش الوطني الليبي المشير"
			s.end = d.Tokens[s.last].End
		}
	}
}

// prepositionalPhrase reports whether t is ب or ل before a common noun
// without the article (لتطوير، لإنشاء، بصاروخ): at the end of a name, the
// purpose or means after it, not part of it. Inside a name such a noun
// leads its field (الهيئة العامة لتنظيم الكهرباء), a name's own field
// takes the article (للتكنولوجيا), and its place is a name (بمراكش).
func prepositionalPhrase(t *token.Token) bool {
	if t.Kind != token.Word || t.Al || (t.Pre != "ل" && t.Pre != "ب") || utf8.RuneCountInString(t.Stem) < 3 {
		return false
	}
	return ner.Default().Known(t.Stem) && !ner.Listed(t.Stem) && !gazetteer.IsCountry(gazetteer.Key(t.Stem))
}

// rankAfter reports whether t is a rank or title with the article that
// begins the name of the person after an organization or place ("قائد
// الجيش الوطني الليبي المشير خليفة حفتر"), and so ends no name of its own.
func rankAfter(t *token.Token) bool {
	if t.Kind != token.Word || t.Pre != "" || !t.Al {
		return false
	}
	switch t.Bare() {
	case "مشير", "عماد", "لواء", "عقيد", "عميد", "جنرال", "رئيس", "رئيسه", "سيد", "سيده", "دكتور", "وزير", "وزيره":
		return true
	}
	return false
}

// prepositionalNoun reports whether t is a word the model does not know
// that is ب or ل before one it knows (بحبس), which ends a name rather than
// closing it: unseen family names so made (بيطار) rarely leave a known word.
func prepositionalNoun(t *token.Token) bool {
	if t.Kind != token.Word || t.Pre != "" || t.Al || !strings.HasPrefix(t.Stem, "ب") && !strings.HasPrefix(t.Stem, "ل") {
		return false
	}
	rest := t.Stem[len("ب"):]
	return utf8.RuneCountInString(rest) >= 3 && !ner.PersonName(t.Stem) &&
		!ner.Default().Known(t.Stem) && ner.Default().Known(rest)
}

// scoreNoun reports whether t is a goal, point or medal, which sport news
// writes right after the name of whoever scored or won it ("سجل محمد صلاح
// هدفين", "نال محمد إيهاب برونزية") and no name ends with.
func scoreNoun(t *token.Token) bool {
	if t.Kind != token.Word || t.Al {
		return false
	}
	switch t.Stem {
	case "هدف", "هدفا", "هدفين", "هدفان", "اهداف", "نقطه", "نقطتين", "نقاط", "برونزيه", "فضيه", "ذهبيه",
		"ميداليه", "ثنائيه", "ثلاثيه", "رباعيه":
		return true
	}
	return false
}

// afterName reports whether t is a separate personal pronoun of the third
// person, which follows a name as the subject of a nominal sentence ("زياد
// هو نجل فيروز"), or the particle إن or أن, which follows a name after a
// verb of saying ("وقالت قناة الجزيرة إن"); neither is ever part of one.
func afterName(t *token.Token) bool {
	if t.Kind != token.Word || t.Pre != "" {
		return false
	}
	switch t.Norm {
	case "هو", "هي", "هم", "هما", "هن", "ان", "انه", "انها", "انهم":
		return true
	}
	return false
}

// otherTitle reports whether the bare word is a title that the model's title
// list lacks because it is also a given name (عماد), or rare: military ranks
// and the titles of musicians.
func otherTitle(w string) bool {
	switch w {
	case "عماد", "مشير", "نقيب", "مقدم", "مايسترو", "موسيقار", "ناشط", "ناشطه", "صحفي", "صحفيه", "طبيب", "طبيبه",
		"باحث", "باحثه", "مطران", "محامي", "محاميه", "روائي", "روائيه", "مخرج", "مخرجه", "فنان", "فنانه":
		return true
	}
	return false
}

// title reports whether the bare word is a title before names, in the
// masculine or, with ة, the feminine: الناشطة رزان is a person after her
// title, as الناشط is.
func title(w string) bool {
	if ner.IsTitle(w) {
		return true
	}
	m, ok := strings.CutSuffix(w, "ه")
	return ok && len(m) > 4 && ner.IsTitle(m)
}

// dropFirst moves the start of s to its second token, leaving out that
// token's proclitics.
func dropFirst(d *token.Doc, s *span) {
	s.first++
	t := &d.Tokens[s.first]
	s.skip = utf8.RuneCountInString(t.Pre)
	s.start = t.EntStart
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

// futureVerb reports whether t looks like a verb in the future tense that
// the model ran a name into ("أنطونيو غوتيريش سيزور"): سي or سن and three
// letters or more (سيزور، سيلتقي), whose form without the س is a word the
// model knows from training (يزور، يلتقي), and in no name list. A surname
// such as سنودن or سيميوني stays, as نودن and يميوني are no words; ست is
// left out, as it begins too many foreign surnames (ستولمان، ستارمر).
func futureVerb(t *token.Token) bool {
	if t.Kind != token.Word || t.Pre != "" || t.Al || !t.SpaceBefore || ner.Listed(t.Norm) {
		return false
	}
	w := t.Norm
	if !strings.HasPrefix(w, "سي") && !strings.HasPrefix(w, "سن") || utf8.RuneCountInString(w) < 5 {
		return false
	}
	return ner.Default().Known(w[len("س"):])
}

// trimHead drops the first word of a person span of two or more words when
// an earlier person span already gave the same name with another first word
// and the first word is not a given name, as the verb in "أبلغ نتنياهو" after
// بنيامين نتنياهو. A name introduced for the first time ("يوآف جالانت") and a
// repeated full name keep every word, and so does a first word followed by
// بن/بنت/آل: تميم بن حمد آل ثاني after حمد بن خليفة آل ثاني is a son, not a
// verb before his father's name. A span that starts with the surname of a
// person named in full earlier ends there when the next word is no name
// (a verb: "بلينكن كرر") or another such surname ("هاليفي بلينكن"); a known
// surname at its end becomes a person of its own.
func trimHead(d *token.Doc, spans []span) []span {
	firsts := map[string]string{} // last word of an earlier multi-word PER span → its first word
	var cut []span                // known names cut off the end of a span
	for i := range spans {
		s := &spans[i]
		if s.typ != PER || s.last == s.first {
			continue
		}
		head, tail := d.Tokens[s.first].Stem, d.Tokens[s.last].Stem
		_, nextKnown := firsts[d.Tokens[s.first+1].Stem]
		if _, ok := firsts[head]; ok && s.model && !givenName(&d.Tokens[s.first]) && (nextKnown || runOn(d, s.first+1)) {
			// The surname of a person named in full earlier, run into the
			// verb or the person after it: "بلينكن كرر", "بلينكن أبلغ
			// نتنياهو", "أطلع هاليفي بلينكن".
			if _, ok := firsts[tail]; ok {
				t := &d.Tokens[s.last]
				cut = append(cut, span{typ: PER, first: s.last, last: s.last, skip: utf8.RuneCountInString(t.Pre),
					start: t.EntStart, end: t.End, model: true})
			}
			s.last, s.end = s.first, d.Tokens[s.first].End
			continue
		}
		if f, ok := firsts[tail]; ok && f != head && s.model && !ner.GivenName(head) && !ner.GivenName(d.Tokens[s.first].Bare()) &&
			!nameHeads[head] && d.Tokens[s.first+1].Kind == token.Word && !nameHeads[d.Tokens[s.first+1].Norm] && d.Tokens[s.first+1].Norm != "ال" {
			dropFirst(d, s)
			continue
		}
		if _, ok := firsts[tail]; !ok {
			firsts[tail] = head
		}
	}
	if cut != nil {
		spans = append(spans, cut...)
		slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	}
	return spans
}

// runOn reports whether token k, right after a known surname in a person
// span, is no part of the name: a word without the article that is in no
// name list and is neither a given name nor a name part (بن، عبد).
func runOn(d *token.Doc, k int) bool {
	t := &d.Tokens[k]
	return t.Kind == token.Word && !t.Al && t.Pre == "" && !nameHeads[t.Norm] && t.Norm != "ال" && !ner.Listed(t.Norm) &&
		!ner.GivenName(t.Stem)
}

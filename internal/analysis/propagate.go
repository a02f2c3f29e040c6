package analysis

import (
	"strings"
	"unicode/utf8"

	"tahlil/internal/ner"
	"tahlil/internal/token"
)

// A name is a recognized entity's normalized words.
type name struct {
	typ   string
	words []string
}

// propagate marks the later and earlier occurrences of names the model
// recognized somewhere in the text but missed elsewhere: a name of two or
// more words, the same without its article for LOC/ORG/MISC (أمم المتحدة in
// للأمم المتحدة), the last word of a person's name of two or more words
// (بلينكن after أنتوني بلينكن), and a one-word name: without the article
// (رفح) as soon as the model found it, with the article (القاهرة, but also a
// common word the model mistook, المدينة) only once it found it at least
// twice and in at least a third of its occurrences. An occurrence is matched on its normalized words, with the
// longest match of the first word with or without its proclitics (those the
// tokenizer found, or up to two letters و/ف + ب/ل/ك it left on a short
// word), so that "بلينكن" matches as a whole while "وغزة" gives "غزة". Only tokens outside
// every span are marked, and single words of fewer than three letters never
// are.
func propagate(d *token.Doc, spans []span) []span {
	var names map[string][]name // by first word
	type single struct{ typ, word string }
	var singles map[single]int // one-word model names and how often found
	var order []single         // singles' keys in the order first found
	add := func(typ string, words []string) {
		if len(words) == 0 || len(words) == 1 && (utf8.RuneCountInString(words[0]) < 3 || functionWords[words[0]]) {
			return
		}
		if names == nil {
			names = make(map[string][]name)
		}
		for _, n := range names[words[0]] {
			if n.typ == typ && equalWords(n.words, words) {
				return
			}
		}
		names[words[0]] = append(names[words[0]], name{typ, words})
	}
	for _, s := range spans {
		if !s.model {
			continue
		}
		words := make([]string, 0, s.last-s.first+1)
		words = append(words, stemOf(&d.Tokens[s.first], s.skip))
		for t := s.first + 1; t <= s.last; t++ {
			if d.Tokens[t].Kind != token.Word || !d.Tokens[t].SpaceBefore {
				words = nil
				break
			}
			words = append(words, d.Tokens[t].Norm)
		}
		if words == nil {
			continue
		}
		if len(words) == 1 {
			// A one-word name spreads only with support; see below.
			if singles == nil {
				singles = make(map[single]int)
			}
			k := single{s.typ, words[0]}
			if singles[k] == 0 {
				order = append(order, k)
			}
			singles[k]++
			continue
		}
		add(s.typ, words)
		switch s.typ {
		case PER:
			n := len(words)
			if !nameHeads[words[n-2]] && !nameTails[words[n-1]] {
				add(PER, words[n-1:])
			}
		default:
			if rest, ok := strings.CutPrefix(words[0], "ال"); ok && utf8.RuneCountInString(rest) >= 2 {
				w := append([]string{rest}, words[1:]...)
				add(s.typ, w)
			}
		}
	}
	if len(singles) > 0 {
		// A one-word name with the article spreads only with support: a
		// one-off tag of a common word (المدينة) must not.
		seen := make(map[string]int, len(singles))
		for k := range singles {
			seen[k.word] = 0
		}
		for i := range d.Tokens {
			t := &d.Tokens[i]
			if t.Kind != token.Word {
				continue
			}
			if _, ok := seen[t.Stem]; ok {
				seen[t.Stem]++
			} else if t.Norm != t.Stem {
				if _, ok := seen[t.Norm]; ok {
					seen[t.Norm]++
				}
			}
		}
		// In the order found, not the map's: a word found with two types
		// spreads with the first one, the same on every run.
		for _, k := range order {
			if n := singles[k]; n >= 2 && 3*n >= seen[k.word] || n == 1 && (!strings.HasPrefix(k.word, "ال") || k.typ == LOC && listedPlace(k.word)) {
				add(k.typ, []string{k.word})
			}
		}
	}
	if names == nil {
		return spans
	}
	// Every candidate is a suffix of the token, so it ends like the first
	// word of some name: a filter on the last two letters skips most tokens
	// without a map lookup.
	var ends endFilter
	for w := range names {
		ends.add(w)
	}
	covered := make([]bool, len(d.Tokens))
	for _, s := range spans {
		for t := s.first; t <= s.last; t++ {
			covered[t] = true
		}
	}
	j := 0 // spans before j end before the token looked at
	var found []span
	toks := d.Tokens
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if covered[i] || t.Kind != token.Word || t.Stem == "" || !ends.has(t.Norm) {
			continue
		}
		pre := max(utf8.RuneCountInString(t.Pre), clitics(t.Norm))
		w := t.Norm
		for k := 0; k <= pre; k++ {
			if k > 0 {
				_, n := utf8.DecodeRuneInString(w)
				w = w[n:]
			}
			best := -1
			for j, n := range names[w] {
				if matchRest(toks, covered, i, n.words) && (best < 0 || len(n.words) > len(names[w][best].words)) {
					best = j
				}
			}
			if best < 0 {
				continue
			}
			n := names[w][best]
			start := t.Start
			if k > 0 {
				start, _ = d.Norm.Source(t.NStart+k, t.NEnd)
			}
			last := i + len(n.words) - 1
			if j = spanFrom(spans, j, i-1); k == 0 && j < len(spans) && n.typ == PER && len(n.words) == 1 && chainsOn(d, spans[j], i) {
				// A family name with the article after a Gulf chain of
				// names: مشعل الأحمد الجابر + الصباح.
				spans[j].last, spans[j].end = i, t.End
				break
			}
			found = append(found, span{typ: n.typ, first: i, last: last, skip: k, start: start, end: toks[last].End, model: true})
			i = last
			break
		}
	}
	if len(found) == 0 {
		return spans
	}
	out := make([]span, 0, len(spans)+len(found))
	a, b := 0, 0
	for a < len(spans) || b < len(found) {
		if b >= len(found) || a < len(spans) && spans[a].start < found[b].start {
			out = append(out, spans[a])
			a++
		} else {
			out = append(out, found[b])
			b++
		}
	}
	return out
}

// functionWords are frequent words that search normalization makes look
// like names (على and علي both become علي); they are never marked on their
// own.
var functionWords = map[string]bool{
	"علي": true, "الي": true, "حتي": true, "متي": true, "لدي": true, "سوي": true, "الله": true,
	"الذي": true, "التي": true, "هذا": true, "هذه": true, "ذلك": true, "تلك": true, "بين": true,
	"منذ": true, "عند": true, "غير": true, "كان": true, "كانت": true, "قال": true, "امس": true,
	"اليوم": true, "الان": true, "بعد": true, "قبل": true, "خلال": true, "حول": true, "ضد": true,
}

// nameHeads and nameTails are the parts of compound first names (عبد الله،
// أبو بكر، نور الدين): the last word of such a name is not a surname.
var (
	nameHeads = map[string]bool{"عبد": true, "ابو": true, "بن": true, "ابن": true, "ام": true, "بنت": true, "ابي": true}
	nameTails = map[string]bool{
		"الله": true, "الدين": true, "الرحمن": true, "الرحيم": true, "الاسلام": true, "الحق": true,
		"العزيز": true, "الكريم": true, "الحميد": true, "المجيد": true, "الملك": true, "الناصر": true,
	}
)

// clitics returns how many leading letters of the normalized word w could
// be proclitics: و or ف, then ب ل or ك. The tokenizer leaves them on short
// words (بغزة، وغزة), which a known name can still be found in.
func clitics(w string) int {
	n := 0
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
		w, n = w[2:], 1
	}
	if strings.HasPrefix(w, "ب") || strings.HasPrefix(w, "ل") || strings.HasPrefix(w, "ك") {
		n++
	}
	return n
}

// matchRest reports whether the tokens after i are words[1:], uncovered
// words each preceded by a space.
func matchRest(toks []token.Token, covered []bool, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k := 1; k < len(words); k++ {
		t := &toks[i+k]
		if covered[i+k] || t.Kind != token.Word || !t.SpaceBefore || t.Norm != words[k] {
			return false
		}
	}
	return true
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// endFilter is a set of word endings (the last four bytes, two Arabic
// letters) kept as a bitset; it may report endings it was not given.
type endFilter [1 << 10]uint64

func endKey(w string) uint32 {
	var h uint32 = 2166136261
	for i := max(0, len(w)-4); i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h & (1<<16 - 1)
}

func (f *endFilter) add(w string) { k := endKey(w); f[k>>6] |= 1 << (k & 63) }

func (f *endFilter) has(w string) bool { k := endKey(w); return f[k>>6]&(1<<(k&63)) != 0 }

// chainsOn reports whether a one-word person name at token i continues
// the person span s that ends right before it: both s's last word and the
// name have the article, as in the chains of Gulf names (مشعل الأحمد الجابر
// الصباح), and s has two words or more. Two names side by side without the
// article stay two persons ("أطلع هاليفي بلينكن").
func chainsOn(d *token.Doc, s span, i int) bool {
	if s.typ != PER || s.last != i-1 || s.last == s.first {
		return false
	}
	t, p := &d.Tokens[i], &d.Tokens[i-1]
	return t.SpaceBefore && t.Al && t.Pre == "" && p.Al && p.Pre == ""
}

// joinChains joins a one-word person span to the person span right before
// it when chainsOn holds: the model sometimes starts a new name at the last
// word of a Gulf chain.
func joinChains(d *token.Doc, spans []span) []span {
	return joinAdjacent(spans, func(p, s span) bool { return s.typ == PER && s.first == s.last && chainsOn(d, p, s.first) })
}

// listedPlace reports whether w, with the article, is a listed place that
// is no common word as well: الموصل spreads from one mention, as مسقط does,
// while الخبر (the news) and العماره (the building) need the support other
// words with the article need.
func listedPlace(w string) bool {
	switch w {
	case "الخبر", "الضاحيه", "الضفه", "الجليل", "الخليل", "الاقصي", "العماره", "الحله", "الرمادي", "الكعبه":
		return false
	}
	return ner.ListedType(w) == LOC
}

package analysis

import (
	"strings"
	"unicode/utf8"

	"tahlil/internal/gazetteer"
	"tahlil/internal/ner"
	"tahlil/internal/token"
)

// The tokenizer reads a leading ب ل or ك as a preposition whenever enough of
// the word remains, so بنيامين becomes ب + نيامين and لبنان becomes ل + بنان.
// letterKept decides, for the first word of a recognized name, whether that
// letter belongs to the name after all. It does when the previous word is a
// title or a nisba adjective (رئيس الوزراء الإسرائيلي بنيامين نتنياهو), where
// a preposition cannot stand, right after an opening quote, when the letter
// is ك and the rest is no word the model knows, or when the article has the word with the letter at
// least twice and never without it. Otherwise the letter stays a
// preposition (بغزة gives غزة).
type letterEvidence struct {
	stems      []string // the first words' stems, each once
	bare, with []int    // occurrences of stems[i] without / with the letter
}

// find returns the index of stem in ev.stems, or -1. Few spans start with a
// kept letter, so a scan beats a map, which costs much in WebAssembly.
func (ev *letterEvidence) find(stem string) int {
	for i, s := range ev.stems {
		if len(s) == len(stem) && s == stem {
			return i
		}
	}
	return -1
}

// lastLetter returns the last proclitic letter of t when it is ب ل or ك, t
// has no article and no hamza follows the letter (لآبل), or "".
func lastLetter(t *token.Token) string {
	if t.Kind != token.Word || t.Al || t.Hamza || len(t.Pre) < 2 || t.Stem == "" {
		return ""
	}
	l := t.Pre[len(t.Pre)-2:]
	if l == "ب" || l == "ل" || l == "ك" {
		return l
	}
	return ""
}

// newLetterEvidence counts, over the document, the occurrences of the stems
// of the given first tokens with and without their letter.
func newLetterEvidence(d *token.Doc, firsts []int) *letterEvidence {
	ev := &letterEvidence{}
	for _, i := range firsts {
		if st := d.Tokens[i].Stem; ev.find(st) < 0 {
			ev.stems = append(ev.stems, st)
		}
	}
	ev.bare = make([]int, len(ev.stems))
	ev.with = make([]int, len(ev.stems))
	for i := range d.Tokens {
		u := &d.Tokens[i]
		if u.Kind != token.Word {
			continue
		}
		k := ev.find(u.Stem)
		if k < 0 {
			continue
		}
		if lastLetter(u) != "" {
			ev.with[k]++
		} else {
			ev.bare[k]++
		}
	}
	return ev
}

// keep reports whether the letter before token i's stem belongs to the name.
func (ev *letterEvidence) keep(d *token.Doc, i int) bool {
	t := &d.Tokens[i]
	k := ev.find(t.Stem)
	if k >= 0 && ev.bare[k] > 0 {
		return false
	}
	// A listed place after the letter reads as "in" that place, even
	// after an adjective: الألعاب الأولمبية بباريس.
	if ner.ListedType(t.Stem) == LOC || ner.CountryStart(t.Stem) {
		return false
	}
	// Nor does a name begin with a letter and a head noun: الرئيسة
	// التنفيذية لمؤسسة البحر الأحمر.
	if ner.IsOrgHead(t.Stem) || ner.IsPlaceHead(t.Stem) || ner.IsEventHead(t.Stem) {
		return false
	}
	if i > 0 && t.SpaceBefore {
		if p := &d.Tokens[i-1]; p.Kind == token.Word && (titles[p.Stem] || isNisba(p)) {
			return true
		}
	}
	// Right after an opening quote a preposition is rare: "بلومزبري".
	if i > 0 && !t.SpaceBefore {
		if p := &d.Tokens[i-1]; p.Kind == token.Punct && p.SpaceBefore && (p.Norm == "\"" || p.Norm == "«" || p.Norm == "“") {
			return true
		}
	}
	// ك ("as, like") stands before common nouns (كرئيس), seldom before a
	// name: when the rest is no word the model knows, the letter is the
	// name's (كريستيان).
	if strings.HasSuffix(t.Pre, "ك") && !ner.Default().Known(t.Stem) {
		return true
	}
	return k >= 0 && ev.with[k] >= 2
}

// isNisba reports whether t is an adjective of origin with the article, such
// as الإسرائيلي or الأمريكية.
func isNisba(t *token.Token) bool {
	if !t.Al || utf8.RuneCountInString(t.Stem) < 5 {
		return false
	}
	return strings.HasSuffix(t.Stem, "ي") || strings.HasSuffix(t.Stem, "يه")
}

// titles are words that come straight before a name, with no preposition
// between.
var titles = map[string]bool{
	"الرئيس": true, "رئيس": true, "الوزير": true, "وزير": true, "السيد": true, "السيده": true,
	"الشيخ": true, "الملك": true, "الامير": true, "الاميره": true, "العاهل": true, "المستشار": true,
	"الجنرال": true, "اللواء": true, "العميد": true, "العقيد": true, "الدكتور": true, "د": true,
	"النائب": true, "الزعيم": true, "القائد": true, "المبعوث": true, "الوزيره": true, "الرئيسه": true,
	"الكاتب": true, "الكاتبه": true, "الصحفي": true, "الفنان": true, "الفنانه": true, "اللاعب": true,
	"المدرب": true, "الامام": true, "البابا": true, "السفير": true, "المتحدث": true, "الناطق": true,
	// Nouns in construct with a name: إدارة بايدن، حكومة نتنياهو.
	"اداره": true, "حكومه": true, "نظام": true, "عهد": true, "ولايه": true, "رئاسه": true,
	"مكتب": true, "فريق": true, "حمله": true, "زوجه": true, "نجل": true, "شقيق": true, "عائله": true,
}

// keepLetters moves the start of model spans whose first word keeps its
// letter one code point left, onto the letter.
func keepLetters(d *token.Doc, spans []span) {
	var firsts []int
	for _, s := range spans {
		if s.model && lastLetter(&d.Tokens[s.first]) != "" {
			firsts = append(firsts, s.first)
		}
	}
	if len(firsts) == 0 {
		return
	}
	ev := newLetterEvidence(d, firsts)
	for k := range spans {
		s := &spans[k]
		if !s.model || lastLetter(&d.Tokens[s.first]) == "" || !ev.keep(d, s.first) {
			continue
		}
		t := &d.Tokens[s.first]
		s.skip--
		if s.skip == 0 {
			s.start = t.Start
		} else {
			s.start, _ = d.Norm.Source(t.NStart+s.skip, t.NEnd)
		}
	}
}

// keepNameInitial gives back the ف or و that the tokenizer read as a
// conjunction at the start of a person's name: names begin with ف far more
// often than ف joins a name (فلورنتينو بيريز، فرانك), and a و stays only on a
// listed given name (وليد، وائل). Either stays a conjunction when the
// article also writes the rest of the word on its own (بيريز … فبيريز).
func keepNameInitial(d *token.Doc, spans []span) {
	var cands []int
	rests := map[string]int{} // a name's word without its first letter → occurrences
	for k, s := range spans {
		t := &d.Tokens[s.first]
		if !s.model || s.typ != PER || t.Kind != token.Word || t.Al || s.skip != 1 || t.Stem == "" {
			continue
		}
		// The one letter the span still leaves out (keepLetters may have
		// given back a ل or ب after it, as in فلورنتينو).
		l, size := utf8.DecodeRuneInString(t.Pre)
		if l != 'ف' && (l != 'و' || !ner.GivenName(t.Norm)) {
			continue
		}
		cands = append(cands, k)
		rests[t.Norm[size:]] = 0
	}
	if len(cands) == 0 {
		return
	}
	for i := range d.Tokens {
		u := &d.Tokens[i]
		// The rest alone, or after other proclitics (ولنتنياهو), but not
		// after the lone letter in question (the candidates themselves).
		if n, ok := rests[u.Norm]; ok {
			rests[u.Norm] = n + 1
		} else if n, ok := rests[u.Stem]; ok && u.Pre != "ف" && u.Pre != "و" {
			rests[u.Stem] = n + 1
		}
	}
	for _, k := range cands {
		s := &spans[k]
		t := &d.Tokens[s.first]
		if _, size := utf8.DecodeRuneInString(t.Pre); rests[t.Norm[size:]] == 0 {
			s.skip, s.start = 0, t.Start
		}
	}
}

// keepPlaceInitial gives back the و or ف that the tokenizer read as a
// conjunction at the start of a one-word place right after a place noun in
// construct, where no conjunction can stand: "مدينة وجدة" is Oujda, not "and
// Jeddah". The whole word must be a listed place. It also gives back any
// proclitic letters of a place whose whole word is a country and whose rest
// is none: لاتفيا is Latvia, while لمصر is ل + مصر.
func keepPlaceInitial(d *token.Doc, spans []span) {
	for i := range spans {
		s := &spans[i]
		if s.model && s.typ == LOC && s.skip > 0 && !s.keepsPre(d) {
			t := &d.Tokens[s.first]
			if ner.CountryStart(gazetteer.Key(t.Norm)) && !gazetteer.IsCountry(gazetteer.Key(t.Bare())) &&
				gazetteer.MatchCountry(countryWords(d, s.first, s.last)) == s.last-s.first+1 {
				s.skip, s.start = 0, t.Start
				continue
			}
		}
		if !s.model || s.typ != LOC || s.first != s.last || s.first == 0 || s.skip != 1 {
			continue
		}
		t, h := &d.Tokens[s.first], &d.Tokens[s.first-1]
		if (t.Pre != "و" && t.Pre != "ف") || ner.ListedType(t.Norm) != LOC || h.Kind != token.Word || h.Al ||
			!ner.IsPlaceHead(h.Bare()) || !t.SpaceBefore {
			continue
		}
		s.skip, s.start = 0, t.Start
	}
}

// keepsPre reports whether the span already starts before its first token's
// proclitics.
func (s *span) keepsPre(d *token.Doc) bool { return s.start == d.Tokens[s.first].Start }

// countryWords returns the gazetteer keys of tokens first to last, the first
// taken whole, proclitics included.
func countryWords(d *token.Doc, first, last int) []string {
	words := make([]string, 0, last-first+1)
	for k := first; k <= last; k++ {
		w := d.Tokens[k].Norm
		if k == first {
			w = gazetteer.Key(w)
		} else {
			w = gazetteer.Key(d.Tokens[k].Bare())
		}
		words = append(words, w)
	}
	return words
}

// lamGovernors are words that a ل preposition follows: خلفاً لفلان, وفقاً
// لفلان.
var lamGovernors = map[string]bool{"خلفا": true, "وفقا": true, "طبقا": true, "تبعا": true, "نسبه": true, "خلافا": true}

// dropLetters leaves out of a model span the letters و ف ب ك ل that the
// tokenizer kept at the start of its first word when the rest is a listed
// name or a country: لفيسبوك is ل + فيسبوك. The tokenizer keeps the letters
// of words whose rest no corpus holds, as it must for فينغر or بوخارست, and
// splits where the document itself writes the rest (see token.Tokenize);
// the lists are the evidence here. A word the model or the lists know
// whole stays whole.
func dropLetters(d *token.Doc, spans []span) {
	for k := range spans {
		s := &spans[k]
		t := &d.Tokens[s.first]
		if !s.model || t.Kind != token.Word || t.Al || t.Hamza || len(t.Stem) < 10 || s.skip != utf8.RuneCountInString(t.Pre) {
			continue // a letter and four more, two bytes each
		}
		runs := token.MoreProclitics(t.Pre, t.Stem)
		if runs != nil && runs[0] == 1 && strings.HasPrefix(t.Stem, "ل") && s.first > 0 && lamGovernors[d.Tokens[s.first-1].Norm] {
			s.skip++ // خلفاً لنذير العرباوي
			s.start, _ = d.Norm.Source(t.NStart+s.skip, t.NEnd)
			continue
		}
		if runs == nil || ner.Listed(t.Stem) || ner.Default().Known(t.Stem) {
			continue
		}
		for _, n := range runs {
			rest := t.Stem[2*n:]
			if utf8.RuneCountInString(rest) >= 4 &&
				(ner.ListedType(rest) != "" || ner.PersonName(rest) || gazetteer.IsCountry(gazetteer.Key(rest))) {
				s.skip += n
				s.start, _ = d.Norm.Source(t.NStart+s.skip, t.NEnd)
				break
			}
		}
	}
}

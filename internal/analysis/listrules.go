package analysis

// Rules that correct the model's names with the help of word lists: head
// nouns of places and institutions, the given-name and organization lists,
// spelled Latin letters, regnal ordinals, family names made with الله. Each
// fixes one kind of misreading seen in news articles; assemble runs them in
// order after the edge fixes of split.go.

import (
	"slices"
	"strings"
	"unicode/utf8"

	"tahlil/internal/gazetteer"
	"tahlil/internal/ner"
	"tahlil/internal/token"
)

// facilityType returns, for the bare head word of a place or institution
// named after people, the type of the whole name, and "" for other words:
// مستشفى ناصر is a place, جامعة الملك سعود an organization, جائزة نجيب محفوظ a
// prize. Word lists here are switches or wordLists rather than maps, which
// Go would build in every fresh instance before main.
func facilityType(bare string) string {
	switch {
	case placeHeads.has(bare):
		return LOC
	case institutionHeads.has(bare):
		return ORG
	case bare == "جائزه":
		return MISC
	}
	return ""
}

// placeHeads and institutionHeads are the lists facilityType searches.
var (
	placeHeads = &wordList{src: `استاد برج جامع جبل جسر حديقه حلبه حي ساحه سجن سد شارع صعيد فندق قاعده قصر قلعه كاتدرائيه كنيسه متحف مخيم
مستشفي مسجد مسرح مطار معبد معبر مكتبه ملعب ميدان ميناء نفق وادي`}
	institutionHeads = &wordList{src: `بنك جامعه شرطه صندوق كليه مؤسسه مدرسه مركز مصرف معهد`}
)

// nameFacilities turns a person or other name found right after such a head
// word into the facility's name, head word included: "مستشفى ناصر" rather
// than the person ناصر, "ملعب محمد الخامس" rather than a MISC name, after
// the heads of placeNamedHead also a place ("بنك اليابان"), and after the
// head of a building or ground an organization ("قصر الأونيسكو"). The head
// must be written without the article and be the word just before the
// name.
func nameFacilities(d *token.Doc, spans []span) {
	for i := range spans {
		s := &spans[i]
		if !s.model || s.typ == DATE || s.typ == NUM || s.first == 0 || s.skip > 0 || !d.Tokens[s.first].SpaceBefore {
			continue
		}
		if i > 0 && spans[i-1].last >= s.first-1 {
			continue
		}
		h := &d.Tokens[s.first-1]
		if s.typ == PER && h.Kind == token.Word && h.Al && h.Pre == "" && royalTitle(h.Stem) && s.first >= 2 &&
			(i == 0 || spans[i-1].last < s.first-2) && d.Tokens[s.first-1].SpaceBefore {
			// مطار الملك سلمان الدولي: the title between the head and the
			// name belongs to the facility's name.
			if g := &d.Tokens[s.first-2]; g.Kind == token.Word && !g.Al && facilityType(g.Bare()) != "" {
				s.first--
				h = g
			}
		}
		typ, skip, start := facilityType(h.Bare()), utf8.RuneCountInString(h.Pre), h.EntStart
		if typ == "" && h.Pre == "و" && !h.Al {
			// The tokenizer took the و of وادي for the conjunction.
			typ, skip, start = facilityType(h.Norm), 0, h.Start
		}
		if h.Kind != token.Word || h.Al || typ == "" || s.typ == ORG && typ != LOC {
			continue
		}
		if s.typ == LOC && !placeNamedHead(h.Bare()) {
			// A city's airport or stadium: مطار دبي الدولي، استاد القاهرة
			// الدولي. Without the adjective the head may be a common noun
			// before the city ("ملعب في القاهرة" aside, "مطار القاهرة" reads
			// either way), and the city is left as it is.
			if typ == ORG {
				continue // institutions named after places: institutionFields
			}
			k := s.last + 1
			if k < len(d.Tokens) && (i+1 == len(spans) || spans[i+1].first > k) && nisbaAdjective(&d.Tokens[k]) &&
				(d.Tokens[k].Stem == "الدولي" || d.Tokens[k].Stem == "الدوليه") {
				s.last, s.end = k, d.Tokens[k].End
			} else if !streetHead(h.Bare()) {
				continue
			}
		}
		s.typ, s.first = typ, s.first-1
		s.skip, s.start = skip, start
		limit := len(d.Tokens)
		if i+1 < len(spans) {
			limit = spans[i+1].first
		}
		if last := fieldAfter(d, s.last, limit); last > s.last {
			s.last, s.end = last, d.Tokens[last].End
		}
	}
}

// institutionFields gives institutions named after a place their field or
// adjective: "مؤسسة البحر الأحمر السينمائي" and "مركز القاهرة للدراسات" are
// organizations, not the sea and the city, and an organization span that
// stops at the place (مؤسسة البحر الأحمر) takes the rest. It runs after
// the listed phrases are in, as many such places are phrases.
func institutionFields(d *token.Doc, spans []span) {
	toks := d.Tokens
	for i := range spans {
		s := &spans[i]
		limit := len(toks)
		if i+1 < len(spans) {
			limit = spans[i+1].first
		}
		switch {
		case s.typ == ORG && s.last > s.first && !toks[s.first].Al && facilityType(toks[s.first].Bare()) == ORG:
		case s.typ == ORG && s.last > s.first && toks[s.last].Pre == "لل":
			// A name that ended inside its field: الهيئة العامة للغذاء والدواء.
		case s.typ == ORG && s.first > 0 && toks[s.first-1].Kind == token.Word && !toks[s.first-1].Al &&
			companyHead(toks[s.first-1].Bare()) && !audience(d, s.last+1):
			// A company and its trade: شركة سامسونج للإلكترونيات.
		case s.typ == MISC && s.last > s.first && !toks[s.first].Al && eventHead(toks[s.first].Bare()):
			// A league or cup and its field: دوري روشن السعودي للمحترفين،
			// كأس العالم للأندية.
		case s.typ == ORG && s.last == s.first+1 && toks[s.first].Al && isNisba(&toks[s.last]) &&
			(ner.IsOrgHead(toks[s.first].Bare()) || facilityType(toks[s.first].Bare()) == ORG) && !audience(d, s.last+1):
			// A national body and its field: الاتحاد المصري للتنس، الصندوق
			// السعودي للتنمية; not those it spoke to (للصحفيين).
		case s.typ == LOC && s.first > 0 && s.skip == 0 && toks[s.first].SpaceBefore && (i == 0 || spans[i-1].last < s.first-1):
			h := &toks[s.first-1]
			if h.Kind != token.Word || h.Al || facilityType(h.Bare()) != ORG || placeNamedHead(h.Bare()) || fieldAfter(d, s.last, limit) == s.last {
				continue
			}
			s.typ, s.first, s.skip, s.start = ORG, s.first-1, utf8.RuneCountInString(h.Pre), h.EntStart
		default:
			continue
		}
		if last := fieldAfter(d, s.last, limit); last > s.last {
			s.last, s.end = last, toks[last].End
		}
	}
}

// audience reports whether token k is ل + a noun for those a body speaks
// to: للصحفيين، لوسائل الإعلام.
func audience(d *token.Doc, k int) bool {
	if k >= len(d.Tokens) {
		return false
	}
	switch d.Tokens[k].Stem {
	case "صحفيين", "صحافيين", "مراسلين", "وسائل", "اعلام", "مواطنين", "جمهور":
		return true
	}
	return false
}

// adverbialNoun reports whether the noun w after لل makes an adverb (للمرة
// الأولى، للغاية، للعام الثاني) rather than a field.
func adverbialNoun(w string) bool {
	switch w {
	case "مره", "غايه", "اسف", "وقت", "يوم", "عام", "اسبوع", "شهر", "سنه", "حظه", "موسم":
		return true
	}
	return false
}

// fieldAfter returns the last token of the field and adjectives that follow
// a facility's name ending at token last, before token limit: مركز محمد بن
// راشد للفضاء، جامعة الملك عبد الله للعلوم والتقنية، مستشفى الملك فيصل
// التخصصي. It returns last when none follows.
func fieldAfter(d *token.Doc, last, limit int) int {
	toks := d.Tokens
	if k := last + 1; toks[last].Pre == "لل" && k < limit && toks[k].Kind == token.Word && toks[k].Pre == "و" && toks[k].Al && toks[k].SpaceBefore {
		return k // the name ended inside its field: للعلوم والتقنية
	}
	if k := last + 1; k < limit && toks[k].Kind == token.Word && toks[k].Pre == "لل" && toks[k].SpaceBefore && !adverbialNoun(toks[k].Stem) {
		last = k
		if k++; k < limit && toks[k].Kind == token.Word && toks[k].Pre == "و" && toks[k].Al && toks[k].SpaceBefore {
			last = k
		}
	}
	for n := 0; n < 2 && last+1 < limit && nisbaAdjective(&toks[last+1]) && !nationality(toks[last+1].Norm) &&
		!femNationality(toks[last+1].Norm); n++ {
		last++
	}
	return last
}

// royalTitle reports whether w, with the article, is a title that
// facilities keep in the names they take from people: مطار الملك سلمان،
// مستشفى الأمير سلطان، جامع الشيخ زايد.
func royalTitle(w string) bool {
	switch w {
	case "الملك", "الامير", "الاميره", "الملكه", "الشيخ", "السلطان", "الامام", "الرئيس", "الشهيد":
		return true
	}
	return false
}

// hasField reports whether a word of s after its first has لل: a field
// (كارنيغي للشرق الأوسط), which names a centre rather than a club's place in
// a table (مركز الهلال).
func hasField(d *token.Doc, s span) bool {
	for k := s.first + 1; k <= s.last; k++ {
		if d.Tokens[k].Pre == "لل" {
			return true
		}
	}
	return false
}

// streetHead reports whether the bare word heads the name of a street or
// square, which takes its name from a place as it does from a person:
// شارع الخيل، ميدان التحرير، شارع بيروت.
func streetHead(w string) bool {
	switch w {
	case "شارع", "ميدان", "ساحه", "طريق", "جسر", "نفق", "حي":
		return true
	}
	return false
}

// placeNamedHead reports whether the bare word is a head noun of an
// institution that takes a place's name as its own: بنك اليابان and جامعة
// القاهرة are organizations, not the country and the city.
func placeNamedHead(w string) bool {
	switch w {
	case "بنك", "مصرف", "جامعه", "شرطه":
		return true
	}
	return false
}

// nameHeadWords reports whether the bare word is a head noun that begins an
// organization's name rather than describe it: جامعة نيويورك أبوظبي is the
// university's name, while شركة آبل is the company آبل.
func nameHeadWords(w string) bool {
	switch w {
	case "جامعه", "منظمه", "هيئه", "معهد", "اكاديميه", "كليه", "مؤسسه", "جمعيه", "رابطه", "اتحاد":
		return true
	}
	return false
}

// extendHeads widens names to words just before them that belong to them:
// an organization takes a head noun of nameHeadWords written without the
// article ("جامعة نيويورك أبوظبي"), a person a listed given name with
// بنت، بن or ابن ("لطيفة بنت محمد بن راشد"), a one-word person the أم or
// أبو of a kunya ("أم كلثوم", "أبو مازن"), and a person a Moroccan مولاي. It
// runs before nameFacilities, which then sees whole names (ملعب الأمير مولاي
// عبد الله).
func extendHeads(d *token.Doc, spans []span) {
	free := func(i, k int) bool { // token k is a word in no span before spans[i]
		return k >= 0 && d.Tokens[k].Kind == token.Word && (i == 0 || spans[i-1].last < k)
	}
	for i := range spans {
		s := &spans[i]
		if !s.model || s.skip > 0 || !d.Tokens[s.first].SpaceBefore {
			continue
		}
		k := s.first - 1
		switch {
		case s.typ == ORG && free(i, k) && !d.Tokens[k].Al && (nameHeadWords(d.Tokens[k].Bare()) ||
			d.Tokens[k].Bare() == "مركز" && hasField(d, *s)):
			s.first = k // جامعة نيويورك أبوظبي، مركز كارنيغي للشرق الأوسط
		case s.typ == PER && free(i, k) && d.Tokens[k].Pre == "" && d.Tokens[k].SpaceBefore && s.first == s.last &&
			(d.Tokens[k].Norm == "ام" || d.Tokens[k].Norm == "ابو"):
			s.first = k // أم كلثوم، أبو مازن
		case s.typ == PER && free(i, k) && d.Tokens[k].Pre == "" && d.Tokens[k].Norm == "مولاي":
			s.first = k // مولاي عبد الله, a Moroccan prince
		case s.typ == PER && free(i, k) && free(i, k-1) && d.Tokens[k].Pre == "" && d.Tokens[k].SpaceBefore &&
			(d.Tokens[k].Norm == "بن" || d.Tokens[k].Norm == "بنت" || d.Tokens[k].Norm == "ابن") &&
			!d.Tokens[k-1].Al && givenName(&d.Tokens[k-1]):
			s.first = k - 1
			if t := &d.Tokens[s.first]; t.Pre != "" && !ner.GivenName(t.Stem) {
				// The tokenizer took the name's first letter for a
				// proclitic (ل + طيفة).
				s.skip, s.start = 0, t.Start
				continue
			}
		default:
			continue
		}
		t := &d.Tokens[s.first]
		s.skip = utf8.RuneCountInString(t.Pre)
		s.start = t.EntStart
	}
}

// dropAdverbs drops one-word model spans written with a final tanween
// fath, as adverbs are (رياضياً، اقتصادياً) and names in news text are not,
// ends a longer span before such a word, and drops one-word countries that
// countryAdjective finds used as adjectives.
func dropAdverbs(d *token.Doc, spans []span) []span {
	// The model's one-word countries that are adjectives or given names,
	// as countryNames leaves them.
	spans = slices.DeleteFunc(spans, func(s span) bool {
		return s.typ == LOC && s.first == s.last && gazetteer.IsCountry(gazetteer.Key(d.Tokens[s.first].Bare())) &&
			countryAdjective(d, s.first)
	})
	// The adverbs end in ا once normalized; only such spans need the walk
	// over the text to their bytes.
	if !slices.ContainsFunc(spans, func(s span) bool { return adverbCandidate(d, s) }) {
		return spans
	}
	seek := byteSeeker{text: d.Text}
	out := spans[:0]
	for _, s := range spans {
		if !adverbCandidate(d, s) {
			out = append(out, s)
			continue
		}
		drop := false
		for i := s.first; i <= s.last; i++ {
			if !withTanween(d, &seek, &d.Tokens[i]) {
				continue
			}
			if i == s.first {
				drop = s.first == s.last
				continue
			}
			// A name the model ran into the adverb or indefinite noun
			// after it: "آبي أحمد هاتفياً", "افتتحت مايكروسوفت مركزاً".
			s.last, s.end = i-1, d.Tokens[i-1].End
			break
		}
		if !drop {
			out = append(out, s)
		}
	}
	return out
}

// godNameFirsts reports whether w is the first word of a family name made
// with الله (عطية الله، نصر الله، فضل الله), in the search normalization.
func godNameFirsts(w string) bool {
	switch w {
	case "عطيه", "نصر", "فضل", "جار", "خير", "سيف", "نعمه", "رزق", "عوض", "فتح", "هبه", "ضيف", "جاد",
		"حمد", "عطا", "بركه", "حرز", "عبيد", "كرم", "حسب", "مال":
		return true
	}
	return false
}

// joinGodNames extends a person to a family name made with الله right after
// it, which the model cuts, often marking الله alone as MISC: "يحيى عطية الله".
// Any span over the family name's words goes.
func joinGodNames(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	word := func(k int) bool { return k < len(toks) && toks[k].Kind == token.Word && toks[k].SpaceBefore }
	out := spans[:0]
	for i := 0; i < len(spans); i++ {
		s := spans[i]
		if s.model && s.typ == PER {
			k := s.last + 1
			if !godNameFirsts(toks[s.last].Norm) && word(k) && toks[k].Pre == "" && godNameFirsts(toks[k].Norm) {
				k++
			}
			if k > s.last && word(k) && toks[k].Norm == "الله" {
				s.last, s.end = k, toks[k].End
				for i+1 < len(spans) && spans[i+1].first <= k {
					i++ // a span inside the family name
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// splitOrgPerson ends an organization before a listed given name that the
// model ran it into, when an unknown word follows the name: "وكالة الأونروا
// جولييت توما" is the agency and the spokeswoman جولييت توما. A given name
// after بن، عبد or أبو stays (مؤسسة محمد بن راشد), and so does one before a
// word with a proclitic or the article.
func splitOrgPerson(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	joined := false
	out := splitEach(spans, func(i int, s span) (span, span, bool) {
		k := s.last + 1
		if !s.model || s.typ != ORG || s.last == s.first || k >= len(toks) ||
			i+1 < len(spans) && (spans[i+1].first < k || spans[i+1].first == k && !nameHeads[toks[k].Norm]) {
			return s, s, false
		}
		name, next := &toks[s.last], &toks[k]
		if !givenName(name) || name.Al || nameHeads[toks[s.last-1].Norm] || next.Kind != token.Word || !next.SpaceBefore ||
			next.Pre != "" || next.Al || givenName(next) || ner.Listed(next.Norm) {
			return s, s, false
		}
		if ner.Default().Known(next.Norm) {
			// The name may go on with أبو or بن and what the model took
			// as a person of its own: "الأونروا عدنان أبو حسنة".
			if !nameHeads[next.Norm] || i+1 >= len(spans) || spans[i+1].first != k || spans[i+1].typ != PER {
				return s, s, false
			}
			k = spans[i+1].last
			spans[i+1].typ, joined = "", true // joined to the person below, dropped after
		}
		org := s
		org.last--
		org.end = toks[org.last].End
		return org, span{typ: PER, first: s.last, last: k, start: name.Start, end: toks[k].End, model: true}, true
	})
	if joined {
		out = slices.DeleteFunc(out, func(s span) bool { return s.typ == "" })
	}
	return out
}

// listedPlaces returns spans for listed places and countries that the model
// left out where the text can only mean the place: after في، إلى or من (with
// و or ف before it) and right before punctuation, as in "وفي مسقط، افتتح",
// while "في مسقط رأسه" (his birthplace) stays a common noun; and right
// after و that follows a place, as in "في بغداد والبصرة".
func listedPlaces(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	var out []span
	j := 0
	for k := 1; k+1 < len(toks); k++ {
		t := &toks[k]
		if t.Kind != token.Word || !t.SpaceBefore {
			continue
		}
		j = spanFrom(spans, j, k)
		if j < len(spans) && spans[j].first <= k {
			continue // inside a span already
		}
		switch {
		case ner.ListedType(t.Stem) == LOC && !ner.Default().Known(t.Bare()) && !token.CorpusWord(t.Stem):
			// A listed town the model never saw in training, and so cannot
			// weigh in context, that is no common word either: زوارة،
			// صبراتة، ورزازات.
			out = append(out, span{typ: LOC, first: k, last: k, skip: utf8.RuneCountInString(t.Pre), start: t.EntStart, end: t.End})
			continue
		case t.Pre == "و" && j > 0 && spans[j-1].last == k-1 && spans[j-1].typ == LOC:
			// A place joined to a place: "في بغداد والبصرة".
		case t.Pre != "" || toks[k+1].Kind != token.Punct || toks[k+1].SpaceBefore:
			continue
		default:
			switch toks[k-1].Norm {
			case "في", "وفي", "ففي", "الي", "والي", "من", "ومن":
			default:
				continue
			}
		}
		if ner.ListedType(t.Stem) != LOC && !gazetteer.IsCountry(gazetteer.Key(t.Bare())) {
			continue
		}
		out = append(out, span{typ: LOC, first: k, last: k, start: t.EntStart, end: t.End})
	}
	return out
}

// countryNames returns spans for the names of countries and territories
// (CLDR's Arabic names) that no span covers, except the few that are also
// common words: مالي (financial), المغرب (the sunset prayer), بنين (sons),
// and a name with the article ending in ة after a word with the article,
// which is the adjective (السوق المالية السعودية).
func countryNames(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	var out []span
	var words [4]string
	j := 0
	for k := 0; k < len(toks); k++ {
		t := &toks[k]
		// Every country name's first word has three letters or more (six
		// bytes), as مصر; most words shorter are particles.
		if t.Kind != token.Word || len(t.Norm) < 6 || !t.SpaceBefore && k > 0 && toks[k-1].Kind == token.Word {
			continue
		}
		whole := t.Pre != "" && !t.Al && ner.CountryStart(t.Norm) // لاتفيا, not ل + اتفيا
		if !whole && !ner.CountryStart(t.Bare()) {
			continue
		}
		j = spanFrom(spans, j, k)
		if j < len(spans) && spans[j].first <= k {
			continue
		}
		n := 0
		for ; n < len(words) && k+n < len(toks) && toks[k+n].Kind == token.Word && (n == 0 || toks[k+n].Pre == "" && toks[k+n].SpaceBefore); n++ {
			words[n] = toks[k+n].Bare()
		}
		m, skip, start := gazetteer.MatchCountry(words[:n]), utf8.RuneCountInString(t.Pre), t.EntStart
		if m == 0 && whole {
			words[0] = t.Norm
			m, skip, start = gazetteer.MatchCountry(words[:n]), 0, t.Start
		}
		if m == 0 || j < len(spans) && spans[j].first <= k+m-1 {
			continue
		}
		switch words[0] {
		case "مالي", "مغرب", "بنين", "ساموا", "جورجيا", "نيجر", "كوراساو", "قمر":
			if m == 1 {
				continue
			}
		}
		if m == 1 && countryAdjective(d, k) {
			continue
		}
		out = append(out, span{typ: LOC, first: k, last: k + m - 1, skip: skip, start: start, end: toks[k+m-1].End})
		k += m - 1
	}
	return out
}

// countryAdjective reports whether the one-word country name at token k is
// an adjective or a given name rather than the country: سعودية and هند
// without the article (the countries take it: رائدة فضاء سعودية), and a name
// with the article ending in ة right after a word with the article (السوق
// المالية السعودية، الروائية السعودية; ANERcorp tags them O), except after
// العربية, where it ends المملكة العربية السعودية.
func countryAdjective(d *token.Doc, k int) bool {
	t := &d.Tokens[k]
	if !t.Al {
		b := t.Bare()
		return b == "سعوديه" || b == "هند"
	}
	if t.Pre != "" || !t.SpaceBefore || !strings.HasSuffix(t.Norm, "ه") || k == 0 {
		return false
	}
	p := &d.Tokens[k-1]
	return p.Kind == token.Word && p.Al && p.Stem != "العربيه"
}

// saudiAfterOrgs joins السعودية right after an organization to it: there it
// is the adjective, Saudi, not the country ("شركة هيوماين السعودية",
// "أرامكو السعودية"), as countryAdjective reads it after other words with
// the article.
func saudiAfterOrgs(d *token.Doc, spans []span) []span {
	return joinAdjacent(spans, func(p, s span) bool {
		t := &d.Tokens[s.first]
		return p.typ == ORG && s.typ == LOC && s.first == s.last && t.Norm == "السعوديه" && t.SpaceBefore
	})
}

// placesInLists retypes as a place a one-word person or organization that
// the model found right after a place and و: in "معبري كرم أبو سالم وزيكيم"
// and "مقاطعات بيلغورود وكورسك وبريانسك" the list is of places. A word that
// a list names (حماس، عبد الله، a given or family name) keeps its type.
func placesInLists(d *token.Doc, spans []span) {
	for i := 1; i < len(spans); i++ {
		s, p := &spans[i], &spans[i-1]
		if !s.model || s.typ != PER && s.typ != ORG || s.first != s.last || p.typ != LOC || p.last != s.first-1 {
			continue
		}
		t := &d.Tokens[s.first]
		if t.Kind != token.Word || t.Pre != "و" || !t.SpaceBefore || t.Al || ner.Listed(t.Stem) || ner.Listed(t.Norm) ||
			famousSurname(t.Stem) || orgWords.has(t.Stem) || recentGivenName(t.Stem) {
			continue
		}
		if k := s.last + 1; k < len(d.Tokens) && d.Tokens[k].Kind == token.Word && d.Tokens[k].SpaceBefore && d.Tokens[k].Pre == "" &&
			(givenName(&d.Tokens[k]) || famousSurname(d.Tokens[k].Stem)) {
			continue // a person's name goes on
		}
		s.typ = LOC
	}
}

// quotedTitles marks the title in quotes that follows a noun for a work or
// an operation (MISC), or for a newspaper, channel, platform, organization,
// party or company (ORG), directly or after بعنوان: برنامج «حوار من القلب»،
// فيلم "الممر"، عملية «طوفان الأقصى»، صحيفة «نيويورك تايمز»، منظمة "فورو
// بينال". Model spans inside the quotes give way to the title, a model span
// that is the whole title takes its type, and an organization span that is
// only the noun before the quotes is dropped.
func quotedTitles(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	var titles []span
	var heads []int // the token before each title's quotes
	for q := 1; q+2 < len(toks); q++ {
		// Quotes are rare: find one, then the noun before it.
		if toks[q].Kind != token.Punct || !openQuote(toks[q].Norm) {
			continue
		}
		k := q - 1
		if w := toks[k].Norm; k > 0 && toks[k].Kind == token.Word && (w == "بعنوان" || w == "عنوانه" || w == "باسم") {
			k--
		} else if k > 0 && nisbaAdjective(&toks[k]) && (toks[k-1].Al && workNoun(toks[k-1].Bare()) == MISC ||
			!toks[k-1].Al && namedThings.has(toks[k-1].Bare())) {
			k-- // الفيلم الفلسطيني "صوت هند رجب"، نموذجها اللغوي «رقيم 3»
		}
		// A ship: حاملة الطائرات (الأمريكية) "أبراهام لينكولن".
		if k > 1 && nisbaAdjective(&toks[k]) && toks[k-1].Norm == "الطائرات" {
			k--
		}
		if k > 0 && toks[k].Norm == "الطائرات" && toks[k-1].Bare() == "حامله" {
			k--
		}
		typ := workNoun(toks[k].Bare())
		if typ == "" && !toks[k].Al && namedThings.has(toks[k].Bare()) {
			typ = MISC // مؤتمر «ليب»، طراز «بلاكويل»; with the article, المشروع «سيغير المنطقة» quotes speech
		}
		if toks[k].Kind != token.Word || typ == ORG && toks[k].Al {
			typ = "" // with the article, a body's noun comes before what it said: الحزب "لن يسلّم سلاحه"
		}
		end := -1
		for e := q + 1; e < len(toks) && e <= q+9; e++ {
			if closeQuote(toks[e].Norm, toks[q].Norm) {
				end = e
				break
			}
			if toks[e].Kind == token.Punct && strings.ContainsAny(toks[e].Norm, ".!?؟«»\n:;؛,،()[]\"“”") {
				break // a title holds no punctuation but a hyphen: "الحرب: القصة" is left as found
			}
		}
		if end < q+2 {
			continue
		}
		if typ == "" {
			if !byAuthor(d, end+1) {
				continue
			}
			typ, k = MISC, -1
		}
		first, last := q+1, end-1
		titles = append(titles, span{typ: typ, first: first, last: last, start: toks[first].Start, end: toks[last].End, model: true})
		heads = append(heads, k)
		q = end
	}
	if titles == nil {
		return spans
	}
	out := make([]span, 0, len(spans)+len(titles))
	j := 0
	for _, s := range spans {
		if s.first == s.last && s.typ == ORG && slices.Contains(heads, s.first) {
			continue // the head noun alone: منظمة before «فورو بينال»
		}
		for j < len(titles) && titles[j].end <= s.start {
			out = append(out, titles[j])
			j++
		}
		if j < len(titles) && s.start < titles[j].end && titles[j].start < s.end {
			if s.start < titles[j].start || s.end > titles[j].end {
				titles[j].typ = "" // a span reaches out of the quotes: leave both as found
				out = append(out, s)
			}
			continue // inside the title, or the title itself
		}
		out = append(out, s)
	}
	out = append(out, titles[j:]...)
	kept := out[:0]
	for _, s := range out {
		if s.typ != "" {
			kept = append(kept, s)
		}
	}
	return kept
}

// byAuthor reports whether token k credits the work in quotes before it to
// its author: ل + a writer's or artist's noun or an adjective of
// nationality, as lists of books and films do ("«سماء من قش» للجزائري مراد
// بوخلفة"، «…» للروائية). Quoted speech is followed by whom it was said to
// (للصحفيين، لرويترز), which these words are not.
func byAuthor(d *token.Doc, k int) bool {
	if k >= len(d.Tokens) {
		return false
	}
	t := &d.Tokens[k]
	if t.Kind != token.Word || t.Pre != "ل" && t.Pre != "لل" {
		return false
	}
	b := t.Bare()
	switch b {
	case "كاتب", "كاتبه", "روائي", "روائيه", "اديب", "اديبه", "شاعر", "شاعره", "مخرج", "مخرجه", "مؤلف", "مؤلفه",
		"فنان", "فنانه", "مغني", "مغنيه", "مطرب", "مطربه", "رسام", "رسامه":
		return true
	}
	return nationality("ال"+b) || femNationality("ال"+b)
}

// workNoun returns the type of the title in quotes that a bare word
// introduces: MISC for works, events and operations, ORG for newspapers,
// channels and platforms, or "".
func workNoun(w string) string {
	switch {
	case workNouns.has(w):
		return MISC
	case bodyNouns.has(w):
		return ORG
	}
	return ""
}

// workNouns and bodyNouns are the lists workNoun searches.
var (
	workNouns = &wordList{src: `اغنيته اغنيتها اغنيه البوم البومه البومها برنامج برنامجا برنامجه برنامجها تطبيق حامله ديوان ديوانه روايته
روايتها روايه سفينه صاروخ عمليه غواصه فرقاطه فيلم فيلما فيلمه فيلمها قصيدته قصيده قمر كتاب كتابا كتابه كتابها
لعبه لوحه مدمره مركبه مسبار مسرحيته مسرحيه مسلسل مسلسلا مسلسله مسلسلها معرض مهرجان مهمه ناقله`}
	// namedThings name what the quotes after them hold only without the
	// article.
	namedThings = &wordList{src: `حمله خطه سفينته سفينتها طراز قضيه مؤتمر مبادره مسابقه مشروع منتدي نموذج نموذجه نموذجها`}
	bodyNouns   = &wordList{src: `ائتلاف تحالف جريده جمعيه حركه حزب شركه صحيفه صندوق قناه مجله مجموعه منصه منظمه موقع وكاله`}
)

func openQuote(w string) bool { return w == "«" || w == "\"" || w == "“" }

func closeQuote(w, open string) bool {
	switch open {
	case "«":
		return w == "»"
	case "“":
		return w == "”"
	}
	return w == "\""
}

// nicknames gives PER to a name in quotes right after a person, as a
// nickname is written: محمد حمدان دقلو "حميدتي", unless the name is a listed
// organization or place. A one-word person in quotes right after an
// organization is its short name, an organization: وكالة استكشاف الفضاء
// اليابانية "جاكسا".
func nicknames(d *token.Doc, spans []span) {
	toks := d.Tokens
	for i := 1; i < len(spans); i++ {
		p, s := &spans[i-1], &spans[i]
		if s.first != p.last+2 || s.last+1 >= len(toks) || !openQuote(toks[p.last+1].Norm) ||
			!closeQuote(toks[s.last+1].Norm, toks[p.last+1].Norm) {
			continue
		}
		if p.typ == ORG && s.typ == PER && s.first == s.last && !givenName(&toks[s.first]) {
			s.typ = ORG
			continue
		}
		if p.typ != PER || s.typ == PER {
			continue
		}
		k := spanKey(d, *s, s.first, s.last)
		if ner.ListedType(k) == "" && ner.ListedType(strings.TrimPrefix(k, "ال")) == "" && !gazetteer.IsCountry(gazetteer.Key(k)) {
			s.typ = PER
		}
	}
}

// fixPersonEdges corrects four misreadings at the edges of names:
//   - a person that ends in a number is a thing named after someone
//     (المستكشف "راشد 2"), MISC;
//   - a person that ends in a preposition written with ى in the input (على،
//     إلى، حتى) ends before it: normalization makes على the given name علي,
//     but no name is spelled so (حسن شيخ محمود على هامش القمة);
//   - a one-word person that is an adjective of origin with the article,
//     right before another person, is the adjective (الرئيس الكيني ويليام
//     روتو), unless it is listed with its article;
//   - a one-word MISC name that is a listed organization or place takes
//     that type (اليونيفيل).
func fixPersonEdges(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	seek := byteSeeker{text: d.Text}
	out := spans[:0]
	for i := range spans {
		s := spans[i]
		for n := 0; s.typ == PER && n < 2 && nameHeads[toks[s.last].Norm] && s.last+1 < len(toks) &&
			(i+1 == len(spans) || spans[i+1].first > s.last+1); n++ {
			// No name ends in بن or عبد: "غانم بن فضل البوعينين".
			t := &toks[s.last+1]
			if t.Kind != token.Word || !t.SpaceBefore || t.Pre != "" || afterName(t) || functionWords[t.Norm] {
				break // "وقال آبي إن إثيوبيا": آبي, not أبي, before a particle
			}
			s.last, s.end = s.last+1, t.End
		}
		if s.typ == PER {
			// A name has no و + ال inside it: "محمد صلاح والهولندي كودي
			// غاكبو" lists a second person, named by nationality.
			for k := s.first + 1; k <= s.last; k++ {
				if t := &toks[k]; t.Al && strings.HasPrefix(t.Pre, "و") {
					s.last, s.end = k-1, toks[k-1].End
					break
				}
			}
		}
		if n := s.last + 1; (s.typ == ORG || s.typ == LOC) && s.last > s.first && n < len(toks) && (i+1 == len(spans) || spans[i+1].first > n) &&
			toks[n].Kind == token.Word && toks[n].Pre == "" && toks[n].SpaceBefore && regnalOrdinals(toks[n].Norm) && givenName(&toks[s.last]) {
			// A facility named after a king keeps his number: جامعة كارلوس
			// الثالث (joinNameParts gives persons theirs).
			s.last, s.end = n, toks[n].End
		}
		if s.typ == LOC && s.last > s.first && !toks[s.first].Al && toks[s.first].Bare() == "ريف" {
			dropFirst(d, &s) // the countryside of a city: ريف حمص
		}
		if s.typ == ORG && s.last > s.first && regnalOrdinals(toks[s.last].Norm) && ner.ListedType(toks[s.last-1].Stem) == ORG {
			// A club and its place in the table: خلف الهلال المتصدر والاتحاد الثاني.
			s.last, s.end = s.last-1, toks[s.last-1].End
		}
		if s.typ == ORG && s.last == s.first+1 && !toks[s.first].Al && !toks[s.last].Al && toks[s.first].Pre == "" &&
			(ner.IsOrgHead(toks[s.first].Bare()) || facilityType(toks[s.first].Bare()) == ORG) && ner.IsNisba(toks[s.last].Stem) &&
			!ner.Listed(toks[s.last].Stem) {
			continue // a kind, not a name: جامعة عربية، شركة أمريكية
		}
		if s.typ == ORG && s.last > s.first && toks[s.first].Stem == "سيدي" {
			s.typ = LOC // Maghreb towns named after a saint: سيدي بوزيد، سيدي بوعثمان
		}
		switch {
		case s.typ == PER && s.last > s.first && toks[s.last].Kind == token.Number:
			// No one's name ends in a number; a rover's or a phone's does
			// (المستكشف "راشد 2").
			s.typ = MISC
		case s.typ == PER && s.last > s.first:
			t := &toks[s.last]
			if t.Pre == "" && (t.Norm == "علي" || t.Norm == "الي" || t.Norm == "حتي") {
				b0 := seek.at(t.Start)
				if strings.HasSuffix(d.Text[b0:seek.at(t.End)], "ى") {
					s.last--
					s.end = toks[s.last].End
				}
			}
		case s.typ == PER && s.first == s.last && i+1 < len(spans) && spans[i+1].typ == PER && spans[i+1].first == s.last+1:
			t := &toks[s.first]
			if t.Al && ner.IsNisba(t.Bare()) && !ner.Listed(t.Stem) {
				continue
			}
		case s.typ == MISC && s.first == s.last:
			// الله and letter names are in the lists as parts of names
			// (حزب الله، ايه بي سي), not alone.
			if w := toks[s.first].Stem; !functionWords[w] && !letterNames(w) {
				if typ := ner.ListedType(w); typ != "" {
					s.typ = typ
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// dropLoneHeads drops the spans that are a lone head noun or particle (see
// loneHead). It runs before nameFacilities, so that a head the model found
// alone (جامعة) can join the person after it (محمد بن زايد) into the
// facility's name.
func dropLoneHeads(d *token.Doc, spans []span) []span {
	return slices.DeleteFunc(spans, func(s span) bool {
		return s.first == s.last && loneHead(&d.Tokens[s.first], s.typ)
	})
}

// trimDescriptions ends a name before a word that describes or follows
// it: a party's leaning (حزب القوة الشعبية اليميني) and لصالح (a poll
// إيبسوس لصالح a newspaper); and it gives a body's field, coordinated with
// و, the adjective after it. It runs once the parties and bodies are in.
func trimDescriptions(d *token.Doc, spans []span) {
	toks := d.Tokens
	for i := range spans {
		s := &spans[i]
		if s.last == s.first {
			continue
		}
		for n := 0; s.typ == ORG && n < 2 && s.last+1 < len(toks) && (i+1 == len(spans) || spans[i+1].first > s.last+1); n++ {
			// A body's coordinated field keeps its adjective: وزارة الإسكان
			// والتخطيط العمراني، ديوان الرقابة المالية والإدارية.
			l, t := &toks[s.last], &toks[s.last+1]
			if t.Kind != token.Word || !t.SpaceBefore || !t.Al || !ner.IsNisba(t.Bare()) || nationality(t.Stem) || femNationality(t.Stem) ||
				!(l.Pre == "و" && l.Al && t.Pre == "" || t.Pre == "و" && l.Al && ner.IsNisba(l.Bare())) {
				break
			}
			s.last, s.end = s.last+1, t.End
		}
		if toks[s.last].Norm == "لصالح" || s.typ == ORG && toks[s.first].Stem == "حزب" && partyDescription(toks[s.last].Norm) {
			s.last, s.end = s.last-1, toks[s.last-1].End
		}
	}
}

// loneHead reports whether t, alone a span of type typ, names nothing: a
// head noun without its name (صلاة جامعة is a congregational prayer; من
// بطولة is "starring"), a particle left when the model's span lost its head
// (للمنظمة إلى), or a listed city with an article it is never written with
// (الجدة is a grandmother; Jeddah is جدة).
func loneHead(t *token.Token, typ string) bool {
	b := t.Bare()
	switch {
	case t.Kind != token.Word || ner.Listed(t.Stem):
		return false
	case typ == ORG && (ner.IsOrgHead(b) || facilityType(b) == ORG), typ == MISC && eventHead(b), typ == LOC && b == "ريف",
		typ != PER && !t.Al && title(b):
		return true
	case typ == LOC && t.Al && ner.ListedType(b) == LOC && !gazetteer.IsCountry(gazetteer.Key(b)):
		return true
	}
	switch t.Norm {
	case "الي", "في", "من", "عن", "مع", "ان", "حتي", "منذ", "خلال", "ضد", "حول":
		return true
	}
	return false
}

// letterNames reports whether w is an Arabic spelling of a Latin letter
// (search-normalized), as acronyms are written: "سي إم إيه سي جي إم".
func letterNames(w string) bool {
	switch w {
	case "ايه", "اي", "بي", "سي", "دي", "اف", "جي", "اتش", "جاي", "كاي", "كيه", "ال", "ام", "ان", "او",
		"كيو", "ار", "اس", "تي", "يو", "في", "دبليو", "اكس", "واي", "زد", "زي":
		return true
	}
	return false
}

// joinLetterNames joins adjacent spans of one type that both consist of
// letter names, which the model cut in two inside one acronym.
func joinLetterNames(d *token.Doc, spans []span) []span {
	letters := func(s span) bool {
		for k := s.first; k <= s.last; k++ {
			if !letterNames(d.Tokens[k].Norm) {
				return false
			}
		}
		return true
	}
	return joinAdjacent(spans, func(p, s span) bool {
		return p.typ == s.typ && s.skip == 0 && d.Tokens[s.first].SpaceBefore && letters(p) && letters(s)
	})
}

// joinAdjacent extends each span over the span right after it, with no
// token between them, when join(prev, next) holds; it works in place.
func joinAdjacent(spans []span, join func(prev, next span) bool) []span {
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && out[n-1].last+1 == s.first && join(out[n-1], s) {
			out[n-1].last, out[n-1].end = s.last, s.end
			continue
		}
		out = append(out, s)
	}
	return out
}

// nameParticles reports whether w is one of the short words inside foreign
// and Arab full names: لولا دا سيلفا، فان دايك، حمد بن خليفة آل ثاني.
func nameParticles(w string) bool {
	switch w {
	case "لا", "لي", "بن", "ابن", "بنت", "ابو", "ال":
		return true
	}
	return europeanParticle(w)
}

// extendParticles extends a person that ends in a European name particle
// (فون، فان، دي، دا، دير …), which no name ends with, over any further
// particles and the word after them, whatever letter the tokenizer split
// off it (after a particle no preposition stands): the model's "أورسولا
// فون" is أورسولا فون دير لاين. A Mauritanian ولد ("son of") takes the name
// after it, with its article: سيدي ولد التاه.
func extendParticles(d *token.Doc, spans []span) {
	toks := d.Tokens
	for i := range spans {
		s := &spans[i]
		ould := toks[s.last].Norm == "ولد" && s.last > s.first // سيدي ولد التاه
		if s.typ != PER || !europeanParticle(toks[s.last].Norm) && !ould {
			continue
		}
		k := s.last + 1
		for k < len(toks) && k-s.last <= 2 && toks[k].Kind == token.Word && toks[k].SpaceBefore && europeanParticle(toks[k].Norm) {
			k++
		}
		next := i+1 < len(spans) && spans[i+1].first <= k
		if k >= len(toks) || next || toks[k].Kind != token.Word || !toks[k].SpaceBefore || toks[k].Al && !ould ||
			toks[k].Pre != "" && ould || functionWords[toks[k].Norm] {
			continue
		}
		s.last, s.end = k, toks[k].End
	}
}

func europeanParticle(w string) bool {
	switch w {
	case "دا", "دي", "دو", "دوس", "ديل", "ديلا", "دير", "فان", "فون":
		return true
	}
	return false
}

// joinPersonGaps joins two persons that one or two words separate when each
// of those words is a name particle or a listed given or family name (the
// letter the tokenizer may have split off included): the model found
// "لويز إيناسيو" and "سيلفا" in لويز إيناسيو لولا دا سيلفا.
func joinPersonGaps(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.model && s.typ == PER && s.skip == 0 && out[n-1].model && out[n-1].typ == PER {
			p := &out[n-1]
			gap := s.first - p.last - 1
			ok := gap >= 1 && gap <= 2 && toks[s.first].SpaceBefore
			for k := p.last + 1; ok && k < s.first; k++ {
				t := &toks[k]
				ok = t.Kind == token.Word && t.SpaceBefore && (nameParticles(t.Norm) || ner.PersonName(t.Norm) ||
					t.Pre == "" && ner.PersonName(t.Stem))
			}
			if ok {
				p.last, p.end = s.last, s.end
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// joinKnownPersons joins two adjacent model spans, the first a person, when
// together they give, word for word, a person named by a single span
// elsewhere in the article: the model found بيل كلينتون once, then "بيل"
// and an organization "كلينتون" side by side.
func joinKnownPersons(d *token.Doc, spans []span) []span {
	var full []string // few per article: a slice, cheaper than a map in WebAssembly
	for _, s := range spans {
		if s.model && s.typ == PER && s.last > s.first {
			full = append(full, spanKey(d, s, s.first, s.last))
		}
	}
	if len(full) == 0 {
		return spans
	}
	out := spans[:0]
	for _, s := range spans {
		if n := len(out); n > 0 && s.model && s.skip == 0 && out[n-1].model && out[n-1].typ == PER &&
			s.first == out[n-1].last+1 && d.Tokens[s.first].SpaceBefore && d.Tokens[s.first].Pre == "" {
			joined := out[n-1]
			joined.last, joined.end = s.last, s.end
			if slices.Contains(full, spanKey(d, joined, joined.first, joined.last)) {
				out[n-1] = joined
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// clubsByNisba retypes a place that is not a country as an organization when a
// masculine adjective of nationality follows it: the adjective agrees with
// an implied الفريق or النادي, so "ميلان الإيطالي" and "هامبورغ الألماني" are
// clubs, while a city takes the feminine (ليون الفرنسية). An organization
// right before the place takes it in: ستيوا بوخارست الروماني.
func clubsByNisba(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	out := spans[:0]
	for i := range spans {
		out = append(out, spans[i])
		s := &out[len(out)-1]
		if s.typ != LOC || s.last+1 >= len(toks) || i+1 < len(spans) && spans[i+1].first == s.last+1 {
			continue
		}
		next := &toks[s.last+1]
		if next.Kind != token.Word || !next.SpaceBefore || next.Pre != "" || !nationality(next.Norm) {
			continue
		}
		head := &toks[s.first]
		if head.Al || gazetteer.IsCountry(gazetteer.Key(spanKey(d, *s, s.first, s.last))) {
			continue // الخليج العربي is a place
		}
		s.typ = ORG
		if n := len(out); n > 1 && out[n-2].typ == ORG && out[n-2].last+1 == s.first && head.SpaceBefore && head.Pre == "" {
			out[n-2].last, out[n-2].end = s.last, s.end
			out = out[:n-1]
		}
	}
	return out
}

// nationality reports whether w is a masculine adjective of nationality
// with the article, of a country whose clubs Arabic sports news names.
func nationality(w string) bool { return nationalities.has(w) }

// nationalities is the list nationality searches.
var nationalities = &wordList{src: `الاثيوبي الارجنتيني الاردني الاسباني الاسترالي الاسرائيلي الاسكتلندي الافغاني الالماني الاماراتي الامريكي
الاميركي الانجليزي الاندونيسي الانكليزي الاوزبكي الاوكراني الايراني الايطالي الباكستاني البحريني البرازيلي
البرتغالي البريطاني البلجيكي البلغاري البولندي التركي التشيكي التونسي الجزائري الدنماركي الروسي الروماني
السعودي السوداني السوري السويدي السويسري الصربي الصومالي الصيني العراقي العماني الفرنسي الفلسطيني القبرصي
القطري الكرواتي الكندي الكوري الكويتي الكيني اللبناني الليبي الماليزي المجري المصري المغربي المكسيكي
الموريتاني النرويجي النمساوي النيجيري الهندي الهولندي الياباني اليمني اليوناني`}

// regnalOrdinals reports whether w is an ordinal that follows a monarch's
// or pope's name.
func regnalOrdinals(w string) bool {
	switch w {
	case "الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع",
		"العاشر":
		return true
	}
	return false
}

// regnalTitles reports whether w is a title before a name that takes an
// ordinal.
func regnalTitles(w string) bool {
	switch w {
	case "ملك", "ملكه", "سلطان", "امير", "اميره", "بابا", "امبراطور", "امبراطوره", "فرعون", "شاه",
		"خليفه", "قيصر":
		return true
	}
	return false
}

// joinNameParts completes a person the model cut at an inner edge:
//   - after a title such as الملك or البابا, a following ordinal belongs to the
//     name (للملك رمسيس الثاني);
//   - a name right after the person and a hyphen, with no spaces, is the rest
//     of a double surname: it becomes a person too, and its و is no
//     conjunction (سارة وين-ويليامز). The hyphen stays outside both spans.
func joinNameParts(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	out := spans[:0]
	for i := 0; i < len(spans); i++ {
		s := spans[i]
		if s.model && s.typ == PER {
			k := s.last + 1
			if s.first > 0 && regnalTitles(toks[s.first-1].Bare()) && k < len(toks) && toks[k].Kind == token.Word &&
				toks[k].SpaceBefore && regnalOrdinals(toks[k].Norm) && (i+1 == len(spans) || spans[i+1].first > k) {
				s.last, s.end = k, toks[k].End
			}
			if k+1 < len(toks) && toks[k].Kind == token.Punct && toks[k].Norm == "-" && !toks[k].SpaceBefore &&
				!toks[k+1].SpaceBefore && i+1 < len(spans) && spans[i+1].first == k+1 && spans[i+1].model {
				out = append(out, s)
				i++
				n := spans[i]
				n.typ, n.skip, n.start = PER, 0, toks[k+1].Start
				s = n
			}
		}
		out = append(out, s)
	}
	return out
}

// adverbCandidate reports whether s is a model span whose last word ends in
// ا once normalized, as an adverb with tanween does.
func adverbCandidate(d *token.Doc, s span) bool {
	if !s.model {
		return false
	}
	for i := s.first; i <= s.last; i++ {
		if t := &d.Tokens[i]; t.Kind == token.Word && strings.HasSuffix(t.Norm, "ا") {
			return true
		}
	}
	return false
}

// splitListedHead splits a person of two words or more whose first word
// carries a proclitic and is a listed organization or place, or a country:
// in "قال الرئيس التنفيذي لآبل تيم كوك" آبل is the company, and تيم كوك the
// person.
func splitListedHead(d *token.Doc, spans []span) []span {
	return splitEach(spans, func(_ int, s span) (span, span, bool) {
		if !s.model || s.typ != PER || s.last == s.first || d.Tokens[s.first+1].Kind != token.Word {
			return s, s, false
		}
		head := &d.Tokens[s.first]
		typ, skip, start := "", s.skip, s.start
		if head.Pre != "" {
			typ = ner.ListedType(head.Stem)
		} else if r, n := utf8.DecodeRuneInString(head.Norm); strings.ContainsRune("وفبكل", r) && len(head.Norm) > n {
			// The tokenizer kept the letter: لآبل is no word it knows.
			if typ = ner.ListedType(head.Norm[n:]); typ != "" {
				skip = 1
				start, _ = d.Norm.Source(head.NStart+1, head.NEnd)
			}
		}
		if typ == "" && head.Pre != "" && !ner.GivenName(head.Stem) && gazetteer.IsCountry(gazetteer.Key(head.Bare())) {
			typ = LOC
		}
		if typ == "" {
			return s, s, false
		}
		first, rest := s, s
		first.typ, first.last, first.end, first.skip, first.start = typ, s.first, head.End, skip, start
		dropFirst(d, &rest)
		return first, rest, true
	})
}

// completeWithPhrases extends a model span to the end of a listed name of
// the same type that it ends inside, when the span starts one word before
// the name with an organization head word, as the model's "منظمة أطباء" in
// منظمة أطباء بلا حدود, unless that runs into the next span. Merging then
// keeps the longer span. A model span of two words or more that is exactly
// a listed name takes the list's type.
func completeWithPhrases(d *token.Doc, model, phrases []span) {
	j := 0
	for i := range model {
		m := &model[i]
		for j < len(phrases) && phrases[j].end <= m.start {
			j++
		}
		if j < len(phrases) && phrases[j].first == m.first && phrases[j].last == m.last && m.last > m.first {
			m.typ = phrases[j].typ // the model's أديس أبابا as a person
			continue
		}
		for k := j; k < len(phrases) && phrases[k].start < m.end; k++ {
			p := &phrases[k]
			if p.typ != m.typ || p.first != m.first+1 || p.end <= m.end || !ner.IsOrgHead(d.Tokens[m.first].Bare()) ||
				i+1 < len(model) && model[i+1].start < p.end {
				continue
			}
			m.last, m.end = p.last, p.end
		}
	}
}

// splitAtPhrases cuts a model span that starts with a listed name and runs
// on into a given name where the listed name ends; the rest is a person:
// "أكد الأمين العام لجامعة الدول العربية أحمد أبو الغيط" gave one
// organization.
func splitAtPhrases(d *token.Doc, model, phrases []span) []span {
	j := 0
	return splitEach(model, func(_ int, m span) (span, span, bool) {
		for j < len(phrases) && phrases[j].end <= m.start {
			j++
		}
		if j >= len(phrases) || phrases[j].first != m.first || phrases[j].last >= m.last || phrases[j].typ == PER {
			return m, m, false
		}
		p := phrases[j]
		g := &d.Tokens[p.last+1]
		if g.Kind != token.Word || g.Pre != "" || !g.SpaceBefore ||
			!givenName(g) && !recentGivenName(g.Stem) && !ner.PersonName(g.Stem) && !famousSurname(g.Stem) {
			return m, m, false
		}
		name := m
		name.typ, name.last, name.end = p.typ, p.last, p.end
		return name, span{typ: PER, first: p.last + 1, last: m.last, start: g.EntStart, end: m.end, model: true}, true
	})
}

// companiesNotPersons retypes as an organization a person span right after
// شركة، منصة or مجموعة written without the article, when its first word is
// no given name: "شركة هيوماين السعودية" names a company, not a person.
func companiesNotPersons(d *token.Doc, spans []span) {
	for i := range spans {
		s := &spans[i]
		if !s.model || s.typ != PER || s.first == 0 || s.skip != 0 || s.last-s.first > 1 {
			continue
		}
		h, t := &d.Tokens[s.first-1], &d.Tokens[s.first]
		if h.Kind != token.Word || h.Al || !t.SpaceBefore || givenName(t) || ner.PersonName(t.Stem) {
			continue
		}
		if companyHead(h.Bare()) {
			s.typ = ORG
		}
	}
}

// companyHead reports whether the bare word, without the article, heads a
// company's or platform's name: شركة هيوماين، مجموعة دانغوتي.
func companyHead(w string) bool {
	switch w {
	case "شركه", "منصه", "مجموعه", "شركتا":
		return true
	}
	return false
}

// unseenCompanies returns organizations for the words right after شركة or
// مجموعة that no list, the model nor the corpora know, the model having
// found nothing there, with a field after them: "أعلنت شركة رقيم للذكاء
// الاصطناعي". The head noun stays out, as ANERcorp leaves it out. The
// spans count as the model's, so later mentions of the name (رقيم) follow.
func unseenCompanies(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	var out []span
	j := 0
	for k := 1; k < len(toks); k++ {
		h, t := &toks[k-1], &toks[k]
		if h.Kind != token.Word || h.Al || !companyHead(h.Bare()) || t.Kind != token.Word || t.Pre != "" || t.Al ||
			!t.SpaceBefore || !nameLike(t) {
			continue
		}
		if j = spanFrom(spans, j, k-1); j < len(spans) && spans[j].first <= k {
			continue
		}
		limit := len(toks)
		if j < len(spans) {
			limit = spans[j].first
		}
		s := spanOver(d, ORG, k, fieldAfter(d, k, limit))
		s.model = true
		out = append(out, s)
	}
	return out
}

// publishers returns the publishing houses that books are credited to:
// دار and the word after it, after "(" or عن (الصادرة عن دار الرافدين، (دار
// الساقي)), with the field after it (دار الشروق للنشر). دار alone is a house
// or a home, so the context must say a book's publisher.
func publishers(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	var out []span
	j := 0
	for k := 1; k+1 < len(toks); k++ {
		h, t := &toks[k], &toks[k+1]
		if h.Kind != token.Word || h.Stem != "دار" || h.Pre != "" || t.Kind != token.Word || t.Pre != "" || !t.SpaceBefore {
			continue
		}
		if p := toks[k-1].Norm; p != "(" && p != "عن" {
			continue
		}
		j = spanFrom(spans, j, k)
		limit := len(toks)
		if j < len(spans) {
			if spans[j].first <= k+1 && !(spans[j].first == k+1 && spans[j].last == k+1) {
				continue // the model found more than the word after دار
			}
			if spans[j].first > k+1 {
				limit = spans[j].first
			} else if j+1 < len(spans) {
				limit = spans[j+1].first
			}
		}
		s := spanOver(d, ORG, k, fieldAfter(d, k+1, limit))
		s.model = true
		out = append(out, s)
		k = s.last
	}
	return out
}

// counterparts retypes as a person a model name of up to three words, with
// no article or proclitic on its first, right after a word for someone's
// counterpart and an optional adjective of origin: "استقبل نظيره
// الإندونيسي سوجيونو". Only a person is a minister's counterpart.
func counterparts(d *token.Doc, spans []span) {
	toks := d.Tokens
	for k := range spans {
		s := &spans[k]
		if !s.model || s.typ == PER || s.last-s.first > 2 || s.first == 0 {
			continue
		}
		if t := &toks[s.first]; t.Kind != token.Word || t.Al || t.Pre != "" || s.skip != 0 {
			continue
		}
		p := s.first - 1
		if p > 0 && isNisba(&toks[p]) && toks[p].Pre == "" {
			p--
		}
		switch toks[p].Norm {
		case "نظيره", "نظيرته", "نظيرها", "نظيرتها", "نظيرهم", "نظيريه":
			s.typ = PER
		}
	}
}

// personsAsOrgs retypes as a person an organization of two words that are a
// listed given name and one more word, neither an organization's nor with
// the article, the name's first letter not left out: "المتحدث باسم المنظمة
// كريستيان ليندماير". It runs after keepLetters, which may give the name its letter
// back.
func personsAsOrgs(d *token.Doc, spans []span) {
	for i := range spans {
		s := &spans[i]
		if !s.model || s.typ != ORG || s.last != s.first+1 || s.skip != 0 {
			continue
		}
		head, next := &d.Tokens[s.first], &d.Tokens[s.last]
		if givenName(head) && !head.Al && !next.Al && next.Kind == token.Word && ner.ListedType(next.Stem) == "" &&
			ner.ListedType(next.Norm) == "" && !ner.IsOrgHead(next.Bare()) {
			s.typ = PER
		}
	}
}

// givenName reports whether t is a listed given name, with or without the
// letter the tokenizer may have split off it.
func givenName(t *token.Token) bool { return ner.GivenName(t.Stem) || ner.GivenName(t.Norm) }

// ministries marks the ministries the model leaves out, as ANERcorp, which
// it learned from, tags them O: وزارة and the word with the article that
// names its field (وزارة الصحة), a listed second word of that field
// (وزارة التعليم العالي، وزارة الشؤون الخارجية) or a second field after و
// (وزارة الاقتصاد والمالية), and a feminine adjective of
// nationality (وزارة الخارجية الأمريكية). The other heads of
// nationalBodyHead name a body only with the adjective: وكالة الفضاء
// السعودية، هيئة الإذاعة البريطانية, not وكالة الأنباء alone. Chambers of
// parliament and cabinets are marked as ministries are (مجلس النواب
// المغربي، مجلس الوزراء), and الاتحاد with an adjective of nationality is
// a national federation (الاتحاد القطري لكرة القدم). The span leaves out
// proclitics before the head (لوزارة الدفاع).
func ministries(d *token.Doc) []span {
	toks := d.Tokens
	var out []span
	for k := 0; k+1 < len(toks); k++ {
		h := &toks[k]
		if h.Kind == token.Word && h.Stem == "الاتحاد" && toks[k+1].Kind == token.Word && toks[k+1].Pre == "" && nationality(toks[k+1].Norm) {
			// A national federation: الاتحاد القطري لكرة القدم.
			last := k + 1
			if last+2 < len(toks) && toks[last+1].Stem == "كره" && toks[last+1].Pre == "ل" && toks[last+2].Norm == "القدم" {
				last += 2
			}
			out = append(out, spanOver(d, ORG, k, last))
			k = last
			continue
		}
		if h.Kind == token.Word && h.Stem == "الخطوط" && h.Pre == "" && k+2 < len(toks) && toks[k+1].Norm == "الجويه" {
			// An airline: الخطوط الجوية الإثيوبية، الخطوط الملكية المغربية
			// aside, الخطوط الجوية الملكية الأردنية.
			last := k + 2
			if toks[last].Norm == "الملكيه" && last+1 < len(toks) {
				last++
			}
			if femNationality(toks[last].Norm) && toks[last].SpaceBefore {
				out = append(out, span{typ: ORG, first: k, last: last, start: h.EntStart, end: toks[last].End})
				k = last
				continue
			}
		}
		if h.Kind == token.Word && h.Al && h.Bare() == "بنك" && k+2 < len(toks) && toks[k+1].Norm == "المركزي" &&
			nationality(toks[k+2].Norm) && toks[k+2].SpaceBefore {
			// A central bank: البنك المركزي العراقي.
			out = append(out, spanOver(d, ORG, k, k+2))
			k += 2
			continue
		}
		if h.Kind == token.Word && h.Stem == "الخارجيه" && femNationality(toks[k+1].Norm) && toks[k+1].SpaceBefore &&
			(k == 0 || !toks[k-1].Al) {
			// The foreign ministry by its adjective alone: "المتحدث باسم
			// الخارجية الإيرانية", but not "السياسة الخارجية الأمريكية".
			out = append(out, spanOver(d, ORG, k, k+1))
			k++
			continue
		}
		if h.Kind != token.Word || h.Al {
			continue
		}
		ministry := h.Stem == "وزاره" || h.Stem == "مجلس" && k+1 < len(toks) && chamber(toks[k+1].Norm)
		if !ministry && !nationalBodyHead(h.Stem) {
			continue
		}
		word := func(j int) bool {
			t := &toks[j]
			return t.Kind == token.Word && t.Al && t.Pre == "" && t.SpaceBefore
		}
		last := k + 1
		if !word(last) || femNationality(toks[last].Norm) {
			continue
		}
		if last+1 < len(toks) && word(last+1) && ministrySecond(toks[last+1].Norm) {
			last++
		}
		// Up to two more fields after و, each with its own second word:
		// وزارة التجهيز والماء، وزارة التعليم العالي والبحث العلمي، وزارة
		// الصحة ووقاية المجتمع، وزارة الخارجية وشؤون المغتربين.
		for n := 0; ministry && n < 2 && last+1 < len(toks); n++ {
			t := &toks[last+1]
			if t.Kind != token.Word || t.Pre != "و" || !t.SpaceBefore || femNationality(t.Stem) {
				break
			}
			switch {
			case t.Al && !ministryPartner(t.Stem):
				last++
			case ministryConstruct(t.Stem) && last+2 < len(toks) && word(last+2):
				last += 2
			default:
				n = 2
				continue
			}
			if last+1 < len(toks) && word(last+1) && ministrySecond(toks[last+1].Norm) {
				last++
			}
		}
		if w := toks[min(last+1, len(toks)-1)].Norm; last+1 < len(toks) && word(last+1) && (femNationality(w) || nationality(w)) {
			last++
		} else if !ministry {
			continue
		}
		out = append(out, spanOver(d, ORG, k, last))
		k = last
	}
	return out
}

// parties marks political parties named by حزب and a name with the
// article: حزب الميثاق الوطني، حزب العدالة والتنمية، حزب الشعب الجمهوري. A
// front or movement may stand between (حزب جبهة العمل الإسلامي). Up to three
// words with the article follow, one of them after و; an adjective of
// nationality after them tells the country, not the name (حزب المحافظين
// البريطاني), and a word that describes a party rather than naming one
// (الحزب الحاكم، حزب الأغلبية) leaves it unmarked.
func parties(d *token.Doc) []span {
	toks := d.Tokens
	var out []span
	for k := 0; k+1 < len(toks); k++ {
		h := &toks[k]
		if h.Kind != token.Word || h.Al || h.Stem != "حزب" {
			continue
		}
		n := k + 1
		if t := &toks[n]; t.Kind == token.Word && !t.Al && t.Pre == "" && t.SpaceBefore && partyFront(t.Stem) {
			n++
		}
		last, and := -1, false
		for ; n < len(toks) && n <= k+4; n++ {
			t := &toks[n]
			if t.Kind != token.Word || !t.Al || !t.SpaceBefore || partyDescription(t.Stem) ||
				ner.IsTitle(t.Bare()) || royalTitle(t.Stem) || nationality(t.Norm) || femNationality(t.Norm) {
				break // حزب الله الشيخ نعيم قاسم; حزب المحافظين البريطاني
			}
			if t.Pre == "و" && last >= 0 && !and {
				and = true
			} else if t.Pre != "" {
				break
			}
			last = n
		}
		if last < 0 || toks[last].Pre != "" && last == k+1 {
			continue
		}
		out = append(out, spanOver(d, ORG, k, last))
		k = last
	}
	return out
}

// partyFront reports whether w, between حزب and the name, is a front or a
// movement: حزب جبهة العمل الإسلامي.
func partyFront(w string) bool {
	switch w {
	case "جبهه", "حركه", "تيار", "تجمع", "اتحاد", "تحالف":
		return true
	}
	return false
}

// partyDescription reports whether w, after حزب or at the end of a
// party's name, describes a party rather than naming one: الحزب الحاكم،
// حزب القوة الشعبية اليميني.
func partyDescription(w string) bool {
	switch w {
	case "الحاكم", "المعارض", "الاغلبيه", "الاكبر", "الفائز", "الجديد", "نفسه", "الوحيد", "الثاني", "الاول",
		"الرئيس", "الرئيسي", "المنافس", "الشريك", "الائتلافي", "المنحل", "المحظور", "اليميني", "اليساري",
		"المتطرف", "الليبرالي", "المحافظ", "الشعبوي":
		return true
	}
	return false
}

// ministrySecond reports whether w is the second word of a ministry's
// field: التعليم العالي، الشؤون الخارجية، التنمية الاجتماعية، التضامن
// الاجتماعي، البحث العلمي.
func ministrySecond(w string) bool {
	switch w {
	case "العالي", "الخارجيه", "الداخليه", "الاجتماعيه", "الاسلاميه", "الدينيه", "الوطني", "الوطنيه",
		"المحليه", "البلديه", "الريفيه", "العامه", "الرقميه", "الاقتصاديه", "الخارجي", "الانسانيه", "المائيه", "الطبيعيه",
		"العمراني", "الاداريه", "الاتحاديه", "الخاصه", "الصحيه", "الزراعيه", "الثقافيه",
		"الاجتماعي", "العلمي", "الفني", "المهني", "الرقمي", "الاقتصادي", "البيئي", "المدني", "الاسلامي":
		return true
	}
	return false
}

// ministryPartner reports whether w, after و, names a body that acts with a
// ministry rather than a second field of it: وزارة الداخلية والجيش.
func ministryPartner(w string) bool {
	switch w {
	case "الجيش", "القوات", "الشرطه", "الحكومه", "البرلمان", "المخابرات", "الامم", "البنك":
		return true
	}
	return false
}

// ministryConstruct reports whether the bare word, without the article,
// opens a ministry's second field with the word after it: وشؤون
// المغتربين، ووقاية المجتمع، وتنمية المجتمع.
func ministryConstruct(w string) bool {
	switch w {
	case "شؤون", "شوون", "وقايه", "تنميه", "تطوير", "رعايه", "حمايه", "تحديث":
		return true
	}
	return false
}

// femNationality reports whether w is the feminine of an adjective of
// nationality: المصرية، الأمريكية.
func femNationality(w string) bool {
	return strings.HasSuffix(w, "ه") && nationality(w[:len(w)-len("ه")])
}

// chamber reports whether w, after مجلس, names a chamber of parliament or a
// cabinet: مجلس النواب، مجلس الشيوخ، مجلس الوزراء.
func chamber(w string) bool {
	switch w {
	case "النواب", "الشيوخ", "الشوري", "الوزراء", "الامه", "الاعيان", "الشعب", "العموم", "اللوردات":
		return true
	}
	return false
}

// nationalBodyHead reports whether the bare word heads the name of a
// national body when a field and an adjective of nationality follow it.
func nationalBodyHead(w string) bool {
	switch w {
	case "وكاله", "هيئه", "مؤسسه", "سلطه", "مصلحه", "شركه", "اداره", "مديريه":
		return true
	}
	return false
}

// sportClubs marks the clubs whose names are also common words (النصر
// victory, الهلال crescent, الاتحاد union, العين eye) where the article is
// about sport: two sport words or more (مباراة، هدف، الدوري، مدرب …). A
// club word the model left out is ORG, unless another word with the article
// follows it (الاتحاد الأوروبي، الوحدة الوطنية, and also الهلال السعودي and
// "مدرب النصر البرتغالي جورجي جيسوس", where the adjective may be the
// coach's); a relative pronoun may (الهلال الذي تعادل). After the head
// noun of a ground it is that place: ملعب الاتحاد.
func sportClubs(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	// Most articles are not about sport: look for the rarer evidence first.
	club, bracket := false, false
	for k := range toks {
		switch t := &toks[k]; {
		case t.Kind == token.Punct && t.Norm == "(" && !bracket:
			// Results write a country in brackets: ( إيطاليا ), (كوت ديفوار).
			bracket = k+2 < len(toks) && toks[k+1].Kind == token.Word && ner.CountryStart(toks[k+1].Bare()) &&
				(toks[k+2].Norm == ")" || k+3 < len(toks) && toks[k+3].Norm == ")")
		case t.Kind == token.Word && t.Al && !club:
			club = ambiguousClub(t.Stem)
		}
	}
	city := slices.ContainsFunc(spans, func(s span) bool {
		return s.typ == LOC && s.first == s.last && ner.ListedType(d.Tokens[s.first].Bare()) == ORG
	})
	if !club && !bracket && !city || !sportArticle(d) {
		return nil
	}
	if bracket {
		clubsInResults(d, spans)
	}
	if city && teamSport(d) {
		citiesAsClubs(d, spans)
	}
	if !club {
		return nil
	}
	var out []span
	j := 0
	for k := range toks {
		t := &toks[k]
		if t.Kind != token.Word || !t.Al || !ambiguousClub(t.Stem) {
			continue
		}
		j = spanFrom(spans, j, k)
		if j < len(spans) && spans[j].first <= k {
			continue
		}
		if k+1 < len(toks) {
			next := &toks[k+1]
			if next.Kind == token.Word && next.Al && next.Pre == "" && !relativePronoun(next.Norm) {
				continue
			}
		}
		s := span{typ: ORG, first: k, last: k, skip: utf8.RuneCountInString(t.Pre), start: t.EntStart, end: t.End}
		if h := &toks[max(k-1, 0)]; k > 0 && t.Pre == "" && h.Kind == token.Word && !h.Al && facilityType(h.Bare()) == LOC &&
			(j == 0 || spans[j-1].last < k-1) {
			// The club's ground: ملعب الاتحاد.
			s.typ, s.first, s.skip, s.start = LOC, k-1, utf8.RuneCountInString(h.Pre), h.EntStart
		}
		out = append(out, s)
	}
	return out
}

// citiesAsClubs makes a one-word place that is also a listed club an
// organization in an article about sport (فاز ريال مدريد على برشلونة),
// unless a preposition of place comes before it (في برشلونة) or it heads a
// dateline (مدريد -).
func citiesAsClubs(d *token.Doc, spans []span) {
	for i := range spans {
		s := &spans[i]
		if s.typ != LOC || s.first != s.last {
			continue
		}
		t := &d.Tokens[s.first]
		if ner.ListedType(t.Bare()) != ORG || t.Pre == "ب" || t.Pre == "وب" {
			continue
		}
		if n := s.last + 1; n < len(d.Tokens) && d.Tokens[n].Kind == token.Punct && strings.ContainsAny(d.Tokens[n].Norm, "-–—:ـ") {
			continue // a dateline: مدريد -
		}
		if s.first > 0 {
			switch d.Tokens[s.first-1].Norm {
			case "في", "وفي", "الي", "من", "مدينه", "بمدينه", "عاصمه":
				continue
			}
		}
		s.typ = ORG
	}
}

// sportArticle reports whether d has two sport words or more.
func sportArticle(d *token.Doc) bool {
	n := 0
	for k := range d.Tokens {
		if t := &d.Tokens[k]; t.Kind == token.Word && sportWord(t.Bare()) {
			if n++; n == 2 {
				return true
			}
		}
	}
	return false
}

// teamSport reports whether d has a word of a game between teams, as a
// report on tennis (جمهور دبي) has not: there a city is the city.
func teamSport(d *token.Doc) bool {
	for k := range d.Tokens {
		if t := &d.Tokens[k]; t.Kind == token.Word && teamWords.has(t.Bare()) {
			return true
		}
	}
	return false
}

// teamWords is the list teamSport searches.
var teamWords = &wordList{src: `دوري ديربي ركلات ركله شوط مرمي مهاجم هداف هدفين`}

// clubsInResults makes a city followed by its country in brackets a club,
// as sport results list them: روما ( إيطاليا ), هامبورغ (ألمانيا).
func clubsInResults(d *token.Doc, spans []span) {
	toks := d.Tokens
	for i := range spans {
		s := &spans[i]
		k := s.last + 1
		if s.typ != LOC || k+2 >= len(toks) || toks[k].Norm != "(" || toks[k+2].Norm != ")" && (k+3 >= len(toks) || toks[k+3].Norm != ")") {
			continue
		}
		if gazetteer.IsCountry(gazetteer.Key(spanKey(d, *s, s.first, s.last))) {
			continue
		}
		c := &toks[k+1]
		if c.Kind == token.Word && gazetteer.MatchCountry([]string{c.Bare()}) == 1 || toks[k+2].Norm != ")" && c.Kind == token.Word &&
			gazetteer.MatchCountry([]string{c.Bare(), toks[k+2].Bare()}) == 2 {
			s.typ = ORG
		}
	}
}

// sportWord reports whether the bare word w belongs to sport news.
func sportWord(w string) bool { return sportWords.has(w) }

// sportWords is the list sportWord searches.
var sportWords = &wordList{src: `الترجيح بطوله تعادل دوري ديربي ركلات ركله شوط لاعب لاعبا لاعبين مباراه مباريات مدرب ملعب
منتخب مهاجم هداف هدفين`}

// ambiguousClub reports whether the normalized word w, with its article,
// names an Arab club and is also a common word or a place.
func ambiguousClub(w string) bool { return clubWords.has(w) }

// clubWords is the list ambiguousClub searches.
var clubWords = &wordList{src: `الاتحاد الاتفاق الاخدود الاسماعيلي الافريقي الاهلي الترجي التعاون الجزيره الجيش الحزم
الخليج الخور الدحيل الرائد الرجاء الريان الزمالك الزوراء السد الشارقه الشباب الشحانيه
الشرطه الصفاقسي الطلبه العربي العين الغرافه الفتح الفيحاء الفيصلي القادسيه المريخ النجمه
النصر الهلال الوحدات الوحده الوداد الوصل الوكره`}

// relativePronoun reports whether w is a relative pronoun, which begins
// like a word with the article.
func relativePronoun(w string) bool {
	switch w {
	case "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي":
		return true
	}
	return false
}

// nisbaAdjective reports whether t is an adjective of relation with the
// article and no proclitic: الفلسطيني، الدولية.
func nisbaAdjective(t *token.Token) bool {
	return t.Kind == token.Word && t.Pre == "" && t.SpaceBefore && isNisba(t)
}

// eventByPlace reports whether the bare head word and a place after it
// name an event with nothing more: مهرجان كان، كأس مصر، اتفاق أوسلو، قمة
// بيروت.
func eventByPlace(w string) bool {
	return w != "معرض" && w != "منتدي" && w != "مؤتمر" && w != "اسبوع" && w != "جائزه" && eventHead(w)
}

// eventHead reports whether the bare word heads the name of an event named
// after its place: مهرجان القاهرة، معرض الشارقة، منتدى دافوس.
func eventHead(w string) bool {
	switch w {
	case "مهرجان", "معرض", "منتدي", "مؤتمر", "اسبوع", "كاس", "اتفاق", "اتفاقيه", "اتفاقيات", "اتفاقات", "معاهده", "قمه",
		"بطوله", "طواف", "جائزه", "اولمبياد", "دوري":
		return true
	}
	return false
}

// eventNames turns a place right after the head noun of an event into the
// event, a MISC name with the head and the adjectives of relation after the
// place, and one word after لل: مهرجان القاهرة السينمائي الدولي، معرض
// الشارقة الدولي للكتاب. Without such words after it only a festival is
// an event: ANERcorp tags معرض صنعاء and مؤتمر روما as the places. A place
// after سوق and before المالية is a stock exchange, ORG (سوق دبي المالية).
func eventNames(d *token.Doc, spans []span) {
	toks := d.Tokens
	for i := range spans {
		s := &spans[i]
		if s.typ != LOC && s.typ != PER || s.first == 0 || s.skip > 0 || i > 0 && spans[i-1].last >= s.first-1 {
			continue
		}
		h := &toks[s.first-1]
		if h.Kind != token.Word || h.Al || !toks[s.first].SpaceBefore {
			continue
		}
		if s.typ == PER {
			// A cup named after a person: كأس محمد الخامس. After بطولة a
			// person is more often a film's star (من بطولة منى زكي).
			if h.Bare() == "كاس" {
				s.typ, s.first, s.skip, s.start = MISC, s.first-1, utf8.RuneCountInString(h.Pre), h.EntStart
			}
			continue
		}
		if h.Bare() == "سوق" {
			// A stock exchange: سوق دبي المالية، سوق مسقط للأوراق المالية.
			k := s.last + 1
			if k+1 < len(toks) && toks[k].Stem == "اوراق" && toks[k].Pre == "لل" {
				k++
			}
			if k < len(toks) && toks[k].Norm == "الماليه" && toks[k].SpaceBefore && (i+1 == len(spans) || spans[i+1].first > k) {
				s.typ, s.first, s.skip, s.start = ORG, s.first-1, utf8.RuneCountInString(h.Pre), h.EntStart
				s.last, s.end = k, toks[k].End
			}
			continue
		}
		if !eventHead(h.Bare()) {
			continue
		}
		limit := len(toks)
		if i+1 < len(spans) {
			limit = spans[i+1].first
		}
		last := s.last
		for n := 0; n < 3 && last+1 < limit && (nisbaAdjective(&toks[last+1]) || toks[last+1].Norm == "الكبري"); n++ {
			last++
		}
		if k := last + 1; k < limit && toks[k].Kind == token.Word && toks[k].Pre == "لل" && toks[k].SpaceBefore && !adverbialNoun(toks[k].Stem) {
			last = k
		}
		if last == s.last && !eventByPlace(h.Bare()) {
			continue // معرض صنعاء may be a place in the city; مهرجان كان and كأس مصر are the event
		}
		s.typ, s.first, s.skip, s.start = MISC, s.first-1, utf8.RuneCountInString(h.Pre), h.EntStart
		s.last, s.end = last, toks[last].End
	}
}

// datesAsPlaces makes a date right after the head noun of a place the
// place's name: مدينة العاشر من رمضان and مدينة 6 أكتوبر are cities, شارع 26
// يوليو and جسر 6 أكتوبر a street and a bridge. After مدينة the span is the
// name alone; after the head of a street, square or bridge it takes the
// head, as other such names do (شارع العربي بن مهيدي).
func datesAsPlaces(d *token.Doc, spans []span) {
	for i := range spans {
		s := &spans[i]
		if s.typ != DATE || s.first == 0 || i > 0 && spans[i-1].last >= s.first-1 || !d.Tokens[s.first].SpaceBefore {
			continue
		}
		h := &d.Tokens[s.first-1]
		if h.Kind != token.Word || h.Al {
			continue
		}
		switch b := h.Bare(); {
		case b == "مدينه" || b == "مدينتي":
			s.typ = LOC
		case facilityType(b) == LOC:
			s.typ, s.first, s.skip, s.start = LOC, s.first-1, utf8.RuneCountInString(h.Pre), h.EntStart
		}
	}
}

// publicBodies marks courts, commissions and authorities named by a head
// noun with the article and adjectives after it: المحكمة الدستورية العليا،
// المفوضية العليا المستقلة للانتخابات، الهيئة العامة للاستثمار. At least one
// adjective of bodyAdjectives must follow the head, and then a field after
// لل or one of the adjectives that name a single body (العليا، الدستورية،
// الاتحادية، الأعلى), so that اللجنة الوطنية alone, which any committee may
// be, is left as it is. A court of a city is one too: محكمة جنايات القاهرة.
func publicBodies(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	var out []span
	j := 0
	for k := 0; k+1 < len(toks); k++ {
		h := &toks[k]
		if h.Kind != token.Word || !h.Al && h.Stem != "محكمه" && h.Stem != "مديريه" && h.Stem != "دائره" {
			continue
		}
		last, strong := -1, false
		if h.Al && bodyHeads.has(h.Stem) {
			for n := k + 1; n < len(toks) && n <= k+3; n++ {
				t := &toks[n]
				if t.Kind != token.Word || !t.Al || t.Pre != "" || !t.SpaceBefore ||
					!bodyAdjectives.has(t.Stem) && !nationality(t.Norm) && !femNationality(t.Norm) {
					break // الهيئة المصرية العامة للكتاب
				}
				last = n
				strong = strong || singleBodyAdjective(t.Stem)
			}
			if last < 0 {
				continue
			}
			if n := last + 1; n < len(toks) && toks[n].Kind == token.Word && toks[n].Pre == "لل" && toks[n].SpaceBefore {
				last, strong = n, true
				if f := fieldAfter(d, last, len(toks)); f > last && d.Tokens[f].Pre == "و" {
					last = f // الهيئة العامة للغذاء والدواء
				}
				// الهيئة العامة للطيران المدني السعودية
				for m := 0; m < 2 && last+1 < len(toks) && nisbaAdjective(&toks[last+1]); m++ {
					last++
				}
			} else if n := last + 1; n+1 < len(toks) && toks[n].Kind == token.Word && toks[n].Pre == "ل" && !toks[n].Al &&
				toks[n].SpaceBefore && toks[n+1].Kind == token.Word && toks[n+1].Al && toks[n+1].Pre == "" && toks[n+1].SpaceBefore {
				// A field made of a verbal noun and its object: الجهاز
				// القومي لتنظيم الاتصالات.
				last, strong = n+1, true
			}
		} else if (h.Stem == "مديريه" || h.Stem == "دائره") && k+2 < len(toks) {
			// A directorate named by a field and its adjective: مديرية
			// الأمن العام، دائرة الأرصاد الجوية; دائرة الضوء is a figure.
			a, b := &toks[k+1], &toks[k+2]
			if a.Kind != token.Word || !a.Al || a.Pre != "" || !a.SpaceBefore || figureOfSpeech(a.Stem) ||
				!nisbaAdjective(b) && !bodyAdjectives.has(b.Stem) ||
				nationality(b.Norm) || femNationality(b.Norm) {
				continue
			}
			last, strong = k+2, true
		} else if !h.Al {
			// محكمة جنايات القاهرة، محكمة استئناف طنطا
			n := k + 1
			if t := &toks[n]; t.Kind != token.Word || t.Al || !courtKinds.has(t.Stem) || n+1 >= len(toks) {
				continue
			}
			j = spanFrom(spans, j, n+1)
			if j < len(spans) && spans[j].first == n+1 && spans[j].typ == LOC {
				last, strong = spans[j].last, true
			}
		}
		if !strong {
			continue
		}
		out = append(out, spanOver(d, ORG, k, last))
		k = last
	}
	return out
}

// figureOfSpeech reports whether w after دائرة makes a figure of speech
// (دائرة الضوء، دائرة العنف) rather than the name of an office.
func figureOfSpeech(w string) bool {
	switch w {
	case "الضوء", "الاهتمام", "الخطر", "العنف", "الفقر", "الصراع", "النزاع", "الشك", "الاتهام", "التاثير", "النفوذ",
		"المعارك", "الانتقادات", "الجدل", "الاستهداف":
		return true
	}
	return false
}

// singleBodyAdjective reports whether w, after a body's head noun, names
// one body rather than a kind: المحكمة العليا is the supreme court.
func singleBodyAdjective(w string) bool {
	switch w {
	case "العليا", "الدستوريه", "الاتحاديه", "الاعلي":
		return true
	}
	return false
}

// bodyHeads, bodyAdjectives and courtKinds are the lists publicBodies
// searches.
var (
	bodyHeads      = &wordList{src: `الجهاز المؤسسه المجلس المحكمه المديريه المفوضيه الهيئه`}
	bodyAdjectives = &wordList{src: `الاتحاديه الاعلي الدائمه الدستوريه الدوليه العام العامه العليا القومي المركزي المستقله الوطنيه`}
	courtKinds     = &wordList{src: `استئناف جنايات جنح نقض`}
)

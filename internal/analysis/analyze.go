package analysis

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"tahlil/internal/gazetteer"
	"tahlil/internal/ner"
	"tahlil/internal/normalize"
	"tahlil/internal/numdate"
	"tahlil/internal/token"
)

// MaxBytes is the largest input Analyze accepts, 2 MiB: a long book chapter,
// and twice what the server accepts in one request body. Larger input gets
// the error code "too_large".
const MaxBytes = 2 << 20

// WordsPerMinute is the reading speed behind Stats.ReadingMinutes: adult
// readers of Arabic news read about 180 words a minute.
const WordsPerMinute = 180

// Release is the version of Tahlil.
const Release = "0.3.0"

// Version identifies the build and its entity model in results, as
// "tahlil 0.3.0 (model NAME, sha256:…)". Computing it reads only the model
// file header.
var Version = version(ner.Default())

func version(m *ner.Model) string {
	name := m.Name()
	if name == "" {
		name = "none"
	}
	return "tahlil " + Release + " (model " + name + ", " + strings.TrimSpace(m.Hash()) + ")"
}

// Analyze analyzes text: it finds the entities (PER, LOC, ORG and MISC from
// the embedded model, DATE and NUM from rules), groups the mentions of each
// entity and counts words and sentences. Empty text gives an empty result.
// Errors are *Error values with the codes "too_large" (more than MaxBytes),
// "invalid_utf8" and "bad_preset" (opt.Normalize names no preset). Analyze
// never panics: an internal failure is reported as the code "internal".
//
// Spans follow the contract of the JSON result: sorted, non-overlapping,
// Text == input[Start:End] in code points, proclitics (و ف ب ك ل and their
// runs, with a following tatweel) left out, the article ال kept except after
// ل (للأمم المتحدة gives أمم المتحدة), and no punctuation inside a PER, LOC,
// ORG or MISC span. A DATE keeps the / or - joining its parts
// (سبتمبر/أيلول، 15/1/2024) and a NUM may carry % ٪ $ € £. No span crosses
// a line break or starts or ends with a format control such as RLM.
//
// When a model entity and a rule span overlap, the model entity wins unless
// the rule span strictly contains it (a DATE "7 كانون الثاني 2024" over a
// model's "كانون"); the losing span is dropped. Before that, the model's
// names are corrected with what the whole text says about them: a span
// running two known names together is split, a leading ب/ل/ك the tokenizer
// took for a preposition is given back when the name needs it, names found
// in some places are marked where the model missed them, and each name keeps
// the type most of its mentions got.
func Analyze(text string, opt Options) (res *Result, err error) {
	return AnalyzeWith(text, opt, ner.Default())
}

// Recognizer finds names (PER, LOC, ORG, MISC) in a tokenized text, as
// sorted, non-overlapping token ranges. *ner.Model is one.
type Recognizer interface {
	Recognize(d *token.Doc) []ner.Mention
}

// AnalyzeWith is Analyze with r in place of the embedded model. When r is a
// *ner.Model the result's version names it.
func AnalyzeWith(text string, opt Options, r Recognizer) (res *Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, &Error{Code: "internal", Message: "analysis failed: " + panicText(p)}
		}
	}()
	return analyze(text, opt, r)
}

// panicText describes a recovered panic value. It leaves fmt out of the
// WebAssembly builds, which would otherwise link it for this alone.
func panicText(p any) string {
	switch v := p.(type) {
	case error:
		return v.Error()
	case string:
		return v
	}
	return "unexpected panic"
}

func analyze(text string, opt Options, model Recognizer) (*Result, error) {
	if len(text) > MaxBytes {
		return nil, &Error{Code: "too_large", Message: "text is " + strconv.Itoa(len(text)) + " bytes; the limit is " + strconv.Itoa(MaxBytes) + " bytes (2 MiB)"}
	}
	if !utf8.ValidString(text) {
		return nil, &Error{Code: "invalid_utf8", Message: "text is not valid UTF-8"}
	}
	var preset *normalize.Normalizer
	if opt.Normalize != "" {
		var ok bool
		if preset, ok = normalize.Preset(opt.Normalize); !ok {
			return nil, &Error{Code: "bad_preset", Message: "unknown normalize preset " + strconv.Quote(opt.Normalize) + " (want search, lucene or display)"}
		}
	}
	d := token.Tokenize(text)
	res := &Result{Version: Version, Length: normalize.RuneCount(text)} // text is valid UTF-8
	if m, ok := model.(*ner.Model); ok && m != ner.Default() {
		res.Version = version(m)
	}
	res.Entities, res.Groups, res.Stats = assemble(d, model.Recognize(d), numdate.Find(d))
	d.Release() // the result holds no token
	if preset != nil {
		nt := d.Norm.Text
		if preset != normalize.Search {
			nt = preset.String(text)
		}
		res.Normalized = &Normalized{Preset: opt.Normalize, Text: nt}
	}
	return res, nil
}

// assemble turns the model's and the rules' mentions into the result's
// entities, groups and stats.
func assemble(d *token.Doc, names []ner.Mention, rules []numdate.Mention) ([]Entity, []Group, Stats) {
	nl := newlines(d.Text)
	ms := trimHead(d, splitJoined(d, splitAtLines(d, modelSpans(d, names), nl)))
	trimEdges(d, ms)
	dropLetters(d, ms)
	keepLetters(d, ms)
	keepNameInitial(d, ms)
	keepPlaceInitial(d, ms)
	personsAsOrgs(d, ms)
	counterparts(d, ms)
	companiesNotPersons(d, ms)
	ms = splitListedHead(d, ms)
	ms = joinGodNames(d, ms)
	ms = splitOrgPerson(d, ms)
	ms = joinLetterNames(d, ms)
	ms = joinNameParts(d, ms)
	ms = joinPersonGaps(d, ms)
	extendParticles(d, ms)
	ms = joinKnownPersons(d, ms)
	ms = joinChains(d, ms)
	ms = splitFacilityPerson(d, ms)
	extendHeads(d, ms)
	ms = dropLoneHeads(d, ms)
	nameFacilities(d, ms)
	ms = dropAdverbs(d, ms)
	ms = fixPersonEdges(d, ms)
	ms = splitRunOns(d, ms)
	// Hand-written names of several words fill in what the model missed,
	// or found only part of (غزة in قطاع غزة), as rule spans do.
	phrases := slices.DeleteFunc(modelSpans(d, ner.Phrases(d)), func(s span) bool { return indefinite(d, s) })
	ms = splitAtPhrases(d, ms, phrases)
	completeWithPhrases(d, ms, phrases)
	ms = merge(ms, phrases)
	institutionFields(d, ms)
	ms = merge(ms, listedPlaces(d, ms))
	ms = merge(ms, datelines(d, ms))
	ms = merge(ms, capitals(d, ms))
	ms = merge(ms, placesAfterHeads(d, ms))
	ms = clubsByNisba(d, ms)
	eventNames(d, ms)
	ms = merge(ms, countryNames(d, ms))
	ms = merge(ms, ministries(d))
	ms = merge(ms, parties(d))
	ms = merge(ms, publicBodies(d, ms))
	ms = merge(ms, sportClubs(d, ms))
	ms = clubsByHead(d, ms)
	ms = quotedTitles(d, ms)
	nicknames(d, ms)
	ms = famousPeople(d, ms)
	unknownSurnames(d, ms)
	ms = foreignSurnames(d, ms)
	ms = givenAndUnknown(d, ms)
	ms = merge(ms, latinNames(d, ms))
	ms = merge(ms, wellKnownOrgs(d, ms))
	ms = merge(ms, unseenCompanies(d, ms))
	ms = merge(ms, publishers(d, ms))
	ms = merge(ms, agencyInitials(d))
	rs := ruleSpans(d, rules)
	yieldNumbers(d, ms, rs)
	spans := merge(ms, rs)
	trimDescriptions(d, spans)
	datesAsPlaces(d, spans)
	spans = saudiAfterOrgs(d, spans)
	spans = productNumbers(d, spans)
	spans = eventYears(d, spans)
	spans = orgBeforePerson(d, spans)
	spans = dropDiseases(d, spans)
	placesInLists(d, spans)
	spans = propagate(d, spans)
	spans = cutAtLineBreaks(spans, nl)
	spans = dropInLinks(d.Text, spans)
	spans = dropInvisible(d, spans)
	spans = dropTanween(d, spans)
	spans = cutAtSeparators(d, spans)
	guil := guillemetSpans(d, spans)
	ents := entities(d, spans)
	surnamesAsPersons(ents)
	harmonize(ents)
	guillemetOrgs(ents, guil)
	groups := group(ents)
	restoreArticles(d, ents, groups)
	return ents, groups, stats(d, ents, nl)
}

// restoreArticles gives back the article to a group label whose mention
// lost it to ل: a span from للأمم المتحدة is أمم المتحدة, as the result's
// contract says, but the entity's name, as a reader would write it, is
// الأمم المتحدة. Only the label changes; the group's key stays its
// mention's.
func restoreArticles(d *token.Doc, ents []Entity, groups []Group) {
	t := 0 // entities are sorted, so the token search only moves forward
	for i := range ents {
		e := &ents[i]
		gr := &groups[e.Group]
		// Once given back, the label no longer equals the mention.
		if e.Type == PER || e.Type == DATE || e.Type == NUM || e.Text != gr.Label || e.Key != gr.Key {
			continue
		}
		for t < len(d.Tokens) && d.Tokens[t].End <= e.Start {
			t++
		}
		if t < len(d.Tokens) && d.Tokens[t].EntStart == e.Start && strings.HasSuffix(d.Tokens[t].Pre, "لل") {
			gr.Label = "ال" + e.Text
		}
	}
}

// span is an entity candidate: tokens [first, last] of the document, the
// first leaving out skip normalized code points, and its code point range.
type span struct {
	typ         string
	first, last int
	skip        int
	start, end  int
	model       bool
}

// spanOver returns a span of type typ over tokens [first, last], leaving out
// the first token's proclitics.
func spanOver(d *token.Doc, typ string, first, last int) span {
	h := &d.Tokens[first]
	return span{typ: typ, first: first, last: last, skip: utf8.RuneCountInString(h.Pre), start: h.EntStart, end: d.Tokens[last].End}
}

// splitEach replaces each span s at index i for which split(i, s) reports
// true by the two spans it returns, in order. The input is returned as it is
// when nothing splits, and copied once when something does.
func splitEach(spans []span, split func(i int, s span) (left, right span, ok bool)) []span {
	var out []span
	for i, s := range spans {
		left, right, ok := split(i, s)
		if ok && out == nil {
			out = append(make([]span, 0, len(spans)+1), spans[:i]...)
		}
		switch {
		case ok:
			out = append(out, left, right)
		case out != nil:
			out = append(out, s)
		}
	}
	if out == nil {
		return spans
	}
	return out
}

// spanFrom advances j, an index in spans sorted by position, to the first
// span that does not end before token k; rules that walk the tokens upwards
// keep j between calls.
func spanFrom(spans []span, j, k int) int {
	for j < len(spans) && spans[j].last < k {
		j++
	}
	return j
}

// modelSpans turns model mentions into spans, cutting them at any
// punctuation inside and dropping detached proclitics at their start.
func modelSpans(d *token.Doc, ms []ner.Mention) []span {
	out := make([]span, 0, len(ms))
	toks := d.Tokens
	seek := byteSeeker{text: d.Text}
	for _, m := range ms {
		a := m.Start
		for a < m.End {
			for a < m.End && (toks[a].Kind == token.Punct || toks[a].EntStart >= toks[a].End) {
				a++
			}
			b := a
			for b < m.End && toks[b].Kind != token.Punct && (b == a || !dashBetween(&seek, &toks[b-1], &toks[b])) {
				b++
			}
			if a < b {
				out = append(out, span{typ: m.Type, first: a, last: b - 1, skip: utf8.RuneCountInString(toks[a].Pre),
					start: toks[a].EntStart, end: toks[b-1].End, model: true})
			}
			a = b
		}
	}
	return out
}

// dashBetween reports whether a lone tatweel stands between two tokens, as
// a dash does in a dateline ("الخرطوم ـ عبدالواحد لبيني"). The normalizer
// drops it, so no token marks it.
func dashBetween(seek *byteSeeker, a, b *token.Token) bool {
	if b.Start-a.End < 3 {
		return false // a lone tatweel has a space on each side
	}
	gap := seek.text[seek.at(a.End):seek.at(b.Start)]
	return strings.Contains(gap, " ـ")
}

// ruleSpans turns rule mentions into spans.
func ruleSpans(d *token.Doc, ms []numdate.Mention) []span {
	out := make([]span, 0, len(ms))
	for _, m := range ms {
		t := &d.Tokens[m.Start]
		start := t.Start
		if m.Skip > 0 {
			start, _ = d.Norm.Source(t.NStart+m.Skip, t.NEnd)
		}
		out = append(out, span{typ: m.Type, first: m.Start, last: m.End - 1, skip: m.Skip, start: start, end: d.Tokens[m.End-1].End})
	}
	return out
}

// yieldNumbers ends a name before its last words when they are numbers that
// begin a longer date or amount: in "ارتفع سهم إنفيديا 4%" the model's
// إنفيديا 4 gives 4 to the amount 4%, which merge would otherwise drop as
// overlapping. A name that holds a whole rule span (آيفون 17) keeps it.
// Both lists are sorted.
func yieldNumbers(d *token.Doc, names, rules []span) {
	j := 0
	for k := range names {
		s := &names[k]
		if s.typ == DATE || s.typ == NUM || s.last == s.first || d.Tokens[s.last].Kind != token.Number {
			continue
		}
		for j < len(rules) && rules[j].last < s.first {
			j++
		}
		for r := j; r < len(rules) && rules[r].first <= s.last; r++ {
			if rules[r].first > s.first && rules[r].last > s.last && numbersFrom(d, rules[r].first, s.last) {
				s.last = rules[r].first - 1
				s.end = d.Tokens[s.last].End
				break
			}
		}
	}
}

// numbersFrom reports whether tokens first to last are all numbers.
func numbersFrom(d *token.Doc, first, last int) bool {
	for k := first; k <= last; k++ {
		if d.Tokens[k].Kind != token.Number {
			return false
		}
	}
	return true
}

// merge combines model and rule spans, both sorted, into one sorted list
// without overlaps. A rule span that strictly contains every model span it
// overlaps replaces them; otherwise the model spans win.
func merge(model, rules []span) []span {
	if len(rules) == 0 {
		return model
	}
	out := make([]span, 0, len(model)+len(rules))
	drop := make([]bool, len(model))
	keep := make([]bool, len(rules))
	j := 0
	for i, r := range rules {
		for j < len(model) && model[j].end <= r.start {
			j++
		}
		ok := true
		for k := j; k < len(model) && model[k].start < r.end; k++ {
			m := model[k]
			if !(r.start <= m.start && m.end <= r.end && r.end-r.start > m.end-m.start) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		keep[i] = true
		for k := j; k < len(model) && model[k].start < r.end; k++ {
			drop[k] = true
		}
	}
	i, k := 0, 0
	for i < len(model) || k < len(rules) {
		switch {
		case i < len(model) && drop[i]:
			i++
		case k < len(rules) && !keep[k]:
			k++
		case k >= len(rules) || i < len(model) && model[i].start < rules[k].start:
			out = append(out, model[i])
			i++
		default:
			out = append(out, rules[k])
			k++
		}
	}
	// Defensive: keep the result sorted and non-overlapping whatever the
	// inputs did.
	w := 0
	for _, s := range out {
		if s.start >= s.end || w > 0 && s.start < out[w-1].end {
			continue
		}
		out[w] = s
		w++
	}
	return out[:w]
}

// byteSeeker turns code point offsets of text, taken in increasing order,
// into byte offsets, in one pass over text.
type byteSeeker struct {
	text   string
	cp, bp int // code point and byte position in text
}

func (s *byteSeeker) at(cp int) int {
	// The input is valid UTF-8: a code point starts at every byte that is
	// not a continuation byte.
	for s.cp < cp && s.bp < len(s.text) {
		s.bp++
		for s.bp < len(s.text) && s.text[s.bp]&0xC0 == 0x80 {
			s.bp++
		}
		s.cp++
	}
	return s.bp
}

// entities builds the result entities: text from the input, key from the
// normalized tokens.
func entities(d *token.Doc, spans []span) []Entity {
	out := make([]Entity, len(spans))
	text := d.Text
	seek := byteSeeker{text: text}
	var kb strings.Builder
	for i, s := range spans {
		b0 := seek.at(s.start)
		b1 := seek.at(s.end)
		// Leave out invisible format controls at the edges (a bidi mark or
		// isolate the normalizer folded into the word), so a highlight never
		// splits a bidi pair, and the space such a control can leave at an
		// edge (a title in quotes that opens with U+0603 and a space). A
		// quote the normalizer joined to a name through a stray combining
		// mark after it (فيلم"̓C) goes too, and the mark with it.
		for b1 > b0 {
			r, n := utf8.DecodeLastRuneInString(text[b0:b1])
			if !edgeInvisible(r) && !quoteMark(r) {
				break
			}
			b1 -= n
			s.end--
		}
		for b1 > b0 {
			r, n := utf8.DecodeRuneInString(text[b0:b1])
			if !edgeInvisible(r) && !quoteMark(r) && !unicode.Is(unicode.Mn, r) {
				break
			}
			b0 += n
			s.start++
		}
		key := stemOf(&d.Tokens[s.first], s.skip)
		if s.last > s.first {
			kb.Reset()
			kb.WriteString(key)
			for t := s.first + 1; t <= s.last; t++ {
				tok := &d.Tokens[t]
				if tok.SpaceBefore {
					kb.WriteByte(' ')
				}
				kb.WriteString(tok.Norm)
			}
			key = kb.String()
		}
		out[i] = Entity{Type: s.typ, Start: s.start, End: s.end, Text: text[b0:b1], Key: key}
	}
	return out
}

// stemOf returns the normalized token without its first skip code points.
func stemOf(t *token.Token, skip int) string {
	if skip == 0 {
		return t.Norm
	}
	if len(t.Pre) == 2*skip { // proclitics are two-byte letters
		return t.Stem
	}
	s := t.Norm
	for ; skip > 0 && s != ""; skip-- {
		_, n := utf8.DecodeRuneInString(s)
		s = s[n:]
	}
	return s
}

// surnamesAsPersons gives PER to a one-word ORG, LOC or MISC mention that is
// the surname of a person named in full in the same article, unless the
// word is a listed organization, place or country: كلينتون in "إدارة
// كلينتون" after بيل كلينتون is the man, not an organization.
func surnamesAsPersons(ents []Entity) {
	// Few persons per article: a slice, as a map costs more in
	// WebAssembly.
	var surnames []string
	for i := range ents {
		e := &ents[i]
		if e.Type != PER {
			continue
		}
		sp := strings.LastIndexByte(e.Key, ' ')
		if sp < 0 {
			continue
		}
		last, rest := e.Key[sp+1:], e.Key[:sp]
		prev := rest[strings.LastIndexByte(rest, ' ')+1:]
		if nameTails[last] || nameHeads[prev] || prev == "ال" {
			continue // عبد الله، بن لادن and آل ثاني name no one alone
		}
		if !slices.Contains(surnames, last) {
			surnames = append(surnames, last) // a long text names the same people again and again
		}
	}
	if surnames == nil {
		return
	}
	for i := range ents {
		e := &ents[i]
		switch e.Type {
		case ORG, LOC, MISC:
		default:
			continue
		}
		if slices.Contains(surnames, e.Key) && ner.ListedType(e.Key) == "" && !gazetteer.IsCountry(gazetteer.Key(e.Key)) {
			e.Type = PER
		}
	}
}

// dropInLinks drops the spans inside a web address or an e-mail address:
// the 12 of "news?id=12" is no number a reader looks for. A link is a run
// of non-space characters holding "://", starting with "www." or holding
// an @ between letters.
func dropInLinks(text string, spans []span) []span {
	if !strings.Contains(text, "://") && !strings.Contains(text, "www.") && !strings.Contains(text, "@") {
		return spans
	}
	var links [][2]int // code point ranges
	cp, start, startCP := 0, -1, 0
	flush := func(end, endCP int) {
		if start < 0 {
			return
		}
		w := text[start:end]
		at := strings.IndexByte(w, '@')
		if strings.Contains(w, "://") || strings.HasPrefix(w, "www.") || at > 0 && at < len(w)-1 && strings.Contains(w[at:], ".") {
			links = append(links, [2]int{startCP, endCP})
		}
		start = -1
	}
	for i, r := range text {
		if unicode.IsSpace(r) {
			flush(i, cp)
		} else if start < 0 {
			start, startCP = i, cp
		}
		cp++
	}
	flush(len(text), cp)
	if links == nil {
		return spans
	}
	out := spans[:0]
	k := 0
	for _, s := range spans {
		for k < len(links) && links[k][1] <= s.start {
			k++
		}
		if k < len(links) && links[k][0] < s.end {
			continue
		}
		out = append(out, s)
	}
	return out
}

// guillemetSpans returns the indices of the place spans written alone in
// guillemets, which guillemetOrgs makes organizations.
func guillemetSpans(d *token.Doc, spans []span) []int {
	var out []int
	for i, s := range spans {
		if s.typ == LOC && s.first > 0 && s.last+1 < len(d.Tokens) && s.skip == 0 &&
			d.Tokens[s.first-1].Norm == "«" && d.Tokens[s.last+1].Norm == "»" {
			out = append(out, i)
		}
	}
	return out
}

// guillemetOrgs makes the entities at the indices of guillemetSpans
// organizations: the newspaper credited at the head of a story ("لندن:
// «الشرق الأوسط»") or a company, as ANERcorp tags them. It runs after
// harmonize, so that the region named elsewhere in the story stays a place.
func guillemetOrgs(ents []Entity, idx []int) {
	for _, i := range idx {
		if ents[i].Type == LOC {
			ents[i].Type = ORG
		}
	}
}

// harmonize gives every model mention of one name the type most of its
// mentions got (the first mention's type on a tie): a name keeps one type
// throughout an article.
func harmonize(ents []Entity) {
	type tally struct {
		n     [4]int32
		first int32
	}
	var votes map[string]tally
	for i := range ents {
		t := modelType(ents[i].Type)
		if t < 0 {
			continue
		}
		if votes == nil {
			votes = make(map[string]tally)
		}
		k := groupKey(LOC, ents[i].Key)
		v, ok := votes[k]
		if !ok {
			v.first = int32(t)
		}
		v.n[t]++
		votes[k] = v
	}
	for i := range ents {
		t := modelType(ents[i].Type)
		if t < 0 {
			continue
		}
		v := votes[groupKey(LOC, ents[i].Key)]
		best := int(v.first)
		for c, n := range v.n {
			if n > v.n[best] {
				best = c
			}
		}
		ents[i].Type = modelTypes[best]
	}
}

var modelTypes = [4]string{PER, LOC, ORG, MISC}

func modelType(t string) int {
	for i, m := range modelTypes {
		if m == t {
			return i
		}
	}
	return -1
}

// group assigns each entity its group and returns the groups in order of
// first appearance. Mentions share a group when they have the same type and
// key, ignoring a leading article for LOC, ORG and MISC (الأمم المتحدة and
// أمم المتحدة from للأمم المتحدة). A PER mention whose words all appear, in
// order and together, in the key of an earlier person (بلينكن after أنتوني
// بلينكن) joins the most recent such person. A group's label is its most
// complete mention: the most words, then the longest, then the first.
func group(ents []Entity) []Group {
	groups := make([]Group, 0, len(ents))
	best := make([]int, 0, len(ents)) // index of each group's label entity
	index := make(map[string]int, len(ents))
	var persons []int // PER group ids, in order of creation
	var kb []byte
	for i := range ents {
		e := &ents[i]
		kb = append(append(append(kb[:0], e.Type...), 0), groupKey(e.Type, e.Key)...)
		g, ok := index[string(kb)] // no allocation for the lookup
		if !ok && e.Type == PER {
			for p := len(persons) - 1; p >= max(0, len(persons)-maxPersonLookback); p-- {
				if containsWords(groups[persons[p]].Key, e.Key) {
					g, ok = persons[p], true
					break
				}
			}
		}
		if !ok {
			g = len(groups)
			groups = append(groups, Group{ID: g, Type: e.Type, Label: e.Text, Key: e.Key})
			best = append(best, i)
			if e.Type == PER {
				persons = append(persons, g)
			}
		}
		if _, seen := index[string(kb)]; !seen {
			index[string(kb)] = g
		}
		e.Group = g
		groups[g].Count++
		if moreComplete(e, &ents[best[g]]) {
			best[g] = i
			groups[g].Label, groups[g].Key = e.Text, e.Key
		}
	}
	return groups
}

// maxPersonLookback bounds how many earlier persons a bare name part is
// compared with, so grouping stays linear on very long texts.
const maxPersonLookback = 64

// groupKey is the key mentions of one entity share.
func groupKey(typ, key string) string {
	if typ == LOC || typ == ORG || typ == MISC {
		if rest, ok := strings.CutPrefix(key, "ال"); ok && utf8.RuneCountInString(firstWord(rest)) >= 2 {
			return rest
		}
	}
	return key
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i >= 0 {
		return s[:i]
	}
	return s
}

// containsWords reports whether the words of part appear consecutively in
// full, and full has more words.
func containsWords(full, part string) bool {
	if len(part) >= len(full) {
		return false
	}
	for i := 0; ; {
		j := strings.Index(full[i:], part)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(part)
		if (j == 0 || full[j-1] == ' ') && (end == len(full) || full[end] == ' ') {
			return true
		}
		i = j + 1
	}
}

// moreComplete reports whether a is a more complete mention than b.
func moreComplete(a, b *Entity) bool {
	wa, wb := strings.Count(a.Key, " "), strings.Count(b.Key, " ")
	if wa != wb {
		return wa > wb
	}
	return len(a.Key) > len(b.Key)
}

// stats counts words (words, Latin words and numbers; a proclitic written
// apart, as in بـ"دعم", is not a word of its own) and sentences (runs of
// tokens with at least one word, ended by . ! ? ؟ … or a line break).
func stats(d *token.Doc, ents []Entity, nl []int) Stats {
	var s Stats
	open := false
	for i := range d.Tokens {
		t := &d.Tokens[i]
		for len(nl) > 0 && nl[0] < t.Start {
			if open {
				s.Sentences++
				open = false
			}
			nl = nl[1:]
		}
		switch t.Kind {
		case token.Punct:
			switch t.Norm {
			case ".", "!", "?", "؟", "…":
				if open {
					s.Sentences++
					open = false
				}
			}
		case token.Word:
			if t.Stem == "" && t.EntStart >= t.End {
				continue
			}
			fallthrough
		default:
			s.Words++
			open = true
		}
	}
	if open {
		s.Sentences++
	}
	if s.Words > 0 {
		s.ReadingMinutes = math.Max(0.1, math.Round(float64(s.Words)/WordsPerMinute*10)/10)
	}
	s.Entities = map[string]int{PER: 0, LOC: 0, ORG: 0, MISC: 0, DATE: 0, NUM: 0}
	for i := range ents {
		s.Entities[ents[i].Type]++
	}
	return s
}

// cutAtLineBreaks drops the spans with a line break inside: a headline's
// last words and the next line's first are not one name or date. nl holds
// the line breaks' code point offsets.
func cutAtLineBreaks(spans []span, nl []int) []span {
	if len(nl) == 0 {
		return spans
	}
	w, k := 0, 0
	for _, s := range spans {
		for k < len(nl) && nl[k] < s.start {
			k++
		}
		if k < len(nl) && nl[k] < s.end {
			continue
		}
		spans[w] = s
		w++
	}
	return spans[:w]
}

// indefinite reports whether s is the head noun of an organization or
// facility and an adjective of origin with no article anywhere, as "جامعة
// عربية" (an Arab university) is: the listed
// phrases match their words without the article, so that للجامعة العربية
// is found, and such a pair would otherwise be the Arab League.
func indefinite(d *token.Doc, s span) bool {
	h := &d.Tokens[s.first]
	if s.last == s.first || h.Pre == "لل" || !ner.IsNisba(d.Tokens[s.last].Stem) || !ner.IsOrgHead(h.Bare()) && facilityType(h.Bare()) == "" {
		return false
	}
	for k := s.first; k <= s.last; k++ {
		if d.Tokens[k].Al {
			return false
		}
	}
	return true
}

// cutAtSeparators drops a name the model ran over a number written with a
// separator (بن0,0), as API.md keeps punctuation out of a name's span.
// Amounts and dates keep their separators.
func cutAtSeparators(d *token.Doc, spans []span) []span {
	return slices.DeleteFunc(spans, func(s span) bool {
		if s.typ == DATE || s.typ == NUM {
			return false
		}
		for k := s.first; k <= s.last; k++ {
			if t := &d.Tokens[k]; t.Kind == token.Number && strings.ContainsAny(t.Norm, ".,،٫٬") {
				return true
			}
		}
		return false
	})
}

// edgeInvisible reports whether r is trimmed from an entity's edges: a
// format control, or a space once one is gone.
func edgeInvisible(r rune) bool { return unicode.Is(unicode.Cf, r) || unicode.IsSpace(r) }

// quoteMark reports whether r is a quotation mark, which no entity holds.
func quoteMark(r rune) bool { return strings.ContainsRune("\"'«»“”„‘’", r) }

// dropInvisible drops spans made only of what entities trims from an
// edge (format controls, spaces, quotes and combining marks), which it would
// leave empty: a title in quotes holding nothing but U+0604.
// It reads the tokens' normalized text, which keeps every visible letter.
func dropInvisible(d *token.Doc, spans []span) []span {
	return slices.DeleteFunc(spans, func(s span) bool {
		for k := s.first; k <= s.last; k++ {
			for _, r := range d.Tokens[k].Norm {
				if !edgeInvisible(r) && !quoteMark(r) && !unicode.Is(unicode.Mn, r) {
					return false
				}
			}
		}
		return true
	})
}

// dropTanween drops the PER, LOC, ORG and MISC spans whose first word is
// written with a final tanween fath: an adverb or an indefinite noun in the
// accusative (ليس نادياً عادياً، جاهزة لوجستياً), which no name in news is,
// whatever rule or list found it (ناديا is a given name once normalized).
// Counts and dates keep theirs (27 ألفاً، عاماً).
func dropTanween(d *token.Doc, spans []span) []span {
	if !strings.ContainsRune(d.Text, '\u064B') {
		return spans
	}
	seek := byteSeeker{text: d.Text}
	return slices.DeleteFunc(spans, func(s span) bool {
		if s.typ == DATE || s.typ == NUM {
			return false
		}
		return withTanween(d, &seek, &d.Tokens[s.first])
	})
}

// withTanween reports whether the word t is written in the input with a
// final tanween fath (اً or ًا), as adverbs and nouns in the accusative
// are. seek must not have passed t's start.
func withTanween(d *token.Doc, seek *byteSeeker, t *token.Token) bool {
	if t.Kind != token.Word || !strings.HasSuffix(t.Norm, "ا") {
		return false // the tanween's alef survives normalization
	}
	w := d.Text[seek.at(t.Start):seek.at(t.End)]
	return strings.HasSuffix(w, "اً") || strings.HasSuffix(w, "ًا")
}

// splitAtLines splits a model span at the first line break inside it: a
// headline's last name and the dateline under it ("عبر البحر الأحمر" and
// "الإسماعيلية -") are two names. Spans still across a break are dropped
// at the end, by cutAtLineBreaks.
func splitAtLines(d *token.Doc, spans []span, nl []int) []span {
	if len(nl) == 0 {
		return spans
	}
	k := 0
	return splitEach(spans, func(_ int, s span) (span, span, bool) {
		for k < len(nl) && nl[k] < s.start {
			k++
		}
		if k == len(nl) || nl[k] >= s.end {
			return s, s, false
		}
		for t := s.first + 1; t <= s.last; t++ {
			if d.Tokens[t].Start > nl[k] {
				left := s
				left.last, left.end = t-1, d.Tokens[t-1].End
				right := spanOver(d, s.typ, t, s.last)
				right.model = s.model
				if n := t + 1; right.first == right.last && (placeWord(&d.Tokens[t]) || n < len(d.Tokens) && dash(&d.Tokens[n])) {
					right.typ = LOC // the dateline's city, whatever ended the line above
				}
				return left, right, true
			}
		}
		return s, s, false
	})
}

// newlines returns the code point offsets of the line breaks in text.
func newlines(text string) []int {
	var out []int
	cp := 0
	for {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			return out
		}
		cp += normalize.RuneCount(text[:i])
		out = append(out, cp)
		cp++
		text = text[i+1:]
	}
}

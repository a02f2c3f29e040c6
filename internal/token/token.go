// Package token splits Arabic text into words, numbers and punctuation, with
// each token's span in the original text and its attached proclitics
// (و ف ب ك ل and the article ال) identified.
//
// Tokenization runs on the search-normalized text, so spelling variants
// (diacritics, kashida, hamza, ى/ي, Persian letters, Arabic-Indic digits,
// bidi marks) give the same tokens; offsets are mapped back to the input.
package token

//go:generate go run gen_proclitics.go

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"tahlil/internal/normalize"
)

// Kind classifies a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // a run of Arabic letters
	Latin              // a run of letters in another script
	Number             // digits, with decimal or thousands separators
	Punct              // one punctuation or symbol character
)

// Token is one token.
type Token struct {
	Kind Kind
	// Start and End are the token's half-open span in input code points,
	// proclitics included.
	Start, End int
	// NStart and NEnd are the span in the normalized text, in code points.
	NStart, NEnd int
	// Norm is the search-normalized token.
	Norm string
	// Pre is the normalized proclitic prefix that a span leaves out: و ف ب ك ل
	// runs, and لل when ل meets the article.
	Pre string
	// Stem is Norm without Pre. It keeps the article ال (except after ل).
	Stem string
	// Al reports whether the word carries the article.
	Al bool
	// EntStart is the input code point where an entity span starting at this
	// token begins: after Pre and any tatweel that follows it.
	EntStart int
	// SpaceBefore reports whether whitespace (or the text start) precedes the
	// token.
	SpaceBefore bool
	// Hamza reports that the input writes a hamza on the alef after Pre
	// (لأكسيوس), which makes the proclitics certain.
	Hamza bool
}

// Bare returns the stem without the article.
func (t *Token) Bare() string {
	if t.Al && len(t.Stem) > len("ال") && t.Stem[:len("ال")] == "ال" {
		return t.Stem[len("ال"):]
	}
	return t.Stem
}

// Doc is a tokenized text.
type Doc struct {
	Text   string           // the input
	Norm   normalize.Mapped // the search-normalized text with spans
	Tokens []Token
}

// released holds the arrays of documents given back by Release.
var released sync.Pool

// buffers are the arrays of a released document: its tokens and the spans
// of its normalized text.
type buffers struct {
	tokens []Token
	spans  []normalize.Span
}

// maxReleased caps the tokens a released document may hold to be reused,
// so that one long text does not pin large arrays.
const maxReleased = 1 << 16

// Release gives d's tokens and the spans of its normalized text back for
// reuse by a later Tokenize; a caller that no longer uses d's tokens or
// d.Norm.Source may call it. d keeps its text and normalized text.
func (d *Doc) Release() {
	b := &buffers{tokens: d.Tokens[:cap(d.Tokens)], spans: d.Norm.Spans[:cap(d.Norm.Spans)]}
	d.Tokens, d.Norm.Spans = nil, nil
	if cap(b.tokens) == 0 || cap(b.tokens) > maxReleased {
		return
	}
	clear(b.tokens) // tokens hold substrings of the text
	b.tokens, b.spans = b.tokens[:0], b.spans[:0]
	released.Put(b)
}

// Tokenize tokenizes text.
func Tokenize(text string) *Doc {
	var b buffers
	if r, ok := released.Get().(*buffers); ok {
		b = *r
	}
	m := normalize.Search.MapBuffer(text, b.spans)
	toks := b.tokens[:0]
	if n := len(m.Text)/8 + 1; cap(toks) < n {
		toks = make([]Token, 0, n)
	}
	d := &Doc{Text: text, Norm: m, Tokens: toks}
	rs := []rune(m.Text)
	// Token strings are substrings of m.Text: bi is the byte offset of rune
	// i.
	space, bi := true, 0
	orig := runeSeeker{text: text} // the input's code points, read forward
	for i := 0; i < len(rs); {
		r := rs[i]
		if unicode.IsSpace(r) {
			space = true
			i++
			bi += utf8.RuneLen(r)
			continue
		}
		j := i + 1
		kind := Punct
		switch {
		case isArabicLetter(r):
			kind = Word
			for j < len(rs) && isArabicLetter(rs[j]) {
				j++
			}
		case isDigit(r):
			kind = Number
			for j < len(rs) {
				if isDigit(rs[j]) {
					j++
					continue
				}
				if isNumSep(rs[j]) && j+1 < len(rs) && isDigit(rs[j+1]) {
					j += 2
					continue
				}
				break
			}
		case unicode.IsLetter(r) || unicode.Is(unicode.M, r):
			kind = Latin
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.Is(unicode.M, rs[j]) || isDigit(rs[j])) && !isArabicLetter(rs[j]) {
				j++
			}
		}
		bj := bi + runesLen(rs[i:j])
		t := Token{Kind: kind, NStart: i, NEnd: j, Norm: m.Text[bi:bj], SpaceBefore: space}
		t.Start, t.End = m.Source(i, j)
		t.Stem = t.Norm
		t.EntStart = t.Start
		if kind == Word {
			pre, al := proclitics(rs[i:j], t.Norm)
			hamza := false
			if !al {
				if p := hamzaProclitics(rs[i:j]); p > pre && m.Text != text && isHamzaAlef(orig.at(m.Spans[i+p].Start)) {
					pre, hamza = p, true
				}
			}
			t.Al, t.Hamza = al, hamza
			if pre > 0 {
				bp := bi + runesLen(rs[i:i+pre])
				t.Pre = m.Text[bi:bp]
				t.Stem = m.Text[bp:bj]
				t.EntStart, _ = m.Source(i+pre, j)
			}
		}
		if kind == Word && j < len(rs) && !unicode.IsSpace(rs[j]) && isCliticRun(rs[i:j]) {
			// A detached proclitic such as بـ"دعم" or لـ27: the whole token
			// is prefix.
			t.Pre, t.Stem, t.EntStart = t.Norm, "", t.End
		}
		d.Tokens = append(d.Tokens, t)
		space = false
		i, bi = j, bj
	}
	splitByDocument(d)
	return d
}

// splitByDocument splits off the letters و ف ب ك ل that the tables left on
// a word when the document itself writes the rest of the word as a word:
// the tables keep the letters of words they do not know, as they must for
// فينغر, but beside نتنياهو, لنتنياهو is ل + نتنياهو. The rest counts when
// another token's stem is the rest, or when two differently written words
// reduce to it (فنتنياهو and لنتنياهو).
func splitByDocument(d *Doc) {
	type cand struct {
		tok, n int
		rest   string
	}
	var cands []cand
	for k := range d.Tokens {
		t := &d.Tokens[k]
		// A letter and three more: eight bytes at least, as Arabic letters
		// are two bytes each.
		if t.Kind != Word || t.Al || t.Hamza || len(t.Stem) < 8 || MoreProclitics(t.Pre, t.Stem) == nil {
			continue
		}
		if _, ok := lookupProcliticString(t.Norm); ok || bloomHas(tableRests, t.Norm) {
			continue // a word the corpora know: فيصل stays whole beside يصل
		}
		for _, n := range MoreProclitics(t.Pre, t.Stem) {
			if rest := t.Stem[2*n:]; utf8.RuneCountInString(rest) >= 3 {
				cands = append(cands, cand{k, n, rest})
			}
		}
	}
	if len(cands) == 0 {
		return
	}
	// For each distinct candidate rest, the letter right before it in the
	// first token that gives it, and whether another token gives it after
	// another letter (فنتنياهو and لنتنياهو; not وبيريز and فبيريز, which
	// share the ب before يريز) or alone. A small table of the document's
	// own: a Go map costs far more in WebAssembly.
	type restState struct {
		rest, letter string
		other, alone bool
	}
	var rests []restState
	idx := make([]int, len(cands)) // cands[i]'s rest in rests
	tab := newStringTable(len(cands))
	for i, c := range cands {
		r := tab.find(c.rest)
		if r < 0 {
			r = len(rests)
			rests = append(rests, restState{rest: c.rest})
			tab.add(c.rest, r)
		}
		idx[i] = r
	}
	for k := range d.Tokens {
		t := &d.Tokens[k]
		if t.Kind != Word || t.Al || len(t.Stem) < 6 {
			continue
		}
		if r := tab.find(t.Stem); r >= 0 {
			rests[r].other, rests[r].alone = true, true // the rest as a word of its own
		}
		for _, n := range MoreProclitics(t.Pre, t.Stem) {
			r := tab.find(t.Stem[2*n:])
			if r < 0 {
				continue
			}
			letter := t.Stem[2*n-2 : 2*n]
			switch st := &rests[r]; {
			case st.letter == "":
				st.letter = letter
			case st.letter != letter:
				st.other = true
			}
		}
	}
	// A token's candidates are adjacent, longest run first. The rest written
	// alone wins, then the shortest run: beside وبيريز, فبيريز is ف + بيريز.
	for i := 0; i < len(cands); {
		j := i + 1
		for j < len(cands) && cands[j].tok == cands[i].tok {
			j++
		}
		best := -1
		for k := i; k < j; k++ {
			if rests[idx[k]].other && (best < 0 || !rests[idx[best]].alone) {
				best = k
			}
		}
		if best >= 0 {
			c := cands[best]
			t := &d.Tokens[c.tok]
			pre := utf8.RuneCountInString(t.Pre) + c.n
			t.Pre, t.Stem = t.Norm[:len(t.Norm)-len(c.rest)], c.rest
			t.EntStart, _ = d.Norm.Source(t.NStart+pre, t.NEnd)
		}
		i = j
	}
}

// stringTable maps a few strings to small integers: open addressing over
// FNV-1a hashes, sized for the strings it will hold.
type stringTable struct {
	keys []string
	vals []int
	mask uint64
}

func newStringTable(n int) *stringTable {
	size := 8
	for size < 2*n {
		size *= 2
	}
	return &stringTable{keys: make([]string, size), vals: make([]int, size), mask: uint64(size - 1)}
}

func (t *stringTable) slot(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	i := h & t.mask
	for t.keys[i] != "" && t.keys[i] != s {
		i = (i + 1) & t.mask
	}
	return i
}

// find returns the value of s, or -1.
func (t *stringTable) find(s string) int {
	if i := t.slot(s); t.keys[i] == s && s != "" {
		return t.vals[i]
	}
	return -1
}

// add sets the value of s, which must not be "".
func (t *stringTable) add(s string, v int) {
	i := t.slot(s)
	t.keys[i], t.vals[i] = s, v
}

// MoreProclitics returns the numbers of leading letters of stem that can
// join the proclitics pre as more proclitics (a و or ف first, then one of
// ب ك ل), longest first: the letters a token kept that may still be
// prefixes. The letters are two bytes each.
func MoreProclitics(pre, stem string) []int {
	r0, n0 := utf8.DecodeRuneInString(stem)
	switch {
	case pre == "" && (r0 == 'و' || r0 == 'ف'):
		if r1, _ := utf8.DecodeRuneInString(stem[n0:]); r1 == 'ب' || r1 == 'ك' || r1 == 'ل' {
			return twoOne
		}
		return one
	case (pre == "" || pre == "و" || pre == "ف") && (r0 == 'ب' || r0 == 'ك' || r0 == 'ل'):
		return one
	}
	return nil
}

var (
	twoOne = []int{2, 1}
	one    = []int{1}
)

// runesLen returns the length of rs in UTF-8.
func runesLen(rs []rune) int {
	n := 0
	for _, r := range rs {
		n += utf8.RuneLen(r)
	}
	return n
}

// hamzaProclitics returns the length of a leading ب or ل, with و or ف
// before it, that an alef follows with at least two letters after it, or 0.
// Written with a hamza (لأكسيوس، بإيلون) the alef starts a new word, so the
// letters before it are proclitics even when the rest is a word no corpus
// holds; the normalized text has lost the hamza, so Tokenize checks the
// input. (A و or ف alone before a hamza was tried too: on the dev split it
// did no better.)
func hamzaProclitics(w []rune) int {
	n := 0
	if len(w) > 0 && (w[0] == 'و' || w[0] == 'ف') {
		n = 1
	}
	if len(w) > n && (w[n] == 'ب' || w[n] == 'ل') {
		n++
	} else {
		return 0
	}
	if len(w) >= n+3 && w[n] == 'ا' {
		return n
	}
	return 0
}

// runeSeeker reads the code points of a text by index, moving forward only,
// without decoding the text into a slice.
type runeSeeker struct {
	text   string
	cp, bp int // code point index and byte offset of the next rune
}

// at returns code point i of the text, or utf8.RuneError past its end. i
// must not be less than in the previous call.
func (s *runeSeeker) at(i int) rune {
	for s.cp < i && s.bp < len(s.text) {
		_, n := utf8.DecodeRuneInString(s.text[s.bp:])
		s.bp += n
		s.cp++
	}
	r, _ := utf8.DecodeRuneInString(s.text[s.bp:])
	return r
}

func isHamzaAlef(r rune) bool { return r == 'أ' || r == 'إ' || r == 'آ' }

// Proclitics returns how many leading runes of the normalized word w are
// proclitics that an entity span leaves out, and whether w has the article.
func Proclitics(w []rune) (n int, al bool) { return proclitics(w, string(w)) }

// proclitics is Proclitics given w also as the string s.
func proclitics(w []rune, s string) (n int, al bool) {
	// Every article form and proclitic begins with one of these letters;
	// most words begin with another.
	if len(w) == 0 {
		return 0, false
	}
	switch w[0] {
	case 'ا', 'و', 'ف', 'ب', 'ك', 'ل':
	default:
		return 0, false
	}
	// Article forms, longest first. The count is what a span leaves out:
	// the article itself is kept, except after ل where لل is left out.
	if n := articleLength(w); n >= 0 {
		if n > 0 && slices.Contains(articleLikeNames, s) {
			return 0, false // كاليفورنيا
		}
		return n, true
	}
	// Words the training corpora decide: واشنطن and بريطانيا keep their
	// first letter, لمصر loses it.
	if n, ok := lookupProclitic(w, s); ok {
		return n, false
	}
	if len(w) > 3 && (w[0] == 'و' || w[0] == 'ف') {
		if n, ok := lookupProclitic(w[1:], s[utf8.RuneLen(w[0]):]); ok {
			return n + 1, false // وبغداد: و, then what the table says of بغداد
		}
	}
	return defaultProclitics(w, s), false
}

// lookupProcliticString is lookupProclitic given only the string.
func lookupProcliticString(b string) (int, bool) {
	var buf [3]rune
	n := 0
	for _, r := range b {
		if n == len(buf) {
			break
		}
		buf[n] = r
		n++
	}
	return lookupProclitic(buf[:n], b)
}

// lookupProclitic looks w, also given as the string b, up in the table of
// words whose proclitics the corpora decide. It does not allocate.
func lookupProclitic(w []rune, b string) (int, bool) {
	if len(w) < 3 || len(tableOffsets) == 0 {
		return 0, false
	}
	switch w[0] {
	case 'و', 'ف', 'ب', 'ك', 'ل':
	default:
		return 0, false
	}
	lo, hi := 0, len(tableOffsets)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if procliticEntry(m) < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(tableOffsets) && procliticEntry(lo) == b {
		e := tableWords[int(tableOffsets[lo])+len(b)+1:]
		return int(e[0] - '0'), true
	}
	return 0, false
}

// procliticEntry returns the word of entry i.
func procliticEntry(i int) string {
	s := tableWords[tableOffsets[i]:]
	return s[:strings.IndexByte(s, '\t')]
}

type articleForm struct {
	form []rune
	drop int
}

var articleForms = []articleForm{
	{[]rune("وبال"), 2}, {[]rune("وكال"), 2}, {[]rune("فبال"), 2}, {[]rune("فكال"), 2},
	{[]rune("ولل"), 3}, {[]rune("فلل"), 3},
	{[]rune("وال"), 1}, {[]rune("فال"), 1}, {[]rune("بال"), 1}, {[]rune("كال"), 1},
	{[]rune("لل"), 2}, {[]rune("ال"), 0},
}

// isCliticRun reports whether w is one or two proclitic letters, as in وب or ل.
func isCliticRun(w []rune) bool {
	if len(w) == 0 || len(w) > 2 {
		return false
	}
	for i, r := range w {
		switch r {
		case 'و', 'ف':
			if i > 0 {
				return false
			}
		case 'ب', 'ك', 'ل':
		default:
			return false
		}
	}
	return true
}

func hasPrefix(w, p []rune) bool {
	if len(w) < len(p) {
		return false
	}
	for i := range p {
		if w[i] != p[i] {
			return false
		}
	}
	return true
}

func isArabicLetter(r rune) bool {
	return r >= 0x0621 && r <= 0x064A || r >= 0x0671 && r <= 0x06D3 || r == 0x06D5 || r >= 0x06FA && r <= 0x06FF
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isNumSep(r rune) bool { return r == '.' || r == ',' || r == 0x066B || r == 0x066C }

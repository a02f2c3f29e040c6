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
	"strings"
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

// Tokenize tokenizes text.
func Tokenize(text string) *Doc {
	m := normalize.Search.Map(text)
	d := &Doc{Text: text, Norm: m, Tokens: make([]Token, 0, len(m.Text)/8+1)}
	rs := []rune(m.Text)
	// Token strings are substrings of m.Text: bi is the byte offset of rune
	// i.
	space, bi := true, 0
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
			t.Al = al
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
	return d
}

// runesLen returns the length of rs in UTF-8.
func runesLen(rs []rune) int {
	n := 0
	for _, r := range rs {
		n += utf8.RuneLen(r)
	}
	return n
}

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
	for _, p := range articleForms {
		if hasPrefix(w, p.form) && len(w)-len(p.form) >= 2 {
			return p.drop, true
		}
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
	// Otherwise a conjunction/preposition is split off only when what
	// remains is long enough to be a word of its own.
	n = 0
	if len(w) > 0 && (w[0] == 'و' || w[0] == 'ف') {
		n = 1
	}
	if len(w) > n && (w[n] == 'ب' || w[n] == 'ل' || w[n] == 'ك') {
		n++
	}
	if n > 0 && len(w)-n >= 4 {
		return n, false
	}
	return 0, false
}

// lookupProclitic looks w, also given as the string b, up in the table of
// words whose proclitics the corpora decide. It does not allocate.
func lookupProclitic(w []rune, b string) (int, bool) {
	if len(w) < 3 || len(procliticOffsets) == 0 {
		return 0, false
	}
	switch w[0] {
	case 'و', 'ف', 'ب', 'ك', 'ل':
	default:
		return 0, false
	}
	lo, hi := 0, len(procliticOffsets)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if procliticEntry(m) < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(procliticOffsets) && procliticEntry(lo) == b {
		e := procliticWords[int(procliticOffsets[lo])+len(b)+1:]
		return int(e[0] - '0'), true
	}
	return 0, false
}

// procliticEntry returns the word of entry i.
func procliticEntry(i int) string {
	s := procliticWords[procliticOffsets[i]:]
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

// Package numdate finds dates and numeric expressions (amounts, money,
// percentages and measures) in tokenized Arabic text, with hand-written rules
// over the search-normalized tokens.
//
// DATE covers weekdays, Gregorian months in both the Egyptian/Gulf and the
// Levantine tradition (يناير and كانون الثاني, also written together as
// "سبتمبر/أيلول"), Hijri months, day + month (+ year), month + year, years
// ("عام 2024", a bare 4-digit year in a date context, "1445 هـ"), numeric
// dates (15/1/2024, 2024-01-15), ranges of days ("من 1 إلى 15 مارس"),
// quarters and halves of a year ("الربع الثالث من 2025"), relative dates
// (أمس، اليوم، الأسبوع الماضي، هذا العام) and periods ("ثلاثة أيام"، "منذ
// عامين"). After an approximation ("أكثر من 2000 مهاجر") a bare number is a
// count, not a year.
//
// NUM covers numerals in either digit set with decimals, number words,
// magnitude words and their compounds ("27 ألفاً و700"), and a following
// currency ("3 مليارات دولار"), percent ("15%"، "15 في المئة"، "15 بالمئة")
// or unit ("40 كيلومتراً مربعاً").
//
// A bare number that labels something (المادة 5، رقم 3، a list number, the
// 16 of إف-16) is not a NUM; both numbers of a score (2-1) are.
package numdate

import (
	"strings"

	"tahlil/internal/normalize"
	"tahlil/internal/token"
)

// Types of mentions.
const (
	DATE = "DATE"
	NUM  = "NUM"
)

// Mention is one date or numeric expression: tokens [Start, End) of the
// document, of which the first leaves out its first Skip normalized code
// points (its proclitics, as in بـ27 or لعام). Mentions never start or end
// with punctuation, except that a NUM may end with % or ٪, and a DATE keeps
// the / or - joining its parts (سبتمبر/أيلول، 15/1/2024).
type Mention struct {
	Type       string
	Start, End int
	Skip       int
}

// Find returns the dates and numeric expressions of d, sorted and
// non-overlapping.
func Find(d *token.Doc) []Mention { return Append(nil, d) }

// Append appends the mentions of d to dst and returns the extended slice.
func Append(dst []Mention, d *token.Doc) []Mention {
	s := newScanner(d)
	for i := 0; i < len(s.toks); {
		if i == s.lim {
			s.lo, s.lim = i, s.lineEnd(i)
		}
		if e := s.date(i); e > i {
			dst = s.add(dst, DATE, i, e)
			i = e
			continue
		}
		if st, e := s.num(i); e > st {
			dst = s.add(dst, NUM, st, e)
			i = e
			continue
		}
		i++
	}
	return dst
}

// info is what the rules need to know about one token.
type info struct {
	c     class
	skip  uint8 // normalized proclitic runes before the matched word
	conj  bool  // the token starts with the conjunction و
	and   bool  // the token is the conjunction و alone (detached or spaced)
	value int32 // value of a plain digit string, or -1
	ndig  uint8 // digits in a plain digit string
}

type scanner struct {
	toks []token.Token
	info []info
	// lo and lim are the tokens of the current line: rules never look or
	// reach past a line break.
	lo, lim int
	brk     []bool // brk[i]: a line break comes before token i
}

// lineEnd returns the index of the first token after i on a new line.
func (s *scanner) lineEnd(i int) int {
	for i++; i < len(s.toks) && !s.brk[i]; i++ {
	}
	return i
}

func newScanner(d *token.Doc) *scanner {
	lex := lexicon()
	s := &scanner{toks: d.Tokens, info: make([]info, len(d.Tokens)), brk: make([]bool, len(d.Tokens))}
	markBreaks(d, s.brk)
	for i := range s.toks {
		t := &s.toks[i]
		in := &s.info[i]
		in.value = -1
		switch t.Kind {
		case token.Number:
			v, n := 0, 0
			for k := 0; k < len(t.Norm); k++ {
				b := t.Norm[k]
				if b < '0' || b > '9' {
					n = -1
					break
				}
				if v < 1e8 {
					v = v*10 + int(b-'0')
				}
				n++
			}
			if n > 0 {
				in.value, in.ndig = int32(v), uint8(min(n, 255))
			}
		case token.Word:
			in.c, in.skip, in.conj, in.and = classify(t, lex)
		}
	}
	return s
}

// markBreaks sets brk[i] when a line break comes between tokens i-1 and i.
func markBreaks(d *token.Doc, brk []bool) {
	text, cp, k := d.Norm.Text, 0, 0
	for {
		i := strings.IndexByte(text, '\n')
		if i < 0 {
			return
		}
		cp += normalize.RuneCount(text[:i])
		for k < len(d.Tokens) && d.Tokens[k].NStart < cp {
			k++
		}
		if k < len(d.Tokens) {
			brk[k] = true
		}
		cp++
		text = text[i+1:]
	}
}

// classify looks the word up, first as the tokenizer split it, then without
// the article, then without proclitics the tokenizer kept because the rest is
// short (بعام، لسنة، وست).
func classify(t *token.Token, lex map[string]class) (c class, skip uint8, conj, and bool) {
	if t.Stem == "" || t.Norm == "و" {
		return 0, 0, false, t.Pre == "و" || t.Norm == "و"
	}
	pre := uint8(len(t.Pre) / 2) // proclitics are two-byte Arabic letters
	conj = len(t.Pre) >= 2 && t.Pre[:2] == "و"
	if c = lex[t.Stem]; c != 0 {
		return c, pre, conj, false
	}
	if t.Al {
		if c = lex[t.Bare()] & articleClasses; c != 0 {
			return c, pre, conj, false
		}
	}
	if t.Pre != "" {
		// The tokenizer may split a word that only looks like a proclitic
		// and a stem, as in كانون.
		return lex[t.Norm], 0, false, false
	}
	w := t.Norm
	n := uint8(0)
	if len(w) >= 2 && (w[:2] == "و" || w[:2] == "ف") {
		conj = w[:2] == "و"
		w, n = w[2:], 1
		if len(w) >= 6 {
			if c = lex[w]; c != 0 {
				return c, n, conj, false
			}
		}
	}
	if len(w) >= 2 && (w[:2] == "ب" || w[:2] == "ل" || w[:2] == "ك") {
		w, n = w[2:], n+1
		if len(w) >= 6 {
			if c = lex[w]; c != 0 {
				return c, n, conj, false
			}
		}
	}
	return 0, 0, false, false
}

// add appends the mention of tokens [st, e), without a detached proclitic
// at its start (the ب of بـ27).
func (s *scanner) add(dst []Mention, typ string, st, e int) []Mention {
	for st < e && s.toks[st].Stem == "" && s.toks[st].Kind == token.Word {
		st++
	}
	if st >= e {
		return dst
	}
	skip := int(s.info[st].skip)
	if n := teenSkip(&s.toks[st]); skip == 0 && n > 0 && e > st+1 {
		skip = n // وأحد عشر: the lexicon does not hold أحد alone
	}
	return append(dst, Mention{Type: typ, Start: st, End: e, Skip: skip})
}

// norm returns the normalized form of token i, or "" outside the document.
func (s *scanner) norm(i int) string {
	if i < s.lo || i >= s.lim {
		return ""
	}
	return s.toks[i].Norm
}

// cls returns the classes of token i, or 0 outside the document.
func (s *scanner) cls(i int) class {
	if i < s.lo || i >= s.lim {
		return 0
	}
	return s.info[i].c
}

func (s *scanner) isNum(i int) bool {
	return i >= s.lo && i < s.lim && s.toks[i].Kind == token.Number
}

// plain returns the value of token i if it is a digit string of at most
// maxDigits digits.
func (s *scanner) plain(i, maxDigits int) (int, bool) {
	if i < s.lo || i >= s.lim || s.info[i].value < 0 || int(s.info[i].ndig) > maxDigits {
		return 0, false
	}
	return int(s.info[i].value), true
}

// punct reports whether token i is one of the punctuation characters in set.
func (s *scanner) punct(i int, set string) bool {
	if i < s.lo || i >= s.lim || s.toks[i].Kind != token.Punct {
		return false
	}
	n := s.toks[i].Norm
	for k := 0; k+len(n) <= len(set); k++ {
		if set[k:k+len(n)] == n {
			return true
		}
	}
	return false
}

// attached reports whether token i follows token i-1 with no space.
func (s *scanner) attached(i int) bool {
	return i > s.lo && i < s.lim && !s.toks[i].SpaceBefore
}

// ---- dates ----

// date returns the end of a date starting at token i, or -1.
func (s *scanner) date(i int) int {
	c := s.cls(i)
	if c&(cDayWord|cMonthWord|cPreMod) != 0 {
		if e := s.dateCore(i+1, true); e > 0 {
			return e
		}
	}
	if c&cPeriod != 0 && s.cls(i+1)&cOrdinal != 0 {
		if e := s.dateCore(i+1, true); e > 0 {
			return e // الأسبوع الأول من يونيو
		}
	}
	if (s.toks[i].Norm == "الربع" || s.toks[i].Norm == "النصف") && s.cls(i+1)&cOrdinal != 0 {
		if e := s.quarter(s.ordinalEnd(i + 1)); e > 0 {
			return e // الربع الثالث من 2025، النصف الأول من العام الجاري
		}
	}
	if c&cThis != 0 && s.cls(i+1)&cPeriod != 0 {
		return s.post(i + 2)
	}
	if c&cAgo != 0 {
		if e := s.period(i + 1); e > 0 {
			return e
		}
	}
	return s.dateCore(i, false)
}

// quarter returns the end of the year a quarter or half ending at token k
// belongs to: من 2025، من عام 2025، من العام الجاري, or -1.
func (s *scanner) quarter(k int) int {
	if s.cls(k)&cFrom == 0 || k+1 >= s.lim {
		return -1
	}
	k++
	if s.cls(k)&cPeriod != 0 && s.cls(k+1)&cPostMod != 0 {
		return k + 2
	}
	if s.cls(k)&cYearWord != 0 {
		k++
	}
	if e := s.yearAfter(k); e > k {
		return e
	}
	return -1
}

// dateCore returns the end of a date core at token j, or -1. lead reports
// whether a word such as يوم، شهر or مطلع precedes it.
func (s *scanner) dateCore(j int, lead bool) int {
	c := s.cls(j)
	switch {
	case s.isNum(j):
		if e := s.dayMonth(j); e > 0 {
			return e
		}
		if e := s.numericDate(j); e > 0 {
			return e
		}
		if e := s.period(j); e > 0 {
			return e
		}
		return s.bareYear(j, lead)
	case c&cWeekday != 0:
		if s.toks[j].Stem == "الاثنين" && s.cls(j-1)&cPair != 0 {
			return -1 // بين الاثنين: "between the two"
		}
		e := j + 1
		if s.cls(e)&cPostMod != 0 {
			return e + 1
		}
		if s.cls(e)&cAgreeing != 0 {
			e++ // يوم الثلاثاء الموافق 5/8/2008
		}
		if e2 := s.dayMonth(e); e2 > 0 {
			return e2
		}
		if e2 := s.numericDate(e); e2 > 0 {
			return e2
		}
		return j + 1
	case c&cOrdinal != 0:
		// السابع من أكتوبر، السادس والعشرين من الشهر الجاري
		k := s.ordinalEnd(j)
		if s.cls(k)&cFrom == 0 {
			return -1
		}
		if e, _ := s.month(k + 1); e > 0 {
			return s.post(s.yearAfter(s.alt(e)))
		}
		if s.toks[min(k+1, s.lim-1)].Stem == "الشهر" && s.cls(k+2)&cPostMod != 0 {
			return k + 3
		}
		return -1
	case c&cDecade != 0:
		return j + 1
	case c&cCentury != 0 && s.cls(j+1)&cPostMod != 0:
		return j + 2 // القرن الماضي
	case c&cCentury != 0 && s.cls(j+1)&(cOrdinal|cTens) != 0:
		// القرن التاسع عشر، القرن العشرين، القرن الحادي والعشرين
		e := s.ordinalEnd(j + 1)
		if s.cls(e)&(cEra|cPostMod) != 0 {
			e++
		}
		return e
	case c&cRelDay != 0:
		if c&cPeriod == 0 && s.cls(j+1)&cWeekday != 0 {
			return j + 2 // اليوم الخميس
		}
		if s.toks[j].Stem == "امس" && s.toks[min(j+1, s.lim-1)].Stem == "الاول" && j+1 < s.lim {
			return j + 2 // أمس الأول
		}
		return j + 1
	case c&cYearWord != 0 && s.isNum(j+1):
		if _, ok := s.plain(j+1, 4); ok {
			return s.era(s.yearRange(j + 2))
		}
	case c&cPeriod != 0 && s.cls(j+1)&cPostMod != 0:
		return j + 2
	case c&cNumWord != 0 || c&cTimeDual != 0 || j < s.lim && teenSkip(&s.toks[j]) >= 0 && s.atom(j) == j+2:
		return s.period(j)
	}
	if e, amb := s.month(j); e > 0 {
		e2 := s.alt(e)
		e3 := s.yearAfter(e2)
		if amb && e2 == e && e3 == e && !lead && s.cls(j-1)&cDatePrep == 0 && s.cls(e)&cPostMod == 0 {
			return -1
		}
		return s.post(e3)
	}
	return -1
}

// ordinalEnd returns the end of an ordinal at j: the word itself, or a
// compound such as الثالث عشر or السادس والعشرين.
func (s *scanner) ordinalEnd(j int) int {
	if s.cls(j)&cOrdinal != 0 || s.cls(j)&cTens != 0 && s.toks[j].Al {
		if s.cls(j+1)&cTens != 0 {
			return j + 2
		}
		return j + 1
	}
	return j
}

// month returns the end of a month name at token j (or -1), and whether the
// name needs a date context to be read as a month.
func (s *scanner) month(j int) (end int, ambiguous bool) {
	c := s.cls(j)
	switch {
	case c&(cMonth|cHijri) != 0:
		return j + 1, false
	case c&cMonthHead != 0 && s.cls(j+1)&cMonthTail != 0:
		return j + 2, false
	case c&cHijriHead != 0 && s.cls(j+1)&cHijriTail != 0:
		return j + 2, false
	case c&(cMonthAmb|cHijriAmb) != 0:
		return j + 1, true
	}
	return -1, false
}

// alt extends a month ending at e over a second name for the same month, as
// in "سبتمبر/أيلول" or "أيلول / سبتمبر".
func (s *scanner) alt(e int) int {
	if s.punct(e, "/") {
		if e2, _ := s.month(e + 1); e2 > 0 {
			return e2
		}
	}
	return e
}

// dayMonth returns the end of "7 أكتوبر [2024]" at j, or -1.
func (s *scanner) dayMonth(j int) int {
	d, ok := s.plain(j, 2)
	if !ok || d < 1 || d > 31 {
		return -1
	}
	k := j + 1
	if k+1 < s.lim && (s.punct(k, "-") || s.toks[k].Norm == "الي" || s.toks[k].Norm == "حتي") {
		// A range of days: من 1 إلى 15 مارس، 14-16 يونيو.
		if d2, ok := s.plain(k+1, 2); ok && d2 > d && d2 <= 31 {
			if e := s.dayMonth(k + 1); e > 0 {
				return e
			}
		}
	}
	if s.cls(k)&cFrom != 0 {
		k++
	}
	e, _ := s.month(k)
	if e < 0 {
		return -1
	}
	return s.post(s.yearAfter(s.alt(e)))
}

// yearAfter extends a date ending at e over a following year and era.
func (s *scanner) yearAfter(e int) int {
	if y, ok := s.plain(e, 4); ok && s.info[e].ndig >= 3 && y <= 2200 {
		return s.era(e + 1)
	}
	return e
}

// era extends a year ending at e over م، هـ، ميلادي or هجري.
func (s *scanner) era(e int) int {
	if s.cls(e)&cEra != 0 {
		return e + 1
	}
	return e
}

// post extends a date ending at e over الماضي، المقبل …
func (s *scanner) post(e int) int {
	if s.cls(e)&cPostMod != 0 {
		return e + 1
	}
	return e
}

// yearRange extends a year ending at e over "-1939", "/1932" or "و2020".
func (s *scanner) yearRange(e int) int {
	if s.punct(e, "-/") || e < s.lim && s.info[e].and {
		if y, ok := s.plain(e+1, 4); ok && s.info[e+1].ndig == 4 && y >= 1000 && y <= 2100 {
			return e + 2
		}
	}
	return e
}

// bareYear returns the end of a year standing alone at j, or -1. Years from
// 1900 to 2099 are dates unless a currency, unit or magnitude follows or an
// approximation (نحو، حوالي، أكثر من) precedes; other years from 1000 need a
// date context: a preceding في، منذ، عام …, an era, or parentheses after عام.
func (s *scanner) bareYear(j int, lead bool) int {
	y, ok := s.plain(j, 4)
	if !ok || s.info[j].ndig != 4 || y < 1000 || y > 2100 {
		return -1
	}
	next := s.cls(j + 1)
	if next&(cMag|cCurrency|cUnit|cPercent|cTimeUnit) != 0 || s.punct(j+1, "%٪") || s.cls(j-1)&(cApprox|cOrdCtx) != 0 {
		return -1
	}
	if s.attached(j) && !s.punct(j-1, "(") {
		return -1 // part of a code such as إف-2000
	}
	if s.cls(j-1)&cFrom != 0 && s.cls(j-2)&cMore != 0 {
		return -1 // أكثر من 2000 مهاجر
	}
	ctx := lead || s.cls(j-1)&cDatePrep != 0 || next&cEra != 0 ||
		s.punct(j-1, "(") && s.cls(j-2)&(cDatePrep|cYearWord) != 0
	if !ctx && (y < 1900 || y > 2099) {
		return -1
	}
	return s.era(s.yearRange(j + 1))
}

// numericDate returns the end of 15/1/2024, 15-1-2024, 2024-01-15 or
// 15.1.2024 at j, or -1.
func (s *scanner) numericDate(j int) int {
	if !s.isNum(j) {
		return -1
	}
	if s.info[j].value < 0 {
		if validDotted(s.toks[j].Norm) {
			return s.era(j + 1)
		}
		return -1
	}
	if !s.punct(j+1, "/-") || !s.isNum(j+2) || !s.punct(j+3, s.toks[j+1].Norm) || !s.isNum(j+4) {
		return -1
	}
	a, ok1 := s.plain(j, 4)
	b, ok2 := s.plain(j+2, 2)
	c, ok3 := s.plain(j+4, 4)
	if !ok1 || !ok2 || !ok3 {
		return -1
	}
	na, nc := s.info[j].ndig, s.info[j+4].ndig
	switch {
	case na <= 2 && (nc == 4 || nc == 2) && validDM(a, b):
	case na == 4 && s.info[j+4].ndig <= 2 && validDM(c, b) && b <= 12:
	default:
		return -1
	}
	return s.era(j + 5)
}

// validDM reports whether a and b are a day and a month in either order.
func validDM(a, b int) bool {
	return a >= 1 && b >= 1 && (a <= 31 && b <= 12 || a <= 12 && b <= 31)
}

// validDotted reports whether n is d.m.yyyy.
func validDotted(n string) bool {
	var parts [3]int
	var nd [3]int
	k := 0
	for i := 0; i < len(n); i++ {
		switch b := n[i]; {
		case b >= '0' && b <= '9':
			parts[k] = parts[k]*10 + int(b-'0')
			nd[k]++
			if nd[k] > 4 {
				return false
			}
		case b == '.' && k < 2:
			k++
		default:
			return false
		}
	}
	return k == 2 && nd[0] <= 2 && nd[1] <= 2 && nd[2] == 4 && validDM(parts[0], parts[1])
}

// period returns the end of "ثلاثة أيام"، "8 سنوات" or "عامين" at j, or -1.
func (s *scanner) period(j int) int {
	if s.cls(j)&cTimeDual != 0 {
		return s.post(j + 1)
	}
	e := s.numCore(j)
	if e < 0 || s.cls(e)&cTimeUnit == 0 || s.info[e].conj {
		return -1
	}
	return s.post(e + 1)
}

// ---- numbers ----

// num returns the span [start, end) of a numeric expression at token i, or
// end <= start.
func (s *scanner) num(i int) (start, end int) {
	start = i
	if s.punct(i, "$€£") && s.isNum(i+1) && s.attached(i+1) {
		i++
	}
	if s.cls(i)&cTens != 0 && s.cls(i-1)&cOrdinal != 0 {
		return i, -1 // the عشر of الثالث عشر
	}
	e := s.numCore(i)
	if e < 0 {
		return i, -1
	}
	switch c := s.cls(e); {
	case s.punct(e, "%٪"):
		return start, e + 1
	case s.punct(e, "$€£") && s.attached(e):
		return start, e + 1
	case c&cPercent != 0 && s.toks[e].Pre == "ب":
		return start, e + 1
	case s.norm(e) == "في" && s.cls(e+1)&cPercent != 0 && s.toks[e+1].Pre == "":
		return start, e + 2
	case c&cCurrency != 0:
		if s.cls(e+1)&cCurAdj != 0 {
			return start, e + 2
		}
		return start, e + 1
	case c&cUnit != 0:
		if s.cls(e+1)&cUnitAdj != 0 {
			return start, e + 2
		}
		return start, e + 1
	}
	if start < i {
		return start, e
	}
	if e == i+1 && s.isNum(i) && s.label(i) {
		return i, -1
	}
	return start, e
}

// label reports whether the bare number at i labels something rather than
// counting: المادة 5، رقم (3)، a list number "2 -", a time 10:30, the 16 of
// إف-16, or a long identifier.
func (s *scanner) label(i int) bool {
	if s.info[i].value >= 0 && s.info[i].ndig >= 7 {
		return true
	}
	p := i - 1
	for s.punct(p, "(") {
		p--
	}
	if s.cls(p)&cOrdCtx != 0 || s.toks[max(p, s.lo)].Kind == token.Word && strings.HasPrefix(s.toks[max(p, s.lo)].Stem, "رقم") {
		return true
	}
	if s.punct(i+1, ":") && s.attached(i+1) && s.isNum(i+2) || s.punct(i-1, ":") && s.attached(i) && s.isNum(i-2) {
		return true
	}
	if s.punct(i-1, "-") && s.attached(i) && i >= 2 && s.attached(i-1) && s.toks[i-2].Kind != token.Punct &&
		(!s.isNum(i-2) || s.label(i-2)) {
		return true // إف-2000; but a score (3-1) counts as its first number does
	}
	if i > 0 && s.attached(i) && s.toks[i-1].Kind == token.Latin || s.attached(i+1) && s.toks[i+1].Kind == token.Latin {
		return true
	}
	if s.punct(i-1, "(") && s.punct(i+1, ")") && s.info[i].ndig <= 3 {
		return true // a note or item number: (1)
	}
	if s.punct(i-1, "/") && s.isNum(i-2) || s.punct(i+1, "/") && s.isNum(i+2) {
		return true // a reference such as 24/66
	}
	if (i == s.lo || s.punct(i-1, ".!?؟:")) && (s.toks[min(i+1, s.lim-1)].Kind != token.Word || i+1 == s.lim) {
		return true // a list or footnote number
	}
	if s.toks[max(i-1, s.lo)].Kind == token.Punct && !s.punct(i-1, "(") && s.punct(i+1, "-).") {
		return true
	}
	return false
}

// teenSkip returns how many proclitic letters precede the first word of a
// number from 11 to 19 in t, or -1 when t is no such word. واحد before عشر
// is و + أحد.
func teenSkip(t *token.Token) int {
	switch {
	case teenUnit(t.Stem):
		return len(t.Pre) / 2 // proclitics are two-byte letters
	case t.Pre == "" && strings.HasPrefix(t.Norm, "و") && teenUnit(t.Norm[len("و"):]):
		return 1
	}
	return -1
}

// teenUnit reports whether w is the first word of a number from 11 to 19,
// before عشر or عشرة.
func teenUnit(w string) bool {
	switch w {
	case "احد", "احدي", "اثنا", "اثني", "اثنتا", "اثنتي", "ثلاث", "ثلاثه", "اربع", "اربعه", "خمس", "خمسه",
		"ست", "سته", "سبع", "سبعه", "ثماني", "ثمانيه", "ثمان", "تسع", "تسعه":
		return true
	}
	return false
}

// numCore returns the end of a number phrase at j (digits, number words,
// magnitudes and و-compounds), or -1.
func (s *scanner) numCore(j int) int {
	e := s.atom(j)
	if e < 0 {
		return -1
	}
	for {
		for s.cls(e)&cMag != 0 && !s.info[e].conj {
			e++
		}
		if e < s.lim && s.info[e].and {
			if k := s.atom(e + 1); k > 0 {
				e = k
				continue
			}
		}
		if e < s.lim && s.info[e].conj && s.cls(e)&(cNumWord|cMag) != 0 {
			e++
			continue
		}
		return e
	}
}

// atom returns the end of one number at j: digits, a number word, a
// magnitude, or a fraction before a magnitude; or -1.
func (s *scanner) atom(j int) int {
	if j < s.lo || j >= s.lim {
		return -1
	}
	if s.isNum(j) {
		return j + 1
	}
	c := s.cls(j)
	if j+1 < s.lim && s.toks[j+1].Kind == token.Word && (s.toks[j+1].Norm == "عشر" || s.toks[j+1].Norm == "عشره") &&
		teenSkip(&s.toks[j]) >= 0 {
		return j + 2 // أحد عشر، اثنتي عشرة، ثلاثة عشر
	}
	switch {
	case c&(cNumWord|cMag) != 0:
		return j + 1
	case c&cFrac != 0 && s.cls(j+1)&cMag != 0:
		return j + 2
	case j+1 < s.lim && oneWord(s.toks[j].Norm) && s.info[j+1].conj && tensWord(s.toks[j+1].Stem):
		return j + 1 // إحدى وعشرون: the tens join as any و + number does
	}
	return -1
}

// oneWord reports whether w is "one" as the first part of a number with و
// and the tens (إحدى وعشرين، أحد وثلاثين); alone it is a common word (أحد: no
// one, Sunday). واحد is left out: normalized, it is also وأحد ("and one"),
// whose و the span must leave out.
func oneWord(w string) bool {
	return w == "احد" || w == "احدي"
}

// tensWord reports whether the bare word w is a multiple of ten from
// twenty to ninety.
func tensWord(w string) bool {
	switch w {
	case "عشرون", "عشرين", "ثلاثون", "ثلاثين", "اربعون", "اربعين", "خمسون", "خمسين", "ستون", "ستين", "سبعون", "سبعين",
		"ثمانون", "ثمانين", "تسعون", "تسعين":
		return true
	}
	return false
}

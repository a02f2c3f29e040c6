// Package highlight turns an analysis result into the escaped HTML the web
// app shows: the original text with each entity wrapped in a <mark>, the
// legend, the entity panel, the article stats, and a view of what
// normalization changed.
//
// Every function here escapes all user text, so its output can be assigned
// to innerHTML as is: stripping the tags and decoding the entities of View's
// output gives back the input text exactly (CR and NUL included).
package highlight

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"tahlil/internal/analysis"
)

// Types lists the entity types in the order the interface shows them.
var Types = []string{analysis.PER, analysis.ORG, analysis.LOC, analysis.MISC, analysis.DATE, analysis.NUM}

// TypeNames gives the Arabic name of each entity type.
var TypeNames = map[string]string{
	analysis.PER:  "شخص",
	analysis.ORG:  "منظمة",
	analysis.LOC:  "مكان",
	analysis.MISC: "متفرقات",
	analysis.DATE: "تاريخ",
	analysis.NUM:  "عدد",
}

// TypeName returns the Arabic name of typ, or typ itself for a type the
// interface does not know yet.
func TypeName(typ string) string {
	if n, ok := TypeNames[typ]; ok {
		return n
	}
	return typ
}

// SectionRunes is the size, in code points, after which View starts a new
// section at the next line break outside an entity.
const SectionRunes = 8 << 10

// View returns the text as escaped HTML with every entity in a <mark>,
// split into sections of about SectionRunes code points, each a
// <div class="sec">. The sections are cut only after a line break and never
// inside an entity, so the browser can insert them one at a time.
//
// Each mark carries data-type, data-group and data-i (its index in
// entities), and is focusable. Entities must be sorted, non-overlapping and
// inside text, as analysis.Analyze returns them; an entity that is not is
// skipped rather than corrupting the text.
func View(text string, entities []analysis.Entity) []string {
	if !utf8.ValidString(text) {
		return viewRunes(text, entities)
	}
	// The same walk as viewRunes, over bytes: runs of characters that need
	// no escaping are copied whole, which makes this several times faster.
	v := newViewer(text, entities)
	last := 0 // text[last:i] is yet to be written
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c&0xC0 == 0x80 {
			continue // inside a code point
		}
		if v.boundary() {
			v.b.WriteString(text[last:i])
			last = i
			v.tags()
		}
		if c < utf8.RuneSelf && escapes[c] != "" {
			v.b.WriteString(text[last:i])
			v.b.WriteString(escapes[c])
			last = i + 1
		}
		if v.next(c == '\n') {
			v.b.WriteString(text[last : i+1])
			last = i + 1
			v.cut()
		}
	}
	v.b.WriteString(text[last:])
	return v.finish()
}

// escapes gives the replacement of each ASCII character that escapeRune
// replaces.
var escapes = [utf8.RuneSelf]string{
	'&':  "&amp;",
	'<':  "&lt;",
	'>':  "&gt;",
	'"':  "&#34;",
	'\'': "&#39;",
	'\r': "&#13;",
	0:    "\uFFFD",
}

// viewer holds the state of one View: the output, the section being
// written, and where the walk is among the entities.
type viewer struct {
	entities []analysis.Entity
	sections []string
	b        strings.Builder
	ei       int // next entity
	rn       int // code point index of the next code point
	inMark   bool
	cur      analysis.Entity
	secRunes int
}

func newViewer(text string, entities []analysis.Entity) *viewer {
	v := &viewer{entities: entities}
	v.b.Grow(len(text) + len(text)/4 + 64*len(entities))
	v.b.WriteString(`<div class="sec">`)
	return v
}

// boundary reports whether a mark closes or may open before code point rn.
func (v *viewer) boundary() bool {
	if v.inMark {
		return v.rn == v.cur.End
	}
	return v.ei < len(v.entities) && v.entities[v.ei].Start <= v.rn
}

// tags closes and opens the marks due before code point rn.
func (v *viewer) tags() {
	if v.inMark && v.rn == v.cur.End {
		v.b.WriteString(`</mark>`)
		v.inMark = false
	}
	if !v.inMark {
		for v.ei < len(v.entities) && v.entities[v.ei].Start < v.rn {
			v.ei++ // overlapping or out of order: skip
		}
		if v.ei < len(v.entities) && v.entities[v.ei].Start == v.rn && v.entities[v.ei].End > v.rn {
			v.cur = v.entities[v.ei]
			writeMarkOpen(&v.b, v.ei, v.cur)
			v.inMark = true
			v.ei++
		}
	}
}

// next counts a code point and reports whether the section ends after it.
func (v *viewer) next(newline bool) bool {
	v.rn++
	v.secRunes++
	return newline && !v.inMark && v.secRunes >= SectionRunes
}

// cut ends the section and starts the next.
func (v *viewer) cut() {
	v.b.WriteString(`</div>`)
	v.sections = append(v.sections, v.b.String())
	v.b.Reset()
	v.b.WriteString(`<div class="sec">`)
	v.secRunes = 0
}

func (v *viewer) finish() []string {
	if v.inMark {
		v.b.WriteString(`</mark>`)
	}
	v.b.WriteString(`</div>`)
	v.sections = append(v.sections, v.b.String())
	if n := len(v.sections); n > 1 && v.sections[n-1] == `<div class="sec"></div>` {
		v.sections = v.sections[:n-1]
	}
	return v.sections
}

// viewRunes is View for text that is not valid UTF-8, rune by rune, so that
// each invalid byte counts as one code point and shows as U+FFFD.
func viewRunes(text string, entities []analysis.Entity) []string {
	v := newViewer(text, entities)
	for _, r := range text {
		if v.boundary() {
			v.tags()
		}
		escapeRune(&v.b, r)
		if v.next(r == '\n') {
			v.cut()
		}
	}
	return v.finish()
}

func writeMarkOpen(b *strings.Builder, i int, e analysis.Entity) {
	var num [20]byte
	b.WriteString(`<mark tabindex="0" data-i="`)
	b.Write(strconv.AppendInt(num[:0], int64(i), 10))
	b.WriteString(`" data-type="`)
	if a, ok := markAttrs[e.Type]; ok {
		b.WriteString(a.typ)
		b.WriteString(`" data-group="`)
		b.Write(strconv.AppendInt(num[:0], int64(e.Group), 10))
		b.WriteString(`" data-label="`)
		b.WriteString(a.label)
	} else {
		escapeString(b, e.Type)
		b.WriteString(`" data-group="`)
		b.Write(strconv.AppendInt(num[:0], int64(e.Group), 10))
		b.WriteString(`" data-label="`)
		escapeString(b, TypeName(e.Type))
	}
	b.WriteString(`">`)
}

// markAttrs holds the escaped type and label of each known type.
var markAttrs = func() map[string]struct{ typ, label string } {
	m := map[string]struct{ typ, label string }{}
	for t, name := range TypeNames {
		m[t] = struct{ typ, label string }{Escape(t), Escape(name)}
	}
	return m
}()

// Escape returns s with the characters that matter in HTML text and
// attribute values replaced by character references.
func Escape(s string) string {
	var b strings.Builder
	escapeString(&b, s)
	return b.String()
}

func escapeString(b *strings.Builder, s string) {
	for _, r := range s {
		escapeRune(b, r)
	}
}

func escapeRune(b *strings.Builder, r rune) {
	switch r {
	case '&':
		b.WriteString("&amp;")
	case '<':
		b.WriteString("&lt;")
	case '>':
		b.WriteString("&gt;")
	case '"':
		b.WriteString("&#34;")
	case '\'':
		b.WriteString("&#39;")
	case '\r':
		b.WriteString("&#13;") // the HTML parser would turn a raw CR into LF
	case 0:
		b.WriteString("\uFFFD") // the HTML parser drops a raw NUL
	default:
		b.WriteRune(r)
	}
}

// Legend returns the legend: one toggle per type present in counts (and
// always the person, organization and place types), with its count.
func Legend(counts map[string]int) string {
	var b strings.Builder
	for _, t := range typesOf(counts) {
		n := counts[t]
		b.WriteString(`<label class="lg" data-type="`)
		escapeString(&b, t)
		b.WriteString(`"><input type="checkbox" checked data-type="`)
		escapeString(&b, t)
		b.WriteString(`" aria-label="`)
		b.WriteString("إظهار ")
		escapeString(&b, TypeName(t))
		b.WriteString(`"><span class="sw" aria-hidden="true"></span><span class="nm">`)
		escapeString(&b, TypeName(t))
		b.WriteString(`</span><span class="ct">`)
		b.WriteString(Digits(n))
		b.WriteString(`</span></label>`)
	}
	return b.String()
}

// typesOf returns the known types that are present or always shown, in
// display order, followed by unknown types in sorted order.
func typesOf(counts map[string]int) []string {
	var out []string
	for _, t := range Types {
		if counts[t] > 0 || t == analysis.PER || t == analysis.ORG || t == analysis.LOC {
			out = append(out, t)
		}
	}
	var extra []string
	for t, n := range counts {
		if _, known := TypeNames[t]; !known && n > 0 {
			extra = append(extra, t)
		}
	}
	sort.Strings(extra)
	return append(out, extra...)
}

// PanelLimit is how many groups of one type Panel lists before summing up
// the rest.
const PanelLimit = 60

// Panel returns the entity panel: the groups of each type, most mentioned
// first, each a button carrying data-group.
func Panel(groups []analysis.Group) string {
	byType := map[string][]analysis.Group{}
	counts := map[string]int{}
	for _, g := range groups {
		byType[g.Type] = append(byType[g.Type], g)
		counts[g.Type] += g.Count
	}
	if len(groups) == 0 {
		return `<p class="empty">لم يُعثر على كيانات بعد.</p>`
	}
	var b strings.Builder
	for _, t := range typesOf(counts) {
		gs := byType[t]
		if len(gs) == 0 {
			continue
		}
		sort.SliceStable(gs, func(i, j int) bool {
			if gs[i].Count != gs[j].Count {
				return gs[i].Count > gs[j].Count
			}
			return gs[i].ID < gs[j].ID
		})
		b.WriteString(`<section class="pt" data-type="`)
		escapeString(&b, t)
		b.WriteString(`"><h3><span class="sw" aria-hidden="true"></span>`)
		escapeString(&b, TypeName(t))
		b.WriteString(` <span class="ct">`)
		b.WriteString(Digits(len(gs)))
		b.WriteString(`</span></h3><ul>`)
		for i, g := range gs {
			if i == PanelLimit {
				b.WriteString(`<li class="more">و`)
				b.WriteString(Digits(len(gs) - PanelLimit))
				b.WriteString(` أخرى</li>`)
				break
			}
			b.WriteString(`<li><button type="button" data-group="`)
			b.WriteString(strconv.Itoa(g.ID))
			b.WriteString(`" data-type="`)
			escapeString(&b, g.Type)
			b.WriteString(`"><span class="gl">`)
			escapeString(&b, g.Label)
			b.WriteString(`</span><span class="ct" aria-label="`)
			b.WriteString(Digits(g.Count))
			b.WriteString(` مرة">`)
			b.WriteString(Digits(g.Count))
			b.WriteString(`</span></button></li>`)
		}
		b.WriteString(`</ul></section>`)
	}
	return b.String()
}

// Stats returns the article statistics as a definition list: words,
// sentences, reading time, then the mentions of each type.
func Stats(s analysis.Stats, counts map[string]int) string {
	var b strings.Builder
	item := func(label, value string) {
		b.WriteString(`<div><dt>`)
		b.WriteString(label)
		b.WriteString(`</dt><dd>`)
		b.WriteString(value)
		b.WriteString(`</dd></div>`)
	}
	item("كلمات", Digits(s.Words))
	item("جمل", Digits(s.Sentences))
	item("وقت القراءة", ReadingTime(s.ReadingMinutes))
	for _, t := range typesOf(counts) {
		b.WriteString(`<div class="st" data-type="`)
		escapeString(&b, t)
		b.WriteString(`"><dt>`)
		escapeString(&b, TypeName(t))
		b.WriteString(`</dt><dd>`)
		b.WriteString(Digits(counts[t]))
		b.WriteString(`</dd></div>`)
	}
	return b.String()
}

// ReadingTime formats minutes in Arabic: "أقل من دقيقة", "دقيقة واحدة",
// "٣ دقائق", "١٢ دقيقة".
func ReadingTime(minutes float64) string {
	m := int(minutes + 0.5)
	switch {
	case minutes < 0.75:
		return "أقل من دقيقة"
	case m <= 1:
		return "دقيقة واحدة"
	case m == 2:
		return "دقيقتان"
	case m <= 10:
		return Digits(m) + " دقائق"
	}
	return Digits(m) + " دقيقة"
}

// Digits formats n with Arabic-Indic digits.
func Digits(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for _, c := range s {
		if c >= '0' && c <= '9' {
			b.WriteRune('٠' + c - '0')
		} else {
			b.WriteRune(c)
		}
	}
	return b.String()
}

// Counts returns the number of mentions of each type.
func Counts(entities []analysis.Entity) map[string]int {
	m := map[string]int{}
	for _, e := range entities {
		m[e.Type]++
	}
	return m
}

// Changes marks what normalization changed. For the input text and, for
// each code point of the output, the span of input code points it came from
// (as normalize.Mapped gives), it returns the input as escaped HTML with each
// run of changed characters in <mark class="chg">, and the number of input
// code points that changed or were removed.
//
// An input code point counts as kept when it is the first code point of the
// span of an output code point equal to it. A changed combining mark takes
// its base letter into the run, so a removed diacritic shows on the letter
// that carried it.
//
// When limit is positive, the HTML covers only the first limit code points
// of the input (the count still covers all of it).
func Changes(text string, out string, spans [][2]int, limit int) (html string, changed int) {
	in := []rune(text)
	kept := make([]bool, len(in))
	j := 0
	for _, r := range out {
		if j >= len(spans) {
			break
		}
		s := spans[j][0]
		if s >= 0 && s < len(in) && in[s] == r && !kept[s] {
			kept[s] = true
		}
		j++
	}
	show := make([]bool, len(in))
	for i := range in {
		if kept[i] {
			continue
		}
		changed++
		show[i] = true
		if !unicode.Is(unicode.Mn, in[i]) {
			continue
		}
		// Take the base letter of a combining mark along.
		for k := i - 1; k >= 0 && !show[k]; k-- {
			show[k] = true
			if !unicode.Is(unicode.Mn, in[k]) {
				break
			}
		}
	}
	if limit > 0 && limit < len(in) {
		in = in[:limit]
	}
	var b strings.Builder
	b.Grow(len(text) + 64)
	on := false
	for i, r := range in {
		if show[i] != on {
			if show[i] {
				b.WriteString(`<mark class="chg">`)
			} else {
				b.WriteString(`</mark>`)
			}
			on = show[i]
		}
		escapeRune(&b, r)
	}
	if on {
		b.WriteString(`</mark>`)
	}
	return b.String(), changed
}

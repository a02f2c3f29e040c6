// Package normalize folds Arabic text for matching and display while keeping,
// for every output code point, the span of input code points it came from.
//
// A Normalizer is an immutable set of named folds (see Fold). The presets
// Search, Lucene and Display cover the common uses; New composes any other set.
//
// Invalid UTF-8: every byte that does not start a valid encoding is read as
// one input code point and becomes U+FFFD in the output, so offsets stay valid.
package normalize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold is a set of character folds. Folds combine with |.
type Fold uint32

const (
	// PresentationForms replaces each character of U+FB50–U+FDFF and
	// U+FE70–U+FEFE with its compatibility decomposition (NFKC of that
	// character alone), then composes the whole text with NFC.
	PresentationForms Fold = 1 << iota
	// Diacritics deletes U+064B–U+065F and U+0670 (superscript alef).
	Diacritics
	// Quranic deletes U+0610–U+061A, U+06D6–U+06DC, U+06DF–U+06E4,
	// U+06E7–U+06E8 and U+06EA–U+06ED.
	Quranic
	// Tatweel deletes U+0640.
	Tatweel
	// Alef maps آ أ إ ٱ ٲ ٳ (U+0622 U+0623 U+0625 U+0671 U+0672 U+0673) to ا (U+0627).
	Alef
	// AlefMaksura maps ى (U+0649) to ي (U+064A).
	AlefMaksura
	// TehMarbuta maps ة (U+0629) to ه (U+0647).
	TehMarbuta
	// Persian maps ی (U+06CC) to ي, ک (U+06A9) to ك (U+0643) and ۀ (U+06C0) to ه.
	Persian
	// Digits maps ٠–٩ (U+0660–U+0669) and ۰–۹ (U+06F0–U+06F9) to ASCII 0–9.
	Digits
	// Controls deletes U+200B–U+200F, U+202A–U+202E, U+2060–U+2064,
	// U+2066–U+2069, U+061C and U+FEFF.
	Controls
	// ZWNJSpace turns ZWNJ (U+200C) into a space instead of deleting it.
	// It only matters together with Controls.
	ZWNJSpace
	// Spaces maps every Unicode space separator (category Zs) to U+0020.
	Spaces
)

// Span is a half-open range [Start, End) of code point offsets.
type Span struct{ Start, End int }

// Normalizer applies a fixed set of folds. It is safe for concurrent use.
type Normalizer struct {
	name  string
	folds Fold
}

// New returns a Normalizer that applies folds.
func New(folds Fold) *Normalizer { return &Normalizer{folds: folds} }

// Presets.
var (
	// Search is the aggressive matching key used by entity recognition.
	Search = &Normalizer{name: "search", folds: PresentationForms | Diacritics | Quranic | Tatweel |
		Alef | AlefMaksura | TehMarbuta | Persian | Digits | Controls | Spaces}
)

// Preset returns the named preset: "search", "lucene" or "display".
func Preset(name string) (*Normalizer, bool) {
	switch name {
	case "search":
		return Search, true
	}
	return nil, false
}

// Name returns the preset name, or "" for a custom set.
func (n *Normalizer) Name() string { return n.name }

// Folds returns the folds n applies.
func (n *Normalizer) Folds() Fold { return n.folds }

// String returns the normalized text.
func (n *Normalizer) String(s string) string {
	out, _ := n.run(s, false)
	return out
}

// Map returns the normalized text and, for each of its code points, the span
// of input code points it came from.
func (n *Normalizer) Map(s string) Mapped {
	out, spans := n.run(s, true)
	return Mapped{Text: out, Spans: spans}
}

// Mapped is normalized text with its source spans.
type Mapped struct {
	Text  string
	Spans []Span // one per code point of Text, in input code points
}

// Source maps the output code point range [start, end) to the input range it
// came from. An empty range maps to an empty range at the matching position.
func (m Mapped) Source(start, end int) (int, int) {
	if len(m.Spans) == 0 {
		return 0, 0
	}
	if start >= len(m.Spans) {
		e := m.Spans[len(m.Spans)-1].End
		return e, e
	}
	if end <= start {
		s := m.Spans[start].Start
		return s, s
	}
	if end > len(m.Spans) {
		end = len(m.Spans)
	}
	return m.Spans[start].Start, m.Spans[end-1].End
}

type runeSpan struct {
	r    rune
	span Span
}

func (n *Normalizer) run(s string, wantSpans bool) (string, []Span) {
	// Stage 1: decode, replacing invalid bytes, and expand presentation forms.
	var rs []runeSpan
	i := 0
	for _, r := range s { // range yields U+FFFD for each invalid byte
		sp := Span{i, i + 1}
		i++
		if n.folds&PresentationForms != 0 && isPresentation(r) {
			for _, d := range norm.NFKC.String(string(r)) {
				rs = append(rs, runeSpan{d, sp})
			}
			continue
		}
		rs = append(rs, runeSpan{r, sp})
	}
	if n.folds&PresentationForms != 0 {
		rs = composeNFC(rs)
	}
	// Stages 2 and 3: delete and map.
	var b strings.Builder
	b.Grow(len(s))
	var spans []Span
	pendingStart := -1 // start of deleted characters with no output yet
	for _, x := range rs {
		r, ok := n.fold(x.r)
		if !ok {
			if len(spans) > 0 {
				spans[len(spans)-1].End = x.span.End
			} else if pendingStart < 0 {
				pendingStart = x.span.Start
			}
			continue
		}
		sp := x.span
		if pendingStart >= 0 {
			sp.Start = pendingStart
			pendingStart = -1
		}
		if len(spans) > 0 && sp.Start < spans[len(spans)-1].End && sp.Start != spans[len(spans)-1].Start {
			sp.Start = spans[len(spans)-1].Start
		}
		b.WriteRune(r)
		spans = append(spans, sp)
	}
	if !wantSpans {
		spans = nil
	}
	return b.String(), spans
}

func isPresentation(r rune) bool {
	return (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFE)
}

// composeNFC applies NFC to the text, giving every output code point of a
// normalization segment the union of that segment's input spans.
func composeNFC(rs []runeSpan) []runeSpan {
	out := make([]runeSpan, 0, len(rs))
	for i := 0; i < len(rs); {
		j := i + 1
		for j < len(rs) && !norm.NFC.PropertiesString(string(rs[j].r)).BoundaryBefore() {
			j++
		}
		var seg []rune
		for _, x := range rs[i:j] {
			seg = append(seg, x.r)
		}
		str := string(seg)
		if norm.NFC.IsNormalString(str) {
			out = append(out, rs[i:j]...)
		} else {
			sp := Span{rs[i].span.Start, rs[j-1].span.End}
			for _, r := range norm.NFC.String(str) {
				out = append(out, runeSpan{r, sp})
			}
		}
		i = j
	}
	return out
}

// fold applies the character folds to r and reports whether r is kept.
func (n *Normalizer) fold(r rune) (rune, bool) {
	f := n.folds
	switch {
	case f&Diacritics != 0 && (r >= 0x064B && r <= 0x065F || r == 0x0670):
		return 0, false
	case f&Quranic != 0 && (r >= 0x0610 && r <= 0x061A || r >= 0x06D6 && r <= 0x06DC ||
		r >= 0x06DF && r <= 0x06E4 || r == 0x06E7 || r == 0x06E8 || r >= 0x06EA && r <= 0x06ED):
		return 0, false
	case f&Tatweel != 0 && r == 0x0640:
		return 0, false
	case f&Controls != 0 && (r >= 0x200B && r <= 0x200F || r >= 0x202A && r <= 0x202E ||
		r >= 0x2060 && r <= 0x2064 || r >= 0x2066 && r <= 0x2069 || r == 0x061C || r == 0xFEFF):
		if r == 0x200C && f&ZWNJSpace != 0 {
			return ' ', true
		}
		return 0, false
	case f&Alef != 0 && (r == 0x0622 || r == 0x0623 || r == 0x0625 || r == 0x0671 || r == 0x0672 || r == 0x0673):
		return 0x0627, true
	case f&AlefMaksura != 0 && r == 0x0649:
		return 0x064A, true
	case f&TehMarbuta != 0 && r == 0x0629:
		return 0x0647, true
	case f&Persian != 0 && r == 0x06CC:
		return 0x064A, true
	case f&Persian != 0 && r == 0x06A9:
		return 0x0643, true
	case f&Persian != 0 && r == 0x06C0:
		return 0x0647, true
	case f&Digits != 0 && r >= 0x0660 && r <= 0x0669:
		return '0' + r - 0x0660, true
	case f&Digits != 0 && r >= 0x06F0 && r <= 0x06F9:
		return '0' + r - 0x06F0, true
	case f&Spaces != 0 && r != ' ' && unicode.Is(unicode.Zs, r):
		return ' ', true
	}
	return r, true
}

var _ = utf8.RuneError

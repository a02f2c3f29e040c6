// Package normalize folds Arabic text for matching and display while keeping,
// for every output code point, the span of input code points it came from.
//
// A Normalizer is an immutable set of named folds (see Fold and its
// constants, which list the exact code points each one touches). The presets
// cover the common uses:
//
//   - Search, the aggressive matching key: PresentationForms (NFKC of each
//     presentation form, then NFC), then delete Diacritics, Quranic, Tatweel
//     and Controls, then map Alef, AlefMaksura, TehMarbuta, Persian, Digits
//     and Spaces. ء ؤ ئ, punctuation, Latin, emoji, tabs and newlines are left
//     alone. Search is idempotent.
//   - Lucene, identical to Lucene's ArabicNormalizer (Elasticsearch's
//     arabic_normalization, bleve's normalize_ar): AlefHamza, AlefMaksura,
//     TehMarbuta, Tatweel, Harakat and Shadda, with no Unicode normalization.
//   - Display, a clean copy for a reader: PresentationForms, Tatweel,
//     Controls and Spaces. Letters, hamza and diacritics stay.
//
// New composes any other set of folds.
//
// # Offsets
//
// Offsets count input code points. Every output code point has the half-open
// span of input code points it came from. The spans are monotonic (starts and
// ends never decrease), two neighbours are either equal or adjacent, and
// together they cover the whole input. A deleted character joins the span of
// the output character before it, or of the first output character when
// nothing precedes it. An
// expansion (a ligature, ﷺ, آ under HamzaUniform) gives all its output
// characters the same span, and so does a sequence that NFC recomposes (ا +
// U+0654 → أ spans both input code points). When every input character is
// deleted, the output and its spans are empty.
//
// # Invalid UTF-8
//
// Every byte that does not start a valid UTF-8 encoding (as decoded by
// unicode/utf8, which reads a truncated or overlong sequence one byte at a
// time) is one input code point and becomes U+FFFD in the output, so offsets
// stay valid. A valid U+FFFD in the input is kept as it is.
//
// # Choices the folds make
//
//   - Presentation forms without a compatibility decomposition (﴾ ﴿ ﷽) are
//     kept; ﷲ becomes الله and ﷺ becomes صلى الله عليه وسلم, whose ى the
//     AlefMaksura fold then maps.
//   - NFC is golang.org/x/text's. Like x/text (Stream-Safe Text Format), a
//     run of more than 30 combining marks is put in canonical order 30 marks
//     at a time; unlike x/text, no U+034F is inserted between the parts.
//   - Deleting a control or replacing a letter can leave a combining sequence
//     that NFC would change (a Latin e, a deleted U+200B, then U+0301). The
//     normalizer then runs again over its own output, so that every preset is
//     idempotent. Arabic marks never trigger this under Search, which deletes
//     them all.
//   - Replacements are not folded again (HamzaSeats and SeatedHamza both
//     touch ؤ; the first in the rule order wins).
package normalize

import "sync"

// Span is a half-open range [Start, End) of code point offsets.
type Span struct{ Start, End int }

// Normalizer applies a fixed set of folds. It is safe for concurrent use.
type Normalizer struct {
	name  string
	folds Fold
	once  sync.Once
	t     *tables // built on first use, so start-up does no work
}

var cache sync.Map // Fold → *tables

func newNormalizer(name string, folds Fold) *Normalizer {
	return &Normalizer{name: name, folds: folds}
}

// ready builds n's tables, or takes them from the cache, on first use.
func (n *Normalizer) ready() {
	n.once.Do(func() {
		t, ok := cache.Load(n.folds)
		if !ok {
			t, _ = cache.LoadOrStore(n.folds, buildTables(n.folds))
		}
		n.t = t.(*tables)
	})
}

// New returns a Normalizer that applies folds. Building the tables for a new
// set of folds takes tens of microseconds; they are cached and shared.
func New(folds Fold) *Normalizer { return newNormalizer("", folds) }

// Fold sets of the presets.
const (
	SearchFolds = PresentationForms | Diacritics | Quranic | Tatweel | Controls |
		Alef | AlefMaksura | TehMarbuta | Persian | Digits | Spaces
	LuceneFolds  = AlefHamza | AlefMaksura | TehMarbuta | Tatweel | Harakat | Shadda
	DisplayFolds = PresentationForms | Tatweel | Controls | Spaces
)

// Presets.
var (
	// Search is the aggressive matching key used by entity recognition.
	Search = newNormalizer("search", SearchFolds)
	// Lucene folds exactly like Lucene's ArabicNormalizer.
	Lucene = newNormalizer("lucene", LuceneFolds)
	// Display cleans text for reading and keeps its letters and diacritics.
	Display = newNormalizer("display", DisplayFolds)
)

// PresetNames lists the main presets. Preset also accepts the names of the
// Compats option sets.
var PresetNames = []string{"search", "lucene", "display"}

// Preset returns the named preset: "search", "lucene", "display", or the
// name of one of the Compats option sets.
func Preset(name string) (*Normalizer, bool) {
	switch name {
	case "search":
		return Search, true
	case "lucene":
		return Lucene, true
	case "display":
		return Display, true
	}
	return compat(name)
}

// Name returns the preset name, or "" for a custom set.
func (n *Normalizer) Name() string { return n.name }

// Folds returns the folds n applies.
func (n *Normalizer) Folds() Fold { return n.folds }

// String returns the normalized text. When nothing changes it returns s
// itself without allocating.
func (n *Normalizer) String(s string) string {
	out, _ := n.run(s, false, nil)
	return out
}

// Map returns the normalized text and, for each of its code points, the span
// of input code points it came from.
func (n *Normalizer) Map(s string) Mapped {
	out, spans := n.run(s, true, nil)
	return Mapped{Text: out, Spans: spans}
}

// MapBuffer is Map reusing buf's array for the spans when it is large
// enough, so that a caller done with an earlier result can spare the
// allocation.
func (n *Normalizer) MapBuffer(s string, buf []Span) Mapped {
	out, spans := n.run(s, true, buf)
	return Mapped{Text: out, Spans: spans}
}

// Mapped is normalized text with its source spans.
type Mapped struct {
	Text  string
	Spans []Span // one per code point of Text, in input code points
}

// Source maps the output code point range [start, end) to the input range it
// came from. Out-of-range bounds are clamped; an empty range maps to an empty
// range at the matching input position.
func (m Mapped) Source(start, end int) (int, int) {
	n := len(m.Spans)
	if n == 0 {
		return 0, 0
	}
	start = min(max(start, 0), n)
	end = min(max(end, start), n)
	if start == n {
		e := m.Spans[n-1].End
		return e, e
	}
	if end == start {
		s := m.Spans[start].Start
		return s, s
	}
	return m.Spans[start].Start, m.Spans[end-1].End
}

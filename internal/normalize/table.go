package normalize

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The normalizer classifies runes through per-Normalizer tables built once
// from the fold rules and from golang.org/x/text's NFC properties. The tables
// cover every code point any fold can touch except Zs and Nd, which are
// checked with the unicode package for runes outside the tables.
const (
	loEnd   = 0x800 // [0, loEnd): ASCII, Latin, Greek, Cyrillic, Hebrew, Arabic
	gpStart = 0x2000
	gpEnd   = 0x2070 // General Punctuation: spaces, zero-width and bidi controls
	pfStart = 0xFB50
	pfEnd   = 0xFF00 // Arabic presentation forms A and B (and FE00–FE6F between)
)

// Actions.
const (
	keep     uint8 = iota
	del            // delete
	repl           // replace with entry.to
	expand         // replace with n.exps[entry.to]
	pexpand        // presentation form: replace with n.exps[entry.to] before NFC
	collapse       // white space under CollapseSpaces
	dagger         // U+0670 under DaggerAlefToAlef
)

// NFC flags.
const (
	boundary   uint8 = 1 << iota // NFC segment starts here (ccc 0, never combines backward)
	qcYes                        // NFC quick check is Yes
	qcNo                         // NFC changes the rune even alone
	decomposes                   // has a canonical decomposition
)

type entry struct {
	to   rune
	kind uint8
	ccc  uint8
	nfc  uint8
}

type props struct{ ccc, nfc uint8 }

// runeProps returns the NFC properties of the rune encoded in b.
func runeProps(b string) props {
	p := norm.NFC.PropertiesString(b)
	var f uint8
	if p.BoundaryBefore() {
		f |= boundary
	}
	if norm.NFC.QuickSpanString(b) == len(b) {
		f |= qcYes
	} else if norm.NFC.String(b) != b {
		f |= qcNo
	}
	if len(p.Decomposition()) > 0 {
		f |= decomposes
	}
	return props{p.CCC(), f}
}

// inert is the NFC class of a starter that never changes under NFC.
var inert = props{0, boundary | qcYes}

// pairs maps every canonical composition of two code points, keyed
// first<<21 | second, to the composite; built from x/text's decompositions
// on first use. Hangul, which composes by arithmetic, is not in it.
var (
	pairsOnce sync.Once
	pairs     map[uint64]rune
)

func composite(first, second rune) (rune, bool) {
	pairsOnce.Do(func() {
		pairs = make(map[uint64]rune)
		var buf [utf8.UTFMax]byte
		for c := rune(0xC0); c < 0x30000; c++ {
			if c >= 0xD800 && c < 0xE000 {
				continue
			}
			s := string(buf[:utf8.EncodeRune(buf[:], c)])
			d := norm.NFC.PropertiesString(s).Decomposition()
			if len(d) == 0 || norm.NFC.QuickSpanString(s) != len(s) {
				continue // not a primary composite
			}
			last, size := utf8.DecodeLastRune(d)
			firstS := norm.NFC.String(string(d[:len(d)-size]))
			f, n := utf8.DecodeRuneInString(firstS)
			if n != len(firstS) {
				continue
			}
			pairs[uint64(f)<<21|uint64(last)] = c
		}
	})
	c, ok := pairs[uint64(first)<<21|uint64(second)]
	return c, ok
}

func isHangul(r rune) bool { return unicode.Is(unicode.Hangul, r) }

type tables struct {
	lo   [loEnd]entry
	gp   [gpEnd - gpStart]entry
	pf   [pfEnd - pfStart]entry
	exps []string
	// asciiKeep is true when no fold touches ASCII.
	asciiKeep bool
}

func buildTables(f Fold) *tables {
	t := &tables{}
	fill := func(dst []entry, base rune) {
		for i := range dst {
			r := base + rune(i)
			e := entry{}
			p := runeProps(string(r))
			e.ccc, e.nfc = p.ccc, p.nfc
			if f&PresentationForms != 0 && isPresentation(r) {
				if d := norm.NFKC.String(string(r)); d != string(r) {
					for _, x := range d {
						if x >= loEnd {
							panic("normalize: presentation form decomposes outside the table")
						}
					}
					e.kind, e.to = pexpand, rune(len(t.exps))
					t.exps = append(t.exps, d)
					dst[i] = e
					continue
				}
			}
			if f&CollapseSpaces != 0 && isJSSpace(r) {
				e.kind = collapse
				dst[i] = e
				continue
			}
			if to, ok := f.apply(r); ok {
				switch utf8.RuneCountInString(to) {
				case 0:
					e.kind = del
				case 1:
					e.kind = repl
					e.to, _ = utf8.DecodeRuneInString(to)
				default:
					e.kind, e.to = expand, rune(len(t.exps))
					t.exps = append(t.exps, to)
				}
			}
			if f&DaggerAlefToAlef != 0 && r == 0x0670 && e.kind == repl {
				e.kind = dagger
			}
			dst[i] = e
		}
	}
	fill(t.lo[:], 0)
	fill(t.gp[:], gpStart)
	fill(t.pf[:], pfStart)
	t.asciiKeep = true
	for i := 0; i < 0x80; i++ {
		if t.lo[i].kind != keep {
			t.asciiKeep = false
		}
	}
	return t
}

func isPresentation(r rune) bool {
	return (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFE)
}

// lookup returns the entry of r. b is r's UTF-8 encoding, used for runes
// outside the tables; when b is empty, r stands for an invalid byte
// (U+FFFD), which is an inert starter.
func (n *Normalizer) lookup(r rune, b string) entry {
	switch {
	case r < loEnd:
		return n.t.lo[r]
	case r >= gpStart && r < gpEnd:
		return n.t.gp[r-gpStart]
	case r >= pfStart && r < pfEnd:
		return n.t.pf[r-pfStart]
	}
	e := entry{ccc: inert.ccc, nfc: inert.nfc}
	if b != "" {
		p := runeProps(b)
		e.ccc, e.nfc = p.ccc, p.nfc
	}
	f := n.folds
	if f&CollapseSpaces != 0 && isJSSpace(r) {
		e.kind = collapse
		return e
	}
	if f&DecimalDigits != 0 {
		if d, ok := digitValue(r); ok {
			e.kind, e.to = repl, rune('0'+d)
			return e
		}
	}
	if f&Spaces != 0 && unicode.Is(unicode.Zs, r) {
		e.kind, e.to = repl, ' '
	}
	return e
}

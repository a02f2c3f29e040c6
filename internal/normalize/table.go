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

	// Bits 4–5 and 6–7 hold how many non-starters the rune's decomposition
	// ends and starts with (at most 3), for Stream-Safe segmenting.
	trailShift = 4
	leadShift  = 6
)

func nTrail(e entry) int { return int(e.nfc>>trailShift) & 3 }
func nLead(e entry) int  { return int(e.nfc>>leadShift) & 3 }

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
	lead, trail := uint8(0), uint8(0)
	if d := p.Decomposition(); len(d) > 0 {
		f |= decomposes
		// Count the non-starters the decomposition starts and ends with,
		// as x/text's Stream-Safe counting does.
		var cccs []uint8
		for k := 0; k < len(d); {
			q := norm.NFC.Properties(d[k:])
			cccs = append(cccs, q.CCC())
			k += q.Size()
		}
		for lead < uint8(len(cccs)) && cccs[lead] != 0 {
			lead++
		}
		for trail < uint8(len(cccs)) && cccs[len(cccs)-1-int(trail)] != 0 {
			trail++
		}
	} else if p.CCC() != 0 {
		lead, trail = 1, 1
	}
	f |= min(lead, 3)<<leadShift | min(trail, 3)<<trailShift
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
}

// at returns the entry of r, or nil when r is outside the tables.
func (t *tables) at(r rune) *entry {
	switch {
	case r >= 0 && r < loEnd:
		return &t.lo[r]
	case r >= gpStart && r < gpEnd:
		return &t.gp[r-gpStart]
	case r >= pfStart && r < pfEnd:
		return &t.pf[r-pfStart]
	}
	return nil
}

// each calls fn for every code point in the tables.
func each(fn func(r rune)) {
	for _, rg := range [][2]rune{{0, loEnd}, {gpStart, gpEnd}, {pfStart, pfEnd}} {
		for r := rg[0]; r < rg[1]; r++ {
			fn(r)
		}
	}
}

// baseTables is what every fold set's tables start from: the NFC properties
// of each code point, all kept, and the compatibility decomposition of each
// presentation form that has one, in exps at the index pfExp gives. The one
// value, baseTable, is generated (tables_gen.go) so that no work is done at
// start-up, which matters where a fresh instance serves every request.
type baseTables struct {
	t     tables
	pfExp [pfEnd - pfStart]int32
}

// buildTables applies the folds f to the base tables. Rules are applied
// from the lowest precedence to the highest, each overwriting the last.
func buildTables(f Fold) *tables {
	b := &baseTable
	t := &tables{lo: b.t.lo, gp: b.t.gp, pf: b.t.pf}
	t.exps = b.t.exps[:len(b.t.exps):len(b.t.exps)] // appends copy
	set := func(r rune, to string) {
		e := t.at(r)
		if e == nil {
			return
		}
		switch utf8.RuneCountInString(to) {
		case 0:
			e.kind, e.to = del, 0
		case 1:
			e.kind = repl
			e.to, _ = utf8.DecodeRuneInString(to)
		default:
			e.kind, e.to = expand, rune(len(t.exps))
			t.exps = append(t.exps, to)
		}
	}
	if f&Spaces != 0 {
		eachIn(unicode.Zs, func(r rune) {
			if r != ' ' {
				set(r, " ")
			}
		})
	}
	if f&(Digits|DecimalDigits) != 0 {
		eachIn(unicode.Nd, func(r rune) {
			if d, _ := digitValue(r); (r < '0' || r > '9') &&
				(f&DecimalDigits != 0 || (r >= 0x0660 && r <= 0x0669) || (r >= 0x06F0 && r <= 0x06F9)) {
				set(r, string(rune('0'+d)))
			}
		})
	}
	for i := len(rules) - 1; i >= 0; i-- {
		if rl := rules[i]; f&rl.fold != 0 {
			eachIn(rl.set, func(r rune) { set(r, rl.to) })
		}
	}
	if e := &t.lo[0x0670]; f&DaggerAlefToAlef != 0 && e.kind == repl && e.to == 0x0627 {
		e.kind = dagger
	}
	if f&CollapseSpaces != 0 {
		collapse := func(r rune) {
			if e := t.at(r); e != nil && isJSSpace(r) {
				e.kind, e.to = collapse, 0
			}
		}
		eachIn(unicode.White_Space, collapse)
		collapse(0xFEFF)
	}
	if f&PresentationForms != 0 {
		for i, x := range b.pfExp {
			if x >= 0 && isPresentation(pfStart+rune(i)) {
				t.pf[i].kind, t.pf[i].to = pexpand, x
			}
		}
	}
	return t
}

// eachIn calls fn for every code point of rt that the tables cover.
// Walking the range table rather than every covered code point keeps
// building a fold set's tables cheap enough to do on first use.
func eachIn(rt *unicode.RangeTable, fn func(r rune)) {
	for _, in := range [][2]rune{{0, loEnd}, {gpStart, gpEnd}, {pfStart, pfEnd}} {
		for _, x := range rt.R16 {
			walk(rune(x.Lo), rune(x.Hi), rune(x.Stride), in, fn)
		}
		for _, x := range rt.R32 {
			walk(rune(x.Lo), rune(x.Hi), rune(x.Stride), in, fn)
		}
	}
}

// walk calls fn for lo, lo+stride, … up to hi, within [in[0], in[1]).
func walk(lo, hi, stride rune, in [2]rune, fn func(r rune)) {
	r := lo
	if r < in[0] {
		r += (in[0] - r + stride - 1) / stride * stride
	}
	for ; r <= hi && r < in[1]; r += stride {
		fn(r)
	}
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

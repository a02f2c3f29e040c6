package normalize

import (
	"bytes"
	"sync"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// segRune is one rune waiting in an NFC segment, with the input code point
// span and, for a rune read unchanged from the input, its bytes s[b0:b1].
type segRune struct {
	r          rune
	e          entry
	start, end int
	b0, b1     int
	id         bool // r is exactly s[b0:b1]
}

// segPool holds segment buffers, so that text with combining marks does
// not allocate one per call.
var segPool = sync.Pool{New: func() any { b := make([]segRune, 0, 16); return &b }}

// maxNonStarters is the length of a run of combining marks after which
// golang.org/x/text's NFC inserts U+034F (Stream-Safe Text Format).
const maxNonStarters = 30

// state is one run of a Normalizer over s.
type state struct {
	n *Normalizer
	s string

	// Output: out, then the input bytes s[runStart:runEnd] not copied yet.
	// While nothing has changed, out is nil and the run is all of s so far.
	out              []byte
	runStart, runEnd int

	// Spans, when wanted. The current group holds the spans from index grp
	// on, which share one source span: its key is the source start before
	// adjustment, [grpStart, grpEnd) the span they get.
	wantSpans        bool
	spans            []Span
	grp              int
	grpKey           int
	grpStart, grpEnd int
	grpExt           bool
	pend             int // start of deleted input before any output, or -1

	// NFC segment: head is its starter; seg holds the whole segment once a
	// combining mark has joined it.
	nfc        bool
	hasHead    bool
	head       segRune
	seg        []segRune // *segBuf, from segPool once needed
	segBuf     *[]segRune
	segDirty   bool
	segLastCCC uint8
	segNS      int
	scratch    []byte
	scratch2   []byte

	// Whether deleting or replacing runes has left a combining sequence that
	// NFC would change; then the run is repeated on its own output.
	lastCCC   uint8
	outNS     int
	disturbed bool
	recompose bool
}

func (n *Normalizer) run(s string, wantSpans bool) (string, []Span) {
	out, spans, again := n.pass(s, wantSpans)
	// Deleting a control between a base and a combining mark can leave text
	// that NFC would change; normalize the output again so that the result
	// is stable. This only happens for combining marks no fold deletes.
	for i := 0; again && i < 4; i++ {
		var spans2 []Span
		out2 := out
		out, spans2, again = n.pass(out2, wantSpans)
		if wantSpans {
			for k, sp := range spans2 {
				spans2[k] = Span{spans[sp.Start].Start, spans[sp.End-1].End}
			}
			spans = spans2
		}
	}
	return out, spans
}

// pass runs the folds over s once.
func (n *Normalizer) pass(s string, wantSpans bool) (string, []Span, bool) {
	st := state{n: n, s: s, wantSpans: wantSpans, pend: -1, nfc: n.folds&PresentationForms != 0}
	if wantSpans {
		st.spans = make([]Span, 0, utf8.RuneCountInString(s)+8)
	}
	t := n.t
	nfc := st.nfc
	ci := 0 // input code point index
	// The fast path peeks at the next rune; nx keeps it for the next turn.
	var nx decoded
	for i := 0; i < len(s); {
		var (
			r    rune
			size int
			id   = true
			e    entry
		)
		if c := s[i]; nx.size != 0 {
			r, size, id, e = nx.r, nx.size, nx.id, nx.e
			nx.size = 0
		} else if c < utf8.RuneSelf {
			r, size, e = rune(c), 1, t.lo[c]
		} else if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			r = rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
			size, e = 2, t.lo[r] // two-byte runes are all below loEnd
		} else {
			d := n.decodeMulti(s, i)
			r, size, id, e = d.r, d.size, d.id, d.e
		}
		b0 := i
		i += size
		ci++
		if e.kind == pexpand {
			for _, x := range n.t.exps[e.to] {
				st.feed(segRune{r: x, e: t.lo[x], start: ci - 1, end: ci})
			}
			continue
		}
		if nfc {
			// Fast path: a starter that NFC leaves alone and that no
			// combining mark follows is a segment of its own.
			if e.nfc == boundary|qcYes && i < len(s) && s[i] >= utf8.RuneSelf {
				// ASCII is never a combining mark: only peek at others.
				if c := s[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
					r2 := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
					nx = decoded{r2, 2, true, t.lo[r2]}
				} else {
					nx = n.decodeMulti(s, i)
				}
			}
			if e.nfc != boundary|qcYes || (nx.size != 0 && (nx.e.nfc&boundary == 0 || nx.e.kind == pexpand)) {
				st.feed(segRune{r: r, e: e, start: ci - 1, end: ci, b0: b0, b1: i, id: id})
				continue
			}
			if st.hasHead || len(st.seg) > 0 {
				st.flush()
			}
		}
		switch e.kind {
		case keep:
			if id && b0 == st.runEnd {
				st.runEnd = i
			} else if id {
				st.flushRun()
				st.runStart, st.runEnd = b0, i
			} else {
				st.flushRun()
				st.out = utf8.AppendRune(st.out, r)
			}
			st.lastCCC, st.outNS, st.disturbed = 0, 0, false
		case del:
			st.delete(segRune{start: ci - 1, end: ci})
			continue
		case repl:
			st.flushRun()
			st.out = utf8.AppendRune(st.out, e.to)
			st.lastCCC, st.outNS, st.disturbed = 0, 0, true
		default:
			st.fold(segRune{r: r, e: e, start: ci - 1, end: ci})
			continue
		}
		if wantSpans {
			// A rune read here is a group of its own, which no later
			// rune joins, so only grp needs to be set.
			if st.grpExt || st.pend >= 0 {
				st.span(ci-1, ci)
			} else {
				st.grp = len(st.spans)
				st.spans = append(st.spans, Span{ci - 1, ci})
			}
		}
	}
	if nfc {
		st.flush()
	}
	st.closeGroup()
	if st.segBuf != nil {
		*st.segBuf = st.seg[:0]
		segPool.Put(st.segBuf)
	}
	out := s[st.runStart:st.runEnd] // all of s when nothing changed
	if st.out != nil {
		st.flushRun()
		// st.out is never written again, so the string can share it, as
		// strings.Builder does.
		out = unsafe.String(unsafe.SliceData(st.out), len(st.out))
	}
	return out, st.spans, st.recompose
}

// decoded is one rune read from the input: invalid bytes read as U+FFFD
// with id false.
type decoded struct {
	r    rune
	size int
	id   bool
	e    entry
}

// decodeMulti reads the rune at s[i:], which is not ASCII, and classifies it.
func (n *Normalizer) decodeMulti(s string, i int) decoded {
	if c := s[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		r := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
		return decoded{r, 2, true, n.t.lo[r]} // two-byte runes are all below loEnd
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size == 1 {
		return decoded{r, 1, false, n.lookup(r, "")}
	}
	return decoded{r, size, true, n.lookup(r, s[i:i+size])}
}

// feed adds a rune to the current NFC segment.
func (st *state) feed(sr segRune) {
	e := sr.e
	if e.nfc&boundary != 0 {
		st.flush()
		st.head, st.hasHead = sr, true
		st.segDirty = e.nfc&qcYes == 0
		st.segLastCCC, st.segNS = 0, 0
		return
	}
	if e.nfc&qcYes == 0 || (e.ccc != 0 && st.segLastCCC > e.ccc) || st.segNS >= maxNonStarters {
		st.segDirty = true
	}
	st.segLastCCC = e.ccc
	st.segNS++
	if st.segBuf == nil {
		st.segBuf = segPool.Get().(*[]segRune)
		st.seg = (*st.segBuf)[:0]
	}
	if len(st.seg) == 0 && st.hasHead {
		st.seg = append(st.seg, st.head)
	}
	st.seg = append(st.seg, sr)
}

// flush folds and writes the current NFC segment.
func (st *state) flush() {
	if len(st.seg) == 0 {
		if st.hasHead {
			st.hasHead = false
			if st.segDirty {
				st.seg = append(st.seg, st.head)
				st.flushSeg()
				return
			}
			st.fold(st.head)
		}
		return
	}
	st.hasHead = false
	if !st.segDirty {
		for _, sr := range st.seg {
			st.fold(sr)
		}
		st.seg = st.seg[:0]
		return
	}
	st.flushSeg()
}

// flushSeg composes the segment in st.seg with NFC, then folds it.
func (st *state) flushSeg() {
	seg := st.seg
	st.seg = st.seg[:0]
	in := st.scratch[:0]
	for _, sr := range seg {
		in = utf8.AppendRune(in, sr.r)
	}
	out := norm.NFC.Append(st.scratch2[:0], in...)
	st.scratch, st.scratch2 = in, out
	if bytes.Equal(in, out) {
		for _, sr := range seg {
			st.fold(sr)
		}
		return
	}
	start, end := seg[0].start, seg[len(seg)-1].end
	for j := 0; j < len(out); {
		r, size := utf8.DecodeRune(out[j:])
		e := st.n.lookup(r, string(out[j:j+size]))
		j += size
		st.fold(segRune{r: r, e: e, start: start, end: end})
	}
}

// fold applies the character folds to one rune and writes the result.
func (st *state) fold(sr segRune) {
	switch sr.e.kind {
	case keep:
		st.emit(sr.r, sr.e, sr)
	case del:
		st.delete(sr)
	case repl:
		st.emitChanged(sr.e.to, sr)
	default: // expand; presentation forms never get here
		for _, x := range st.n.t.exps[sr.e.to] {
			st.emitChanged(x, sr)
		}
	}
}

// flushRun copies the pending run of unchanged input to out, allocating
// out on the first change.
func (st *state) flushRun() {
	if st.out == nil {
		st.out = make([]byte, 0, len(st.s)+16)
	}
	st.out = append(st.out, st.s[st.runStart:st.runEnd]...)
	st.runStart = st.runEnd
}

// emit writes a rune kept by the folds.
func (st *state) emit(r rune, e entry, sr segRune) {
	switch {
	case sr.id && sr.b0 == st.runEnd:
		st.runEnd = sr.b1
	case sr.id:
		st.flushRun()
		st.runStart, st.runEnd = sr.b0, sr.b1
	default:
		st.flushRun()
		st.out = utf8.AppendRune(st.out, r)
	}
	if st.nfc {
		if e.nfc&boundary != 0 {
			st.outNS, st.disturbed = 0, false
		} else {
			if st.disturbed && (e.nfc&qcYes == 0 || (e.ccc != 0 && st.lastCCC > e.ccc) || st.outNS >= maxNonStarters) {
				st.recompose = true
			}
			st.outNS++
		}
		st.lastCCC = e.ccc
	}
	st.span(sr.start, sr.end)
}

// emitChanged writes a replacement rune. Replacements are starters.
func (st *state) emitChanged(r rune, sr segRune) {
	st.flushRun()
	st.out = utf8.AppendRune(st.out, r)
	st.lastCCC, st.outNS, st.disturbed = 0, 0, true
	st.span(sr.start, sr.end)
}

func (st *state) delete(sr segRune) {
	st.flushRun()
	st.disturbed = true
	if !st.wantSpans {
		return
	}
	if len(st.spans) == 0 {
		if st.pend < 0 {
			st.pend = sr.start
		}
		return
	}
	st.grpEnd, st.grpExt = sr.end, true
}

func (st *state) span(start, end int) {
	if !st.wantSpans {
		return
	}
	if len(st.spans) > st.grp && start == st.grpKey {
		st.spans = append(st.spans, Span{st.grpStart, end})
		return
	}
	st.closeGroup()
	st.grp, st.grpKey, st.grpStart, st.grpEnd = len(st.spans), start, start, end
	if st.pend >= 0 {
		st.grpStart, st.pend = st.pend, -1
	}
	st.spans = append(st.spans, Span{st.grpStart, end})
}

func (st *state) closeGroup() {
	if !st.grpExt {
		return
	}
	st.grpExt = false
	for k := st.grp; k < len(st.spans); k++ {
		st.spans[k].End = st.grpEnd
	}
}

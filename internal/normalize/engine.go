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
// golang.org/x/text's NFC starts a new segment (Stream-Safe Text Format,
// where it also inserts U+034F). The normalizer segments long runs the same
// way, which bounds its buffers, but inserts nothing.
const maxNonStarters = 30

// cgj is U+034F COMBINING GRAPHEME JOINER in UTF-8.
var cgj = []byte("\u034F")

// state is one run of a Normalizer over s.
type state struct {
	n *Normalizer
	s string

	// Output: out, then the input bytes s[runStart:runEnd] not copied yet.
	// While nothing has changed, out is nil and the run is all of s so far.
	out              []byte
	runStart, runEnd int

	// Spans, when wanted. Input code points are consumed in order, each
	// either written or deleted, so a deleted one joins the group before
	// it: when the next group starts at s, the previous one is extended to
	// end at s. The current group holds the spans from index grp on, which
	// share one source; grpKey is that source's start, grpStart the start
	// the spans get (0 for the first group, which takes in any deleted
	// input before it), lastEnd the end of the last span.
	wantSpans bool
	spans     []Span
	grp       int
	grpKey    int
	grpStart  int
	lastEnd   int

	// NFC segment: head is its starter; seg holds the whole segment once a
	// combining mark has joined it.
	nfc        bool
	hasHead    bool
	head       segRune
	seg        []segRune // *segBuf, from segPool once needed
	segBuf     *[]segRune
	segDirty   bool // NFC may change the segment
	segNotYes  bool // some rune's NFC quick check is not Yes
	segLastCCC uint8
	segNS      int
	scratch    []byte
	scratch2   []byte
	runes      []rune

	// Whether deleting or replacing runes has left a combining sequence that
	// NFC would change; then the run is repeated on its own output.
	lastCCC uint8
	// skipTo is the end of a run of marks to delete without buffering.
	skipTo int
	// collapseAt is the output length right after CollapseSpaces wrote a
	// space, to trim it if nothing follows.
	collapseAt int
	disturbed  bool
	recompose  bool
}

func (n *Normalizer) run(s string, wantSpans bool, buf []Span) (string, []Span) {
	n.ready()
	out, spans, again := n.pass(s, wantSpans, buf)
	// Deleting a control between a base and a combining mark can leave text
	// that NFC would change; normalize the output again so that the result
	// is stable. This only happens for combining marks no fold deletes.
	for i := 0; again && i < 4; i++ {
		var spans2 []Span
		out2 := out
		out, spans2, again = n.pass(out2, wantSpans, nil)
		if wantSpans {
			for k, sp := range spans2 {
				spans2[k] = Span{spans[sp.Start].Start, spans[sp.End-1].End}
			}
			spans = mergeOverlaps(spans2)
		}
	}
	return out, spans
}

// RuneCount counts the bytes of s that do not continue a UTF-8 sequence:
// the number of code points when s is valid UTF-8, and close to it
// otherwise. It is two to three times faster than utf8.RuneCountInString
// on Arabic text, natively and in WebAssembly, as it decodes nothing.
func RuneCount(s string) int {
	n := len(s)
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

// mergeOverlaps gives every run of overlapping spans their union, so that
// spans are equal or adjacent. Composing the spans of two passes can leave
// a group of the first pass partly inside an NFC segment of the second.
func mergeOverlaps(spans []Span) []Span {
	g := 0
	for k := 1; k <= len(spans); k++ {
		if k < len(spans) && spans[k].Start < spans[k-1].End {
			continue
		}
		if end := spans[k-1].End; spans[g].End != end || spans[g].Start != spans[k-1].Start {
			for j := g; j < k; j++ {
				spans[j] = Span{spans[g].Start, end}
			}
		}
		g = k
	}
	return spans
}

// pass runs the folds over s once, appending the spans to buf[:0] when it
// is large enough.
func (n *Normalizer) pass(s string, wantSpans bool, buf []Span) (string, []Span, bool) {
	st := state{n: n, s: s, wantSpans: wantSpans, nfc: n.folds&PresentationForms != 0}
	if wantSpans {
		if c := RuneCount(s) + 8; cap(buf) >= c {
			st.spans = buf[:0]
		} else {
			st.spans = make([]Span, 0, c)
		}
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
			size, e = 2, t.lo[r&(loEnd-1)] // two-byte runes are all below loEnd
		} else {
			d := n.decodeMulti(s, i)
			r, size, id, e = d.r, d.size, d.id, d.e
		}
		b0 := i
		i += size
		ci++
		if i <= st.skipTo {
			// A mark the fast path below found deletable.
			st.delete(segRune{start: ci - 1, end: ci})
			continue
		}
		if e.kind == pexpand {
			for _, x := range n.t.exps[e.to] {
				st.feed(segRune{r: x, e: t.lo[x], start: ci - 1, end: ci})
			}
			continue
		}
		if nfc {
			// Fast path: a starter that NFC leaves alone and that no
			// combining mark follows is a segment of its own.
			if e.nfc&(boundary|qcYes) == boundary|qcYes && i < len(s) && s[i] >= utf8.RuneSelf {
				// ASCII is never a combining mark: only peek at others.
				if c := s[i]; c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
					r2 := rune(c&0x1F)<<6 | rune(s[i+1]&0x3F)
					nx = decoded{r2, 2, true, t.lo[r2&(loEnd-1)]}
				} else {
					nx = n.decodeMulti(s, i)
				}
			}
			if e.nfc&(boundary|qcYes) == boundary|qcYes && nx.size != 0 && nx.e.nfc&boundary == 0 {
				// Marks follow. When the folds delete them all and none
				// can compose, their order does not matter: write the
				// starter here and delete the marks as they come.
				if j := n.deletableMarks(s, i); j > i {
					st.skipTo = j
					nx.size = 0
				}
			}
			if e.nfc&(boundary|qcYes) != boundary|qcYes || (nx.size != 0 && (nx.e.nfc&boundary == 0 || nx.e.kind == pexpand)) {
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
			st.lastCCC, st.disturbed = 0, false
		case del:
			st.delete(segRune{start: ci - 1, end: ci})
			continue
		case repl:
			st.flushRun()
			st.out = utf8.AppendRune(st.out, e.to)
			st.lastCCC, st.disturbed = 0, true
		default:
			st.fold(segRune{r: r, e: e, start: ci - 1, end: ci})
			continue
		}
		if wantSpans {
			// A rune read here is a group of its own, which no later
			// rune joins, so only grp needs to be set; nothing was
			// deleted since the last span when it ends where this starts.
			if st.lastEnd == ci-1 {
				st.grp = len(st.spans)
				st.spans = append(st.spans, Span{ci - 1, ci})
				st.lastEnd = ci
			} else {
				st.span(ci-1, ci)
			}
		}
	}
	if nfc {
		st.flush()
	}
	if n.folds&CollapseSpaces != 0 {
		st.trimSpace()
	}
	if wantSpans {
		st.extend(ci)
	}
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

// deletableMarks returns the end of the run of combining marks at s[i:]
// if the folds delete every one of them and none can compose (NFC quick
// check Yes for all), or i otherwise.
func (n *Normalizer) deletableMarks(s string, i int) int {
	j := i
	for j < len(s) && s[j] >= utf8.RuneSelf { // ASCII starts a segment
		d := n.decodeMulti(s, j)
		if d.e.nfc&boundary != 0 {
			break
		}
		if d.e.nfc&qcYes == 0 || d.e.kind != del || !d.id {
			return i
		}
		j += d.size
	}
	return j
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
		st.segNotYes = st.segDirty
		st.segLastCCC, st.segNS = 0, nTrail(e)
		return
	}
	// Count non-starters as x/text does, and start a new segment where it
	// would insert U+034F.
	if n := nLead(e); n == 0 {
		st.segNS = nTrail(e)
	} else if st.segNS+n > maxNonStarters {
		st.flush()
		st.segDirty, st.segNotYes, st.segLastCCC, st.segNS = false, false, 0, n
	} else {
		st.segNS += n
	}
	if e.nfc&qcYes == 0 {
		st.segDirty, st.segNotYes = true, true
	}
	if e.ccc != 0 && st.segLastCCC > e.ccc {
		st.segDirty = true
	}
	st.segLastCCC = e.ccc
	if len(st.seg) == 0 && st.hasHead {
		st.segAppend(st.head)
	}
	st.segAppend(sr)
}

func (st *state) segAppend(sr segRune) {
	if st.segBuf == nil {
		st.segBuf = segPool.Get().(*[]segRune)
		st.seg = (*st.segBuf)[:0]
	}
	st.seg = append(st.seg, sr)
}

// flush folds and writes the current NFC segment.
func (st *state) flush() {
	if len(st.seg) == 0 {
		if st.hasHead {
			st.hasHead = false
			if st.segDirty {
				st.segAppend(st.head)
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
	start, end := seg[0].start, seg[len(seg)-1].end
	if !st.segNotYes || !mayCompose(seg) {
		// NFC only puts the marks in canonical order (a stable sort by
		// combining class), which is cheaper done here.
		moved := false
		for k := 1; k < len(seg); k++ {
			for j := k; j > 0 && seg[j].e.ccc != 0 && seg[j-1].e.ccc > seg[j].e.ccc; j-- {
				seg[j], seg[j-1] = seg[j-1], seg[j]
				moved = true
			}
		}
		if !moved {
			for _, sr := range seg {
				st.fold(sr)
			}
			return
		}
		for _, sr := range seg {
			sr.start, sr.end, sr.id = start, end, false
			st.fold(sr)
		}
		return
	}
	if runes, ok := composeSmall(seg, st.runes[:0]); ok {
		st.runes = runes
		for _, r := range runes {
			st.fold(segRune{r: r, e: st.n.lookup(r, ""), start: start, end: end})
		}
		return
	}
	in := st.scratch[:0]
	for _, sr := range seg {
		in = utf8.AppendRune(in, sr.r)
	}
	out := norm.NFC.Append(st.scratch2[:0], in...)
	// Drop the U+034F that x/text inserts in a run of more than 30 marks
	// counted in decomposed form. A U+034F from the input can only be the
	// segment's starter, at the start.
	for k := bytes.Index(out[min(1, len(out)):], cgj); k >= 0; k = bytes.Index(out[min(1, len(out)):], cgj) {
		k++
		out = append(out[:k], out[k+len(cgj):]...)
	}
	st.scratch, st.scratch2 = in, out
	if bytes.Equal(in, out) {
		for _, sr := range seg {
			st.fold(sr)
		}
		return
	}
	for j := 0; j < len(out); {
		r, size := utf8.DecodeRune(out[j:])
		// lookup only reads b, so it may share out's bytes.
		e := st.n.lookup(r, unsafe.String(&out[j], size))
		j += size
		st.fold(segRune{r: r, e: e, start: start, end: end})
	}
}

// composeSmall applies NFC to seg when it is a starter without a
// decomposition followed by marks, composing with the pairs table, and
// appends the result to dst. It reports false, leaving x/text to do it,
// for anything else (Hangul, singletons, marks with class 0).
func composeSmall(seg []segRune, dst []rune) ([]rune, bool) {
	head := seg[0]
	if head.e.nfc&(boundary|qcYes|decomposes) != boundary|qcYes || isHangul(head.r) {
		return dst, false
	}
	for _, sr := range seg[1:] {
		if sr.e.ccc == 0 || sr.e.nfc&qcNo != 0 {
			return dst, false
		}
	}
	for k := 2; k < len(seg); k++ { // canonical order: stable sort by class
		for j := k; j > 1 && seg[j-1].e.ccc > seg[j].e.ccc; j-- {
			seg[j], seg[j-1] = seg[j-1], seg[j]
		}
	}
	starter := head.r
	dst = append(dst, starter)
	var lastCCC uint8 // class of the last mark left uncombined; 0 for none
	for _, sr := range seg[1:] {
		if sr.e.nfc&qcYes == 0 && (lastCCC == 0 || lastCCC < sr.e.ccc) {
			if isHangul(sr.r) {
				return dst, false
			}
			if c, ok := composite(starter, sr.r); ok {
				starter, dst[0] = c, c
				continue
			}
		}
		dst = append(dst, sr.r)
		lastCCC = sr.e.ccc
	}
	return dst, true
}

// mayCompose reports whether canonical composition might change seg, whose
// marks are not all NFC quick check Yes. It answers exactly for a starter
// without a decomposition followed by marks, and conservatively (true)
// otherwise.
func mayCompose(seg []segRune) bool {
	head := seg[0]
	if head.e.nfc&boundary == 0 {
		// Marks with no starter before them (the start of the text, or a
		// run longer than maxNonStarters) compose with nothing, unless
		// one of them is itself a starter.
		for _, sr := range seg {
			if sr.e.ccc == 0 || sr.e.nfc&qcNo != 0 {
				return true
			}
		}
		return false
	}
	if head.e.nfc&(qcYes|decomposes) != qcYes || isHangul(head.r) {
		return true
	}
	for _, sr := range seg[1:] {
		if sr.e.nfc&qcYes != 0 {
			continue
		}
		if sr.e.ccc == 0 || sr.e.nfc&qcNo != 0 || isHangul(sr.r) {
			return true
		}
		if _, ok := composite(head.r, sr.r); ok {
			return true
		}
	}
	return false
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
	case collapse:
		if last, ok := st.lastOut(); !ok || last == ' ' {
			st.delete(sr)
			return
		}
		if sr.r == ' ' {
			st.emit(sr.r, sr.e, sr)
		} else {
			st.emitChanged(' ', sr)
		}
		st.collapseAt = st.outLen()
	case dagger:
		if last, _ := st.lastOut(); last == 0xA7 && st.outLen() >= 2 && st.outByte(2) == 0xD8 {
			st.delete(sr) // right after ا
			return
		}
		st.emitChanged(sr.e.to, sr)
	default: // expand; presentation forms never get here
		for _, x := range st.n.t.exps[sr.e.to] {
			st.emitChanged(x, sr)
		}
	}
}

// outLen is the length of the output so far.
func (st *state) outLen() int { return len(st.out) + st.runEnd - st.runStart }

// outByte returns the k-th byte from the end of the output; k <= outLen().
func (st *state) outByte(k int) byte {
	if run := st.runEnd - st.runStart; k <= run {
		return st.s[st.runEnd-k]
	} else {
		return st.out[len(st.out)-(k-run)]
	}
}

// lastOut returns the last byte of the output, if any.
func (st *state) lastOut() (byte, bool) {
	if st.outLen() == 0 {
		return 0, false
	}
	return st.outByte(1), true
}

// trimSpace removes a space CollapseSpaces wrote at the end of the output.
func (st *state) trimSpace() {
	if st.collapseAt == 0 || st.outLen() != st.collapseAt {
		return
	}
	if st.runEnd > st.runStart {
		st.runEnd--
	} else {
		st.out = st.out[:len(st.out)-1]
	}
	if st.wantSpans {
		st.spans = st.spans[:len(st.spans)-1]
		st.grp, st.lastEnd = len(st.spans), 0
		if n := len(st.spans); n > 0 {
			st.lastEnd = st.spans[n-1].End
			for st.grp = n - 1; st.grp > 0 && st.spans[st.grp-1] == st.spans[n-1]; st.grp-- {
			}
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
			st.disturbed = false
		} else {
			if st.disturbed && (e.nfc&qcYes == 0 || (e.ccc != 0 && st.lastCCC > e.ccc)) {
				st.recompose = true
			}
		}
		st.lastCCC = e.ccc
	}
	st.span(sr.start, sr.end)
}

// emitChanged writes a replacement rune. Replacements are starters.
func (st *state) emitChanged(r rune, sr segRune) {
	st.flushRun()
	st.out = utf8.AppendRune(st.out, r)
	st.lastCCC, st.disturbed = 0, true
	st.span(sr.start, sr.end)
}

// delete drops a rune. Its span is taken in by the groups around it when
// the next one starts (see state.spans).
func (st *state) delete(segRune) {
	st.flushRun()
	st.disturbed = true
}

// span records the source span [start, end) of one output rune.
func (st *state) span(start, end int) {
	if !st.wantSpans {
		return
	}
	if len(st.spans) > st.grp && start == st.grpKey {
		// Another rune from the same source. An NFC segment that starts
		// with the last rune of an expansion spans further: the whole
		// group then takes its end.
		st.extend(end)
		st.spans = append(st.spans, Span{st.grpStart, st.lastEnd})
		return
	}
	st.extend(start)
	st.grp, st.grpKey, st.grpStart = len(st.spans), start, start
	if len(st.spans) == 0 {
		st.grpStart = 0
	}
	st.spans = append(st.spans, Span{st.grpStart, end})
	st.lastEnd = end
}

// extend makes the current group end at to, taking in deleted input.
func (st *state) extend(to int) {
	if len(st.spans) == 0 || st.lastEnd >= to {
		return
	}
	for k := st.grp; k < len(st.spans); k++ {
		st.spans[k].End = to
	}
	st.lastEnd = to
}

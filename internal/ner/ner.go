// Package ner recognizes named entities (people, places, organizations and
// other names) in tokenized Arabic text with a trained sequence model.
//
// The model is an averaged structured perceptron (or, as an option of the
// trainer, a linear-chain CRF) over hashed features with first-order Viterbi
// decoding, run twice so the second pass sees document-level evidence. Its weights are read straight from the embedded model file:
// loading it costs nothing at start-up.
package ner

import (
	_ "embed" // the model file
	"math"
	"sync"

	"tahlil/internal/token"
)

// Mention is an entity found by the model over tokens [Start, End) of a
// token.Doc. Type is "PER", "LOC", "ORG" or "MISC".
type Mention struct {
	Type       string
	Start, End int
}

// Model is a trained entity model. It is safe for concurrent use.
type Model struct {
	data []byte
	hash string
}

//go:embed model/anercorp.tner
var modelFile []byte

//go:embed model/anercorp.tner.sha256
var modelHash string

var defaultModel = &Model{data: modelFile, hash: modelHash}

// Default returns the embedded model. It does no decoding or table building:
// the weights are read in place from the embedded bytes.
func Default() *Model { return defaultModel }

// Load returns a model that reads its weights from data, which must stay
// unchanged while the model is in use. It reports whether data is a model
// file of the supported version whose table has an empty slot, where every
// lookup ends (the embedded model is checked by its tests instead).
func Load(data []byte, hash string) (*Model, bool) {
	l, ok := parseLayout(data)
	return &Model{data: data, hash: hash}, ok && hasEmptySlot(&l)
}

// hasEmptySlot reports whether the table of l has an empty slot.
func hasEmptySlot(l *layout) bool {
	for i := 0; i+1 < len(l.slots); i += l.slotSize {
		if l.slots[i] == 0 && l.slots[i+1] == 0 {
			return true
		}
	}
	return false
}

// Name returns the model's name, such as "anercorp-2026-11".
func (m *Model) Name() string {
	l, _ := parseLayout(m.data)
	return string(l.name)
}

// Known reports whether the model saw the search-normalized bare word often
// enough in training to count it as a known word.
func (m *Model) Known(bare string) bool {
	l, ok := parseLayout(m.data)
	return ok && l.known(bare, wordHash(bare))
}

// Hash returns "sha256:<hex>" of the model file bytes.
func (m *Model) Hash() string { return m.hash }

// maxSegment caps the tokens decoded together, so memory stays bounded on
// text without sentence punctuation.
const maxSegment = 200

// segments calls f for each decoding unit of toks: a sentence, ended by
// . ! ? ؟ or a newline-free run of at most maxSegment tokens.
func segments(toks []token.Token, f func(a, b int)) {
	a := 0
	for i := range toks {
		end := i+1-a >= maxSegment
		if toks[i].Kind == token.Punct {
			switch toks[i].Norm {
			case ".", "!", "?", "؟", "…":
				end = true
			}
		}
		if end {
			f(a, i+1)
			a = i + 1
		}
	}
	if a < len(toks) {
		f(a, len(toks))
	}
}

// decoder holds the buffers of one decoding.
type decoder struct {
	emit  []float32 // n × L, filled by the trainer
	pair  []float32 // n × (L+1) × L, filled by the trainer
	delta []float32
	back  []uint8
	out   []uint8
}

// grow sizes the Viterbi buffers for n tokens.
func (dc *decoder) grow(n int) {
	if cap(dc.delta) < n*numLabels {
		dc.delta = make([]float32, n*numLabels)
		dc.back = make([]uint8, n*numLabels)
		dc.out = make([]uint8, n)
	}
	dc.delta = dc.delta[:n*numLabels]
	dc.back = dc.back[:n*numLabels]
	dc.out = dc.out[:n]
}

// growScores sizes the trainer's score buffers for n tokens.
func (dc *decoder) growScores(n int) {
	if cap(dc.emit) < n*numLabels {
		dc.emit = make([]float32, n*numLabels)
		dc.pair = make([]float32, n*(numLabels+1)*numLabels)
	}
	dc.emit = dc.emit[:n*numLabels]
	dc.pair = dc.pair[:n*(numLabels+1)*numLabels]
}

// negInf is below any score; a constant, so nothing runs at start-up.
const negInf float32 = -math.MaxFloat32

// viterbi returns the best label sequence for n tokens given their label
// scores emit (n × L) and transition scores, under the BIO constraints.
// Token i's transition scores are the (L+1) × L block k of pairs (row L for
// the sequence start), where k is pairOf[i], or i when pairOf is nil;
// punct marks tokens that may not begin an entity. The result is valid
// until the next call. (Slices rather than callbacks: an indirect call per
// token is dear in WebAssembly.)
func (dc *decoder) viterbi(n int, emit, pairs []float32, pairOf []int32, punct []bool) []uint8 {
	const L = numLabels
	const P = (L + 1) * L
	dc.grow(n)
	for i := 0; i < n; i++ {
		k := i
		if pairOf != nil {
			k = int(pairOf[i])
		}
		// Fixed-size views let the compiler drop the bounds checks.
		e := (*[L]float32)(emit[i*L : i*L+L])
		d := (*[L]float32)(dc.delta[i*L : i*L+L])
		pr := (*[P]float32)(pairs[k*P : k*P+P])
		noBegin := punct[i]
		if i == 0 {
			for c := range L {
				d[c] = negInf
				if allowed(L, uint8(c)) && !(noBegin && c%2 == 1) {
					d[c] = pr[L*L+c] + e[c]
				}
			}
			continue
		}
		prev := (*[L]float32)(dc.delta[(i-1)*L : i*L])
		bk := (*[L]uint8)(dc.back[i*L : i*L+L])
		for c := range L {
			best, arg := negInf, 0
			switch {
			case noBegin && c%2 == 1:
			case isInside(uint8(c)):
				// Only B- and I- of the same type may come before (see
				// allowed).
				for p := c - 1; p <= c; p++ {
					if s := prev[p] + pr[p*L+c]; s > best {
						best, arg = s, p
					}
				}
			default:
				// Unrolled, as in layout.addAll.
				if s := prev[0] + pr[0*L+c]; s > best {
					best, arg = s, 0
				}
				if s := prev[1] + pr[1*L+c]; s > best {
					best, arg = s, 1
				}
				if s := prev[2] + pr[2*L+c]; s > best {
					best, arg = s, 2
				}
				if s := prev[3] + pr[3*L+c]; s > best {
					best, arg = s, 3
				}
				if s := prev[4] + pr[4*L+c]; s > best {
					best, arg = s, 4
				}
				if s := prev[5] + pr[5*L+c]; s > best {
					best, arg = s, 5
				}
				if s := prev[6] + pr[6*L+c]; s > best {
					best, arg = s, 6
				}
				if s := prev[7] + pr[7*L+c]; s > best {
					best, arg = s, 7
				}
				if s := prev[8] + pr[8*L+c]; s > best {
					best, arg = s, 8
				}
			}
			d[c] = best + e[c]
			bk[c] = uint8(arg)
		}
	}
	last := dc.delta[(n-1)*L : n*L]
	arg := 0
	for c := 1; c < L; c++ {
		if last[c] > last[arg] {
			arg = c
		}
	}
	for i := n - 1; i >= 0; i-- {
		dc.out[i] = uint8(arg)
		arg = int(dc.back[i*L+arg])
	}
	return dc.out
}

// Recognize returns the entity mentions in d, sorted by Start and
// non-overlapping. Mentions never start or end on a Punct token.
func (m *Model) Recognize(d *token.Doc) []Mention {
	if m == nil || d == nil || len(d.Tokens) == 0 {
		return nil
	}
	l, ok := parseLayout(m.data)
	if !ok {
		return nil
	}
	_, ms := run(&l, d.Tokens, false)
	return ms
}

// firstPass returns the first pass's labels of toks.
func firstPass(l *layout, toks []token.Token) []uint8 {
	labels, _ := run(l, toks, true)
	return labels
}

// run labels toks with both passes, or only the first.
func run(l *layout, toks []token.Token, firstOnly bool) ([]uint8, []Mention) {
	const L = numLabels
	n := len(toks)
	w := workspaces.Get().(*workspace)
	defer w.put()
	w.in = prepare(toks, grow(w.in, n)[:0], l.known)
	in := w.in
	r := &w.r
	r.l, r.emit, r.pairOf, r.pairs = l, grow(r.emit, n*L), grow(r.pairOf, n), r.pairs[:0]
	if r.cache == nil {
		r.cache = make(map[uint64]int32)
	}
	segments(toks, func(a, b int) { r.score(in[a:b], a) })
	// The first pass labels each sentence on its own; the second adds what
	// the first said about the same words elsewhere in the document. Scores
	// are linear in the features, so the second pass adds the document
	// features' weights to the first pass's scores.
	labels := make([]uint8, n)
	w.punct = grow(w.punct, n)
	punct := w.punct
	for i := range toks {
		punct[i] = toks[i].Kind == token.Punct
	}
	dc := &w.dc
	decodeAll := func(emit []float32) {
		segments(toks, func(a, b int) {
			copy(labels[a:b], dc.viterbi(b-a, emit[a*L:b*L], r.pairs, r.pairOf[a:b], punct[a:b]))
		})
	}
	decodeAll(r.emit)
	if firstOnly {
		return labels, nil
	}
	w.doc.set(in, labels)
	segments(toks, func(a, b int) {
		// Windows end at segment edges, as in training.
		seg := in[a:b]
		for i := range seg {
			var s [L]float32
			r.feats = docFeatures(seg, i, r.feats[:0])
			l.addAll(r.feats, &s)
			for c := range L {
				r.emit[(a+i)*L+c] += s[c]
			}
		}
	})
	decodeAll(r.emit)
	var out []Mention
	segments(toks, func(a, b int) {
		out = appendMentions(out, labels[a:b], toks[a:b], a)
	})
	return labels, out
}

// A workspace holds the buffers of one run, kept between runs: a document
// of 500 words needs about 200 kB of them, which allocating anew on every
// call made a good part of the analysis's cost in WebAssembly.
type workspace struct {
	in    []info
	r     runner
	punct []bool
	doc   docTable
	dc    decoder
}

var workspaces = sync.Pool{New: func() any { return new(workspace) }}

// maxKept caps the tokens a workspace is sized for when it goes back to the
// pool, so that one long text does not pin its buffers.
const maxKept = 1 << 16

// put returns w to the pool, dropping what refers to the model and the
// document and buffers grown past maxKept.
func (w *workspace) put() {
	if cap(w.in) > maxKept {
		*w = workspace{}
	}
	w.r.l = nil
	clear(w.in[:cap(w.in)]) // info holds strings of the document
	w.in = w.in[:0]
	clear(w.r.cache)
	workspaces.Put(w)
}

// grow returns b resized to n elements, reusing its array when it is large
// enough. The elements are not cleared.
func grow[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	return b[:n]
}

// runner holds one document's first-pass scores.
type runner struct {
	l      *layout
	emit   []float32 // n × L label scores of each token
	pairOf []int32   // index in pairs of each token's transition scores
	pairs  []float32 // (L+1) × L transition scores, per distinct edge key
	cache  map[uint64]int32
	feats  []uint64
}

// score fills the scores of the segment in, whose first token is off.
func (r *runner) score(in []info, off int) {
	const L = numLabels
	for i := range in {
		var eh [numEdge]uint64
		r.feats, eh = features(in, i, r.feats[:0])
		var s [L]float32
		r.l.addAll(r.feats, &s)
		copy(r.emit[(off+i)*L:], s[:])
		key := eh[0]
		for _, h := range eh[1:] {
			key = mix(key ^ h)
		}
		k, ok := r.cache[key]
		if !ok {
			k = int32(len(r.pairs) / ((L + 1) * L))
			r.cache[key] = k
			for p := 0; p <= L; p++ {
				var es [L]float32
				for _, h := range eh {
					r.l.add(edgeHash(h, uint8(p)), &es)
				}
				for c := range L {
					r.pairs = append(r.pairs, r.l.transition(p, c)+es[c])
				}
			}
		}
		r.pairOf[off+i] = k
	}
}

// appendMentions turns labels of toks (which start at token offset off)
// into mentions, trimming punctuation and bare proclitics (the ب of بـ"دعم")
// from both ends.
func appendMentions(out []Mention, labels []uint8, toks []token.Token, off int) []Mention {
	for i := 0; i < len(labels); {
		if labels[i] == 0 {
			i++
			continue
		}
		t := typeOf(labels[i])
		j := i + 1
		for j < len(labels) && isInside(labels[j]) && typeOf(labels[j]) == t {
			j++
		}
		a, b := i, j
		for a < b && (toks[a].Kind == token.Punct || toks[a].EntStart >= toks[a].End) {
			a++
		}
		for b > a && (toks[b-1].Kind == token.Punct || toks[b-1].EntStart >= toks[b-1].End) {
			b--
		}
		if a < b {
			out = append(out, Mention{Type: entityTypes[t], Start: off + a, End: off + b})
		}
		i = j
	}
	return out
}

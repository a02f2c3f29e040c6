package ner

import (
	"strings"
	"unicode/utf8"

	"tahlil/internal/gazetteer"
	"tahlil/internal/token"
)

// Labels are BIO tags over four entity types.
const numLabels = 9

var labelNames = [numLabels]string{"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

// entityTypes lists the types in label order: label 2k+1 is B-type, 2k+2 is I-type.
var entityTypes = [4]string{"PER", "LOC", "ORG", "MISC"}

// labelOf returns the label index of a BIO tag such as "B-LOC", or 0 (O).
func labelOf(tag string) uint8 {
	for i, n := range labelNames {
		if n == tag {
			return uint8(i)
		}
	}
	return 0
}

func isInside(l uint8) bool { return l != 0 && l%2 == 0 }
func typeOf(l uint8) int    { return int(l-1) / 2 } // only for l != 0

// allowed reports whether label cur may follow prev (prev numLabels is the
// sequence start). An I- label must continue an entity of its type.
func allowed(prev, cur uint8) bool {
	if !isInside(cur) {
		return true
	}
	return prev != numLabels && prev != 0 && typeOf(prev) == typeOf(cur)
}

// info is what feature extraction needs about one token.
type info struct {
	norm, stem, bare, pre string
	// hb and hn are the hashes (wordHash) of the word's window form (see bareAt)
	// and of norm: each string is hashed once, and features combine the
	// hashes.
	hb, hn uint64
	shape  byte // see shapeOf
	kind   token.Kind
	al     bool
	class  uint8 // word class, see lexicon.go
	gaz    uint8 // 0, or 1/2 for the first/next word of a country name
	list   uint8 // nameList bits of the word
	pat    uint8 // name pattern: 1 عبد…, 2 ابو…
	// doc has bit l set when the first pass gave label l to the same bare
	// word elsewhere in the document; docSet marks the second pass.
	doc    uint16
	docSet bool
	// known reports whether the word was seen at least vocabMin times in
	// training (always true for punctuation and numbers).
	known bool
}

// vocabMin is how often a word must occur in the training data to count as
// known.
const vocabMin = 2

// vocabHash is the model table key that marks a bare word as known.
func vocabHash(bare string) uint64 { return vocabKey(wordHash(bare)) }

// vocabKey is vocabHash given wordHash(bare).
func vocabKey(h uint64) uint64 { return mix(hword(hstart(fVocab), h)) }

// docWord reports whether a token takes part in document-level features.
func docWord(in *info) bool {
	return (in.kind == token.Word || in.kind == token.Latin) && len(in.bare) >= 4
}

// setDocFeatures fills in[i].doc from first-pass labels: for each word, the
// labels the same word got elsewhere in the document.
func setDocFeatures(in []info, labels []uint8) {
	var t docTable
	t.set(in, labels)
}

// docTable holds the buffers of setDocFeatures, which run keeps between
// documents.
type docTable struct {
	keys   []uint64
	index  []int32
	slot   []int32
	counts [][numLabels]int32
}

// set is setDocFeatures with t's buffers.
func (t *docTable) set(in []info, labels []uint8) {
	// Words are keyed by their hash in a table of the document's own: a
	// map costs far more in WebAssembly. slot holds each token's index in
	// counts, or -1.
	size := 16
	for size < 2*len(in) {
		size *= 2
	}
	t.keys = grow(t.keys, size)
	clear(t.keys)
	t.index = grow(t.index, size)
	t.slot = grow(t.slot, len(in))
	keys, index, slot := t.keys, t.index, t.slot
	counts := t.counts[:0]
	for i := range in {
		slot[i] = -1
		if !docWord(&in[i]) {
			continue
		}
		h := in[i].hb | 1 // 0 marks an empty key
		j := h & uint64(size-1)
		for keys[j] != 0 && keys[j] != h {
			j = (j + 1) & uint64(size-1)
		}
		if keys[j] == 0 {
			keys[j] = h
			index[j] = int32(len(counts))
			counts = append(counts, [numLabels]int32{})
		}
		slot[i] = index[j]
		counts[index[j]][labels[i]]++
	}
	t.counts = counts
	for i := range in {
		in[i].docSet = true
		in[i].doc = 0
		if slot[i] < 0 {
			continue
		}
		c := counts[slot[i]]
		c[labels[i]]--
		for l, n := range c {
			if n > 0 {
				in[i].doc |= 1 << l
			}
		}
	}
}

// prepare fills buf with the info of toks. known reports whether a bare
// word, given with its wordHash, counts as known.
func prepare(toks []token.Token, buf []info, known func(bare string, h uint64) bool) []info {
	buf = buf[:0]
	for i := range toks {
		t := &toks[i]
		in := info{norm: t.Norm, stem: t.Stem, bare: t.Bare(), pre: t.Pre, kind: t.Kind, al: t.Al}
		in.hn = wordHash(in.norm)
		in.hb = in.hn
		if in.bare != in.norm && t.Kind != token.Punct && t.Kind != token.Number {
			in.hb = wordHash(in.bare)
		}
		in.known = true
		in.shape = shapeOf(&in)
		if t.Kind == token.Word {
			lex := lexLookup(in.hb)
			in.class = lexClass(lex)
			if in.class == classNone && in.al && isNisba(in.bare) {
				in.class = classNisba
			}
			in.list = lexList(lex)
			if in.stem != in.bare {
				in.list |= lexList(lexLookup(wordHash(in.stem)))
			}
			in.pat = namePattern(in.bare)
			if lex&lexCountryStart != 0 {
				in.gaz = 3 // a candidate, decided below
			}
		}
		if t.Kind == token.Word || t.Kind == token.Latin {
			in.known = known(in.bare, in.hb)
		}
		buf = append(buf, in)
	}
	var words [4]string
	for i := 0; i < len(buf); i++ {
		if buf[i].gaz != 3 {
			continue
		}
		buf[i].gaz = 0
		n := 0
		for ; n < len(words) && i+n < len(buf) && buf[i+n].kind == token.Word; n++ {
			words[n] = buf[i+n].bare
		}
		if k := gazetteer.MatchCountry(words[:n]); k > 0 {
			buf[i].gaz = 1
			for j := 1; j < k; j++ {
				buf[i+j].gaz = 2
			}
			i += k - 1
		}
	}
	return buf
}

// Feature templates. Their numbers are part of the model format: the
// hashes in a model file depend on them.
const (
	fBias     byte = 1
	fNorm     byte = 2
	fBare     byte = 3
	fClitics  byte = 4
	fPrefix   byte = 5 // 5..8 for lengths 1..4
	fSuffix   byte = 9 // 9..12
	fShape    byte = 13
	fBareL1   byte = 14
	fBareR1   byte = 15
	fBareL2   byte = 16
	fBareR2   byte = 17
	fBigramL  byte = 18
	fBigramR  byte = 19
	fClass    byte = 20
	fClassL1  byte = 21
	fClassL2  byte = 22
	fClassR1  byte = 23
	fGaz      byte = 24
	fGazL1    byte = 25
	fGazR1    byte = 26
	fShapeCtx byte = 27
	fNormL1   byte = 28
	fSuffixL1 byte = 29
	fEdgeBare byte = 30
	fDocLabel byte = 31
	fDocType  byte = 32
	fDocAlone byte = 33
	fTrigram  byte = 34
	fTriggerL byte = 38
	fVocab    byte = 39 // not a feature: marks known words
	fUnknown  byte = 41
	fUnkL1    byte = 42
	fUnkR1    byte = 43
	fKnownCtx byte = 44
	fEdgeForm byte = 45
	fCluster  byte = 40 // reserved
	fList     byte = 46
	fListL1   byte = 47
	fListR1   byte = 48
	fListNext byte = 49
	fPattern  byte = 50
	fTrigNext byte = 51
	fTrigPre  byte = 52
	fClassL3  byte = 53
	fClassR2  byte = 54
	fBareL3   byte = 55
	fBareR3   byte = 56
)

// namePattern classifies a bare word by the shape of Arabic names written
// as one word: عبد… (عبدالله، عبدالرحمن) and ابو… (ابومازن).
func namePattern(b string) uint8 {
	switch {
	case len(b) > len("عبد")+2 && strings.HasPrefix(b, "عبد"):
		return 1
	case len(b) > len("ابو")+2 && strings.HasPrefix(b, "ابو"):
		return 2
	}
	return 0
}

func listAt(in []info, i int) byte {
	if i < 0 || i >= len(in) {
		return 0xfe
	}
	return in[i].list
}

const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

func hstart(t byte) uint64 { return (offset64 ^ uint64(t)) * prime64 }

func hstr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime64
	}
	return h
}

func hbyte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * prime64 }

// wordHash returns the hash of s that features combine with hword: FNV-1a,
// finished with mix so that the hashes of similar strings share no
// structure (plain FNV states of words that differ in their last byte,
// XORed with template seeds, collide).
func wordHash(s string) uint64 { return mix(hstr(offset64, s)) }

// hword adds a string, given as its wordHash, to h.
func hword(h, w uint64) uint64 { return (h ^ w) * prime64 }

// mix finishes a hash so that its low and high bits are both well spread.
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// edgeHash conjoins an edge feature hash with the previous label.
func edgeHash(h uint64, prev uint8) uint64 { return mix(h ^ (uint64(prev)+1)*0x9e3779b97f4a7c15) }

// SetDisabled leaves out feature templates (a bit set of template numbers);
// for experiments only: a model must be used with the set it was trained with.
func SetDisabled(bits uint64) { disabled = bits }

// hBoundary is the word hash of a window position before the start or past
// the end: wordHash("\x02").
const hBoundary = 0x5aec852590056221

// bareAt returns the form of token i that windows use: its bare word, or
// for punctuation and numbers its normalized text.
func bareAt(in []info, i int) string {
	if in[i].kind == token.Punct || in[i].kind == token.Number {
		return in[i].norm
	}
	return in[i].bare
}

// wordAt returns the hash of bareAt(in, i), or hBoundary out of range.
func wordAt(in []info, i int) uint64 {
	if i < 0 || i >= len(in) {
		return hBoundary
	}
	return in[i].hb
}

func classAt(in []info, i int) byte {
	if i < 0 || i >= len(in) {
		return 0xfe
	}
	return in[i].class
}

func knownAt(in []info, i int) byte {
	switch {
	case i < 0 || i >= len(in):
		return 2
	case in[i].known:
		return 1
	}
	return 0
}

func gazAt(in []info, i int) byte {
	if i < 0 || i >= len(in) {
		return 0xfe
	}
	return in[i].gaz
}

// shape summarizes a token's kind and length, and for Latin words their
// capitalization.
func shapeOf(in *info) byte {
	n := utf8.RuneCountInString(in.bare)
	var lb byte
	switch {
	case n <= 1:
		lb = 0
	case n == 2:
		lb = 1
	case n == 3:
		lb = 2
	case n <= 5:
		lb = 3
	case n <= 7:
		lb = 4
	default:
		lb = 5
	}
	s := byte(in.kind)<<4 | lb
	if in.kind == token.Latin {
		r, _ := utf8.DecodeRuneInString(in.norm)
		if r >= 'A' && r <= 'Z' {
			s |= 8
		}
	}
	return s
}

func shapeAt(in []info, i int) byte {
	if i < 0 || i >= len(in) {
		return 0xfe
	}
	return in[i].shape
}

// disabled is a bit set of feature templates left out (for experiments).
var disabled uint64

func emit(out []uint64, t byte, h uint64) []uint64 {
	if disabled&(1<<t) != 0 {
		return out
	}
	return append(out, mix(h))
}

// numLexical returns how many of a token's features (always the first ones)
// identify the word itself.
func numLexical() int {
	n := 0
	for _, t := range []byte{fNorm, fBare} {
		if disabled&(1<<t) == 0 {
			n++
		}
	}
	return n
}

// numEdge is how many edge features a token has.
const numEdge = 1

// features appends the hashed features of token i to out, and returns it
// with the edge features (to conjoin with the previous label) separately.
func features(in []info, i int, out []uint64) ([]uint64, [numEdge]uint64) {
	t := &in[i]
	// The word-identity features come first; see numLexical.
	out = emit(out, fNorm, hword(hstart(fNorm), t.hn))
	b := bareAt(in, i)
	out = emit(out, fBare, hword(hstart(fBare), t.hb))
	out = emit(out, fBias, hstart(fBias))
	cl := hstr(hstart(fClitics), t.pre)
	if t.al {
		cl = hbyte(cl, 1)
	}
	out = emit(out, fClitics, cl)
	if t.kind == token.Word || t.kind == token.Latin {
		// Prefixes and suffixes of the bare word, 1 to 4 runes, shorter
		// than the word: one pass over the bytes from each end.
		h, n := uint64(offset64), 0
		for j := 0; j < len(b); j++ {
			if j > 0 && utf8.RuneStart(b[j]) {
				n++
				if n > 4 {
					break
				}
				out = emit(out, fPrefix+byte(n-1), hword(hstart(fPrefix+byte(n-1)), mix(h)))
			}
			h = (h ^ uint64(b[j])) * prime64
		}
		h, n = offset64, 0
		for j := len(b) - 1; j > 0; j-- {
			h = (h ^ uint64(b[j])) * prime64
			if utf8.RuneStart(b[j]) {
				n++
				out = emit(out, fSuffix+byte(n-1), hword(hstart(fSuffix+byte(n-1)), mix(h)))
				if n == 4 {
					break
				}
			}
		}
	}
	out = emit(out, fShape, hbyte(hstart(fShape), t.shape))
	out = emit(out, fBareL1, hword(hstart(fBareL1), wordAt(in, i-1)))
	out = emit(out, fBareR1, hword(hstart(fBareR1), wordAt(in, i+1)))
	out = emit(out, fBareL2, hword(hstart(fBareL2), wordAt(in, i-2)))
	out = emit(out, fBareR2, hword(hstart(fBareR2), wordAt(in, i+2)))
	out = emit(out, fBigramL, hword(hword(hstart(fBigramL), wordAt(in, i-1)), t.hb))
	out = emit(out, fBigramR, hword(hword(hstart(fBigramR), t.hb), wordAt(in, i+1)))
	out = emit(out, fClass, hbyte(hstart(fClass), t.class))
	out = emit(out, fClassL1, hbyte(hstart(fClassL1), classAt(in, i-1)))
	out = emit(out, fClassL2, hbyte(hstart(fClassL2), classAt(in, i-2)))
	out = emit(out, fClassR1, hbyte(hstart(fClassR1), classAt(in, i+1)))
	out = emit(out, fGaz, hbyte(hstart(fGaz), t.gaz))
	out = emit(out, fGazL1, hbyte(hstart(fGazL1), gazAt(in, i-1)))
	out = emit(out, fGazR1, hbyte(hstart(fGazR1), gazAt(in, i+1)))
	out = emit(out, fShapeCtx, hbyte(hbyte(hbyte(hstart(fShapeCtx), shapeAt(in, i-1)), t.shape), shapeAt(in, i+1)))
	if i > 0 {
		out = emit(out, fNormL1, hword(hstart(fNormL1), in[i-1].hn))
	}
	if i > 0 && in[i-1].kind == token.Word {
		pb := in[i-1].bare
		if len(pb) >= 4 {
			out = emit(out, fSuffixL1, hstr(hstart(fSuffixL1), pb[len(pb)-4:]))
		}
	}
	// The nearest trigger word up to four tokens to the left, as in
	// "وزيرة الخارجية الإسرائيلية تسيبي ليفني", with its distance.
	for k := 3; k <= 5 && i-k >= 0; k++ {
		if c := in[i-k].class; c != classNone && c != classLocWord {
			out = emit(out, fTriggerL, hbyte(hbyte(hstart(fTriggerL), c), byte(k)))
			break
		}
	}
	// Hand-written name lists at and around the word, and what follows a
	// listed word: a given name before an unknown word starts a person.
	out = emit(out, fList, hbyte(hbyte(hstart(fList), t.list), knownAt(in, i)))
	out = emit(out, fListL1, hbyte(hbyte(hstart(fListL1), listAt(in, i-1)), t.list))
	out = emit(out, fListR1, hbyte(hbyte(hstart(fListR1), t.list), listAt(in, i+1)))
	out = emit(out, fListNext, hbyte(hbyte(hbyte(hstart(fListNext), listAt(in, i-1)), knownAt(in, i)), t.shape))
	if t.pat != 0 || i > 0 && in[i-1].pat != 0 {
		var pp byte
		if i > 0 {
			pp = in[i-1].pat
		}
		out = emit(out, fPattern, hbyte(hbyte(hstart(fPattern), t.pat), pp))
	}
	// The trigger word just before, conjoined with this word's shape and
	// first two letters: وزير + an unknown long word is a name.
	if c := classAt(in, i-1); c != classNone && c != 0xfe {
		out = emit(out, fTrigNext, hbyte(hbyte(hbyte(hstart(fTrigNext), c), t.shape), knownAt(in, i)))
		p2, n := b, 0
		for j := range b {
			if n == 2 {
				p2 = b[:j]
				break
			}
			n++
		}
		out = emit(out, fTrigPre, hstr(hbyte(hstart(fTrigPre), c), p2))
	}
	out = emit(out, fClassL3, hbyte(hstart(fClassL3), classAt(in, i-3)))
	out = emit(out, fClassR2, hbyte(hstart(fClassR2), classAt(in, i+2)))
	out = emit(out, fBareL3, hword(hstart(fBareL3), wordAt(in, i-3)))
	out = emit(out, fBareR3, hword(hstart(fBareR3), wordAt(in, i+3)))
	if !t.known {
		var al byte
		if t.al {
			al = 1
		}
		out = emit(out, fUnknown, hbyte(hstart(fUnknown), al))
		out = emit(out, fUnkL1, hword(hstart(fUnkL1), wordAt(in, i-1)))
		out = emit(out, fUnkR1, hword(hstart(fUnkR1), wordAt(in, i+1)))
	}
	out = emit(out, fKnownCtx, hbyte(hbyte(hbyte(hstart(fKnownCtx), knownAt(in, i-1)), knownAt(in, i)), knownAt(in, i+1)))
	if t.kind == token.Word && disabled&(1<<fTrigram) == 0 {
		// Character trigrams inside the word.
		var starts [3]int
		n := 0
		for j := range b {
			if n >= 3 {
				out = emit(out, fTrigram, hstr(hstart(fTrigram), b[starts[n%3]:j]))
			}
			starts[n%3] = j
			n++
		}
		if n >= 3 {
			out = emit(out, fTrigram, hstr(hstart(fTrigram), b[starts[n%3]:]))
		}
	}
	// The second edge feature is the word's form class: clitics, article,
	// kind, trigger class and whether the word is known. A و on a word after
	// a name, for one, tends to start a new name rather than continue it.
	var al byte
	if t.al {
		al = 1
	}
	ec := hbyte(hbyte(hbyte(hbyte(hstr(hstart(fEdgeForm), t.pre), al), byte(t.kind)), t.class), knownAt(in, i))
	return out, [numEdge]uint64{ec}
}

// docFeatures appends the document-level features of token i, which exist
// only in the second pass, to out.
func docFeatures(in []info, i int, out []uint64) []uint64 {
	t := &in[i]
	if t.docSet && t.doc != 0 {
		var types byte
		for l := range numLabels {
			if t.doc&(1<<l) != 0 {
				out = emit(out, fDocLabel, hbyte(hstart(fDocLabel), byte(l)))
				if l > 0 {
					types |= 1 << typeOf(uint8(l))
				}
			}
		}
		out = emit(out, fDocType, hbyte(hstart(fDocType), types))
		if types != 0 {
			out = emit(out, fDocAlone, hbyte(hbyte(hstart(fDocAlone), types), classAt(in, i-1)))
		}
	}
	return out
}

// IsNisba reports whether a bare word (without the article) ends like an
// adjective of origin, as موريتاني or فلسطينيه do.
func IsNisba(bare string) bool { return isNisba(bare) }

// isNisba reports whether a bare word ends like an adjective of origin
// (ي, يه, يين, يون, يات), as الأمريكي or الفلسطينية do.
func isNisba(b string) bool {
	for _, suf := range []string{"يه", "يين", "يون", "يات", "ي"} {
		if strings.HasSuffix(b, suf) && utf8.RuneCountInString(b) >= utf8.RuneCountInString(suf)+3 {
			return true
		}
	}
	return false
}

package ner

import (
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

func isBegin(l uint8) bool  { return l%2 == 1 }
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
	kind                  token.Kind
	al                    bool
	class                 uint8 // word class, see lexicon.go
	gaz                   uint8 // 0, or 1/2 for the first/next word of a country name
}

// prepare fills buf with the info of toks.
func prepare(toks []token.Token, buf []info) []info {
	buf = buf[:0]
	for i := range toks {
		t := &toks[i]
		in := info{norm: t.Norm, stem: t.Stem, bare: t.Bare(), pre: t.Pre, kind: t.Kind, al: t.Al}
		if t.Kind == token.Word {
			in.class = wordClass(in.bare)
		}
		buf = append(buf, in)
	}
	var words [4]string
	for i := 0; i < len(buf); i++ {
		if buf[i].kind != token.Word {
			continue
		}
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
	fCluster  byte = 40 // reserved
)

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

// hsep ends a string field so that ("ab","c") and ("a","bc") differ.
func hsep(h uint64) uint64 { return (h ^ 0x1f) * prime64 }

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

const (
	boundary = "\x02" // a window position before the start or past the end
)

func bareAt(in []info, i int) string {
	if i < 0 || i >= len(in) {
		return boundary
	}
	if in[i].kind == token.Punct || in[i].kind == token.Number {
		return in[i].norm
	}
	return in[i].bare
}

func classAt(in []info, i int) byte {
	if i < 0 || i >= len(in) {
		return 0xfe
	}
	return in[i].class
}

func gazAt(in []info, i int) byte {
	if i < 0 || i >= len(in) {
		return 0xfe
	}
	return in[i].gaz
}

// shape summarizes a token's kind and length, and for Latin words their
// capitalization.
func shape(in *info) byte {
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
	return shape(&in[i])
}

// features appends the hashed features of token i to out, and returns it
// with the one edge feature (to conjoin with the previous label) separately.
func features(in []info, i int, out []uint64) ([]uint64, uint64) {
	t := &in[i]
	out = append(out, mix(hstart(fBias)))
	out = append(out, mix(hstr(hstart(fNorm), t.norm)))
	b := bareAt(in, i)
	out = append(out, mix(hstr(hstart(fBare), b)))
	cl := hstr(hstart(fClitics), t.pre)
	if t.al {
		cl = hbyte(cl, 1)
	}
	out = append(out, mix(cl))
	if t.kind == token.Word || t.kind == token.Latin {
		// Prefixes and suffixes of the bare word, 1 to 4 runes.
		n := 0
		for j := range b {
			if j > 0 {
				n++
				if n > 4 {
					break
				}
				out = append(out, mix(hstr(hstart(fPrefix+byte(n-1)), b[:j])))
			}
		}
		n = 0
		for j := len(b); j > 0 && n < 4; {
			_, sz := utf8.DecodeLastRuneInString(b[:j])
			j -= sz
			n++
			if j == 0 {
				break
			}
			out = append(out, mix(hstr(hstart(fSuffix+byte(n-1)), b[j:])))
		}
	}
	out = append(out, mix(hbyte(hstart(fShape), shape(t))))
	out = append(out, mix(hstr(hstart(fBareL1), bareAt(in, i-1))))
	out = append(out, mix(hstr(hstart(fBareR1), bareAt(in, i+1))))
	out = append(out, mix(hstr(hstart(fBareL2), bareAt(in, i-2))))
	out = append(out, mix(hstr(hstart(fBareR2), bareAt(in, i+2))))
	out = append(out, mix(hstr(hsep(hstr(hstart(fBigramL), bareAt(in, i-1))), b)))
	out = append(out, mix(hstr(hsep(hstr(hstart(fBigramR), b)), bareAt(in, i+1))))
	out = append(out, mix(hbyte(hstart(fClass), t.class)))
	out = append(out, mix(hbyte(hstart(fClassL1), classAt(in, i-1))))
	out = append(out, mix(hbyte(hstart(fClassL2), classAt(in, i-2))))
	out = append(out, mix(hbyte(hstart(fClassR1), classAt(in, i+1))))
	out = append(out, mix(hbyte(hstart(fGaz), t.gaz)))
	out = append(out, mix(hbyte(hstart(fGazL1), gazAt(in, i-1))))
	out = append(out, mix(hbyte(hstart(fGazR1), gazAt(in, i+1))))
	out = append(out, mix(hbyte(hbyte(hbyte(hstart(fShapeCtx), shapeAt(in, i-1)), shape(t)), shapeAt(in, i+1))))
	if i > 0 {
		out = append(out, mix(hstr(hstart(fNormL1), in[i-1].norm)))
	}
	if i > 0 && in[i-1].kind == token.Word {
		pb := in[i-1].bare
		if len(pb) >= 4 {
			out = append(out, mix(hstr(hstart(fSuffixL1), pb[len(pb)-4:])))
		}
	}
	return out, hstr(hstart(fEdgeBare), b)
}

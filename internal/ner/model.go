package ner

import (
	"encoding/binary"
	"math"
)

// Model file layout (all integers little-endian):
//
//	0   "TNER"                 magic
//	4   uint8  version (1)
//	5   uint8  number of labels L (9)
//	6   uint8  log2 of the slot count S
//	7   uint8  length N of the name
//	8   name   N bytes
//	    float32 transitions[(L+1)*L]: row p, column c is the score of label
//	            c after label p; row L is the sequence start
//	    slots  S × (3+L) bytes, an open-addressing hash table probed
//	           linearly from hash&(S-1):
//	             uint16 fingerprint (hash>>48, 0 marks an empty slot; a
//	                    fingerprint of 0 is stored as 1)
//	             uint8  scale e: weights are q × 2^(e/4 − 40)
//	             int8   q[L], one weight per label
//
// The file is used in place: a lookup reads the slot bytes directly.
const (
	magic       = "TNER"
	formatVer   = 1
	headerFixed = 8
)

// layout is the decoded position of each part of a model file. Computing it
// reads the header only.
type layout struct {
	name     []byte
	trans    []byte // (L+1)*L float32
	slots    []byte
	mask     uint64
	slotSize int
}

func parseLayout(b []byte) (layout, bool) {
	var l layout
	if len(b) < headerFixed || string(b[:4]) != magic || b[4] != formatVer || b[5] != numLabels || b[6] > 30 {
		return l, false
	}
	n := int(b[7])
	p := headerFixed + n
	tn := (numLabels + 1) * numLabels * 4
	if len(b) < p+tn {
		return l, false
	}
	l.name = b[headerFixed:p]
	l.trans = b[p : p+tn]
	p += tn
	l.slotSize = 3 + numLabels
	slots := 1 << b[6]
	if len(b) != p+slots*l.slotSize {
		return l, false
	}
	l.slots = b[p:]
	l.mask = uint64(slots - 1)
	return l, true
}

func fingerprint(h uint64) uint16 {
	fp := uint16(h >> 48)
	if fp == 0 {
		fp = 1
	}
	return fp
}

// add adds the weights of feature h, if the model has it, to score.
func (l *layout) add(h uint64, score *[numLabels]float32) {
	if len(l.slots) == 0 {
		return
	}
	fp := fingerprint(h)
	ss := l.slotSize
	for i := h & l.mask; ; i = (i + 1) & l.mask {
		s := l.slots[int(i)*ss : int(i)*ss+ss : int(i)*ss+ss]
		f := uint16(s[0]) | uint16(s[1])<<8
		if f == 0 {
			return
		}
		if f == fp {
			sc := scale(s[2])
			w := s[3 : 3+numLabels]
			for j := range score {
				score[j] += float32(int8(w[j])) * sc
			}
			return
		}
	}
}

// addAll adds the weights of each feature in hs that the model has to
// score. It is add in one loop, as calls are dear in WebAssembly.
func (l *layout) addAll(hs []uint64, score *[numLabels]float32) {
	if len(l.slots) == 0 {
		return
	}
	const ss = 3 + numLabels
	slots, mask := l.slots, l.mask
	for _, h := range hs {
		fp := fingerprint(h)
		for i := h & mask; ; i = (i + 1) & mask {
			s := slots[int(i)*ss : int(i)*ss+ss : int(i)*ss+ss]
			f := uint16(s[0]) | uint16(s[1])<<8
			if f == 0 {
				break
			}
			if f == fp {
				// Unrolled: a loop costs a dispatch per step in
				// WebAssembly, and this runs for every feature found.
				sc := scale(s[2])
				w := (*[numLabels]byte)(s[3:])
				score[0] += float32(int8(w[0])) * sc
				score[1] += float32(int8(w[1])) * sc
				score[2] += float32(int8(w[2])) * sc
				score[3] += float32(int8(w[3])) * sc
				score[4] += float32(int8(w[4])) * sc
				score[5] += float32(int8(w[5])) * sc
				score[6] += float32(int8(w[6])) * sc
				score[7] += float32(int8(w[7])) * sc
				score[8] += float32(int8(w[8])) * sc
				break
			}
		}
	}
}

// has reports whether the table holds key h.
func (l *layout) has(h uint64) bool {
	if len(l.slots) == 0 {
		return false
	}
	fp := fingerprint(h)
	ss := l.slotSize
	for i := h & l.mask; ; i = (i + 1) & l.mask {
		s := l.slots[int(i)*ss:]
		f := uint16(s[0]) | uint16(s[1])<<8
		if f == 0 {
			return false
		}
		if f == fp {
			return true
		}
	}
}

// known reports whether the model saw a bare word, given with its wordHash
// h, often enough in training.
func (l *layout) known(_ string, h uint64) bool { return l.has(vocabKey(h)) }

var quarterSteps = [4]float32{1, 1.189207115, 1.414213562, 1.681792831}

// scale returns 2^(e/4 − 40).
func scale(e byte) float32 {
	return quarterSteps[e&3] * math.Float32frombits(uint32(int(e>>2)+127-40)<<23)
}

// quantize returns the scale byte and int8 weights that best represent w.
func quantize(w *[numLabels]float64) (byte, [numLabels]int8) {
	var maxAbs float64
	for _, x := range w {
		maxAbs = math.Max(maxAbs, math.Abs(x))
	}
	var e byte
	for e = 0; e < 255 && float64(scale(e))*127 < maxAbs; e++ {
	}
	sc := float64(scale(e))
	var q [numLabels]int8
	for j, x := range w {
		v := math.Round(x / sc)
		q[j] = int8(math.Max(-127, math.Min(127, v)))
	}
	return e, q
}

func (l *layout) transition(prev, cur int) float32 {
	o := (prev*numLabels + cur) * 4
	return math.Float32frombits(binary.LittleEndian.Uint32(l.trans[o:]))
}

package ner

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"

	"tahlil/internal/conll"
	"tahlil/internal/token"
)

// TrainOptions controls training.
type TrainOptions struct {
	Name        string    // model name stored in the file
	Epochs      int       // passes over the training data
	Seed        uint64    // seeds the order of sentences in each pass
	MaxFeatures int       // features kept after pruning (0: all)
	Log         io.Writer // progress, or nil
}

// instance is one training segment with its features resolved to ids.
type instance struct {
	labels []uint8
	punct  []bool
	feats  []int32 // all tokens' feature ids, back to back
	fend   []int32 // end of token i's ids in feats
	edges  []int32 // n × (L+1) edge feature ids, −1 when absent
}

// trainer holds the feature index and the averaged perceptron's weights.
type trainer struct {
	ids    map[uint64]int32
	hashes []uint64
	w, u   []float64 // nfeat × L current weights and their timestamped sums
	tw, tu []float64 // (L+1) × L transitions
	c      float64   // update counter
}

func (tr *trainer) id(h uint64) int32 {
	if id, ok := tr.ids[h]; ok {
		return id
	}
	id := int32(len(tr.hashes))
	tr.ids[h] = id
	tr.hashes = append(tr.hashes, h)
	return id
}

// Train trains a model on the aligned sentences and returns the model file.
// The result depends only on the data and the options.
func Train(data []*Aligned, opt TrainOptions) ([]byte, error) {
	if len(data) == 0 {
		return nil, errors.New("ner: no training data")
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if len(opt.Name) > 255 {
		return nil, errors.New("ner: model name too long")
	}
	const L = numLabels
	tr := &trainer{ids: map[uint64]int32{}}
	var insts []*instance
	var feats []uint64
	var in []info
	for _, a := range data {
		segments(a.Doc.Tokens, func(s, e int) {
			in = prepare(a.Doc.Tokens[s:e], in)
			n := e - s
			x := &instance{labels: slices.Clone(a.Labels[s:e]), punct: make([]bool, n), edges: make([]int32, n*(L+1))}
			if isInside(x.labels[0]) {
				x.labels[0]--
			}
			for i := range in {
				x.punct[i] = in[i].kind == token.Punct
				var eh uint64
				feats, eh = features(in, i, feats[:0])
				for _, h := range feats {
					x.feats = append(x.feats, tr.id(h))
				}
				x.fend = append(x.fend, int32(len(x.feats)))
				for p := 0; p <= L; p++ {
					x.edges[i*(L+1)+p] = -1
					if i == 0 && p == L || i > 0 && p < L {
						x.edges[i*(L+1)+p] = tr.id(edgeHash(eh, uint8(p)))
					}
				}
			}
			insts = append(insts, x)
		})
	}
	nf := len(tr.hashes)
	tr.w = make([]float64, nf*L)
	tr.u = make([]float64, nf*L)
	tr.tw = make([]float64, (L+1)*L)
	tr.tu = make([]float64, (L+1)*L)
	if opt.Log != nil {
		fmt.Fprintf(opt.Log, "train: %d segments, %d features\n", len(insts), nf)
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x7468616c696c))
	order := make([]int, len(insts))
	for i := range order {
		order[i] = i
	}
	var dc decoder
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, k := range order {
			x := insts[k]
			pred := tr.decode(&dc, x)
			tr.c++
			for i, y := range x.labels {
				z := pred[i]
				if y != z {
					errs++
					start := int32(0)
					if i > 0 {
						start = x.fend[i-1]
					}
					for _, f := range x.feats[start:x.fend[i]] {
						tr.update(int(f)*L+int(y), 1)
						tr.update(int(f)*L+int(z), -1)
					}
				}
				yp, zp := uint8(L), uint8(L)
				if i > 0 {
					yp, zp = x.labels[i-1], pred[i-1]
				}
				if y != z || yp != zp {
					tr.updateT(int(yp)*L+int(y), 1)
					tr.updateT(int(zp)*L+int(z), -1)
					tr.update(int(x.edges[i*(L+1)+int(yp)])*L+int(y), 1)
					tr.update(int(x.edges[i*(L+1)+int(zp)])*L+int(z), -1)
				}
			}
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "train: epoch %d: %d token errors\n", ep+1, errs)
		}
	}
	return tr.export(opt)
}

func (tr *trainer) update(i int, d float64) {
	tr.w[i] += d
	tr.u[i] += tr.c * d
}

func (tr *trainer) updateT(i int, d float64) {
	tr.tw[i] += d
	tr.tu[i] += tr.c * d
}

// decode runs Viterbi with the current (not averaged) weights.
func (tr *trainer) decode(dc *decoder, x *instance) []uint8 {
	const L = numLabels
	n := len(x.labels)
	dc.grow(n)
	start := int32(0)
	for i := 0; i < n; i++ {
		var s [L]float64
		for _, f := range x.feats[start:x.fend[i]] {
			w := tr.w[int(f)*L : int(f)*L+L]
			for j := range s {
				s[j] += w[j]
			}
		}
		start = x.fend[i]
		for j := range s {
			dc.emit[i*L+j] = float32(s[j])
		}
		pr := dc.pair[i*(L+1)*L : (i+1)*(L+1)*L]
		for p := 0; p <= L; p++ {
			e := x.edges[i*(L+1)+p]
			for c := range L {
				v := tr.tw[p*L+c]
				if e >= 0 {
					v += tr.w[int(e)*L+c]
				}
				pr[p*L+c] = float32(v)
			}
		}
	}
	return dc.viterbi(n, func(i int) bool { return x.punct[i] })
}

// export averages the weights, prunes the least important features and
// writes the model file.
func (tr *trainer) export(opt TrainOptions) ([]byte, error) {
	const L = numLabels
	nf := len(tr.hashes)
	avg := make([]float64, nf*L)
	imp := make([]float64, nf)
	for i := range avg {
		avg[i] = tr.w[i] - tr.u[i]/tr.c
		imp[i/L] = math.Max(imp[i/L], math.Abs(avg[i]))
	}
	keep := make([]int32, 0, nf)
	for f := range nf {
		if imp[f] > 0 {
			keep = append(keep, int32(f))
		}
	}
	if opt.MaxFeatures > 0 && len(keep) > opt.MaxFeatures {
		// Keep the most important features; ties go to the earlier id so
		// the result is deterministic.
		slices.SortStableFunc(keep, func(a, b int32) int {
			if imp[a] != imp[b] {
				if imp[a] > imp[b] {
					return -1
				}
				return 1
			}
			return int(a - b)
		})
		keep = keep[:opt.MaxFeatures]
		slices.Sort(keep)
	}
	logS := 4
	for 1<<logS < 2*len(keep) {
		logS++
	}
	S := 1 << logS
	mask := uint64(S - 1)
	fps := make([]uint16, S)
	ws := make([][L]float64, S)
	for _, f := range keep {
		h := tr.hashes[f]
		fp := fingerprint(h)
		for i := h & mask; ; i = (i + 1) & mask {
			if fps[i] == 0 || fps[i] == fp {
				// A fingerprint already on the probe path is where a lookup
				// of h would stop, so the weights are merged there.
				fps[i] = fp
				for j := range L {
					ws[i][j] += avg[int(f)*L+j]
				}
				break
			}
		}
	}
	var b bytes.Buffer
	b.WriteString(magic)
	b.Write([]byte{formatVer, L, byte(logS), byte(len(opt.Name))})
	b.WriteString(opt.Name)
	for i := range tr.tw {
		var x [4]byte
		binary.LittleEndian.PutUint32(x[:], math.Float32bits(float32(tr.tw[i]-tr.tu[i]/tr.c)))
		b.Write(x[:])
	}
	slot := make([]byte, 3+L)
	for i := range S {
		clear(slot)
		if fps[i] != 0 {
			e, q := quantize(&ws[i])
			binary.LittleEndian.PutUint16(slot, fps[i])
			slot[2] = e
			for j := range L {
				slot[3+j] = byte(q[j])
			}
		}
		b.Write(slot)
	}
	if opt.Log != nil {
		fmt.Fprintf(opt.Log, "train: kept %d of %d features in %d slots, %d bytes\n", len(keep), nf, S, b.Len())
	}
	return b.Bytes(), nil
}

// Evaluate scores the model on aligned sentences at the corpus token level.
func Evaluate(m *Model, data []*Aligned) *conll.Score {
	sc := conll.NewScore()
	for _, a := range data {
		sc.Add(a.Gold.Tags, a.Project(m.Recognize(a.Doc)))
	}
	return sc
}

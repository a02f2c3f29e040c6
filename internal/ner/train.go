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
	MinCount    int       // features seen fewer times in the data are left out
	DropWord    float64   // chance of hiding a token's word-identity features in a pass
	OPenalty    float64   // subtracted from the O score of every token, favouring recall
	Margin      float64   // cost of a wrong label in training decoding (cost-augmented perceptron)
	RecallCost  float64   // extra cost of labelling an entity token O in training decoding
	Ensemble    int       // independent runs (different sentence orders) whose weights are averaged
	CRF         bool      // train a linear-chain CRF by SGD instead of the perceptron
	L2          float64   // CRF: L2 penalty per instance
	Rate        float64   // CRF: initial learning rate
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

// jackknifeFolds is how many parts the training documents are cut into to
// get first-pass labels for the second pass from models that did not see
// them, so the second pass learns how far to trust the first.
const jackknifeFolds = 4

// Train trains a model on aligned documents and returns the model file.
// The result depends only on the data and the options.
func Train(docs []*Aligned, opt TrainOptions) ([]byte, error) {
	if len(docs) == 0 {
		return nil, errors.New("ner: no training data")
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if len(opt.Name) > 255 {
		return nil, errors.New("ner: model name too long")
	}
	first := make([][]uint8, len(docs))
	if len(docs) >= jackknifeFolds {
		sub := opt
		sub.Log = nil
		for k := range jackknifeFolds {
			var part []*Aligned
			for i, d := range docs {
				if i%jackknifeFolds != k {
					part = append(part, d)
				}
			}
			b, err := train(part, nil, sub)
			if err != nil {
				return nil, err
			}
			l, _ := parseLayout(b)
			for i, d := range docs {
				if i%jackknifeFolds == k {
					first[i] = firstPass(&l, d.Doc.Tokens)
				}
			}
			if opt.Log != nil {
				fmt.Fprintf(opt.Log, "train: first-pass fold %d done\n", k+1)
			}
		}
	} else {
		first = nil
	}
	return train(docs, first, opt)
}

// train trains on docs. With first-pass labels it also trains on a second
// copy of each document that carries document-level features.
func train(docs []*Aligned, first [][]uint8, opt TrainOptions) ([]byte, error) {
	const L = numLabels
	tr := &trainer{ids: map[uint64]int32{}}
	var insts []*instance
	var feats []uint64
	count := map[uint64]int32{}
	add := func(a *Aligned, in []info, counting bool) {
		segments(a.Doc.Tokens, func(s, e int) {
			seg := in[s:e]
			n := e - s
			if counting {
				for i := range seg {
					feats, _ = features(seg, i, feats[:0])
					if seg[i].docSet {
						feats = docFeatures(seg, i, feats)
					}
					for _, h := range feats {
						count[h]++
					}
				}
				return
			}
			x := &instance{labels: slices.Clone(a.Labels[s:e]), punct: make([]bool, n), edges: make([]int32, n*(L+1)*numEdge)}
			if isInside(x.labels[0]) {
				x.labels[0]--
			}
			for i := range seg {
				x.punct[i] = seg[i].kind == token.Punct
				var eh [numEdge]uint64
				feats, eh = features(seg, i, feats[:0])
				if seg[i].docSet {
					feats = docFeatures(seg, i, feats)
				}
				for _, h := range feats {
					if opt.MinCount > 1 && int(count[h]) < opt.MinCount {
						continue
					}
					x.feats = append(x.feats, tr.id(h))
				}
				x.fend = append(x.fend, int32(len(x.feats)))
				for p := 0; p <= L; p++ {
					for k, h := range eh {
						j := (i*(L+1)+p)*numEdge + k
						x.edges[j] = -1
						if i == 0 && p == L || i > 0 && p < L {
							x.edges[j] = tr.id(edgeHash(h, uint8(p)))
						}
					}
				}
			}
			for range max(1, a.Repeat) {
				insts = append(insts, x)
			}
		})
	}
	// Word counts, over all documents and per jackknife fold: a document's
	// words count as known when the other folds hold them vocabMin times,
	// as a new text's words are judged against the whole training data.
	total := map[string]int32{}
	folds := make([]map[string]int32, jackknifeFolds)
	for k := range folds {
		folds[k] = map[string]int32{}
	}
	for k, a := range docs {
		for i := range a.Doc.Tokens {
			t := &a.Doc.Tokens[i]
			if t.Kind == token.Word || t.Kind == token.Latin {
				total[t.Bare()]++
				folds[k%jackknifeFolds][t.Bare()]++
			}
		}
	}
	passes := []bool{false}
	if opt.MinCount > 1 {
		passes = []bool{true, false}
	}
	for _, counting := range passes {
		for k, a := range docs {
			fold := folds[k%jackknifeFolds]
			in := prepare(a.Doc.Tokens, nil, func(b string, _ uint64) bool { return total[b]-fold[b] >= vocabMin })
			add(a, in, counting)
			if first != nil {
				setDocFeatures(in, first[k])
				add(a, in, counting)
			}
		}
	}
	nf := len(tr.hashes)
	if opt.Log != nil {
		fmt.Fprintf(opt.Log, "train: %d segments, %d features\n", len(insts), nf)
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x7468616c696c))
	order := make([]int, len(insts))
	for i := range order {
		order[i] = i
	}
	var dc decoder
	nlex := numLexical()
	var drop []bool
	runs := max(opt.Ensemble, 1)
	avg := make([]float64, nf*L)
	avgT := make([]float64, (L+1)*L)
	if opt.CRF {
		for range runs {
			w, t := fitCRF(insts, nf, opt, rng, order)
			for i := range avg {
				avg[i] += w[i] / float64(runs)
			}
			for i := range avgT {
				avgT[i] += t[i] / float64(runs)
			}
		}
		runs = 0
	}
	for range runs {
		tr.w = make([]float64, nf*L)
		tr.u = make([]float64, nf*L)
		tr.tw = make([]float64, (L+1)*L)
		tr.tu = make([]float64, (L+1)*L)
		tr.c = 0
		for ep := 0; ep < opt.Epochs; ep++ {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			errs := 0
			for _, k := range order {
				x := insts[k]
				drop = drop[:0]
				for range x.labels {
					drop = append(drop, opt.DropWord > 0 && rng.Float64() < opt.DropWord)
				}
				pred := tr.decode(&dc, x, drop, nlex, opt)
				tr.c++
				for i, y := range x.labels {
					z := pred[i]
					if y != z {
						errs++
						start := int32(0)
						if i > 0 {
							start = x.fend[i-1]
						}
						if drop[i] {
							start += int32(nlex)
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
						for k := range numEdge {
							tr.update(int(x.edges[(i*(L+1)+int(yp))*numEdge+k])*L+int(y), 1)
							tr.update(int(x.edges[(i*(L+1)+int(zp))*numEdge+k])*L+int(z), -1)
						}
					}
				}
			}
			if opt.Log != nil {
				fmt.Fprintf(opt.Log, "train: epoch %d: %d token errors\n", ep+1, errs)
			}
		}
		// The run's averaged weights, averaged again over the runs.
		for i := range avg {
			avg[i] += (tr.w[i] - tr.u[i]/tr.c) / float64(runs)
		}
		for i := range avgT {
			avgT[i] += (tr.tw[i] - tr.tu[i]/tr.c) / float64(runs)
		}
	}
	var vocab []string
	for w, n := range total {
		if n >= vocabMin {
			vocab = append(vocab, w)
		}
	}
	slices.Sort(vocab)
	return tr.export(opt, avg, avgT, vocab)
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
func (tr *trainer) decode(dc *decoder, x *instance, drop []bool, nlex int, opt TrainOptions) []uint8 {
	const L = numLabels
	n := len(x.labels)
	dc.growScores(n)
	start := int32(0)
	for i := 0; i < n; i++ {
		var s [L]float64
		if drop[i] {
			start += int32(nlex)
		}
		for _, f := range x.feats[start:x.fend[i]] {
			w := tr.w[int(f)*L : int(f)*L+L]
			for j := range s {
				s[j] += w[j]
			}
		}
		start = x.fend[i]
		for j := range s {
			if y := x.labels[i]; uint8(j) != y {
				s[j] += opt.Margin
				if j == 0 {
					s[j] += opt.RecallCost
				}
			}
			dc.emit[i*L+j] = float32(s[j])
		}
		pr := dc.pair[i*(L+1)*L : (i+1)*(L+1)*L]
		for p := 0; p <= L; p++ {
			for c := range L {
				v := tr.tw[p*L+c]
				for k := range numEdge {
					if e := x.edges[(i*(L+1)+p)*numEdge+k]; e >= 0 {
						v += tr.w[int(e)*L+c]
					}
				}
				pr[p*L+c] = float32(v)
			}
		}
	}
	return dc.viterbi(n, dc.emit, dc.pair, nil, x.punct)
}

// export averages the weights, prunes the least important features and
// writes the model file.
func (tr *trainer) export(opt TrainOptions, avg, avgT []float64, vocab []string) ([]byte, error) {
	const L = numLabels
	nf := len(tr.hashes)
	imp := make([]float64, nf)
	for i := range avg {
		imp[i/L] = math.Max(imp[i/L], math.Abs(avg[i]))
	}
	if id, ok := tr.ids[mix(hstart(fBias))]; ok && opt.OPenalty != 0 {
		// Scale the penalty to the weights, which grow with the data.
		avg[int(id)*L] -= opt.OPenalty * meanAbs(avgT)
		imp[id] = math.Inf(1)
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
	for 1<<logS < 2*(len(keep)+len(vocab)) {
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
	// Known words: keys with no weights.
	for _, w := range vocab {
		h := vocabHash(w)
		fp := fingerprint(h)
		for i := h & mask; ; i = (i + 1) & mask {
			if fps[i] == 0 || fps[i] == fp {
				fps[i] = fp
				break
			}
		}
	}
	var b bytes.Buffer
	b.WriteString(magic)
	b.Write([]byte{formatVer, L, byte(logS), byte(len(opt.Name))})
	b.WriteString(opt.Name)
	for i := range avgT {
		var x [4]byte
		binary.LittleEndian.PutUint32(x[:], math.Float32bits(float32(avgT[i])))
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

// meanAbs returns the mean absolute value of x: with the transition
// weights, a yardstick for how large scores are.
func meanAbs(x []float64) float64 {
	var sum float64
	for _, v := range x {
		sum += math.Abs(v)
	}
	return sum / float64(len(x))
}

// fitCRF trains a linear-chain CRF on the instances by stochastic gradient
// ascent on the L2-penalized log-likelihood, with the same features,
// constraints and score layout as the perceptron, and returns the token
// feature weights (nf × L) and transitions ((L+1) × L).
func fitCRF(insts []*instance, nf int, opt TrainOptions, rng *rand.Rand, order []int) ([]float64, []float64) {
	const L = numLabels
	w := make([]float64, nf*L)
	tw := make([]float64, (L+1)*L)
	scale := 1.0
	rate := opt.Rate
	if rate == 0 {
		rate = 0.1
	}
	lambda := opt.L2
	var emit, pair, alpha, beta []float64
	t := 0.0
	n0 := float64(len(insts))
	for ep := 0; ep < opt.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		ll := 0.0
		for _, k := range order {
			x := insts[k]
			n := len(x.labels)
			eta := rate / (1 + t/n0)
			t++
			if cap(emit) < n*L {
				emit = make([]float64, n*L)
				pair = make([]float64, n*(L+1)*L)
				alpha = make([]float64, n*L)
				beta = make([]float64, n*L)
			}
			emit, pair, alpha, beta = emit[:n*L], pair[:n*(L+1)*L], alpha[:n*L], beta[:n*L]
			// Scores.
			start := int32(0)
			for i := 0; i < n; i++ {
				var s [L]float64
				for _, f := range x.feats[start:x.fend[i]] {
					ws := w[int(f)*L : int(f)*L+L]
					for c := range s {
						s[c] += ws[c]
					}
				}
				start = x.fend[i]
				for c := range L {
					emit[i*L+c] = s[c] * scale
					if x.punct[i] && c%2 == 1 {
						emit[i*L+c] = math.Inf(-1)
					}
				}
				for p := 0; p <= L; p++ {
					for c := range L {
						v := tw[p*L+c]
						for e := range numEdge {
							if id := x.edges[(i*(L+1)+p)*numEdge+e]; id >= 0 {
								v += w[int(id)*L+c] * scale
							}
						}
						if !allowed(uint8(p), uint8(c)) || i == 0 && p != L || i > 0 && p == L {
							v = math.Inf(-1)
						}
						pair[(i*(L+1)+p)*L+c] = v
					}
				}
			}
			// Forward and backward, in logs.
			var tmp [L + 1]float64
			for i := 0; i < n; i++ {
				for c := range L {
					if i == 0 {
						alpha[c] = pair[L*L+c] + emit[c]
						continue
					}
					for p := range L {
						tmp[p] = alpha[(i-1)*L+p] + pair[(i*(L+1)+p)*L+c]
					}
					alpha[i*L+c] = logSumExp(tmp[:L]) + emit[i*L+c]
				}
			}
			for c := range L {
				beta[(n-1)*L+c] = 0
			}
			for i := n - 2; i >= 0; i-- {
				for p := range L {
					for c := range L {
						tmp[c] = pair[((i+1)*(L+1)+p)*L+c] + emit[(i+1)*L+c] + beta[(i+1)*L+c]
					}
					beta[i*L+p] = logSumExp(tmp[:L])
				}
			}
			logZ := logSumExp(alpha[(n-1)*L : n*L])
			// Gold score, for the log-likelihood report.
			gold := 0.0
			// Penalty: shrink every weight (lazily, through scale).
			scale *= 1 - eta*lambda
			if scale < 1e-9 {
				for i := range w {
					w[i] *= scale
				}
				scale = 1
			}
			step := eta / scale
			start = 0
			for i := 0; i < n; i++ {
				y := int(x.labels[i])
				gold += emit[i*L+y]
				var g [L]float64
				for c := range L {
					m := math.Exp(alpha[i*L+c] + beta[i*L+c] - logZ)
					g[c] = -m
				}
				g[y]++
				for _, f := range x.feats[start:x.fend[i]] {
					ws := w[int(f)*L : int(f)*L+L]
					for c := range L {
						ws[c] += step * g[c]
					}
				}
				start = x.fend[i]
				// Transitions and edge features.
				yp := L
				if i > 0 {
					yp = int(x.labels[i-1])
				}
				gold += pair[(i*(L+1)+yp)*L+y]
				for p := 0; p <= L; p++ {
					if i == 0 && p != L || i > 0 && p == L {
						continue
					}
					var gp [L]float64
					any := false
					for c := range L {
						a := 0.0
						if i > 0 {
							a = alpha[(i-1)*L+p]
						}
						v := a + pair[(i*(L+1)+p)*L+c] + emit[i*L+c] + beta[i*L+c] - logZ
						if v > -700 {
							gp[c] = -math.Exp(v)
							any = true
						}
					}
					if p == yp {
						gp[y]++
						any = true
					}
					if !any {
						continue
					}
					for c := range L {
						tw[p*L+c] += eta * gp[c]
					}
					for e := range numEdge {
						if id := x.edges[(i*(L+1)+p)*numEdge+e]; id >= 0 {
							ws := w[int(id)*L : int(id)*L+L]
							for c := range L {
								ws[c] += step * gp[c]
							}
						}
					}
				}
			}
			ll += gold - logZ
		}
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "train: CRF epoch %d: log-likelihood %.1f\n", ep+1, ll)
		}
	}
	for i := range w {
		w[i] *= scale
	}
	return w, tw
}

func logSumExp(x []float64) float64 {
	m := math.Inf(-1)
	for _, v := range x {
		m = math.Max(m, v)
	}
	if math.IsInf(m, -1) {
		return m
	}
	s := 0.0
	for _, v := range x {
		s += math.Exp(v - m)
	}
	return m + math.Log(s)
}

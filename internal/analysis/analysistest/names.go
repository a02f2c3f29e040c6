// Package analysistest provides a name recognizer with a fixed list of
// names, so tests of the analysis output (its spans, keys, groups and
// views) do not change each time the entity model is retrained.
package analysistest

import (
	"strings"

	"tahlil/internal/ner"
	"tahlil/internal/token"
)

// Names recognizes the names it lists, written in the search normalization
// (الامم المتحده), wherever they occur: the first word is matched without
// its proclitics, the others as they are. Longer names win.
type Names map[string]string // name → type

// Recognize implements analysis.Recognizer.
func (n Names) Recognize(d *token.Doc) []ner.Mention {
	var out []ner.Mention
	toks := d.Tokens
	for i := 0; i < len(toks); i++ {
		best, typ := 0, ""
		for name, t := range n {
			words := strings.Fields(name)
			if i+len(words) > len(toks) || toks[i].Stem != words[0] || len(words) <= best {
				continue
			}
			ok := true
			for k := 1; k < len(words); k++ {
				if toks[i+k].Norm != words[k] {
					ok = false
					break
				}
			}
			if ok {
				best, typ = len(words), t
			}
		}
		if best > 0 {
			out = append(out, ner.Mention{Type: typ, Start: i, End: i + best})
			i += best - 1
		}
	}
	return out
}

package token

import "testing"

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want []string // Norm
		ent  []string // input[EntStart:End]
	}{
		{"ونتنياهو قال", []string{"ونتنياهو", "قال"}, []string{"نتنياهو", "قال"}},
		{"بالرياض", []string{"بالرياض"}, []string{"الرياض"}},
		{"للأمم المتحدة", []string{"للامم", "المتحده"}, []string{"أمم", "المتحدة"}},
		{"بـ\"دعم\"", []string{"ب", "\"", "دعم", "\""}, []string{"", "\"", "دعم", "\""}},
		{"بلغ ٢٫٥ مليون", []string{"بلغ", "2٫5", "مليون"}, []string{"بلغ", "٢٫٥", "مليون"}},
		{"مُحَمَّد", []string{"محمد"}, []string{"مُحَمَّد"}},
	}
	for _, tt := range tests {
		d := Tokenize(tt.in)
		rs := []rune(tt.in)
		if len(d.Tokens) != len(tt.want) {
			t.Errorf("Tokenize(%q) gave %d tokens; want %d", tt.in, len(d.Tokens), len(tt.want))
			continue
		}
		for i, tok := range d.Tokens {
			if tok.Norm != tt.want[i] {
				t.Errorf("Tokenize(%q)[%d].Norm = %q; want %q", tt.in, i, tok.Norm, tt.want[i])
			}
			if got := string(rs[tok.EntStart:tok.End]); got != tt.ent[i] {
				t.Errorf("Tokenize(%q)[%d] entity text = %q; want %q", tt.in, i, got, tt.ent[i])
			}
		}
	}
}

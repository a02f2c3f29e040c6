package ner

import (
	"testing"

	"tahlil/internal/token"
)

func TestNameLists(t *testing.T) {
	for _, c := range []struct {
		text string
		list uint8 // of the last token
		pat  uint8
	}{
		{"محمد", listFirstName, 0},
		{"كوندوليزا", listFirstName, 0},
		{"القاهرة", listPlace, 0},
		{"وبغداد", listPlace, 0},
		{"الناتو", listOrg, 0},
		{"رويترز", listOrg, 0},
		{"ساركوزي", listSurname, 0},
		{"عبدالرحمن", listFirstName, 1},
		{"عبدالغفار", 0, 1},
		{"أبومازن", listSurname, 2},
		{"الآن", 0, 0}, // not the name Alan: normalized it is الان
		{"كتاب", 0, 0},
		{"الأهلي", listOrg, 0},
		{"سامسونغ", listOrg, 0},
		{"بالدولار", listMisc, 0},
		{"الإسلام", listMisc, 0},
		{"القامشلي", listPlace, 0},
		{"تياغو", listFirstName, 0},
		{"جيل", 0, 0},  // generation, not the name Gil
		{"يمنى", 0, 0}, // normalized it is يمني, Yemeni
	} {
		d := token.Tokenize(c.text)
		in := prepare(d.Tokens, nil, func(string, uint64) bool { return true })
		got := in[len(in)-1]
		if got.list != c.list || got.pat != c.pat {
			t.Errorf("%s: list %b pattern %d; want %b, %d", c.text, got.list, got.pat, c.list, c.pat)
		}
	}
}

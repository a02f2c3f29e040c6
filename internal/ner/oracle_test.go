package ner

import (
	"path/filepath"
	"testing"

	"tahlil/internal/conll"
	"tahlil/internal/testenv"
)

func TestAlignOracle(t *testing.T) {
	p := testenv.Shared(t, "data/anercorp")
	for _, f := range []string{"ANERCorp_CamelLab_train.approx.txt", "ANERCorp_CamelLab_test.approx.txt"} {
		s, err := conll.ReadFile(filepath.Join(p, f), conll.ANERcorp)
		if err != nil {
			t.Fatal(err)
		}
		sc := conll.NewScore()
		for _, x := range s {
			a := Align(x)
			var ms []Mention
			ms = appendMentions(ms, a.Labels, a.Doc.Tokens, 0)
			sc.Add(x.Tags, a.Project(ms))
		}
		sc.Write(testWriter{t})
	}
}

type testWriter struct{ t *testing.T }

func (w testWriter) Write(b []byte) (int, error) { w.t.Log(string(b)); return len(b), nil }

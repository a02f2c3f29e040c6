package ner

import (
	"os"
	"testing"

	"tahlil/internal/conll"
)

func TestTmpTrainScore(t *testing.T) {
	if os.Getenv("NER_TMP") == "" {
		t.Skip()
	}
	s, _ := conll.ReadFile("/work/shared/data/anercorp/ANERCorp_CamelLab_train.approx.txt", conll.ANERcorp)
	var al []*Aligned
	for _, x := range s[:1000] {
		al = append(al, Align(x))
	}
	Evaluate(Default(), al).Write(os.Stdout)
}

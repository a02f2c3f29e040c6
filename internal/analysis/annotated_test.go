package analysis

import (
	"path/filepath"
	"strings"
	"testing"

	"tahlil/internal/annotated"
	"tahlil/internal/conll"
)

// annotatedSets are the hand-annotated sets and the lowest micro F1 each may
// score. The dev set is the one the rules were read against, and the model
// learns from it too, so its floor only guards against a model or rule that
// forgets what it was taught; the test set is neither read nor trained on.
var annotatedSets = []struct {
	name  string
	floor float64
}{{"dev", 93}, {"test", 76}}

// TestAnnotatedNews scores the whole analysis on the project's hand-annotated
// news articles (testdata/annotated, see its README) and fails if a set falls
// below its floor. Run with -v for the table.
func TestAnnotatedNews(t *testing.T) {
	for _, c := range annotatedSets {
		set, floor := c.name, c.floor
		files, err := annotated.ReadDir(filepath.Join("testdata", "annotated", set))
		if err != nil {
			t.Fatal(err)
		}
		s := conll.NewScore()
		for _, a := range files {
			res, err := Analyze(a.Text, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var pred []conll.Span
			for _, e := range res.Entities {
				switch e.Type {
				case PER, LOC, ORG, MISC:
					pred = append(pred, conll.Span{Type: e.Type, Start: e.Start, End: e.End})
				}
			}
			s.AddSpans(a.Names, pred)
		}
		var b strings.Builder
		s.Write(&b)
		t.Logf("%s set, %d articles:\n%s", set, len(files), b.String())
		if f1 := s.Micro().F1(); f1 < floor {
			t.Errorf("%s set: micro F1 %.2f, below its floor of %.0f", set, f1, floor)
		}
	}
}

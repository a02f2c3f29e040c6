package numdate

import (
	"flag"
	"os"
	"strings"
	"testing"

	"tahlil/internal/testenv"
)

var showErrors = flag.String("wojood.errors", "", "print the rules' misses and false alarms on this Wojood split (train or val)")

// Floors near the measured test-split figures (see the README), so a change
// that makes the rules worse fails.
var wojoodFloors = map[string]float64{
	"DATE strict":  43,
	"DATE overlap": 90,
	"NUM strict":   68,
	"NUM overlap":  72,
}

func TestWojood(t *testing.T) {
	for _, split := range []string{"train", "val", "test"} {
		path := testenv.Shared(t, "data/wojood-sample/"+split+".txt")
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		var show func(words []string, gold, pred []wojoodEntity)
		if *showErrors == split {
			show = func(words []string, gold, pred []wojoodEntity) { printErrors(t, words, gold, pred) }
		}
		s, err := scoreWojood(f, show)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		s.Write(&b)
		t.Logf("Wojood %s (%d sentences):\n%s", split, s.Sentences, b.String())
		if split != "test" {
			continue
		}
		for name, floor := range wojoodFloors {
			typ, kind, _ := strings.Cut(name, " ")
			c := s.Strict[typ]
			if kind == "overlap" {
				c = s.Overlap[typ]
			}
			if c.F1() < floor {
				t.Errorf("Wojood test %s F1 = %.1f; want >= %.1f", name, c.F1(), floor)
			}
		}
	}
}

func printErrors(t *testing.T, words []string, gold, pred []wojoodEntity) {
	key := func(e wojoodEntity) string { return WojoodTypes[e.tag] + "|" + strings.Join(words[e.start:e.end], " ") }
	g, p := map[string]bool{}, map[string]bool{}
	for _, e := range gold {
		g[key(e)] = true
	}
	for _, e := range pred {
		e.tag = map[string]string{DATE: "DATE", NUM: "CARDINAL"}[e.tag]
		p[key(e)] = true
	}
	var miss, fa []string
	for k := range g {
		if !p[k] {
			miss = append(miss, k)
		}
	}
	for k := range p {
		if !g[k] {
			fa = append(fa, k)
		}
	}
	if len(miss)+len(fa) > 0 {
		t.Logf("%s\n  missed: %q\n  extra:  %q", strings.Join(words, " "), miss, fa)
	}
}

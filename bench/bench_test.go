package bench

import (
	"math"
	"strings"
	"testing"
)

const goTestOutput = `goos: linux
goarch: amd64
pkg: tahlil/bench
cpu: AMD EPYC
BenchmarkNormalizeSearch/sample         	     549	    411161 ns/op	  12.05 MB/s	  514184 B/op	    8185 allocs/op
BenchmarkNormalizeSearch/sample_normalized-2         	     549	    419841 ns/op	  11.75 MB/s	  514136 B/op	    8179 allocs/op
BenchmarkAnalyze/1MB                               	      26	   8487266 ns/op	 123.84 MB/s	    111512 tokens/op	  13137734 tokens/s	     160 B/op	       2 allocs/op
BenchmarkAnalyze/1MB                               	      27	   8000000 ns/op	 123.84 MB/s	    111512 tokens/op	  14000000 tokens/s	     160 B/op	       2 allocs/op
BenchmarkBroken
--- FAIL: BenchmarkBroken
PASS
ok  	tahlil/bench	2.054s
`

func TestParseGoBench(t *testing.T) {
	res, err := ParseGoBench(strings.NewReader(goTestOutput))
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 4 {
		t.Fatalf("ParseGoBench found %d results; want 4: %+v", len(res), res)
	}
	r := res[1]
	if r.Name != "BenchmarkNormalizeSearch/sample_normalized" || r.Procs != 2 || r.N != 549 || r.Pkg != "tahlil/bench" {
		t.Errorf("result 1 = %+v; want name without -2, procs 2, N 549, pkg tahlil/bench", r)
	}
	if got := res[2].Metrics["tokens/s"]; got != 13137734 {
		t.Errorf("custom metric tokens/s = %v; want 13137734", got)
	}
	if got := Samples(res, "BenchmarkAnalyze/1MB", "ns/op", 1); len(got) != 1 || got[0] != 8e6 {
		t.Errorf("Samples skipping the warm-up = %v; want [8e6]", got)
	}
	if got := Samples(res, "BenchmarkAnalyze/1MB", "no such unit", 0); got != nil {
		t.Errorf("Samples of a missing unit = %v; want none", got)
	}
}

func TestParseGoBenchRejectsDamagedLines(t *testing.T) {
	for _, in := range []string{
		"BenchmarkX 10 5 ns/op 3\n",
		"BenchmarkX 10 five ns/op\n",
	} {
		if _, err := ParseGoBench(strings.NewReader(in)); err == nil {
			t.Errorf("ParseGoBench(%q) succeeded; want an error", in)
		}
	}
}

func TestSummarize(t *testing.T) {
	tests := []struct {
		in   []float64
		want Summary
	}{
		{[]float64{3, 1, 2}, Summary{2, 1, 3, 3}},
		{[]float64{4, 1, 2, 3}, Summary{2.5, 1, 4, 4}},
		{[]float64{7}, Summary{7, 7, 7, 1}},
	}
	for _, tt := range tests {
		got, err := Summarize(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Summarize(%v) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}
	if _, err := Summarize(nil); err == nil {
		t.Error("Summarize(nil) succeeded; want an error")
	}
	if got := Ratios([]float64{4, 9, 1}, []float64{2, 3, 0}); len(got) != 2 || got[0] != 2 || got[1] != 3 {
		t.Errorf("Ratios = %v; want [2 3]", got)
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{523412.4, "523,412"},
		{-1234567, "-1,234,567"},
		{150, "150"},
		{87.34, "87.3"},
		{4.214, "4.21"},
		{0.03124, "0.0312"},
		{math.NaN(), "NaN"},
	}
	for _, tt := range tests {
		if got := FormatNumber(tt.in); got != tt.want {
			t.Errorf("FormatNumber(%v) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestTableMarksMissesAndFailures(t *testing.T) {
	tb := &Table{Machine: "m", Software: "s", Date: "d", Commit: "c", Runs: "r"}
	key := tb.Command("native", "go test ./bench -bench .")
	tb.Command("native", "ignored: registered once")
	tb.Add(Row{Group: "native", Figure: "fast", Unit: "MB/s", Sum: Summary{200, 190, 210, 5}, Target: &Target{AtLeast: true, Value: 150}, Cmd: key})
	tb.Add(Row{Group: "native", Figure: "slow", Unit: "MB/s", Sum: Summary{100, 90, 110, 5}, Target: &Target{AtLeast: true, Value: 150}, Cmd: key})
	tb.Add(Row{Group: "wasm", Figure: "small | big", Unit: "ms", Sum: Summary{6, 5, 7, 5}, Target: &Target{Value: 5}})
	tb.Add(Row{Group: "wasm", Figure: "broken", Unit: "ms", Err: "page has no tahlil.show"})
	tb.Add(Row{Group: "size", Figure: "info", Unit: "kB", Sum: Summary{1, 1, 1, 1}})

	md := tb.Markdown()
	for _, want := range []string{
		"| native | fast | 200 | 190 | 210 | MB/s | ≥ 150 | ✅ | **native** |",
		"| native | slow | 100 | 90.0 | 110 | MB/s | ≥ 150 | ❌ misses | **native** |",
		`| wasm | small \| big | 6.00 | 5.00 | 7.00 | ms | ≤ 5.00 | ❌ misses |  |`,
		"| wasm | broken | — | — | — | ms |  | ❌ not measured: page has no tahlil.show |  |",
		"| size | info | 1.00 | 1.00 | 1.00 | kB |  |  |  |",
		"- **native**: `go test ./bench -bench .`",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(md, "ignored") {
		t.Error("a command key registered twice was listed twice")
	}
	if got := len(tb.Missed()); got != 3 {
		t.Errorf("Missed() = %d rows; want 3 (slow, small | big, broken)", got)
	}
}

func TestReplaceSection(t *testing.T) {
	doc := "# T\n\n## Performance\n\n" + BeginMarker + "\nold\n" + EndMarker + "\n\n## Next\n"
	got, err := ReplaceSection(doc, "new table\n")
	if err != nil {
		t.Fatal(err)
	}
	want := "# T\n\n## Performance\n\n" + BeginMarker + "\nnew table\n" + EndMarker + "\n\n## Next\n"
	if got != want {
		t.Errorf("ReplaceSection = %q; want %q", got, want)
	}
	again, _ := ReplaceSection(got, "new table")
	if again != got {
		t.Error("ReplaceSection is not idempotent")
	}
	for _, bad := range []string{
		"no markers",
		EndMarker + BeginMarker,
		BeginMarker + BeginMarker + EndMarker,
	} {
		if _, err := ReplaceSection(bad, "x"); err == nil {
			t.Errorf("ReplaceSection(%q) succeeded; want an error", bad)
		}
	}
}

func TestRepeat(t *testing.T) {
	got := Repeat("  abc  ", 10)
	if got != "abc\n\nabc\n\nabc" {
		t.Errorf("Repeat = %q; want three copies joined by blank lines", got)
	}
	if Repeat(" ", 10) != "" {
		t.Error("Repeat of a blank article is not empty")
	}
	ts, err := Texts("مقال")
	if err != nil || len(ts) != 3 || len(ts[2].Text) < Size1MB || len(ts[1].Text) < Size100KB {
		t.Errorf("Texts gave %d texts, err %v; want sample, ≥100 KB and ≥1 MB", len(ts), err)
	}
	if _, err := Texts("\n"); err == nil {
		t.Error("Texts of an empty article succeeded; want an error")
	}
}

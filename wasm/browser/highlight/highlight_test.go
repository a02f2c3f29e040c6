package highlight

import (
	"fmt"
	"html"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"tahlil/internal/analysis"
	"tahlil/internal/normalize"
)

var tagRE = regexp.MustCompile(`<[^>]*>`)

// textOf strips the tags of View's output and decodes the references, as
// the browser's textContent would.
func textOf(sections []string) string {
	return html.UnescapeString(tagRE.ReplaceAllString(strings.Join(sections, ""), ""))
}

var markRE = regexp.MustCompile(`<mark tabindex="0" data-i="(\d+)" data-type="([^"]*)" data-group="(\d+)" data-label="[^"]*">([^<]*)</mark>`)

func ent(typ string, start, end, group int) analysis.Entity {
	return analysis.Entity{Type: typ, Start: start, End: end, Group: group}
}

func TestView(t *testing.T) {
	tests := []struct {
		name string
		text string
		ents []analysis.Entity
		want string
	}{
		{"plain", "نص", nil, `<div class="sec">نص</div>`},
		{"empty", "", nil, `<div class="sec"></div>`},
		{"one mark", "زار بلينكن غزة", []analysis.Entity{ent("PER", 4, 10, 0), ent("LOC", 11, 14, 1)},
			`<div class="sec">زار <mark tabindex="0" data-i="0" data-type="PER" data-group="0" data-label="شخص">بلينكن</mark> <mark tabindex="0" data-i="1" data-type="LOC" data-group="1" data-label="مكان">غزة</mark></div>`},
		{"escaped", `<b a="1">&'` + "\r\x00", nil, `<div class="sec">&lt;b a=&#34;1&#34;&gt;&amp;&#39;&#13;` + "\uFFFD" + `</div>`},
		{"mark at end", "في غزة", []analysis.Entity{ent("LOC", 3, 6, 0)},
			`<div class="sec">في <mark tabindex="0" data-i="0" data-type="LOC" data-group="0" data-label="مكان">غزة</mark></div>`},
		{"hostile type", "ab", []analysis.Entity{{Type: `"><script>`, Start: 0, End: 1}},
			`<div class="sec"><mark tabindex="0" data-i="0" data-type="&#34;&gt;&lt;script&gt;" data-group="0" data-label="&#34;&gt;&lt;script&gt;">a</mark>b</div>`},
		{"overlap skipped", "abcd", []analysis.Entity{ent("PER", 0, 2, 0), ent("LOC", 1, 3, 1), ent("ORG", 3, 4, 2)},
			`<div class="sec"><mark tabindex="0" data-i="0" data-type="PER" data-group="0" data-label="شخص">ab</mark>c<mark tabindex="0" data-i="2" data-type="ORG" data-group="2" data-label="منظمة">d</mark></div>`},
		{"out of range skipped", "ab", []analysis.Entity{ent("PER", 5, 9, 0), ent("PER", 1, 1, 0)}, `<div class="sec">ab</div>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(View(tt.text, tt.ents), "")
			if got != tt.want {
				t.Errorf("View(%q) =\n%s\nwant\n%s", tt.text, got, tt.want)
			}
		})
	}
}

func TestViewSections(t *testing.T) {
	line := strings.Repeat("ب", 1000) + "\n"
	text := strings.Repeat(line, 40)
	// An entity across the line break where a cut would fall keeps its section whole.
	cut := 9 * 1001
	ents := []analysis.Entity{ent("PER", cut-3, cut+3, 0)}
	secs := View(text, ents)
	if len(secs) < 3 {
		t.Fatalf("View of %d runes gave %d sections; want several", utf8.RuneCountInString(text), len(secs))
	}
	for i, s := range secs {
		if !strings.HasPrefix(s, `<div class="sec">`) || !strings.HasSuffix(s, `</div>`) {
			t.Errorf("section %d is not one div: %.40q…", i, s)
		}
		if strings.Count(s, "<mark") != strings.Count(s, "</mark>") {
			t.Errorf("section %d splits a mark", i)
		}
	}
	if got := textOf(secs); got != text {
		t.Error("the sections do not add up to the text")
	}
}

func TestChanges(t *testing.T) {
	tests := []struct {
		in, wantHTML string
		wantN        int
	}{
		{"كتب", "كتب", 0},
		{"كَتَبَ", `<mark class="chg">كَتَبَ</mark>`, 3},
		{"إلى المدرسة", `<mark class="chg">إ</mark>ل<mark class="chg">ى</mark> المدرس<mark class="chg">ة</mark>`, 3},
		{"<ﻻ>", `&lt;<mark class="chg">ﻻ</mark>&gt;`, 1},
		{"a\u200fb", `a<mark class="chg">` + "\u200f" + `</mark>b`, 1},
	}
	for _, tt := range tests {
		m := normalize.Search.Map(tt.in)
		spans := make([][2]int, len(m.Spans))
		for i, s := range m.Spans {
			spans[i] = [2]int{s.Start, s.End}
		}
		got, n := Changes(tt.in, m.Text, spans, 0)
		if got != tt.wantHTML || n != tt.wantN {
			t.Errorf("Changes(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.wantHTML, tt.wantN)
		}
	}
}

func TestChangesLimit(t *testing.T) {
	in := "كَتَبَ كَتَبَ"
	m := normalize.Search.Map(in)
	spans := make([][2]int, len(m.Spans))
	for i, s := range m.Spans {
		spans[i] = [2]int{s.Start, s.End}
	}
	got, n := Changes(in, m.Text, spans, 3)
	if want := `<mark class="chg">كَت</mark>`; got != want || n != 6 {
		t.Errorf("Changes(%q, limit 3) = %q, %d; want %q, 6", in, got, n, want)
	}
}

func TestLegendPanelStatsEscape(t *testing.T) {
	counts := map[string]int{"PER": 2, "<x>": 1}
	lg := Legend(counts)
	for _, want := range []string{`data-type="PER"`, `data-type="ORG"`, `data-type="LOC"`, `data-type="&lt;x&gt;"`, "٢"} {
		if !strings.Contains(lg, want) {
			t.Errorf("Legend(%v) lacks %s: %s", counts, want, lg)
		}
	}
	if strings.Contains(lg, "<x>") {
		t.Errorf("Legend did not escape a type: %s", lg)
	}
	groups := []analysis.Group{
		{ID: 0, Type: "PER", Label: "بلينكن", Count: 1},
		{ID: 1, Type: "PER", Label: "<img src=x onerror=alert(1)>", Count: 5},
		{ID: 2, Type: "LOC", Label: "غزة", Count: 3},
	}
	p := Panel(groups)
	if strings.Contains(p, "<img") {
		t.Errorf("Panel did not escape a label: %s", p)
	}
	if i, j := strings.Index(p, `data-group="1"`), strings.Index(p, `data-group="0"`); i < 0 || j < 0 || i > j {
		t.Errorf("Panel does not list the most mentioned group first: %s", p)
	}
	if Panel(nil) == "" {
		t.Error("Panel(nil) is empty; want a note")
	}
	st := Stats(analysis.Stats{Words: 431, Sentences: 21, ReadingMinutes: 2.2}, map[string]int{"PER": 8})
	for _, want := range []string{"٤٣١", "٢١", "دقيقتان", `data-type="PER"`, "٨"} {
		if !strings.Contains(st, want) {
			t.Errorf("Stats lacks %q: %s", want, st)
		}
	}
}

func TestReadingTime(t *testing.T) {
	for _, tt := range []struct {
		min  float64
		want string
	}{{0.2, "أقل من دقيقة"}, {1, "دقيقة واحدة"}, {2.2, "دقيقتان"}, {4.6, "٥ دقائق"}, {12, "١٢ دقيقة"}} {
		if got := ReadingTime(tt.min); got != tt.want {
			t.Errorf("ReadingTime(%v) = %q; want %q", tt.min, got, tt.want)
		}
	}
}

// FuzzView checks, for analyses of any text, that the view holds exactly the
// text, that no tag comes from the text, and that each mark holds exactly
// its entity's text.
func FuzzView(f *testing.F) {
	for _, s := range []string{"", "زار بلينكن غزة يوم 5 مايو 2024.", "<img src=x onerror=alert(1)>", "</mark><script>", "a\r\nb\x00\u202e", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		res, err := analysis.Analyze(text, analysis.Options{})
		if err != nil {
			return
		}
		secs := View(text, res.Entities)
		want := strings.ReplaceAll(text, "\x00", "\uFFFD")
		if got := textOf(secs); got != want {
			t.Fatalf("View(%q) holds %q", text, got)
		}
		joined := strings.Join(secs, "")
		if n := strings.Count(joined, "<"); n != 2*len(secs)+2*len(res.Entities) {
			t.Fatalf("View(%q) has %d tags; want %d", text, n, 2*len(secs)+2*len(res.Entities))
		}
		for _, m := range markRE.FindAllStringSubmatch(joined, -1) {
			var i int
			fmt.Sscan(m[1], &i)
			if e := res.Entities[i]; html.UnescapeString(m[4]) != strings.ReplaceAll(e.Text, "\x00", "\uFFFD") || m[2] != e.Type {
				t.Fatalf("mark %d holds %q (%s); entity is %q (%s)", i, m[4], m[2], e.Text, e.Type)
			}
		}
	})
}

func ExampleView() {
	text := "زار بلينكن <غزة>"
	ents := []analysis.Entity{{Type: "PER", Start: 4, End: 10, Text: "بلينكن", Group: 0}}
	fmt.Println(View(text, ents)[0])
	// Output: <div class="sec">زار <mark tabindex="0" data-i="0" data-type="PER" data-group="0" data-label="شخص">بلينكن</mark> &lt;غزة&gt;</div>
}

func BenchmarkView(b *testing.B) {
	text := strings.Repeat("وصل وزير الخارجية الأمريكي أنتوني بلينكن إلى القدس يوم الأحد. ", 80)
	res, err := analysis.Analyze(text, analysis.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		View(text, res.Entities)
	}
}

// BenchmarkRegions measures everything the page draws for one analysis of
// the sample article besides the analysis itself.
func BenchmarkRegions(b *testing.B) {
	text, err := os.ReadFile("../sample.txt")
	if err != nil {
		b.Fatal(err)
	}
	res, err := analysis.Analyze(string(text), analysis.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		counts := Counts(res.Entities)
		_ = View(string(text), res.Entities)
		_ = Legend(counts)
		_ = Panel(res.Groups)
		_ = Stats(res.Stats, counts)
	}
}

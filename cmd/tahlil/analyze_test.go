package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"tahlil/internal/analysis"
	"tahlil/internal/analysis/analysistest"
)

var versionField = regexp.MustCompile(`"version":"[^"]*"`)

// TestAnalyzeGolden checks the three views of one article: JSON, the
// coloured terminal view and the plain one.
func TestAnalyzeGolden(t *testing.T) {
	// A fixed list of names stands in for the model, so retraining does not
	// change the golden files; the rules and the views are what they pin.
	defer func(r analysis.Recognizer) { recognizer = r }(recognizer)
	recognizer = analysistest.Names{
		"انتوني بلينكن": analysis.PER, "الولايات المتحده": analysis.LOC, "امم المتحده": analysis.ORG,
		"القاهره": analysis.LOC, "غزه": analysis.LOC, "اقتباس": analysis.MISC,
	}
	in := filepath.Join("testdata", "analyze", "article.txt")
	tests := []struct {
		name string
		args []string
	}{
		{"article.json", []string{"analyze", "--json", in}},
		{"article.color.txt", []string{"analyze", "--color=always", in}},
		{"article.plain.txt", []string{"analyze", "--color=never", in}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, "", tt.args...)
			if code != 0 || errOut != "" {
				t.Fatalf("tahlil %s: exit %d, stderr %q", strings.Join(tt.args, " "), code, errOut)
			}
			if strings.Contains(out, "\x1b[31m") {
				t.Error("the input's escape sequence reached the output")
			}
			// The version names the model, which retraining changes.
			out = versionField.ReplaceAllString(out, `"version":"VERSION"`)
			golden(t, filepath.Join("analyze", tt.name+".golden"), []byte(out))
		})
	}
}

func TestAnalyzeJSONShape(t *testing.T) {
	text := "قال بلينكن في غزة يوم 7 أكتوبر إن 27 ألفاً و700 قتلوا."
	out, _, code := runCLI(t, text, "analyze", "--json", "--normalize", "search")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var res analysis.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("output is not one JSON result: %v\n%s", err, out)
	}
	if res.Version != analysis.Version || res.Normalized == nil || res.Normalized.Preset != "search" || len(res.Entities) == 0 {
		t.Errorf("result = %+v", res)
	}
	if strings.Contains(out, `\u003c`) || !strings.HasSuffix(out, "}\n") {
		t.Errorf("output escapes HTML or lacks its newline: %q", out)
	}
}

func TestAnalyzeAutoColorOffForPipes(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	out, _, code := runCLI(t, "غزة في 7 أكتوبر", "analyze")
	if code != 0 || strings.Contains(out, "\x1b[") || !strings.Contains(out, "[DATE 7 أكتوبر]") {
		t.Errorf("exit %d, output %q; want the plain view", code, out)
	}
}

func TestAnalyzeErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("غزة \xff"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join("testdata", "analyze", "article.txt")
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		err   string
		lines int // JSON lines on stdout
	}{
		{"invalid utf8", "", []string{"analyze", bad}, 1, "not valid UTF-8", 0},
		{"missing file", "", []string{"analyze", filepath.Join(dir, "nope.txt")}, 1, "no such file", 0},
		{"bad flag", "", []string{"analyze", "--bogus"}, 2, "flag provided but not defined", 0},
		{"bad color", "", []string{"analyze", "--color=sometimes"}, 2, "--color", 0},
		{"bad preset", "غزة", []string{"analyze", "--normalize", "nope"}, 1, "unknown normalize preset", 0},
		{"not a model", "غزة", []string{"analyze", "--model", good}, 1, "not a model file", 0},
		{"missing model", "غزة", []string{"analyze", "--model", filepath.Join(dir, "nope.tner")}, 1, "no such file", 0},
		{"one bad of two", "", []string{"analyze", "--json", bad, good}, 1, "bad.txt", 1},
		{"two files", "", []string{"analyze", "--json", good, good}, 0, "", 2},
		{"empty stdin", "", []string{"analyze", "--json"}, 0, "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, tt.stdin, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.err) || (tt.err == "") != (errOut == "") {
				t.Errorf("tahlil %s: exit %d, stderr %q; want exit %d, stderr containing %q", strings.Join(tt.args, " "), code, errOut, tt.code, tt.err)
			}
			if n := strings.Count(out, "\n"); n != tt.lines && strings.Contains(strings.Join(tt.args, " "), "--json") {
				t.Errorf("%d JSON lines; want %d", n, tt.lines)
			}
		})
	}
}

func TestAnalyzeViewNeutralizesControls(t *testing.T) {
	in := "غزة \u202eأكتوبر\u202c \x1b]0;title\x07 \u2067القاهرة\u2069 7 أكتوبر"
	out, _, code := runCLI(t, in, "analyze", "--color=never")
	if code != 0 || strings.ContainsAny(out, "\u202e\u202c\u2067\u2069\x1b\x07") {
		t.Errorf("exit %d, view %q keeps control characters", code, out)
	}
}

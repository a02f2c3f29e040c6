package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// TestNormalizeGolden runs every preset, as text and as JSON, on a mixed
// sample: diacritics, ligatures, presentation forms, bidi controls,
// Arabic-Indic digits, Persian letters, NBSP, HTML and invalid UTF-8.
func TestNormalizeGolden(t *testing.T) {
	in := filepath.Join("testdata", "normalize", "mixed.txt")
	for _, preset := range []string{"search", "lucene", "display"} {
		for _, asJSON := range []bool{false, true} {
			args := []string{"normalize", "--preset", preset, in}
			name := "mixed." + preset + ".txt"
			if asJSON {
				args = append(args, "--json")
				name = "mixed." + preset + ".json"
			}
			t.Run(name, func(t *testing.T) {
				out, errOut, code := runCLI(t, "", args...)
				if code != 0 || errOut != "" {
					t.Fatalf("tahlil %s: exit %d, stderr %q", strings.Join(args, " "), code, errOut)
				}
				golden(t, filepath.Join("normalize", name+".golden"), []byte(out))
			})
		}
	}
}

func TestNormalizeJSON(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "normalize", "mixed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	out, _, code := runCLI(t, string(data), "normalize", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var got struct {
		Text  string   `json:"text"`
		Spans [][2]int `json:"spans"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if n := utf8.RuneCountInString(got.Text); n != len(got.Spans) {
		t.Errorf("%d spans for %d code points", len(got.Spans), n)
	}
	text, _, _ := runCLI(t, string(data), "normalize")
	if got.Text != text {
		t.Errorf("--json text = %q; without --json %q", got.Text, text)
	}
	if !strings.Contains(out, "<script>&</script>") {
		t.Errorf("--json escapes HTML characters: %s", out)
	}
}

func TestNormalizeCLI(t *testing.T) {
	cases := []struct {
		name     string
		stdin    string
		args     []string
		wantOut  string
		wantErr  string // substring of stderr
		wantCode int
	}{
		{"stdin", "أحمد\n", []string{"normalize"}, "احمد\n", "", 0},
		{"default is search", "ﻷ", []string{"normalize"}, "لا", "", 0},
		{"lucene", "ﻷ أ", []string{"normalize", "--preset", "lucene"}, "ﻷ ا", "", 0},
		{"compat option set", "الشّمسيّة", []string{"normalize", "--preset", "pyarabic-strip-shadda"}, "الشمسية", "", 0},
		{"empty", "", []string{"normalize"}, "", "", 0},
		{"empty json", "", []string{"normalize", "--json"}, `{"text":"","spans":[]}` + "\n", "", 0},
		{"json spans", "أَب", []string{"normalize", "--json"}, `{"text":"اب","spans":[[0,2],[2,3]]}` + "\n", "", 0},
		{"invalid utf-8", "a\xffb", []string{"normalize", "--json"}, `{"text":"a` + "\uFFFD" + `b","spans":[[0,1],[1,2],[2,3]]}` + "\n", "", 0},
		{"unknown preset", "x", []string{"normalize", "--preset", "nope"}, "", `unknown preset "nope"`, 2},
		{"bad flag", "x", []string{"normalize", "--nope"}, "", "flag provided but not defined", 2},
		{"missing file", "x", []string{"normalize", filepath.Join("testdata", "normalize", "missing.txt")}, "", "no such file", 1},
		{"help", "", []string{"normalize", "-h"}, "", "usage: tahlil normalize", 0},
		{"flags after files", "", []string{"normalize", filepath.Join("testdata", "normalize", "one.txt"), "--preset", "lucene", "--json"}, `{"text":"اه","spans":[[0,1],[1,2]]}` + "\n", "", 0},
		{"double dash", "", []string{"normalize", "--", "--json"}, "", "open --json", 1},
		{"list", "", []string{"normalize", "--list"}, "", "", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := runCLI(t, c.stdin, c.args...)
			if code != c.wantCode {
				t.Errorf("tahlil %q: exit %d; want %d (stderr %q)", c.args, code, c.wantCode, errOut)
			}
			if c.name != "list" && out != c.wantOut {
				t.Errorf("tahlil %q: stdout %q; want %q", c.args, out, c.wantOut)
			}
			if c.wantErr != "" && !strings.Contains(errOut, c.wantErr) {
				t.Errorf("tahlil %q: stderr %q; want it to contain %q", c.args, errOut, c.wantErr)
			}
			if c.wantErr == "" && errOut != "" && c.name != "help" {
				t.Errorf("tahlil %q: unexpected stderr %q", c.args, errOut)
			}
		})
	}
}

func TestNormalizeList(t *testing.T) {
	out, _, code := runCLI(t, "", "normalize", "--list")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"search ", "lucene ", "display ", "camel-dediac ", "pyarabic-strip-tashkeel "} {
		if !strings.Contains(out, want) {
			t.Errorf("--list output lacks %q:\n%s", want, out)
		}
	}
}

func TestNormalizeConcatenatesFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("أ"), 0o644)
	os.WriteFile(b, []byte("ة"), 0o644)
	out, _, code := runCLI(t, "ignored", "normalize", "--json", a, b)
	if want := `{"text":"اه","spans":[[0,1],[1,2]]}` + "\n"; code != 0 || out != want {
		t.Errorf("two files: exit %d, %q; want 0, %q", code, out, want)
	}
}

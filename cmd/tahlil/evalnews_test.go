package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalNews(t *testing.T) {
	dir := t.TempDir()
	article := "وقال وزير الخارجية الأمريكي [[PER أنتوني بلينكن]] في [[LOC القاهرة]] إن [[ORG زيد عمرو الأمريكية]] ستفتتح مكتباً."
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := runCLI(t, "", "eval", "--news", dir, "--errors")
	if code != 0 || errOut != "" {
		t.Fatalf("tahlil eval --news: exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"1 annotated articles", "a.txt\n", "missed   ORG  زيد عمرو الأمريكية", "micro       3"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "b.txt"), []byte("[[PER زيد"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runCLI(t, "", "eval", "--news", dir); code != 1 || !strings.Contains(errOut, "b.txt: line 1: mark is not closed") {
		t.Errorf("bad article: exit %d, stderr %q", code, errOut)
	}
	if _, errOut, code := runCLI(t, "", "eval", "--news", t.TempDir()); code != 1 || !strings.Contains(errOut, "no annotated articles") {
		t.Errorf("empty directory: exit %d, stderr %q", code, errOut)
	}
}

package main

import (
	"path/filepath"
	"strings"
	"testing"

	"tahlil/internal/testenv"
)

func TestEvalRules(t *testing.T) {
	data := filepath.Dir(testenv.Shared(t, "data/wojood-sample"))
	out, errOut, code := runCLI(t, "", "evalrules", "--data", data, "--split", "val")
	if code != 0 || errOut != "" || !strings.Contains(out, "DATE strict") || !strings.Contains(out, "NUM overlap") {
		t.Errorf("tahlil evalrules: exit %d, stderr %q, output:\n%s", code, errOut, out)
	}
	if _, errOut, code := runCLI(t, "", "evalrules", "--split", "dev"); code != 2 || errOut == "" {
		t.Errorf("bad split: exit %d, stderr %q", code, errOut)
	}
}

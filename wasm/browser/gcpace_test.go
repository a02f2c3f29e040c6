package main

import "testing"

func TestGCPercentFor(t *testing.T) {
	for _, tc := range []struct {
		name  string
		bytes int
		want  int
	}{
		{"empty", 0, smallTextGC},
		{"article", 5000, smallTextGC},
		{"at the limit", smallText, smallTextGC},
		{"just over", smallText + 1, defaultGCPaced},
		{"a megabyte", 1 << 20, defaultGCPaced},
	} {
		if got := gcPercentFor(tc.bytes); got != tc.want {
			t.Errorf("%s: gcPercentFor(%d) = %d, want %d", tc.name, tc.bytes, got, tc.want)
		}
	}
}

package bench

import (
	"fmt"
	"strings"
)

// Sizes of the large benchmark texts, in bytes of UTF-8.
const (
	Size100KB = 100 << 10
	Size1MB   = 1 << 20
)

// Text is one benchmark input.
type Text struct {
	Name string // sample, 100KB, 1MB
	Text string
}

// Repeat builds a text of at least size bytes from whole copies of article
// separated by a blank line, so that every copy tokenizes the same way. The
// native and in-browser benchmarks both build their large inputs with it, so
// the two measure the same work.
func Repeat(article string, size int) string {
	article = strings.TrimSpace(article)
	if article == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(size + len(article) + 2)
	for b.Len() < size {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(article)
	}
	return b.String()
}

// Texts returns the three benchmark inputs made from the sample article: the
// article itself, about 100 KB and about 1 MB.
func Texts(article string) ([]Text, error) {
	if strings.TrimSpace(article) == "" {
		return nil, fmt.Errorf("bench: the sample article is empty")
	}
	return []Text{
		{"sample", article},
		{"100KB", Repeat(article, Size100KB)},
		{"1MB", Repeat(article, Size1MB)},
	}, nil
}

// Package annotated reads news articles annotated inline with their names,
// as in "قال [[PER أنتوني بلينكن]] في [[LOC الدوحة]]", and scores an
// analysis of the plain text against them.
//
// A mark is "[[", a type (PER, LOC, ORG or MISC), one space, the name, and
// "]]". Removing the marks gives the article as a reader sees it; spans are
// counted in its code points, as the analysis counts them.
package annotated

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"tahlil/internal/conll"
)

// Types are the entity types a mark may carry.
var Types = []string{"PER", "LOC", "ORG", "MISC"}

// Article is an annotated article: its plain text and its names, as
// code-point spans sorted by start.
type Article struct {
	Text  string
	Names []conll.Span
}

// Parse reads an annotated article. It fails, naming the line, on a mark
// that is not closed, a mark inside a mark, an unknown type, an empty name,
// or a name with space at either end.
func Parse(src string) (Article, error) {
	var a Article
	var b strings.Builder
	b.Grow(len(src))
	pos, line := 0, 1
	for len(src) > 0 {
		open := strings.Index(src, "[[")
		close := strings.Index(src, "]]")
		if close >= 0 && (open < 0 || close < open) {
			return Article{}, fmt.Errorf("line %d: \"]]\" closes no mark", line+strings.Count(src[:close], "\n"))
		}
		if open < 0 {
			b.WriteString(src)
			break
		}
		pos += utf8.RuneCountInString(src[:open])
		line += strings.Count(src[:open], "\n")
		b.WriteString(src[:open])
		src = src[open+2:]
		typ, rest, ok := strings.Cut(src, " ")
		end := strings.Index(rest, "]]")
		switch {
		case !ok || end < 0:
			return Article{}, fmt.Errorf("line %d: mark is not closed", line)
		case !isType(typ):
			return Article{}, fmt.Errorf("line %d: unknown type %q", line, typ)
		}
		name := rest[:end]
		switch {
		case strings.Contains(name, "[["):
			return Article{}, fmt.Errorf("line %d: mark inside a mark", line)
		case name == "" || strings.TrimSpace(name) != name:
			return Article{}, fmt.Errorf("line %d: name %q is empty or has space at an end", line, name)
		}
		n := utf8.RuneCountInString(name)
		a.Names = append(a.Names, conll.Span{Type: typ, Start: pos, End: pos + n})
		b.WriteString(name)
		pos += n
		line += strings.Count(name, "\n")
		src = rest[end+2:]
	}
	a.Text = b.String()
	return a, nil
}

func isType(t string) bool {
	for _, x := range Types {
		if t == x {
			return true
		}
	}
	return false
}

// Format writes text with names marked, the inverse of Parse. Names must be
// sorted, in bounds and not overlap.
func Format(text string, names []conll.Span) string {
	var b strings.Builder
	b.Grow(len(text) + 8*len(names))
	pos, last := 0, 0 // code point and byte offset of the rune at i
	at := func(cp int) int {
		for i := last; ; {
			if pos == cp || i >= len(text) {
				last = i
				return i
			}
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			pos++
		}
	}
	done := 0
	for _, n := range names {
		i := at(n.Start)
		j := at(n.End)
		b.WriteString(text[done:i])
		b.WriteString("[[" + n.Type + " " + text[i:j] + "]]")
		done = j
	}
	b.WriteString(text[done:])
	return b.String()
}

// Diff returns the gold names the prediction missed and the predicted names
// that are not gold. A name counts only with its exact type and bounds.
func Diff(gold, pred []conll.Span) (missed, spurious []conll.Span) {
	in := make(map[conll.Span]bool, len(gold))
	for _, g := range gold {
		in[g] = true
	}
	found := make(map[conll.Span]bool, len(pred))
	for _, p := range pred {
		found[p] = true
		if !in[p] {
			spurious = append(spurious, p)
		}
	}
	for _, g := range gold {
		if !found[g] {
			missed = append(missed, g)
		}
	}
	return missed, spurious
}

// Sentence returns the article as one sentence in the corpus's form, so that
// the model can learn from it as from ANERcorp: a token is a run of letters,
// marks and digits (with its proclitics, as the corpus writes للأمم) or one
// other non-space character, and it gets B- or I- of the name it overlaps
// (the first, if two), or O.
func (a Article) Sentence() conll.Sentence {
	var s conll.Sentence
	n := 0      // next name to consider
	prev := -1  // the name the previous token belonged to
	start := -1 // code point where the current word run began, or -1
	var word strings.Builder
	emit := func(tok string, from, to int) {
		for n < len(a.Names) && a.Names[n].End <= from {
			n++
		}
		tag := "O"
		if n < len(a.Names) && a.Names[n].Start < to {
			if prev == n {
				tag = "I-" + a.Names[n].Type
			} else {
				tag = "B-" + a.Names[n].Type
				prev = n
			}
		}
		s.Tokens = append(s.Tokens, tok)
		s.Tags = append(s.Tags, tag)
	}
	cp := 0
	flush := func() {
		if start >= 0 {
			emit(word.String(), start, cp)
			word.Reset()
			start = -1
		}
	}
	for _, r := range a.Text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == 'ـ':
			if start < 0 {
				start = cp
			}
			word.WriteRune(r)
		case unicode.IsSpace(r):
			flush()
		default:
			flush()
			if !unicode.Is(unicode.Cf, r) {
				emit(string(r), cp, cp+1)
			}
		}
		cp++
	}
	flush()
	return s
}

// File is an annotated article and the file it was read from.
type File struct {
	Path string
	Article
}

// ReadDir reads the annotated articles (*.txt) in dir, sorted by name. A
// directory with none is an error, so a misspelt set is never read as empty.
func ReadDir(dir string) ([]File, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no annotated articles (*.txt)", dir)
	}
	sort.Strings(paths)
	out := make([]File, 0, len(paths))
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		a, err := Parse(string(src))
		if err != nil {
			return nil, fmt.Errorf("%s: %v", p, err)
		}
		out = append(out, File{p, a})
	}
	return out, nil
}

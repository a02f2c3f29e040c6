// Package conll reads CoNLL-style NER corpora (one "token TAG" pair per line,
// blank lines between sentences) and scores predicted entity spans against
// gold ones the way the CoNLL shared task evaluation does: an entity counts
// as correct only when its type and both boundaries match exactly.
package conll

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Sentence is one sentence: its tokens and their BIO tags (such as "B-PER",
// "I-LOC" or "O"), with entity types already mapped to PER, LOC, ORG, MISC.
type Sentence struct {
	Tokens []string
	Tags   []string
}

// A TagMapper turns a raw tag from a file into a clean BIO tag over the
// types PER, LOC, ORG and MISC, or "O".
type TagMapper func(raw string) string

// Read reads sentences from r. The tag is the last whitespace-separated
// field of a line; everything before it is the token (a few corpus lines
// carry a space inside the token). Lines with a single field are read as a
// token tagged O. Tags are cleaned with mapTag and then repaired so that
// an I- tag never follows O or a different type (it becomes B-).
func Read(r io.Reader, mapTag TagMapper) ([]Sentence, error) {
	return readLines(r, func(line string) (tok, tag string, end bool) {
		line = strings.TrimSpace(line)
		if line == "" {
			return "", "", true
		}
		i := strings.LastIndexAny(line, " \t")
		tok, tag = line, "O"
		if i >= 0 {
			tok, tag = strings.TrimSpace(line[:i]), line[i+1:]
		}
		return tok, mapTag(tag), false
	})
}

// ReadNested reads a corpus with nested entities, such as Wojood: each
// line holds a token and one or more tags, outermost first. A token takes
// the first of its tags that mapTag maps to an entity, so an entity nested
// inside one of a type left out (an ORG inside an OCC) is kept. A line whose
// token is "$#$" ends the sentence.
func ReadNested(r io.Reader, mapTag TagMapper) ([]Sentence, error) {
	return readLines(r, func(line string) (tok, tag string, end bool) {
		f := strings.Fields(line)
		if len(f) == 0 || f[0] == "$#$" {
			return "", "", true
		}
		tag = "O"
		for _, t := range f[1:] {
			if m := mapTag(t); m != "O" {
				tag = m
				break
			}
		}
		return f[0], tag, false
	})
}

// readLines reads sentences from r, one token a line as parse reads it
// (end reports a line that ends the sentence), with a leading BOM dropped
// and the BIO tags of each sentence repaired.
func readLines(r io.Reader, parse func(line string) (tok, tag string, end bool)) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Tokens) > 0 {
			repairBIO(cur.Tags)
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		tok, tag, end := parse(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if end {
			flush()
			continue
		}
		cur.Tokens = append(cur.Tokens, tok)
		cur.Tags = append(cur.Tags, tag)
	}
	flush()
	return out, sc.Err()
}

// Wojood maps Wojood tags: PERS becomes PER, GPE and LOC become LOC, ORG
// stays; every other type (dates, numbers, occupations, nationalities,
// events and so on) becomes O, since ANERcorp leaves them unmarked or marks
// them differently.
func Wojood(raw string) string {
	p, typ, ok := splitTag(raw)
	if !ok {
		return "O"
	}
	switch typ {
	case "PERS":
		typ = "PER"
	case "GPE", "LOC":
		typ = "LOC"
	case "ORG":
	default:
		return "O"
	}
	return p + "-" + typ
}

// ReadFile reads one file; see Read.
func ReadFile(path string, mapTag TagMapper) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := Read(f, mapTag)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// ReadDir reads every *.txt file of dir in name order; see Read.
func ReadDir(dir string, mapTag TagMapper) ([]Sentence, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("%s: no *.txt files", dir)
	}
	sort.Strings(names)
	var out []Sentence
	for _, n := range names {
		s, err := ReadFile(n, mapTag)
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	return out, nil
}

// ANERcorp maps ANERcorp tags: PERS becomes PER; LOC, ORG and MISC stay.
func ANERcorp(raw string) string {
	p, typ, ok := splitTag(raw)
	if !ok {
		return "O"
	}
	switch typ {
	case "PERS", "PER":
		typ = "PER"
	case "LOC", "ORG", "MISC":
	default:
		return "O"
	}
	return p + "-" + typ
}

// AQMAR maps AQMAR tags, repairing the corpus's misspellings:
//   - MIS0–MIS3, MIS, MISS1, MIS-1, MIS-2 and a stray trailing backquote
//     (B-MIS1`) all become MISC;
//   - doubled hyphens (I--ORG) are collapsed;
//   - OO becomes O, and IO (an I with no type) becomes O;
//   - tags naming a language (B-ENGLISH, B-SPANISH), which mark foreign
//     words, become MISC, the type AQMAR uses for such names.
//
// Anything else that is not PER, LOC, ORG or MISC becomes O.
func AQMAR(raw string) string {
	raw = strings.Trim(raw, "`'\" ")
	p, typ, ok := splitTag(raw)
	if !ok {
		return "O"
	}
	switch {
	case typ == "PER" || typ == "PERS":
		typ = "PER"
	case typ == "LOC" || typ == "ORG":
	case strings.HasPrefix(typ, "MIS"), typ == "ENGLISH", typ == "SPANISH":
		typ = "MISC"
	default:
		return "O"
	}
	return p + "-" + typ
}

// splitTag splits "B-TYPE" into "B" and "TYPE", tolerating repeated hyphens.
func splitTag(raw string) (prefix, typ string, ok bool) {
	raw = strings.ToUpper(strings.TrimSpace(raw))
	if len(raw) < 2 || (raw[0] != 'B' && raw[0] != 'I') || raw[1] != '-' {
		return "", "", false
	}
	typ = strings.TrimLeft(raw[1:], "-")
	if typ == "" {
		return "", "", false
	}
	return raw[:1], typ, true
}

// repairBIO turns an I- tag that does not continue an entity of its type
// into B-, as the CoNLL evaluation does when it reads such a tag.
func repairBIO(tags []string) {
	prev := "O"
	for i, t := range tags {
		if strings.HasPrefix(t, "I-") && (prev == "O" || prev[2:] != t[2:]) {
			tags[i] = "B-" + t[2:]
		}
		prev = tags[i]
	}
}

// Group joins every n consecutive sentences into one, in order, so that a
// tagger sees them as one document. The last group may be shorter.
func Group(s []Sentence, n int) []Sentence {
	if n <= 1 {
		return s
	}
	var out []Sentence
	for i := 0; i < len(s); i += n {
		var g Sentence
		for _, x := range s[i:min(i+n, len(s))] {
			g.Tokens = append(g.Tokens, x.Tokens...)
			g.Tags = append(g.Tags, x.Tags...)
		}
		out = append(out, g)
	}
	return out
}

// UnlabeledExtras reads the corpora that, besides ANERcorp train, count
// as training text where only the words matter (the proclitic tables of
// the tokenizer): AQMAR train and the three parts of the Wojood sample,
// under data (the shared data directory). No test split is among them.
func UnlabeledExtras(data string) ([]Sentence, error) {
	out, err := ReadDir(filepath.Join(data, "aqmar", "train"), AQMAR)
	if err != nil {
		return nil, err
	}
	for _, f := range []string{"train.txt", "val.txt", "test.txt"} {
		fh, err := os.Open(filepath.Join(data, "wojood-sample", f))
		if err != nil {
			return nil, err
		}
		w, err := ReadNested(fh, Wojood)
		fh.Close()
		if err != nil {
			return nil, err
		}
		out = append(out, w...)
	}
	return out, nil
}

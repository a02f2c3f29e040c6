package token

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"tahlil/internal/normalize"
)

// The table of words whose proclitics corpus counts decide, and the set of
// words frequent enough to count as the rest of a word after a proclitic.
// By default they are the generated ones; SetProcliticTable swaps them for
// training runs that must not see some of the corpora.
var (
	tableWords   = procliticWords
	tableOffsets = procliticOffsets[:]
	tableRests   = procliticRests
)

// SetProcliticTable makes Tokenize use tables made by BuildProcliticTable
// until restore is called. It is for training and evaluation runs (a dev
// split must not be tokenized with counts taken from itself); it is not
// safe to call while other goroutines tokenize.
func SetProcliticTable(words string, offsets []uint32, rests string) (restore func()) {
	w, o, r := tableWords, tableOffsets, tableRests
	tableWords, tableOffsets, tableRests = words, offsets, rests
	return func() { tableWords, tableOffsets, tableRests = w, o, r }
}

// CountWords adds the search-normalized Arabic words of text to freq.
func CountWords(freq map[string]int, text string) {
	for _, w := range strings.Fields(normalize.Search.String(text)) {
		if isCorpusWord(w) {
			freq[w]++
		}
	}
}

func isCorpusWord(w string) bool {
	for _, r := range w {
		if !(r >= 0x0621 && r <= 0x064A) {
			return false
		}
	}
	return w != ""
}

// BuildProcliticTable decides from corpus word counts how Tokenize splits
// proclitics off words, and returns the tables for SetProcliticTable.
//
// rests is a Bloom filter of the words seen at least twice (restMin): a
// word w = clitics + r that no table lists is split when r is in it, so
// بمشاركة loses its ب though only مشاركة was seen, while بوخارست, whose
// rest is no word, keeps it.
//
// words lists the corpus words whose own counts decide otherwise than that
// rule: a word is split when r is a corpus word seen twice and at least a
// third as often as w; it is kept whole when it is seen at least twice, or
// takes the article, and no such r exists (واشنطن, فلسطين, كانت). The
// entries are sorted, each a word, a tab, its number of proclitic letters
// and a newline; offsets holds the byte offset of each.
func BuildProcliticTable(freq map[string]int) (words string, offsets []uint32, rests string) {
	n := 0
	for w, f := range freq {
		if f >= restMin && utf8.RuneCountInString(w) >= 3 {
			n++
		}
	}
	bits := make([]byte, restBytes(n))
	for w, f := range freq {
		if f >= restMin && utf8.RuneCountInString(w) >= 3 {
			bloomAdd(bits, w)
		}
	}
	rests = string(bits)
	defer SetProcliticTable("", nil, rests)() // the rule below reads rests
	type entry struct {
		w string
		n int
	}
	var out []entry
	for w, f := range freq {
		rs := []rune(w)
		if len(rs) < 3 || !strings.ContainsRune("وفبكل", rs[0]) {
			continue
		}
		if articleLength(rs) >= 0 || slices.Contains(wholeNames, w) {
			continue // the article forms are not in question; names below
		}
		split, evidence := -1, false
		if freq["ال"+w] >= 2 {
			// A word that takes the article has no proclitic before it.
			split, evidence = 0, true
		}
		for _, n := range splitCandidates(rs) {
			if evidence {
				break
			}
			r := string(rs[n:])
			if len(rs)-n >= 3 && freq[r] >= 2 && 3*freq[r] >= f {
				split, evidence = n, true
			}
		}
		if !evidence && f >= 2 {
			split, evidence = 0, true
		}
		if evidence && split != defaultProclitics(rs, w) {
			out = append(out, entry{w, split})
		}
	}
	// Names stay whole whatever the corpora count. Those that begin like
	// the article (كاليفورنيا) are not in the table: proclitics checks them
	// only among article forms, so other words pay no lookup.
	for _, w := range wholeNames {
		if rs := []rune(w); defaultProclitics(rs, w) != 0 {
			out = append(out, entry{w, 0})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].w < out[j].w })
	var b strings.Builder
	offsets = make([]uint32, len(out))
	for i, e := range out {
		offsets[i] = uint32(b.Len())
		b.WriteString(e.w)
		b.WriteByte('\t')
		b.WriteByte(byte('0' + e.n))
		b.WriteByte('\n')
	}
	return b.String(), offsets, rests
}

// splitCandidates returns the possible proclitic lengths of w, longest
// first.
func splitCandidates(w []rune) []int {
	if len(w) > 2 && (w[0] == 'و' || w[0] == 'ف') && (w[1] == 'ب' || w[1] == 'ك' || w[1] == 'ل') {
		return []int{2, 1}
	}
	return []int{1}
}

// articleLength returns how many leading runes of w an entity span leaves
// out when w starts with an article form, or -1.
func articleLength(w []rune) int {
	for _, p := range articleForms {
		if hasPrefix(w, p.form) && len(w)-len(p.form) >= 2 {
			return p.drop
		}
	}
	return -1
}

// defaultProclitics is the rule for words the table does not list: one or
// two proclitic letters are split off when what remains is a corpus word
// (see BuildProcliticTable), and otherwise a و is split off when four
// letters or more remain. Most such words are rare, and among the rare
// words of a held-out part of ANERcorp, names such as بوخارست، فينغر and
// فولكسفاغن far outnumber unseen words carrying a ب، ك، ل or ف before an
// unseen word; the length rule used before this one split both.
func defaultProclitics(w []rune, s string) int {
	if len(w) < 4 {
		return 0
	}
	switch w[0] {
	case 'و', 'ف', 'ب', 'ك', 'ل':
	default:
		return 0
	}
	for _, n := range splitCandidates(w) {
		// Proclitic letters are two bytes each.
		if len(w)-n >= 3 && bloomHas(tableRests, s[2*n:]) {
			return n
		}
	}
	if len(w) >= 5 && w[0] == 'و' {
		return 1
	}
	return 0
}

// CorpusWord reports whether the search-normalized word w occurs at least
// twice in the training corpora, as the proclitic rule counts them (a Bloom
// filter: about one word in a thousand that does not occur is reported as
// occurring). A rare name does not; a common word, even one the entity model
// keeps no weights for, usually does.
func CorpusWord(w string) bool { return bloomHas(tableRests, w) }

// restMin is how often a word must occur in the corpora to count as the
// rest of a word after a proclitic.
const restMin = 2

// bloomHashes is the number of bits set per word in the rests filter.
const bloomHashes = 7

// restBytes returns the size of a rests filter for n words: a power of two
// of about 16 bits per word, for a false positive rate near 0.1%.
func restBytes(n int) int {
	size := 64
	for size*8 < 16*n {
		size *= 2
	}
	return size
}

func bloomAdd(bits []byte, w string) {
	h1, h2 := bloomHash(w)
	m := uint64(len(bits)*8 - 1)
	for i := uint64(0); i < bloomHashes; i++ {
		k := (h1 + i*h2) & m
		bits[k>>3] |= 1 << (k & 7)
	}
}

// bloomHas reports whether w may be in the filter bits ("" holds nothing).
func bloomHas[S ~string | ~[]byte](bits string, w S) bool {
	if bits == "" {
		return false
	}
	h1, h2 := bloomHash(w)
	m := uint64(len(bits)*8 - 1)
	for i := uint64(0); i < bloomHashes; i++ {
		k := (h1 + i*h2) & m
		if bits[k>>3]&(1<<(k&7)) == 0 {
			return false
		}
	}
	return true
}

// bloomHash returns two hashes of w (FNV-1a, finished with a multiply and
// shift), the second odd.
func bloomHash[S ~string | ~[]byte](w S) (uint64, uint64) {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	return h, h>>29 | 1
}

// wholeNames are names that begin with a proclitic letter and are far more
// often the name than the letter before another word, although the corpora
// count that other word often enough to split them (بكين beside كين, كمال
// beside مال, كاليفورنيا, وارسو). They stay whole; a proclitic before them
// is still split off (لبكين). Names that are as often a preposition and a
// word are left out: باسم (in the name of), لولا (if not), وجده (and his
// grandfather), باول (the first, when the hamza is dropped). A slice, not
// a map: Go builds it at link time, and only table building reads it.
var wholeNames = []string{
	// Given names.
	"بسام", "فادي", "فراس", "فيدل", "كمال", "كولن",
	"لبني", "ليلي", "وجدي", "وليام", "ويليام",
	"كلود", "لاري", "ليان", "وولفغانغ",
	"ويلي", "كميل", "لانا", "باقر", "لخضر", "بولا",
	"وسام", "كيري", "بيليه",
	// Places.
	"بعقوبه", "بكين", "بيونغ", "ليما", "وارسو",
	"وهران", "ويلينغتون", "ورقله", "وزيرستان",
	"بهاما", "بوسنه", "فلبين",
	// Clubs and companies.
	"بوروسيا", "بوما", "فورد", "وارنر",
	"بورشه", "واتساب", "واتفورد",
	"وستهام", "ويستهام", "ويغان",
}

// articleLikeNames are names that begin like the article after a proclitic
// (ك + ال + يفورنيا). They stay whole.
var articleLikeNames = []string{
	"كاليفورنيا", "فالنسيا", "بالميراس", "باليرمو", "كالياري", "والمارت",
	"كالينينغراد", "فالنتينو", "والتر", "فاليري", "فالنتينا", "بالاو",
}

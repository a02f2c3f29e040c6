package analysis

import (
	"slices"
	"strings"
	"sync"
)

// wordList is a list of words separated by single spaces or newlines,
// sorted. Long lists are kept so rather than as switches, which compile to
// a comparison per word (a 600-word switch was 68 kB of WebAssembly), or
// maps, which Go builds in every fresh instance before main. On first use
// the list is split in place and a 4096-bit filter is set, so that most
// words, which are in no list, are turned away by one hash.
type wordList struct {
	src   string
	once  sync.Once
	words []string
	bits  [64]uint64
}

// has reports whether w is in the list.
func (l *wordList) has(w string) bool {
	l.once.Do(l.index)
	h := listHash(w)
	if l.bits[h>>6&63]&(1<<(h&63)) == 0 || l.bits[h>>18&63]&(1<<(h>>12&63)) == 0 {
		return false
	}
	_, ok := slices.BinarySearch(l.words, w)
	return ok
}

func (l *wordList) index() {
	l.words = strings.Fields(l.src)
	for _, w := range l.words {
		h := listHash(w)
		l.bits[h>>6&63] |= 1 << (h & 63)
		l.bits[h>>18&63] |= 1 << (h >> 12 & 63)
	}
}

// listHash is FNV-1a.
func listHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h
}

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
// the list is split in place and a 16384-bit filter is set, so that most
// words, which are in no list, are turned away by one hash.
type wordList struct {
	src   string
	once  sync.Once
	words []string
	bits  [256]uint64
}

// has reports whether w is in the list.
func (l *wordList) has(w string) bool {
	l.once.Do(l.index)
	h := listHash(w)
	if l.bits[h>>6&255]&(1<<(h&63)) == 0 || l.bits[h>>20&255]&(1<<(h>>14&63)) == 0 {
		return false
	}
	_, ok := slices.BinarySearch(l.words, w)
	return ok
}

func (l *wordList) index() {
	l.words = strings.Fields(l.src)
	for _, w := range l.words {
		h := listHash(w)
		l.bits[h>>6&255] |= 1 << (h & 63)
		l.bits[h>>20&255] |= 1 << (h >> 14 & 63)
	}
}

// listHash hashes w for the filter: the first and last eight bytes (four
// Arabic letters each) and the length, which is cheaper than a hash of every
// byte and tells words apart as well for this use.
func listHash(w string) uint64 {
	n := len(w)
	if n < 8 {
		h := uint64(n) * 0x9E3779B97F4A7C15
		for i := 0; i < n; i++ {
			h = (h ^ uint64(w[i])) * 0x100000001B3
		}
		return h ^ h>>29
	}
	a := load64(w)
	b := load64(w[n-8:])
	h := a*0x9E3779B97F4A7C15 ^ b*0xC2B2AE3D27D4EB4F ^ uint64(n)*0x165667B19E3779F9
	return h ^ h>>29
}

// load64 reads the first eight bytes of s, little-endian.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

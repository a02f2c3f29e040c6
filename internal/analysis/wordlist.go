package analysis

import "sync"

// wordList is a list of words separated by single spaces or newlines,
// sorted. Long lists are kept so rather than as switches, which compile to
// a comparison per word (a 600-word switch was 68 kB of WebAssembly), or
// maps, which Go builds in every fresh instance before main. On first use a
// 16384-bit filter is set from the words, so that most words, which are in
// no list, are turned away by one hash; the few that pass are looked up by
// a binary search in the string itself. Nothing is allocated: splitting
// the lists into slices of strings cost a fresh WebAssembly instance about
// 0.6 ms on its first analysis.
type wordList struct {
	src  string
	once sync.Once
	bits [256]uint64
}

// has reports whether w is in the list.
func (l *wordList) has(w string) bool {
	l.once.Do(l.index)
	h := listHash(w)
	if l.bits[h>>6&255]&(1<<(h&63)) == 0 || l.bits[h>>20&255]&(1<<(h>>14&63)) == 0 {
		return false
	}
	// Binary search over the words of src[lo:hi], which starts at a word
	// and ends at a separator or the end.
	src := l.src
	lo, hi := 0, len(src)
	for lo < hi {
		s := int(uint(lo+hi) >> 1)
		for s > lo && !listSep(src[s-1]) {
			s--
		}
		e := s
		for e < hi && !listSep(src[e]) {
			e++
		}
		switch word := src[s:e]; {
		case word == w:
			return true
		case word < w:
			lo = e + 1
		default:
			hi = s
		}
	}
	return false
}

// listSep reports whether b separates the words of a wordList.
func listSep(b byte) bool { return b == ' ' || b == '\n' }

func (l *wordList) index() {
	src := l.src
	for i := 0; i < len(src); {
		j := i
		for j < len(src) && !listSep(src[j]) {
			j++
		}
		h := listHash(src[i:j])
		l.bits[h>>6&255] |= 1 << (h & 63)
		l.bits[h>>20&255] |= 1 << (h >> 14 & 63)
		i = j + 1
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

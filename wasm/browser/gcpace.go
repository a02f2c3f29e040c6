package main

// The module analyzes one text at a time on a single thread, and most texts
// are articles of a few kilobytes whose analysis leaves little live. With
// Go's default pacing (GOGC=100 over a 4 MB minimum heap) the collector runs
// every few analyses of an article, on the page's thread. Up to smallText
// bytes it lets the heap grow to five times what is live instead (a 16 MB
// minimum): the sample article renders 4–7% faster in V8. Longer texts get
// the default pace back, so a megabyte paste does not grow the module's
// memory, which WebAssembly never gives back.
const (
	smallText      = 256 << 10 // bytes
	smallTextGC    = 400       // GOGC while analyzing texts up to smallText
	defaultGCPaced = 100       // GOGC for longer texts, Go's default
)

// gcPercentFor returns the GOGC setting for analyzing a text of n bytes.
func gcPercentFor(n int) int {
	if n <= smallText {
		return smallTextGC
	}
	return defaultGCPaced
}

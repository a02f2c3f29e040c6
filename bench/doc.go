// Package bench holds the pieces of Tahlil's benchmark harness that need no
// browser: the benchmark texts, a parser for `go test -bench` output, run
// summaries (median, min, max) and the Markdown results table with the
// README section it is copied into.
//
// The harness itself is bench/cmd/tahlilbench, run by ./build.sh bench.
package bench

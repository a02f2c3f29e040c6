package bench

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// GoBench is one result line of `go test -bench` output.
type GoBench struct {
	Pkg   string // from the preceding "pkg:" line
	Name  string // full name without the -GOMAXPROCS suffix, e.g. BenchmarkAnalyze/1MB
	Procs int    // GOMAXPROCS, 1 when the name has no suffix
	N     int    // iterations
	// Metrics maps each unit (ns/op, MB/s, B/op, allocs/op, or a custom unit
	// from b.ReportMetric) to its value.
	Metrics map[string]float64
}

// ParseGoBench reads `go test -bench` output and returns its result lines in
// order. Lines that are not results (PASS, ok, goos:, logs) are skipped; a
// line that starts like a result but does not parse is an error, so a change
// of format is not silently read as no results.
func ParseGoBench(r io.Reader) ([]GoBench, error) {
	var out []GoBench
	pkg := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if p, ok := strings.CutPrefix(s, "pkg: "); ok {
			pkg = strings.TrimSpace(p)
			continue
		}
		if !strings.HasPrefix(s, "Benchmark") {
			continue
		}
		f := strings.Fields(s)
		if len(f) < 2 {
			// A benchmark's own log output or a name printed before a
			// failure; not a result.
			continue
		}
		n, err := strconv.Atoi(f[1])
		if err != nil {
			continue // e.g. "BenchmarkX --- FAIL"
		}
		if len(f)%2 != 0 {
			return nil, fmt.Errorf("bench output line %d: odd number of value/unit fields: %q", line, s)
		}
		b := GoBench{Pkg: pkg, N: n, Procs: 1, Metrics: map[string]float64{}}
		b.Name = f[0]
		if i := strings.LastIndexByte(f[0], '-'); i > 0 {
			if p, err := strconv.Atoi(f[0][i+1:]); err == nil && p > 0 {
				b.Name, b.Procs = f[0][:i], p
			}
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("bench output line %d: value %q: %v", line, f[i], err)
			}
			b.Metrics[f[i+1]] = v
		}
		out = append(out, b)
	}
	return out, sc.Err()
}

// Samples returns, in order, the values of unit for every result named name
// (without the -GOMAXPROCS suffix), skipping the first skip of them (the
// warm-up runs).
func Samples(results []GoBench, name, unit string, skip int) []float64 {
	var v []float64
	for _, r := range results {
		if r.Name != name {
			continue
		}
		x, ok := r.Metrics[unit]
		if !ok {
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		v = append(v, x)
	}
	return v
}

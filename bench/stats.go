package bench

import (
	"fmt"
	"slices"
)

// Summary condenses repeated measurements of one figure.
type Summary struct {
	Median, Min, Max float64
	N                int
}

// Summarize returns the median, minimum and maximum of v. It fails on an
// empty v rather than report zeros.
func Summarize(v []float64) (Summary, error) {
	if len(v) == 0 {
		return Summary{}, fmt.Errorf("no measurements")
	}
	s := slices.Clone(v)
	slices.Sort(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return Summary{Median: m, Min: s[0], Max: s[len(s)-1], N: len(s)}, nil
}

// Ratios returns a[i]/b[i] for each run i that both have, pairing runs taken
// side by side.
func Ratios(a, b []float64) []float64 {
	n := min(len(a), len(b))
	r := make([]float64, 0, n)
	for i := range n {
		if b[i] != 0 {
			r = append(r, a[i]/b[i])
		}
	}
	return r
}

// Scale returns v with every value multiplied by k.
func Scale(v []float64, k float64) []float64 {
	r := make([]float64, len(v))
	for i, x := range v {
		r[i] = x * k
	}
	return r
}

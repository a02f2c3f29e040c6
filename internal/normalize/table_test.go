package normalize

import (
	"testing"
	"unicode"
)

// TestTablesCoverRules checks that every code point a rule names lies in
// the classification tables, so that runes outside them only need the Zs
// and Nd checks in lookup.
func TestTablesCoverRules(t *testing.T) {
	in := func(r rune) bool {
		return r < loEnd || (r >= gpStart && r < gpEnd) || (r >= pfStart && r < pfEnd)
	}
	for _, rl := range rules {
		for _, rg := range rl.set.R16 {
			for r := rune(rg.Lo); r <= rune(rg.Hi); r += rune(rg.Stride) {
				if !in(r) {
					t.Errorf("%v rule names U+%04X outside the tables", rl.fold, r)
				}
			}
		}
		if len(rl.set.R32) > 0 {
			t.Errorf("%v rule names code points above U+FFFF", rl.fold)
		}
	}
}

// TestReplacementsAreStarters checks what emitChanged assumes: every
// replacement a rule writes is made of NFC starters.
func TestReplacementsAreStarters(t *testing.T) {
	for _, rl := range rules {
		for _, r := range rl.to {
			p := runeProps(string(r))
			if p != inert {
				t.Errorf("%v rule writes U+%04X, which is not an inert starter", rl.fold, r)
			}
		}
	}
	for d := 0; d < 10; d++ {
		if runeProps(string(rune('0'+d))) != inert {
			t.Errorf("digit %d is not an inert starter", d)
		}
	}
}

func TestFoldNames(t *testing.T) {
	if last := Fold(1) << (len(foldNames) - 1); last != CollapseSpaces {
		t.Errorf("foldNames has %d names; the last fold is bit %v", len(foldNames), last)
	}
}

func TestDigitValue(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if !unicode.Is(unicode.Nd, r) {
			continue
		}
		d, _ := digitValue(r)
		// Each run of Nd digits starts at a zero whose name ends in ZERO;
		// check the weaker property that the run length is a multiple of 10.
		if d == 9 && unicode.Is(unicode.Nd, r+1) {
			if d2, _ := digitValue(r + 1); d2 != 0 {
				t.Errorf("digit after U+%04X has value %d; want 0", r, d2)
			}
		}
		if d == 0 && r > 0 && unicode.Is(unicode.Nd, r-1) {
			if d0, _ := digitValue(r - 1); d0 != 9 {
				t.Errorf("digit before U+%04X has value %d; want 9", r, d0)
			}
		}
	}
	if d, ok := digitValue('٧'); !ok || d != 7 {
		t.Errorf("digitValue('٧') = %d, %v; want 7, true", d, ok)
	}
}

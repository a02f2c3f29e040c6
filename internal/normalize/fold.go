package normalize

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/rangetable"
)

// Fold is a set of character folds. Folds combine with |. Each fold names the
// exact code points it touches. When several folds in a set touch the same
// code point, the first rule in the order of the rules table in this file
// wins (for example ZWNJSpace before Controls, HamzaUniform before
// Diacritics). The output of a fold is not folded again, except that the
// characters produced by PresentationForms are folded by every other fold.
type Fold uint32

const (
	// PresentationForms replaces each character of U+FB50–U+FDFF and
	// U+FE70–U+FEFE with its compatibility decomposition (NFKC of that
	// character alone), so lam-alef ligatures become lam + alef (keeping the
	// hamza or madda: ﻷ → لأ) and ﷺ becomes صلى الله عليه وسلم; characters
	// without a decomposition (﴾ ﴿ ﷽) are kept. It then applies canonical
	// composition (NFC) to the whole text, so ا + U+0654 becomes أ.
	PresentationForms Fold = 1 << iota
	// Harakat deletes the short vowels, tanween and sukun: U+064B–U+0650
	// and U+0652.
	Harakat
	// Shadda deletes U+0651.
	Shadda
	// HamzaAboveMark deletes the combining hamza above, U+0654.
	HamzaAboveMark
	// OtherMarks deletes the remaining combining marks of the Arabic block:
	// U+0653 (maddah above) and U+0655–U+065F (hamza below, subscript alef,
	// inverted damma, ..., wavy hamza below).
	OtherMarks
	// DaggerAlef deletes the superscript (dagger) alef U+0670.
	DaggerAlef
	// Quranic deletes the Quranic annotation marks U+0610–U+061A,
	// U+06D6–U+06DC, U+06DF–U+06E4, U+06E7–U+06E8 and U+06EA–U+06ED. It
	// keeps U+06DD (end of ayah), U+06DE (rub el hizb), U+06E5–U+06E6 (small
	// waw and yeh) and U+06E9 (place of sajdah).
	Quranic
	// Tatweel deletes the kashida U+0640.
	Tatweel
	// AlefHamza maps آ أ إ (U+0622, U+0623, U+0625) to ا (U+0627).
	AlefHamza
	// AlefWasla maps ٱ (U+0671) to ا (U+0627).
	AlefWasla
	// AlefWavyHamza maps ٲ ٳ (U+0672, U+0673) to ا (U+0627).
	AlefWavyHamza
	// AlefMaksura maps ى (U+0649) to ي (U+064A).
	AlefMaksura
	// TehMarbuta maps ة (U+0629) to ه (U+0647).
	TehMarbuta
	// Persian maps ی (U+06CC) to ي (U+064A), ک (U+06A9) to ك (U+0643) and
	// ۀ (U+06C0) to ه (U+0647).
	Persian
	// Urdu maps ے (U+06D2, yeh barree) to ي (U+064A) and ہ (U+06C1, heh
	// goal) to ه (U+0647).
	Urdu
	// Lookalikes maps ھ (U+06BE, heh doachashmee) and ە (U+06D5, ae) to
	// ه (U+0647).
	Lookalikes
	// Digits maps the Arabic-Indic digits ٠–٩ (U+0660–U+0669) and the
	// extended Arabic-Indic digits ۰–۹ (U+06F0–U+06F9) to ASCII 0–9.
	Digits
	// DecimalDigits maps every decimal digit (category Nd, in any script,
	// including U+1D7CE–U+1D7FF mathematical digits) to ASCII 0–9.
	DecimalDigits
	// Controls deletes the bidi and zero-width controls U+200B–U+200F,
	// U+202A–U+202E, U+2060–U+2064, U+2066–U+2069, U+061C and U+FEFF.
	Controls
	// ZWNJSpace maps ZWNJ (U+200C) to a space (U+0020). It wins over
	// Controls, which would delete it.
	ZWNJSpace
	// Spaces maps every Unicode space separator (category Zs, such as
	// U+00A0, U+2000–U+200A, U+202F, U+3000) to U+0020.
	Spaces
	// HamzaSeats drops the hamza from its waw and yeh seats: ؤ (U+0624) to
	// و (U+0648) and ئ (U+0626) to ي (U+064A).
	HamzaSeats
	// SeatedHamza writes hamza on a waw or yeh seat as a bare hamza: ؤ
	// (U+0624) and ئ (U+0626) to ء (U+0621).
	SeatedHamza
	// HamzaUniform writes every hamza form as a bare hamza ء (U+0621): أ إ
	// ؤ ئ (U+0623, U+0625, U+0624, U+0626) and the combining U+0654, U+0655
	// each become ء, and آ (U+0622) becomes ءء.
	HamzaUniform
	// LamAlef expands the isolated lam-alef ligatures U+FEF5, U+FEF7,
	// U+FEF9 and U+FEFB to lam + plain alef (لا), dropping hamza and madda.
	// PresentationForms, when also set, expands them first and keeps them.
	LamAlef
	// SmallLetters deletes the small waw and small yeh U+06E5 and U+06E6.
	SmallLetters
	// DaggerAlefToAlef maps the superscript alef U+0670 to ا (U+0627)
	// instead of deleting it, and deletes it right after an ا (الرحمٰن →
	// الرحمان, but اٰ → ا).
	DaggerAlefToAlef
	// AlefMadda maps آ (U+0622) to ا (U+0627), leaving أ and إ alone.
	AlefMadda
	// QuranSigns deletes the Quranic signs U+06DD (end of ayah), U+06DE
	// (rub el hizb) and U+06E9 (place of sajdah).
	QuranSigns
	// VerseNumbers deletes verse numbers: the ornate parentheses U+FD3E and
	// U+FD3F and the digits U+0660–U+0669 and U+06F0–U+06F9.
	VerseNumbers
	// Punctuation deletes . , ; : ! ? … (U+002E U+002C U+003B U+003A U+0021
	// U+003F U+2026) and the Arabic comma, semicolon and question mark
	// (U+060C U+061B U+061F).
	Punctuation
	// CollapseSpaces turns every run of white space into one U+0020 and
	// removes it at the start and end of the text. White space is what
	// JavaScript's \s matches: unicode.IsSpace except U+0085, plus U+FEFF.
	// Unlike the other folds it depends on context; spaces written by other
	// folds are not collapsed.
	CollapseSpaces

	// Diacritics deletes the vowel marks and the other combining marks of
	// U+064B–U+065F, and the superscript alef U+0670 (not the Quranic marks).
	Diacritics = Harakat | Shadda | HamzaAboveMark | OtherMarks | DaggerAlef
	// Alef maps آ أ إ ٱ ٲ ٳ (U+0622, U+0623, U+0625, U+0671, U+0672,
	// U+0673) to ا (U+0627).
	Alef = AlefHamza | AlefWasla | AlefWavyHamza
)

// rule is one fold applied to one set of code points.
type rule struct {
	fold Fold
	set  *unicode.RangeTable
	to   string // replacement; "" deletes
}

func r16(ranges ...uint16) *unicode.RangeTable {
	t := &unicode.RangeTable{}
	for i := 0; i < len(ranges); i += 2 {
		t.R16 = append(t.R16, unicode.Range16{Lo: ranges[i], Hi: ranges[i+1], Stride: 1})
	}
	return t
}

func set(rs ...rune) *unicode.RangeTable { return rangetable.New(rs...) }

// rules lists every fold in precedence order. Digits and DecimalDigits are
// handled in digitValue; Spaces uses unicode.Zs directly.
var rules = []rule{
	{ZWNJSpace, set(0x200C), " "},
	{LamAlef, set(0xFEF5, 0xFEF7, 0xFEF9, 0xFEFB), "\u0644\u0627"},
	{HamzaUniform, set(0x0622), "\u0621\u0621"},
	{HamzaUniform, set(0x0623, 0x0624, 0x0625, 0x0626, 0x0654, 0x0655), "\u0621"},
	{DaggerAlefToAlef, set(0x0670), "\u0627"},
	{Harakat, r16(0x064B, 0x0650, 0x0652, 0x0652), ""},
	{Shadda, set(0x0651), ""},
	{HamzaAboveMark, set(0x0654), ""},
	{OtherMarks, r16(0x0653, 0x0653, 0x0655, 0x065F), ""},
	{DaggerAlef, set(0x0670), ""},
	{Quranic, r16(0x0610, 0x061A, 0x06D6, 0x06DC, 0x06DF, 0x06E4, 0x06E7, 0x06E8, 0x06EA, 0x06ED), ""},
	{Tatweel, set(0x0640), ""},
	{Controls, r16(0x061C, 0x061C, 0x200B, 0x200F, 0x202A, 0x202E, 0x2060, 0x2064, 0x2066, 0x2069, 0xFEFF, 0xFEFF), ""},
	{SmallLetters, set(0x06E5, 0x06E6), ""},
	{QuranSigns, set(0x06DD, 0x06DE, 0x06E9), ""},
	{VerseNumbers, r16(0x0660, 0x0669, 0x06F0, 0x06F9, 0xFD3E, 0xFD3F), ""},
	{Punctuation, set('.', ',', ';', ':', '!', '?', 0x2026, 0x060C, 0x061B, 0x061F), ""},
	{AlefHamza, set(0x0622, 0x0623, 0x0625), "\u0627"},
	{AlefMadda, set(0x0622), "\u0627"},
	{AlefWasla, set(0x0671), "\u0627"},
	{AlefWavyHamza, set(0x0672, 0x0673), "\u0627"},
	{AlefMaksura, set(0x0649), "\u064A"},
	{TehMarbuta, set(0x0629), "\u0647"},
	{Persian, set(0x06CC), "\u064A"},
	{Persian, set(0x06A9), "\u0643"},
	{Persian, set(0x06C0), "\u0647"},
	{Urdu, set(0x06D2), "\u064A"},
	{Urdu, set(0x06C1), "\u0647"},
	{Lookalikes, set(0x06BE, 0x06D5), "\u0647"},
	{HamzaSeats, set(0x0624), "\u0648"},
	{HamzaSeats, set(0x0626), "\u064A"},
	{SeatedHamza, set(0x0624, 0x0626), "\u0621"},
}

// foldNames names every single-bit fold, in bit order.
var foldNames = []string{
	"PresentationForms", "Harakat", "Shadda", "HamzaAboveMark", "OtherMarks", "DaggerAlef",
	"Quranic", "Tatweel", "AlefHamza", "AlefWasla", "AlefWavyHamza", "AlefMaksura", "TehMarbuta",
	"Persian", "Urdu", "Lookalikes", "Digits", "DecimalDigits", "Controls", "ZWNJSpace", "Spaces",
	"HamzaSeats", "SeatedHamza", "HamzaUniform", "LamAlef", "SmallLetters", "DaggerAlefToAlef",
	"AlefMadda", "QuranSigns", "VerseNumbers", "Punctuation", "CollapseSpaces",
}

// String lists the folds in f, joined by "|".
func (f Fold) String() string {
	var names []string
	for i, n := range foldNames {
		if f&(1<<i) != 0 {
			names = append(names, n)
		}
	}
	return strings.Join(names, "|")
}

// isJSSpace reports whether JavaScript's \s matches r.
func isJSSpace(r rune) bool {
	return (unicode.IsSpace(r) && r != 0x85) || r == 0xFEFF
}

// digitValue returns the value of the decimal digit r. Unicode assigns
// decimal digits (Nd) in contiguous runs that start at zero, so the value is
// the distance from the start of the run, modulo 10.
func digitValue(r rune) (int, bool) {
	if !unicode.Is(unicode.Nd, r) {
		return 0, false
	}
	start := r
	for start > 0 && unicode.Is(unicode.Nd, start-1) {
		start--
	}
	return int(r-start) % 10, true
}

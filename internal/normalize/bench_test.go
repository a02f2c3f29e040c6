package normalize_test

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"tahlil/internal/normalize"
	"tahlil/internal/testenv"
)

// article returns the sample article, and about 1 MB made by repeating it.
func article(b *testing.B) (small, large string) {
	b.Helper()
	data, err := os.ReadFile(testenv.Shared(b, "samples/article-blinken-netanyahu.txt"))
	if err != nil {
		b.Fatal(err)
	}
	small = string(data)
	large = strings.Repeat(small+"\n", (1<<20)/(len(small)+1)+1)
	return small, large
}

func benchString(b *testing.B, n *normalize.Normalizer, s string) {
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = n.String(s)
	}
}

func benchMap(b *testing.B, n *normalize.Normalizer, s string) {
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = n.Map(s)
	}
}

func benchNFC(b *testing.B, s string) {
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		_ = norm.NFC.String(s)
	}
}

func BenchmarkSearch(b *testing.B) {
	small, large := article(b)
	normal := normalize.Search.String(small)
	b.Run("String/article", func(b *testing.B) { benchString(b, normalize.Search, small) })
	b.Run("String/1MB", func(b *testing.B) { benchString(b, normalize.Search, large) })
	b.Run("String/normalized", func(b *testing.B) { benchString(b, normalize.Search, normal) })
	b.Run("Map/article", func(b *testing.B) { benchMap(b, normalize.Search, small) })
	b.Run("Map/1MB", func(b *testing.B) { benchMap(b, normalize.Search, large) })
	b.Run("NFC/article", func(b *testing.B) { benchNFC(b, small) })
	b.Run("NFC/1MB", func(b *testing.B) { benchNFC(b, large) })
}

// vocalized is fully vocalized text, with shadda typed before the vowel
// (the order keyboards produce, which NFC reorders), about 64 KB.
var vocalized = strings.ReplaceAll(
	strings.Repeat("قالَ الوزيرُ إنَّ المُفاوَضاتِ ستُستأنَفُ قريباً، وأكَّدَ أنَّ الحَلَّ مُمكِنٌ. ", 400),
	"\u064E\u0651", "\u0651\u064E")

func BenchmarkVocalized(b *testing.B) {
	b.Run("String", func(b *testing.B) { benchString(b, normalize.Search, vocalized) })
	b.Run("Map", func(b *testing.B) { benchMap(b, normalize.Search, vocalized) })
	b.Run("NFC", func(b *testing.B) { benchNFC(b, vocalized) })
}

func BenchmarkPresets(b *testing.B) {
	small, _ := article(b)
	for _, name := range normalize.PresetNames {
		n, _ := normalize.Preset(name)
		b.Run(name, func(b *testing.B) { benchString(b, n, small) })
	}
}

package ner

import (
	"os"
	"strings"
	"testing"

	"tahlil/internal/token"
)

// benchText returns about n bytes of Arabic news-like text: the project's
// sample article when it is available, otherwise a built-in paragraph,
// repeated.
func benchText(n int) string {
	base := "أعلن الرئيس الأمريكي في مؤتمر صحفي عقده في البيت الأبيض بواشنطن أن وزير الخارجية سيزور القاهرة وعمان والرياض الأسبوع المقبل، " +
		"لبحث الأوضاع في قطاع غزة مع الرئيس المصري عبد الفتاح السيسي والملك عبد الله الثاني، وفق ما نقلت وكالة الأنباء الفرنسية. " +
		"وقالت منظمة الصحة العالمية إن الوضع الإنساني يتدهور، فيما دعا الأمين العام للأمم المتحدة إلى وقف فوري لإطلاق النار.\n"
	if b, err := os.ReadFile("../../../shared/samples/article-blinken-netanyahu.txt"); err == nil && len(b) > 0 {
		base = string(b)
	}
	return strings.Repeat(base, n/len(base)+1)
}

func BenchmarkRecognize(b *testing.B) {
	d := token.Tokenize(benchText(1 << 20))
	m := Default()
	b.SetBytes(int64(len(d.Text)))
	b.ResetTimer()
	for b.Loop() {
		m.Recognize(d)
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkFirstUse measures the first analysis with a model just made from
// the embedded bytes, as in a fresh WebAssembly instance, against
// BenchmarkWarm, where the same model has already been used.
func BenchmarkFirstUse(b *testing.B) {
	text := benchText(3000)
	for b.Loop() {
		m, _ := Load(modelFile, modelHash)
		m.Recognize(token.Tokenize(text))
	}
}

func BenchmarkWarm(b *testing.B) {
	text := benchText(3000)
	m := Default()
	m.Recognize(token.Tokenize(text))
	for b.Loop() {
		m.Recognize(token.Tokenize(text))
	}
}

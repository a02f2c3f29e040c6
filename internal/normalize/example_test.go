package normalize_test

import (
	"fmt"

	"tahlil/internal/normalize"
)

func ExampleNormalizer_String() {
	fmt.Println(normalize.Search.String("قالَ الوزيرُ إنّ ﻻ مكان لـــلتطرّف في المنطقة ٢٠٢٤"))
	fmt.Println(normalize.Lucene.String("أَحْمَد ﻻ"))
	fmt.Println(normalize.Display.String("\u200fﻻ تَنْسَ\u00a0ذلك"))
	// Output:
	// قال الوزير ان لا مكان للتطرف في المنطقه 2024
	// احمد ﻻ
	// لا تَنْسَ ذلك
}

func ExampleNormalizer_Map() {
	m := normalize.Search.Map("أَحمد ﷲ")
	fmt.Println(m.Text)
	fmt.Println(m.Spans)
	// Output:
	// احمد الله
	// [{0 2} {2 3} {3 4} {4 5} {5 6} {6 7} {6 7} {6 7} {6 7}]
}

func ExampleMapped_Source() {
	in := []rune("زار بلينكن القاهرةَ أمس")
	m := normalize.Search.Map(string(in))
	// "القاهره" is output code points 11 to 18.
	start, end := m.Source(11, 18)
	fmt.Println(string(in[start:end]))
	// Output: القاهرةَ
}

func ExampleNew() {
	dediac := normalize.New(normalize.Harakat | normalize.Shadda | normalize.DaggerAlef)
	fmt.Println(dediac.String("الرَّحْمَٰن"))
	fmt.Println(normalize.New(normalize.ZWNJSpace).String("می\u200cخورد"))
	// Output:
	// الرحمن
	// می خورد
}

func ExamplePreset() {
	for _, name := range []string{"search", "lucene", "camel-alef", "nope"} {
		n, ok := normalize.Preset(name)
		if !ok {
			fmt.Println(name, "unknown")
			continue
		}
		fmt.Println(name, n.String("إلى المكتبة"))
	}
	// Output:
	// search الي المكتبه
	// lucene الي المكتبه
	// camel-alef الى المكتبة
	// nope unknown
}

func ExampleFold_String() {
	fmt.Println(normalize.Alef | normalize.Tatweel)
	// Output: Tatweel|AlefHamza|AlefWasla|AlefWavyHamza
}

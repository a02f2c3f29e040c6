package analysis_test

import (
	"errors"
	"fmt"

	"tahlil/internal/analysis"
	"tahlil/internal/analysis/analysistest"
)

// Dates and amounts come from rules, so they do not depend on the model.
func ExampleAnalyze() {
	res, err := analysis.Analyze("وقدّرت الخسائر بـ3.5 مليار دولار منذ 7 أكتوبر/تشرين الأول 2023، وارتفعت الأسعار 12 في المئة.", analysis.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range res.Entities {
		if e.Type == analysis.DATE || e.Type == analysis.NUM {
			fmt.Printf("%s [%d,%d) %s | %s\n", e.Type, e.Start, e.End, e.Text, e.Key)
		}
	}
	fmt.Println(res.Stats.Words, "words")
	// Output:
	// NUM [17,32) 3.5 مليار دولار | 3.5 مليار دولار
	// DATE [37,62) 7 أكتوبر/تشرين الأول 2023 | 7 اكتوبر/تشرين الاول 2023
	// NUM [80,91) 12 في المئة | 12 في المئه
	// 16 words
}

// Bad input gives an *analysis.Error with a stable code.
func ExampleAnalyze_errors() {
	_, err := analysis.Analyze("غزة \xff", analysis.Options{})
	var ae *analysis.Error
	if errors.As(err, &ae) {
		fmt.Println(ae.Code)
	}
	res, err := analysis.Analyze("", analysis.Options{})
	fmt.Println(len(res.Entities), res.Stats.Words, err)
	// Output:
	// invalid_utf8
	// 0 0 <nil>
}

// Any name recognizer can stand in for the embedded model; the rules, the
// grouping and the span rules stay the same.
func ExampleAnalyzeWith() {
	names := analysistest.Names{"انتوني بلينكن": analysis.PER, "امم المتحده": analysis.ORG}
	res, _ := analysis.AnalyzeWith("التقى أنتوني بلينكن ممثلين للأمم المتحدة، ثم عاد بلينكن إلى واشنطن.", analysis.Options{}, names)
	for _, e := range res.Entities {
		fmt.Printf("%s %s (group %d)\n", e.Type, e.Text, e.Group)
	}
	for _, g := range res.Groups {
		fmt.Printf("group %d: %s ×%d\n", g.ID, g.Label, g.Count)
	}
	// Output:
	// PER أنتوني بلينكن (group 0)
	// ORG أمم المتحدة (group 1)
	// PER بلينكن (group 0)
	// group 0: أنتوني بلينكن ×2
	// group 1: الأمم المتحدة ×1
}

package analysis

import (
	"unicode"
	"unicode/utf8"

	"tahlil/internal/normalize"
)

// MaxBytes is the largest input Analyze accepts.
const MaxBytes = 8 << 20

// Version identifies the build and model in results.
var Version = "tahlil 0.1.0"

// Analyze analyzes text. It returns an *Error for empty, oversized or
// invalid UTF-8 input.
func Analyze(text string, opt Options) (*Result, error) {
	if len(text) > MaxBytes {
		return nil, &Error{Code: "too_large", Message: "text is larger than 8 MiB"}
	}
	if !utf8.ValidString(text) {
		return nil, &Error{Code: "invalid_utf8", Message: "text is not valid UTF-8"}
	}
	res := &Result{Version: Version, Length: utf8.RuneCountInString(text), Entities: []Entity{}, Groups: []Group{}}
	res.Stats = stats(text)
	if opt.Normalize != "" {
		n, ok := normalize.Preset(opt.Normalize)
		if !ok {
			return nil, &Error{Code: "bad_preset", Message: "unknown normalize preset " + opt.Normalize}
		}
		res.Normalized = &Normalized{Preset: opt.Normalize, Text: n.String(text)}
	}
	return res, nil
}

func stats(text string) Stats {
	var s Stats
	inWord := false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if !inWord {
				s.Words++
			}
			inWord = true
			continue
		}
		inWord = false
		switch r {
		case '.', '!', '?', '؟', '\n':
			s.Sentences++
		}
	}
	s.ReadingMinutes = float64(int(float64(s.Words)/200*10+0.5)) / 10
	s.Entities = map[string]int{}
	return s
}

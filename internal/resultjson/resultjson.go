// Package resultjson encodes an analysis.Result as JSON without reflection.
//
// The output is byte for byte what encoding/json produces with
// SetEscapeHTML(false), minus the trailing newline; the tests hold it to
// that. It exists because encoding/json adds about 0.75 MB to the
// WebAssembly module the web app downloads, and its reflection pushes the
// Cloudflare Worker towards the free plan's size limit; the browser module
// and the server both write results with it.
package resultjson

import (
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"tahlil/internal/analysis"
)

// Append appends the JSON encoding of r to b.
func Append(b []byte, r *analysis.Result) []byte {
	b = append(b, `{"version":`...)
	b = AppendString(b, r.Version)
	b = append(b, `,"length":`...)
	b = strconv.AppendInt(b, int64(r.Length), 10)
	b = append(b, `,"entities":`...)
	if r.Entities == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, e := range r.Entities {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"type":`...)
			b = AppendString(b, e.Type)
			b = append(b, `,"start":`...)
			b = strconv.AppendInt(b, int64(e.Start), 10)
			b = append(b, `,"end":`...)
			b = strconv.AppendInt(b, int64(e.End), 10)
			b = append(b, `,"text":`...)
			b = AppendString(b, e.Text)
			b = append(b, `,"key":`...)
			b = AppendString(b, e.Key)
			b = append(b, `,"group":`...)
			b = strconv.AppendInt(b, int64(e.Group), 10)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"groups":`...)
	if r.Groups == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, g := range r.Groups {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"id":`...)
			b = strconv.AppendInt(b, int64(g.ID), 10)
			b = append(b, `,"type":`...)
			b = AppendString(b, g.Type)
			b = append(b, `,"label":`...)
			b = AppendString(b, g.Label)
			b = append(b, `,"key":`...)
			b = AppendString(b, g.Key)
			b = append(b, `,"count":`...)
			b = strconv.AppendInt(b, int64(g.Count), 10)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	s := r.Stats
	b = append(b, `,"stats":{"words":`...)
	b = strconv.AppendInt(b, int64(s.Words), 10)
	b = append(b, `,"sentences":`...)
	b = strconv.AppendInt(b, int64(s.Sentences), 10)
	b = append(b, `,"reading_minutes":`...)
	b = appendFloat(b, s.ReadingMinutes)
	b = append(b, `,"entities":`...)
	if s.Entities == nil {
		b = append(b, "null"...)
	} else {
		keys := make([]string, 0, len(s.Entities))
		for k := range s.Entities {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = AppendString(b, k)
			b = append(b, ':')
			b = strconv.AppendInt(b, int64(s.Entities[k]), 10)
		}
		b = append(b, '}')
	}
	b = append(b, '}')
	if r.Normalized != nil {
		b = append(b, `,"normalized":{"preset":`...)
		b = AppendString(b, r.Normalized.Preset)
		b = append(b, `,"text":`...)
		b = AppendString(b, r.Normalized.Text)
		b = append(b, '}')
	}
	return append(b, '}')
}

// String returns the JSON encoding of r.
func String(r *analysis.Result) string { return string(Append(nil, r)) }

const hex = "0123456789abcdef"

// AppendString appends s quoted as encoding/json does without HTML escaping.
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendFloat formats f as encoding/json does for float64.
func appendFloat(b []byte, f float64) []byte {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return append(b, "null"...) // encoding/json fails; never produced by Analyze
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

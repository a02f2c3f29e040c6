package server

import (
	"fmt"
	"strconv"
	"unicode/utf8"

	"tahlil/internal/analysis"
	"tahlil/internal/resultjson"
)

// The handler reads and writes JSON by hand, without encoding/json, whose
// reflection adds about 0.17 MiB (gzipped) to the Cloudflare Worker, which
// has to fit in 3 MiB on the free plan. The output is byte for byte what
// encoding/json writes with SetEscapeHTML(false) and the request parser
// accepts exactly the requests encoding/json would decode into
// AnalyzeRequest with DisallowUnknownFields, except that field names must
// match in case and lone surrogate escapes are refused; the tests hold both
// to encoding/json.

// appendResult appends r as tahlil analyze --json prints it, with a newline.
func appendResult(b []byte, r *analysis.Result) []byte {
	return append(resultjson.Append(b, r), '\n')
}

// appendError appends {"error":{"code":...,"message":...}} and a newline.
func appendError(b []byte, code, msg string) []byte {
	b = append(b, `{"error":{"code":`...)
	b = resultjson.AppendString(b, code)
	b = append(b, `,"message":`...)
	b = resultjson.AppendString(b, msg)
	return append(b, "}}\n"...)
}

// appendHealth appends h and a newline.
func appendHealth(b []byte, h Health) []byte {
	b = append(b, `{"status":`...)
	b = resultjson.AppendString(b, h.Status)
	b = append(b, `,"version":`...)
	b = resultjson.AppendString(b, h.Version)
	b = append(b, `,"model":`...)
	b = resultjson.AppendString(b, h.Model)
	return append(b, "}\n"...)
}

// requestError is a refused request body: an error code and a message that
// says what is wrong.
type requestError struct{ code, msg string }

// parser reads one /api/analyze request body. The body is valid UTF-8.
type parser struct {
	b   []byte
	i   int
	err *requestError
}

// decodeRequest parses body, which must be a JSON object whose members are
// "text" and "normalize", each a string or null.
func decodeRequest(body []byte) (AnalyzeRequest, *requestError) {
	var req AnalyzeRequest
	p := &parser{b: body}
	p.ws()
	if p.i == len(p.b) {
		return req, &requestError{"invalid_json", `request body is empty; send {"text": "..."}`}
	}
	if p.b[p.i] != '{' {
		if !p.skipValue() {
			return req, p.err
		}
		return req, &requestError{"invalid_json", `request body must be a JSON object like {"text": "..."}, not ` + kindOf(body[firstNonSpace(body)])}
	}
	p.i++
	p.ws()
	if p.peek() == '}' {
		p.i++
	} else {
		for {
			p.ws()
			if p.peek() != '"' {
				return req, p.syntax("looking for the beginning of an object key string")
			}
			key, ok := p.str()
			if !ok {
				return req, p.err
			}
			p.ws()
			if p.peek() != ':' {
				return req, p.syntax("after object key")
			}
			p.i++
			p.ws()
			var dst **string
			var norm *string
			switch key {
			case "text":
				dst = &req.Text
			case "normalize":
				dst = &norm
			default:
				// Check the rest is JSON first, as encoding/json does.
				if !p.skipValue() || !p.skipRest() {
					return req, p.err
				}
				return req, &requestError{"invalid_json", fmt.Sprintf(`request body has an unknown field %q; the fields are "text" and "normalize"`, key)}
			}
			switch p.peek() {
			case '"':
				s, ok := p.str()
				if !ok {
					return req, p.err
				}
				*dst = &s
			case 'n':
				if !p.literal("null") {
					return req, p.err
				}
				*dst = nil
			default:
				start := p.i
				if !p.skipValue() || !p.skipRest() {
					return req, p.err
				}
				return req, &requestError{"invalid_json", fmt.Sprintf("field %q must be a string, not %s", key, kindOf(body[start]))}
			}
			if key == "normalize" {
				req.Normalize = ""
				if norm != nil {
					req.Normalize = *norm
				}
			}
			p.ws()
			switch p.peek() {
			case ',':
				p.i++
				continue
			case '}':
				p.i++
			default:
				return req, p.syntax("after object key:value pair")
			}
			break
		}
	}
	p.ws()
	if p.i < len(p.b) {
		return req, &requestError{"invalid_json", "request body has data after the JSON object"}
	}
	if req.Text == nil {
		return req, &requestError{"missing_text", `request body has no "text" field; send {"text": "..."}`}
	}
	return req, nil
}

func firstNonSpace(b []byte) int {
	for i, c := range b {
		if !isSpace(c) {
			return i
		}
	}
	return 0
}

// kindOf names the JSON value that starts with c.
func kindOf(c byte) string {
	switch c {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "bool"
	case 'n':
		return "null"
	}
	return "number"
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (p *parser) ws() {
	for p.i < len(p.b) && isSpace(p.b[p.i]) {
		p.i++
	}
}

// peek returns the next byte, or 0 at the end.
func (p *parser) peek() byte {
	if p.i < len(p.b) {
		return p.b[p.i]
	}
	return 0
}

// syntax records a syntax error at the current offset and returns it.
func (p *parser) syntax(context string) *requestError {
	if p.i >= len(p.b) {
		p.err = &requestError{"invalid_json", "request body is not valid JSON: it ends in the middle of a value"}
		return p.err
	}
	c, _ := utf8.DecodeRune(p.b[p.i:])
	p.err = &requestError{"invalid_json", fmt.Sprintf("request body is not valid JSON: invalid character %s %s (at offset %d)", quoteChar(c), context, p.i+1)}
	return p.err
}

func quoteChar(c rune) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(c))
	return "'" + s[1:len(s)-1] + "'"
}

// literal reads the literal word (true, false or null).
func (p *parser) literal(word string) bool {
	for k := 0; k < len(word); k++ {
		if p.i >= len(p.b) || p.b[p.i] != word[k] {
			p.syntax("in literal " + word + " (expecting " + strconv.QuoteRune(rune(word[k])) + ")")
			return false
		}
		p.i++
	}
	return true
}

// str reads a string starting at the opening quote and returns its value.
// A lone UTF-16 surrogate escape is refused with the code invalid_utf8.
func (p *parser) str() (string, bool) {
	p.i++ // opening quote
	var out []byte
	run := p.i
	for {
		if p.i >= len(p.b) {
			p.syntax("")
			return "", false
		}
		c := p.b[p.i]
		switch {
		case c == '"':
			var s string
			if out == nil {
				s = string(p.b[run:p.i])
			} else {
				s = string(append(out, p.b[run:p.i]...))
			}
			p.i++
			return s, true
		case c < 0x20:
			p.syntax("in string literal")
			return "", false
		case c != '\\':
			p.i++
			continue
		}
		out = append(out, p.b[run:p.i]...)
		esc := p.i
		p.i++
		switch p.peek() {
		case '"', '\\', '/':
			out = append(out, p.b[p.i])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(p.b, p.i+1)
			if !ok {
				p.i++
				for k := 0; k < 4 && p.i < len(p.b) && isHex(p.b[p.i]); k++ {
					p.i++
				}
				p.syntax("in \\u hexadecimal character escape")
				return "", false
			}
			p.i += 4
			if r >= 0xD800 && r <= 0xDFFF {
				lo, ok := rune(0), false
				if r <= 0xDBFF && p.i+2 < len(p.b) && p.b[p.i+1] == '\\' && p.b[p.i+2] == 'u' {
					lo, ok = hex4(p.b, p.i+3)
				}
				if !ok || lo < 0xDC00 || lo > 0xDFFF {
					p.err = &requestError{"invalid_utf8", fmt.Sprintf("request body has an unpaired UTF-16 surrogate escape at offset %d; text must be valid Unicode", esc)}
					return "", false
				}
				r = (r-0xD800)<<10 + (lo - 0xDC00) + 0x10000
				p.i += 6
			}
			out = utf8.AppendRune(out, r)
		default:
			p.syntax("in string escape code")
			return "", false
		}
		p.i++
		run = p.i
	}
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// skipValue checks and skips one JSON value of any kind.
func (p *parser) skipValue() bool {
	p.ws()
	switch c := p.peek(); {
	case c == '"':
		_, ok := p.str()
		return ok
	case c == '{':
		p.i++
		p.ws()
		if p.peek() == '}' {
			p.i++
			return true
		}
		for {
			p.ws()
			if p.peek() != '"' {
				p.syntax("looking for the beginning of an object key string")
				return false
			}
			if _, ok := p.str(); !ok {
				return false
			}
			p.ws()
			if p.peek() != ':' {
				p.syntax("after object key")
				return false
			}
			p.i++
			if !p.skipValue() {
				return false
			}
			p.ws()
			switch p.peek() {
			case ',':
				p.i++
			case '}':
				p.i++
				return true
			default:
				p.syntax("after object key:value pair")
				return false
			}
		}
	case c == '[':
		p.i++
		p.ws()
		if p.peek() == ']' {
			p.i++
			return true
		}
		for {
			if !p.skipValue() {
				return false
			}
			p.ws()
			switch p.peek() {
			case ',':
				p.i++
			case ']':
				p.i++
				return true
			default:
				p.syntax("after array element")
				return false
			}
		}
	case c == 't':
		return p.literal("true")
	case c == 'f':
		return p.literal("false")
	case c == 'n':
		return p.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		return p.number()
	}
	p.syntax("looking for beginning of value")
	return false
}

// number checks and skips a JSON number.
func (p *parser) number() bool {
	if p.peek() == '-' {
		p.i++
	}
	switch c := p.peek(); {
	case c == '0':
		p.i++
	case '1' <= c && c <= '9':
		for p.i < len(p.b) && '0' <= p.b[p.i] && p.b[p.i] <= '9' {
			p.i++
		}
	default:
		p.syntax("in numeric literal")
		return false
	}
	if p.peek() == '.' {
		p.i++
		if c := p.peek(); c < '0' || c > '9' {
			p.syntax("after decimal point in numeric literal")
			return false
		}
		for p.i < len(p.b) && '0' <= p.b[p.i] && p.b[p.i] <= '9' {
			p.i++
		}
	}
	if c := p.peek(); c == 'e' || c == 'E' {
		p.i++
		if c := p.peek(); c == '+' || c == '-' {
			p.i++
		}
		if c := p.peek(); c < '0' || c > '9' {
			p.syntax("in exponent of numeric literal")
			return false
		}
		for p.i < len(p.b) && '0' <= p.b[p.i] && p.b[p.i] <= '9' {
			p.i++
		}
	}
	return true
}

// skipRest checks the rest of the enclosing object after a member value,
// then anything after it, so that a body with a wrong field is reported as
// broken JSON when it is broken further on.
func (p *parser) skipRest() bool {
	for {
		p.ws()
		switch p.peek() {
		case ',':
			p.i++
			p.ws()
			if p.peek() != '"' {
				p.syntax("looking for the beginning of an object key string")
				return false
			}
			if _, ok := p.str(); !ok {
				return false
			}
			p.ws()
			if p.peek() != ':' {
				p.syntax("after object key")
				return false
			}
			p.i++
			if !p.skipValue() {
				return false
			}
		case '}':
			p.i++
			return true
		default:
			p.syntax("after object key:value pair")
			return false
		}
	}
}
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			r = r<<4 | rune(c-'0')
		case 'a' <= c && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case 'A' <= c && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

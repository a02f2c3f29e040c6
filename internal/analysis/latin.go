package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"tahlil/internal/token"
)

// latinNames marks names written in Latin letters, which the model, trained
// on Arabic text, leaves out: a run of Latin words and a version number
// after them (iPhone 18، Gemini 3) is an organization when its first word is
// a well-known company or body (OpenAI، Google، NATO) or it follows an
// Arabic head noun of an organization (شركة Gartner), and a product, MISC,
// when its first word is a well-known product (ChatGPT، iPhone) or it
// follows a noun for a product (نموذج، هاتف، رقائق). Other Latin words are
// left alone, and so are runs the model or an earlier rule already marked.
// Punctuation ends a run (GPT-5.5 gives GPT), as the API keeps it out of
// names.
func latinNames(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	var out []span
	j := 0
	for k := 0; k < len(toks); k++ {
		if toks[k].Kind != token.Latin {
			continue
		}
		last := latinRun(toks, k)
		j = spanFrom(spans, j, k)
		if j < len(spans) && spans[j].first <= last {
			k = last
			continue
		}
		first := toks[k].Norm
		typ := ""
		switch {
		case latinOrg(strings.ToLower(first)):
			typ = ORG
		case latinProduct(strings.ToLower(first)):
			typ = MISC
		case k > 0 && toks[k-1].Kind == token.Word && hasUpper(first):
			switch h := toks[k-1].Bare(); {
			case latinOrgHead(h):
				typ = ORG
			case latinProductHead(h):
				typ = MISC
			}
		}
		if typ != "" {
			if typ == ORG && toks[last].Kind == token.Number {
				last-- // a company's name ends before a number after it
			}
			out = append(out, span{typ: typ, first: k, last: last, start: toks[k].Start, end: toks[last].End})
		}
		k = last
	}
	return out
}

// latinRun returns the last token of the run of Latin words that starts at
// token k: Latin words after a space, and a number after a space that ends
// it (iPhone 18). Punctuation ends the run, as the API keeps it out of
// every name: GPT-5.5 gives GPT.
func latinRun(toks []token.Token, k int) int {
	last := k
	for i := k + 1; i < len(toks) && toks[i].SpaceBefore; i++ {
		switch toks[i].Kind {
		case token.Latin:
			last = i
		case token.Number:
			return i
		default:
			return last
		}
	}
	return last
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// latinOrgHead reports whether the bare Arabic word heads the name of an
// organization written after it in Latin letters.
func latinOrgHead(w string) bool {
	switch w {
	case "شركه", "مؤسسه", "مجموعه", "بنك", "مصرف", "وكاله", "صحيفه", "قناه", "شبكه", "جامعه", "منظمه",
		"منصه", "موقع", "صندوق", "هيئه", "مختبر", "مختبرات", "شركات":
		return true
	}
	return false
}

// latinProductHead reports whether the bare Arabic word names a kind of
// product whose name follows it in Latin letters.
func latinProductHead(w string) bool {
	switch w {
	case "نموذج", "نموذجها", "نموذجه", "نماذج", "هاتف", "هواتف", "رقائق", "رقاقه", "شريحه", "معالج",
		"تطبيق", "تطبيقات", "نظام", "متصفح", "لعبه", "جهاز", "اجهزه", "سياره", "طائره", "صاروخ", "مساعد",
		"روبوت", "برمجيه", "خدمه":
		return true
	}
	return false
}

// latinOrg reports whether the lower-cased Latin word names a well-known
// company, medium or international body.
func latinOrg(w string) bool { return latinOrgs.has(w) }

// latinOrgs is the list latinOrg searches.
var latinOrgs = &wordList{src: `adnoc afp airbnb airbus alibaba alphabet amazon amd anthropic apple aramco baidu bbc
blackrock bloomberg boeing byd bytedance careem chevron cnbc cnn deepseek deloitte disney
exxonmobil facebook fifa fitch g42 gartner goldman google hamas hbo hezbollah huawei
humain iaea ibm icc imf instagram intel jpmorgan kpmg linkedin lockheed mastercard
mckinsey meta mgx microsoft mistral moody's moodys nasa nato netflix nvidia oecd opec
openai oracle paramount paypal pwc qualcomm raytheon reuters samsung snapchat sony spacex
spotify stc telegram tencent tesla tiktok totalenergies tsmc twitter uber uefa unesco
unhcr unicef unrwa visa whatsapp who wto xai xiaomi youtube`}

// latinProduct reports whether the lower-cased Latin word names a
// well-known product.
func latinProduct(w string) bool { return latinProducts.has(w) }

// latinProducts is the list latinProduct searches.
var latinProducts = &wordList{src: `alexa android blackwell chatgpt claude copilot galaxy gemini gpt grok ios ipad iphone
kindle llama macbook midjourney pixel playstation siri sora starlink starship windows xbox`}

// wellKnownOrgs marks one-word organizations the model left out whose
// names are no common words: agencies (الموساد، أوتشا، الأونروا), alliances
// and bodies (الناتو، الكرملين، الكنيست), companies (غوغل، أرامكو) and حماس,
// which is also a word (zeal) but not after the news's prepositions other
// than ب (بحماس is "eagerly").
func wellKnownOrgs(d *token.Doc, spans []span) []span {
	var out []span
	j := 0
	for k := range d.Tokens {
		t := &d.Tokens[k]
		if t.Kind != token.Word || len(t.Stem) < 6 || !orgWords.has(t.Stem) {
			continue
		}
		if t.Stem == "حماس" && strings.Contains(t.Pre, "ب") {
			continue
		}
		j = spanFrom(spans, j, k)
		if j < len(spans) && spans[j].first <= k {
			continue
		}
		out = append(out, span{typ: ORG, first: k, last: k, skip: utf8.RuneCountInString(t.Pre), start: t.EntStart, end: t.End})
	}
	return out
}

// orgWords is the list wellKnownOrgs searches, search-normalized, with the
// article where the news writes it.
var orgWords = &wordList{src: `ادنوك ارامكو الازهر الاسكوا الانتربول الاونروا البنتاغون الحوثيون الحوثيين الشاباك الفاو الفيفا الكرملين
الكنيست الكونغرس الموساد الناتو اليوروبول اليونسكو اليونيسف اليونيفيل اليويفا انفيديا اوبك اوتشا ايرباص
بلومبرغ بوينغ تسلا تويتر حماس رويترز سابك سامسونغ غوغل فيسبوك قسد مايكروسوفت ناسا نتفليكس هواوي واتساب يوتيوب`}

// productNumbers joins a model number that follows a product written in
// Arabic letters to it, as latinRun does for Latin ones: "هاتف آيفون 17" is
// the phone آيفون 17, not آيفون and the number 17.
func productNumbers(d *token.Doc, spans []span) []span {
	out := joinAdjacent(spans, func(p, s span) bool {
		t := &d.Tokens[s.first]
		if s.typ != NUM || s.first != s.last || t.Kind != token.Number || !t.SpaceBefore || strings.ContainsAny(t.Norm, ".,،٫٬") {
			return false // a model number has no separators: آيفون 17, not آيفون 0,0
		}
		w := d.Tokens[s.first-1].Norm
		return p.typ == MISC && arabicProduct(w) || p.typ == ORG && p.first == p.last && aircraftMaker(w)
	})
	for i := range out {
		if s := &out[i]; s.typ == ORG && s.last > s.first && aircraftMaker(d.Tokens[s.first].Norm) && d.Tokens[s.last].Kind == token.Number {
			s.typ = MISC // بوينغ 787 is the aircraft
		}
	}
	return out
}

// eventYears joins a year to the event or plan right before it: كأس العالم
// 2026 and رؤية 2030 are names, not a name and a date.
func eventYears(d *token.Doc, spans []span) []span {
	out := joinAdjacent(spans, func(p, s span) bool {
		t := &d.Tokens[s.first]
		if s.typ != DATE || s.first != s.last || t.Kind != token.Number || len(t.Norm) != 4 || !t.SpaceBefore {
			return false
		}
		return p.typ == MISC || p.typ == LOC && p.first == p.last && p.first > 0 && d.Tokens[p.first-1].Stem == "رؤيه" && p.skip == 0
	})
	for i := range out {
		// رؤية السعودية 2030: the plan, named by its country and year.
		if s := &out[i]; s.typ == LOC && s.last > s.first && d.Tokens[s.last].Kind == token.Number && s.first > 0 &&
			d.Tokens[s.first-1].Stem == "رؤيه" {
			h := &d.Tokens[s.first-1]
			s.typ, s.first, s.skip, s.start = MISC, s.first-1, utf8.RuneCountInString(h.Pre), h.EntStart
		}
	}
	for i := range out {
		s := &out[i]
		if s.typ != DATE || s.first != s.last || s.first == 0 || s.skip > 0 || i > 0 && out[i-1].last >= s.first-1 {
			continue
		}
		if t, h := &d.Tokens[s.first], &d.Tokens[s.first-1]; t.Kind == token.Number && len(t.Norm) == 4 && t.SpaceBefore &&
			h.Kind == token.Word && !h.Al && (h.Stem == "رؤيه" || h.Stem == "اكسبو") {
			s.typ, s.first, s.skip, s.start = MISC, s.first-1, utf8.RuneCountInString(h.Pre), h.EntStart
		}
	}
	return out
}

// agencyInitials marks the initials of news agencies in brackets, as
// datelines credit them: "باريس (أ ف ب)"، "(د ب أ)"، "(أ ش أ)". The letters are
// tokens of their own, and the tokenizer takes a lone ب for a proclitic, so
// the model sees no name there.
func agencyInitials(d *token.Doc) []span {
	toks := d.Tokens
	var out []span
	for k := 0; k+4 < len(toks); k++ {
		if toks[k].Kind != token.Punct || toks[k].Norm != "(" || toks[k+4].Kind != token.Punct || toks[k+4].Norm != ")" {
			continue
		}
		var b strings.Builder
		for i := k + 1; i <= k+3; i++ {
			if t := &toks[i]; t.Kind != token.Word || utf8.RuneCountInString(t.Norm) != 1 || i > k+1 && !t.SpaceBefore {
				b.Reset()
				break
			} else {
				b.WriteString(t.Norm)
			}
		}
		switch b.String() {
		case "افب", "دبا", "اشا":
			out = append(out, span{typ: ORG, first: k + 1, last: k + 3, start: toks[k+1].Start, end: toks[k+3].End})
			k += 4
		}
	}
	return out
}

// aircraftMaker reports whether w is a maker whose name with a number is an
// aircraft: "طائرة من طراز بوينغ 787".
func aircraftMaker(w string) bool {
	return w == "بوينغ" || w == "ايرباص" || w == "امبراير" || w == "بيجو" || w == "رينو"
}

// arabicProduct reports whether w is a product name that a model number
// follows (آيفون 17، غالاكسي S25 aside, which is Latin).
func arabicProduct(w string) bool {
	switch w {
	case "ايفون", "ايباد", "غالاكسي", "جالاكسي", "بلايستيشن", "ويندوز", "بيكسل":
		return true
	}
	return false
}

package analysis

import (
	"slices"
	"strings"
	"unicode/utf8"

	"tahlil/internal/gazetteer"
	"tahlil/internal/ner"
	"tahlil/internal/token"
)

// placeWord reports whether t, a word, names a listed place or a country.
func placeWord(t *token.Token) bool {
	return ner.ListedType(t.Stem) == LOC || gazetteer.IsCountry(gazetteer.Key(t.Bare()))
}

// lineStart reports whether token k begins a line of d.
func lineStart(d *token.Doc, seek *byteSeeker, k int) bool {
	if k == 0 {
		return true
	}
	b0 := seek.at(d.Tokens[k-1].End)
	return strings.IndexByte(d.Text[b0:seek.at(d.Tokens[k].Start)], '\n') >= 0
}

// datelines returns a place for the one word that opens a line before a
// dash, as a news story's dateline does ("مسقط - استضافت"), or before an
// agency in brackets and a dash ("نيويورك (رويترز) - قال"), when that word
// is a listed place or a country and nothing covers it yet. A model span of
// another type over just that word before an agency becomes the place.
func datelines(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	seek := byteSeeker{text: d.Text}
	var out []span
	j := 0
	for k := 0; k+1 < len(toks); k++ {
		t := &toks[k]
		if t.Kind != token.Word || t.Pre != "" || !toks[k+1].SpaceBefore || !datelineAfter(toks, k+1) {
			continue
		}
		if j = spanFrom(spans, j, k); j < len(spans) && spans[j].first <= k {
			// An agency in brackets makes the line a dateline whatever
			// the word: the model's name over it is the place.
			if s := &spans[j]; s.model && s.first == k && s.last == k && s.typ != LOC && toks[k+1].Norm == "(" && lineStart(d, &seek, k) {
				s.typ = LOC
			}
			continue
		}
		if placeWord(t) && lineStart(d, &seek, k) {
			out = append(out, spanOver(d, LOC, k, k))
		}
	}
	return out
}

// datelineAfter reports whether a dateline's dash follows at token k, or an
// agency's name in brackets and then the dash: "(رويترز) -".
func datelineAfter(toks []token.Token, k int) bool {
	if dash(&toks[k]) {
		return true
	}
	if toks[k].Norm != "(" {
		return false
	}
	for i := k + 1; i < len(toks) && i <= k+5; i++ {
		if toks[i].Norm == ")" {
			return i+1 < len(toks) && dash(&toks[i+1])
		}
	}
	return false
}

// dash reports whether t is a dash, as datelines use.
func dash(t *token.Token) bool {
	return t.Kind == token.Punct && strings.ContainsAny(t.Norm, "-–—ـ")
}

// capitals returns a place for a listed city named as a capital that the
// model left out: "العاصمة العمانية مسقط", "عاصمتها الرباط".
func capitals(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	var out []span
	j := 0
	for k := 1; k < len(toks); k++ {
		t := &toks[k]
		if t.Kind != token.Word || t.Pre != "" || !t.SpaceBefore {
			continue
		}
		h := k - 1
		if h > 0 && toks[h-1].Stem == "العاصمه" && femNationality(toks[h].Norm) {
			h--
		}
		if w := toks[h].Stem; toks[h].Kind != token.Word || w != "العاصمه" && !strings.HasPrefix(w, "عاصمت") || ner.ListedType(t.Stem) != LOC {
			continue
		}
		if j = spanFrom(spans, j, k); j < len(spans) && spans[j].first <= k {
			continue
		}
		out = append(out, spanOver(d, LOC, k, k))
	}
	return out
}

// splitRunOns splits a model span that runs two names into one:
//   - a place over و and the next word ("ديربورن وهامترامك", "وادي خالد
//     وحوش"): no place name holds a word with و attached, except the few
//     countries named with it (ترينيداد وتوباغو);
//   - a body over و and another body's head ("الاتحاد الأوروبي والصندوق
//     السعودي");
//   - a place or body of two words into the listed given name after it
//     ("لبنان كلوديا فيشر"، "الريان ياسين"), unless a word with the article
//     follows, where splitOrgPerson leaves the name to the body.
func splitRunOns(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	return splitEach(spans, func(_ int, s span) (span, span, bool) {
		if !s.model || s.last == s.first || s.typ != LOC && s.typ != ORG {
			return s, s, false
		}
		at := func(k int, typ string) (span, span, bool) {
			left := s
			left.last, left.end = k-1, toks[k-1].End
			right := spanOver(d, typ, k, s.last)
			right.model = typ != LOC // as before: a town after و does not spread
			return left, right, true
		}
		if g := &toks[s.last]; s.last == s.first+1 && g.Pre == "" && ner.GivenName(g.Stem) && ner.ListedType(g.Stem) == "" &&
			(placeWord(&toks[s.first]) || ner.ListedType(toks[s.first].Stem) == ORG) && (s.last+1 == len(toks) || !toks[s.last+1].Al) {
			return at(s.last, PER)
		}
		for k := s.first + 1; k <= s.last; k++ {
			t := &toks[k]
			if t.Kind != token.Word || !strings.HasPrefix(t.Pre, "و") || !t.SpaceBefore {
				continue
			}
			switch {
			case s.typ == LOC && !country(d, s):
				return at(k, LOC)
			case s.typ == ORG && t.Pre == "و" && t.Al && (ner.IsOrgHead(t.Bare()) || facilityType(t.Bare()) == ORG):
				return at(k, ORG)
			}
		}
		return s, s, false
	})
}

// country reports whether the words of s name a country or territory.
func country(d *token.Doc, s span) bool {
	words := make([]string, 0, s.last-s.first+1)
	words = append(words, d.Tokens[s.first].Stem)
	for k := s.first + 1; k <= s.last; k++ {
		words = append(words, d.Tokens[k].Norm)
	}
	return gazetteer.IsCountry(gazetteer.Key(strings.Join(words, " ")))
}

// placeHeadsOne are the nouns for towns and regions.
var placeHeadsOne = &wordList{src: `اقليم بلده جزيره قريه قضاء محافظه مدينه مقاطعه منطقه ناحيه ولايه`}

// placeHeadsMany are the dual and plural forms of the nouns for towns and
// regions, which the model saw too rarely to learn: "في مناطق نوشهرة
// وتشارسدا"، "محيط مدينتي سكهر"، "بمحافظات معان والطفيلة".
var placeHeadsMany = &wordList{src: `ارياف اقاليم اقضيه اقليما اقليمي بلدات بلدتا بلدتي قري قريتا قريتي محافظات محافظتا محافظتي مخيمات مدن مدينتا مدينتي مناطق منطقتا منطقتي ولايات ولايتا ولايتي`}

// placesAfterHeads returns places for the words the model left out after
// a noun for towns or regions (مدينة، محافظات، مناطق): a listed place or
// country, or a word neither the model nor the corpora know (after a
// singular noun, one not shaped like a verbal noun or plural), and the
// words joined to it by و that are such words too.
func placesAfterHeads(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	var out []span
	j := 0
	for k := 1; k < len(toks); k++ {
		h := &toks[k-1]
		if h.Kind != token.Word || h.Al {
			continue
		}
		many := placeHeadsMany.has(h.Bare())
		if !many && !placeHeadsOne.has(h.Bare()) {
			continue
		}
		n := k
		for ; n < len(toks); n++ {
			t := &toks[n]
			if t.Kind != token.Word || !t.SpaceBefore || n == k && t.Pre != "" || n > k && t.Pre != "و" || !placeWord(t) && !(many && unseenWord(t) || placeLike(t)) {
				break
			}
			if j = spanFrom(spans, j, n); j < len(spans) && spans[j].first <= n {
				break
			}
			out = append(out, spanOver(d, LOC, n, n))
		}
		k = n
	}
	return out
}

// placeLike reports whether t is an unseen word (see unseenWord) that is
// not shaped like an Arabic verbal noun or plural the corpora happen to
// lack (تدقيق، مشروعات): after مدينة or منطقة it is the place's name
// (الجليعة، البقيعة), which often ends in ة as nouns do.
func placeLike(t *token.Token) bool { return unseenWord(t) && !nounShaped(t.Bare()) }

// unseenWord reports whether t's word is one the model never saw, the
// corpora hardly hold and no list has: a name, most likely.
func unseenWord(t *token.Token) bool {
	b := t.Bare()
	return utf8.RuneCountInString(b) >= 3 && !ner.Default().Known(b) && !token.CorpusWord(t.Stem) && !ner.Listed(t.Stem) && !ner.Listed(b)
}

// clubHeads are the nouns North African clubs are named with, before their
// town: شبيبة القبائل، مولودية الجزائر، وفاق سطيف، اتحاد خنشلة.
var clubHeads = &wordList{src: `اتحاد امل جمعيه رائد شباب شبيبه مستقبل مولوديه نجم نصر هلال وداد وفاق`}

// clubOfCapital reports whether the bare noun names clubs after a capital
// that is written as its country is (مولودية الجزائر، اتحاد الجزائر).
func clubOfCapital(w string) bool {
	return w == "اتحاد" || w == "مولوديه" || w == "شبيبه" || w == "وفاق"
}

// clubsByHead makes such a noun, without the article, and the place or
// unseen word right after it one organization in a report on a game
// between teams, whatever the model made of the two: the town alone a
// place, the noun alone an organization.
func clubsByHead(d *token.Doc, spans []span) []span {
	if !sportArticle(d) || !teamSport(d) {
		return spans
	}
	toks := d.Tokens
	var out []span
	changed := false
	j := 0
	for k := 0; k+1 < len(toks); k++ {
		h, t := &toks[k], &toks[k+1]
		if h.Kind != token.Word || h.Al || !clubHeads.has(h.Bare()) || t.Kind != token.Word || t.Pre != "" || !t.SpaceBefore {
			continue
		}
		j = spanFrom(spans, j, k)
		last := k + 1
		switch {
		case j < len(spans) && spans[j].first == k+1 && spans[j].typ == LOC:
			last = spans[j].last // وفاق + [LOC سطيف]
		case j < len(spans) && spans[j].first == k && spans[j].last == k && j+1 < len(spans) && spans[j+1].first == k+1 && spans[j+1].typ == LOC:
			last = spans[j+1].last // [ORG شبيبة] + [LOC الجزائر]
		case (j == len(spans) || spans[j].first > k+1) && (placeWord(t) || unseenWord(t)):
		default:
			continue
		}
		if country(d, span{first: k + 1, last: last}) && !clubOfCapital(h.Bare()) {
			continue // نجم جنوب أفريقيا is a player, شباب مصر the young
		}
		if !changed {
			out = append(make([]span, 0, len(spans)+2), spans...)
			changed = true
		}
		out = slices.DeleteFunc(out, func(s span) bool { return s.first >= k && s.last <= last })
		s := spanOver(d, ORG, k, last)
		s.model = true
		n, _ := slices.BinarySearchFunc(out, s.first, func(s span, f int) int { return s.first - f })
		out = slices.Insert(out, n, s)
		k = last
	}
	if !changed {
		return spans
	}
	return out
}

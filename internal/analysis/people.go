package analysis

import (
	"slices"
	"strings"
	"unicode/utf8"

	"tahlil/internal/ner"
	"tahlil/internal/token"
)

// famousPeople marks the family names of people in the news of the last
// decades that the model left out or typed otherwise: السيسي، زيلينسكي،
// لافروف، مبابي. The model learned from news older than most of them, and
// its own list of family names is short; a lone family name of a head of
// state, minister or star is that person wherever an article writes it. A
// name right after a person span that ends in a given name joins it (عبد
// المجيد تبون), and one right before a person span that starts with a word
// the model does not know joins that (تيدروس أدهانوم غيبريسوس); a listed
// given name just before it joins the new span (كير ستارمر), and a span of
// another type of up to three words that ends in it becomes the person,
// unless a word in it is a listed organization or place or an organization's
// head noun. Two persons side by side, as after a verb ("أطلع هاليفي
// بلينكن"), stay two.
func famousPeople(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	var add []span
	j := 0
	for k := range toks {
		t := &toks[k]
		if t.Kind != token.Word || len(t.Stem) < 6 {
			continue
		}
		start, skip := t.EntStart, utf8.RuneCountInString(t.Pre)
		switch {
		case famousSurname(t.Stem):
		case t.Pre != "" && famousSurname(t.Norm):
			// The tokenizer took the name's first letter for a proclitic
			// (و + يتكوف).
			start, skip = t.Start, 0
		case !t.Al && clitics(t.Stem) > 0 && famousSurname(t.Stem[len("ب"):]):
			// It kept a proclitic before a name it does not know
			// (بزيلينسكي).
			skip++
			start, _ = d.Norm.Source(t.NStart+skip, t.NEnd)
		default:
			continue
		}
		j = spanFrom(spans, j, k)
		if j < len(spans) && spans[j].first <= k {
			if s := &spans[j]; s.typ == PER && s.first == k && s.last == k && s.skip == 0 && k > 0 && t.SpaceBefore &&
				(j == 0 || spans[j-1].last < k-1) {
				// The model found the family name alone after a given name:
				// المرجع علي السيستاني.
				if g := &toks[k-1]; g.Kind == token.Word && !g.Al && (givenName(g) || recentGivenName(g.Stem) || foreignGiven(g)) {
					s.first, s.skip, s.start = k-1, utf8.RuneCountInString(g.Pre), g.EntStart
				}
				continue
			}
			if s := &spans[j]; s.typ != PER && s.last == k && s.last-s.first < 3 && plainName(d, *s) {
				// كايا كالاس as an organization after الاتحاد: the tokenizer
				// also took her ك for a preposition.
				s.typ = PER
				if f := &toks[s.first]; f.Pre == "ك" {
					s.skip, s.start = 0, f.Start
				}
			}
			continue
		}
		if j > 0 && spans[j-1].last == k-1 && spans[j-1].typ == PER && skip == 0 && t.SpaceBefore && givenEnd(d, spans[j-1]) {
			spans[j-1].last, spans[j-1].end = k, t.End
			continue
		}
		s := span{typ: PER, first: k, last: k, skip: skip, start: start, end: t.End}
		if h := &toks[max(k-1, 0)]; k > 0 && skip == 0 && t.SpaceBefore && h.Kind == token.Word && !h.Al && companyHead(h.Bare()) &&
			(j == 0 || spans[j-1].last < k-1) {
			// A company named after its founder: مجموعة دانغوتي.
			s.typ, s.first, s.skip, s.start = ORG, k-1, utf8.RuneCountInString(h.Pre), h.EntStart
			add = append(add, s)
			continue
		}
		if j < len(spans) && spans[j].first == k+1 && spans[j].typ == PER && spans[j].skip == 0 && nameGoesOn(&toks[k+1]) {
			// تيدروس before أدهانوم غيبريسوس
			spans[j].first, spans[j].skip, spans[j].start = k, s.skip, s.start
			continue
		}
		if p := k - 1; p >= 0 && skip == 0 && t.SpaceBefore && (j == 0 || spans[j-1].last < p) {
			if g := &toks[p]; g.Kind == token.Word && !g.Al && (givenName(g) || recentGivenName(g.Stem) || foreignGiven(g)) {
				s.first, s.skip, s.start = p, utf8.RuneCountInString(g.Pre), g.EntStart
			}
		}
		add = append(add, s)
	}
	if add == nil {
		return spans
	}
	return merge(spans, add)
}

// foreignGiven reports whether g, right before a famous family name, is a
// given name no list holds: a word without the article or a proclitic that
// neither the model nor the corpora know (ساتيا ناديلا، أليكو دانغوتي).
func foreignGiven(g *token.Token) bool {
	return g.Pre == "" && !g.Al && g.SpaceBefore && nameLike(g)
}

// nameLike reports whether t is an unseen word (see unseenWord) that is not
// shaped like an Arabic noun the corpora happen to lack: no ending of a
// plural, possessive or the feminine (منافسي أردوغان, his rivals;
// ممتلكات), and not a verbal noun of the pattern تفعيل (توظيف).
func nameLike(t *token.Token) bool {
	if !unseenWord(t) || nounShaped(t.Bare()) {
		return false
	}
	w := t.Bare()
	return !strings.HasSuffix(w, "ه") && (!strings.HasSuffix(w, "ي") || utf8.RuneCountInString(w) < 5)
}

// nounShaped reports whether the bare word w ends like an Arabic plural or
// possessive (ات، ون، ين، ها، هم) or has the shape of the verbal noun تفعيل:
// a noun the corpora happen to lack (مشروعات، توظيف), not a name.
func nounShaped(w string) bool {
	for _, suf := range []string{"ات", "ون", "ين", "ها", "هم"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	r := []rune(w)
	return len(r) == 5 && r[0] == 'ت' && r[3] == 'ي'
}

// plainName reports whether no word of the span s is a listed name of an
// organization or place, the head noun of an organization's name, or a head
// noun of facilityType (صعيد عرفات is a place).
func plainName(d *token.Doc, s span) bool {
	for k := s.first; k <= s.last; k++ {
		t := &d.Tokens[k]
		if t.Kind != token.Word || ner.ListedType(t.Bare()) != "" || ner.IsOrgHead(t.Bare()) || ner.IsPlaceHead(t.Bare()) ||
			facilityType(t.Bare()) != "" {
			return false
		}
	}
	return true
}

// nameGoesOn reports whether t, the first word of a person span, may
// continue a name before it: a word the model does not know and neither a
// given name nor a family name of its own.
func nameGoesOn(t *token.Token) bool {
	return t.SpaceBefore && !famousSurname(t.Stem) && !ner.GivenName(t.Stem) && !ner.Default().Known(t.Norm)
}

// givenEnd reports whether the person span s ends in a given name or in a
// compound one (عبد الفتاح، عبد المجيد), so that a family name may follow.
func givenEnd(d *token.Doc, s span) bool {
	t := &d.Tokens[s.last]
	if givenName(t) || nameTails[t.Norm] || !t.Al && recentGivenName(t.Stem) {
		return true
	}
	return s.last > s.first && nameHeads[d.Tokens[s.last-1].Norm]
}

// recentGivenName reports whether the normalized word w is a given name of
// someone in famousSurname that the model's given-name list lacks: توم
// براك، ريشي سوناك، أولاف شولتس. They join the family name after them; the
// model does not use them.
func recentGivenName(w string) bool {
	switch w {
	case "توم", "سام", "تشابي", "سكوت", "رمطان", "ريشي", "اولاف", "كايا", "تشاك", "ايال", "هرتسي", "رونين", "ليندسي", "برابوو", "كورينا",
		"كيريل", "اولينا", "اورسولا", "هانا", "نايب", "ايمي", "كيمي", "بيت", "جيك", "ستيفاني", "مسرور", "نيجيرفان", "كارولين":
		return true
	}
	return false
}

// famousSurname reports whether the search-normalized word w, with its
// article if it has one, is the family name of someone in the news of the
// last decades: Arab, Iranian, Turkish, Israeli and world leaders and officials,
// athletes and coaches, singers, writers, clerics and business people.
// Family names that are also everyday words (ظريف، رئيسي، المعلم) or common
// Arab family names are left out.
func famousSurname(w string) bool { return famousSurnames.has(w) }

// famousSurnames is the list famousSurname searches.
var famousSurnames = &wordList{src: `ابراموفيتش ابراهيموفيتش ابوالغيط ابوجريشه ابومازن اتاتورك اثنار اخنوش اخوندزاده اديبايور ارتيتا اردان اردوغان
ارغمان ارويو اشتون اشتيه اشكنازي اغويرو افورقي اكار الابراهيمي الابنودي الارياني الاسواني البارزاني الببلاوي
البحره البخيت البرادعي البراك البرغوثي البرهان البلتاجي البوسعيدي البوطي الترابي التمان التويجري الثني
الجارالله الجبالي الجبوري الجدعان الجعبري الجفري الجملي الجنزوري الجولاني الجيلاني الحبتور الحريري الحشاني
الحلاني الحلبوسي الحلقي الحمدالله الخرافي الخزاعي الخزعلي الخصاونه الخليفي الخميني الدبيبه الدعيع الربيعه
الربيعي الرجوب الرزاز الركراكي الرميد الرنتيسي الروابده الروضان الزرقاوي الزنداني الزياني الزيباري الزيودي
السادات الساهر السبسي السديري السديس السعدون السنوار السنوسي السنيوره السيستاني السيسي الشرع الشريم الشعراوي
الشلهوب الشناوي الشهراني الشهرستاني الشيباني الصفدي الصماد الصميدعي الطالباني الطراونه الطنطاوي الظواهري
العاروري العالول العبادي العبار العبيدي العريفي العساف العسيري العطري العفاسي العليان العليمي العويران العيبان
الغرياني الغرير الغزواني الغنوشي الفايز الفخفاخ الفطيم القذافي القرضاوي القرقاوي القصبي الكاراز الكاظمي
الكتاتني الكربولي الكروج الكواري اللامي المجالي المحمودي المخلافي المرزوقي المريخي المزروعي المشاط المشنوق
المشيشي المطلك المعلمي المقداد المقريف الملقي النجيفي النخاله النصيري النني الونسو الياسري اليغري امانو امرابط
انان انشيلوتي انفانتينو انييستا اوباسانجو اوباما اوباميانغ اوبرادور اوجلان اوربان اورتيغا اوريبي اوزبورن اوستن
اوغلو اولمرت اوليسيه اويحيي ايتو ايزنكوت ايشيبا ايفانوف باباجان باباندريو باتروشيف باتيلي باجوا بارزاني
بارنييه بازوم باسندوه باسيل باشاغا باشينيان بافيت باقري باهتشلي بايدن بايرو بترايوس بحاح برادلي براك برشم
برلسكوني برنياع برودي بريغوجين بريماكوف بريمر بزشكيان بقائي بلاتر بلاتيني بلحاج بلخادم بلعيز بلماضي بلير بليكس
بلينكن بنزيمه بنعطيه بنكيران بهتشلي بهشتي بوتفليقه بوتين بودانوف بودن بورقيبه بوروشينكو بوريطه بوريل بوضياف
بوغبا بوغدانوف بوفون بوكيلي بولت بولسونارو بومبيو بومدين بونغو بونو بويول بيتشاي بيدرسن بيربوك بيرتس بيرلسكوني
بيرلو بيرنز بيريس بيزوس بيسكوف بيسنت بيغن بيكنباور بيكهام بيكيه بيلوسوف بيلوسي بيلينغهام بينيت تاكايتشي تاياني
تبون ترامب تراوري ترمب ترودو تريزيغيه تسيبراس تشافي تشرشل تشوركين تشيسيكيدي تشيني تواديرا توتي توسك توكاييف
تياني تيتيه تيدروس تيفيز تيلرسون تيموشينكو تيمير تينوبو ثاباتيرو جاويش جطو جعجع جليلي جنبلاط جنتيلوني جوبز
جوبيه جوسبان جيلاني حفتر حكمتيار حكيمي حمدوك خاتمي خامنئي خليلزاد خودوركوفسكي دارمانان داغان دانغوتي دحلان
دراغي دروغبا دقلو دميرتاش دوتيرتي دومبويا ديبي ديختر ديرمر ديريباسكا ديسالين ديشان ديغول ديمبيلي ديوكوفيتش
رابين راجاباكسا راخوي راسموسن رافاران رافينيا رامافوزا رامسفيلد راموس رحمون رحيمي رضائي رفسنجاني روبيو روته
روتو روزفلت روسيف رومبوي رومني رونالدينيو ريبيري ريزنيكوف ريغان ريغيف ريفلين رينارد رينزي زاباتيرو زاخاروفا
زالوجني زامير زحالقه زرداري زوكربيرغ زوليك زياش زيباري زيلينسكي زيناوي ساركوزي ساعر ساكا ساكاشفيلي سالفيني
ساماراس ساندرز سانشيز ساويرس ستارمر سترو ستولتنبرغ ستيرلينغ سلوت سليماني سموتريتش سواريز سوبيانتو سوروس سولانا
سوليفان سوناك سيرسكي سيميوني سينغ شارابوفا شارون شافيز شاكيد شامير شتاينتس شتاينماير شرودر شعث شلح شلقم شمخاني
شميهال شنقريحه شولتز شولتس شوماخر شومر شويغو شيراك شيرر شيكابالا شيمشك شيناواترا شينباوم صالحي صويلو طالباني
طلاس طنطاوي عبدالعاطي عبداللهيان عجرم عراقجي عرفات عرنوس عريقات عشراوي عطاف علييف عموري عنان غالانت غانتس
غاندي غاوك غباغبو غروسي غروندبرغ غريزمان غريفيث غرينبلات غلعاد غندور غوارديولا غوايدو غوتيريس غوتيريش
غورباتشوف غولن غويتا غيتس غيراسيموف فابريغاس فابيوس فاراج فالس فانس فراتيني فرماجو فغولي فوتشيتش فودين فورلان
فياض فيدان فيدرر فيرستابن فيرغسون فيسترفيله فيغو فيلبان فينغر فينيسيوس فيون فييرا قااني قالن قاليباف قرقاش
قرنق قوش كابوري كابيلا كاتس كاديروف كارادزيتش كارني كاسترو كاستكس كاسياس كاغامي كافاني كافو كالاس كانافارو
كانتي كانيل كحلون كرتي كرزاي كروكر كريموف كفاراتسخيليا كليتشدار كليتشكو كليغ كلينسمان كوبيش كوخافي كوربين
كوشنر كوشنير كوليبا كونتي كويزومي كياني كيتا كيرشنر كيسنجر كيشيدا كينياتا كينيدي لابيد لاغارد لافروف
لافرينتييف لامبارد لحود لعمامره لوبان لودريان لوكاشينكو ليبرمان ليفاندوفسكي ليفني ليفيت ليندركينغ ماتيس مادورو
مارادونا ماسك ماكرون ماكري ماكغورك ماكونيل ماكيليلي ماكين مانديلا مانشيني مبابي مبيكي متكي محلب مدبولي مدفيديف
مدلسي مردوخ مرموش مزوار مشائي ملاديتش منانغاغوا منتظري مودريتش مودي موراتينوس مورينيو موسيفيني موغابي موغيريني
موفاز ميتسوتاكيس ميدفيديف ميرتس ميردوخ ميرضيائيف ميركل ميستورا ميشوستين ميقاتي ميلادينوف ميلانشون ميلوسيفيتش
ميلوني ميلي ميليباند نادال ناديلا ناريشكين نافالني نتانياهو نتنياهو نجاد نزارباييف نصرالله نغروبونتي نوفاك
نوير نيبينزيا نيكسون هاربر هاريس هالاند هاليفي هاموند هاميلتون هرتسوغ هنغبي هنيه هوانغ هوكشتاين هيغ هيغسيث
هيلي ويتكوف يادلين يارادوا يامال يانوكوفيتش يشاي يعلون يلتسين يلدريم يودويونو يوشينكو يونكر`}

// givenAndUnknown marks a listed given name and an unknown word with the
// article after it as a person when the model found neither: "مدير مكتب
// الجزيرة في غزة وائل الدحدوح". The family name must be a word the model
// never saw and no list holds, as in unknownSurnames.
func givenAndUnknown(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	var add []span
	j := 0
	for k := 0; k+1 < len(toks); k++ {
		g := &toks[k]
		if g.Kind != token.Word || g.Al || !toks[k+1].SpaceBefore || !givenName(g) || functionWords[g.Norm] ||
			!unknownFamilyName(&toks[k+1]) || strings.HasSuffix(toks[k+1].Norm, "يه") {
			continue // على الكازاخستانية: a preposition and an adjective
		}
		if j = spanFrom(spans, j, k); j < len(spans) && spans[j].first <= k+1 {
			continue
		}
		start, skip := g.EntStart, utf8.RuneCountInString(g.Pre)
		if g.Pre != "" && ner.GivenName(g.Norm) {
			start, skip = g.Start, 0 // وائل keeps its و
		}
		add = append(add, span{typ: PER, first: k, last: k + 1, skip: skip, start: start, end: toks[k+1].End})
		k++
	}
	if add == nil {
		return spans
	}
	return merge(spans, add)
}

// unknownFamilyName reports whether t is a word with the article that the
// model never saw, the training corpora hardly hold (token.CorpusWord) and
// no list holds, and so likely a family name after a given name (المعايطة،
// الدحدوح), not a common noun (وصل خالد المطار).
func unknownFamilyName(t *token.Token) bool {
	if t.Kind != token.Word || !t.Al || t.Pre != "" || utf8.RuneCountInString(t.Stem) < 5 {
		return false
	}
	b := t.Bare()
	return !ner.Default().Known(b) && !token.CorpusWord(t.Norm) && !ner.Listed(t.Norm) && !ner.Listed(b) &&
		!ner.IsTitle(b) && !nationality(t.Norm) && !femNationality(t.Norm) && !ner.CountryStart(t.Norm) &&
		facilityType(b) == "" && !ner.IsOrgHead(b) && !ner.IsPlaceHead(b)
}

// unknownSurnames extends a person span that ends in a given name over a
// word with the article right after it that the model never saw and that no
// list names: "قال موسى المعايطة", where the model found only the given name.
// Arab family names are mostly so written, and the words the model knows
// (الثلاثاء، الوفد) and adjectives of nationality stay out.
func unknownSurnames(d *token.Doc, spans []span) {
	toks := d.Tokens
	for i := range spans {
		s := &spans[i]
		k := s.last + 1
		if s.typ != PER || k >= len(toks) || i+1 < len(spans) && spans[i+1].first <= k || !givenEnd(d, *s) {
			continue
		}
		t := &toks[k]
		if !t.SpaceBefore || !unknownFamilyName(t) {
			continue
		}
		s.last, s.end = k, t.End
	}
}

// splitFacilityPerson splits a person span of two names or more that
// follows the head noun of a facility before its second word when that word
// is a given name: in "رئيس جامعة خليفة إبراهيم الحجري" the model ran the
// university's name into its president's. Names that go on with بن or عبد
// (مؤسسة محمد بن راشد) and a title first (مستشفى الملك فيصل) are one name.
func splitFacilityPerson(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	return splitEach(spans, func(i int, s span) (span, span, bool) {
		if !s.model || s.typ != PER || s.last == s.first || s.first == 0 || s.skip > 0 {
			return s, s, false
		}
		h, f, g := &toks[s.first-1], &toks[s.first], &toks[s.first+1]
		if h.Kind != token.Word || h.Al || facilityType(h.Bare()) == "" || f.Al || nameHeads[f.Norm] ||
			!g.SpaceBefore || g.Pre != "" || !ner.GivenName(g.Norm) || i > 0 && spans[i-1].last >= s.first-1 {
			return s, s, false
		}
		left := s
		left.last, left.end = s.first, f.End
		return left, span{typ: PER, first: s.first + 1, last: s.last, start: g.EntStart, end: s.end, model: true}, true
	})
}

// orgBeforePerson splits a person span that starts with the one-word name
// of an organization found elsewhere in the text and goes on with a given
// name: "الرئيس التنفيذي لهيوماين طارق أمين", after "شركة هيوماين", is the
// company and then its chief.
func orgBeforePerson(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	var orgs []string
	for _, s := range spans {
		if s.typ == ORG && toks[s.first].Kind == token.Word {
			orgs = append(orgs, toks[s.first].Stem)
		}
	}
	if len(orgs) == 0 {
		return spans
	}
	return splitEach(spans, func(_ int, s span) (span, span, bool) {
		if s.typ != PER || s.last == s.first {
			return s, s, false
		}
		f, g := &toks[s.first], &toks[s.first+1]
		if f.Kind != token.Word || f.Al || !g.SpaceBefore || g.Pre != "" || !givenName(g) || ner.GivenName(f.Stem) ||
			!slices.Contains(orgs, f.Stem) {
			return s, s, false
		}
		org := s
		org.typ, org.last, org.end = ORG, s.first, f.End
		return org, span{typ: PER, first: s.first + 1, last: s.last, start: g.EntStart, end: s.end, model: s.model}, true
	})
}

// dropDiseases drops a person right after مرض، داء or متلازمة: the disease
// (مرض باركنسون، متلازمة داون) is named after someone, but is no person.
func dropDiseases(d *token.Doc, spans []span) []span {
	return slices.DeleteFunc(spans, func(s span) bool {
		if s.typ != PER || s.first == 0 || s.skip > 0 || !d.Tokens[s.first].SpaceBefore {
			return false
		}
		switch h := &d.Tokens[s.first-1]; h.Bare() {
		case "مرض", "داء", "متلازمه":
			return !h.Al
		}
		return false
	})
}

// foreignSurnames completes a person whose name the model found only in
// part, when the given name is listed:
//   - a span of another type that is a listed given name right before a
//     person becomes part of that person ("كاترينا" MISC, then شولتز);
//   - a one-word person that is a listed given name takes the unseen word
//     after it whose first letter the tokenizer took for و: جيمس ويتفيلد,
//     with the و kept, not جيمس and ويتفيلد as "and يتفيلد".
func foreignSurnames(d *token.Doc, spans []span) []span {
	toks := d.Tokens
	out := spans[:0]
	for i := 0; i < len(spans); i++ {
		s := spans[i]
		g := &toks[s.first]
		if s.first != s.last || s.skip > 0 || !ner.GivenName(g.Stem) {
			out = append(out, s)
			continue
		}
		k := s.last + 1
		if k < len(toks) && i+1 < len(spans) && spans[i+1].first == k && spans[i+1].typ == PER && toks[k].SpaceBefore &&
			(toks[k].Pre == "" || !ner.Default().Known(toks[k].Stem)) {
			// The next span is the family name: join it, with any و the
			// tokenizer took from it.
			n := spans[i+1]
			s.typ, s.last, s.end = PER, n.last, n.end
			out = append(out, s)
			i++
			continue
		}
		if s.typ == PER && k < len(toks) && toks[k].SpaceBefore && (i+1 == len(spans) || spans[i+1].first > k) {
			t := &toks[k]
			if t.Pre == "و" && !t.Al && unseenWord(t) && !ner.Default().Known(t.Norm) {
				s.last, s.end = k, t.End
			}
		}
		out = append(out, s)
	}
	return out
}

package ner

import (
	"sort"
	"strings"

	"tahlil/internal/gazetteer"
)

// Word classes that signal an entity nearby. The words are search-normalized
// (ة→ه, ى→ي, أ/إ/آ→ا) and written without the article, as Token.Bare
// returns them.
const (
	classNone uint8 = iota
	classPerTitle
	classLocWord
	classOrgWord
	classMiscWord
	classSpeech
	classFirstName
	classKinship
	classNisba // an adjective of origin with the article: الأمريكي، الفلسطينية
)

// The word lists here and in namelists.go are the source of lexicon_gen.go,
// a hash table generated from them (go test -run TestGeneratedLexicon
// -update): a lookup hashes the word once and probes a static array, which
// is much faster than a search over hundreds of strings, in WebAssembly
// above all. The table packs a word's class, its name-list bits and whether
// it begins a country name.
const (
	lexClassMask    = 0xf
	lexListShift    = 4       // then eight bits of name lists
	lexCountryStart = 1 << 12 // the word begins a country name
	lexPhraseStart  = 1 << 13 // the word begins a name in phraseList
)

// maxPhraseWords is the most words a name in phraseList may have.
const maxPhraseWords = 8

// matchPhrase returns the number of leading words of words (bare words)
// that form the longest name in phraseList, and its type index (see
// entityTypes), or 0.
func matchPhrase(words []string) (int, uint8) {
	lo := sort.SearchStrings(phraseKeys[:], words[0])
	best, typ := 0, uint8(0)
	for i := lo; i < len(phraseKeys) && strings.HasPrefix(phraseKeys[i], words[0]); i++ {
		if k := gazetteer.LeadingWords(phraseKeys[i], words); k > best {
			best, typ = k, phraseTypes[i]
		}
	}
	return best, typ
}

// lexLookup returns the packed lexicon value of the word whose wordHash is
// h, or 0 for a word in no list.
func lexLookup(h uint64) uint16 {
	for i := h & (lexSize - 1); ; i = (i + 1) & (lexSize - 1) {
		switch lexKeys[i] {
		case h:
			return lexVals[i]
		case 0:
			return 0
		}
	}
}

func lexClass(v uint16) uint8 { return uint8(v & lexClassMask) }

func lexList(v uint16) uint8 { return uint8(v >> lexListShift) }

// IsOrgHead reports whether the bare word is a common head of organization
// names, such as منظمه, شركه or وزاره.
func IsOrgHead(bare string) bool { return lexClass(lexLookup(wordHash(bare))) == classOrgWord }

// IsPlaceHead reports whether the bare word is a common noun that places
// follow, such as مدينه, ولايه or منطقه.
func IsPlaceHead(bare string) bool { return lexClass(lexLookup(wordHash(bare))) == classLocWord }

// IsEventHead reports whether the bare word is a common head of the names
// of events, agreements and works, such as مؤتمر, اتفاقيه or مهرجان.
func IsEventHead(bare string) bool { return lexClass(lexLookup(wordHash(bare))) == classMiscWord }

// IsTitle reports whether the bare search-normalized word is a title or
// role that comes before a person's name: رئيس، شيخ، لواء، وزير.
func IsTitle(bare string) bool { return lexClass(lexLookup(wordHash(bare))) == classPerTitle }

// wordClass returns the class of a bare word, or classNone. It is the
// source of the generated table; lookups at run time use lexLookup.
func wordClass(w string) uint8 {
	switch w {
	case "سيد", "سيده", "رئيس", "رئيسه", "ملك", "ملكه", "امير", "اميره", "شيخ", "دكتور", "د", "مهندس", "وزير",
		"وزيره", "زعيم", "مستشار", "مستشاره", "جنرال", "عقيد", "لواء", "فريق", "عميد", "رائد", "متحدث", "ناطق",
		"نائب", "امين", "بابا", "مدرب", "لاعب", "نجم", "كاتب", "كاتبه", "شاعر", "فنان", "فنانه", "مطرب", "مطربه",
		"ممثل", "ممثله", "سفير", "مبعوث", "قاضي", "محامي", "نائبه", "مرشح", "سلطان", "امام", "اية", "حاخام", "قس",
		"كاردينال", "بروفيسور", "استاذ", "مدير", "مديره", "محافظ", "حاكم", "قائد", "مراسل", "مسؤول", "عضو", "زميل",
		"مساعد", "ولي", "عاهل", "سناتور", "عضوه":
		return classPerTitle
	case "قال", "قالت", "اكد", "اكدت", "اعلن", "اعلنت", "صرح", "صرحت", "اضاف", "اضافت", "اوضح", "اوضحت", "اشار",
		"اشارت", "ذكر", "ذكرت", "اعتبر", "اعتبرت", "دعا", "دعت", "طالب", "طالبت", "التقي", "استقبل", "يقول",
		"تقول", "زار", "زارت", "بحث", "وصف", "نفي", "نفت":
		return classSpeech
	case "مدينه", "محافظه", "ولايه", "اقليم", "منطقه", "عاصمه", "جزيره", "جزر", "بحر", "نهر", "جبل", "جبال",
		"قريه", "بلده", "دوله", "مقاطعه", "شمال", "جنوب", "شرق", "غرب", "حي", "ميناء", "شارع", "ساحه", "بلاد",
		"مخيم", "صحراء", "خليج", "وادي", "بحيره", "قطاع", "ضفه", "حدود", "اراضي", "عواصم", "مدن", "ضاحيه", "بلدات",
		"شمالي", "جنوبي", "شرقي", "غربي", "وسط", "قرب", "الي", "في", "من":
		return classLocWord
	case "شركه", "وزاره", "جامعه", "منظمه", "بنك", "مصرف", "وكاله", "مجلس", "حزب", "حركه", "اتحاد", "جمعيه",
		"هيئه", "مؤسسه", "صندوق", "لجنه", "محكمه", "جيش", "قوات", "جبهه", "نادي", "منتخب", "صحيفه", "جريده",
		"مجله", "اذاعه", "تلفزيون", "قناه", "مركز", "معهد", "اكاديميه", "مجموعه", "برلمان", "حكومه", "كونغرس",
		"كونجرس", "مكتب", "اداره", "دائره", "سلطه", "رابطه", "نقابه", "غرفه", "بورصه", "مصنع", "مستشفي", "تحالف",
		"كتله", "ائتلاف", "امانه", "وفد", "بعثه", "شركات", "منظمات", "جماعه", "فرقه", "كليه", "مدرسه", "بلديه",
		"مجمع", "سوق", "وزارات", "هيئات":
		return classOrgWord
	case "بطوله", "كاس", "دوري", "جائزه", "مهرجان", "اولمبياد", "مؤتمر", "قمه", "معرض", "حرب", "اتفاقيه",
		"اتفاق", "معاهده", "عمليه", "دوره", "مسابقه", "كتاب", "فيلم", "روايه", "مسلسل", "برنامج", "خطه", "مبادره",
		"اعلان", "قانون", "ثوره", "انتفاضه", "عيد", "يوم", "ديانه", "لغه":
		return classMiscWord
	case "بن", "ابن", "بنت", "ابو", "ام", "عبد", "ال", "ابنه", "ابي":
		return classKinship
	case "محمد", "احمد", "علي", "حسن", "حسين", "خالد", "عمر", "ابراهيم", "يوسف", "مصطفي", "محمود", "سعيد",
		"سعد", "فهد", "سلمان", "عبدالله", "عبدالعزيز", "عبدالرحمن", "صالح", "ناصر", "جمال", "كمال", "طارق", "وليد",
		"هاني", "سامي", "رامي", "نبيل", "فاطمه", "عائشه", "مريم", "زينب", "ليلي", "سلمي", "نور", "هدي", "جورج",
		"جون", "ديفيد", "دافيد", "مايكل", "بيل", "توني", "جاك", "بول", "بيتر", "فلاديمير", "انتوني", "دونالد",
		"باراك", "هيلاري", "نيكولا", "فرانسوا", "ياسر", "حامد", "كريم", "عادل", "ماجد", "منصور", "راشد", "زايد",
		"حمد", "تميم", "عيسي", "موسي", "هشام", "عمرو", "ايمن", "اسامه", "انور", "حسني", "صدام", "معمر", "بشار",
		"حافظ", "رفيق", "نجيب", "اريل", "ايهود", "بنيامين", "شمعون", "اسحق", "اسحاق", "جيمس", "روبرت", "ريتشارد",
		"توماس", "شارل", "هنري", "الكسندر", "سيرغي", "ميخائيل", "بوريس", "غوردون", "كوفي", "كولن", "كوندوليزا",
		"ماري", "انا", "اميل", "ميشال", "ميشيل", "سمير", "سليم", "فؤاد", "فيصل", "عبدالحليم", "نصر", "زياد",
		"رياض", "نادر", "مازن", "باسم", "عماد", "ايلي", "الياس", "جوزيف", "فرنسيس", "يحيي", "زكريا":
		return classFirstName
	}
	return classNone
}

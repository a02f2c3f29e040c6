package normalize

// Compat is a named set of folds that reproduces one function of another
// Arabic text tool, as far as a character fold can. Preset accepts these
// names too.
type Compat struct {
	Name  string
	Folds Fold
	// Of names the function reproduced, and Note says where it differs.
	Of, Note string
}

// Compats lists the compatibility option sets, checked against the tools'
// own test vectors.
var Compats = []Compat{
	{"lucene-persian", Persian | Urdu | HamzaAboveMark,
		"Lucene PersianNormalizer (bleve normalize_fa)", ""},
	{"lucene-decimal-digit", DecimalDigits,
		"Lucene DecimalDigitFilter", ""},
	{"zwnj-space", ZWNJSpace,
		"Lucene PersianCharFilter", ""},
	{"camel-alef", AlefHamza | AlefWasla,
		"CAMeL Tools normalize_alef_ar", ""},
	{"camel-alef-maksura", AlefMaksura,
		"CAMeL Tools normalize_alef_maksura_ar", ""},
	{"camel-teh-marbuta", TehMarbuta,
		"CAMeL Tools normalize_teh_marbuta_ar", ""},
	{"camel-dediac", Harakat | Shadda | DaggerAlef,
		"CAMeL Tools dediac_ar", ""},
	{"camel-unicode", PresentationForms,
		"CAMeL Tools normalize_unicode", "NFKC limited to the Arabic presentation forms, NFC elsewhere"},
	{"pyarabic-strip-tashkeel", Harakat | Shadda,
		"PyArabic strip_tashkeel", ""},
	{"pyarabic-strip-harakat", Harakat,
		"PyArabic strip_harakat", ""},
	{"pyarabic-strip-shadda", Shadda,
		"PyArabic strip_shadda", ""},
	{"pyarabic-strip-tatweel", Tatweel,
		"PyArabic strip_tatweel", ""},
	{"pyarabic-strip-small", DaggerAlef | SmallLetters,
		"PyArabic strip_small", ""},
	{"pyarabic-strip-diacritics", Diacritics | Quranic,
		"PyArabic strip_diacritics", ""},
	{"pyarabic-normalize-teh", TehMarbuta,
		"PyArabic normalize_teh", ""},
	{"pyarabic-ligature", LamAlef,
		"PyArabic normalize_ligature", ""},
	{"pyarabic-hamza-uniform", HamzaUniform,
		"PyArabic normalize_hamza(method=\"uniform\")", "word-initial آ rules of older versions are not reproduced"},
	{"pyarabic-hamza-tasheel", Alef | HamzaSeats,
		"PyArabic normalize_hamza(method=\"tasheel\")", "combining U+0654/U+0655 are kept, where PyArabic writes ا"},
	{"pyarabic-normalize-hamza", AlefHamza | SeatedHamza,
		"PyArabic normalize.normalize_hamza", ""},
	{"pyarabic-spellerrors", TehMarbuta | AlefMaksura,
		"PyArabic normalize.normalize_spellerrors", ""},
	{"charabia-arabic", AlefHamza | AlefWasla | AlefMaksura | TehMarbuta | Tatweel,
		"charabia ArabicNormalizer", ""},
	{"araclean-lookalikes", Persian | Urdu | Lookalikes,
		"araclean UnifyLookalikes", ""},
	{"npm-arabic-text-normalizer", NPMFolds,
		"npm arabic-text-normalizer normalize() with default options",
		"also deletes U+0610–U+061A and folds ۀ ہ"},
}

// NPMFolds are the folds of npm arabic-text-normalizer's default options
// (diacritics, markers, smallLetters, verseNumbers, tatweel, punctuation,
// collapseWhitespace).
const NPMFolds = NPMDiacritics | Quranic | SmallLetters | QuranSigns | VerseNumbers | Tatweel |
	Punctuation | CollapseSpaces

// NPMDiacritics are the folds of npm arabic-text-normalizer's diacritics
// option: marks deleted, alef madda, wasla and wavy hamza to alef, dagger
// alef to alef, Persian yeh and keheh to Arabic.
const NPMDiacritics = Harakat | Shadda | HamzaAboveMark | OtherMarks | AlefMadda | AlefWasla |
	AlefWavyHamza | DaggerAlefToAlef | Persian | Urdu

// compat returns the Normalizer of the named option set, building its
// tables on first use.
func compat(name string) (*Normalizer, bool) {
	for _, c := range Compats {
		if c.Name == name {
			return newNormalizer(c.Name, c.Folds), true
		}
	}
	return nil, false
}

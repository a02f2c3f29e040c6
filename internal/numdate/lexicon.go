package numdate

import "sync"

// class is a set of word classes; a word may belong to several.
type class uint64

const (
	cMonth     class = 1 << iota // unambiguous month name (Gregorian or Levantine)
	cMonthAmb                    // a month only in a date context: مارس، آب
	cMonthHead                   // كانون، تشرين: a month with الأول/الثاني
	cMonthTail                   // الأول، الثاني … after cMonthHead or cHijriHead
	cHijri                       // unambiguous Hijri month
	cHijriAmb                    // a Hijri month only in a date context: صفر، رجب، شعبان
	cHijriHead                   // ربيع، جمادى، ذو: a Hijri month with a second word
	cHijriTail                   // القعدة، الحجة، الآخرة …
	cWeekday                     // الأحد … السبت
	cYearWord                    // عام، سنة: "عام 2024"
	cDayWord                     // يوم before a weekday or a date
	cMonthWord                   // شهر before a month
	cPreMod                      // مطلع، أواخر … before a month or year
	cPostMod                     // الماضي، المقبل … after a date or period word
	cEra                         // م، هـ، ميلادي، هجري after a year
	cPeriod                      // العام، الأسبوع … with cPostMod or after هذا
	cThis                        // هذا، هذه
	cTimeUnit                    // أيام، سنوات، عاما … after a count
	cTimeDual                    // يومين، عامين …: a period by itself
	cRelDay                      // أمس، اليوم، غدا
	cDatePrep                    // في، منذ، حتى …: a following bare year is a date
	cAgo                         // قبل، منذ before a period
	cMag                         // ألف، مليون، مليار and their forms
	cNumWord                     // ثلاثة، عشرون، مئة …
	cFrac                        // نصف، ربع، ثلث before a magnitude
	cCurrency                    // دولار، يورو …
	cCurAdj                      // أمريكي، أردني … after a currency
	cPercent                     // المئة، المائة after في or ب
	cUnit                        // كيلومتر، طن …
	cUnitAdj                     // مربع، مكعب after a unit
	cOrdCtx                      // المادة، رقم …: a following bare number is a label
	cOrdinal                     // السابع … in "السابع من أكتوبر"
	cFrom                        // من
	cApprox                      // نحو، حوالي: a following bare year is a count
	cPair                        // بين، كلا: a following الاثنين means "the two"
	cAgreeing                    // الموافق between a weekday and its date
	cTens                        // عشر، العشرين …: the second part of a compound ordinal
	cCentury                     // القرن
	cDecade                      // الثمانينيات …
	cMore                        // أكثر، أقل: "أكثر من 2000" is a count
)

// Lexicon entries are in the search-normalized spelling (no diacritics,
// bare alef, ي for ى, ه for ة).
var lexiconEntries = []struct {
	c     class
	words string
}{
	{cMonth, "يناير فبراير ابريل مايو يونيو يونيه يوليو يوليه اغسطس سبتمبر اكتوبر نوفمبر ديسمبر " +
		"شباط اذار نيسان ايار حزيران تموز ايلول"},
	{cMonthAmb, "مارس اب"},
	{cMonthHead, "كانون تشرين تشرن"},
	{cMonthTail | cHijriTail, "الاول الثاني اول ثاني"},
	{cHijri, "محرم رمضان شوال"},
	{cHijriAmb, "صفر رجب شعبان"},
	{cHijriHead, "ربيع جمادي ذو ذي"},
	{cHijriTail, "الاخر الاخره الاولي الثانيه القعده الحجه"},
	{cWeekday, "الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت"},
	{cYearWord, "عام العام سنه السنه عامي سنتي"},
	{cDecade, "العشرينيات الثلاثينيات الاربعينيات الخمسينيات الستينيات السبعينيات الثمانينيات التسعينيات " +
		"العشرينات الثلاثينات الاربعينات الخمسينات الستينات السبعينات الثمانينات التسعينات"},
	{cDayWord, "يوم"},
	{cMonthWord, "شهر"},
	{cPreMod, "مطلع اوائل اواخر اواسط منتصف نهايه بدايه اوائل مستهل"},
	{cPostMod, "الماضي الماضيه المقبل المقبله القادم القادمه الجاري الجاريه المنصرم الفائت الحالي الحاليه المبارك"},
	{cEra, "م ه ميلادي ميلاديه هجري هجريه للميلاد"},
	{cPeriod, "العام السنه الشهر الاسبوع الاسابيع الايام الاشهر الشهور السنوات الاعوام العقد الصيف الشتاء الربيع الخريف"},
	{cThis, "هذا هذه"},
	{cTimeUnit, "يوم يوما ايام اسبوع اسبوعا اسابيع شهر شهرا اشهر شهور سنه سنوات سنين عام عاما اعوام عقد عقدا عقود قرن قرنا قرون"},
	{cTimeDual, "يومين يومان اسبوعين شهرين عامين عامان سنتين سنتان عقدين قرنين"},
	{cRelDay, "امس البارحه غدا اليوم"},
	{cDatePrep, "في منذ حتي قبل بعد خلال عام العام سنه السنه مطلع اوائل اواخر منتصف نهايه بدايه من الي"},
	{cAgo, "قبل منذ"},
	{cMag, "الف الفا الفان الفين الفي الاف مليون مليونا مليونان مليونين مليوني ملايين " +
		"مليار مليارا ملياران مليارين ملياري مليارات بليون بلايين تريليون تريليونا تريليونات"},
	{cNumWord, "اثنان اثنين اثنتان اثنتين ثلاث ثلاثه اربع اربعه خمس خمسه ست سته سبع سبعه ثماني ثمانيه ثمان تسع تسعه عشر عشره " +
		"عشرون عشرين ثلاثون ثلاثين اربعون اربعين خمسون خمسين ستون ستين سبعون سبعين ثمانون ثمانين تسعون تسعين " +
		"مئه مائه مئتان مئتين مائتان مائتين ثلاثمئه ثلاثمائه اربعمئه اربعمائه خمسمئه خمسمائه ستمئه ستمائه " +
		"سبعمئه سبعمائه ثمانمئه ثمانمائه ثمانيمئه تسعمئه تسعمائه عشرات مئات"},
	{cFrac, "نصف ربع ثلث"},
	{cCurrency, "دولار دولارا دولارات دولاران دولارين يورو جنيه جنيها جنيهات جنيهان جنيهين ريال ريالا ريالات " +
		"درهم درهما دراهم دينار دينارا دنانير ليره ليرات شيكل شيقل شيكلا شيقلا شواكل روبل روبلا يوان ين فرنك فرنكا روبيه"},
	{cCurAdj, "امريكي اميركي اردني مصري سعودي كويتي ليبي عراقي تونسي جزائري مغربي اماراتي قطري لبناني سوري " +
		"بحريني عماني يمني سوداني استرليني كندي استرالي اوروبي لبنانيه سوريه تركيه"},
	{cPercent, "المئه المائه"},
	{cUnit, "كيلومتر كيلومترا كيلومترات كلم كم متر مترا امتار سنتيمتر سنتيمترا سم مليمتر ملم " +
		"طن طنا اطنان كيلوغرام كيلوغراما كيلوغرامات كيلوجرام كغ كلغ غرام غراما جرام جراما " +
		"لتر لترا لترات ليتر ميل ميلا اميال هكتار هكتارا هكتارات دونم دونما دونمات فدان فدانا " +
		"برميل برميلا براميل ميغاواط ميغاوات ميجاوات كيلوواط غيغاواط غيغاوات جيجاوات درجه درجات قدم اقدام " +
		"بوصه ميغابايت غيغابايت جيجابايت تيرابايت"},
	{cUnitAdj, "مربع مربعا مكعب مكعبا مئويه"},
	{cOrdCtx, "الماده ماده الفقره فقره البند بند رقم الرقم الصفحه صفحه ص العدد الفصل الباب الجزء " +
		"الرتبه المواد القرار قرار المرسوم القانون قانون الطبعه الحلقه الموسم الدوره المرتبه المركز الدقيقه الساعه"},
	{cOrdinal, "الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الحادي " +
		"الاولي الثانيه الثالثه الرابعه الخامسه السادسه السابعه الثامنه التاسعه العاشره الحاديه"},
	{cTens, "عشر عشره العشرين الثلاثين الاربعين الخمسين الستين السبعين الثمانين التسعين"},
	{cCentury, "القرن"},
	{cFrom, "من"},
	{cApprox, "نحو حوالي قرابه زهاء يناهز يقارب"},
	{cMore, "اكثر اقل ازيد"},
	{cPair, "بين كلا هذين هاتين"},
	{cAgreeing, "الموافق"},
}

// lexicon maps a normalized word to its classes. It is built on first use so
// that programs that never analyze text pay nothing at start-up.
var lexicon = sync.OnceValue(buildLexicon)

func buildLexicon() map[string]class {
	m := make(map[string]class, 512)
	for _, e := range lexiconEntries {
		w := e.words
		for len(w) > 0 {
			i := 0
			for i < len(w) && w[i] != ' ' {
				i++
			}
			if i > 0 {
				m[w[:i]] |= e.c
			}
			if i < len(w) {
				i++
			}
			w = w[i:]
		}
	}
	return m
}

// articleClasses may be looked up without the article: الدولار, الثلاثة.
const articleClasses = cNumWord | cCurrency | cCurAdj | cUnit | cMag

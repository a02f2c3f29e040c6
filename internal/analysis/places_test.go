package analysis

import (
	"testing"

	"tahlil/internal/analysis/analysistest"
	"tahlil/internal/ner"
	"tahlil/internal/token"
)

// firstOnly recognizes only the first name its list finds, as a model that
// saw a name once.
type firstOnly analysistest.Names

func (f firstOnly) Recognize(d *token.Doc) []ner.Mention {
	return analysistest.Names(f).Recognize(d)[:1]
}

func TestDatelines(t *testing.T) {
	checkMentions(t, analysistest.Names{}, []mentionCase{
		// A listed city opening a line before a dash is the dateline's place.
		{"مسقط - استضافت العاصمة", "LOC:مسقط"},
		{"عنوان الخبر\n\nالقاهرة – أعلنت الحكومة", "LOC:القاهرة"},
		// Not at a line's start, or not a listed place.
		{"قال إن مسقط - وهي عاصمة", ""},
		{"الحكومة - أعلنت الوزارة", ""},
	})
	// Before an agency in brackets, the model's name of any type over the
	// line's first word is the place.
	checkMentions(t, analysistest.Names{"نيويورك": ORG, "رويترز": ORG}, []mentionCase{
		{"نيويورك (رويترز) - قال", "LOC:نيويورك ORG:رويترز"},
		{"قال نيويورك (رويترز) - قال", "ORG:نيويورك ORG:رويترز"},
	})
}

func TestCapitals(t *testing.T) {
	checkMentions(t, analysistest.Names{}, []mentionCase{
		{"استضافت العاصمة العمانية مسقط جولة", "LOC:مسقط"},
		{"وعاصمتها الرباط تستضيف", "LOC:الرباط"},
		{"اختيار مسقط لم يكن مصادفة", ""},
	})
}

func TestCutPlaceLists(t *testing.T) {
	checkMentions(t, analysistest.Names{"ديربورن وهامترامك": LOC, "البوسنه والهرسك": LOC}, []mentionCase{
		// Two towns the model ran into one.
		{"في ديربورن وهامترامك بولاية", "LOC:ديربورن LOC:هامترامك"},
		// A country named with و stays whole.
		{"زار البوسنة والهرسك مرة", "LOC:البوسنة والهرسك"},
	})
}

func TestSplitAtLines(t *testing.T) {
	checkMentions(t, analysistest.Names{"البحر الاحمر الاسماعيليه": LOC}, []mentionCase{
		// A headline's last name and the dateline under it are two names.
		{"الممر عبر البحر الأحمر\n\nالإسماعيلية - أعلنت", "LOC:البحر الأحمر LOC:الإسماعيلية"},
	})
	checkMentions(t, analysistest.Names{"دولار الرياض": MISC}, []mentionCase{
		// A listed city opening the next line is a place, whatever the
		// type the model gave the two.
		{"بعشرة مليارات دولار\n\nالرياض - أعلنت", "NUM:عشرة مليارات دولار LOC:الرياض"},
	})
}

func TestLoneHeads(t *testing.T) {
	checkMentions(t, analysistest.Names{"جامعه": ORG, "بطوله": MISC, "منظمه الي": ORG, "الجده": LOC, "جامعه القاهره": ORG}, []mentionCase{
		{"وأقيمت صلاة جامعة في المسجد", ""},
		{"والفيلم من بطولة الممثلة", ""},
		// The particle left once the model's span loses its head word.
		{"بيان الأمانة العامة للمنظمة إلى أن", ""},
		// Jeddah is written without the article.
		{"من الجدة التي هاجرت", ""},
		{"أعلنت جامعة القاهرة", "ORG:جامعة القاهرة"},
	})
}

func TestPersonEdges(t *testing.T) {
	checkMentions(t, analysistest.Names{"محمد صلاح والهولندي": PER, "كودي غاكبو": PER, "فيليكس اوجيه": PER, "الناشطه رزان": PER}, []mentionCase{
		// A name holds no و + ال: the next player is named by nationality.
		{"سجلهما المصري محمد صلاح والهولندي كودي غاكبو", "PER:محمد صلاح PER:كودي غاكبو"},
		// No span holds a hyphen (API.md); joinNameParts makes the rest of
		// a double surname a person of its own when the model found it.
		{"تغلب على فيليكس أوجيه-ألياسيم بسهولة", "PER:فيليكس أوجيه"},
		// A feminine title is left out as the masculine is.
		{"وقالت الناشطة رزان إن", "PER:رزان"},
	})
}

func TestFieldsAndEvents(t *testing.T) {
	checkMentions(t, analysistest.Names{
		"جامعه الملك عبدالله للعلوم": ORG, "الاتحاد المصري": ORG, "الاتحاد الاوروبي": ORG,
		"محمد الخامس": PER, "مني زكي": PER, "لوس انجلوس": LOC, "السعوديه": LOC,
	}, []mentionCase{
		// A name that ended inside its field takes the rest of it.
		{"وأعلنت جامعة الملك عبدالله للعلوم والتقنية عن", "ORG:جامعة الملك عبدالله للعلوم والتقنية"},
		// A national federation takes its sport, but a body does not take
		// the people it spoke to.
		{"وقال الاتحاد المصري للتنس إن", "ORG:الاتحاد المصري للتنس"},
		{"وقال الاتحاد الأوروبي للصحفيين إن", "ORG:الاتحاد الأوروبي"},
		// A cup named after a person; بطولة before a person is "starring".
		{"فاز بكأس محمد الخامس", "MISC:كأس محمد الخامس"},
		{"الفيلم من بطولة منى زكي وإخراج", "PER:منى زكي"},
		// An Olympiad by its city, and a national plan by its country and year.
		{"تستعد لأولمبياد لوس أنجلوس 2028", "MISC:أولمبياد لوس أنجلوس 2028"},
		{"ضمن رؤية السعودية 2030 الطموحة", "MISC:رؤية السعودية 2030"},
		{"بحسب رؤية السعودية للحل", "LOC:السعودية"},
	})
}

func TestPropagateListedPlaces(t *testing.T) {
	checkMentions(t, firstOnly{"الموصل": LOC}, []mentionCase{
		// One mention found is enough for a listed place with the article.
		{"صلاة في الموصل، وقال إن الموصل أقوى", "LOC:الموصل LOC:الموصل"},
	})
	checkMentions(t, firstOnly{"الخبر": LOC}, []mentionCase{
		// Not for one that is also a common word: الخبر is the news.
		{"وصل في الخبر، ونشر الخبر", "LOC:الخبر"},
	})
}

func TestPlacesAfterHeads(t *testing.T) {
	checkMentions(t, analysistest.Names{}, []mentionCase{
		// Unknown words after a plural or dual noun for towns, and those
		// joined to them by و.
		{"غمرت المياه مناطق نوشهرة وتشارسدا أمس", "LOC:نوشهرة LOC:تشارسدا DATE:أمس"},
		{"يمر بمحافظات الشوبك وذيبان جنوباً", "LOC:الشوبك LOC:ذيبان"},
		{"في أقضية صور والنبطية", "LOC:صور LOC:النبطية"},
		// After a singular noun a listed place, or an unseen word not
		// shaped like a verbal noun or a plural.
		{"وصلت إلى مدينة البصرة", "LOC:البصرة"},
		{"في منطقة الجليعة جنوبا", "LOC:الجليعة"},
		{"في منطقة تدقيق", ""},
	})
}

func TestClubsAndTowns(t *testing.T) {
	checkMentions(t, analysistest.Names{"الاتحاد الثاني": ORG, "سيدي بوعثمان": ORG, "دوري روشن السعودي": MISC}, []mentionCase{
		// A club's place in the table is no part of its name.
		{"خلف المتصدر والاتحاد الثاني برصيد", "ORG:الاتحاد"},
		// Maghreb towns named after a saint.
		{"رئيس جماعة سيدي بوعثمان قرب", "LOC:سيدي بوعثمان"},
		// A league takes its field.
		{"في دوري روشن السعودي للمحترفين تعادل", "MISC:دوري روشن السعودي للمحترفين"},
	})
}

func TestUnseenCompanies(t *testing.T) {
	checkMentions(t, analysistest.Names{"جامعه": ORG, "محمد بن زايد": PER}, []mentionCase{
		// A company no one knows yet, with its field; شركة stays out.
		{"أعلنت شركة زمرال للذكاء الاصطناعي عن", "ORG:زمرال للذكاء الاصطناعي"},
		// Common nouns the corpora lack are no names.
		{"في شركة توظيف أموال وهمية", ""},
		{"أعلنت شركة ممتلكات البحرين", "LOC:البحرين"},
		// A head the model found alone joins the person after it into
		// the facility's name.
		{"مع جامعة محمد بن زايد للذكاء الاصطناعي في", "ORG:جامعة محمد بن زايد للذكاء الاصطناعي"},
		// A model named in quotes after its noun and an adjective.
		{"نموذجها اللغوي «رقيم 3» الجديد", "MISC:رقيم 3"},
	})
}

func TestHeadsAndJoins(t *testing.T) {
	checkMentions(t, analysistest.Names{
		"الاتحاد الاوروبي والصندوق السعودي": ORG, "جامعه كارلوس": ORG, "عبد الله": PER, "محمد": PER,
		"ريف حمص": LOC, "ريف": LOC, "سفيره": ORG, "ابي احمد هاتفيا": PER, "زمرال مركزا للابتكار": ORG, "ماريا سانتوس ان العقوبات": ORG, "زمرال الكوريه لتطوير": ORG, "زمرال 4": ORG,
		"الهيئه العامه لتنظيم الكهرباء": ORG,
		"الجيش الوطني الليبي المشير":    ORG, "خليفه حفتر": PER, "القوه الشعبيه": ORG, "ايبسوس لصالح": ORG,
	}, []mentionCase{
		// Two bodies joined by و, the second with its field.
		{"بتمويل من الاتحاد الأوروبي والصندوق السعودي للتنمية.", "ORG:الاتحاد الأوروبي ORG:الصندوق السعودي للتنمية"},
		// A sovereign's number, in a person's name or a facility's.
		{"وقال الملك عبد الله الثاني إن", "PER:عبد الله الثاني"},
		{"تخرجت من جامعة كارلوس الثالث بمدريد", "ORG:جامعة كارلوس الثالث"},
		{"وحل محمد الثاني في السباق", "PER:محمد"},
		// The countryside of a city is the city; a title alone is nothing.
		{"عادت الأسر إلى ريف حمص وإلى ريف إدلب", "LOC:حمص"},
		{"وقالت سفيرة الاتحاد إن", ""},
		// A party's leaning and the client of a poll are no part of a name.
		{"وحل حزب القوة الشعبية اليميني أولا", "ORG:حزب القوة الشعبية"},
		{"في استطلاع أجرته إيبسوس لصالح الصحيفة", "ORG:إيبسوس"},
		// A head noun and an indefinite adjective are a kind, not the
		// listed Arab League.
		{"وتحتل جامعة عربية المركز الأول", ""},
		{"قال الأمين العام للجامعة العربية إن", "ORG:جامعة العربية"},
		// An adverb the model ran a name into.
		{"واتصل الرئيس آبي أحمد هاتفياً بنظيره", "PER:آبي أحمد"},
		// Or into an indefinite noun in the accusative, mid-span too.
		{"افتتحت زمرال مركزاً للابتكار في", "ORG:زمرال"},
		// Or into the particle after a verb of saying, or into the rank
		// that opens the next name.
		{"وقالت ماريا سانتوس إن العقوبات ستضر", "ORG:ماريا سانتوس"},
		// Or into the number of a percentage after it.
		{"وارتفع سهم زمرال 4% أمس", "ORG:زمرال NUM:4% DATE:أمس"},
		// Or into ب or ل with a common noun at its end, but not inside it.
		{"تعاقدت مع زمرال الكورية لتطوير الشرائح", "ORG:زمرال الكورية"},
		{"قالت الهيئة العامة لتنظيم الكهرباء إن", "ORG:الهيئة العامة لتنظيم الكهرباء"},
		{"وقال قائد الجيش الوطني الليبي المشير خليفة حفتر", "ORG:الجيش الوطني الليبي PER:خليفة حفتر"},
	})
}

func TestCompanyTrades(t *testing.T) {
	checkMentions(t, analysistest.Names{"سامسونج": ORG, "فاركو": ORG, "ارامكو": ORG}, []mentionCase{
		// A company after شركة keeps its trade; a body does not take those
		// it spoke to.
		{"ووقعت شركة سامسونج للإلكترونيات وشركة فاركو للأدوية عقودا", "ORG:سامسونج للإلكترونيات ORG:فاركو للأدوية"},
		{"وقالت شركة أرامكو للصحفيين إن", "ORG:أرامكو"},
	})
}

func TestForeignSurnames(t *testing.T) {
	checkMentions(t, analysistest.Names{"جيمس": PER, "دانيال": PER, "يتمور": PER, "كلارا": MISC, "شولتز": PER, "محمد": PER, "علي": PER}, []mentionCase{
		// A name the tokenizer split as و + the rest stays one.
		{"وقال المدير جيمس ويتفيلد إن", "PER:جيمس ويتفيلد"},
		{"وقال المدير دانيال ويتمور إن", "PER:دانيال ويتمور"},
		// A listed given name of another type before a person is its start.
		{"وقالت المسؤولة كلارا شولتز إن", "PER:كلارا شولتز"},
		// Two persons joined by و stay two.
		{"وحضر محمد وعلي الاجتماع", "PER:محمد PER:علي"},
	})
}

func TestClubsByHead(t *testing.T) {
	checkMentions(t, analysistest.Names{"سطيف": LOC, "شبيبه": ORG, "الجزائر": LOC, "جنوب افريقيا": LOC}, []mentionCase{
		// In a report on a game between teams, a club's noun and its town.
		{"فاز شباب تاجنانت على وفاق سطيف في مباراة الدوري بهدفين", "ORG:شباب تاجنانت ORG:وفاق سطيف"},
		{"خسرت شبيبة أمام مولودية الجزائر في مباراة الدوري", "ORG:شبيبة ORG:مولودية الجزائر"},
		// A country after such a noun is rarely a club's name.
		{"وسجل نجم جنوب أفريقيا هدفين في مباراة الدوري", "LOC:جنوب أفريقيا"},
		// Outside sport the words keep their sense.
		{"ودعا شباب سطيف إلى المشاركة", "LOC:سطيف"},
	})
}

func TestTitlesByAuthor(t *testing.T) {
	checkMentions(t, analysistest.Names{"مراد بوخلفه": PER}, []mentionCase{
		// A quoted title credited to its author is a work.
		{"وضمت القائمة «سماء من قش» للجزائري مراد بوخلفة", "MISC:سماء من قش PER:مراد بوخلفة"},
		// Quoted speech followed by whom it was said to is not.
		{"وقال «لن نتراجع» للصحفيين", ""},
	})
}

func TestNameEndsInNews(t *testing.T) {
	checkMentions(t, analysistest.Names{"غانم بن": PER, "ابي": PER, "وزاره الاسكان والتخطيط": ORG, "ديوان الرقابه الماليه": ORG, "بيجو": ORG}, []mentionCase{
		// No name ends in بن.
		{"وقال النائب غانم بن فضل إن", "PER:غانم بن فضل"},
		// Nor in آبي, which reads as أبي; but a particle is no name.
		{"وقال آبي إن إثيوبيا", "PER:آبي LOC:إثيوبيا"},
		// A body's coordinated field keeps its adjective.
		{"إن وزارة الإسكان والتخطيط العمراني ستعمل", "ORG:وزارة الإسكان والتخطيط العمراني"},
		{"وقال ديوان الرقابة المالية والإدارية إن", "ORG:ديوان الرقابة المالية والإدارية"},
		// A car maker's model number.
		{"وتنتج المصانع سيارة بيجو 208 الجديدة", "MISC:بيجو 208"},
	})
}

func TestUnseenListedTowns(t *testing.T) {
	checkMentions(t, analysistest.Names{}, []mentionCase{
		// A listed town the model never saw is a place wherever it stands.
		{"ووصل الوفد إلى عجلون مساء", "LOC:عجلون"},
		// One it saw is left to it: مسقط رأسه is a birthplace.
		{"دفن في مسقط رأسه", ""},
	})
}

func TestPublishers(t *testing.T) {
	checkMentions(t, analysistest.Names{}, []mentionCase{
		// A publisher after a book, in brackets or after عن.
		{"روايته الصادرة عن دار الرافدين العام الماضي", "ORG:دار الرافدين DATE:العام الماضي"},
		{"للكاتبة ريم (دار الساقي)، و", "ORG:دار الساقي"},
		// Elsewhere دار is a house.
		{"وعادت إلى دار أهلها", ""},
	})
}

func TestMinistryFields(t *testing.T) {
	checkMentions(t, analysistest.Names{}, []mentionCase{
		// A ministry's field keeps its adjective, and then its country.
		{"وقالت وزارة الموارد المائية العراقية إن", "ORG:وزارة الموارد المائية العراقية"},
		{"وأرسلت وزارة المالية الاتحادية الرواتب", "ORG:وزارة المالية الاتحادية"},
	})
}

func TestPlaceBeforeGivenName(t *testing.T) {
	checkMentions(t, analysistest.Names{"لبنان كلوديا": LOC}, []mentionCase{
		// A place the model ran into the given name after it.
		{"وقالت ممثلة المفوضية في لبنان كلوديا فيشر إن", "LOC:لبنان PER:كلوديا"},
	})
}

func TestCounterparts(t *testing.T) {
	checkMentions(t, analysistest.Names{"سوجيونو": ORG, "الاتحاد": ORG, "عمان": LOC}, []mentionCase{
		// A minister's counterpart is a person, whatever the model said.
		{"استقبل الوزير نظيره الإندونيسي سوجيونو في", "PER:سوجيونو"},
		{"التقت نظيرها سوجيونو", "PER:سوجيونو"},
		// A name with the article, or not right after, is left alone.
		{"هاتف نظيره الاتحاد", "ORG:الاتحاد"},
		{"وصل نظيره إلى عمان", "LOC:عمان"},
	})
}

func TestDropTanween(t *testing.T) {
	checkMentions(t, analysistest.Names{"ناديا": PER, "لوجستيا للسيناريوهين": ORG}, []mentionCase{
		// A word in the accusative with tanween is no name, whatever found it.
		{"قال إن الإسماعيلي ليس نادياً عادياً", ""},
		{"الوزارة جاهزة لوجستياً للسيناريوهين", ""},
		// Without tanween it stays; counts keep theirs.
		{"قالت ناديا إن 27 ألفاً حضروا", "PER:ناديا NUM:27 ألفاً"},
	})
}

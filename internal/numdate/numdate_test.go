package numdate

import (
	"reflect"
	"strings"
	"testing"

	"tahlil/internal/token"
)

// spans returns "TYPE:text" for each mention found in text.
func spans(text string) []string {
	d := token.Tokenize(text)
	rs := []rune(text)
	var out []string
	for _, m := range Find(d) {
		out = append(out, m.Type+":"+string(rs[start(d, m):d.Tokens[m.End-1].End]))
	}
	return out
}

func start(d *token.Doc, m Mention) int {
	t := d.Tokens[m.Start]
	if m.Skip == 0 {
		return t.Start
	}
	s, _ := d.Norm.Source(t.NStart+m.Skip, t.NEnd)
	return s
}

var findTests = []struct {
	in   string
	want []string
}{
	// Weekdays and relative days.
	{"التقى الوزيران يوم الخميس في القاهرة", []string{"DATE:يوم الخميس"}},
	{"وقال المتحدث الاثنين إن المحادثات مستمرة", []string{"DATE:الاثنين"}},
	{"اتفق الطرفان على تقاسم الكلفة بين الاثنين", nil},
	{"وصل الوفد أمس إلى عمّان", []string{"DATE:أمس"}},
	{"الجلسة ستعقد الأحد المقبل", []string{"DATE:الأحد المقبل"}},
	{"قال الرئيس اليوم الأربعاء إن", []string{"DATE:اليوم الأربعاء"}},
	// Months in both traditions, day + month, month + year.
	{"في 7 أكتوبر 2023 اندلعت الحرب", []string{"DATE:7 أكتوبر 2023"}},
	{"منذ سبتمبر/أيلول الماضي", []string{"DATE:سبتمبر/أيلول الماضي"}},
	{"في 24 أكتوبر / تشرين الأول 2008", []string{"DATE:24 أكتوبر / تشرين الأول 2008"}},
	{"وفي كانون الثاني 1925 صدر القرار", []string{"DATE:كانون الثاني 1925"}},
	{"خلال شهر نيسان", []string{"DATE:شهر نيسان"}},
	{"ويونيو المقبل", []string{"DATE:يونيو المقبل"}},
	{"السابع من أكتوبر", []string{"DATE:السابع من أكتوبر"}},
	{"في مارس الماضي", []string{"DATE:مارس الماضي"}},
	{"مارس الضغط على الحكومة", nil},
	{"عاد إلى بيت أبيه", nil},
	{"وصلوا في 22 آب 1931", []string{"DATE:22 آب 1931"}},
	{"في الأول من رمضان", []string{"DATE:الأول من رمضان"}},
	{"في 15 شعبان 1445 هـ", []string{"DATE:15 شعبان 1445 هـ"}},
	{"حتى ذو الحجة", []string{"DATE:ذو الحجة"}},
	{"سجل صفر إصابات", nil},
	// Years.
	{"في عام 2024 ارتفعت الأسعار", []string{"DATE:عام 2024"}},
	{"لعام 2025", []string{"DATE:عام 2025"}},
	{"وقعت النكبة عام 1948", []string{"DATE:عام 1948"}},
	{"في 2019 تغير كل شيء", []string{"DATE:2019"}},
	{"منذ 1850 لم يحدث ذلك", []string{"DATE:1850"}},
	// One and the tens.
	{"إحدى وعشرين دولة", []string{"NUM:إحدى وعشرين"}},
	{"في أحد الأيام وواحد من أبرز", nil},
	// Quarters and halves of a year.
	{"في الربع الثالث من 2025", []string{"DATE:الربع الثالث من 2025"}},
	{"خلال النصف الأول من العام الجاري", []string{"DATE:النصف الأول من العام الجاري"}},
	{"الربع الأخير من المباراة", nil},
	// A score is two numbers.
	{"فاز الأهلي على الزمالك 3-1", []string{"NUM:3", "NUM:1"}},
	// Ranges of days.
	{"في الفترة من 1 إلى 15 مارس", []string{"DATE:1 إلى 15 مارس"}},
	{"بين 14-16 يونيو 2025", []string{"DATE:14-16 يونيو 2025"}},
	{"من 3 إلى 2 مارس", []string{"NUM:3", "DATE:2 مارس"}},
	// After an approximation a bare number counts.
	{"وصل أكثر من 2000 مهاجر", []string{"NUM:2000"}},
	{"لقي أكثر من 1800 مهاجر حتفهم", []string{"NUM:1800"}},
	{"يناهز 1950 عاملاً", []string{"NUM:1950"}},
	{"من 1990 إلى 2000", []string{"DATE:1990", "DATE:2000"}},
	{"الحرب (1936-1939) كانت طويلة", []string{"DATE:1936-1939"}},
	{"توفي عام 1325 هجري", []string{"DATE:عام 1325 هجري"}},
	{"ولد سنة 1920م في يافا", []string{"DATE:سنة 1920م"}},
	{"أواخر عام 2017", []string{"DATE:أواخر عام 2017"}},
	{"العام الماضي", []string{"DATE:العام الماضي"}},
	{"هذا العام", []string{"DATE:هذا العام"}},
	{"بتاريخ 15/1/1959", []string{"DATE:15/1/1959"}},
	{"بتاريخ ( 15 / 1 / 1959 )", []string{"DATE:15 / 1 / 1959"}},
	{"صدر في 2024-03-15", []string{"DATE:2024-03-15"}},
	{"في 15.3.2024", []string{"DATE:15.3.2024"}},
	{"في السادس والعشرين من الشهر الجاري", []string{"DATE:السادس والعشرين من الشهر الجاري"}},
	{"أواخر القرن التاسع عشر", []string{"DATE:أواخر القرن التاسع عشر"}},
	{"في القرن العشرين", []string{"DATE:القرن العشرين"}},
	{"وصل أمس الأول", []string{"DATE:أمس الأول"}},
	{"الملك ألفونسو الثالث عشر", nil},
	{"وهو في الخامسة والعشرين من عمره", nil},
	{"سجل الهدف في الدقيقة الثالثة والخمسين", nil},
	{"كما ذكر المؤرخ ( 1 ) .", nil},
	{"منذ السابع من أكتوبر الماضي", []string{"DATE:السابع من أكتوبر الماضي"}},
	{"سيعقد في الأسبوع الأول من يونيو المقبل", []string{"DATE:الأسبوع الأول من يونيو المقبل"}},
	{"في الأسبوع الأول", nil},
	{"بين عامي 2015 و2020", []string{"DATE:عامي 2015 و2020"}},
	{"في الثمانينيات من القرن الماضي", []string{"DATE:الثمانينيات", "DATE:القرن الماضي"}},
	{"ارتفعت الأسعار 35.7% في فبراير/شباط، مقارنة بـ29.8% في يناير/كانون الثاني", []string{"NUM:35.7%", "DATE:فبراير/شباط", "NUM:29.8%", "DATE:يناير/كانون الثاني"}},
	{"ارتفعت إلى 40.3 مليار دولار بنهاية مارس", []string{"NUM:40.3 مليار دولار", "DATE:نهاية مارس"}},
	{"يوم 12 رمضان 1445 هـ الموافق 22 مارس 2024", []string{"DATE:يوم 12 رمضان 1445 هـ", "DATE:22 مارس 2024"}},
	{"سجلت الحرارة 48 درجة مئوية", []string{"NUM:48 درجة مئوية"}},
	{"وتمت الصفقة بقيمة 1,250,000 دولار", []string{"NUM:1,250,000 دولار"}},
	{"قتل خمسة أشخاص وأصيب عشرون آخرون", []string{"NUM:خمسة", "NUM:عشرون"}},
	{"ويعمل فيها ثلاثة آلاف موظف وتبلغ أرباحها مئات الملايين", []string{"NUM:ثلاثة آلاف", "NUM:مئات الملايين"}},
	{"بلغ عدد السكان نحو 110 ملايين نسمة", []string{"NUM:110 ملايين"}},
	{"في 7\nأكتوبر 2023", []string{"NUM:7", "DATE:أكتوبر 2023"}},
	{"1\nقال الوزير إن 27 شخصاً", []string{"NUM:27"}},
	// Periods.
	{"استمرت المفاوضات ثلاثة أيام", []string{"DATE:ثلاثة أيام"}},
	{"منذ عامين", []string{"DATE:منذ عامين"}},
	{"قبل 8 سنوات", []string{"DATE:قبل 8 سنوات"}},
	// Numbers and amounts.
	{"قتل 27 شخصاً", []string{"NUM:27"}},
	{"بـ27 ألفاً و700 نازح", []string{"NUM:27 ألفاً و700"}},
	{"وقدرت الخسائر بـ3.5 مليار دولار", []string{"NUM:3.5 مليار دولار"}},
	{"بلغ العجز ٢٫٥ مليون", []string{"NUM:٢٫٥ مليون"}},
	{"تبرع بمليوني دولار", []string{"NUM:مليوني دولار"}},
	{"نصف مليون دولار أمريكي", []string{"NUM:نصف مليون دولار أمريكي"}},
	{"ارتفع التضخم إلى 5%", []string{"NUM:5%"}},
	{"بنسبة ٧٫٢٪ في الربع", []string{"NUM:٧٫٢٪"}},
	{"نما الاقتصاد 3 في المئة", []string{"NUM:3 في المئة"}},
	{"و20 بالمئة من السكان", []string{"NUM:20 بالمئة"}},
	{"انخفض بـ4 في المائة", []string{"NUM:4 في المائة"}},
	{"على بعد 40 كيلومتراً", []string{"NUM:40 كيلومتراً"}},
	{"مساحة 1000 متر مربع", []string{"NUM:1000 متر مربع"}},
	{"شحنة من 500 طن من القمح", []string{"NUM:500 طن"}},
	{"بطاقة 10 غيغاواط سنوياً وذاكرة 512 غيغابايت", []string{"NUM:10 غيغاواط", "NUM:512 غيغابايت"}},
	{"يوم", nil}, // a day word at the very end of the text
	{"بسعر 20 جنيهاً مصرياً", []string{"NUM:20 جنيهاً"}},
	{"دفع 100 يورو", []string{"NUM:100 يورو"}},
	{"بلغت قيمتها 750 ألف درهم", []string{"NUM:750 ألف درهم"}},
	{"ثلاثة وعشرين لاعباً", []string{"NUM:ثلاثة وعشرين"}},
	// Numbers from 11 to 19 are two words.
	{"وفود من اثنتي عشرة دولة وأحد عشر لاعباً", []string{"NUM:اثنتي عشرة", "NUM:أحد عشر"}},
	{"بعد اثنا عشر شهراً", []string{"DATE:اثنا عشر شهراً"}},
	{"قتل خمسة عشر ألف جندي", []string{"NUM:خمسة عشر ألف"}},
	{"آلاف المتظاهرين", []string{"NUM:آلاف"}},
	{"عشرات القتلى", []string{"NUM:عشرات"}},
	{"كلفت $5 فقط", []string{"NUM:$5"}},
	// Labels are not amounts.
	{"نصت المادة 5 على", nil},
	{"القرار رقم (2334)", nil},
	{"طائرات إف-16", nil},
	{"الساعة 10:30 صباحاً", nil},
	{"كوفيد-19", nil},
	{"هاتف 0599123456", nil},
}

func TestFind(t *testing.T) {
	for _, tt := range findTests {
		t.Run(tt.in, func(t *testing.T) {
			if got := spans(tt.in); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Find(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFindInvariants(t *testing.T) {
	for _, tt := range findTests {
		checkInvariants(t, tt.in)
	}
}

func checkInvariants(t *testing.T, text string) {
	t.Helper()
	d := token.Tokenize(text)
	prev := 0
	for _, m := range Find(d) {
		if m.Start < prev || m.End <= m.Start || m.End > len(d.Tokens) {
			t.Fatalf("Find(%q): bad mention %+v after %d", text, m, prev)
		}
		if m.Type != DATE && m.Type != NUM {
			t.Fatalf("Find(%q): type %q", text, m.Type)
		}
		first, last := d.Tokens[m.Start], d.Tokens[m.End-1]
		if first.Kind == token.Punct && !strings.ContainsAny(first.Norm, "$€£") {
			t.Fatalf("Find(%q): %+v starts with punctuation", text, m)
		}
		if last.Kind == token.Punct && !strings.ContainsAny(last.Norm, "%٪$€£") {
			t.Fatalf("Find(%q): %+v ends with punctuation", text, m)
		}
		if m.Skip < 0 || m.Skip >= first.NEnd-first.NStart {
			t.Fatalf("Find(%q): %+v skips the whole first token", text, m)
		}
		prev = m.End
	}
}

func FuzzFind(f *testing.F) {
	for _, tt := range findTests {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, s)
	})
}

// BenchmarkLexicon measures building the word table, which the first Find
// of a process pays once.
func BenchmarkLexicon(b *testing.B) {
	for b.Loop() {
		buildLexicon()
	}
}

func BenchmarkFind(b *testing.B) {
	var text strings.Builder
	for _, tt := range findTests {
		text.WriteString(tt.in)
		text.WriteString(".\n")
	}
	d := token.Tokenize(text.String())
	b.SetBytes(int64(text.Len()))
	b.ReportAllocs()
	for b.Loop() {
		Find(d)
	}
	b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// TestFindAllocs holds Find to a fixed allocation budget whatever the text
// length: its tables per document plus the growth of the result.
func TestFindAllocs(t *testing.T) {
	var text strings.Builder
	for range 20 {
		for _, tt := range findTests {
			text.WriteString(tt.in)
			text.WriteString(".\n")
		}
	}
	d := token.Tokenize(text.String())
	Find(d) // build the word table
	if n := testing.AllocsPerRun(20, func() { Find(d) }); n > 20 {
		t.Errorf("Find allocates %.0f times on %d tokens; want at most 20", n, len(d.Tokens))
	}
}

package normalize_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"tahlil/internal/normalize"
	"tahlil/internal/testenv"
)

// vector is one line of anchors.jsonl: another normalizer's own test case.
type vector struct {
	Anchor    string          `json:"anchor"`
	Source    string          `json:"source"`
	Operation string          `json:"operation"`
	Input     string          `json:"input"`
	Expected  string          `json:"expected"`
	Kind      string          `json:"kind"`
	Case      string          `json:"case"`
	Options   json.RawMessage `json:"options"`
	Actual    *string         `json:"actual"`
	Verified  *bool           `json:"verified_against_source"`
}

// target says how the harness runs an (anchor, operation): with a preset
// or compatibility option set, or not at all, for the reason given.
type target struct {
	preset  string
	exclude string
}

func run(preset string) target     { return target{preset: preset} }
func excluded(why string) target   { return target{exclude: why} }
func key(anchor, op string) string { return anchor + " | " + op }

const (
	whyStemmer  = "stemmer: removes affixes, not a character fold"
	whyAnalyzer = "analyzer chain: tokenizer, stopword list and stemmer"
	whySorani   = "Sorani Kurdish: word-position rules (initial reh, final heh) and folds toward Kurdish letters"
)

// targets maps every (anchor, operation) in anchors.jsonl. An operation
// missing here fails the test, so new vectors cannot be skipped silently.
var targets = map[string]target{
	key("bleve", "normalize_ar (ArabicNormalizeFilter)"):                                                                 run("lucene"),
	key("bleve", "normalize_fa (PersianNormalizeFilter)"):                                                                run("lucene-persian"),
	key("bleve", "normalize_ckb (SoraniNormalizeFilter)"):                                                                excluded(whySorani),
	key("bleve", "stemmer_ar (ArabicStemmerFilter)"):                                                                     excluded(whyStemmer),
	key("bleve", `analyzer "ar" (unicode tokenizer+lowercase+NFKC+stop_ar+normalize_ar+stemmer_ar)`):                     excluded(whyAnalyzer),
	key("bleve", `analyzer "ckb"`):                                                                                       excluded(whyAnalyzer),
	key("bleve", `analyzer "fa" (ZWNJ->space charfilter+unicode tokenizer+lowercase+normalize_ar+normalize_fa+stop_fa)`): excluded(whyAnalyzer),

	key("lucene", "ArabicNormalizationFilter"):                                                                     run("lucene"),
	key("lucene", "whitespace tokenizer + ArabicNormalization"):                                                    run("lucene"),
	key("lucene", "PersianNormalizationFilter"):                                                                    run("lucene-persian"),
	key("lucene", "DecimalDigitFilter"):                                                                            run("lucene-decimal-digit"),
	key("lucene", "PersianCharFilter (ZWNJ->space) + whitespace tokenizer"):                                        run("zwnj-space"),
	key("lucene", "PersianCharFilter (ZWNJ->space) + MockTokenizer"):                                               run("zwnj-space"),
	key("lucene", "SoraniNormalizationFilter"):                                                                     excluded(whySorani),
	key("lucene", "ArabicStemFilter"):                                                                              excluded(whyStemmer),
	key("lucene", "ArabicStemFilter + SetKeywordMarkerFilter({ساهدهات})"):                                          excluded(whyStemmer),
	key("lucene", "whitespace tokenizer + ArabicNormalization + ArabicStem"):                                       excluded(whyStemmer),
	key("lucene", "ArabicAnalyzer (StandardTokenizer+LowerCase+DecimalDigit+Stop+ArabicNormalization+ArabicStem)"): excluded(whyAnalyzer),
	key("lucene", "ArabicAnalyzer(stopwords=EMPTY, stemExclusion=EMPTY)"):                                          excluded(whyAnalyzer),
	key("lucene", "ArabicAnalyzer(stopwords=EMPTY, stemExclusion={ساهدهات})"):                                      excluded(whyAnalyzer),

	key("camel_tools", "normalize_alef_ar"):         run("camel-alef"),
	key("camel_tools", "normalize_alef_maksura_ar"): run("camel-alef-maksura"),
	key("camel_tools", "normalize_teh_marbuta_ar"):  run("camel-teh-marbuta"),
	key("camel_tools", "dediac_ar"):                 run("camel-dediac"),
	key("camel_tools", "normalize_unicode"):         run("camel-unicode"),
	key("camel_tools", "dediac_bw"):                 excluded("Buckwalter transliteration, not Arabic script"),
	key("camel_tools", "remove_elongation_ar"):      excluded("collapses runs of 3+ identical letters: a spelling heuristic, not a character fold"),

	key("pyarabic", "araby.strip_tashkeel"):                    run("pyarabic-strip-tashkeel"),
	key("pyarabic", "normalize.strip_tashkeel"):                run("pyarabic-strip-tashkeel"),
	key("pyarabic", "araby.strip_harakat"):                     run("pyarabic-strip-harakat"),
	key("pyarabic", "araby.strip_shadda"):                      run("pyarabic-strip-shadda"),
	key("pyarabic", "araby.strip_tatweel"):                     run("pyarabic-strip-tatweel"),
	key("pyarabic", "normalize.strip_tatweel"):                 run("pyarabic-strip-tatweel"),
	key("pyarabic", "araby.strip_small"):                       run("pyarabic-strip-small"),
	key("pyarabic", "araby.strip_diacritics"):                  run("pyarabic-strip-diacritics"),
	key("pyarabic", "araby.normalize_teh"):                     run("pyarabic-normalize-teh"),
	key("pyarabic", "araby.normalize_ligature"):                run("pyarabic-ligature"),
	key("pyarabic", "normalize.normalize_lamalef"):             run("pyarabic-ligature"),
	key("pyarabic", `araby.normalize_hamza(method="uniform")`): run("pyarabic-hamza-uniform"),
	key("pyarabic", `araby.normalize_hamza(method="tasheel")`): run("pyarabic-hamza-tasheel"),
	key("pyarabic", "normalize.normalize_hamza"):               run("pyarabic-normalize-hamza"),
	key("pyarabic", "normalize.normalize_spellerrors"):         run("pyarabic-spellerrors"),
	key("pyarabic", "araby.normalize_alef"):                    excluded("ى + U+0670 collapses to one alef: a two-character rule"),
	key("pyarabic", "araby.strip_lastharaka"):                  excluded("strips only the word-final haraka: word-position rule"),
	key("pyarabic", "araby.reduce_tashkeel"):                   excluded("keeps the marks a reader needs: a vocalization heuristic"),
	key("pyarabic", "araby.autocorrect"):                       excluded("removes doubled or misplaced marks: a spelling corrector"),
	key("pyarabic", "normalize.normalize_searchtext"):          excluded("its one vector is documented wrong upstream (see below)"),

	key("charabia", "ArabicNormalizer"):                      run("charabia-arabic"),
	key("charabia", "PersianNormalizer (language=Pes only)"): excluded("folds toward Persian letters (ي→ی, ك→ک), the opposite direction of these folds"),

	key("araclean", "FoldPresentationForms"): run("camel-unicode"),
	key("araclean", "RemoveTatweel"):         run("pyarabic-strip-tatweel"),
	key("araclean", "StripBidi"):             run("display"),
	key("araclean", "UnifyLookalikes"):       run("araclean-lookalikes"),

	key("arabic-text-normalizer(npm)", "normalize"): run("npm-arabic-text-normalizer"),
}

// npmFolds maps the options of npm arabic-text-normalizer's normalize() to
// folds, or excludes them.
func npmFolds(raw json.RawMessage) (normalize.Fold, string) {
	opts := map[string]bool{}
	if len(raw) > 0 && string(raw) != "null" {
		if err := json.Unmarshal(raw, &opts); err != nil {
			return 0, "unreadable options: " + err.Error()
		}
	}
	on := func(name string) bool {
		v, set := opts[name]
		return !set || v
	}
	if opts["stripHamza"] {
		return 0, "stripHamza: Uthmani word lists (الصلوة, بصطة) and double-lam rules, not character folds"
	}
	var f normalize.Fold
	if on("diacritics") {
		f |= normalize.NPMDiacritics
	}
	if on("markers") || on("smallLetters") {
		f |= normalize.Quranic | normalize.SmallLetters | normalize.QuranSigns
	}
	if on("verseNumbers") {
		f |= normalize.VerseNumbers
	}
	if on("tatweel") {
		f |= normalize.Tatweel
	}
	if on("punctuation") {
		f |= normalize.Punctuation
	}
	if on("collapseWhitespace") {
		f |= normalize.CollapseSpaces
	}
	return f, ""
}

// vectorExclusion excludes single vectors of an operation that is run.
func vectorExclusion(v vector) string {
	if v.Actual != nil && v.Verified != nil && !*v.Verified {
		return "expectation documented wrong upstream; the tool really returns " + fmt.Sprintf("%q", *v.Actual)
	}
	return ""
}

func readJSONL[T any](t *testing.T, rel string) []T {
	t.Helper()
	f, err := os.Open(testenv.Shared(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s:%d: %v", rel, line, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

type counts struct{ pass, fail, excluded int }

// TestConformance runs the other normalizers' own test vectors against
// the matching preset or option set.
func TestConformance(t *testing.T) {
	vectors := readJSONL[vector](t, "conformance/normalize/anchors.jsonl")
	perAnchor := map[string]*counts{}
	reasons := map[string]int{}
	for i, v := range vectors {
		c := perAnchor[v.Anchor]
		if c == nil {
			c = &counts{}
			perAnchor[v.Anchor] = c
		}
		tg, ok := targets[key(v.Anchor, v.Operation)]
		if !ok {
			t.Errorf("vector %d: no target for %q", i+1, key(v.Anchor, v.Operation))
			c.fail++
			continue
		}
		why := tg.exclude
		if why == "" {
			why = vectorExclusion(v)
		}
		if why != "" {
			c.excluded++
			reasons[v.Anchor+": "+v.Operation+": "+why]++
			continue
		}
		n, ok := normalize.Preset(tg.preset)
		if !ok {
			t.Fatalf("no preset %q", tg.preset)
		}
		if tg.preset == "npm-arabic-text-normalizer" {
			f, why := npmFolds(v.Options)
			if why != "" {
				c.excluded++
				reasons[v.Anchor+": "+v.Operation+": "+why]++
				continue
			}
			n = normalize.New(f)
		}
		got := n.String(v.Input)
		if got != v.Expected {
			c.fail++
			t.Errorf("%s %s (%s, vector %d): Preset(%q).String(%q) = %q; want %q",
				v.Anchor, v.Operation, v.Case, i+1, tg.preset, v.Input, got, v.Expected)
			continue
		}
		c.pass++
		checkMapped(t, n, v.Input, n.Map(v.Input))
	}
	anchors := make([]string, 0, len(perAnchor))
	for a := range perAnchor {
		anchors = append(anchors, a)
	}
	sort.Strings(anchors)
	total := counts{}
	for _, a := range anchors {
		c := perAnchor[a]
		t.Logf("%-28s pass %3d  fail %d  excluded %3d", a, c.pass, c.fail, c.excluded)
		total.pass += c.pass
		total.fail += c.fail
		total.excluded += c.excluded
	}
	t.Logf("%-28s pass %3d  fail %d  excluded %3d", "total", total.pass, total.fail, total.excluded)
	lines := make([]string, 0, len(reasons))
	for r, n := range reasons {
		lines = append(lines, fmt.Sprintf("%3d excluded: %s", n, r))
	}
	sort.Strings(lines)
	t.Log("exclusions:\n" + strings.Join(lines, "\n"))
}

// probe is one line of probe-matrix.jsonl: what each tool outputs for one
// edge-case input.
type probe struct {
	Probe   string `json:"probe"`
	Input   string `json:"input"`
	Outputs map[string]struct {
		Out string `json:"out"`
	} `json:"outputs"`
}

// TestProbeMatrix checks the presets against the tool they should equal:
// lucene equals the Lucene/bleve ArabicNormalizer column on every probe;
// lucene-persian the PersianNormalizer column; the CAMeL and PyArabic
// option sets their columns. search follows its own specification, so
// each probe names the column search agrees with, and why.
func TestProbeMatrix(t *testing.T) {
	probes := readJSONL[probe](t, "conformance/normalize/probe-matrix.jsonl")
	whole := []struct{ preset, column string }{
		{"lucene", "lucene/bleve ArabicNormalizer"},
		{"lucene-persian", "lucene/bleve PersianNormalizer"},
		{"camel-alef", "camel normalize_alef_ar"},
		{"camel-alef-maksura", "camel normalize_alef_maksura_ar"},
		{"camel-teh-marbuta", "camel normalize_teh_marbuta_ar"},
		{"camel-dediac", "camel dediac_ar"},
		{"pyarabic-strip-tashkeel", "pyarabic strip_tashkeel"},
		{"pyarabic-strip-tatweel", "pyarabic strip_tatweel"},
		{"pyarabic-strip-harakat", "pyarabic strip_harakat"},
		{"pyarabic-strip-diacritics", "pyarabic strip_diacritics"},
		{"pyarabic-ligature", "pyarabic normalize_ligature"},
		{"pyarabic-hamza-uniform", "pyarabic normalize_hamza(uniform)"},
		{"pyarabic-normalize-teh", "pyarabic normalize_teh"},
		{"charabia-arabic", "charabia ArabicNormalizer"},
	}
	for _, w := range whole {
		n, _ := normalize.Preset(w.preset)
		agree := 0
		for _, p := range probes {
			want, ok := p.Outputs[w.column]
			if !ok {
				t.Fatalf("probe %q has no column %q", p.Probe, w.column)
			}
			if got := n.String(p.Input); got != want.Out {
				t.Errorf("%s: Preset(%q).String(%q) = %q; want %q (%s)", p.Probe, w.preset, p.Input, got, want.Out, w.column)
				continue
			}
			agree++
		}
		t.Logf("%-24s = %-34s on %d/%d probes", w.preset, w.column, agree, len(probes))
	}

	// npm-arabic-text-normalizer reuses folds that reach a little further
	// than the npm package; these probes show where.
	npmDiffers := map[string]string{
		"U+0610 sallallahou": "Quranic also deletes U+0610–U+061A",
		"heh yeh U+06C0":     "Persian also folds ۀ",
		"heh goal U+06C1":    "Urdu also folds ہ",
	}
	npm, _ := normalize.Preset("npm-arabic-text-normalizer")
	npmCol := "npm arabic-text-normalizer normalize() defaults"
	for _, p := range probes {
		got, want := npm.String(p.Input), p.Outputs[npmCol].Out
		if why, differs := npmDiffers[p.Probe]; differs {
			if got == want {
				t.Errorf("%s: npm-arabic-text-normalizer now agrees with %s; drop the exception (%s)", p.Probe, npmCol, why)
			}
		} else if got != want {
			t.Errorf("%s: Preset(%q).String(%q) = %q; want %q (%s)", p.Probe, "npm-arabic-text-normalizer", p.Input, got, want, npmCol)
		}
	}

	seen := map[string]bool{}
	for _, p := range probes {
		seen[p.Probe] = true
		exp, ok := searchProbes[p.Probe]
		if !ok {
			t.Errorf("probe %q: no expectation for search", p.Probe)
			continue
		}
		want := exp.want
		if exp.column != "" {
			out, ok := p.Outputs[exp.column]
			if !ok {
				t.Fatalf("probe %q has no column %q", p.Probe, exp.column)
			}
			want = out.Out
		}
		if got := normalize.Search.String(p.Input); got != want {
			t.Errorf("%s: Search.String(%q) = %q; want %q (%s%s)", p.Probe, p.Input, got, want, exp.column, exp.want)
		}
	}
	for name := range searchProbes {
		if !seen[name] {
			t.Errorf("searchProbes names probe %q, which is not in the matrix", name)
		}
	}
}

// searchExpect is what search must output for one probe: the output of a
// column of the matrix, or, where no tool folds exactly as the
// specification says, the output itself.
type searchExpect struct{ column, want string }

func col(c string) searchExpect { return searchExpect{column: c} }
func out(s string) searchExpect { return searchExpect{want: s} }

// searchProbes follows from the specification of search: Lucene where
// search folds what Lucene folds (hamza on alef, maksura, teh marbuta,
// tatweel, harakat); CAMeL's Analyzer map for alef wasla; PyArabic's
// strip_diacritics for the other Arabic marks and the Quranic marks it
// deletes; NFKC for presentation forms when no later fold applies; the
// Persian normalizer for ی ک ۀ; CAMeL's arclean for digits; and the
// input unchanged (the strip_tatweel column, which leaves these probes
// alone) for what search keeps. The rest are written out.
var searchProbes = map[string]searchExpect{
	"alef hamza above":                   col(lucene),
	"alef hamza below":                   col(lucene),
	"alef madda":                         col(lucene),
	"alef wasla U+0671":                  col(camelAnalyzer),
	"alef wavy hamza U+0672":             out("باب"),
	"hamza U+0621":                       col(lucene),
	"waw hamza U+0624":                   col(lucene),
	"yeh hamza U+0626":                   col(lucene),
	"alef maksura U+0649":                col(lucene),
	"teh marbuta U+0629":                 col(lucene),
	"tatweel U+0640":                     col(lucene),
	"fathatan":                           col(lucene),
	"fatha":                              col(lucene),
	"shadda":                             col(lucene),
	"sukun":                              col(lucene),
	"shadda+fatha":                       col(lucene),
	"fatha+shadda":                       col(lucene),
	"madda above U+0653":                 col(pyDiacritics),
	"hamza above U+0654":                 col(pyDiacritics),
	"hamza below U+0655":                 col(pyDiacritics),
	"subscript alef U+0656":              col(pyDiacritics),
	"U+065F wavy hamza below":            col(pyDiacritics),
	"superscript alef U+0670":            col(pyDiacritics),
	"alef maksura+superscript alef":      out("بي"),         // ى → ي, U+0670 deleted
	"decomposed alef+U+0654":             col(pyDiacritics), // NFC gives أ, then ا
	"decomposed alef+U+0653":             col(pyDiacritics), // NFC gives آ, then ا
	"quranic small high ligature U+06D6": col(pyDiacritics),
	"end of ayah U+06DD":                 col(unchanged),
	"small waw U+06E5":                   col(unchanged),
	"small yeh U+06E6":                   col(unchanged),
	"U+0610 sallallahou":                 col(pyDiacritics),
	"lam-alef FEFB":                      col(nfkc),
	"lam-alef hamza above FEF7":          col("pyarabic normalize_ligature"), // NFKC gives لأ, then لا
	"lam-alef hamza below FEF9":          col("pyarabic normalize_ligature"),
	"lam-alef madda FEF5":                col("pyarabic normalize_ligature"),
	"beh initial FE91":                   col(nfkc),
	"heh final FEEA":                     col(nfkc),
	"teh marbuta isolated FE93":          out("ه"), // NFKC gives ة, then ه
	"alef maksura final FEF0":            out("ي"), // NFKC gives ى, then ي
	"allah ligature FDF2":                col(nfkc),
	"salla FDFA":                         out("صلي الله عليه وسلم"),                     // NFKC, then ى → ي
	"rial FDFC":                          col("camel normalize_unicode (NFKC+2 fixes)"), // NFKC gives ریال, then ی → ي
	"bismillah FDFD":                     col(unchanged),                                // no decomposition
	"peh initial FB58":                   col(nfkc),
	"farsi yeh U+06CC":                   col(persian),
	"keheh U+06A9":                       col(persian),
	"heh yeh U+06C0":                     col(persian),
	"heh goal U+06C1":                    col(unchanged),
	"yeh barree U+06D2":                  col(unchanged),
	"ae U+06D5":                          col(unchanged),
	"heh doachashmee U+06BE":             col(unchanged),
	"peh U+067E":                         col(unchanged),
	"gaf U+06AF":                         col(unchanged),
	"arabic-indic digits":                col(arclean),
	"ext arabic-indic digits":            col(arclean),
	"arabic percent/decimal/thousands":   col(unchanged),
	"arabic comma/semicolon/question":    col(unchanged),
	"ZWNJ":                               out("بب"), // deleted; arclean writes a space
	"ZWJ":                                out("بب"),
	"LRM":                                out("بب"),
	"RLM":                                out("بب"),
	"ALM U+061C":                         col(arclean),
	"RLE U+202B":                         out("بب"),
	"RLI U+2067":                         col(arclean),
	"BOM U+FEFF":                         col("npm arabic-text-normalizer normalize() defaults"),
	"NBSP":                               col(nfkc),
}

const (
	lucene        = "lucene/bleve ArabicNormalizer"
	camelAnalyzer = "camel Analyzer DEFAULT_NORMALIZE_MAP"
	pyDiacritics  = "pyarabic strip_diacritics"
	nfkc          = "unicode NFKC (py unidata 14.0)"
	unchanged     = "pyarabic strip_tatweel"
	persian       = "lucene/bleve PersianNormalizer"
	arclean       = "camel arclean charmap"
)

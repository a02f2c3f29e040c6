//go:build js && wasm

// Command browser is Tahlil's WebAssembly module for the web app. It runs
// both on the page, where it also wires the legend, the normalization
// options and the status line through the DOM, and in a Web Worker, where it
// only analyzes. Either way it publishes globalThis.__tahlil, whose functions
// take and return plain strings, numbers and arrays: one coarse call per
// analysis. web/app.js wraps them as window.tahlil.
package main

import (
	_ "embed"
	"strings"
	"syscall/js"

	"honnef.co/go/js/dom/v2"

	"tahlil/internal/analysis"
	"tahlil/internal/normalize"
	"tahlil/internal/resultjson"
	"tahlil/wasm/browser/highlight"
)

func main() {
	// Marks the end of the Go runtime's and the packages' initialization,
	// for the start-up breakdown in the page's performance timeline.
	js.Global().Get("performance").Call("mark", "tahlil:main")
	api := js.Global().Get("Object").New()
	export := func(name string, f func(args []js.Value) any) {
		api.Set(name, js.FuncOf(func(_ js.Value, args []js.Value) (res any) {
			defer func() {
				if v := recover(); v != nil {
					res = jsError("tahlil: internal error in " + name)
				}
			}()
			return f(args)
		}))
	}
	export("analyze", analyzeJSON)
	export("render", render)
	export("lastJSON", lastJSON)
	export("normalize", normalizeText)
	export("changes", changes)
	export("presetFolds", presetFolds)
	api.Set("version", analysis.Version)
	api.Set("sample", sample)
	onPage := js.Global().Get("document").Truthy()
	if onPage {
		p := wirePage()
		export("status", p.status)
		export("foldOptions", p.foldOptions)
		export("syncLegend", p.syncLegend)
	}
	js.Global().Set("__tahlil", api)
	if boot := js.Global().Get("__tahlilBoot"); boot.Type() == js.TypeFunction {
		boot.Invoke()
	}
	select {}
}

// sample is the article behind the "try a sample" button, written for
// this project.
//
//go:embed sample.txt
var sample string

func jsError(msg string) js.Value { return js.Global().Get("Error").New(msg) }

// textArg returns args[i] as a string, or an error value saying what was
// wrong with it.
func textArg(fn string, args []js.Value, i int) (string, any) {
	if len(args) <= i || args[i].Type() != js.TypeString {
		return "", jsError("tahlil." + fn + ": text must be a string")
	}
	return args[i].String(), nil
}

// presetArg returns the optional preset name in args[i] ("" when absent).
func presetArg(fn string, args []js.Value, i int) (string, any) {
	if len(args) <= i || args[i].IsUndefined() || args[i].IsNull() {
		return "", nil
	}
	if args[i].Type() != js.TypeString {
		return "", jsError("tahlil." + fn + ": preset must be a string")
	}
	p := args[i].String()
	if _, ok := normalize.Preset(p); !ok && p != "" {
		return "", jsError("tahlil." + fn + ": unknown preset " + quote(p) + " (use search, lucene or display)")
	}
	return p, nil
}

func quote(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return `"` + s + `"`
}

func analyzeText(fn string, args []js.Value) (*analysis.Result, string, any) {
	text, bad := textArg(fn, args, 0)
	if bad != nil {
		return nil, "", bad
	}
	preset, bad := presetArg(fn, args, 1)
	if bad != nil {
		return nil, "", bad
	}
	paceGC(len(text))
	res, err := analysis.Analyze(text, analysis.Options{Normalize: preset})
	if err != nil {
		return nil, "", jsError("tahlil." + fn + ": " + err.Error())
	}
	return res, text, nil
}

func encode(res *analysis.Result) string { return resultjson.String(res) }

// analyzeJSON(text, preset?) returns the result as JSON.
func analyzeJSON(args []js.Value) any {
	res, _, bad := analyzeText("analyze", args)
	if bad != nil {
		return bad
	}
	return encode(res)
}

// lastResult is the result of the last render on this thread, kept so that
// its JSON is encoded only when the user exports it.
var lastResult *analysis.Result

// render(text, preset?, wantJSON?) returns {groups, entities, view: [section
// html...], legend, panel, stats, json?}: the groups as JSON (the page needs
// them at once), the number of entities, the HTML of each region, and, when
// wantJSON is true, the whole result as JSON. Without it, lastJSON() gives
// that JSON later.
func render(args []js.Value) any {
	res, text, bad := analyzeText("render", args)
	if bad != nil {
		return bad
	}
	sections := highlight.View(text, res.Entities)
	view := make([]any, len(sections))
	for i, s := range sections {
		view[i] = s
	}
	counts := highlight.Counts(res.Entities)
	out := map[string]any{
		"groups":   resultjson.String(&analysis.Result{Groups: res.Groups}),
		"entities": len(res.Entities),
		"view":     view,
		"legend":   highlight.Legend(counts),
		"panel":    highlight.Panel(res.Groups),
		"stats":    highlight.Stats(res.Stats, counts),
	}
	if len(args) > 2 && args[2].Truthy() {
		out["json"] = encode(res)
		lastResult = nil
	} else {
		lastResult = res
	}
	return out
}

// lastJSON() returns the result of the last render as JSON, or null.
func lastJSON([]js.Value) any {
	if lastResult == nil {
		return nil
	}
	return encode(lastResult)
}

// normalizeText(text, preset) returns the normalized text.
func normalizeText(args []js.Value) any {
	text, bad := textArg("normalize", args, 0)
	if bad != nil {
		return bad
	}
	preset, bad := presetArg("normalize", args, 1)
	if bad != nil {
		return bad
	}
	if preset == "" {
		return jsError("tahlil.normalize: a preset is required (search, lucene or display)")
	}
	n, _ := normalize.Preset(preset)
	return n.String(text)
}

// changes(text, folds, limit?) returns {text, html, changed}: the text
// normalized with the fold set, the input with what changed marked (its
// first limit code points when limit is positive), and how many input code
// points changed.
func changes(args []js.Value) any {
	text, bad := textArg("changes", args, 0)
	if bad != nil {
		return bad
	}
	if len(args) < 2 || args[1].Type() != js.TypeNumber {
		return jsError("tahlil.changes: folds must be a number")
	}
	m := normalize.New(normalize.Fold(args[1].Int())).Map(text)
	spans := make([][2]int, len(m.Spans))
	for i, s := range m.Spans {
		spans[i] = [2]int{s.Start, s.End}
	}
	limit := 0
	if len(args) > 2 && args[2].Type() == js.TypeNumber {
		limit = args[2].Int()
	}
	html, n := highlight.Changes(text, m.Text, spans, limit)
	return map[string]any{"text": m.Text, "html": html, "changed": n}
}

// presetFolds(name) returns the fold set of a preset, or -1 if there is no
// such preset in this build.
func presetFolds(args []js.Value) any {
	if len(args) < 1 || args[0].Type() != js.TypeString {
		return -1
	}
	n, ok := normalize.Preset(args[0].String())
	if !ok {
		return -1
	}
	return int(n.Folds())
}

// page holds the DOM elements Go manages.
//
// It wraps them in dom's concrete types itself (see byID) rather than
// through Document.GetElementByID, Event.Target or QuerySelectorAll: those
// pick the wrapper with a type switch over every HTML element type, which
// links all of them into the module (a fifth of its code) and slows every
// page load.
type page struct {
	doc    js.Value
	preset *dom.HTMLSelectElement // nil when the page has none
	hidden map[string]bool
	extra  normalize.Fold // folds of the chosen preset that have no toggle

	foldsBuilt bool
}

// byID returns the element with the given id, or nil.
func (p *page) byID(id string) *dom.BasicHTMLElement {
	return htmlElement(p.doc.Call("getElementById", id))
}

// htmlElement wraps v, an HTML element or null, as dom's basic element.
func htmlElement(v js.Value) *dom.BasicHTMLElement {
	if v.IsNull() || v.IsUndefined() {
		return nil
	}
	return &dom.BasicHTMLElement{BasicElement: &dom.BasicElement{BasicNode: &dom.BasicNode{Value: v}}}
}

// inputs returns the <input> elements under el that match sel.
func inputs(el *dom.BasicHTMLElement, sel string) []*dom.HTMLInputElement {
	list := el.Call("querySelectorAll", sel)
	out := make([]*dom.HTMLInputElement, list.Length())
	for i := range out {
		out[i] = &dom.HTMLInputElement{BasicHTMLElement: htmlElement(list.Index(i))}
	}
	return out
}

// folds names each normalization fold in the interface, in display order.
// Each is a single bit, so any set a preset uses can be shown and edited.
var folds = []struct {
	f    normalize.Fold
	name string
}{
	{normalize.Harakat, "حذف الحركات والتنوين والسكون"},
	{normalize.Shadda, "حذف الشدّة"},
	{normalize.DaggerAlef, "حذف الألف الخنجرية"},
	{normalize.HamzaAboveMark, "حذف الهمزة المركّبة"},
	{normalize.OtherMarks, "حذف العلامات الأخرى"},
	{normalize.Tatweel, "حذف التطويل (ـ)"},
	{normalize.AlefHamza, "الألف المهموزة (أ إ آ ← ا)"},
	{normalize.AlefWasla, "ألف الوصل (ٱ ← ا)"},
	{normalize.AlefWavyHamza, "الألف ذات الهمزة المتموجة (ٲ ٳ ← ا)"},
	{normalize.AlefMaksura, "الألف المقصورة (ى ← ي)"},
	{normalize.TehMarbuta, "التاء المربوطة (ة ← ه)"},
	{normalize.HamzaSeats, "همزة على واو أو ياء (ؤ ئ ← و ي)"},
	{normalize.SeatedHamza, "الهمزة المتوسطة (ؤ ئ ← ء)"},
	{normalize.HamzaUniform, "توحيد الهمزات (← ء)"},
	{normalize.Digits, "الأرقام الهندية (٣ ← 3)"},
	{normalize.DecimalDigits, "كل الأرقام العشرية (← 0–9)"},
	{normalize.PresentationForms, "أشكال العرض والتركيب (ﻻ ← لا)"},
	{normalize.LamAlef, "فكّ لام ألف (ﻷ ← لا)"},
	{normalize.Quranic, "علامات المصحف"},
	{normalize.SmallLetters, "الواو والياء الصغيرتان"},
	{normalize.DaggerAlefToAlef, "الألف الخنجرية ← ا"},
	{normalize.Persian, "حروف فارسية (ی ک ← ي ك)"},
	{normalize.Urdu, "حروف أردية (ے ہ ← ي ه)"},
	{normalize.Lookalikes, "أشباه الهاء (ھ ە ← ه)"},
	{normalize.Controls, "حذف محارف التحكم الخفية"},
	{normalize.ZWNJSpace, "الفاصل غير الواصل ← مسافة"},
	{normalize.Spaces, "توحيد المسافات"},
}

// wirePage wires the legend and the normalization options. The fold
// toggles are built when first needed (see buildFolds), to keep start-up
// short.
func wirePage() *page {
	p := &page{doc: js.Global().Get("document"), hidden: map[string]bool{}}
	if el := p.byID("preset"); el != nil {
		p.preset = &dom.HTMLSelectElement{BasicHTMLElement: el}
		p.preset.AddEventListener("change", false, func(dom.Event) {
			p.buildFolds()
			p.applyPreset(p.preset.Value())
			p.optionsChanged()
		})
	}
	if el := p.byID("folds"); el != nil {
		el.AddEventListener("change", false, func(dom.Event) {
			p.matchPreset()
			p.optionsChanged()
		})
	}
	if el := p.byID("legend"); el != nil {
		el.AddEventListener("change", false, func(e dom.Event) {
			target := e.Underlying().Get("target")
			if !target.InstanceOf(js.Global().Get("HTMLInputElement")) {
				return
			}
			in := &dom.HTMLInputElement{BasicHTMLElement: htmlElement(target)}
			t := in.GetAttribute("data-type")
			p.hidden[t] = !in.Checked()
			p.applyHidden(t)
			if in.Checked() {
				p.setStatus("info", "أُظهرت كيانات النوع: "+highlight.TypeName(t))
			} else {
				p.setStatus("info", "أُخفيت كيانات النوع: "+highlight.TypeName(t))
			}
		})
	}
	return p
}

// buildFolds fills #folds with one toggle per fold, disables the presets
// this build lacks, and ticks the folds of the selected preset.
func (p *page) buildFolds() {
	if p.foldsBuilt {
		return
	}
	p.foldsBuilt = true
	if el := p.byID("folds"); el != nil {
		var b strings.Builder
		for _, f := range folds {
			b.WriteString(`<label class="fold"><input type="checkbox" data-fold="`)
			b.WriteString(itoa(int(f.f)))
			b.WriteString(`"><span>`)
			b.WriteString(highlight.Escape(f.name))
			b.WriteString(`</span></label>`)
		}
		el.SetInnerHTML(b.String())
	}
	if p.preset != nil {
		opts := p.preset.Get("options")
		for i := range opts.Length() {
			o := &dom.HTMLOptionElement{BasicHTMLElement: htmlElement(opts.Index(i))}
			if _, have := normalize.Preset(o.Value()); !have && o.Value() != "custom" {
				o.SetDisabled(true)
				o.SetTextContent(o.Text() + " (غير متاح)")
			}
		}
		p.applyPreset(p.preset.Value())
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var buf [20]byte
	i := len(buf)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

// applyHidden shows or hides the marks of type t in the reading view.
func (p *page) applyHidden(t string) {
	for _, id := range []string{"view", "panel"} {
		if el := p.byID(id); el != nil {
			if p.hidden[t] {
				el.Class().Add("hide-" + t)
			} else {
				el.Class().Remove("hide-" + t)
			}
		}
	}
}

// syncLegend() sets the legend checkboxes after the legend is redrawn.
func (p *page) syncLegend([]js.Value) any {
	anyHidden := false
	for _, h := range p.hidden {
		anyHidden = anyHidden || h
	}
	if !anyHidden {
		return nil // the legend is drawn with every box ticked
	}
	el := p.byID("legend")
	if el == nil {
		return nil
	}
	for _, in := range inputs(el, "input[data-type]") {
		in.SetChecked(!p.hidden[in.GetAttribute("data-type")])
	}
	return nil
}

// applyPreset ticks the folds of the named preset.
func (p *page) applyPreset(name string) {
	n, ok := normalize.Preset(name)
	if !ok {
		return
	}
	var shown normalize.Fold
	for _, f := range folds {
		shown |= f.f
	}
	p.extra = n.Folds() &^ shown
	p.setFolds(n.Folds())
}

func (p *page) setFolds(f normalize.Fold) {
	el := p.byID("folds")
	if el == nil {
		return
	}
	for _, in := range inputs(el, "input[data-fold]") {
		bit := normalize.Fold(atoi(in.GetAttribute("data-fold")))
		in.SetChecked(bit != 0 && f&bit == bit)
	}
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// readFolds returns the ticked folds.
func (p *page) readFolds() normalize.Fold {
	f := p.extra
	el := p.byID("folds")
	if el == nil {
		return normalize.Search.Folds()
	}
	for _, in := range inputs(el, "input[data-fold]") {
		if in.Checked() {
			f |= normalize.Fold(atoi(in.GetAttribute("data-fold")))
		}
	}
	return f
}

// matchPreset selects the preset whose folds are ticked, or "custom".
func (p *page) matchPreset() {
	sel := p.preset
	if sel == nil {
		return
	}
	f := p.readFolds()
	for _, name := range []string{"search", "lucene", "display"} {
		if n, ok := normalize.Preset(name); ok && n.Folds() == f {
			sel.SetValue(name)
			return
		}
	}
	sel.SetValue("custom")
}

// optionsChanged tells the shell that the normalization options changed.
func (p *page) optionsChanged() {
	ev := js.Global().Get("Event").New("tahlil:options")
	p.doc.Call("dispatchEvent", ev)
}

// foldOptions() returns {preset, folds} as ticked on the page.
func (p *page) foldOptions([]js.Value) any {
	p.buildFolds()
	preset := "custom"
	if p.preset != nil {
		preset = p.preset.Value()
	}
	return map[string]any{"preset": preset, "folds": int(p.readFolds())}
}

// status(kind, message) shows message in the status line; kind is "info",
// "busy" or "error".
func (p *page) status(args []js.Value) any {
	if len(args) < 2 {
		return nil
	}
	p.setStatus(args[0].String(), args[1].String())
	return nil
}

func (p *page) setStatus(kind, msg string) {
	el := p.byID("status")
	if el == nil {
		return
	}
	el.SetAttribute("data-kind", kind)
	el.SetTextContent(msg)
}

// Package analysis runs the whole Tahlil pipeline on one text and returns the
// JSON result that every surface (CLI, browser, server) shares.
package analysis

// Entity types.
const (
	PER  = "PER"
	LOC  = "LOC"
	ORG  = "ORG"
	MISC = "MISC"
	DATE = "DATE"
	NUM  = "NUM"
)

// Entity is one mention. Start and End are half-open code point offsets into
// the input exactly as given; Text is always input[Start:End].
type Entity struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Key   string `json:"key"`
	Group int    `json:"group"`
}

// Group gathers the mentions that refer to one entity.
type Group struct {
	ID    int    `json:"id"`
	Type  string `json:"type"`
	Label string `json:"label"`
	Key   string `json:"key"`
	Count int    `json:"count"`
}

// Stats summarizes the article.
type Stats struct {
	Words          int            `json:"words"`
	Sentences      int            `json:"sentences"`
	ReadingMinutes float64        `json:"reading_minutes"`
	Entities       map[string]int `json:"entities"`
}

// Normalized is the normalized copy of the text, present only on request.
type Normalized struct {
	Preset string `json:"preset"`
	Text   string `json:"text"`
}

// Result is the analysis of one text.
type Result struct {
	Version    string      `json:"version"`
	Length     int         `json:"length"`
	Entities   []Entity    `json:"entities"`
	Groups     []Group     `json:"groups"`
	Stats      Stats       `json:"stats"`
	Normalized *Normalized `json:"normalized,omitempty"`
}

// Options select what Analyze adds to the result.
type Options struct {
	// Normalize names a normalize preset; when set, the result carries the
	// normalized text.
	Normalize string
}

// Error is an error with a stable machine-readable code, sent as
// {"error": {"code": ..., "message": ...}}.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Message }

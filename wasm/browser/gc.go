//go:build js && wasm

package main

import "runtime/debug"

// gcPercent is the collector's current GOGC setting.
var gcPercent = defaultGCPaced

// paceGC sets the collector's pace for analyzing a text of n bytes (see
// gcPercentFor). It changes the setting only when it differs, since each
// change recomputes the collector's goal.
func paceGC(n int) {
	if want := gcPercentFor(n); want != gcPercent {
		debug.SetGCPercent(want)
		gcPercent = want
	}
}

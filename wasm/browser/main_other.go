//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main explains how to build the module; it only runs in a browser.
func main() {
	fmt.Fprintln(os.Stderr, "wasm/browser runs in a browser: build it with scripts/build-web.sh (GOOS=js GOARCH=wasm)")
	os.Exit(2)
}

//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "the worker runs on Cloudflare Workers: build it with ./build.sh worker build")
	os.Exit(2)
}

//go:build js && wasm

// Command hello is the baseline for Tahlil's page-load benchmark: the
// smallest Go WebAssembly program that marks its page ready the way the app
// does, by setting data-ready on <html>.
package main

import "syscall/js"

func main() {
	js.Global().Get("performance").Call("mark", "tahlil:main")
	js.Global().Get("document").Get("documentElement").Call("setAttribute", "data-ready", "")
	println("hello")
}

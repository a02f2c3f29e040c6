package main

//go:generate go run ../../web/icons/gen.go -out ../../web/icons

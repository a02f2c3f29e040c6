package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"tahlil/internal/server"
)

func TestHashedNameGetsImmutableCaching(t *testing.T) {
	// The hello page must be cached like the app's hashed assets, or the
	// warm-cache comparison would be unfair.
	for _, name := range []string{"hello.wasm", "wasm_exec.js", "start.js"} {
		h := hashedName(name, []byte("data of "+name))
		if !server.Hashed(h) {
			t.Errorf("hashedName(%q) = %q, which the server does not treat as content-hashed", name, h)
		}
		if !strings.HasSuffix(h, name[strings.LastIndexByte(name, '.'):]) {
			t.Errorf("hashedName(%q) = %q lost the extension", name, h)
		}
	}
	if hashedName("a.js", []byte("x")) == hashedName("a.js", []byte("y")) {
		t.Error("hashedName ignores the content")
	}
}

func TestFill(t *testing.T) {
	got := string(fill([]byte(`<script src="{{a.js}}"></script>{{b.wasm}}{{unknown}}`), map[string]string{"a.js": "a.1.js", "b.wasm": "b.2.wasm"}))
	want := `<script src="a.1.js"></script>b.2.wasm{{unknown}}`
	if got != want {
		t.Errorf("fill = %q; want %q", got, want)
	}
}

func TestRepeatedAndSumBytes(t *testing.T) {
	ts := []transfer{
		{Path: "/", Encoding: "br", Bytes: 10},
		{Path: "/app.wasm", Encoding: "br", Bytes: 100},
		{Path: "/icon.png", Bytes: 5},
		{Path: "/app.wasm", Encoding: "br", Bytes: 100},
		{Path: "/app.wasm", Encoding: "br", Bytes: 100},
		{Path: "/" + peerPath + "-1.0.0.js", Bytes: 1000},
	}
	if got := repeated(ts); len(got) != 1 || got[0] != "/app.wasm" {
		t.Errorf("repeated = %v; want [/app.wasm] once", got)
	}
	n, enc := sumBytes(ts)
	if n != 315 {
		t.Errorf("sumBytes = %d; want 315 (the peer module is the benchmark's, not the app's)", n)
	}
	if strings.Join(enc, ",") != "br,identity" {
		t.Errorf("encodings = %v; want [br identity]", enc)
	}
}

func TestOverlayServedWithPrecompressedCopies(t *testing.T) {
	now := time.Now()
	base := fstest.MapFS{
		"index.html":    {Data: []byte("<!doctype html>"), ModTime: now},
		"index.html.br": {Data: []byte("BR"), ModTime: now},
	}
	extra := fstest.MapFS{"__bench/peer.0123abcd.js": {Data: []byte("export const x = 1;"), ModTime: now}}
	s, err := startSite(overlay{base: base, extra: extra})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	get := func(p string) (string, string) {
		req, _ := http.NewRequest("GET", strings.TrimSuffix(s.URL, "/")+p, nil)
		req.Header.Set("Accept-Encoding", "br, gzip")
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.Header.Get("Content-Encoding"), string(b)
	}
	if enc, body := get("/"); enc != "br" || body != "BR" {
		t.Errorf("GET / = %q encoded %q; want the .br copy", body, enc)
	}
	if _, body := get("/__bench/peer.0123abcd.js"); body != "export const x = 1;" {
		t.Errorf("GET of the overlaid file = %q", body)
	}
	ts := s.meter.take()
	if len(ts) != 2 || ts[0].Encoding != "br" || ts[0].Bytes != 2 {
		t.Errorf("meter recorded %+v; want 2 responses, the first 2 bytes of br", ts)
	}
}

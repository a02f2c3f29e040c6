package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestCheckTarget(t *testing.T) {
	for u, ok := range map[string]bool{
		"http://127.0.0.1:8080/api/analyze": true,
		"http://127.3.4.5/":                 true,
		"http://localhost:80/x":             true,
		"http://[::1]:8080/":                true,
		"http://10.0.0.1/":                  false,
		"http://192.168.1.1/":               false,
		"http://example.com/":               false,
		"https://127.0.0.1/":                false,
		"http://0.0.0.0:8080/":              false,
	} {
		if err := checkTarget(u); (err == nil) != ok {
			t.Errorf("checkTarget(%q) = %v; want ok=%v", u, err, ok)
		}
	}
}

func TestLoad(t *testing.T) {
	// Every fifth request with the body "fail" gets a 500; the first one,
	// the warm-up, always succeeds.
	var fails atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		if string(b) == "fail" && fails.Add(1)%5 == 0 {
			http.Error(w, "no", 500)
			return
		}
		w.Write(b)
	}))
	defer srv.Close()

	cfg := config{url: srv.URL, method: "POST", ctype: "text/plain", body: []byte("ok"), clients: 3, duration: 200 * time.Millisecond}
	rep, err := load(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if rep.errors != 0 || len(rep.latencies) < 3 {
		t.Errorf("got %d ok and %d errors; want several ok and none", len(rep.latencies), rep.errors)
	}
	var out bytes.Buffer
	rep.print(&out, cfg)
	for _, want := range []string{"3 clients", "0 errors", "req/s", "p50", "p99"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}

	cfg.body = []byte("fail")
	rep, err = load(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if rep.errors == 0 || !strings.Contains(rep.firstErr, "500") {
		t.Errorf("errors = %d, first %q; want some 500s counted", rep.errors, rep.firstErr)
	}
}

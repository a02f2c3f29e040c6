package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestServe(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><title>تحليل</title>"), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, []string{"--addr", "127.0.0.1:0", "--dir", dir, "--cors", "https://a.example, https://b.example"}, pw, &stderr)
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no address printed: %v (stderr %s)", err, stderr.String())
	}
	base, ok := strings.CutPrefix(strings.TrimSpace(line), "serving ")
	if !ok {
		t.Fatalf("first line = %q; want serving http://...", line)
	}
	go io.Copy(io.Discard, pr)

	for path, want := range map[string]string{"/": "تحليل", "/api/health": `"status":"ok"`} {
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), want) {
			t.Errorf("GET %s: %s %q; want 200 containing %q", path, resp.Status, b, want)
		}
	}
	req, _ := http.NewRequest("OPTIONS", base+"/api/analyze", nil)
	req.Header.Set("Origin", "https://b.example")
	req.Header.Set("Access-Control-Request-Method", "POST")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if got := resp.Header.Get("Access-Control-Allow-Origin"); resp.StatusCode != 204 || got != "https://b.example" {
		t.Errorf("preflight with --cors: %s, Allow-Origin %q", resp.Status, got)
	}

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve returned %d after shutdown; want 0 (stderr %s)", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop after its context was cancelled")
	}
}

func TestServeBadArgs(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--dir", filepath.Join(t.TempDir(), "missing")}, 1, "not a directory"},
		{[]string{"--dir", "", "extra"}, 2, "unexpected argument"},
		{[]string{"--nope"}, 2, "not defined"},
		{[]string{"--dir", "", "--addr", "256.0.0.1:1"}, 1, "256.0.0.1"},
	} {
		var stdout, stderr bytes.Buffer
		code := serve(context.Background(), tc.args, &stdout, &stderr)
		if code != tc.code || !strings.Contains(stderr.String(), tc.msg) {
			t.Errorf("serve %q = %d, stderr %q; want %d mentioning %q", tc.args, code, stderr.String(), tc.code, tc.msg)
		}
	}
}

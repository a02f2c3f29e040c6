package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing/fstest"
	"time"

	"tahlil/internal/server"
)

// buildHello builds the bare Go "hello" page into dir with the app's release
// flags, content-hashed names and gzip and brotli copies, and returns the
// name of its wasm file.
func buildHello(ctx context.Context, root, dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	raw := filepath.Join(dir, "hello.wasm")
	cmd := exec.CommandContext(ctx, "go", "build", "-trimpath", "-ldflags=-s -w", "-o", raw, "./bench/hello")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("building bench/hello: %v\n%s", err, out)
	}
	out, err := exec.CommandContext(ctx, "go", "env", "GOROOT").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOROOT: %v", err)
	}
	wasmExec, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return "", fmt.Errorf("wasm_exec.js: %v", err)
	}
	wasm, err := os.ReadFile(raw)
	if err != nil {
		return "", err
	}
	if err := os.Remove(raw); err != nil {
		return "", err
	}
	names := map[string]string{}
	put := func(name string, data []byte) error {
		hashed := hashedName(name, data)
		names[name] = hashed
		return writeCompressed(ctx, filepath.Join(dir, hashed), data)
	}
	if err := put("hello.wasm", wasm); err != nil {
		return "", err
	}
	if err := put("wasm_exec.js", wasmExec); err != nil {
		return "", err
	}
	start, err := os.ReadFile(filepath.Join(root, "bench", "hello", "start.js"))
	if err != nil {
		return "", err
	}
	if err := put("start.js", fill(start, names)); err != nil {
		return "", err
	}
	html, err := os.ReadFile(filepath.Join(root, "bench", "hello", "index.html"))
	if err != nil {
		return "", err
	}
	if err := writeCompressed(ctx, filepath.Join(dir, "index.html"), fill(html, names)); err != nil {
		return "", err
	}
	return names["hello.wasm"], nil
}

// fill replaces each {{name}} in b with names[name].
func fill(b []byte, names map[string]string) []byte {
	for k, v := range names {
		b = bytes.ReplaceAll(b, []byte("{{"+k+"}}"), []byte(v))
	}
	return b
}

// hashedName inserts the first 8 hex digits of data's SHA-256 before the
// extension, as the app build does: hello.wasm → hello.1a2b3c4d.wasm.
func hashedName(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

// writeCompressed writes data to p with p.gz and p.br next to it, made with
// the gzip and brotli command-line tools at their highest levels.
func writeCompressed(ctx context.Context, p string, data []byte) error {
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return err
	}
	for _, args := range [][]string{{"gzip", "-9", "-n", "-k", "-f", p}, {"brotli", "-q", "11", "-k", "-f", p}} {
		if out, err := exec.CommandContext(ctx, args[0], args[1:]...).CombinedOutput(); err != nil {
			return fmt.Errorf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return nil
}

// brotliSize returns the size of data compressed by `brotli -q 11`.
func brotliSize(ctx context.Context, data []byte) (int64, error) {
	cmd := exec.CommandContext(ctx, "brotli", "-q", "11", "-c")
	cmd.Stdin = bytes.NewReader(data)
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("brotli: %v", err)
	}
	return int64(len(out)), nil
}

// fileSizes are the sizes of one file and of its pre-compressed copies; a
// missing copy has size -1.
type fileSizes struct {
	Name           string
	Raw, Gzip, Br  int64
	ServedBr       int64 // what the server sends a client that accepts br
	ComputedBrotli int64 // brotli -q 11 of the raw file, when there is no .br copy
}

func sizesOf(fsys fs.FS, name string) (fileSizes, error) {
	s := fileSizes{Name: name, Gzip: -1, Br: -1}
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return s, err
	}
	s.Raw = fi.Size()
	if fi, err := fs.Stat(fsys, name+".gz"); err == nil {
		s.Gzip = fi.Size()
	}
	if fi, err := fs.Stat(fsys, name+".br"); err == nil {
		s.Br = fi.Size()
	}
	switch {
	case s.Br >= 0:
		s.ServedBr = s.Br
	case s.Gzip >= 0:
		s.ServedBr = s.Gzip
	default:
		s.ServedBr = s.Raw
	}
	return s, nil
}

// siteFiles lists the files a site serves, without the pre-compressed copies.
func siteFiles(fsys fs.FS) ([]string, error) {
	var names []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") || strings.HasSuffix(p, ".br") || strings.HasSuffix(p, ".gz") {
			return nil
		}
		names = append(names, p)
		return nil
	})
	sort.Strings(names)
	return names, err
}

// overlay serves extra's files on top of base.
type overlay struct {
	base  fs.FS
	extra fstest.MapFS
}

func (o overlay) Open(name string) (fs.File, error) {
	if _, ok := o.extra[name]; ok {
		return o.extra.Open(name)
	}
	return o.base.Open(name)
}

// transfer is one response the server sent.
type transfer struct {
	Path     string
	Status   int
	Encoding string
	Accept   string // the request's Accept-Encoding
	Bytes    int64
}

// meter records the responses of a handler.
type meter struct {
	h   http.Handler
	mu  sync.Mutex
	log []transfer
}

func (m *meter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	cw := &countingWriter{ResponseWriter: w, status: http.StatusOK}
	m.h.ServeHTTP(cw, r)
	m.mu.Lock()
	m.log = append(m.log, transfer{r.URL.Path, cw.status, w.Header().Get("Content-Encoding"), r.Header.Get("Accept-Encoding"), cw.n})
	m.mu.Unlock()
}

// take returns the responses recorded since the last take.
func (m *meter) take() []transfer {
	m.mu.Lock()
	defer m.mu.Unlock()
	l := m.log
	m.log = nil
	return l
}

type countingWriter struct {
	http.ResponseWriter
	status int
	n      int64
}

func (c *countingWriter) WriteHeader(s int) { c.status = s; c.ResponseWriter.WriteHeader(s) }
func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.ResponseWriter.Write(b)
	c.n += int64(n)
	return n, err
}

// site is one directory served by the project's own handler on a random
// local port.
type site struct {
	URL   string
	FS    fs.FS
	meter *meter
	srv   *http.Server
}

func startSite(fsys fs.FS) (*site, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	m := &meter{h: server.New(server.Config{Static: fsys, Logger: logger})}
	s := &site{URL: "http://" + ln.Addr().String() + "/", FS: fsys, meter: m, srv: &http.Server{Handler: m, ReadHeaderTimeout: 10 * time.Second}}
	go func() {
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintln(os.Stderr, "tahlilbench: server:", err)
		}
	}()
	return s, nil
}

func (s *site) Close() { s.srv.Close() }

// readAll reads a file of fsys.
func readAll(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// Package testenv locates what tests need from outside the repository
// (../shared, a browser, the Workers runtime) and decides whether a test
// that lacks it skips or fails.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
)

// Root returns the repository root.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Shared returns the path of rel inside ../shared. When it is missing the
// test skips with a message, or fails if TAHLIL_REQUIRE_SHARED=1.
func Shared(t testing.TB, rel string) string {
	t.Helper()
	dir := os.Getenv("TAHLIL_SHARED")
	if dir == "" {
		dir = filepath.Join(Root(), "..", "shared")
	}
	p := filepath.Join(dir, rel)
	if _, err := os.Stat(p); err != nil {
		missing(t, "TAHLIL_REQUIRE_SHARED", "needs ../shared/"+rel+" (set TAHLIL_SHARED to its location): "+err.Error())
	}
	return p
}

// Chromium returns the path of a Chromium binary. When there is none the
// test skips with a message, or fails if TAHLIL_REQUIRE_E2E=1.
func Chromium(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(t, "TAHLIL_REQUIRE_E2E", "needs Chromium (apt-get install -y chromium); browser end-to-end tests not run")
	return ""
}

// Wrangler returns the path of the locally installed wrangler. When it is
// missing the test skips with a message, or fails if TAHLIL_REQUIRE_E2E=1.
func Wrangler(t testing.TB) string {
	t.Helper()
	p := filepath.Join(Root(), "node_modules", ".bin", "wrangler")
	if _, err := os.Stat(p); err != nil {
		missing(t, "TAHLIL_REQUIRE_E2E", "needs wrangler (run npm ci); Workers smoke test not run")
	}
	return p
}

func missing(t testing.TB, env, msg string) {
	t.Helper()
	if os.Getenv(env) == "1" {
		t.Fatalf("%s is set: %s", env, msg)
	}
	t.Skip("SKIP: " + msg)
}

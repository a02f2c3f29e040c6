//go:build js && wasm

// Command worker is Tahlil's Cloudflare Worker: the JSON analysis API of
// internal/server, run by github.com/syumai/workers. The web app's files are
// served by the Workers static-assets binding (see wrangler.jsonc), so they
// never reach this program.
//
// The Workers shim starts a fresh Go instance for every request, so main and
// every package init run per request: keep them cheap.
//
// The CORS_ORIGINS variable (wrangler.jsonc "vars", or the dashboard) lists
// the origins, comma-separated, allowed to call the API from browsers; empty
// leaves CORS off.
package main

import (
	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"

	"tahlil/internal/server"
)

func main() {
	workers.Serve(server.NewAPI(server.Config{
		CORSOrigins: server.ParseOrigins(cloudflare.Getenv("CORS_ORIGINS")),
	}))
}

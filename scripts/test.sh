#!/usr/bin/env bash
# test.sh runs every check: formatting, vet, staticcheck, the web build, and
# all Go tests, including the end-to-end tests in headless Chromium and the
# Workers runtime (which skip, saying why, when those are not installed).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== gofmt"
bad=$(gofmt -l $(git ls-files '*.go'; git ls-files --others --exclude-standard '*.go'))
if [ -n "$bad" ]; then
	echo "gofmt needed on:" $bad >&2
	exit 1
fi
echo "== go vet"
go vet ./...
GOOS=js GOARCH=wasm go vet ./wasm/... 2>/dev/null || GOOS=js GOARCH=wasm go vet ./wasm/...
echo "== staticcheck"
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
echo "== web build"
scripts/build-web.sh
echo "== go test"
go test -count=1 ./... "$@"

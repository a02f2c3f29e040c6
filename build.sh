#!/usr/bin/env bash
# build.sh builds, serves, tests and benchmarks Tahlil.
#
#   ./build.sh            build the web app into dist/
#   ./build.sh serve      build, then serve dist/ and the API on 127.0.0.1:8080
#   ./build.sh test       every check CI runs (formatting, vet, staticcheck, tests, browser and worker end-to-end)
#   ./build.sh worker     build the Cloudflare Worker and run it under wrangler dev
#   ./build.sh bench      native and in-browser benchmarks, written to bench/RESULTS.md
#   ./build.sh train      retrain the entity model from ../shared/data
set -euo pipefail
cd "$(dirname "$0")"
cmd=${1:-build}
[ $# -gt 0 ] && shift
case "$cmd" in
build) exec scripts/build-web.sh "$@" ;;
serve) scripts/build-web.sh && exec go run ./cmd/tahlil serve --dir dist "$@" ;;
test) exec scripts/test.sh "$@" ;;
worker) exec scripts/worker.sh "$@" ;;
bench) exec scripts/bench.sh "$@" ;;
train) exec go run ./cmd/tahlil train "$@" ;;
*)
	sed -n '2,10p' "$0" >&2
	exit 2
	;;
esac

#!/usr/bin/env bash
# worker.sh builds the Cloudflare Worker (the JSON API, wasm/worker) into
# build/worker/ and runs it with the web app under wrangler dev.
#
#   scripts/worker.sh                build dist/ and the worker, then wrangler dev on 127.0.0.1:8787
#   scripts/worker.sh build [DIR]    build the worker only (into DIR, default build/worker) and print its size
#   scripts/worker.sh deploy [ARGS]  build dist/ and the worker, then wrangler deploy ARGS (e.g. --dry-run)
#
# PORT sets the wrangler dev port. Extra arguments after dev or deploy go to
# wrangler. Telemetry and Cloudflare look-ups are off.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-dev}
if [ $# -gt 0 ]; then shift; fi
out=build/worker
if [ "$mode" = build ] && [ $# -gt 0 ]; then out=$1; fi

export WRANGLER_SEND_METRICS=false WRANGLER_SEND_ERROR_REPORTS=false CLOUDFLARE_CF_FETCH_ENABLED=false

build_worker() {
	# syumai's shim (worker.mjs, runtime.mjs, wasm_exec.js), at the
	# github.com/syumai/workers version pinned in go.mod.
	go run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o "$out"
	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o "$out/app.wasm" ./wasm/worker
	raw=$(wc -c <"$out/app.wasm")
	# gzip at its default level, as wrangler deploy counts the upload.
	gz=$(cat "$out/app.wasm" "$out"/*.mjs "$out"/wasm_exec.js | gzip | wc -c)
	plan="fits neither plan (over 10 MiB gzipped)"
	if [ "$gz" -le $((3 << 20)) ]; then
		plan="fits the Workers free plan (3 MiB gzipped)"
	elif [ "$gz" -le $((10 << 20)) ]; then
		plan="fits the Workers paid plan only (10 MiB gzipped; free is 3 MiB)"
	fi
	awk -v r="$raw" -v g="$gz" -v p="$plan" 'BEGIN { printf "worker bundle: %.2f MiB raw, %.2f MiB gzipped: %s\n", r/1048576, g/1048576, p }'
}

# web_headers adds the Workers assets configuration to dist/: the security
# headers, and which files not to upload.
web_headers() {
	mkdir -p dist
	cp wasm/worker/_headers wasm/worker/.assetsignore dist/
}

wrangler=node_modules/.bin/wrangler
need_wrangler() {
	if [ ! -x "$wrangler" ]; then
		echo "worker.sh: $wrangler is missing; run npm ci" >&2
		exit 1
	fi
}

case "$mode" in
build)
	build_worker
	;;
dev)
	need_wrangler
	scripts/build-web.sh
	web_headers
	build_worker
	exec "$wrangler" dev --ip 127.0.0.1 --port "${PORT:-8787}" --local "$@"
	;;
deploy)
	need_wrangler
	scripts/build-web.sh
	web_headers
	build_worker
	exec "$wrangler" deploy "$@"
	;;
*)
	sed -n '2,10p' "$0" >&2
	exit 2
	;;
esac

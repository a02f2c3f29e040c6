#!/usr/bin/env bash
# loadtest.sh measures tahlil serve on loopback: 8 clients post an article to
# /api/analyze for 30 s, then it prints requests/s, latency percentiles,
# errors and the server's resident memory over the run. Not part of CI.
#
#   scripts/loadtest.sh [ARTICLE.txt] [loadgen flags...]
#
# The default article is ../shared/samples/article-blinken-netanyahu.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
article=${1:-${TAHLIL_SHARED:-../shared}/samples/article-blinken-netanyahu.txt}
[ $# -gt 0 ] && shift
tmp=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$tmp"' EXIT
go build -trimpath -o "$tmp/tahlil" ./cmd/tahlil
go build -trimpath -o "$tmp/loadgen" ./cmd/loadgen
port=${PORT:-18181}
"$tmp/tahlil" serve --addr "127.0.0.1:$port" --dir "" >"$tmp/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do
	curl -fs "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
	sleep 0.1
done
echo "tahlil serve (pid $server, GOMAXPROCS default, $(nproc) cores); article $(wc -c <"$article") bytes"
"$tmp/loadgen" -url "http://127.0.0.1:$port/api/analyze" -text "$article" -c 8 -d 30s -pid "$server" "$@"

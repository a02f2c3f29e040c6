#!/usr/bin/env bash
# bench.sh measures Tahlil natively and in headless Chromium, next to its
# reference points (norm.NFC, a bare Go "hello" wasm page, the browser's own
# NFKC, the npm arabic-text-normalizer), in one run. It prints one Markdown
# table and writes it to bench/RESULTS.md and to the Performance section of
# README.md. Arguments go to bench/cmd/tahlilbench, e.g. -runs 7.
#
# Needs ../shared (or TAHLIL_SHARED) for the sample article, and Chromium,
# brotli and node_modules from scripts/install-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in brotli gzip; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is missing; run scripts/install-deps.sh" >&2; exit 1; }
done
echo "== web build" >&2
scripts/build-web.sh
echo "== benchmarks" >&2
exec go run ./bench/cmd/tahlilbench "$@"

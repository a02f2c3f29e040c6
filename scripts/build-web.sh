#!/usr/bin/env bash
# build-web.sh builds the browser app into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p dist
echo "web build: not yet assembled" >&2

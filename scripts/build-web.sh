#!/usr/bin/env bash
# build-web.sh builds the browser app into dist/: the Go WebAssembly module
# (wasm/browser), Go's wasm_exec.js, index.html and web/. Every file except
# index.html and sw.js gets a content-hashed name, references are rewritten,
# the service worker's cache is named after the hash of the whole build, and
# each text or wasm file gets .br (when brotli is installed) and .gz copies.
# TAHLIL_DIST names another output directory (relative to the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${TAHLIL_DIST:-dist}
tmp=$(mktemp -d)
stage=
trap 'rm -rf "$tmp" ${stage:+"$stage"}' EXIT

GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o "$tmp/tahlil.wasm" ./wasm/browser
cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" "$tmp/wasm_exec.js"
cp web/app.js web/app.css web/worker.js web/sw.js web/manifest.webmanifest "$tmp/"
cp web/icons/icon-192.png web/icons/icon-512.png web/icons/maskable-512.png "$tmp/"
cp index.html "$tmp/index.html"

# hashed NAME prints NAME with the first 10 hex digits of its SHA-256 before
# the extension: app.js -> app.0123456789.js.
hashed() {
	local f=$1 h
	h=$(sha256sum "$tmp/$f" | cut -c1-10)
	echo "${f%%.*}.$h.${f#*.}"
}
# subst FILE FROM TO replaces every FROM (a literal string) in FILE.
subst() {
	FROM=$2 TO=$3 perl -0pi -e 's/\Q$ENV{FROM}\E/$ENV{TO}/g' "$tmp/$1"
}

declare -A name
for f in tahlil.wasm wasm_exec.js app.css icon-192.png icon-512.png maskable-512.png; do
	name[$f]=$(hashed "$f")
done
subst worker.js '"wasm_exec.js"' "\"${name[wasm_exec.js]}\""
name[worker.js]=$(hashed worker.js)
wasm_bytes=$(stat -c %s "$tmp/tahlil.wasm")
subst app.js '"web/tahlil.wasm"' "\"${name[tahlil.wasm]}\""
subst app.js 'const WASM_BYTES = 0;' "const WASM_BYTES = $wasm_bytes;"
subst app.js '"web/worker.js"' "\"${name[worker.js]}\""
name[app.js]=$(hashed app.js)
for f in icon-192.png icon-512.png maskable-512.png; do
	subst manifest.webmanifest "\"icons/$f\"" "\"${name[$f]}\""
done
name[manifest.webmanifest]=$(hashed manifest.webmanifest)
subst index.html 'web/manifest.webmanifest' "${name[manifest.webmanifest]}"
subst index.html 'web/icons/icon-192.png' "${name[icon-192.png]}"
subst index.html 'web/app.css' "${name[app.css]}"
subst index.html 'web/tahlil.wasm' "${name[tahlil.wasm]}"
subst index.html 'web/wasm_exec.js' "${name[wasm_exec.js]}"
subst index.html 'web/app.js' "${name[app.js]}"
if grep -n 'web/' "$tmp/index.html"; then
	echo "build-web: index.html still refers to web/ (see above)" >&2
	exit 1
fi

build=$(cat "$tmp/index.html" $(for f in "${!name[@]}"; do echo "$tmp/$f"; done | sort) | sha256sum | cut -c1-12)
assets='"./"'
for f in $(printf '%s\n' "${!name[@]}" | sort); do
	assets="$assets, \"${name[$f]}\""
done
subst sw.js '"tahlil-dev"' "\"tahlil-$build\""
subst sw.js 'const ASSETS = ["./"];' "const ASSETS = [$assets];"

# Assemble next to dist/ and swap it in, so a server or another build never
# sees half a build.
stage=$(mktemp -d "$out.new.XXXXXX")
for f in "${!name[@]}"; do
	cp "$tmp/$f" "$stage/${name[$f]}"
done
cp "$tmp/index.html" "$tmp/sw.js" "$stage/"
for f in "$stage"/*; do
	case "$f" in
	*.png) continue ;;
	esac
	gzip -9 -n -k "$f"
	if command -v brotli >/dev/null; then
		brotli -q 11 -k "$f"
	fi
done
echo "$build" >"$stage/BUILD"
chmod 755 "$stage"
old=$(mktemp -d "$out.old.XXXXXX")
[ -d "$out" ] && mv "$out" "$old/"
mv "$stage" "$out"
rm -rf "$old"
total_br=0
for f in "$out"/*.br; do total_br=$((total_br + $(stat -c %s "$f"))); done
echo "web build $build in $out/: wasm $(stat -c %s "$out/${name[tahlil.wasm]}") bytes," \
	"$(stat -c %s "$out/${name[tahlil.wasm]}.br" 2>/dev/null || echo '?') brotli; everything brotli: $total_br bytes (+ png icons)" >&2
png=$(cat "$out"/*.png | wc -c)
if [ $((total_br + png)) -gt 2000000 ]; then
	echo "web build: WARNING: the page downloads $((total_br + png)) bytes (brotli), over the 2,000,000-byte budget" >&2
fi

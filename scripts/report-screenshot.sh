#!/usr/bin/env bash
# Regenerates docs/report.png: the report of the demo notebook, 1280 pixels wide, as headless
# Chromium draws it. Needs Debian's chromium package (apt-get install -y chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
browser=${CROSSCHECK_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$browser" ]; then
    echo "Chromium is not installed; apt-get install -y chromium, or set CROSSCHECK_CHROMIUM" >&2
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/crosscheck
mkdir -p "$work/research"
"$bin" demo --db "$work/research/demo.db" >/dev/null 2>&1
"$bin" --db "$work/research/demo.db" report --all --out "$work/report.html"
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$work/profile" --window-size=1280,1700 \
    --screenshot="$work/report.png" "file://$work/report.html" 2>/dev/null
cp "$work/report.png" docs/report.png
echo "wrote docs/report.png ($(wc -c < docs/report.png) bytes)"

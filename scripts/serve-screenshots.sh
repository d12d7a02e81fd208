#!/usr/bin/env bash
# Regenerates docs/serve-review-en.png and docs/serve-review-ar.png: the review page of the
# fictional Arabic report (tests/fixtures/serve/wadi-ar.txt) in English and in Arabic, 1400 by
# 1000 pixels, as headless Chromium draws it while the browser test drives it (chromedriver).
# Needs Debian's chromium and chromium-driver packages.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVE_SCREENSHOTS="$PWD/docs" cargo test --quiet --test serve_browser
ls -l docs/serve-review-en.png docs/serve-review-ar.png

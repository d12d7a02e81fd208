#!/usr/bin/env bash
# Writes the output transcripts that tests/golden.rs compares against (tests/fixtures/golden/):
# every demo step and every reading command, in every output format. Run it only when a change
# of output is meant, and read the diff of the transcripts before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
CROSSCHECK_GOLDEN=write cargo test --test golden -- --quiet
git --no-pager diff --stat -- tests/fixtures/golden/ || true

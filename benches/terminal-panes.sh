#!/usr/bin/env bash
# Runs the demo inside tmux at 80 and 160 columns and saves what the terminal shows of the claim
# list and a reconciliation, as a person would see them (docs/terminal/*.txt; the README quotes
# the 80-column one). Needs tmux (installed from Debian's packages when missing).
#
#   benches/terminal-panes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v tmux >/dev/null; then apt-get update -qq && apt-get install -y -qq tmux >/dev/null; fi
cargo build --release --quiet --bin crosscheck
BIN=$PWD/target/release/crosscheck
W=$(mktemp -d /tmp/crosscheck-panes-XXXX)
trap 'rm -rf "$W"; for c in 80 160; do tmux kill-session -t "crosscheck-$c" 2>/dev/null || true; done' EXIT
"$BIN" --db "$W/demo.db" -q demo >/dev/null
mkdir -p docs/terminal
for cols in 80 160; do
  session="crosscheck-$cols"
  tmux new-session -d -s "$session" -x "$cols" -y 60
  tmux send-keys -t "$session" "export CROSSCHECK_DB=$W/demo.db PATH=$(dirname "$BIN"):\$PATH; clear" Enter
  tmux send-keys -t "$session" "clear; echo START; crosscheck claim list; crosscheck reconcile deaths.market; echo DONE" Enter
  for _ in $(seq 100); do
    tmux capture-pane -p -t "$session" | grep -qx "DONE" && break
    sleep 0.1
  done
  # The pane as drawn, between the two markers (the typed line is not part of it).
  tmux capture-pane -p -t "$session" -S 0 | awk '$0 == "DONE" { on = 0 } on { print } $0 == "START" { on = 1 }' \
    > "docs/terminal/demo-$cols.txt"
  tmux kill-session -t "$session"
  echo "wrote docs/terminal/demo-$cols.txt" >&2
done

#!/usr/bin/env bash
# Benchmarks crosscheck against the stock sqlite3 shell doing the bare work on the same data, in
# the same run, so the figures are ratios that survive a noisy machine. Prints a table of our
# time, sqlite3's time, the ratio and our peak memory for each task.
#
#   benches/run.sh                 # 5,000 articles, 50,000 claims, 10,000 measures, 100,000 figures
#   ARTICLES=500 CLAIMS=5000 benches/run.sh    # a quick run
#   SCALE10=1 benches/run.sh       # also export from a notebook ten times larger (memory stays flat)
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${ARTICLES:-5000}
CLAIMS=${CLAIMS:-50000}
MEASURES=${MEASURES:-10000}
FIGURES=${FIGURES:-100000}
SOURCES=200
RUNS=${RUNS:-15}

if ! command -v sqlite3 >/dev/null; then apt-get update -qq && apt-get install -y -qq sqlite3 >/dev/null; fi
if [ ! -x /usr/bin/time ]; then apt-get update -qq && apt-get install -y -qq time >/dev/null; fi
cargo build --release --quiet --bin crosscheck --example gen_archive
BIN=$PWD/target/release/crosscheck
GEN=$PWD/target/release/examples/gen_archive
W=$(mktemp -d /tmp/crosscheck-bench-XXXX)
trap 'rm -rf "$W"' EXIT
DB=$W/notebook.db

# measure CMD...: prints "seconds max_rss_kb"
measure() { /usr/bin/time -f "%e %M" -o "$W/time" "$@" >/dev/null 2>"$W/stderr" || { cat "$W/stderr"; exit 1; }; cat "$W/time"; }
# median of RUNS whole-process wall times, in milliseconds
median_ms() {
  local times=()
  for _ in $(seq "$RUNS"); do
    local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]/1000}'
}
rows=()
row() { rows+=("$(printf '| %s | %s | %s | %s | %s | %s |' "$@")"); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "–" }'; }

echo "generating $ARTICLES articles, $CLAIMS claims, $MEASURES measures, $FIGURES figures in $W" >&2
"$GEN" articles "$W/articles" "$ARTICLES"
"$GEN" sources "$W/sources.csv" "$SOURCES"
"$GEN" claims "$W/claims.csv" "$CLAIMS" "$ARTICLES" "$SOURCES"

# 1. Import the article folder vs sqlite3 reading the same files into an FTS5-indexed table.
#    Each side runs three times into a fresh file; the median time is reported.
median3() { sort -n | awk '{a[NR]=$1} END {print a[2]}'; }
times=(); mems=()
for run in 1 2 3; do
  rm -f "$DB" "$DB-wal" "$DB-shm"
  read -r t m < <(measure "$BIN" --db "$DB" -q import articles "$W/articles")
  times+=("$t"); mems+=("$m")
done
ours=$(printf '%s\n' "${times[@]}" | median3)
mem=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
cat > "$W/plain.sql" <<SQL
CREATE TABLE docs (id INTEGER PRIMARY KEY, name TEXT, body TEXT);
CREATE VIRTUAL TABLE docs_fts USING fts5 (body, content = 'docs', content_rowid = 'id');
CREATE TRIGGER docs_ai AFTER INSERT ON docs BEGIN
  INSERT INTO docs_fts (rowid, body) VALUES (new.id, new.body);
END;
BEGIN;
INSERT INTO docs (name, body) SELECT name, CAST(data AS TEXT) FROM fsdir('$W/articles') WHERE mode & 0x8000;
COMMIT;
SQL
times=()
for run in 1 2 3; do
  rm -f "$W/plain.db"
  read -r t _ < <(measure sqlite3 "$W/plain.db" ".read $W/plain.sql")
  times+=("$t")
done
base=$(printf '%s\n' "${times[@]}" | median3)
row "import $ARTICLES article files (median of 3)" "${ours}s" "${base}s" "$(ratio "$ours" "$base")" "$((mem / 1024)) MB" "≤ 1.5×"

# 2. Bulk CSV import of claims (and the sources they name).
"$BIN" --db "$DB" -q import sources "$W/sources.csv" >/dev/null
read -r ours mem < <(measure "$BIN" --db "$DB" -q import claims "$W/claims.csv")
row "import $CLAIMS claims from CSV" "${ours}s" "–" "–" "$((mem / 1024)) MB" "< 20 s"

# 3. Export every claim, with its joins, vs sqlite3 -csv selecting the raw claims table
#    (median of three runs each).
export_pair() {
  local label=$1 target=$2 times=() bases=() mems=() t m
  for run in 1 2 3; do
    read -r t m < <(measure "$BIN" --db "$DB" export claims --out "$W/claims-out.csv")
    times+=("$t"); mems+=("$m")
    read -r t _ < <(measure sh -c "sqlite3 -csv '$DB' 'SELECT * FROM claims' > '$W/raw.csv'")
    bases+=("$t")
  done
  local ours base mem
  ours=$(printf '%s\n' "${times[@]}" | median3)
  base=$(printf '%s\n' "${bases[@]}" | median3)
  mem=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
  row "$label (median of 3)" "${ours}s" "${base}s" "$(ratio "$ours" "$base")" "$((mem / 1024)) MB" "$target"
}
export_pair "export $CLAIMS claims to CSV" "≤ 1.0×, < 64 MB"

# 4. Search: median whole-process latency vs a bare FTS5 MATCH.
ours=$(median_ms "$BIN" --db "$DB" search "المقاتلين" --in articles --limit 20)
base=$(median_ms sqlite3 "$DB" "SELECT rowid FROM article_fts WHERE article_fts MATCH '\"مقاتل\"' ORDER BY rank LIMIT 20")
row "search (median of $RUNS)" "${ours} ms" "${base} ms" "$(ratio "$ours" "$base")" "–" "≤ 2×"
ours=$(median_ms "$BIN" --db "$DB" search "defected shelling" --limit 20)
base=$(median_ms sqlite3 "$DB" "SELECT rowid FROM article_fts WHERE article_fts MATCH '\"defected\" \"shelling\"' ORDER BY rank LIMIT 20")
row "search, two English words" "${ours} ms" "${base} ms" "$(ratio "$ours" "$base")" "–" "≤ 2×"

# 5. info and claim list --article N vs sqlite3's count(*).
base=$(median_ms sqlite3 "$DB" "SELECT count(*) FROM claims")
ours=$(median_ms "$BIN" --db "$DB" info)
row "info" "${ours} ms" "${base} ms" "$(ratio "$ours" "$base")" "–" "≤ 3×"
ours=$(median_ms "$BIN" --db "$DB" claim list --article $((ARTICLES / 2)) --format csv)
row "claim list --article N" "${ours} ms" "${base} ms" "$(ratio "$ours" "$base")" "–" "≤ 3×"

# 6. Reconcile every measure.
"$GEN" measures "$DB" "$MEASURES"
"$GEN" figures "$W/figures.csv" "$FIGURES" "$CLAIMS" "$MEASURES"
read -r ours mem < <(measure "$BIN" --db "$DB" -q import figures "$W/figures.csv")
row "import $FIGURES figures from CSV" "${ours}s" "–" "–" "$((mem / 1024)) MB" "–"
read -r ours mem < <(measure "$BIN" --db "$DB" reconcile --all --format jsonl)
row "reconcile --all ($MEASURES measures, $FIGURES figures)" "${ours}s" "–" "–" "$((mem / 1024)) MB" "< 5 s"

# 7. Memory stays flat when the notebook is ten times larger.
if [ "${SCALE10:-0}" = 1 ]; then
  for _ in 1 2 3 4 5 6 7 8 9; do
    sqlite3 "$DB" "INSERT INTO claims (uuid, article_id, quote, span_start, span_end, text, unverified,
      credibility, place, when_text, when_from, when_to, when_precision, created_at, quote_index, text_index)
      SELECT lower(hex(randomblob(16))), article_id, quote, span_start, span_end, text, unverified, credibility,
      place, when_text, when_from, when_to, when_precision, created_at, quote_index, text_index
      FROM claims WHERE id <= $CLAIMS"
  done
  export_pair "export $((CLAIMS * 10)) claims (10× notebook)" "memory flat"
fi

echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sm); sqlite3 $(sqlite3 --version | cut -d' ' -f1)"
echo
echo "| task | crosscheck | sqlite3 | ratio | peak memory | target |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"

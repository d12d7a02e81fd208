#!/usr/bin/env bash
# Benchmarks crosscheck against the stock sqlite3 shell (and ripgrep) doing the bare work on the
# same data, in the same run, so the figures are ratios that survive a noisy machine. Prints a
# table of each task: crosscheck's time, the baseline's, the ratio, crosscheck's peak memory and
# the target.
#
#   benches/run.sh                 # SCALE=5000: 5,000 articles, 50,000 claims, 10,000 measures,
#                                  # 100,000 figures, 20,000 sources (about 4 minutes on 2 cores)
#   SCALE=50000 benches/run.sh     # the team archive: 50,000 articles, 500,000 claims,
#                                  # 100,000 measures, 1,000,000 figures
#   SCALE=1000 RUNS=5 benches/run.sh   # a quick look
#   benches/run.sh scaling         # import, search, export, reconcile at 1,000, 5,000 and 50,000
#                                  # articles, with the time per item (about 6 minutes)
#   benches/run.sh suggest         # claim suggest on a 20,000-word and a 50 MB article only
#   benches/run.sh sums            # derived measures only: a sum of 5,000 parts made and
#                                  # replaced, 20,000 figures under 1,000 parts (about 2 minutes)
#   benches/run.sh serve           # the archive, then only the pages of `serve` timed (its rows
#                                  # are also in the whole run)
#   benches/run.sh events          # export events (every profile) at 2,000 and 8,000 incidents,
#                                  # with the time per incident (about 5 minutes)
#
# The tasks of fixed size (20,000 claims quoting one 60,000-word article, one measure of 20,000
# figures that all disagree, a 5,000-word quote in a 1,000,000-word article, merging a
# 5,000-article notebook) run at every scale.
set -euo pipefail
cd "$(dirname "$0")/.."
SCALE=${SCALE:-5000}
RUNS=${RUNS:-15}
SOURCES=20000

need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need sqlite3 sqlite3
need rg ripgrep
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
cargo build --release --quiet --bin crosscheck --example gen_archive
BIN=$PWD/target/release/crosscheck
GEN=$PWD/target/release/examples/gen_archive
W=$(mktemp -d /tmp/crosscheck-bench-XXXX)
trap 'rm -rf "$W"' EXIT

# measure CMD...: prints "seconds max_rss_kb" of one run
measure() { /usr/bin/time -f "%e %M" -o "$W/time" "$@" >/dev/null 2>"$W/stderr" || { cat "$W/stderr" >&2; exit 1; }; cat "$W/time"; }
# median of RUNS whole-process wall times, in milliseconds
median_ms() {
  local times=() s e
  for _ in $(seq "$RUNS"); do
    s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}
median3() { sort -n | awk '{a[NR]=$1} END {print a[2]}'; }
# three runs of CMD...: prints "median_seconds peak_kb"
measure3() {
  local times=() mems=() t m
  for _ in 1 2 3; do
    read -r t m < <(measure "$@")
    times+=("$t"); mems+=("$m")
  done
  echo "$(printf '%s\n' "${times[@]}" | median3) $(printf '%s\n' "${mems[@]}" | sort -n | tail -1)"
}
rows=()
row() { rows+=("$(printf '| %s | %s | %s | %s | %s | %s |' "$@")"); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f×", a / b; else print "–" }'; }
mb() { echo "$(( $1 / 1024 )) MB"; }
num() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

# import_pair DIR DB LABEL TARGET: crosscheck importing a folder of article files (3 runs, each
# into a fresh notebook) beside sqlite3 reading the same files into an FTS5-indexed table.
# Leaves DB imported and the plain table in $W/plain.db; sets IMPORTED to the median seconds.
import_pair() {
  local dir=$1 db=$2 label=$3 target=$4 times=() mems=() bases=() t m
  cat > "$W/plain.sql" <<SQL
CREATE TABLE docs (id INTEGER PRIMARY KEY, name TEXT, body TEXT);
CREATE VIRTUAL TABLE docs_fts USING fts5 (body, content = 'docs', content_rowid = 'id');
CREATE TRIGGER docs_ai AFTER INSERT ON docs BEGIN
  INSERT INTO docs_fts (rowid, body) VALUES (new.id, new.body);
END;
BEGIN;
INSERT INTO docs (name, body) SELECT name, CAST(data AS TEXT) FROM fsdir('$dir') WHERE mode & 0x8000;
COMMIT;
SQL
  for _ in 1 2 3; do
    rm -f "$db" "$db-wal" "$db-shm" "$W/plain.db"
    read -r t m < <(measure "$BIN" --db "$db" -q import articles "$dir")
    times+=("$t"); mems+=("$m")
    read -r t _ < <(measure sqlite3 "$W/plain.db" ".read $W/plain.sql")
    bases+=("$t")
  done
  local ours base mem
  ours=$(printf '%s\n' "${times[@]}" | median3)
  base=$(printf '%s\n' "${bases[@]}" | median3)
  mem=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
  row "$label (median of 3)" "${ours} s" "${base} s" "$(ratio "$ours" "$base")" "$(mb "$mem")" "$target"
  IMPORTED=$ours
}

# suggest_cases: `claim suggest` on articles made of the evaluation reports (tests/fixtures/suggest,
# held out included, repeated): a 20,000-word article (median of RUNS whole-process runs) and a
# 50 MB one (time and peak memory from /usr/bin/time -v), each writing its CSV with --out.
suggest_cases() {
  local S=$W/suggest db one big t m words
  mkdir -p "$S"; db=$S/notebook.db
  one=$S/twenty-thousand.txt
  : > "$one"
  while [ "$(wc -w < "$one")" -lt 20000 ]; do
    for f in tests/fixtures/suggest/*.txt tests/fixtures/suggest/heldout/*.txt; do
      if [ "$(wc -w < "$one")" -lt 20000 ]; then { cat "$f"; echo; } >> "$one"; fi
    done
  done
  words=$(wc -w < "$one")
  big=$S/fifty-mb.txt
  : > "$big"
  while [ "$(stat -c %s "$big")" -lt $((50 * 1000 * 1000)) ]; do cat "$one" "$one" "$one" "$one" >> "$big"; done
  "$BIN" --db "$db" -q import articles "$one" --title 'twenty thousand words' --published 2024-05-01 >/dev/null
  "$BIN" --db "$db" -q import articles "$big" --title 'fifty megabytes' --published 2024-05-01 --max-size 60MB >/dev/null
  "$BIN" --db "$db" -q measure add deaths --label 'people killed' >/dev/null
  t=$(median_ms "$BIN" --db "$db" claim suggest 1 --measure deaths --out "$S/one.csv" --force)
  row "claim suggest, $(num "$words")-word article, CSV out (median of $RUNS)" "${t} ms" "–" "–" "–" "< 500 ms"
  /usr/bin/time -v "$BIN" --db "$db" claim suggest 2 --measure deaths --out "$S/big.csv" --force 2> "$S/time-v" >/dev/null
  t=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$S/time-v")
  m=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$S/time-v")
  row "claim suggest, $(( $(stat -c %s "$big") / 1000000 )) MB article ($(num "$(wc -l < "$S/big.csv")") rows, /usr/bin/time -v)" "${t} s" "–" "–" "$(mb "$m")" "< 30 s, < 200 MB"
  rm -rf "$S"
}

# timev CMD...: one run under /usr/bin/time -v; prints "seconds peak_kb"
timev() {
  /usr/bin/time -v "$@" 2> "$W/time-v" >/dev/null || { cat "$W/time-v" >&2; exit 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; t = s}
              /Maximum resident set size/ {m = $2} END {print t, m}' "$W/time-v"
}

# sums_cases: derived measures. One sum of 5,000 parts made by one `measure add --sum` (each
# part is checked against the sums above it as it is written), the same 5,000 parts replaced by
# `measure sum`; then 20,000 figures imported into a notebook whose 1,000 measures are the parts
# of 200 sums (5 each) under 20 sums of sums, beside the same import with no sums (each figure
# marks the saved reconciliations above its measure stale). All through /usr/bin/time -v.
sums_cases() {
  local S=$W/sums db keys t m tb i r n
  mkdir -p "$S"; db=$S/star.db
  "$BIN" --db "$db" -q init >/dev/null
  "$GEN" measures "$db" 5000
  keys=$(seq 0 4999 | sed 's/^/bench.m/' | paste -sd,)
  read -r t m < <(timev "$BIN" --db "$db" -q measure add bench.all --label 'every site' --sum "$keys")
  row "measure add --sum: one sum of 5,000 parts (/usr/bin/time -v)" "${t} s" "–" "–" "$(mb "$m")" "< 2 s"
  read -r t m < <(timev "$BIN" --db "$db" -q measure sum bench.all $(seq 0 4999 | sed 's/^/bench.m/' | tac))
  row "measure sum: the same 5,000 parts removed and written again" "${t} s" "–" "–" "$(mb "$m")" "< 2 s"
  for with in 0 1; do
    db=$S/tree$with.db
    "$GEN" articles "$S/articles" 200
    "$GEN" sources "$S/sources.csv" 500
    "$GEN" claims "$S/claims.csv" 20000 200 500
    "$BIN" --db "$db" -q import articles "$S/articles" >/dev/null
    "$BIN" --db "$db" -q import sources "$S/sources.csv" >/dev/null
    "$BIN" --db "$db" -q import claims "$S/claims.csv" >/dev/null
    "$GEN" measures "$db" 1000
    if [ "$with" = 1 ]; then
      for i in $(seq 0 199); do
        "$BIN" --db "$db" -q measure add "bench.site$i" --label "site $i" \
          --sum "$(seq $((i * 5)) $((i * 5 + 4)) | sed 's/^/bench.m/' | paste -sd,)" >/dev/null
      done
      for i in $(seq 0 19); do
        "$BIN" --db "$db" -q measure add "bench.region$i" --label "region $i" \
          --sum "$(seq $((i * 10)) $((i * 10 + 9)) | sed 's/^/bench.site/' | paste -sd,)" >/dev/null
      done
    fi
    # One saved reconciliation per measure of figures, for the triggers to mark stale.
    n=$(sqlite3 "$db" "SELECT count(*) FROM claims")
    "$GEN" figures "$S/first.csv" 1000 "$n" 1000
    "$BIN" --db "$db" -q import figures "$S/first.csv" >/dev/null
    "$BIN" --db "$db" -q reconcile --all --save >/dev/null
    "$GEN" figures "$S/figures.csv" 20000 "$n" 1000
    read -r t m < <(timev "$BIN" --db "$db" -q import figures "$S/figures.csv")
    if [ "$with" = 0 ]; then tb=$t; fi
    rm -rf "$S/articles"
  done
  r=$(sqlite3 "$S/tree1.db" "SELECT count(*) FROM measure_parts")
  row "import 20,000 figures, $(num "$r") parts in 220 sums (baseline: no sums; /usr/bin/time -v)" "${t} s" "${tb} s" "$(ratio "$t" "$tb")" "$(mb "$m")" "≤ 1.2×"
  rm -rf "$S"
}

if [ "${1:-}" = sums ]; then
  sums_cases
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sm)"
  echo
  echo "| task | crosscheck | baseline | ratio | peak memory | target |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  exit 0
fi

if [ "${1:-}" = suggest ]; then
  suggest_cases
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sm)"
  echo
  echo "| task | crosscheck | baseline | ratio | peak memory | target |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  exit 0
fi

# serve_pages DB: `crosscheck serve --read-only` on DB, and every page timed through it with curl
# (median of RUNS requests, each a whole page read and drawn); the target is 200 ms a page.
serve_pages() {
  local db=$1 url port token base ms page mid cid sid key deep adeep
  need curl curl
  "$BIN" --db "$db" serve --read-only --idle-timeout 600 >"$W/serve.url" 2>"$W/serve.err" &
  local pid=$!
  for _ in $(seq 100); do [ -s "$W/serve.url" ] && break; sleep 0.1; done
  url=$(head -1 "$W/serve.url")
  base=${url%%/?token=*}; token=${url##*token=}; port=${base##*:}
  mid=$(sqlite3 "$db" "SELECT article_id FROM claims GROUP BY article_id ORDER BY count(*) DESC LIMIT 1")
  cid=$(sqlite3 "$db" "SELECT max(id) / 2 FROM claims")
  # Deep pages, read by key: after the 25,000th claim, after the 2,500th article (newest first).
  deep=$(sqlite3 "$db" "SELECT id FROM claims ORDER BY id LIMIT 1 OFFSET 24999")
  adeep=$(sqlite3 "$db" "SELECT id FROM articles ORDER BY id DESC LIMIT 1 OFFSET 2499")
  sid=$(sqlite3 "$db" "SELECT id FROM sources WHERE name = 'source 7'")
  key=$(sqlite3 "$db" "SELECT m.key FROM measures m JOIN figures f ON f.measure_id = m.id GROUP BY m.id ORDER BY count(*) DESC LIMIT 1")
  for page in "/articles" "/articles?after=$adeep&page=51" "/articles?q=%D8%A7%D9%84%D9%85%D9%82%D8%A7%D8%AA%D9%84%D9%8A%D9%86" \
      "/articles?q=%D8%A7%D9%84%D9%85%D9%82%D8%A7%D8%AA%D9%84%D9%8A%D9%86&page=20" \
      "/article?id=$mid" "/claims" "/claims?after=$deep&page=501" "/claims?source=source+7&min-reliability=C" "/claim?id=$cid" \
      "/measures" "/measure?key=$key" "/sources" "/sources?q=source+7" "/source?id=$sid"; do
    local times=() first
    for _ in $(seq "$RUNS"); do
      times+=("$(curl -s -o /dev/null -H "Cookie: crosscheck-$port=$token" -w '%{time_total}' "$base$page")")
    done
    # The first load of a page may do what later ones find kept (an article's suggestions,
    # the articles' languages): it has a row of its own.
    first=$(awk -v t="${times[0]}" 'BEGIN { printf "%.1f", t * 1000 }')
    if [ "${page%%\?*}" = /article ] || [ "$page" = /articles ]; then
      row "serve: GET $page, first load" "${first} ms" "–" "–" "–" "< 200 ms"
    fi
    ms=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]*1000}')
    row "serve: GET $(echo "$page" | sed 's/%D8%A7%D9%84%D9%85%D9%82%D8%A7%D8%AA%D9%84%D9%8A%D9%86/المقاتلين/') (median of $RUNS)" "${ms} ms" "–" "–" "–" "< 200 ms"
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

# events: `export events` at 2,000 and 8,000 incidents, each with a killed and an injured
# measure of three figures and one claim in five tied to an incident directly, so that the time
# per incident shows whether the export grows linearly (median of 3 whole-process runs).
if [ "${1:-}" = events ]; then
  erows=()
  for n in ${EVENTS:-2000 8000}; do
    echo "events: $n incidents" >&2
    d=$W/e$n; mkdir -p "$d"; db=$d/notebook.db
    arts=$((n / 4)); claims=$((n * 3)); measures=$((n * 2)); figures=$((n * 6))
    "$GEN" articles "$d/articles" "$arts"
    "$GEN" sources "$d/sources.csv" 2000
    "$GEN" claims "$d/claims.csv" "$claims" "$arts" 2000
    "$BIN" --db "$db" -q import articles "$d/articles" >/dev/null
    "$BIN" --db "$db" -q import sources "$d/sources.csv" >/dev/null
    "$BIN" --db "$db" -q import claims "$d/claims.csv" >/dev/null
    "$GEN" measures "$db" "$measures"
    "$GEN" figures "$d/figures.csv" "$figures" "$claims" "$measures"
    "$BIN" --db "$db" -q import figures "$d/figures.csv" >/dev/null
    "$GEN" incidents "$db" "$n" "$claims"
    cells=""
    for p in ucdp acled airwars; do
      read -r t m < <(measure3 "$BIN" --db "$db" export events --profile "$p")
      cells="$cells | $(awk -v t="$t" -v n="$n" 'BEGIN { printf "%.2f s (%.0f µs each)", t, t * 1e6 / n }'), $(mb "$m")"
    done
    erows+=("| $(num "$n") $cells |")
    rm -rf "$d"
  done
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sm)"
  echo
  echo "| incidents (claims ×3, figures ×6) | ucdp | acled | airwars |"
  echo "|---|---|---|---|"
  printf '%s\n' "${erows[@]}"
  exit 0
fi

if [ "${1:-}" = scaling ]; then
  srows=()
  for n in 1000 5000 50000; do
    echo "scaling: $n articles" >&2
    d=$W/s$n; mkdir -p "$d"; db=$d/notebook.db
    "$GEN" articles "$d/articles" "$n"
    "$GEN" sources "$d/sources.csv" $SOURCES
    "$GEN" claims "$d/claims.csv" $((n * 10)) "$n" $SOURCES
    read -r t_imp _ < <(measure "$BIN" --db "$db" -q import articles "$d/articles")
    "$BIN" --db "$db" -q import sources "$d/sources.csv" >/dev/null
    read -r t_cl _ < <(measure "$BIN" --db "$db" -q import claims "$d/claims.csv")
    t_s=$(median_ms "$BIN" --db "$db" search "المقاتلين" --in articles --limit 20)
    read -r t_ex m_ex < <(measure "$BIN" --db "$db" export claims --out "$d/out.csv")
    "$GEN" measures "$db" $((n * 2))
    "$GEN" figures "$d/figures.csv" $((n * 20)) $((n * 10)) $((n * 2))
    "$BIN" --db "$db" -q import figures "$d/figures.csv" >/dev/null
    read -r t_rec m_rec < <(measure "$BIN" --db "$db" reconcile --all --format jsonl)
    per() { awk -v t="$1" -v n="$2" 'BEGIN { printf "%.3g s (%.1f µs each)", t, t * 1e6 / n }'; }
    srows+=("| $(num "$n") | $(per "$t_imp" "$n") | $(per "$t_cl" $((n * 10))) | ${t_s} ms | $(per "$t_ex" $((n * 10))), $(mb "$m_ex") | $(per "$t_rec" $((n * 20))), $(mb "$m_rec") |")
    rm -rf "$d"
  done
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sm)"
  echo
  echo "| articles (claims ×10, figures ×20) | import articles | import claims (CSV) | search, one word | export claims (CSV) | reconcile --all |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${srows[@]}"
  exit 0
fi

ARTICLES=$SCALE
CLAIMS=$((SCALE * 10))
MEASURES=$((SCALE * 2))
FIGURES=$((SCALE * 20))
SMALL=$(( SCALE < 5000 ? SCALE : 5000 ))
DB=$W/notebook.db
echo "generating $(num $ARTICLES) articles, $(num $CLAIMS) claims, $(num $MEASURES) measures, $(num $FIGURES) figures in $W" >&2
"$GEN" articles "$W/articles" "$ARTICLES"
"$GEN" sources "$W/sources.csv" $SOURCES
"$GEN" claims "$W/claims.csv" "$CLAIMS" "$ARTICLES" $SOURCES

# 1. Import the article folder vs sqlite3 reading the same files into an FTS5-indexed table; at
#    a scale above 5,000 the first 5,000 files too, for the time per article.
if [ "$ARTICLES" -gt 5000 ]; then
  mkdir -p "$W/first5000"
  (cd "$W/articles" && ls | sed -n 1,5000p | xargs cp -t "$W/first5000")
  import_pair "$W/first5000" "$W/small.db" "import 5,000 article files" "≤ 1.5×"
  small=$IMPORTED
fi
import_pair "$W/articles" "$DB" "import $(num $ARTICLES) article files" "≤ 1.5×"
big=$IMPORTED
if [ "$ARTICLES" -gt 5000 ]; then
  row "time per article, $(num $ARTICLES) vs 5,000" \
    "$(awk -v t="$big" -v n="$ARTICLES" 'BEGIN { printf "%.0f µs", t * 1e6 / n }')" \
    "$(awk -v t="$small" 'BEGIN { printf "%.0f µs", t * 1e6 / 5000 }')" \
    "$(awk -v a="$big" -v b="$small" -v n="$ARTICLES" 'BEGIN { printf "%.2f×", (a / n) / (b / 5000) }')" "–" "≤ 1.25×"
fi

# 2. Sources and claims from CSV.
read -r t m < <(measure "$BIN" --db "$DB" -q import sources "$W/sources.csv")
row "import $(num $SOURCES) sources from CSV" "${t} s" "–" "–" "$(mb "$m")" "< 2 s"
read -r t m < <(measure "$BIN" --db "$DB" -q import claims "$W/claims.csv")
row "import $(num $CLAIMS) claims from CSV" "${t} s" "–" "–" "$(mb "$m")" "< 60 s, < 64 MB (500,000)"
# The notebook a colleague sends: 5,000 articles with their claims (the main one at 5,000).
if [ "$ARTICLES" -eq "$SMALL" ]; then
  cp "$DB" "$W/colleague.db"
else
  "$GEN" claims "$W/claims-small.csv" $((SMALL * 10)) "$SMALL" $SOURCES
  "$BIN" --db "$W/small.db" -q import sources "$W/sources.csv"
  "$BIN" --db "$W/small.db" -q import claims "$W/claims-small.csv"
  cp "$W/small.db" "$W/colleague.db"
fi

# 3. Export every claim, with its joins, vs sqlite3 -csv selecting the raw claims table.
read -r t m < <(measure3 "$BIN" --db "$DB" export claims --out "$W/claims-out.csv")
read -r base _ < <(measure3 sh -c "sqlite3 -csv '$DB' 'SELECT * FROM claims' > '$W/raw.csv'")
row "export $(num $CLAIMS) claims to CSV (median of 3)" "${t} s" "${base} s" "$(ratio "$t" "$base")" "$(mb "$m")" "≤ 1.0×, < 64 MB"

# 4. Search: whole-process latency vs a bare FTS5 MATCH over the same articles (the plain table
#    sqlite3 built in step 1), and vs ripgrep listing the files.
rg_ms=$(median_ms rg -l -F "المقاتلين" "$W/articles")
ours=$(median_ms "$BIN" --db "$DB" search "المقاتلين" --in articles --limit 20)
base=$(median_ms sqlite3 "$W/plain.db" "SELECT rowid FROM docs_fts WHERE docs_fts MATCH '\"المقاتلين\"' ORDER BY rank LIMIT 20")
row "search one Arabic word (median of $RUNS)" "${ours} ms" "${base} ms" "$(ratio "$ours" "$base")" "–" "≤ 2×"
row "the same against \`rg -l\` over the files" "${ours} ms" "${rg_ms} ms (rg)" "$(ratio "$rg_ms" "$ours") faster" "–" "≥ 10× faster"
rg_ms=$(median_ms sh -c "rg -l -F defected '$W/articles' | xargs -r rg -l -F shelling")
ours=$(median_ms "$BIN" --db "$DB" search "defected shelling" --in articles --limit 20)
base=$(median_ms sqlite3 "$W/plain.db" "SELECT rowid FROM docs_fts WHERE docs_fts MATCH 'defected shelling' ORDER BY rank LIMIT 20")
row "search two English words" "${ours} ms" "${base} ms" "$(ratio "$ours" "$base")" "–" "≤ 2×"
row "the same against \`rg -l\` (both words)" "${ours} ms" "${rg_ms} ms (rg)" "$(ratio "$rg_ms" "$ours") faster" "–" "≥ 10× faster"

# 5. Listing and showing vs the bare queries behind them.
src="source 7"
sid=$(sqlite3 "$DB" "SELECT id FROM sources WHERE name = '$src'")
cid=$((CLAIMS / 2))
ours=$(median_ms "$BIN" --db "$DB" claim list --source "$src" --min-reliability C --format csv)
base=$(median_ms sqlite3 -csv "$DB" "SELECT c.* FROM claims c
  WHERE EXISTS (SELECT 1 FROM claim_sources cs WHERE cs.claim_id = c.id AND cs.source_id = $sid)
  AND EXISTS (SELECT 1 FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
              WHERE cs.claim_id = c.id AND s.reliability <= 'C' AND s.reliability <> 'F') ORDER BY c.id")
row "claim list --source NAME --min-reliability C" "${ours} ms" "${base} ms" "$(ratio "$ours" "$base")" "–" "≤ 3×"
ours=$(median_ms "$BIN" --db "$DB" info --format csv)
base=$(median_ms sqlite3 "$DB" "SELECT count(*) FROM articles; SELECT count(*) FROM sources;
  SELECT count(*) FROM claims; SELECT count(*) FROM measures; SELECT count(*) FROM figures;
  SELECT count(*) FROM reconciliations")
row "info" "${ours} ms" "${base} ms" "$(ratio "$ours" "$base")" "–" "≤ 3×"
ours=$(median_ms "$BIN" --db "$DB" claim show "$cid" --format json)
base=$(median_ms sqlite3 "$DB" "SELECT c.*, a.title, a.published FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = $cid;
  SELECT s.* FROM claim_sources cs JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = $cid;
  SELECT tag FROM claim_tags WHERE claim_id = $cid; SELECT * FROM figures WHERE claim_id = $cid;
  SELECT * FROM links WHERE from_claim = $cid OR to_claim = $cid")
row "claim show N" "${ours} ms" "${base} ms" "$(ratio "$ours" "$base")" "–" "≤ 3×"
ours=$(median_ms "$BIN" --db "$DB" source show "$src" --format json)
base=$(median_ms sqlite3 "$DB" "SELECT * FROM sources WHERE id = $sid; SELECT * FROM source_aliases WHERE source_id = $sid;
  SELECT * FROM source_ratings WHERE source_id = $sid;
  SELECT c.* FROM claim_sources cs JOIN claims c ON c.id = cs.claim_id WHERE cs.source_id = $sid")
row "source show NAME" "${ours} ms" "${base} ms" "$(ratio "$ours" "$base")" "–" "≤ 3×"

# 6. Reconcile every measure.
"$GEN" measures "$DB" "$MEASURES"
"$GEN" figures "$W/figures.csv" "$FIGURES" "$CLAIMS" "$MEASURES"
read -r t m < <(measure "$BIN" --db "$DB" -q import figures "$W/figures.csv")
row "import $(num $FIGURES) figures from CSV" "${t} s" "–" "–" "$(mb "$m")" "–"
read -r t m < <(measure "$BIN" --db "$DB" reconcile --all --format jsonl)
row "reconcile --all ($(num $MEASURES) measures, $(num $FIGURES) figures)" "${t} s" "–" "–" "$(mb "$m")" "< 15 s, < 64 MB (1,000,000)"

# 6b. The review pages of `serve` on the same archive.
serve_pages "$DB"
if [ "${1:-}" = serve ]; then
  echo; echo "| task | crosscheck | baseline | ratio | peak memory | target |"; echo "|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}" | grep 'serve:'
  exit 0
fi

# 7. One long article: 20,000 claims quoting it (each by a source of its own), then one measure
#    whose 20,000 figures all disagree, and a 5,000-word quote in a 1,000,000-word article.
L=$W/long.db
"$GEN" long "$W/long60k.txt" 60000
"$BIN" --db "$L" -q import articles "$W/long60k.txt" >/dev/null
"$BIN" --db "$L" -q import sources "$W/sources.csv"
"$GEN" quoting "$W/quoting.csv" 20000 "$W/long60k.txt" 1
read -r t m < <(measure "$BIN" --db "$L" -q import claims "$W/quoting.csv")
row "import 20,000 claims quoting one 60,000-word article" "${t} s" "–" "–" "$(mb "$m")" "< 10 s"
"$BIN" --db "$L" -q measure add bench.wide --label 'figures that disagree' >/dev/null
"$GEN" disagree "$W/disagree.csv" 20000 1
"$BIN" --db "$L" -q import figures "$W/disagree.csv"
read -r t m < <(measure3 "$BIN" --db "$L" reconcile bench.wide)
row "reconcile one measure of 20,000 disagreeing figures (table, median of 3)" "${t} s" "–" "–" "$(mb "$m")" "< 1 s, < 64 MB"
read -r t m < <(measure3 "$BIN" --db "$L" reconcile bench.wide --format json)
row "the same, JSON" "${t} s" "–" "–" "$(mb "$m")" "< 1 s, < 64 MB"
"$GEN" long "$W/long1m.txt" 1000000
"$BIN" --db "$L" -q import articles "$W/long1m.txt" >/dev/null
"$GEN" words "$W/long1m.txt" 990000 5000 > "$W/quote5k.txt"
read -r t m < <(measure3 "$BIN" --db "$L" -q claim add --again --article 2 --quote "$(cat "$W/quote5k.txt")")
row "verify a 5,000-word quote in a 1,000,000-word article (claim add)" "${t} s" "–" "–" "$(mb "$m")" "< 0.2 s"

# 8. Merge the colleague's 5,000-article notebook into an empty one vs sqlite3 copying the same
#    rows through ATTACH and indexing the texts in an FTS5 table of its own (Debian's sqlite3 may
#    predate the notebook's contentless-delete indexes).
tables="sources source_aliases source_ratings articles article_bands claims claim_sources claim_tags links measures figures"
copy_sql="ATTACH '$W/colleague.db' AS o; BEGIN;"
for t in $tables; do copy_sql="$copy_sql INSERT INTO main.$t SELECT * FROM o.$t;"; done
copy_sql="$copy_sql CREATE VIRTUAL TABLE main.a_fts USING fts5 (title, body);"
copy_sql="$copy_sql CREATE VIRTUAL TABLE main.c_fts USING fts5 (quote, text);"
copy_sql="$copy_sql INSERT INTO a_fts (rowid, title, body) SELECT id, title, body FROM o.articles;"
copy_sql="$copy_sql INSERT INTO c_fts (rowid, quote, text) SELECT id, quote, text FROM o.claims; COMMIT;"
times=(); bases=(); mems=()
for _ in 1 2 3; do
  rm -f "$W/empty.db"* "$W/empty2.db"*
  "$BIN" --db "$W/empty.db" -q init >/dev/null
  "$BIN" --db "$W/empty2.db" -q init >/dev/null
  read -r t m < <(measure "$BIN" --db "$W/empty.db" -q merge "$W/colleague.db")
  times+=("$t"); mems+=("$m")
  read -r t _ < <(measure sqlite3 "$W/empty2.db" "$copy_sql")
  bases+=("$t")
done
ours=$(printf '%s\n' "${times[@]}" | median3)
base=$(printf '%s\n' "${bases[@]}" | median3)
mem=$(printf '%s\n' "${mems[@]}" | sort -n | tail -1)
n_small=$(sqlite3 "$W/colleague.db" "SELECT count(*) FROM articles")
row "merge a $(num "$n_small")-article notebook into an empty one (median of 3)" "${ours} s" "${base} s" "$(ratio "$ours" "$base")" "$(mb "$mem")" "≤ 3×"

# 9. Suggesting claims from a 20,000-word article and from a 50 MB one.
suggest_cases

# 10. Derived measures: a sum of 5,000 parts, and figures under 1,000 parts.
sums_cases

echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sm); sqlite3 $(sqlite3 --version | cut -d' ' -f1); rg $(rg --version | sed -n 1p | cut -d' ' -f2); SCALE=$SCALE"
echo
echo "| task | crosscheck | baseline | ratio | peak memory | target |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"

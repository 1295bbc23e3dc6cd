#!/usr/bin/env bash
# Benchmark of a published fiche page, /collectivites/{slug}, measured in one run with wrk:
#   cached    the app as configured (output caching on), against a static file of the same bytes
#             served by the same Kestrel (/_bench/fiche.html);
#   uncached  the app started again with OutputCaching:Enabled=false, against a raw Npgsql endpoint
#             that reads the same rows with one query and writes them (/_bench/raw/{slug});
#   memory    the app's resident memory under that load (peak VmHWM since the app was ready, and
#             the highest VmRSS sampled every 0.2 s);
#   round trips  database commands per request (Npgsql's metrics, read from /_bench/db-commands).
# The three targets of a phase are measured in alternating rounds, so that the load of a shared
# machine falls alike on each; ratios measured in the same run are the figures that matter.
# Called by `./rtes bench` with the database environment set (it also works alone, given
# ConnectionStrings__Rtes and a migrated, seeded database). Prints figures and the issue-9 targets
# with MET/MISSED; asserts nothing. With RTES_BENCH_SUMMARY set, also writes the targets there.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${RTES_BENCH_PORT:-5091}"
SLUG="${RTES_BENCH_SLUG:-ca-la-rochelle}"
DURATION="${RTES_BENCH_DURATION:-5s}"
ROUNDS="${RTES_BENCH_ROUNDS:-3}"
WARMUP="${RTES_BENCH_WARMUP:-5s}"
CONNECTIONS="${RTES_BENCH_CONNECTIONS:-16}"
THREADS="${RTES_BENCH_THREADS:-1}"
APP_ARGS="${RTES_BENCH_APP_ARGS:---migrate --seed-demo}"
WORK="$(mktemp -d)"
BASE="http://127.0.0.1:$PORT"
APP_PID=""
SAMPLER_PID=""

cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

# Database commands the app has run so far (each one a round trip), from Npgsql's metrics.
db_commands() { curl -fs "$BASE/_bench/db-commands" || echo 0; }

# start_app LABEL [VAR=value ...]: starts the app with the bench endpoints, waits until it is ready.
start_app() {
  local label="$1"; shift
  (cd "$ROOT/src/RtesPlatform.Web" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    Bench__StaticRoot="$WORK/static" Bench__RawEndpoint=true "$@" \
    dotnet bin/Release/net10.0/RtesPlatform.Web.dll serve $APP_ARGS --urls "$BASE") >"$WORK/$label.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 240); do
    curl -fs "$BASE/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/$label.log"; echo "the app did not start" >&2; exit 1; }
    sleep 0.5
  done
  cat "$WORK/$label.log"; echo "the app was not ready after 120 s" >&2; exit 1
}

stop_app() {
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# Highest VmRSS of the app, sampled every 0.2 s until killed, written to $WORK/rss-max.
start_sampler() {
  (max=0; while kill -0 "$APP_PID" 2>/dev/null; do
     rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
     [ "${rss:-0}" -gt "$max" ] && { max=$rss; echo "$max" >"$WORK/rss-max"; }
     sleep 0.2
   done) &
  SAMPLER_PID=$!
}

stop_sampler() { kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""; }

wrk_run() { # duration url -> wrk output
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1" --latency "$2"
}

# measure NAME URL: one measured wrk run, added to NAME's totals (requests, seconds, per-round p99s,
# database commands).
measure() {
  local name="$1" url="$2" before after out
  before=$(db_commands)
  out=$(wrk_run "$DURATION" "$url")
  after=$(db_commands)
  if grep -q 'Non-2xx' <<<"$out"; then echo "$out" >&2; echo "$url answered errors" >&2; exit 1; fi
  awk -v tx=$((after - before)) '
    / requests in / { requests = $1; seconds = $4; sub(/s,?$/, "", seconds) }
    /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } p99 = v }
    END { printf "%s %s %.3f %s\n", requests, seconds, p99, tx }' <<<"$out" >>"$WORK/$name"
}

# summarize NAME: sets NAME_RPS (all requests / all seconds), NAME_P99 (median of the rounds' p99,
# ms) and NAME_TX (database commands per request).
summarize() {
  local name="$1" rps p99 tx
  read -r rps tx < <(awk '{ n += $1; s += $2; t += $4 } END { printf "%.1f %.2f\n", n / s, (n > 0 && t > 0) ? t / n : 0 }' "$WORK/$name")
  p99=$(sort -n -k3 "$WORK/$name" | awk '{ v[NR] = $3 } END { printf "%.2f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
  printf -v "${name}_RPS" '%s' "$rps"
  printf -v "${name}_P99" '%s' "$p99"
  printf -v "${name}_TX" '%s' "$tx"
}

# run_phase LABEL [VAR=value ...]: one app; its three targets measured in alternating rounds (so that
# the load of a shared machine falls alike on each); its memory. Sets LABEL_HWM, LABEL_RSS (MB).
run_phase() {
  local label="$1" round; shift
  start_app "$label" "$@"
  echo 5 >"/proc/$APP_PID/clear_refs" 2>/dev/null || true # resets VmHWM: the peak under load, not at start-up
  echo 0 >"$WORK/rss-max"
  start_sampler
  local static="$BASE/_bench/fiche.html" raw="$BASE/_bench/raw/$SLUG" fiche="$BASE/collectivites/$SLUG"
  for url in "$static" "$raw" "$fiche"; do wrk_run "$WARMUP" "$url" >/dev/null 2>&1; done
  for round in $(seq 1 "$ROUNDS"); do
    measure "${label}_STATIC" "$static"
    measure "${label}_RAW" "$raw"
    measure "${label}_FICHE" "$fiche"
  done
  stop_sampler
  printf -v "${label}_HWM" '%s' "$(awk '/^VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$APP_PID/status")"
  printf -v "${label}_RSS" '%s' "$(awk '{ printf "%d", $1 / 1024 }' "$WORK/rss-max")"
  stop_app
  for target in STATIC RAW FICHE; do summarize "${label}_$target"; done
}

# The static copy: the page's exact bytes, fetched from a first start of the app (which also
# migrates and seeds the demo network when asked).
mkdir -p "$WORK/static"
start_app setup
curl -fs "$BASE/collectivites/$SLUG" -o "$WORK/static/fiche.html"
RAW_BYTES=$(curl -fs "$BASE/_bench/raw/$SLUG" | wc -c)
stop_app
APP_ARGS=""
BYTES=$(stat -c %s "$WORK/static/fiche.html")

run_phase CACHED
run_phase UNCACHED OutputCaching__Enabled=false

row() { printf '%-44s %11.0f %9.2f %9s\n' "$1" "$2" "$3" "$4"; }
echo
echo "Fiche page benchmark — $(nproc) cores shared with wrk ($THREADS thread, $CONNECTIONS connections), $ROUNDS alternating rounds of $DURATION per target after $WARMUP of warm-up"
echo "page $BYTES bytes (the static copy: the same), raw endpoint $RAW_BYTES bytes (the rows as text)"
printf '%-44s %11s %9s %9s\n' "target" "requests/s" "p99 ms" "DB cmds/req"
echo "app as configured (output caching on):"
row "  static file, same bytes, same Kestrel" "$CACHED_STATIC_RPS" "$CACHED_STATIC_P99" "$CACHED_STATIC_TX"
row "  raw Npgsql endpoint, same rows" "$CACHED_RAW_RPS" "$CACHED_RAW_P99" "$CACHED_RAW_TX"
row "  /collectivites/$SLUG (cached)" "$CACHED_FICHE_RPS" "$CACHED_FICHE_P99" "$CACHED_FICHE_TX"
echo "  resident memory under load: peak VmHWM $CACHED_HWM MB, highest sampled VmRSS $CACHED_RSS MB"
echo "app with OutputCaching:Enabled=false:"
row "  static file, same bytes, same Kestrel" "$UNCACHED_STATIC_RPS" "$UNCACHED_STATIC_P99" "$UNCACHED_STATIC_TX"
row "  raw Npgsql endpoint, same rows" "$UNCACHED_RAW_RPS" "$UNCACHED_RAW_P99" "$UNCACHED_RAW_TX"
row "  /collectivites/$SLUG (uncached)" "$UNCACHED_FICHE_RPS" "$UNCACHED_FICHE_P99" "$UNCACHED_FICHE_TX"
echo "  resident memory under load: peak VmHWM $UNCACHED_HWM MB, highest sampled VmRSS $UNCACHED_RSS MB"
if awk -v t="$CACHED_FICHE_TX" 'BEGIN { exit !(t >= 0.5) }'; then
  echo "note: the cached run still reads the database $CACHED_FICHE_TX times per fiche request: output caching did not serve the page."
fi

# Targets of issue 9 (2 cores). verdict LABEL VALUE OP LIMIT UNIT
verdict() {
  awk -v label="$1" -v v="$2" -v op="$3" -v t="$4" -v unit="$5" 'BEGIN {
    met = (op == ">=") ? (v >= t) : (v <= t)
    shown = (unit == "x") ? sprintf("%.2fx", v) : sprintf("%.2f %s", v, unit)
    limit = (unit == "x") ? sprintf("%.2fx", t) : sprintf("%g %s", t, unit)
    if (unit == "MB") { shown = sprintf("%d MB", v) }
    if (met) { gap = (op == ">=") ? v - t : t - v; how = sprintf("MET (margin %s)", (unit == "x") ? sprintf("%.2fx", gap) : sprintf("%.2f %s", gap, unit)) }
    else { gap = (op == ">=") ? t - v : v - t; how = sprintf("MISSED by %s (%.0f%%)", (unit == "x") ? sprintf("%.2fx", gap) : sprintf("%.2f %s", gap, unit), 100 * gap / t) }
    printf "%-52s %-9s %-12s %s\n", label, op " " limit, shown, how }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", (b > 0) ? a / b : 0 }'; }
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (a > b) ? a : b }'; }
{
  printf '%-52s %-9s %-12s %s\n' "target (issue 9, 2 cores)" "limit" "measured" "verdict"
  verdict "cached fiche / static file, requests/s" "$(ratio "$CACHED_FICHE_RPS" "$CACHED_STATIC_RPS")" ">=" 1.0 x
  verdict "cached fiche p99" "$CACHED_FICHE_P99" "<=" 5 ms
  verdict "uncached fiche / raw Npgsql endpoint, requests/s" "$(ratio "$UNCACHED_FICHE_RPS" "$UNCACHED_RAW_RPS")" ">=" 0.6 x
  verdict "uncached fiche p99" "$UNCACHED_FICHE_P99" "<=" 25 ms
  verdict "resident memory under load (peak VmHWM)" "$(max "$CACHED_HWM" "$UNCACHED_HWM")" "<=" 300 MB
} >"$WORK/targets"
echo
cat "$WORK/targets"
if [ -n "${RTES_BENCH_SUMMARY:-}" ]; then cat "$WORK/targets" >>"$RTES_BENCH_SUMMARY"; fi

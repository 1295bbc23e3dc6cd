#!/usr/bin/env bash
# Benchmark of a published fiche page: requests/s and p99 latency of /collectivites/{slug},
# against a static file of the same bytes served by the same Kestrel, measured in one run.
# Called by `./rtes bench` with the database environment set. Prints figures; asserts nothing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${RTES_BENCH_PORT:-5091}"
SLUG="${RTES_BENCH_SLUG:-ca-la-rochelle}"
DURATION="${RTES_BENCH_DURATION:-10s}"
CONNECTIONS="${RTES_BENCH_CONNECTIONS:-32}"
STATIC_DIR="$(mktemp -d)"
BASE="http://127.0.0.1:$PORT"

cleanup() { [ -n "${APP_PID:-}" ] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$STATIC_DIR"; }
trap cleanup EXIT

cd "$ROOT/src/RtesPlatform.Web"
ASPNETCORE_ENVIRONMENT=Production Bench__StaticRoot="$STATIC_DIR" Logging__LogLevel__Default=Warning \
  dotnet bin/Release/net10.0/RtesPlatform.Web.dll serve --migrate --seed-demo --urls "$BASE" >"$STATIC_DIR.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$STATIC_DIR.log"; echo "the app did not start" >&2; exit 1; }
  sleep 0.5
done

curl -fs "$BASE/collectivites/$SLUG" -o "$STATIC_DIR/fiche.html"
BYTES=$(stat -c %s "$STATIC_DIR/fiche.html")

measure() { # url -> "rps p99_ms"
  wrk -t2 -c"$CONNECTIONS" -d2s "$1" >/dev/null 2>&1 # warm-up
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$1" | awk '
    /Requests\/sec/ { rps = $2 }
    /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } p99 = v }
    END { printf "%s %.2f\n", rps, p99 }'
}

read -r STATIC_RPS STATIC_P99 < <(measure "$BASE/_bench/fiche.html")
read -r FICHE_RPS FICHE_P99 < <(measure "$BASE/collectivites/$SLUG")
RSS_KB=$(awk '/VmRSS/ { print $2 }' "/proc/$APP_PID/status")

echo
echo "Fiche page benchmark — $(nproc) cores, $CONNECTIONS connections, $DURATION per target, page $BYTES bytes"
printf '%-34s %12s %10s\n' "target" "requests/s" "p99 (ms)"
printf '%-34s %12.0f %10.2f\n' "static file, same bytes (baseline)" "$STATIC_RPS" "$STATIC_P99"
printf '%-34s %12.0f %10.2f\n' "/collectivites/$SLUG (uncached)" "$FICHE_RPS" "$FICHE_P99"
awk -v f="$FICHE_RPS" -v s="$STATIC_RPS" 'BEGIN { printf "fiche / static throughput: %.2fx\n", f / s }'
echo "resident memory of the app after the runs: $((RSS_KB / 1024)) MB"

#!/usr/bin/env bash
# Mixed workload over the synthetic network (issue 14): the app as configured (output caching on)
# under a closed-loop load of public fiches 70 %, directory and search 10 %, comparisons, map and
# dashboard 10 %, API reads 7 %, open-data downloads 3 % (URLs drawn from the database: real
# pages), in alternating rounds with a static file of a fiche page's bytes served by the same
# Kestrel (/_bench/fiche.html), the baseline measured in the same run. The load client is
# `RtesPlatform.Bench mixed` (per-class latencies to the last byte). Prints, per class, requests,
# requests/s, p50/p95/p99, p99 against the static file's, errors (non-2xx); asserts nothing.
# Called by `./rtes bench` with ConnectionStrings__Rtes / __RtesOwner set to the synthetic
# network's database (rtes_bench); works alone given those and a seeded database.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${RTES_BENCH_PORT:-5091}"
CONNECTIONS="${RTES_BENCH_CONNECTIONS:-16}"
ROUNDS="${RTES_BENCH_MIXED_ROUNDS:-2}"
MIXED_SECONDS="${RTES_BENCH_MIXED_SECONDS:-10}"
STATIC_SECONDS="${RTES_BENCH_MIXED_STATIC_SECONDS:-4}"
WARMUP_SECONDS="${RTES_BENCH_MIXED_WARMUP:-5}"
OPEN_DATA_WAIT="${RTES_BENCH_OPEN_DATA_WAIT:-900}"
APP_ARGS="${RTES_BENCH_APP_ARGS:-}"
WORK="$(mktemp -d)"
BASE="http://127.0.0.1:$PORT"
APP_PID=""

cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

# The API's rate limit (600 requests a minute per client) is lifted: this client is one address
# sending hundreds of API reads a minute; the limiter is not what is measured.
mkdir -p "$WORK/static"
(cd "$ROOT/src/RtesPlatform.Web" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  Bench__StaticRoot="$WORK/static" Api__RateLimit__PermitLimit=1000000 Email__PublicBaseUrl="$BASE/" \
  dotnet bin/Release/net10.0/RtesPlatform.Web.dll serve $APP_ARGS --urls "$BASE") >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
  curl -fs "$BASE/health/ready" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; echo "the app did not start" >&2; exit 1; }
  sleep 0.5
done
curl -fs "$BASE/health/ready" >/dev/null || { cat "$WORK/app.log"; echo "the app was not ready after 120 s" >&2; exit 1; }

dotnet "$ROOT/bench/RtesPlatform.Bench/bin/Release/net10.0/RtesPlatform.Bench.dll" mixed "$BASE" "$WORK/static" \
  "$CONNECTIONS" "$ROUNDS" "$MIXED_SECONDS" "$STATIC_SECONDS" "$WARMUP_SECONDS" "$OPEN_DATA_WAIT"

#!/usr/bin/env bash
# Benchmarks (measurements, not tests: nothing here passes or fails on a number). Writes what
# it measured to standard output, for docs/PERFORMANCE.md:
#   1. page weight per journey (HTML+CSS+JS before the wasm, and the wasm), brotli;
#   2. SSR throughput of the home page and a question page, against the same bytes served as a
#      static file by the same server (wrk);
#   3. referral submissions through the JSON API on SQLite and on PostgreSQL: throughput,
#      latency, errors, and a count afterwards that every one was committed exactly once;
#   4. the back office at scale: a history written by `server seed-demo` (10,000 and 100,000
#      requests on SQLite; 10,000, 100,000 and 1,000,000 on PostgreSQL), then each back-office
#      view's median and 95th percentile (scripts/bench/back_office.mjs) and the retention
#      purge's time with the longest wait of a submission made while it ran.
#
#   scripts/bench.sh            all of it (sections 1 to 3 take about 3 minutes after the
#                               release build; section 4 most of an hour at 1,000,000)
#   scripts/bench.sh scale      section 4 only
#   BENCH_SECONDS=30 scripts/bench.sh
#   BENCH_SQLITE_SIZES="10000" BENCH_PG_SIZES="" scripts/bench.sh scale
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
SECONDS_EACH="${BENCH_SECONDS:-15}"
PORT=3100
BASE="http://127.0.0.1:$PORT"

ensure_rust_tools
ensure_node_packages
ensure_postgres
command -v wrk >/dev/null || apt_install wrk
build_site
say "Building the server (release)"
cargo build -p server --release
BIN="$CARGO_OUT/release/server"

WORK=$(mktemp -d /tmp/portal-bench.XXXXXX)
chmod 755 "$WORK"
SERVER_PID=""
PG_STARTED=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -n "$PG_STARTED" ] && runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$WORK/pg/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK" target/site/assets/bench
}
trap cleanup EXIT

# Starts the release server on $PORT with the given database, and waits until it is ready.
# Submissions go through a partner API key made as an administrator would; the benchmark
# measures throughput, so the per-key, per-address and per-recipient limits are lifted; the
# check-ins are off (a seeded history's open requests would all be due at once, and their
# emails would be written while the pages are timed).
start_server() {
  DATABASE_URL="$1" "$BIN" import-directory content/directory/exampleshire.json >/dev/null
  PORTAL_API_KEY=$(DATABASE_URL="$1" "$BIN" api-key create --name "Benchmark $RANDOM$RANDOM" | sed -n 's/^key: //p')
  export PORTAL_API_KEY
  DATABASE_URL="$1" LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT=target/site \
    PORTAL_SECURE_COOKIES=false PORTAL_MAIL_DIR="$WORK/mail" RUST_LOG=warn \
    PORTAL_API_KEY_SUBMISSIONS_PER_MINUTE=100000000 PORTAL_OPEN_API_PER_MINUTE=100000000 \
    PORTAL_ACKNOWLEDGEMENTS_PER_ADDRESS_DAY=100000000 PORTAL_CHECK_IN_WEEKS=0 \
    "$BIN" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -fs "$BASE/readyz" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "the server did not start:" >&2; cat "$WORK/server.log" >&2; exit 1
}
stop_server() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }

# Requests per second wrk reached for a GET (no Accept-Encoding: both sides send the bytes as
# they are; the static side is the server's own ServeDir under /assets).
rps() { wrk -t2 -c32 -d"${SECONDS_EACH}s" "$1" | awk '/Requests\/sec/ {print $2}'; }

submissions() {
  wrk -t2 -c16 -d"${SECONDS_EACH}s" --latency -s scripts/bench/submit_referral.lua "$BASE" \
    | grep -E 'Requests/sec|requests:|p50|Non-2xx'
}

say "Machine"
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(uname -sr)"

start_postgres() {
  [ -n "$PG_STARTED" ] && return 0
  mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
  runuser -u postgres -- "$(pg_bin)/initdb" -D "$WORK/pg/data" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w \
    -o "-p 55499 -k $WORK/pg -c listen_addresses=127.0.0.1" start >/dev/null
  PG_STARTED=1
}
PG_PORT_URL="postgres://postgres@127.0.0.1:55499"
psql_run() { runuser -u postgres -- psql -h 127.0.0.1 -p 55499 -At -c "$1" postgres; }

# 4: one database of `$2` requests at `$1`: seeded, then every back-office view timed, then
# the purge, with submissions made while it runs.
STAFF_PASSWORD="benchmark password $RANDOM$RANDOM"
scale_run() {
  local url="$1" size="$2" years=$(( $2 / 100000 > 3 ? $2 / 100000 : 3 ))
  local started=$(date +%s.%N)
  DATABASE_URL="$url" "$BIN" seed-demo --referrals "$size" --carers $(( size / 20 )) --years "$years" | tail -1
  echo "seeded in $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f s", b-a}') ($years years)"
  # A council's PostgreSQL has autovacuum's statistics and visibility map; a database loaded
  # a moment ago has neither until autovacuum comes round, so they are made now.
  case "$url" in postgres*) runuser -u postgres -- psql -h 127.0.0.1 -p 55499 -q -c "VACUUM ANALYZE" "${url##*/}" ;; esac
  local secret
  secret=$(printf '%s\n' "$STAFF_PASSWORD" | DATABASE_URL="$url" "$BIN" staff create --email bench@example.gov.uk \
    --name "Bench Manager" --role manager | sed -n 's/^TOTP secret: //p')
  start_server "$url"
  node scripts/bench/back_office.mjs "$BASE" bench@example.gov.uk "$STAFF_PASSWORD" "$secret"
  # The purge (everything closed past its time, in batches), while a resident keeps sending.
  ( while true; do
      curl -s -o /dev/null -w '%{time_total}\n' -X POST "$BASE/api/v1/referrals" \
        -H 'content-type: application/json' -H "authorization: Bearer $PORTAL_API_KEY" \
        -H "idempotency-key: purge-$RANDOM$RANDOM$RANDOM" \
        --data '{"for":"self","person":{"given_name":"Amara","family_name":"Okafor","date_of_birth":"1948-03-02","address_line_1":"12 Mill Lane","town":"Exampletown","postcode":"EX1 2AB","phone":"01632 960001","preferred_contact":"phone"},"consent":{"person_agrees":true},"needs":{"summary":"Struggling since a fall"}}'
    done >"$WORK/purge-submissions" ) &
  local writer=$!
  started=$(date +%s.%N)
  DATABASE_URL="$url" PORTAL_RETAIN_CLOSED_REFERRAL_DAYS=365 "$BIN" purge-expired | tail -1
  echo "purge took $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f s", b-a}'); \
$(wc -l <"$WORK/purge-submissions") submissions meanwhile, the slowest $(sort -g "$WORK/purge-submissions" | tail -1) s"
  kill "$writer"; wait "$writer" 2>/dev/null || true
  stop_server
}

if [ "${1:-}" = "scale" ]; then
  say "4. The back office at scale"
  for size in ${BENCH_SQLITE_SIZES-10000 100000}; do
    say "4. SQLite, $size requests"
    scale_run "sqlite://$WORK/scale-$size.db" "$size"
  done
  if [ -n "${BENCH_PG_SIZES-10000 100000 1000000}" ]; then start_postgres; fi
  for size in ${BENCH_PG_SIZES-10000 100000 1000000}; do
    say "4. PostgreSQL, $size requests"
    psql_run "CREATE DATABASE scale_$size" >/dev/null
    scale_run "$PG_PORT_URL/scale_$size" "$size"
  done
  exit 0
fi

start_server "sqlite://$WORK/bench.db"

say "1. Page weight per journey (brotli)"
node scripts/bench/page_weight.mjs "$BASE"

say "2. SSR throughput against a static file of the same bytes (wrk, ${SECONDS_EACH}s, 2 threads, 32 connections)"
mkdir -p target/site/assets/bench
for path in / /check-if-you-can-get-care/who-is-it-for; do
  name=$(echo "$path" | tr '/' '_')
  curl -fs -H 'accept-encoding: identity' "$BASE$path" >"target/site/assets/bench/page$name.html"
  bytes=$(wc -c <"target/site/assets/bench/page$name.html")
  ssr=$(rps "$BASE$path")
  static=$(rps "$BASE/assets/bench/page$name.html")
  echo "$path ($bytes bytes): SSR $ssr req/s, static $static req/s, ratio $(awk -v a="$ssr" -v b="$static" 'BEGIN {printf "%.0f%%", 100*a/b}')"
done

say "3a. Referral submissions on SQLite (wrk, ${SECONDS_EACH}s, 2 threads, 16 connections)"
before=$(python3 -c "import sqlite3; print(sqlite3.connect('$WORK/bench.db').execute('select count(*) from referrals').fetchone()[0])")
submissions | tee "$WORK/sqlite.out"
after=$(python3 -c "import sqlite3; c=sqlite3.connect('$WORK/bench.db'); print(c.execute('select count(*) from referrals').fetchone()[0], c.execute('select count(distinct idempotency_key) from referrals').fetchone()[0])")
echo "referrals stored: $((${after% *} - before)) new rows, $(echo "$after" | cut -d' ' -f2) distinct keys of ${after% *} rows (wrk does not count the requests still in flight when it stops)"
stop_server

say "3b. Referral submissions on PostgreSQL"
start_postgres
PG_URL="$PG_PORT_URL/postgres"
start_server "$PG_URL"
submissions | tee "$WORK/pg.out"
echo "referrals stored: $(psql_run 'select count(*) from referrals') rows, $(psql_run 'select count(distinct idempotency_key) from referrals') distinct keys"
stop_server

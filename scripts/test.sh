#!/usr/bin/env bash
# Runs the whole test suite: the dependency audit (cargo-deny), unit and integration tests
# (the store suite on SQLite and on PostgreSQL, the server killed mid-stream), then the browser
# journeys in Chromium with JavaScript off and on, with axe.
#
#   scripts/test.sh          everything (what CI runs)
#   scripts/test.sh --fast   Rust tests on SQLite only: no site build, no PostgreSQL, no browser
#
# PostgreSQL: uses TEST_DATABASE_URL if set (a server where it may create databases);
# otherwise starts a throwaway cluster from Debian's packages and stops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
started=$(date +%s)

if [ "${1:-}" = "--fast" ]; then
  say "Fast run: Rust tests on SQLite only"
  cargo test --workspace --exclude frontend -- --skip postgres --skip built_site
  exit 0
fi

ensure_rust_tools
ensure_cargo_deny
ensure_node_packages
ensure_chromium
ensure_sqlite3
say "Dependency audit: licences, bans and sources (cargo-deny; deny.toml)"
cargo fetch --locked
cargo deny --offline check licenses bans sources
build_site
say "Building the server"
cargo build -p server

PG_DIR=""
stop_postgres() {
  if [ -n "$PG_DIR" ]; then
    runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
  fi
}
trap stop_postgres EXIT

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  ensure_postgres
  say "Starting a throwaway PostgreSQL"
  PG_DIR=$(mktemp -d /tmp/portal-pg.XXXXXX)
  chown postgres "$PG_DIR"
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  runuser -u postgres -- "$(pg_bin)/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
  runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/postgres"
fi

say "Rust tests: unit, components, store suite (SQLite and PostgreSQL), HTTP journeys"
cargo test --workspace --exclude frontend

say "Fuzzing: each target for 30 s (scripts/fuzz.sh; the long run is scripts/fuzz.sh alone)"
scripts/fuzz.sh 30

say "Browser journeys: Chromium, JavaScript off and on, axe on every page"
PORTAL_SERVER_BIN="$CARGO_OUT/debug/server" npm run --silent e2e

say "All tests passed in $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s"

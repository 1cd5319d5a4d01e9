#!/usr/bin/env bash
# Runs the portal on http://127.0.0.1:3000 with an embedded SQLite database under data/.
# Installs what is missing, builds, migrates (at start-up) and serves. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

ensure_rust_tools
ensure_node_packages
build_site
# The dev profile by default: the test suite builds the same, so a newcomer builds the server
# once, and a cold build takes about 3 minutes here against about 18 for release (PERFORMANCE.md
# section 6); password hashing is optimised in it anyway. PORTAL_RELEASE=1 for the release build.
if [ -n "${PORTAL_RELEASE:-}" ]; then
  say "Building the server (release)"
  cargo build -p server --release
  SERVER="$CARGO_OUT/release/server"
else
  say "Building the server (dev profile; PORTAL_RELEASE=1 for release)"
  cargo build -p server
  SERVER="$CARGO_OUT/debug/server"
fi

mkdir -p data
export DATABASE_URL="${DATABASE_URL:-sqlite://data/portal.db}"
export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
# Plain http on this machine: cookies without Secure/__Host- (production keeps the default, true).
export PORTAL_SECURE_COOKIES="${PORTAL_SECURE_COOKIES:-false}"
# Exampleshire's charging choices for estimates (unset it for the statutory baseline).
export PORTAL_CHARGING_POLICY="${PORTAL_CHARGING_POLICY-content/charging/exampleshire-policy.toml}"
# The demo directory of community services; set PORTAL_DEMO_DIRECTORY= (empty) to keep your own.
demo_directory="${PORTAL_DEMO_DIRECTORY-content/directory/exampleshire.json}"
if [ -n "$demo_directory" ]; then
  say "Importing the demo directory ($demo_directory)"
  "$SERVER" import-directory "$demo_directory"
fi
# A living back office for a newcomer: three years of fictional requests, written once into an
# empty database. PORTAL_DEMO_HISTORY= (empty) for none; never set it for production.
demo_history="${PORTAL_DEMO_HISTORY-3000}"
if [ -n "$demo_history" ]; then
  say "Writing a demo history of $demo_history requests (once, into an empty database)"
  "$SERVER" seed-demo --referrals "$demo_history" --if-empty
fi
say "Serving on http://$LEPTOS_SITE_ADDR (database: $DATABASE_URL)"
exec "$SERVER"

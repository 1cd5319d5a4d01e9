# Shared by scripts/run.sh and scripts/test.sh: say what is happening, and install what is
# missing (idempotently) from the package registries only: crates.io, npm, Debian.
# shellcheck shell=bash

# The wasm-bindgen CLI must equal the `wasm-bindgen` crate pinned in Cargo.toml.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)"

# Where cargo puts what it builds (CARGO_TARGET_DIR lets CI keep it outside the clone).
CARGO_OUT="${CARGO_TARGET_DIR:-target}"

say() { printf '\n==> [%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "Need root to run: $*" >&2; return 1; fi
}

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing from Debian: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}"
}

ensure_rust_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
    say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io (a few minutes, once)"
    # Not --locked: its lock file pins a version the registry no longer has (TOOLCHAIN.md).
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

# cargo-deny checks the dependency tree's licences, bans and sources (deny.toml) offline.
ensure_cargo_deny() {
  if ! command -v cargo-deny >/dev/null; then
    say "Installing cargo-deny from crates.io (a few minutes, once)"
    cargo install cargo-deny --locked
  fi
}

# cargo-fuzz, on the nightly toolchain (libFuzzer's instrumentation needs nightly's flags).
ensure_fuzzing() {
  if ! rustup toolchain list | grep -q '^nightly'; then
    say "Installing the nightly toolchain with rustup (for cargo-fuzz)"
    rustup toolchain install nightly --profile minimal
  fi
  if ! command -v cargo-fuzz >/dev/null; then
    say "Installing cargo-fuzz from crates.io (a few minutes, once)"
    cargo install cargo-fuzz --locked
  fi
}

# The release server and its site for the measuring scripts, in BIN and SITE: built here, or
# the ones PORTAL_SERVER_BIN and PORTAL_SITE_ROOT name (then nothing is built).
release_server() {
  if [ -n "${PORTAL_SERVER_BIN:-}" ]; then
    BIN="$PORTAL_SERVER_BIN"
    SITE="${PORTAL_SITE_ROOT:-target/site}"
  else
    ensure_rust_tools
    ensure_node_packages
    build_site
    say "Building the server (release)"
    cargo build -p server --release
    BIN="$CARGO_OUT/release/server"
    SITE=target/site
  fi
}

ensure_node_packages() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Installing npm packages (GOV.UK Frontend, Sass, Playwright core, axe)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
}

ensure_chromium() { command -v chromium >/dev/null || apt_install chromium; }
# The sqlite3 shell: the outage browser test holds the database's lock with it.
ensure_sqlite3() { command -v sqlite3 >/dev/null || apt_install sqlite3; }

ensure_postgres() {
  [ -x "$(pg_bin)/pg_ctl" ] || apt_install postgresql
}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

# Builds the site the server serves from target/site: CSS, GOV.UK Frontend's script, our
# assets, and the size-optimised wasm of the islands with its JS glue, each precompressed.
build_site() {
  local site=target/site
  mkdir -p "$site/pkg" "$site/assets"
  say "Compiling the stylesheet (GOV.UK Frontend + council brand)"
  node_modules/.bin/sass --load-path=node_modules --style=compressed --no-source-map \
    style/main.scss "$site/pkg/portal.css"
  cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$site/assets/"
  cp public/* "$site/assets/"
  say "Building the browser bundle (wasm, size-optimised profile)"
  cargo build -p frontend --lib --target wasm32-unknown-unknown --profile wasm-release
  # The name section only helps debuggers; it would be half the download.
  wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "$site/pkg" --out-name portal \
    "$CARGO_OUT/wasm32-unknown-unknown/wasm-release/frontend.wasm"
  say "Precompressing (brotli, gzip)"
  node scripts/precompress.mjs "$site"
}

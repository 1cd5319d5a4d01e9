#!/usr/bin/env bash
# Security scans of a running release server (findings to read, not a test: nothing here fails
# the build on a finding). Two tools, each against its own fresh SQLite database so that one's
# rate-limit counters and lockouts do not spoil the other's:
#   1. Wapiti (PyPI `wapiti3`) crawls the whole site from / and the first page of every journey,
#      then runs its modules for HTTP security headers, the Content Security Policy, cookie
#      flags, reflected and stored XSS, SQL injection (error/boolean-based and time-based) and
#      forms without CSRF tokens;
#   2. Schemathesis (PyPI) generates requests from GET /api/v1/openapi.json and checks every
#      response: no 5xx, a documented status, a documented content type, the documented schema.
# Both are installed into virtualenvs under $CARGO_TARGET_DIR/scan-venv (two, because their
# pins of httpx conflict); reports go to $CARGO_TARGET_DIR/scan/.
#
# About 10 minutes after the release build on 2 cores: Wapiti's crawl and its quick modules
# take 2 minutes, then the time-based SQL injection module is cut off at half of SCAN_MINUTES
# (default 16; the whole scan at SCAN_MINUTES). At the default it does not finish: the staff
# sign-in form answers in about a second (argon2id on every attempt, by design) and gets 219
# payloads per field, so /api/staff/sign-in is half done and /api/track/lookup not reached.
# SCAN_MINUTES=30 lets it finish (about 20 minutes). Schemathesis takes under a minute at
# SCAN_EXAMPLES (default 100) per operation.
#
#   scripts/scan.sh
#   SCAN_MINUTES=30 SCAN_EXAMPLES=200 scripts/scan.sh
#   PORTAL_SERVER_BIN=/path/to/server PORTAL_SITE_ROOT=/path/to/site scripts/scan.sh   (no build)
#
# Other settings: SCAN_TOOLS ("wapiti schemathesis", or either), SCAN_PORT (3200),
# SCAN_WAPITI_MODULES, SCAN_CHECKS (Schemathesis checks), SCAN_SEED (Schemathesis' random seed,
# fixed by default so that runs compare).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

WAPITI_VERSION=3.2.3
SCHEMATHESIS_VERSION=4.32.5
PORT="${SCAN_PORT:-3200}"
BASE="http://127.0.0.1:$PORT"
MINUTES="${SCAN_MINUTES:-16}"
EXAMPLES="${SCAN_EXAMPLES:-100}"
MODULES="${SCAN_WAPITI_MODULES:-http_headers,csp,cookieflags,xss,permanentxss,sql,timesql,csrf}"
CHECKS="${SCAN_CHECKS:-not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance}"
SEED="${SCAN_SEED:-20261}"
TOOLS="${SCAN_TOOLS:-wapiti schemathesis}"
JOURNEYS=(/ /information-and-advice /find-local-services "/search?q=carer" /check-if-you-can-get-care
  /estimate-what-you-might-pay /request-an-assessment /report-a-concern /register-as-a-carer
  /track-a-request /feedback /staff/sign-in)
VENV="$CARGO_OUT/scan-venv"
OUT="$CARGO_OUT/scan"

# A virtualenv per tool, made once, with the pinned version (PyPI only).
ensure_venv() {
  local name=$1 package=$2 version=$3; shift 3
  local dir="$VENV/$name"
  local have
  have=$("$dir/bin/pip" show "$package" 2>/dev/null | sed -n 's/^Version: //p' || true)
  if [ "$have" != "$version" ]; then
    say "Installing $package $version from PyPI into $dir (a minute, once)"
    python3 -m venv "$dir" 2>/dev/null || { apt_install python3-venv; python3 -m venv "$dir"; }
    "$dir/bin/pip" install -q --disable-pip-version-check "$@" "$package==$version"
  fi
}

command -v python3 >/dev/null || apt_install python3
ensure_venv wapiti wapiti3 "$WAPITI_VERSION" greenlet
ensure_venv schemathesis schemathesis "$SCHEMATHESIS_VERSION"

release_server  # sets BIN and SITE

WORK=$(mktemp -d /tmp/portal-scan.XXXXXX)
mkdir -p "$OUT"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Starts the release server on $PORT over a new SQLite database, and waits until it is ready.
# With an integration secret (unknown to the scanners), as in production: without one the
# signed-update endpoint answers every call 503. Logged at info: one line per response.
start_server() {
  local db="sqlite://$WORK/$1.db"
  DATABASE_URL="$db" "$BIN" import-directory content/directory/exampleshire.json >/dev/null
  # A partner key, so the scanners reach past the partner endpoints' 401; the limits on
  # abuse are lifted (they would answer most of a scan with 429).
  API_KEY=$(DATABASE_URL="$db" "$BIN" api-key create --name "Scan $1" | sed -n 's/^key: //p')
  DATABASE_URL="$db" LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT="$SITE" \
    PORTAL_SECURE_COOKIES=false PORTAL_MAIL_DIR="$WORK/mail" RUST_LOG=info NO_COLOR=1 \
    PORTAL_INTEGRATION_SECRET="scan-only-$RANDOM$RANDOM" \
    PORTAL_API_KEY_SUBMISSIONS_PER_MINUTE=100000000 PORTAL_OPEN_API_PER_MINUTE=100000000 \
    PORTAL_WEB_SUBMISSIONS_PER_CLIENT_HOUR=100000000 PORTAL_ACKNOWLEDGEMENTS_PER_ADDRESS_DAY=100000000 \
    "$BIN" >"$OUT/server-$1.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do
    curl -fs "$BASE/readyz" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "the server did not start:" >&2; cat "$OUT/server-$1.log" >&2; exit 1
}
stop_server() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }

# What the server answered while a tool ran (statuses, from its log: no personal data), and
# what the rate limits and lockouts recorded (the audit log of the tool's own database).
server_side() {
  local name=$1
  python3 - "$OUT/server-$name.log" "$WORK/$name.db" "$OUT/server-$name.db" <<'PY'
import collections, re, sqlite3, sys
line = re.compile(r"method=(\S+) path=(\S+?)\}.*response status=(\d+)")
ansi = re.compile(r"\x1b\[[0-9;]*m")
by_status, odd = collections.Counter(), collections.Counter()
for text in open(sys.argv[1], errors="replace"):
    m = line.search(ansi.sub("", text))
    if m:
        method, path, status = m.groups()
        by_status[status] += 1
        if status[0] in "45" and status != "404":
            odd[(status, method, path)] += 1
print("server: responses by status:", dict(sorted(by_status.items())))
for (status, method, path), n in odd.most_common(25):
    print(f"  {status} x{n}: {method} {path}")
db = sqlite3.connect(sys.argv[2])
with sqlite3.connect(sys.argv[3]) as kept:  # a copy to look into afterwards (WAL included)
    db.backup(kept)
rows = lambda sql: db.execute(sql).fetchall()
print("rows written:", ", ".join(f"{t} {rows(f'select count(*) from {t}')[0][0]}"
      for t in ("referrals", "carers", "feedback", "lookup_failures")))
print("audit (action, detail):", ", ".join(f"{a} {d or '-'} x{n}" for a, d, n in
      rows("select action, detail, count(*) from audit_log group by 1, 2 order by 3 desc")))
PY
}

say "Versions"
"$VENV/wapiti/bin/python" -c 'import importlib.metadata as m; print("wapiti3", m.version("wapiti3"))'
"$VENV/schemathesis/bin/schemathesis" --version

# ---------------------------------------------------------------------------------------------
if [[ " $TOOLS " == *" wapiti "* ]]; then
say "1. Wapiti $WAPITI_VERSION: $MODULES (at most $MINUTES minutes)"
start_server wapiti
rm -f "$OUT/wapiti.json" "$OUT/wapiti.log" "$OUT/wapiti.out"
starts=()
for path in "${JOURNEYS[@]}"; do starts+=(-s "$BASE$path"); done
# --scope folder from / is the whole site. --no-bugreport: nothing is sent to the Wapiti team.
# Sessions and the Wappalyzer cache stay in $WORK, not ~/.wapiti.
"$VENV/wapiti/bin/wapiti" -u "$BASE/" --scope folder "${starts[@]}" \
  -m "$MODULES" --max-scan-time "$((MINUTES * 60))" --max-attack-time "$((MINUTES * 60 / 2))" \
  --flush-session --store-session "$WORK/wapiti-session" --store-config "$WORK/wapiti-config" \
  -f json -o "$OUT/wapiti.json" -dr 2 --no-bugreport -v 1 --log "$OUT/wapiti.log" \
  >"$OUT/wapiti.out" 2>&1 || echo "wapiti exited with $? (see $OUT/wapiti.out)"
tail -n 5 "$OUT/wapiti.out"
[ -f "$OUT/wapiti.json" ] && "$VENV/wapiti/bin/python" - "$OUT/wapiti.json" <<'PY'
import collections, json, sys
report = json.load(open(sys.argv[1]))
info = report.get("infos", {})
print(f"crawled {info.get('crawled_pages_nbr', '?')} resources; scope {info.get('scope')}")
for section in ("vulnerabilities", "anomalies", "additionals"):
    found = {name: items for name, items in report.get(section, {}).items() if items}
    print(f"\n{section}: {sum(len(v) for v in found.values())}")
    for name, items in found.items():
        print(f"  {name}: {len(items)}")
        seen = collections.Counter(
            (i.get("method", ""), i.get("path", ""), i.get("parameter") or "", i.get("module"),
             i.get("level"), (i.get("info") or "").replace("\n", " "))
            for i in items)
        for (method, path, param, module, level, text), n in seen.items():
            param = f" [{param}]" if param else ""
            times = f" (x{n})" if n > 1 else ""
            print(f"    - {method} {path}{param}{times} [{module}, level {level}]: {text}")
PY
echo "full report: $OUT/wapiti.json (with requests and responses), log: $OUT/wapiti.log"
server_side wapiti
stop_server
fi

# ---------------------------------------------------------------------------------------------
if [[ " $TOOLS " == *" schemathesis "* ]]; then
say "2. Schemathesis $SCHEMATHESIS_VERSION: $CHECKS ($EXAMPLES examples per operation, seed $SEED)"
start_server schemathesis
rm -rf "$OUT/schemathesis" "$OUT/.schemathesis" "$OUT/schemathesis.out"
# From $OUT: it keeps what `st replay <id>` needs in .schemathesis/ of the current directory
# (and Hypothesis its own .hypothesis/). --continue-on-failure: one failure does not end the
# tests of that operation (without it, one undocumented status stops an operation's fuzzing).
st="$(cd "$VENV/schemathesis/bin" && pwd)/schemathesis"
(cd "$OUT" && "$st" run "$BASE/api/v1/openapi.json" --url "$BASE" --header "Authorization: Bearer $API_KEY" \
  --checks "$CHECKS" --max-examples "$EXAMPLES" --seed "$SEED" --workers 2 --continue-on-failure \
  --generation-database none --no-color --request-timeout 30 \
  --report junit,ndjson --report-dir schemathesis \
  >schemathesis.out 2>&1) || echo "schemathesis exited with $? (failures, see below)"
# Its own summary: failures grouped per operation, each with the curl that reproduces it.
sed -n '/^=* *FAILURES/,$p' "$OUT/schemathesis.out"
grep -q FAILURES "$OUT/schemathesis.out" || tail -n 30 "$OUT/schemathesis.out"
echo "reports: $OUT/schemathesis/ (JUnit, NDJSON), output: $OUT/schemathesis.out; replay a failure with: cd $OUT && $st replay <id>"
server_side schemathesis
stop_server
fi

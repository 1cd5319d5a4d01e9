#!/usr/bin/env bash
# Lighthouse (npm) on the first page of every journey, against a release server on a fresh
# SQLite database, in Debian's Chromium (headless). Measurements, not a test: nothing here
# fails on a score. Categories: performance, accessibility, best practices; Lighthouse's
# defaults otherwise (a mobile device, simulated slow 4G and a 4x slower CPU).
# Prints a table (scores, first contentful paint, largest contentful paint, total blocking
# time, layout shift) and, for every score under 100, the audits that failed and what they
# say. The reports (HTML and JSON) are kept in $CARGO_TARGET_DIR/lighthouse/reports/.
#
# Lighthouse is installed into $CARGO_TARGET_DIR/lighthouse (not package.json: it is a
# measuring tool, and 13.x would need a newer Node than Debian's).
#
# About 15 seconds a page, 3-4 minutes in all, after the release build. The performance
# numbers move with whatever else the machine is doing; run it on a quiet machine.
#
#   scripts/lighthouse.sh
#   PORTAL_SERVER_BIN=/path/to/server PORTAL_SITE_ROOT=/path/to/site scripts/lighthouse.sh   (no build)
#   LIGHTHOUSE_PAGES="/ /feedback" scripts/lighthouse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

# The last release that runs on Node 20 (13.x needs Node 22.19 or later).
LIGHTHOUSE_VERSION=12.8.2
PORT="${LIGHTHOUSE_PORT:-3300}"
BASE="http://127.0.0.1:$PORT"
read -r -a PAGES <<<"${LIGHTHOUSE_PAGES:-/ /information-and-advice /find-local-services /search?q=carer /check-if-you-can-get-care /estimate-what-you-might-pay /request-an-assessment /report-a-concern /register-as-a-carer /track-a-request /feedback /staff/sign-in}"
LH_DIR="$CARGO_OUT/lighthouse"
REPORTS="$LH_DIR/reports"

ensure_chromium
command -v npm >/dev/null || apt_install nodejs npm
installed=$(node -p "require(require('path').resolve('$LH_DIR/node_modules/lighthouse/package.json')).version" 2>/dev/null || true)
if [ "$installed" != "$LIGHTHOUSE_VERSION" ]; then
  say "Installing Lighthouse $LIGHTHOUSE_VERSION from npm into $LH_DIR (once)"
  mkdir -p "$LH_DIR"
  npm install --prefix "$LH_DIR" --no-save --no-audit --no-fund "lighthouse@$LIGHTHOUSE_VERSION"
fi

release_server  # sets BIN and SITE

WORK=$(mktemp -d /tmp/portal-lighthouse.XXXXXX)
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

say "Starting the server on $BASE"
DATABASE_URL="sqlite://$WORK/portal.db" "$BIN" import-directory content/directory/exampleshire.json >/dev/null
DATABASE_URL="sqlite://$WORK/portal.db" LEPTOS_SITE_ADDR="127.0.0.1:$PORT" LEPTOS_SITE_ROOT="$SITE" \
  PORTAL_SECURE_COOKIES=false PORTAL_MAIL_DIR="$WORK/mail" RUST_LOG=warn \
  "$BIN" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -fs "$BASE/readyz" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$BASE/readyz" >/dev/null || { echo "the server did not start:" >&2; cat "$WORK/server.log" >&2; exit 1; }

say "Lighthouse $LIGHTHOUSE_VERSION, $(chromium --version 2>/dev/null | head -n 1), mobile, simulated throttling"
rm -rf "$REPORTS" && mkdir -p "$REPORTS"
export CHROME_PATH
CHROME_PATH=$(command -v chromium)
for page in "${PAGES[@]}"; do
  name=$(echo "$page" | sed 's/[^A-Za-z0-9]\+/_/g; s/^_//; s/_$//'); name=${name:-home}
  echo "$page"
  # --no-sandbox: Chromium's sandbox needs user namespaces, which containers often lack.
  "$LH_DIR/node_modules/.bin/lighthouse" "$BASE$page" --quiet \
    --only-categories=performance,accessibility,best-practices \
    --chrome-flags="--headless=new --no-sandbox" \
    --output=json --output=html --output-path="$REPORTS/$name" ||
    echo "  lighthouse failed on $page" >&2
done

say "Results (Lighthouse's scores out of 100; times in milliseconds)"
node --input-type=module - "$REPORTS" "${PAGES[@]}" <<'JS'
import { readFileSync, existsSync } from "node:fs";
const [dir, ...pages] = process.argv.slice(2);
const name = (p) => p.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_|_$/g, "") || "home";
const reports = pages
  .map((page) => [page, `${dir}/${name(page)}.report.json`])
  .filter(([page, file]) => existsSync(file) || console.log(`${page}: no report`))
  .map(([page, file]) => [page, JSON.parse(readFileSync(file, "utf8"))]);
const score = (s) => (s == null ? "n/a" : Math.round(s * 100));
const ms = (r, id) => Math.round(r.audits[id]?.numericValue ?? NaN);
const categories = ["performance", "accessibility", "best-practices"];

console.log("| page | performance | accessibility | best practices | FCP | LCP | TBT | CLS |");
console.log("|---|---|---|---|---|---|---|---|");
for (const [page, r] of reports) {
  const cls = r.audits["cumulative-layout-shift"]?.numericValue;
  console.log(`| ${page} | ${categories.map((c) => score(r.categories[c]?.score)).join(" | ")} | ` +
    `${ms(r, "first-contentful-paint")} | ${ms(r, "largest-contentful-paint")} | ` +
    `${ms(r, "total-blocking-time")} | ${cls == null ? "n/a" : cls.toFixed(3)} |`);
  if (r.runtimeError) console.log(`|   runtime error: ${r.runtimeError.message} |`);
}

// What each item of an audit's details is about: an element, a URL (with its bytes), a chain.
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
const chain = (tree) => {
  const longest = (nodes) => Object.values(nodes ?? {}).find((n) => n.isLongest) ?? Object.values(nodes ?? {})[0];
  const steps = [];
  for (let n = longest(tree); n; n = longest(n.children)) steps.push(`${new URL(n.url).pathname} (${Math.round(n.navStartToEndTime)} ms)`);
  return steps.join(" > ");
};
const describe = (item) => {
  if (item.value?.type === "network-tree") return `longest chain: ${chain(item.value.chains)}`;
  if (item.type === "list-section") return item.value?.value ? `${item.title}: ${item.value.value}` : null;
  const node = item.node ?? (item.snippet ? item : undefined);
  if (node?.snippet) return `${node.selector ?? ""} ${node.snippet}`.trim().slice(0, 200);
  const url = item.url ?? item.source?.url;
  if (url) {
    const extra = [
      item.cacheLifetimeMs !== undefined && `cache TTL ${item.cacheLifetimeMs} ms`,
      item.totalBytes && `${kib(item.totalBytes)}`,
      item.wastedBytes && `${kib(item.wastedBytes)} to save`,
      item.wastedMs && `${Math.round(item.wastedMs)} ms`,
    ].filter(Boolean).join(", ");
    return `${url.replace(/^https?:\/\/[^/]+/, "")}${extra ? ` (${extra})` : ""}`;
  }
  const text = item.description ?? item.label ?? item.value;
  return typeof text === "string" ? text.slice(0, 200) : JSON.stringify(item).slice(0, 200);
};

// Every failing audit, said once: the pages it failed on (score, value), and what it found on
// the first of them (it is mostly the same files on every page).
const counted = ["binary", "numeric", "metricSavings"];
const failures = new Map();
for (const [page, r] of reports) {
  for (const c of categories) {
    const cat = r.categories[c];
    if (!cat || cat.score === 1) continue;
    for (const ref of cat.auditRefs) {
      const a = r.audits[ref.id];
      if (!a || a.score == null || !counted.includes(a.scoreDisplayMode)) continue;
      if (a.score >= (ref.weight > 0 ? 1 : 0.9)) continue;
      const key = `${cat.title}: ${a.id} (${ref.weight > 0 ? `weight ${ref.weight}` : "unweighted"}): ${a.title}`;
      if (!failures.has(key)) failures.set(key, { on: [], items: (a.details?.items ?? []).map(describe).filter(Boolean) });
      failures.get(key).on.push(`${page} ${score(a.score)}${a.displayValue ? ` (${a.displayValue})` : ""}`);
    }
  }
}
console.log("\nFailing audits in the categories under 100 (weighted ones lowered the score; " +
  "unweighted ones are Lighthouse's opportunities and diagnostics, scored under 90)");
if (failures.size === 0) console.log("  none");
for (const [key, { on, items }] of failures) {
  console.log(`  - ${key}\n      on ${on.length === reports.length ? "every page" : `${on.length} of ${reports.length} pages`}: ${on.join("; ")}`);
  for (const item of items.slice(0, 8)) console.log(`        ${item}`);
  if (items.length > 8) console.log(`        ... and ${items.length - 8} more`);
}
JS
echo
echo "reports: $REPORTS/ (NAME.report.html to read in a browser, NAME.report.json)"

// The browser test harness: a freshly built server on a free port with a fresh SQLite
// database, Debian's Chromium driven by playwright-core (no browser download), and axe
// (WCAG 2.0/2.1/2.2 A and AA) on every page and error state, JavaScript off or on.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import assert from 'node:assert/strict'
import { chromium } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * Starts the server binary on a fresh database and resolves once it is listening;
 * `directory: true` imports the demo directory first, `history: N` writes N past requests
 * (`seed-demo`), `env` adds configuration.
 */
export async function startServer ({ directory = false, history = 0, env = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'portal-e2e-'))
  const bin = process.env.PORTAL_SERVER_BIN || 'target/debug/server'
  if (history) {
    // A past the waits can be worked out from (server seed-demo: fictional, sends nothing).
    const seeded = spawnSync(bin, ['seed-demo', '--referrals', String(history), '--carers', '0'], {
      env: { ...process.env, DATABASE_URL: `sqlite://${dir}/e2e.db`, NO_COLOR: '1' },
      encoding: 'utf8'
    })
    assert.equal(seeded.status, 0, `seed-demo failed:\n${seeded.stderr}`)
  }
  if (directory) {
    const imported = spawnSync(bin, ['import-directory', 'content/directory/exampleshire.json'], {
      env: { ...process.env, DATABASE_URL: `sqlite://${dir}/e2e.db`, NO_COLOR: '1' },
      encoding: 'utf8'
    })
    assert.equal(imported.status, 0, `import-directory failed:\n${imported.stderr}`)
  }
  const child = spawn(bin, [], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite://${dir}/e2e.db`,
      LEPTOS_SITE_ADDR: '127.0.0.1:0',
      LEPTOS_SITE_ROOT: 'target/site',
      PORTAL_SECURE_COOKIES: 'false',
      PORTAL_MAIL_DIR: join(dir, 'mail'),
      RUST_LOG: 'warn,server=info',
      NO_COLOR: '1',
      ...env
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000)
    const onData = (chunk) => {
      output += chunk
      // eslint-disable-next-line no-control-regex
      const match = output.replace(/\x1b\[[0-9;]*m/g, '').match(/listening on (http:\/\/[0-9.:]+)/)
      if (match) { clearTimeout(timer); resolve(match[1]) }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited (${code}):\n${output}`)) })
  })
  // A partner API key, made as an administrator would, for specs that post to the JSON API.
  const made = spawnSync(bin, ['api-key', 'create', '--name', 'E2E partner'], {
    env: { ...process.env, DATABASE_URL: `sqlite://${dir}/e2e.db`, NO_COLOR: '1' },
    encoding: 'utf8'
  })
  assert.equal(made.status, 0, `api-key create failed:\n${made.stderr}`)
  const apiKey = made.stdout.match(/^key: (\S+)$/m)[1]
  return {
    base,
    apiKey,
    databaseUrl: `sqlite://${dir}/e2e.db`,
    mailDir: join(dir, 'mail'),
    /** Runs one of the server binary's admin commands on this server's database (`input`: its stdin). */
    admin (args, { input } = {}) {
      const result = spawnSync(bin, args, {
        env: { ...process.env, DATABASE_URL: `sqlite://${dir}/e2e.db`, PORTAL_MAIL_DIR: join(dir, 'mail'), NO_COLOR: '1' },
        encoding: 'utf8',
        input
      })
      assert.equal(result.status, 0, `server ${args.join(' ')} failed:\n${result.stderr}`)
      return result.stdout
    },
    async stop () {
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export async function launchBrowser () {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
}

/** A fresh browser context (cookies and all) with JavaScript on or off. */
export async function newPage (browser, { js }) {
  const context = await browser.newContext({ javaScriptEnabled: js })
  const page = await context.newPage()
  page.on('pageerror', (error) => { throw new Error(`page error: ${error.message}`) })
  return page
}

/** With JavaScript on, waits until the page's island (if it has one) is running. */
export async function waitForEnhancement (page, js) {
  if (!js) return
  await page.locator('form[data-enhanced="true"]').waitFor({ timeout: 15_000 })
}

/**
 * One JavaScript-enabled page per browser, reused for every JavaScript-off audit (a context a
 * page costs more than the audit): it is shown the captured HTML at the page's own address,
 * its script files refused, and everything else (styles, fonts, images) fetched as a browser
 * would, without passing through the test.
 */
const auditPages = new WeakMap()
async function auditPageFor (browser) {
  let entry = auditPages.get(browser)
  if (!entry) {
    const context = await browser.newContext()
    entry = { target: await context.newPage(), shown: null }
    const shown = entry
    await entry.target.route((url) => shown.shown !== null && url.href === shown.shown.url, (route) => {
      if (route.request().resourceType() !== 'document') return route.continue()
      shown.shown.served = true
      return route.fulfill({ body: shown.shown.html, contentType: 'text/html' })
    })
    await entry.target.route((url) => /\.(m?js|wasm)$/.test(url.pathname), (route) => route.abort())
    auditPages.set(browser, entry)
  }
  return entry
}

/**
 * Runs axe on what the page shows now and fails on any violation. axe needs JavaScript, so
 * for a JavaScript-off page the same HTML is audited in a JS-enabled page whose own scripts
 * are blocked (so it is exactly what a no-JS browser shows).
 */
export async function audit (page, js, label) {
  let target = page
  if (!js) {
    const entry = await auditPageFor(page.context().browser())
    const url = new URL(page.url())
    url.hash = '' // a request never carries the fragment
    entry.shown = { url: url.href, html: await page.content(), served: false }
    target = entry.target
    await target.goto(url.href)
    assert.ok(entry.shown.served, `the audit was shown the page's own HTML (${url.href})`)
  }
  const results = await new AxeBuilder({ page: target }).withTags(AXE_TAGS).analyze()
  const problems = results.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`)
  assert.deepEqual(problems, [], `axe found problems on ${label || page.url()} (JavaScript ${js ? 'on' : 'off'})`)
}

/**
 * Posts a question page as it is and expects its error summary; with JavaScript, checked in
 * the browser without a round trip, and the summary takes focus. `inBrowser: false` is for
 * pages whose rules stay on the server: with JavaScript the post makes a round trip, and the
 * summary still takes focus when the page loads.
 */
export async function expectError (page, js, message, label, button = 'Continue', { inBrowser = true } = {}) {
  if (js) await page.evaluate(() => { window.stillHere = true })
  await page.getByRole('button', { name: button }).click()
  if (js && !inBrowser) await page.waitForFunction(() => window.stillHere !== true)
  const summary = page.getByRole('alert')
  await summary.waitFor()
  assert.match(await summary.textContent(), message)
  assert.match(await page.title(), /^Error: /)
  if (js) {
    if (inBrowser) assert.equal(await page.evaluate(() => window.stillHere), true, 'checked in the browser, no round trip')
    else await waitForEnhancement(page, js)
    await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'))
  }
  await audit(page, js, label)
}

/**
 * Posts a question page and expects to arrive at `path`, enhanced (unless it is a check
 * answers page, which is plain server HTML) and clean.
 */
export async function continueTo (page, js, path) {
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.waitForURL(`**${path}`)
  if (!path.endsWith('/check-answers')) await waitForEnhancement(page, js)
  await audit(page, js)
}

/** Every spec runs twice: JavaScript off, then on. */
export const MODES = [{ js: false, name: 'JavaScript off' }, { js: true, name: 'JavaScript on' }]

/** The emails the server has written so far (file names in its mail directory). */
export function emailsSoFar (server) {
  return new Set(existsSync(server.mailDir) ? readdirSync(server.mailDir) : [])
}

/** Waits (up to 15 s) for a new email, not in `seen`, whose text matches `pattern`; its text. */
export async function waitForNewEmail (server, seen, pattern) {
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    for (const file of emailsSoFar(server)) {
      if (seen.has(file)) continue
      const text = readFileSync(join(server.mailDir, file), 'utf8')
      if (pattern.test(text)) return text
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`no new email matching ${pattern}`)
}

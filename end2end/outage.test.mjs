// The database out of reach (another process holds SQLite's write lock), in Chromium with
// JavaScript off and on: a question page's post and "Send feedback" each answer "Sorry, there
// is a problem with the service" with the answers shown back, axe-clean; once the lock is
// released, "Try again" carries on without a restart and nothing was lost.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { startServer, launchBrowser, newPage, audit, waitForEnhancement, MODES } from './harness.mjs'

let server, browser
before(async () => { server = await startServer(); browser = await launchBrowser() })
after(async () => { await browser?.close(); await server?.stop() })

const path = (page) => new URL(page.url()).pathname

/** Takes SQLite's write lock from another process (the sqlite3 shell); resolves with a release. */
async function lockTheDatabase () {
  const file = server.databaseUrl.replace('sqlite://', '')
  const shell = spawn('sqlite3', [file], { stdio: ['pipe', 'pipe', 'inherit'] })
  let output = ''
  await new Promise((resolve, reject) => {
    shell.stdout.on('data', (chunk) => { output += chunk; if (output.includes('locked')) resolve() })
    shell.on('exit', (code) => reject(new Error(`sqlite3 exited (${code})`)))
    shell.stdin.write("BEGIN EXCLUSIVE;\nSELECT 'locked';\n")
  })
  return async () => {
    shell.removeAllListeners('exit')
    shell.stdin.end('ROLLBACK;\n.quit\n')
    await new Promise((resolve) => shell.once('exit', resolve))
  }
}

async function expectServiceProblem (page, js, label) {
  assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), 'Sorry, there is a problem with the service')
  assert.match(await page.locator('main').textContent(), /has not been saved/)
  await audit(page, js, label)
}

for (const { js, name } of MODES) {
  test(`the database locked: answers shown back, then Try again (${name})`, async () => {
    const page = await newPage(browser, { js })

    // A question page.
    await page.goto(server.base + '/request-an-assessment/who-is-it-for')
    await waitForEnhancement(page, js)
    await page.getByLabel('Someone else').check()
    let release = await lockTheDatabase()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('button', { name: 'Try again' }).waitFor({ timeout: 30_000 })
    await expectServiceProblem(page, js, 'a question page that could not be saved')
    assert.match(await page.locator('.govuk-summary-list').textContent(), /Someone else/)
    await release()
    await page.getByRole('button', { name: 'Try again' }).click()
    await page.waitForURL('**/request-an-assessment/about-you')

    // Sending.
    await page.goto(server.base + '/feedback')
    await waitForEnhancement(page, js)
    await page.getByLabel('Satisfied', { exact: true }).check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL('**/feedback/what-could-be-better')
    await waitForEnhancement(page, js)
    await page.getByLabel('What could we do better? (optional)').fill('Say when it is <b>down</b>')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL('**/feedback/check-answers')
    release = await lockTheDatabase()
    await page.getByRole('button', { name: 'Send feedback' }).click()
    await page.getByRole('button', { name: 'Try again' }).waitFor({ timeout: 30_000 })
    await expectServiceProblem(page, js, 'feedback that could not be sent')
    assert.match(await page.locator('.govuk-summary-list').textContent(), /Say when it is <b>down<\/b>/)
    assert.equal(path(page), '/api/feedback/send')
    await release()
    await page.getByRole('button', { name: 'Try again' }).click()
    await page.waitForURL('**/feedback/confirmation')
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), 'Feedback sent')
    await page.context().close()
  })
}

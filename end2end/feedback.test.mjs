// "Give feedback on this service", end to end in Chromium, JavaScript off and on: errors,
// answers kept, change links, sending once, and axe on every page and error state.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, newPage, audit, waitForEnhancement, MODES } from './harness.mjs'

let server, browser
before(async () => { server = await startServer(); browser = await launchBrowser() })
after(async () => { await browser?.close(); await server?.stop() })

const path = (page) => new URL(page.url()).pathname

for (const { js, name } of MODES) {
  test(`give feedback (${name})`, async () => {
    const page = await newPage(browser, { js })
    await page.goto(server.base + '/')
    await page.getByRole('link', { name: 'feedback', exact: true }).click()

    // Question 1 with no answer: the error summary.
    assert.equal(path(page), '/feedback')
    await waitForEnhancement(page, js)
    await audit(page, js)
    if (js) await page.evaluate(() => { window.stillHere = true })
    await page.getByRole('button', { name: 'Continue' }).click()
    const summary = page.getByRole('alert')
    await summary.waitFor()
    assert.match(await summary.textContent(), /Select how satisfied you were with this service/)
    assert.match(await page.title(), /^Error: How satisfied were you/)
    if (js) {
      assert.equal(await page.evaluate(() => window.stillHere), true, 'checked in the browser, no round trip')
      await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'))
    }
    await audit(page, js, 'question 1 with an error')
    await page.getByRole('link', { name: 'Select how satisfied you were with this service' }).click()
    await page.getByLabel('Satisfied', { exact: true }).check()
    await page.getByRole('button', { name: 'Continue' }).click()

    // Question 2: too long, kept and explained; then a good answer.
    await page.waitForURL('**/feedback/what-could-be-better')
    await waitForEnhancement(page, js)
    await audit(page, js)
    const box = page.getByLabel('What could we do better? (optional)')
    await box.fill('a'.repeat(1201))
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByRole('alert').waitFor()
    assert.equal((await box.inputValue()).length, 1201, 'what was typed is not lost')
    await audit(page, js, 'question 2 with an error')
    await box.fill('Bigger text on the buttons')
    await page.getByRole('button', { name: 'Continue' }).click()

    // Check answers; back button and refresh keep the answers.
    await page.waitForURL('**/feedback/check-answers')
    await audit(page, js)
    await page.goBack()
    await page.reload()
    assert.equal(await page.getByLabel('What could we do better? (optional)').inputValue(), 'Bigger text on the buttons')
    await page.goto(server.base + '/feedback/check-answers')

    // Change question 1 and come back to check answers.
    await page.getByRole('link', { name: 'Change how satisfied you were' }).click()
    await waitForEnhancement(page, js)
    assert.equal(await page.getByLabel('Satisfied', { exact: true }).isChecked(), true)
    await page.getByLabel('Very satisfied').check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL('**/feedback/check-answers')
    assert.match(await page.locator('dl').textContent(), /Very satisfied/)
    assert.match(await page.locator('dl').textContent(), /Bigger text on the buttons/)

    // Send, once.
    await page.getByRole('button', { name: 'Send feedback' }).click()
    await page.waitForURL('**/feedback/confirmation')
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), 'Feedback sent')
    await audit(page, js)
    await page.context().close()
  })
}

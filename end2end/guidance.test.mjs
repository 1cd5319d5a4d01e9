// "Information and advice", in Chromium with JavaScript off and on: from the home page to a
// topic and a page, its review date and related content, a safeguarding page with "Exit this
// page", and axe on each.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, newPage, audit, MODES } from './harness.mjs'

let server, browser
before(async () => { server = await startServer(); browser = await launchBrowser() })
after(async () => { await browser?.close(); await server?.stop() })

for (const { js, name } of MODES) {
  test(`read a topic and its pages (${name})`, async () => {
    const page = await newPage(browser, { js })
    await page.goto(server.base + '/')
    await page.getByRole('link', { name: 'Information and advice' }).click()
    await page.waitForURL('**/information-and-advice')
    await audit(page, js)

    await page.getByRole('main').getByRole('link', { name: 'Support for carers', exact: true }).first().click()
    await page.waitForURL(/\/information-and-advice\/(topics\/carers|support-for-carers)$/)
    if (page.url().includes('/topics/')) {
      await audit(page, js)
      await page.getByRole('main').getByRole('link', { name: 'Support for carers', exact: true }).click()
      await page.waitForURL('**/information-and-advice/support-for-carers')
    }
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), 'Support for carers')
    assert.match(await page.locator('.app-reviewed').textContent(), /^Last reviewed on \d{1,2} \w+ 20\d\d by the /)
    await audit(page, js)

    // Related content leads on.
    const related = page.locator('.app-related a').first()
    const title = (await related.textContent()).trim()
    await related.click()
    await page.waitForURL(/\/information-and-advice\//)
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), title)
    await audit(page, js)

    // Safeguarding guidance: 999 first, and a way out.
    await page.goto(server.base + '/information-and-advice/keeping-safe')
    assert.match(await page.locator('.govuk-warning-text').textContent(), /call 999/)
    assert.equal(await page.getByRole('button', { name: /Exit this page/ }).count(), 1)
    await audit(page, js)
    await page.context().close()
  })
}

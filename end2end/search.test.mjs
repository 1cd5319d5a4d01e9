// Search, in Chromium with JavaScript off and on: from the home page's box, a misspelling
// still finds the right things, each result says whether it is guidance or a service and
// marks the matching words; an empty search is an error; axe on each.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, newPage, audit, MODES } from './harness.mjs'

let server, browser
before(async () => { server = await startServer({ directory: true }); browser = await launchBrowser() })
after(async () => { await browser?.close(); await server?.stop() })

for (const { js, name } of MODES) {
  test(`search guidance and services (${name})`, async () => {
    const page = await newPage(browser, { js })
    await page.goto(server.base + '/')
    await page.getByLabel('Search this website').fill('demensia')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForURL('**/search?q=demensia')
    assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /Search results for ‘demensia’/)
    const tags = await page.locator('.app-results__item .govuk-tag').allTextContents()
    assert.ok(tags.length > 0)
    assert.ok(tags.every((t) => /^(Guidance|Service)$/.test(t.trim())), tags.join())
    const marked = await page.locator('.app-results__item mark').allTextContents()
    assert.ok(marked.some((m) => m.toLowerCase() === 'dementia'), marked.join())
    await audit(page, js)

    // Short breaks finds respite.
    await page.getByLabel('Search this website').fill('short breaks')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForURL('**/search?q=short+breaks')
    assert.ok((await page.locator('.app-results__item').count()) > 0)

    // A result leads to its page.
    const first = page.locator('.app-results__item h3 a').first()
    const title = (await first.textContent()).trim()
    await first.click()
    await page.waitForURL(/\/(information-and-advice|find-local-services)\//)
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), title)

    // Nothing found is said plainly, with other ways to look.
    await page.goto(server.base + '/search?q=zzqxv')
    assert.match(await page.locator('#results-heading').textContent(), /No results for ‘zzqxv’/)
    await audit(page, js, 'search, with no results')

    // An empty search is an error, said clearly.
    await page.goto(server.base + '/search')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForURL('**/search?q=')
    assert.match(await page.getByRole('alert').textContent(), /Enter words to search for/)
    assert.match(await page.title(), /^Error: /)
    await audit(page, js, 'search, with an error')
    await page.context().close()
  })
}

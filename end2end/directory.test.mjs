// "Find local services and groups", in Chromium with JavaScript off and on: browse, filter by
// need, town and cost, page through, a filter error, and a service's page, with axe on each.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, newPage, audit, MODES } from './harness.mjs'

let server, browser
before(async () => { server = await startServer({ directory: true }); browser = await launchBrowser() })
after(async () => { await browser?.close(); await server?.stop() })

const count = async (page) => Number((await page.locator('#results-heading').textContent()).match(/\d+/)?.[0] ?? 0)

for (const { js, name } of MODES) {
  test(`browse, filter and open a service (${name})`, async () => {
    const page = await newPage(browser, { js })
    await page.goto(server.base + '/')
    await page.getByRole('link', { name: 'Find local services and groups' }).click()
    await page.waitForURL('**/find-local-services')
    await audit(page, js)
    const everything = await count(page)
    assert.ok(everything >= 60, `${everything} services`)

    // Page through.
    await page.getByRole('link', { name: 'Next page' }).click()
    await page.waitForURL('**/find-local-services?page=2')
    assert.equal(await page.locator('[aria-current="page"]').textContent(), '2')
    await audit(page, js)

    // Filter by need and town.
    await page.getByLabel('What do you need help with?').selectOption({ label: 'Getting and preparing food and drink' })
    await page.getByLabel('Town').selectOption('Exampletown')
    await page.getByRole('button', { name: 'Show services' }).click()
    await page.waitForURL(/need=nutrition/)
    assert.match(page.url(), /town=Exampletown/)
    assert.doesNotMatch(page.url(), /page=/, 'a new search starts at page 1')
    const filtered = await count(page)
    assert.ok(filtered > 0 && filtered < everything, `${filtered} of ${everything}`)
    for (const where of await page.locator('.app-results__item p.govuk-body-s:first-of-type').allTextContents()) {
      assert.match(where, /Exampletown/)
    }
    await audit(page, js)
    assert.equal(await page.getByLabel('Town').inputValue(), 'Exampletown', 'filters stay chosen')

    // Free only narrows further (or keeps the same).
    await page.getByLabel('Free services only').check()
    await page.getByRole('button', { name: 'Show services' }).click()
    await page.waitForURL(/free=yes/)
    assert.ok(await count(page) <= filtered)

    // A filter that cannot be read says so.
    await page.getByLabel('Age (optional)').fill('very old')
    await page.getByRole('button', { name: 'Show services' }).click()
    await page.waitForURL(/age=very/)
    assert.match(await page.getByRole('alert').textContent(), /Enter an age in whole years/)
    assert.match(await page.title(), /^Error: /)
    await audit(page, js, 'directory, with an error')

    // A service's own page.
    await page.goto(server.base + '/find-local-services?q=lunch')
    const first = page.locator('.app-results__item h3 a').first()
    const title = (await first.textContent()).trim()
    await first.click()
    await page.waitForURL(/\/find-local-services\/[0-9a-f-]{36}$/)
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), title)
    assert.match(await page.locator('main').textContent(), /This entry was last checked on/)
    await audit(page, js)
    await page.context().close()
  })
}

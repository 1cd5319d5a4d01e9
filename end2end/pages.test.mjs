// Every page of the shell, with JavaScript off and on: it renders, the skip link comes first,
// and axe finds nothing.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, newPage, audit, MODES } from './harness.mjs'

const PAGES = [
  ['/', 'Get help with care and support'],
  ['/accessibility-statement', null],
  ['/privacy', null],
  ['/cookies', null],
  ['/contact', null],
  ['/get-help', null],
  ['/information-and-advice', 'Information and advice'],
  ['/find-local-services', 'Find local services and groups'],
  ['/check-if-you-can-get-care', 'Check if you can get care and support'],
  ['/estimate-what-you-might-pay', 'Estimate what you might pay for care'],
  ['/request-an-assessment', 'Ask for a care and support assessment'],
  ['/request-an-assessment/save', 'Save and come back later'],
  ['/request-an-assessment/return', 'Return to a saved request'],
  ['/request-an-assessment/confirmation', 'There is no request to show'],
  ['/track-a-request/progress', 'Check the progress of a request'],
  ['/register-as-a-carer', 'Register as a carer'],
  ['/track-a-request', 'Check the progress of a request'],
  ['/feedback/confirmation', 'Feedback sent']
]

let server, browser
before(async () => { server = await startServer(); browser = await launchBrowser() })
after(async () => { await browser?.close(); await server?.stop() })

for (const { js, name } of MODES) {
  test(`every page renders and passes axe (${name})`, async () => {
    const page = await newPage(browser, { js })
    for (const [path, heading] of PAGES) {
      const response = await page.goto(server.base + path)
      assert.equal(response.status(), 200, path)
      const h1 = page.getByRole('heading', { level: 1 })
      assert.equal(await h1.count(), 1, `${path} has one h1`)
      if (heading) assert.equal((await h1.textContent()).trim(), heading)
      await audit(page, js, path)
    }
    await page.context().close()
  })

  test(`the skip link is the first thing to tab to, and "Get help" is in the header (${name})`, async () => {
    const page = await newPage(browser, { js })
    await page.goto(server.base + '/')
    await page.keyboard.press('Tab')
    const focused = page.locator(':focus')
    assert.equal((await focused.textContent()).trim(), 'Skip to main content')
    // By keyboard, as someone who just tabbed to the skip link would (a mouse click here lands
    // mid-way through the skip link collapsing as it loses focus).
    await page.getByRole('link', { name: 'Get help' }).focus()
    await page.keyboard.press('Enter')
    await page.waitForURL('**/get-help')
    assert.equal(new URL(page.url()).pathname, '/get-help')
    await page.context().close()
  })

  test(`a missing page is a 404 that passes axe (${name})`, async () => {
    const page = await newPage(browser, { js })
    const response = await page.goto(server.base + '/no-such-page')
    assert.equal(response.status(), 404)
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), 'Page not found')
    await audit(page, js)
    await page.context().close()
  })
}

// "Report a concern about an adult", end to end in Chromium, JavaScript off and on: "Exit
// this page" on every page, an error on every page that can have one, axe on every page and
// error state, an anonymous report, and a named reporter following theirs with their own
// date of birth.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, newPage, audit, waitForEnhancement, expectError, continueTo as continueToPath, MODES } from './harness.mjs'

let server, browser
before(async () => { server = await startServer(); browser = await launchBrowser() })
after(async () => { await browser?.close(); await server?.stop() })

async function expectExitThisPage (page) {
  const exit = page.getByRole('button', { name: /Exit this page/ })
  assert.equal(await exit.count(), 1, `"Exit this page" on ${page.url()}`)
  assert.equal(await exit.getAttribute('href'), '/exit-this-page')
}

async function continueTo (page, js, slug) {
  await continueToPath(page, js, `/report-a-concern/${slug}`)
  await expectExitThisPage(page)
}

/** From the start page to "Do you want to give your details?", with an error on each page. */
async function describeTheConcern (page, js, { withErrors }) {
  await page.goto(server.base + '/report-a-concern')
  await audit(page, js)
  await expectExitThisPage(page)
  assert.match(await page.locator('.govuk-warning-text').textContent(), /call 999/)
  await page.getByRole('button', { name: 'Start now' }).click()
  await page.waitForURL('**/report-a-concern/who-is-at-risk')
  await waitForEnhancement(page, js)
  await audit(page, js)
  await expectExitThisPage(page)

  if (withErrors) await expectError(page, js, /Enter their first name, or what people call them/, 'who is at risk, with an error')
  await page.getByLabel('Their first name').fill('Edna')
  await page.getByLabel(/About how old are they/).fill('about 80')
  await continueTo(page, js, 'where-are-they')

  await page.getByLabel('Address line 1, or where they are').fill('4 Quay Street')
  await page.getByLabel('Town or city').fill('Exampletown')
  if (withErrors) {
    await page.getByLabel('Postcode (optional)').fill('nowhere')
    await expectError(page, js, /Enter a real postcode/, 'where they are, with an error')
    await page.getByLabel('Postcode (optional)').fill('')
  }
  await continueTo(page, js, 'what-happened')

  if (withErrors) await expectError(page, js, /Describe what happened or what you are worried about/, 'what happened, with an error')
  await page.getByLabel(/Tell us what you saw, heard or were told/).fill('Her son shouts at her and takes her pension <script>x</script>')
  await continueTo(page, js, 'do-they-know')

  if (withErrors) await expectError(page, js, /Select whether they know you are telling us/, 'do they know, with an error')
  await page.getByLabel('No', { exact: true }).check()
  await continueTo(page, js, 'your-details-or-anonymous')
}

async function sendReport (page, js) {
  await page.getByRole('button', { name: 'Send report' }).click()
  await page.waitForURL('**/report-a-concern/confirmation')
  assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), 'Report sent')
  await audit(page, js)
  await expectExitThisPage(page)
  const reference = (await page.locator('.app-reference').textContent()).trim()
  assert.match(reference, /^ASC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
  return reference
}

for (const { js, name } of MODES) {
  test(`past the sending limit a report is kept and the page says when to try again and whom to call (${name})`, async () => {
    const everyone = server
    server = await startServer({ env: { PORTAL_WEB_SUBMISSIONS_PER_CLIENT_HOUR: '1' } })
    try {
      const first = await newPage(browser, { js })
      await describeTheConcern(first, js, { withErrors: false })
      await first.getByLabel('No, I want to stay anonymous').check()
      await continueTo(first, js, 'check-answers')
      await sendReport(first, js)
      await first.context().close()

      const second = await newPage(browser, { js })
      await describeTheConcern(second, js, { withErrors: false })
      await second.getByLabel('No, I want to stay anonymous').check()
      await continueTo(second, js, 'check-answers')
      await second.getByRole('button', { name: 'Send report' }).click()
      await second.waitForURL('**/report-a-concern/check-answers')
      const summary = second.getByRole('alert')
      await summary.waitFor()
      const said = await summary.textContent()
      assert.match(said, /has not been sent/)
      assert.match(said, /try again in 1 hour/)
      assert.match(said, /01632 960000/)
      assert.match(await second.locator('main').textContent(), /4 Quay Street/, 'the answers are kept')
      await audit(second, js, 'over the sending limit')
      await second.context().close()
    } finally {
      await server.stop()
      server = everyone
    }
  })


  test(`"Exit this page" leaves nothing behind: not on Back, not on coming back (${name})`, async () => {
    const page = await newPage(browser, { js })
    // The neutral site, served here (the test machine has no internet).
    await page.context().route('https://www.bbc.co.uk/**', (route) =>
      route.fulfill({ body: '<!doctype html><html lang="en"><title>Weather</title><h1>Weather</h1></html>', contentType: 'text/html' }))
    await page.goto(server.base + '/report-a-concern')
    await page.getByRole('button', { name: 'Start now' }).click()
    await page.waitForURL('**/report-a-concern/who-is-at-risk')
    await waitForEnhancement(page, js)
    await page.getByLabel('Their first name').fill('Edna')
    await continueTo(page, js, 'where-are-they')
    await page.getByLabel('Address line 1, or where they are').fill('4 Quay Street')
    await page.getByLabel('Town or city').fill('Exampletown')
    await continueTo(page, js, 'what-happened')
    await page.getByLabel(/Tell us what you saw, heard or were told/).fill('Her son takes her pension')

    await page.getByRole('button', { name: /Exit this page/ }).click()
    await page.waitForURL('https://www.bbc.co.uk/weather')
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), 'Weather')
    const cookies = await page.context().cookies(server.base)
    assert.deepEqual(cookies.map((c) => c.name), [], 'the session cookie is gone')

    // Back shows the page again from the server, with nothing in it.
    await page.goBack()
    await page.waitForURL('**/report-a-concern/**')
    await waitForEnhancement(page, js)
    const shown = await page.locator('main').innerHTML()
    for (const typed of ['Edna', '4 Quay Street', 'Her son takes her pension']) {
      assert.ok(!shown.includes(typed), `"${typed}" is not shown after Back`)
    }
    await audit(page, js)

    // Coming back to the start finds nothing filled in.
    await page.goto(server.base + '/report-a-concern')
    await page.getByRole('button', { name: 'Start now' }).click()
    await page.waitForURL('**/report-a-concern/who-is-at-risk')
    assert.equal(await page.getByLabel('Their first name').inputValue(), '')
    await page.goto(server.base + '/report-a-concern/where-are-they')
    assert.equal(await page.getByLabel('Address line 1, or where they are').inputValue(), '')
    await page.context().close()
  })

  test(`report a concern anonymously (${name})`, async () => {
    const page = await newPage(browser, { js })
    await describeTheConcern(page, js, { withErrors: true })
    await expectError(page, js, /Select whether you want to give your name and contact details/, 'your details or anonymous, with an error')
    await page.getByLabel('No, I want to stay anonymous').check()
    await continueTo(page, js, 'check-answers')

    const answers = await page.locator('main').textContent()
    assert.match(answers, /reporting anonymously/)
    assert.match(answers, /<script>x<\/script>/, 'markup is shown as text')
    // A change comes back here.
    await page.getByRole('link', { name: 'Change where they are' }).click()
    await waitForEnhancement(page, js)
    await page.getByLabel('Postcode (optional)').fill('ex2 3ab')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL('**/report-a-concern/check-answers')
    assert.match(await page.locator('main').textContent(), /EX2 3AB/i)

    const reference = await sendReport(page, js)
    assert.match(await page.locator('main').textContent(), /Quote the reference/)
    assert.ok(reference)
    await page.context().close()
  })

  test(`report a concern with your details, then follow it (${name})`, async () => {
    const page = await newPage(browser, { js })
    await describeTheConcern(page, js, { withErrors: false })
    await page.getByLabel('Yes, I will give my details').check()
    await continueTo(page, js, 'your-details')
    await page.getByLabel('Your first name').fill('Jo')
    await page.getByLabel('Your last name').fill('Bloggs')
    await page.getByLabel('How do you know them?').fill('Neighbour')
    await page.getByLabel('Day').fill('31')
    await page.getByLabel('Month').fill('2')
    await page.getByLabel('Year').fill('1980')
    await expectError(page, js, /Enter your phone number or email address/, 'your details, with errors')
    assert.match(await page.getByRole('alert').textContent(), /Date of birth must be a real date/)
    await page.getByLabel('Your email address').fill('jo@example.org')
    await page.getByLabel('Day').fill('28')
    await continueTo(page, js, 'check-answers')
    assert.match(await page.locator('main').textContent(), /Jo\s*Bloggs/)

    const reference = await sendReport(page, js)
    assert.match(await page.locator('main').textContent(), /with the reference and your date of birth/)

    await page.goto(server.base + '/track-a-request')
    await waitForEnhancement(page, js)
    await page.getByLabel('Reference').fill(reference)
    await page.getByLabel('Day').fill('28')
    await page.getByLabel('Month').fill('2')
    await page.getByLabel('Year').fill('1980')
    await page.getByRole('button', { name: 'Check progress' }).click()
    await page.waitForURL('**/track-a-request/progress')
    assert.match(await page.locator('main').textContent(), new RegExp(reference))
    await audit(page, js)
    await page.context().close()
  })
}

// "Check if you can get care and support", in Chromium with JavaScript off and on: the adult
// check for someone else with an error on each kind of page, the running result (from the
// server, and with JavaScript from the same rules in the browser as answers change), its result with help that fits
// and the hand-over into a request for an assessment (nothing asked twice); the carer check,
// handing over to a carer's assessment request, and a young carer sent to children's services;
// axe on every page and error state.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, newPage, audit, waitForEnhancement, expectError, continueTo as continueToPath, MODES } from './harness.mjs'

let server, browser
before(async () => { server = await startServer({ directory: true }); browser = await launchBrowser() })
after(async () => { await browser?.close(); await server?.stop() })

const continueTo = (page, js, slug) => continueToPath(page, js, `/check-if-you-can-get-care/${slug}`)
const EVERYDAY = ['nutrition', 'personal-hygiene', 'toilet-needs', 'being-clothed', 'home-safety', 'habitable-home',
  'relationships', 'work-training-education-volunteering', 'community-services', 'caring-for-child']
const CARING = ['caring-for-child', 'caring-for-others', 'habitable-home', 'nutrition', 'relationships',
  'work-training-education-volunteering', 'community-services', 'recreation']

test('a result asked for before the check is finished says so (JavaScript off and on)', async () => {
  for (const { js } of MODES) {
    const page = await newPage(browser, { js })
    await page.goto(server.base + '/check-if-you-can-get-care/result')
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), 'You have not finished the check')
    await audit(page, js)
    await page.context().close()
  }
})

async function start (page, js) {
  await page.goto(server.base + '/check-if-you-can-get-care')
  await audit(page, js)
  assert.match(await page.locator('.govuk-warning-text').textContent(), /call 999/)
  await page.getByRole('button', { name: 'Start now' }).click()
  await page.waitForURL('**/who-is-it-for')
  await waitForEnhancement(page, js)
}

async function seeResult (page, js) {
  await page.getByRole('button', { name: 'See the result' }).click()
  await page.waitForURL('**/check-if-you-can-get-care/result')
  await audit(page, js)
  return page.locator('main').textContent()
}

for (const { js, name } of MODES) {
  test(`check for someone else, then ask for an assessment (${name})`, async () => {
    const page = await newPage(browser, { js })
    await start(page, js)
    await expectError(page, js, /Select who you are checking for/, 'who is it for, with an error')
    await page.getByLabel('Someone else').check()
    await continueTo(page, js, 'their-age')
    await page.getByLabel('How old are they?').fill('sixteen')
    await expectError(page, js, /Enter their age in years/, 'their age, with an error')
    // Under 18: a transition assessment, not the adult rules.
    await page.getByLabel('How old are they?').fill('16')
    await continueTo(page, js, 'check-answers')
    assert.match(await seeResult(page, js), /Ask for a transition assessment before they turn 18[\s\S]*Care Act 2014 s\.58/)
    await page.goto(server.base + '/check-if-you-can-get-care/their-age')
    await waitForEnhancement(page, js)
    await page.getByLabel('How old are they?').fill('81')
    await continueTo(page, js, 'health-condition')

    await expectError(page, js, /Select whether their needs come from a health condition/, 'condition, with an error')
    await page.getByLabel('Yes').check()
    await continueTo(page, js, 'everyday-nutrition')

    await expectError(page, js, /Select the reasons this is hard, or that it is not hard/, 'an everyday thing, with an error')
    await page.getByLabel('They cannot do this without help, including being reminded').check()
    await page.getByLabel('This is not hard for them').check()
    await expectError(page, js, /not both/, 'an everyday thing, with a contradiction')
    await page.getByLabel('This is not hard for them').uncheck()
    await continueTo(page, js, 'everyday-personal-hygiene')
    // The running result, from the answers saved so far (the server renders it)...
    const soFar = page.locator('#so-far')
    assert.equal(await soFar.isVisible(), true)
    assert.match(await soFar.textContent(), /So far: You cannot do one of the everyday things the rules list. The rules need two or more./)
    await page.evaluate(() => { window.stillHere = true })
    await page.getByLabel(/takes them much longer/).check()
    if (js) {
      // ...and, with JavaScript, worked out in the browser by the same rules as answers
      // change: no round trip.
      await page.waitForFunction(() => document.getElementById('so-far').textContent.includes('2 of the everyday things'))
      assert.equal(await page.evaluate(() => window.stillHere), true, 'worked out in the browser')
      await audit(page, js, 'an everyday thing, with the running result changed')
    }
    await continueTo(page, js, 'everyday-toilet-needs')
    assert.match(await soFar.textContent(), /So far: You cannot do 2 of the everyday things the rules list/)
    await page.getByLabel('This is not hard for them').check()
    for (const slug of EVERYDAY.slice(3)) {
      await continueTo(page, js, `everyday-${slug}`)
      await page.getByLabel('This is not hard for them').check()
    }
    await continueTo(page, js, 'good-and-bad-days')
    await expectError(page, js, /Select whether their needs change/, 'good and bad days, with an error')
    await page.getByLabel('No, it is much the same every day').check()
    await continueTo(page, js, 'well-being')
    await expectError(page, js, /Select how much this affects their life/, 'well-being, with an error')
    await page.getByLabel(/^A lot/).check()
    if (js) {
      await page.waitForFunction(() => document.getElementById('so-far').textContent.startsWith('Your result: They are likely'))
    }
    await continueTo(page, js, 'check-answers')

    // A change comes back to check answers.
    await page.getByRole('link', { name: /Change who are you checking for/i }).click()
    await waitForEnhancement(page, js)
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL('**/check-if-you-can-get-care/check-answers')

    const result = await seeResult(page, js)
    assert.match(result, /They are likely to get care and support/)
    assert.match(result, /This is not a decision/)
    assert.match(result, /SI 2015\/313 reg 2\(1\)\(b\)/)
    assert.ok(await page.locator('a[href^="/find-local-services/"]').count() > 0, 'local services that fit')

    // The hand-over: the request starts with what the check knows.
    await page.getByRole('button', { name: 'Ask for an assessment' }).click()
    await page.waitForURL('**/request-an-assessment/about-you')
    await page.goto(server.base + '/request-an-assessment/daily-tasks')
    assert.equal(await page.getByLabel('Getting and preparing food and drink').isChecked(), true)
    assert.equal(await page.getByLabel('Washing themselves and their clothes').isChecked(), true)
    await page.goto(server.base + '/request-an-assessment/who-is-it-for')
    assert.equal(await page.getByLabel('Someone else').isChecked(), true)
    await page.context().close()
  })

  test(`the carer check, and a young carer (${name})`, async () => {
    const page = await newPage(browser, { js })
    await start(page, js)
    await page.getByLabel('Me', { exact: true }).check()
    await continueTo(page, js, 'are-you-a-carer')
    await page.getByLabel(/Yes, I want to check support for me as a carer/).check()
    await continueTo(page, js, 'your-age')
    await page.getByLabel('How old are you?').fill('forty')
    await expectError(page, js, /Enter your age in years/, 'age, with an error')
    await page.getByLabel('How old are you?').fill('15')
    await continueTo(page, js, 'check-answers')
    let result = await seeResult(page, js)
    assert.match(result, /Get support as a young carer/)
    assert.match(result, /children's services/)

    await page.goto(server.base + '/check-if-you-can-get-care/your-age')
    await page.getByLabel('How old are you?').fill('52')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL('**/age-of-the-person-you-look-after')
    await waitForEnhancement(page, js)
    await page.getByLabel('How old is the person you look after?').fill('fifteen')
    await expectError(page, js, /Enter the age in years of the person you look after/, 'their age, with an error')
    // The carer of a child is supported by children's services.
    await page.getByLabel('How old is the person you look after?').fill('15')
    await continueTo(page, js, 'check-answers')
    result = await seeResult(page, js)
    assert.match(result, /Get support as the carer of a child/)
    assert.match(result, /Children Act 1989 s\.17ZD[\s\S]*Care Act 2014 s\.60/)
    await page.goto(server.base + '/check-if-you-can-get-care/age-of-the-person-you-look-after')
    await waitForEnhancement(page, js)
    await page.getByLabel('How old is the person you look after?').fill('80')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL('**/the-care-you-give')
    await page.getByLabel('Yes', { exact: true }).check()
    await continueTo(page, js, 'your-health')
    await page.getByLabel('No', { exact: true }).check()
    await continueTo(page, js, 'caring-caring-for-child')
    assert.equal(await page.getByLabel(/takes me much longer/).count(), 0, 'no "takes longer" for carers')
    for (const [i, slug] of CARING.entries()) {
      if (slug === 'recreation') {
        assert.match(await page.locator('#so-far').textContent(), /So far: You said caring is not harming your health/)
        await page.getByLabel(/a lot of pain, distress or worry/).check()
        if (js) await page.waitForFunction(() => document.getElementById('so-far').textContent.includes('One is enough'))
      } else await page.getByLabel('This is not hard for me').check()
      await continueTo(page, js, i + 1 < CARING.length ? `caring-${CARING[i + 1]}` : 'good-and-bad-days')
    }
    await page.getByLabel('No, it is much the same every day').check()
    await continueTo(page, js, 'well-being')
    await page.getByLabel(/^A lot/).check()
    await continueTo(page, js, 'check-answers')
    result = await seeResult(page, js)
    assert.match(result, /You are likely to get support as a carer/)
    assert.match(result, /reg 3\(1\)\(b\)/)
    // The carer's assessment is asked for online, starting with what the check knows.
    await page.getByRole('button', { name: "Ask for a carer's assessment" }).click()
    await page.waitForURL('**/request-an-assessment/**')
    await waitForEnhancement(page, js)
    await audit(page, js, "a carer's assessment request, started")
    await page.goto(server.base + '/request-an-assessment/check-answers')
    assert.match(await page.locator('main').textContent(), /You are asking for a carer's assessment/)
    await audit(page, js)
    await page.context().close()
  })
}

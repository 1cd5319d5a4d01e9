// "Request an assessment" and "Check the progress of a request", end to end in Chromium,
// JavaScript off and on: an error on every page that can have one, axe on every page and
// error state, the confirmation, save and come back later, and tracking by the person who
// asked and by someone they named, with the expected wait from three years of past requests,
// and the check-in emails to those still waiting. The request's rules stay on the server (its
// forms are the largest; the browser bundle keeps its room for the eligibility check's running
// result), so with JavaScript an error makes a round trip and the summary still takes focus.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, newPage, audit, waitForEnhancement, expectError as expectErrorIn, continueTo as continueToPath, MODES, waitForNewEmail } from './harness.mjs'

let server, browser
// With three years of past requests behind it, so the waits can be told.
before(async () => { server = await startServer({ history: 3000 }); browser = await launchBrowser() })
after(async () => { await browser?.close(); await server?.stop() })

/** Posts the page and expects to arrive at the journey's page `slug`. */
const expectError = (page, js, message, label) => expectErrorIn(page, js, message, label, 'Continue', { inBrowser: false })
const continueTo = (page, js, slug) => continueToPath(page, js, `/request-an-assessment/${slug}`)

async function fillRequestForSomeoneElse (page, js) {
  await page.goto(server.base + '/request-an-assessment')
  await audit(page, js)
  assert.match(await page.locator('.govuk-warning-text').textContent(), /call 999/)
  await page.getByRole('button', { name: 'Start now' }).click()
  await page.waitForURL('**/who-is-it-for')
  await waitForEnhancement(page, js)
  await audit(page, js)

  await expectError(page, js, /Select who you are asking for/, 'who needs help, with an error')
  await page.getByLabel('Someone else').check()
  await continueTo(page, js, 'about-you')

  await page.getByLabel('Your first name').fill('Chidi')
  await expectError(page, js, /Enter your last name/, 'about you, with errors')
  assert.equal(await page.getByLabel('Your first name').inputValue(), 'Chidi', 'kept as typed')
  await page.getByLabel('Your last name').fill('Okafor')
  await page.getByLabel('How do you know them?').fill('Son')
  await page.getByLabel('Your email address').fill('chidi@example.org')
  await continueTo(page, js, 'their-agreement')

  await page.getByLabel('No, they cannot agree').check()
  await expectError(page, js, /Explain why they cannot agree/, 'agreement, with an error')
  await page.getByLabel('Yes, they agree').check()
  await continueTo(page, js, 'name')

  await expectError(page, js, /Enter their first name/, 'name, with errors')
  await page.getByLabel('First name').fill('Amara')
  await page.getByLabel('Last name').fill('Okafor')
  await continueTo(page, js, 'date-of-birth')

  await page.getByLabel('Day').fill('31')
  await page.getByLabel('Month').fill('2')
  await page.getByLabel('Year').fill('1948')
  await expectError(page, js, /Date of birth must be a real date/, 'date of birth, with an error')
  await page.getByLabel('Day').fill('2')
  await page.getByLabel('Month').fill('3')
  await continueTo(page, js, 'address')

  await page.getByLabel('Address line 1').fill('<b>12</b> Mill Lane')
  await page.getByLabel('Town or city').fill('Exampletown')
  await page.getByLabel('Postcode').fill('EX1')
  await expectError(page, js, /Enter a real postcode/, 'address, with an error')
  await page.getByLabel('Postcode').fill('ex1 2ab')
  await continueTo(page, js, 'contact-details')

  await page.getByLabel('Phone', { exact: true }).check()
  await expectError(page, js, /Enter a phone number so we can call them/, 'contact, with an error')
  await page.getByLabel('Phone number (optional)').fill('01632 960001')
  await continueTo(page, js, 'language-and-communication')

  await page.getByLabel(/What language would they like/).fill('x'.repeat(61))
  await expectError(page, js, /Language must be 60 characters or fewer/, 'language, with an error')
  await page.getByLabel(/What language would they like/).fill('English')
  assert.equal(await page.locator('input[type=radio]:checked, input[type=checkbox]:checked').count(), 0, 'nothing chosen in advance')
  await page.getByLabel('Yes, a British Sign Language interpreter').check()
  await page.getByLabel('Large print').check()
  await continueTo(page, js, 'daily-tasks')

  // Ticked boxes come from the list, so this page has no error a person can cause.
  await page.getByLabel('Getting and preparing food and drink').check()
  await page.getByLabel('Washing themselves and their clothes').check()
  await continueTo(page, js, 'help-needed')

  await expectError(page, js, /Describe what help they need/, 'help needed, with an error')
  await page.getByLabel('Tell us what is happening and what help is needed').fill('Struggling to wash and cook since a fall')
  await continueTo(page, js, 'urgent')

  await page.getByLabel('They are in hospital and are due to come home soon').check()
  await continueTo(page, js, 'people-involved')

  await page.getByLabel('GP surgery (optional)').fill('G'.repeat(201))
  await expectError(page, js, /GP surgery must be 200 characters or fewer/, 'people involved, with an error')
  await page.getByLabel('GP surgery (optional)').fill('Mill Lane Surgery')
  await continueTo(page, js, 'who-can-follow')

  await page.locator('#trackers-0-name').fill('Ngozi Okafor')
  await expectError(page, js, /Enter how they know the person/, 'who can follow, with errors')
  await page.locator('#trackers-0-relationship').fill('Daughter')
  await page.locator('#trackers-0-email').fill('ngozi@example.org')
  await continueTo(page, js, 'check-answers')
}

async function track (page, js, reference) {
  await page.goto(server.base + '/track-a-request')
  await waitForEnhancement(page, js)
  await audit(page, js)
  await page.getByRole('button', { name: 'Check progress' }).click()
  await page.getByRole('alert').waitFor()
  assert.match(await page.getByRole('alert').textContent(), /Enter the reference/)
  await audit(page, js, 'tracking, with errors')
  await page.getByLabel('Reference').fill(reference.toLowerCase().replaceAll('-', ' '))
  await page.getByLabel('Day').fill('2')
  await page.getByLabel('Month').fill('3')
  await page.getByLabel('Year').fill('1948')
  await page.getByRole('button', { name: 'Check progress' }).click()
  await page.waitForURL('**/track-a-request/progress')
  await audit(page, js)
}

for (const { js, name } of MODES) {
  test(`request an assessment for someone else, then track it (${name})`, async () => {
    const page = await newPage(browser, { js })
    await fillRequestForSomeoneElse(page, js)

    const answers = await page.locator('main').textContent()
    assert.match(answers, /<b>12<\/b> Mill Lane/, 'markup is shown as text')
    assert.match(answers, /Ngozi Okafor \(Daughter\)/)
    assert.match(answers, /Large print/)
    assert.match(answers, /A British Sign Language interpreter/)

    // A change comes back here.
    await page.getByRole('link', { name: 'Change name' }).click()
    await waitForEnhancement(page, js)
    await page.getByLabel('Last name').fill('Okafor-Bello')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL('**/request-an-assessment/check-answers')
    assert.match(await page.locator('main').textContent(), /Amara Okafor-Bello/)

    await page.getByRole('button', { name: 'Send request' }).click()
    await page.getByRole('alert').waitFor()
    assert.match(await page.getByRole('alert').textContent(), /Confirm that the information you have given is correct/)
    await audit(page, js, 'check answers, with an error')
    await page.getByLabel(/I confirm that the information/).check()
    await page.getByRole('button', { name: 'Send request' }).click()
    await page.waitForURL('**/request-an-assessment/confirmation')
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), 'Request sent')
    const reference = (await page.locator('.app-reference').textContent()).trim()
    assert.match(reference, /^ASC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    const confirmation = await page.locator('main').textContent()
    assert.match(confirmation, /Requests like this one have recently been contacted by the First Contact Team between \d+ \w+ \d{4} and \d+ \w+ \d{4}, most often by \d+ \w+ \d{4}\. This is an estimate from requests like this in the last 12 weeks, not a promise\./)
    assert.match(confirmation, /(It is next in the queue|There (is|are) \d+ requests? of this kind ahead of it in the queue)\./)
    await audit(page, js)

    // Going back and sending again does not make a second request.
    await page.goto(server.base + '/request-an-assessment/check-answers')
    await page.goto(server.base + '/request-an-assessment/confirmation')
    assert.equal((await page.locator('.app-reference').textContent()).trim(), reference)

    // Staff move it on with a note for the family; the person who asked sees it...
    server.admin(['referral', 'set-status', reference, 'triage', '--note', 'We will call you on Tuesday', '--visible'])
    await track(page, js, reference)
    const progress = await page.locator('main').textContent()
    assert.match(progress, /With the First Contact Team/)
    assert.match(progress, /We will call you on Tuesday/)
    assert.match(progress, /What happens next\s*Requests like this one have recently had an assessment arranged between/)
    await page.context().close()

    // ...and so does the daughter they named, from her own browser, who tells us things
    // have changed.
    const daughter = await newPage(browser, { js })
    await track(daughter, js, reference)
    assert.match(await daughter.locator('main').textContent(), new RegExp(reference))
    await daughter.getByRole('link', { name: 'Tell us something has changed' }).click()
    await daughter.waitForURL('**/track-a-request/something-has-changed')
    await waitForEnhancement(daughter, js)
    await audit(daughter, js, 'something has changed')
    await daughter.getByLabel('What has changed?').fill('Mum fell again on Sunday and cannot manage the stairs')
    await daughter.getByRole('button', { name: 'Send' }).click()
    await daughter.getByRole('alert').waitFor()
    assert.match(await daughter.getByRole('alert').textContent(), /Select yes if things are more urgent now/)
    assert.equal(await daughter.getByLabel('What has changed?').inputValue(), 'Mum fell again on Sunday and cannot manage the stairs', 'kept')
    await audit(daughter, js, 'something has changed, with an error')
    await daughter.getByLabel('Yes').check()
    await daughter.getByRole('button', { name: 'Send' }).click()
    await daughter.waitForURL('**/track-a-request/progress')
    assert.match(await daughter.locator('.govuk-notification-banner').textContent(), /We have told the First Contact Team what has changed/)
    await audit(daughter, js, 'progress, after a change')
    await daughter.context().close()
  })

  test(`save a request and come back to it (${name})`, async () => {
    const page = await newPage(browser, { js })
    await page.goto(server.base + '/request-an-assessment/who-is-it-for')
    await waitForEnhancement(page, js)
    await page.getByLabel('Me', { exact: true }).check()
    await continueTo(page, js, 'name')
    await page.getByLabel('First name').fill('Amara')
    await page.getByLabel('Last name').fill('Okafor')
    await continueTo(page, js, 'date-of-birth')
    await page.getByRole('link', { name: 'Save and come back later' }).click()
    await page.waitForURL('**/request-an-assessment/save')
    await audit(page, js)
    await page.getByRole('button', { name: 'Save my answers' }).click()
    await page.locator('.app-reference').waitFor()
    const code = (await page.locator('.app-reference').textContent()).trim()
    assert.match(code, /^RTN-/)
    await audit(page, js)
    await page.context().close()

    const later = await newPage(browser, { js })
    await later.goto(server.base + '/request-an-assessment/return')
    await audit(later, js)
    await later.getByRole('button', { name: 'Continue' }).click()
    await later.getByRole('alert').waitFor()
    await audit(later, js, 'return, with an error')
    await later.getByLabel('Return to a saved request').fill(code.toLowerCase())
    await later.getByRole('button', { name: 'Continue' }).click()
    await later.waitForURL('**/request-an-assessment/date-of-birth')
    await waitForEnhancement(later, js)
    await audit(later, js)
    await later.goto(server.base + '/request-an-assessment/name')
    assert.equal(await later.getByLabel('First name').inputValue(), 'Amara')
    await later.context().close()
  })
}

test('those still waiting from long ago get a check-in email', async () => {
  // The server's hourly sweep ran as it started: the past's open requests were due (those
  // sent above are not, for 4 weeks).
  const email = await waitForNewEmail(server, new Set(), /Still waiting: ASC-/)
  assert.match(email, /is still open, and we have not forgotten it/)
  assert.match(email, /If things have got worse or something has changed, tell us at/)
  assert.match(server.admin(['check-ins']), /Checked in on 0 waiting requests/, 'once')
})

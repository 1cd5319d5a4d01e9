// "Refer someone as a professional", end to end in Chromium, JavaScript off and on: a
// discharge nurse refers a patient who cannot agree, with an error on every page that can
// have one, axe on every page and error state, the discharge asked because she works in a
// hospital, and the reference on the confirmation and in her work email.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, newPage, audit, waitForEnhancement, expectError, continueTo as continueToPath, MODES, emailsSoFar, waitForNewEmail } from './harness.mjs'

let server, browser
before(async () => { server = await startServer(); browser = await launchBrowser() })
after(async () => { await browser?.close(); await server?.stop() })

const BASE = '/refer-as-a-professional'
const continueTo = (page, js, slug) => continueToPath(page, js, `${BASE}/${slug}`)
// The rules of these pages run on the server: with JavaScript the error comes back from it.
const expectServerError = (page, js, message, label) => expectError(page, js, message, label, 'Continue', { inBrowser: false })

for (const { js, name } of MODES) {
  test(`a discharge nurse refers a patient who cannot agree (${name})`, async () => {
    const page = await newPage(browser, { js })
    const seen = emailsSoFar(server)
    await page.goto(server.base + '/request-an-assessment')
    await page.getByRole('link', { name: 'refer someone as a professional' }).click()
    await page.waitForURL(`**${BASE}`)
    await audit(page, js)
    assert.match(await page.locator('.govuk-warning-text').textContent(), /call 999/)
    await page.getByRole('button', { name: 'Start now' }).click()
    await page.waitForURL(`**${BASE}/about-you`)
    await waitForEnhancement(page, js)
    await audit(page, js)

    await expectServerError(page, js, /Enter your job title/, 'about you, with errors')
    await page.getByLabel('Your first name').fill('Sam')
    await page.getByLabel('Your last name').fill('Lee')
    await page.getByLabel('Your job title').fill('Discharge nurse')
    await page.getByLabel('Organisation').fill('Exampletown General Hospital')
    await page.getByLabel('Your work phone number').fill('01632 960100')
    await page.getByLabel('Your work email address').fill('sam.lee@nhs.net')
    await continueTo(page, js, 'where-you-work')

    await expectServerError(page, js, /Select where you work/, 'where you work, with an error')
    await page.getByLabel('A hospital').check()
    await continueTo(page, js, 'name')
    await page.getByLabel('First name').fill('Joan')
    await page.getByLabel('Last name').fill('Price')
    await continueTo(page, js, 'date-of-birth')
    await page.getByLabel('Day').fill('14')
    await page.getByLabel('Month').fill('6')
    await page.getByLabel('Year').fill('1939')
    await continueTo(page, js, 'nhs-number-and-gp')

    await page.getByLabel('NHS number (optional)').fill('943 476 5918')
    await expectServerError(page, js, /Enter a valid NHS number/, 'NHS number, with an error')
    await page.getByLabel('NHS number (optional)').fill('943 476 5919')
    await continueTo(page, js, 'address')
    await page.getByLabel('Address line 1').fill('4 Church Row')
    await page.getByLabel('Town or city').fill('Exampletown')
    await page.getByLabel('Postcode').fill('EX2 4CD')
    await continueTo(page, js, 'contact-details')
    await page.getByLabel('Their phone number (optional)').fill('01632 960444')
    await page.getByLabel('Phone', { exact: true }).check()
    await continueTo(page, js, 'agreement')

    await page.getByLabel('No, they cannot or do not agree').check()
    await continueTo(page, js, 'without-agreement')
    await expectServerError(page, js, /Select why you are referring without their agreement/, 'without agreement, with errors')
    await page.getByLabel(/In their best interests/).check()
    await page.getByRole('group', { name: /capacity to decide/ }).getByLabel('Yes', { exact: true }).check()
    await page.getByLabel('Why have they not agreed?').fill('Delirium since admission')
    await continueTo(page, js, 'discharge-details')

    await page.getByLabel('Hospital', { exact: true }).fill('Exampletown General')
    await page.getByLabel('Ward', { exact: true }).fill('Ward 7')
    await page.getByLabel('Ward phone number').fill('01632 960101')
    const expected = page.getByRole('group', { name: 'Expected discharge date' })
    await expected.getByLabel('Day').fill('1')
    await expected.getByLabel('Month').fill('1')
    await expected.getByLabel('Year').fill('2020')
    await page.getByRole('group', { name: /medically optimised/ }).getByLabel('Yes', { exact: true }).check()
    await page.getByLabel(/Pathway 1: Home with new support/).check()
    await expectServerError(page, js, /Expected discharge date must be today or in the future/, 'discharge, with an error')
    await expected.getByLabel('Year').fill(String(new Date().getFullYear() + 1))
    await continueTo(page, js, 'discharge-support')

    await expectServerError(page, js, /Describe the support the person needs/, 'discharge support, with an error')
    await page.getByLabel('Support needed').fill('Two calls a day to wash and dress')
    await continueTo(page, js, 'what-is-needed')
    await page.getByLabel('What is needed, and why now?').fill('Personal care after a hip fracture')
    await page.getByLabel('Lives alone').check()
    await continueTo(page, js, 'urgent')
    await page.getByLabel(/They are in hospital and are due to come home soon/).check()
    await continueTo(page, js, 'check-answers')

    const answers = await page.locator('main').textContent()
    assert.match(answers, /Pathway 1: Home with new support/)
    assert.match(answers, /In their best interests/)
    await page.getByRole('button', { name: 'Send referral' }).click()
    await page.getByRole('alert').waitFor()
    assert.match(await page.getByRole('alert').textContent(), /Confirm that the information you have given is correct/)
    await audit(page, js, 'check answers, with an error')
    await page.getByLabel(/I confirm that the information I have given is correct/).check()
    await page.getByRole('button', { name: 'Send referral' }).click()
    await page.waitForURL(`**${BASE}/confirmation`)
    await audit(page, js)
    const reference = (await page.locator('.app-reference').textContent()).trim()
    assert.match(reference, /^ASC-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    const email = await waitForNewEmail(server, seen, new RegExp(reference))
    assert.match(email, /sam\.lee@nhs\.net/)
    await page.context().close()
  })
}

// "Register as a carer", in Chromium with JavaScript off and on: the under-18 route; a
// registration with two people looked after (one removed after a check), an emergency plan,
// errors on several kinds of page, check answers, the confirmation and its carer's card
// printed wallet-size without the page around it; "ask for a carer's assessment"; and a
// registered carer changing their details and leaving the register, with a one-time code
// from their email (a wrong one first). axe on
// every page and error state. The register's rules stay on the server, so with JavaScript an
// error makes a round trip (and the summary still takes focus).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, newPage, audit, waitForEnhancement, expectError as expectErrorIn, continueTo as continueToPath, MODES, emailsSoFar, waitForNewEmail } from './harness.mjs'

let server, browser
before(async () => { server = await startServer(); browser = await launchBrowser() })
after(async () => { await browser?.close(); await server?.stop() })

const BASE = '/register-as-a-carer'
const continueTo = (page, js, slug) => continueToPath(page, js, `${BASE}/${slug}`)
const expectError = (page, js, message, label) => expectErrorIn(page, js, message, label, 'Continue', { inBrowser: false })

async function start (page, js) {
  await page.goto(server.base + BASE)
  await audit(page, js)
  await page.getByRole('button', { name: 'Start now' }).click()
  await page.waitForURL('**/are-you-18-or-over')
  await waitForEnhancement(page, js)
}

for (const { js, name } of MODES) {
  test(`a carer under 18 is sent to young carers' support (${name})`, async () => {
    const page = await newPage(browser, { js })
    await start(page, js)
    await expectError(page, js, /Select yes if you are 18 or over/, '18 or over, with an error')
    await page.getByLabel('No').check()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL(`**${BASE}/young-carers`)
    assert.match(await page.locator('main').textContent(), /young carers' assessment/)
    await audit(page, js)
    await page.context().close()
  })

  test(`register with two people, remove one, make a plan, print the card (${name})`, async () => {
    const page = await newPage(browser, { js })
    await start(page, js)
    await page.getByLabel('Yes').check()
    await continueTo(page, js, 'your-name')
    await page.getByLabel('First name').fill('Sam')
    await expectError(page, js, /Enter your last name/, 'name, with an error')
    await page.getByLabel('Last name').fill('Patel')
    await continueTo(page, js, 'your-date-of-birth')
    await page.getByLabel('Day').fill('5')
    await page.getByLabel('Month').fill('5')
    await page.getByLabel('Year').fill('2015')
    await expectError(page, js, /young carers/, 'date of birth of a young carer')
    await page.getByLabel('Year').fill('1970')
    await continueTo(page, js, 'your-address')
    await page.getByLabel('Address line 1').fill('3 High St')
    await page.getByLabel('Town or city').fill('Exampletown')
    await page.getByLabel('Postcode').fill('EX2 3CD')
    await continueTo(page, js, 'contact-details')
    await expectError(page, js, /Enter a phone number or an email address/, 'contact, with an error')
    await page.getByLabel('Phone number').fill('01632 960002')
    await continueTo(page, js, 'about-you')
    await continueTo(page, js, 'person-1')
    await page.getByLabel('Their first name').fill('Ravi')
    await page.getByLabel('Their last name').fill('Patel')
    await page.getByLabel('How are you related to them?').fill('father')
    await continueTo(page, js, 'people-you-look-after')
    await page.getByLabel('Yes').check()
    await continueTo(page, js, 'person-2')
    await page.getByLabel('Their first name').fill('Asha')
    await page.getByLabel('Their last name').fill('Patel')
    await page.getByLabel('How are you related to them?').fill('aunt')
    await page.getByRole('group', { name: 'Do they live with you?' }).getByLabel('No').check()
    await expectError(page, js, /Enter the first line of their address/, 'a person elsewhere, with an error')
    await page.getByLabel('Address line 1').fill('9 Low Road')
    await page.getByLabel('Town or city').fill('Exampleton')
    await page.getByLabel('Postcode').fill('EX3 4EF')
    await continueTo(page, js, 'people-you-look-after')
    await page.getByRole('link', { name: /Remove\s+Asha Patel/ }).click()
    await page.waitForURL(`**${BASE}/remove/2`)
    await audit(page, js)
    await page.getByRole('button', { name: 'Yes, remove them' }).click()
    await page.waitForURL(`**${BASE}/people-you-look-after`)
    await waitForEnhancement(page, js)
    assert.doesNotMatch(await page.locator('main').textContent(), /Asha/)
    await page.getByLabel('No').check()
    await continueTo(page, js, 'the-caring')
    await page.getByLabel('Making meals').check()
    await page.getByLabel('About how many hours a week do you care?').fill('35')
    await expectError(page, js, /Select when you care/, 'the caring, with an error')
    await page.getByLabel('Day and night').check()
    await continueTo(page, js, 'how-caring-affects-you')
    await page.getByLabel('My sleep').check()
    await page.getByLabel('Not without more help').check()
    await continueTo(page, js, 'emergency-plan')
    await page.getByLabel('Yes').check()
    await continueTo(page, js, 'emergency-plan-details')
    assert.match(await page.locator('.govuk-warning-text').textContent(), /Never write down a key safe code/)
    await page.getByLabel(/What does the person you look after need/).fill('Insulin at 8am and 6pm')
    await page.getByRole('group', { name: 'Emergency contact 1 (optional)' }).getByLabel('Name').fill('Priya Patel')
    await page.getByRole('group', { name: 'Emergency contact 1 (optional)' }).getByLabel('Phone number').fill('07700 900123')
    await continueTo(page, js, 'consent')
    await expectError(page, js, /Confirm that you agree/, 'consent, with an error')
    await page.getByLabel("I agree to be on the carers' register").check()
    await continueTo(page, js, 'check-answers')
    assert.match(await page.locator('main').textContent(), /Ravi Patel \(father\)/)

    await page.getByRole('button', { name: 'Register' }).click()
    await page.waitForURL(`**${BASE}/confirmation`)
    await audit(page, js)
    const reference = (await page.locator('.app-carer-card__reference').textContent()).trim()
    assert.match(reference, /^CAR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)

    // Printed: the card, wallet size, without the page around it.
    await page.emulateMedia({ media: 'print' })
    const card = await page.locator('.app-carer-card').boundingBox()
    assert.ok(Math.abs(card.width - 323.5) < 4 && Math.abs(card.height - 204) < 4, `wallet size: ${card.width} × ${card.height}`)
    assert.equal(await page.locator('header').isVisible(), false)
    assert.equal(await page.getByRole('button', { name: "Ask for a carer's assessment" }).isVisible(), false)
    await page.locator('.app-carer-card').screenshot({ path: `/tmp/carer-card-${js ? 'js' : 'nojs'}.png` })
    await page.emulateMedia({ media: 'screen' })

    await page.getByRole('button', { name: "Ask for a carer's assessment" }).click()
    await page.waitForURL('**/request-an-assessment/**')
    await waitForEnhancement(page, js)
    await audit(page, js, "a carer's assessment request, started")
    await page.context().close()
  })

  test(`a carer changes their details, then leaves the register (${name})`, async () => {
    const response = await fetch(server.base + '/api/v1/carers', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-${js}`, authorization: `Bearer ${server.apiKey}` },
      body: JSON.stringify({
        carer: { given_name: 'Sam', family_name: 'Patel', date_of_birth: '1970-05-05', address_line_1: '3 High St', town: 'Exampletown', postcode: 'EX2 3CD', phone: '01632 960002', email: `sam-${js}@example.org` },
        cared_for: [{ given_name: 'Ravi', family_name: 'Patel', relationship: 'father', same_address: true }],
        caring: { hours_per_week: 35, when: 'day', tasks: ['meals'] },
        emergency_plan: null,
        consent: { agrees: true }
      })
    })
    assert.equal(response.status, 201)
    const { reference } = await response.json()
    const page = await newPage(browser, { js })
    await page.goto(server.base + BASE)
    await page.getByRole('link', { name: 'Change your details or leave the register' }).click()
    await page.waitForURL(`**${BASE}/your-details`)
    await waitForEnhancement(page, js)
    await audit(page, js)
    const open = async (year) => {
      await page.getByLabel('Carer reference').fill(reference)
      await page.getByLabel('Day').fill('5')
      await page.getByLabel('Month').fill('5')
      await page.getByLabel('Year').fill(year)
    }
    await open('1971')
    await expectError(page, js, /could not find a registration/, 'details, not found')
    // The card and the date of birth are not enough: a code goes to the registered email.
    const enterTheCode = async ({ withError }) => {
      const seen = emailsSoFar(server)
      await open('1970')
      await page.getByRole('button', { name: 'Continue' }).click()
      await page.waitForURL(`**${BASE}/enter-code`)
      await waitForEnhancement(page, js)
      assert.match(await page.locator('main').textContent(), /We have sent a code to s•••@example\.org/)
      await audit(page, js)
      const email = await waitForNewEmail(server, seen, /Your code for the carers/)
      const code = email.match(/^(\d{6})\s*$/m)[1]
      if (withError) {
        await page.getByLabel('Code').fill(code === '000000' ? '111111' : '000000')
        await expectError(page, js, /The code is not right/, 'enter the code, wrong')
      }
      await page.getByLabel('Code').fill(code)
      await page.getByRole('button', { name: 'Continue' }).click()
      await page.waitForURL(`**${BASE}/check-answers`)
    }
    await enterTheCode({ withError: true })
    await audit(page, js)
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), "Your details on the carers' register")
    await page.getByRole('link', { name: /Change\s+your name/ }).click()
    await waitForEnhancement(page, js)
    await page.getByLabel('First name').fill('Samira')
    await continueTo(page, js, 'check-answers')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.waitForURL(`**${BASE}/confirmation`)
    await audit(page, js)
    assert.match(await page.locator('.govuk-panel__title').textContent(), /Your details have been updated/)
    assert.match(await page.locator('.app-carer-card').textContent(), /Samira Patel/)

    await page.goto(server.base + `${BASE}/your-details`)
    await waitForEnhancement(page, js)
    await enterTheCode({ withError: false })
    await page.getByRole('link', { name: "Leave the carers' register" }).click()
    await page.waitForURL(`**${BASE}/leave`)
    await audit(page, js)
    await page.getByRole('button', { name: 'Yes, leave the register' }).click()
    await page.waitForURL(`**${BASE}/left`)
    await audit(page, js)
    assert.match(await page.locator('main').textContent(), /We have deleted your details/)

    // A registration without an email address cannot be opened online: call the Care Line.
    const withoutEmail = await fetch(server.base + '/api/v1/carers', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-no-email-${js}`, authorization: `Bearer ${server.apiKey}` },
      body: JSON.stringify({
        carer: { given_name: 'Jo', family_name: 'Reed', date_of_birth: '1970-05-05', address_line_1: '4 High St', town: 'Exampletown', postcode: 'EX2 3CD', phone: '01632 960003' },
        cared_for: [{ given_name: 'Ann', family_name: 'Reed', relationship: 'mother', same_address: true }],
        caring: { hours_per_week: 20, when: 'day', tasks: ['meals'] },
        emergency_plan: null,
        consent: { agrees: true }
      })
    })
    assert.equal(withoutEmail.status, 201)
    await page.goto(server.base + `${BASE}/your-details`)
    await waitForEnhancement(page, js)
    await page.getByLabel('Carer reference').fill((await withoutEmail.json()).reference)
    await page.getByLabel('Day').fill('5')
    await page.getByLabel('Month').fill('5')
    await page.getByLabel('Year').fill('1970')
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL(`**${BASE}/enter-code`)
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), 'We cannot send you a code')
    assert.match(await page.locator('main').textContent(), /Call the Care Line on 01632 960000/)
    await audit(page, js)
    await page.context().close()
  })
}

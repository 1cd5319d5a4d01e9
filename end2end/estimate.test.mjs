// "Estimate what you might pay", in Chromium with JavaScript off and on: care at home with an
// error on each kind of page, the running estimate, a result equal to the JSON API's for the
// same answers, and "Delete my answers"; a care home with a home in its first 12 weeks, its
// estimate attached to a request for an assessment by choice; axe on
// every page and error state. The estimate's rules stay on the server, so with JavaScript an
// error makes a round trip (and the summary still takes focus).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { startServer, launchBrowser, newPage, audit, waitForEnhancement, expectError as expectErrorIn, continueTo as continueToPath, MODES } from './harness.mjs'

let server, browser
before(async () => { server = await startServer(); browser = await launchBrowser() })
after(async () => { await browser?.close(); await server?.stop() })

const BASE = '/estimate-what-you-might-pay'
const continueTo = (page, js, slug) => continueToPath(page, js, `${BASE}/${slug}`)
const expectError = (page, js, message, label) => expectErrorIn(page, js, message, label, 'Continue', { inBrowser: false })

async function start (page, js) {
  await page.goto(server.base + BASE)
  await audit(page, js)
  await page.getByRole('button', { name: 'Start now' }).click()
  await page.waitForURL('**/type-of-care')
  await waitForEnhancement(page, js)
}

/** The result: its total in pence and its year, after axe. */
async function seeEstimate (page, js) {
  await page.getByRole('button', { name: 'See your estimate' }).click()
  await page.waitForURL(`**${BASE}/result`)
  await audit(page, js)
  const total = (await page.locator('.app-breakdown__total td').textContent()).trim()
  const caption = await page.locator('main .govuk-caption-l').textContent()
  const year = caption.match(/\d{4}-\d{2}/)[0]
  return { pence: Math.round(Number(total.replace(/[£,]/g, '')) * 100), year }
}

async function api (path, body) {
  const response = await fetch(server.base + path, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body)
  })
  assert.equal(response.status, 200)
  return response.json()
}

for (const { js, name } of MODES) {
  test(`care at home, with the API's figure, then delete the answers (${name})`, async () => {
    const page = await newPage(browser, { js })
    await start(page, js)
    await expectError(page, js, /Select the kind of care/, 'kind of care, with an error')
    await page.getByLabel(/^Care at home/).check()
    await continueTo(page, js, 'date-of-birth')
    await page.getByLabel('Day').fill('31')
    await page.getByLabel('Month').fill('2')
    await page.getByLabel('Year').fill('1986')
    await expectError(page, js, /Date of birth must be a real date/, 'date of birth, with an error')
    assert.equal(await page.getByLabel('Day').inputValue(), '31', 'what was typed is kept')
    await page.getByLabel('Day').fill('2')
    await page.getByLabel('Month').fill('3')
    await continueTo(page, js, 'partner')
    await page.getByLabel('No').check()
    await continueTo(page, js, 'children')
    await page.getByLabel(/How many children/).fill('0')
    await continueTo(page, js, 'savings')
    await page.getByLabel(/How much do you have in savings/).fill('lots')
    await expectError(page, js, /Enter an amount in pounds and pence/, 'savings, with an error')
    assert.equal(await page.getByLabel(/How much do you have in savings/).inputValue(), 'lots', 'what was typed is kept')
    await page.getByLabel(/How much do you have in savings/).fill('16,000')
    await continueTo(page, js, 'income')
    await page.getByLabel('Personal Independence Payment (daily living part)').check()
    await page.getByLabel('Employment and Support Allowance').check()
    await page.getByLabel('Personal Independence Payment (mobility part)').check()
    await continueTo(page, js, 'income-amounts')
    await page.getByLabel('Personal Independence Payment (daily living part)').fill('110.40')
    await expectError(page, js, /Enter how much Employment and Support Allowance you get each week/, 'income amounts, with an error')
    await page.getByLabel('Employment and Support Allowance').fill('150')
    await page.getByLabel('Personal Independence Payment (mobility part)').fill('75.75')
    const soFar = page.locator('#so-far')
    if (js) {
      // With JavaScript the figure appears as the answers change, before "Continue".
      await page.keyboard.press('Tab')
      await soFar.waitFor({ state: 'visible' })
      assert.match(await soFar.textContent(), /So far, you might pay about £[\d,.]+ a week/)
      await audit(page, js, 'income amounts, with the live estimate')
    }
    await continueTo(page, js, 'housing-costs')
    const before = await soFar.textContent()
    assert.match(before, /So far, you might pay about £[\d,.]+ a week/)
    await page.getByLabel(/How much do you pay for your home/).fill('5')
    if (js) {
      await page.keyboard.press('Tab')
      await page.waitForFunction((b) => document.getElementById('so-far').textContent !== b, before)
    }
    await continueTo(page, js, 'extra-costs')
    await continueTo(page, js, 'night-care')
    await expectError(page, js, /Select yes if you get care at night/, 'night care, with an error')
    await page.getByLabel('No').check()
    await continueTo(page, js, 'cost-of-care')
    await continueTo(page, js, 'check-answers')
    await audit(page, js)
    assert.match(await page.locator('.govuk-summary-list').textContent(), /£16,000\.00/)

    const shown = await seeEstimate(page, js)
    const estimate = await api('/api/v1/estimates/non-residential', {
      financial_year: shown.year,
      // The premiums left to the rule, as the pages leave them: enhanced PIP brings both.
      person: { date_of_birth: '1986-03-02', carer_premium: false, dependent_children: 0, couple: false },
      capital_pence: 1600000,
      weekly_income: [{ kind: 'pip_daily_living', amount_pence: 11040 }, { kind: 'esa', amount_pence: 15000 }, { kind: 'pip_mobility', amount_pence: 7575 }],
      weekly_housing_costs_pence: 500
    })
    assert.equal(shown.pence, estimate.weekly_contribution_pence, 'the page and the API agree')
    assert.equal(await page.locator('.app-breakdown tbody tr').count(), estimate.lines.length + 1)
    assert.match(await page.getByRole('heading', { level: 1 }).textContent(), /You might pay about £[\d,.]+ a week/)

    await page.getByRole('button', { name: 'Delete my answers' }).click()
    await page.waitForURL(`**${BASE}?deleted=yes`)
    assert.match(await page.locator('main').textContent(), /Your answers have been deleted/)
    await audit(page, js, 'answers deleted')
    await page.goto(server.base + `${BASE}/result`)
    assert.equal((await page.getByRole('heading', { level: 1 }).textContent()).trim(), 'You have not finished the estimate')
    await audit(page, js)
    await page.context().close()
  })

  test(`a care home, the home ignored in its first 12 weeks (${name})`, async () => {
    const page = await newPage(browser, { js })
    await start(page, js)
    await page.getByLabel(/^A care home/).check()
    await continueTo(page, js, 'savings')
    await page.getByLabel(/How much do you have in savings/).fill('5000')
    await continueTo(page, js, 'income')
    await page.getByLabel('State Pension').check()
    await page.getByLabel('Private or work pension', { exact: true }).check()
    await continueTo(page, js, 'income-amounts')
    await page.getByLabel('State Pension').fill('230.30')
    await page.getByLabel('Private or work pension', { exact: true }).fill('100')
    // Half of it goes to a wife at home: that half is not counted.
    await page.getByLabel(/I pay half of my private or work pension/).check()
    await continueTo(page, js, 'your-home')
    await page.getByLabel('Yes').check()
    await continueTo(page, js, 'home-value')
    await expectError(page, js, /Enter roughly how much your home is worth/, 'home value, with an error')
    await page.getByLabel(/What it would sell for/).fill('250,000')
    await continueTo(page, js, 'who-lives-there')
    await page.getByLabel('No one else lives there').check()
    await continueTo(page, js, 'weeks-in-care')
    await page.getByLabel(/How many weeks/).fill('5')
    await continueTo(page, js, 'care-home-fee')
    await page.getByLabel(/weekly fee/).fill('950')
    await continueTo(page, js, 'check-answers')
    const shown = await seeEstimate(page, js)
    const estimate = await api('/api/v1/estimates/residential', {
      financial_year: shown.year,
      capital_pence: 500000,
      weekly_income: [{ kind: 'state_pension', amount_pence: 23030 }, { kind: 'private_pension', amount_pence: 10000, half_paid_to_spouse_at_home: true }],
      property: { value_pence: 25000000, occupied_by: 'none', weeks_in_permanent_care: 5 },
      weekly_fee_pence: 95000
    })
    assert.equal(shown.pence, estimate.weekly_contribution_pence, 'the page and the API agree')
    assert.match(await page.locator('main').textContent(), /not counted for the first 12 weeks/)
    // By the person's choice, the request for an assessment starts with the estimate.
    await page.getByRole('button', { name: 'Ask for an assessment and include this estimate' }).click()
    await page.waitForURL('**/request-an-assessment/**')
    await waitForEnhancement(page, js)
    await audit(page, js, 'the request, with the estimate attached')
    await page.goto(server.base + '/request-an-assessment/check-answers')
    assert.match(await page.locator('main').textContent(), /a week for a care home \(\d{4}-\d{2} rates/)
    await audit(page, js, 'check answers with the estimate')

    // After 12 weeks the home counts, unless someone who lived there left in the last 12.
    await page.goto(server.base + `${BASE}/weeks-in-care`)
    await waitForEnhancement(page, js)
    await page.getByLabel(/How many weeks/).fill('20')
    await continueTo(page, js, 'someone-left')
    await expectError(page, js, /Select yes if someone who lived in your home died or moved out/, 'someone left, with an error')
    await page.getByLabel('Yes').check()
    await continueTo(page, js, 'care-home-fee')
    await continueTo(page, js, 'check-answers')
    await seeEstimate(page, js)
    assert.match(await page.locator('main').textContent(), /not counted for 12 weeks from when/)
    await page.context().close()
  })

  test(`care at home for a couple under State Pension age, registered blind (${name})`, async () => {
    const page = await newPage(browser, { js })
    await start(page, js)
    await page.getByLabel(/^Care at home/).check()
    await continueTo(page, js, 'date-of-birth')
    await page.getByLabel('Day').fill('15')
    await page.getByLabel('Month').fill('6')
    await page.getByLabel('Year').fill('1975')
    await continueTo(page, js, 'partner')
    await page.getByLabel('Yes').check()
    await continueTo(page, js, 'partner-date-of-birth')
    await expectError(page, js, /Enter your partner's date of birth/, "partner's date of birth, with an error")
    await page.getByLabel('Day').fill('1')
    await page.getByLabel('Month').fill('1')
    await page.getByLabel('Year').fill('1980')
    await continueTo(page, js, 'children')
    await page.getByLabel(/How many children/).fill('0')
    await continueTo(page, js, 'savings')
    await page.getByLabel(/How much do you have in savings/).fill('0')
    await continueTo(page, js, 'income')
    await page.getByLabel('Employment and Support Allowance').check()
    await continueTo(page, js, 'income-amounts')
    await page.getByLabel('Employment and Support Allowance').fill('180')
    // Asked only because no benefit already brings the disability premium.
    await continueTo(page, js, 'sight')
    await expectError(page, js, /Select yes if you are registered blind/, 'sight, with an error')
    await page.getByLabel('Yes').check()
    await continueTo(page, js, 'housing-costs')
    await page.getByLabel(/How much do you pay for your home/).fill('0')
    await continueTo(page, js, 'extra-costs')
    await continueTo(page, js, 'cost-of-care')
    await continueTo(page, js, 'check-answers')
    await audit(page, js)
    assert.match(await page.locator('.govuk-summary-list').textContent(), /15 June 1975[\s\S]*1 January 1980/)
    const shown = await seeEstimate(page, js)
    const estimate = await api('/api/v1/estimates/non-residential', {
      financial_year: shown.year,
      person: { date_of_birth: '1975-06-15', partner_date_of_birth: '1980-01-01', registered_blind: true, carer_premium: false, dependent_children: 0, couple: true },
      capital_pence: 0,
      weekly_income: [{ kind: 'esa', amount_pence: 18000 }],
      weekly_housing_costs_pence: 0
    })
    assert.equal(shown.pence, estimate.weekly_contribution_pence, 'the page and the API agree')
    assert.ok(estimate.lines.some((line) => line.code === 'disability_premium'), 'the premium for sight')
    assert.match(await page.locator('main').textContent(), /disability premium \(for being registered blind\)/)
    await page.context().close()
  })
}

// The back office, end to end in Chromium, JavaScript off and on, axe on every page and error
// state: staff accounts made with `server staff create`, sign-in with a password and a TOTP
// code (worked out here as an authenticator app would), wrong details, a used-up code and
// lockout; the queue and its filters, a request's record, a status change whose note reaches
// the resident's progress page and whose email leaves through the outbox; roles refused what
// their work does not need; the audit log; signing out; a carer's registration from the
// queue; administrators adding staff, who set their own sign-in through an emailed one-time
// link; deactivation, and changing one's password; partner
// API keys made (shown once) and revoked.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { startServer, launchBrowser, newPage, audit, waitForEnhancement, MODES, emailsSoFar, waitForNewEmail } from './harness.mjs'
import { totp } from './totp.mjs'

const PASSWORD = 'correct horse battery staple'
let server, browser
before(async () => { server = await startServer(); browser = await launchBrowser() })
after(async () => { await browser?.close(); await server?.stop() })

/** `server staff create`: returns the TOTP secret and recovery codes it printed. */
function createStaff (email, role) {
  const out = server.admin(['staff', 'create', '--email', email, '--name', `${role} ${email.split('@')[0]}`, '--role', role], { input: PASSWORD + '\n' })
  const secret = out.match(/TOTP secret: ([A-Z2-7]+)/)[1]
  const recovery = [...out.matchAll(/^ {2}([a-z0-9]{4}(?:-[a-z0-9]{4}){5})$/gm)].map((m) => m[1])
  assert.equal(recovery.length, 10)
  return { email, secret, recovery }
}

async function submitReferral (kind = 'assessment') {
  const response = await fetch(server.base + '/api/v1/referrals', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), authorization: `Bearer ${server.apiKey}` },
    body: JSON.stringify({
      for: 'self',
      kind,
      person: {
        given_name: 'Amara', family_name: 'Okafor', date_of_birth: '1948-03-02', address_line_1: '12 Mill Lane',
        town: 'Exampletown', postcode: 'EX1 2AB', phone: '01632 960001', email: 'amara@example.org',
        preferred_contact: 'phone', language: 'English', interpreter_needed: false, communication_needs: ''
      },
      referrer: null,
      consent: { person_agrees: true },
      needs: { summary: 'Struggling to wash and cook <b>since</b> a fall', outcomes: ['nutrition'] },
      trackers: [{ name: 'Chidi Okafor', relationship: 'son', email: 'chidi@example.org' }]
    })
  })
  const body = await response.json()
  assert.equal(response.status, 201, JSON.stringify(body))
  return body.reference
}

/** A hospital's discharge referral, due in `days` days, through the partner API. */
async function submitDischarge (days) {
  const expected = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
  const response = await fetch(server.base + '/api/v1/referrals', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), authorization: `Bearer ${server.apiKey}` },
    body: JSON.stringify({
      for: 'professional',
      person: {
        given_name: 'Joan', family_name: 'Price', date_of_birth: '1939-06-14', address_line_1: '4 Church Row',
        town: 'Exampletown', postcode: 'EX2 4CD', phone: '01632 960444', preferred_contact: 'phone',
        communication_needs: { formats: ['large_print'], interpreter: null }
      },
      referrer: {
        given_name: 'Sam', family_name: 'Lee', job_title: 'Discharge nurse', organisation: 'Exampletown General Hospital',
        setting: 'hospital', phone: '01632 960100', email: 'sam.lee@nhs.net'
      },
      consent: { person_agrees: true },
      needs: { summary: 'Personal care after a hip fracture' },
      discharge: {
        hospital: 'Exampletown General', ward: 'Ward 7', ward_phone: '01632 960101', expected_date: expected,
        medically_optimised: true, pathway: 1, support_needed: 'Two calls a day'
      },
      trackers: []
    })
  })
  const body = await response.json()
  assert.equal(response.status, 201, JSON.stringify(body))
  assert.equal(body.route_of_access, 'discharge_from_hospital')
  return body.reference
}

/** Waits for the next page after a plain form post (staff pages have no islands). */
async function submit (page, button) {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button }).click()])
}

async function expectSummary (page, js, message, label) {
  const summary = page.getByRole('alert')
  await summary.waitFor()
  assert.match(await summary.textContent(), message)
  assert.match(await page.title(), /^Error: /)
  if (js) await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'))
  await audit(page, js, label)
}

async function signIn (page, js, staff, { offset = 0 } = {}) {
  await page.goto(server.base + '/staff')
  assert.match(page.url(), /\/staff\/sign-in$/, 'sent to sign in')
  await page.getByLabel('Email address').fill(staff.email)
  await page.getByLabel('Password').fill(PASSWORD)
  await submit(page, 'Continue')
  assert.match(page.url(), /\/staff\/sign-in\/code$/)
  await page.getByLabel('Enter the code from your authenticator app').fill(totp(staff.secret, offset))
  await submit(page, 'Sign in')
}

for (const { js, name } of MODES) {
  test(`sign in with a password and a code, wrong details, a used code and lockout (${name})`, async () => {
    const tag = js ? 'on' : 'off'
    const officer = createStaff(`officer-${tag}@example.gov.uk`, 'triage_officer')
    const page = await newPage(browser, { js })
    await page.goto(server.base + '/staff')
    assert.match(page.url(), /\/staff\/sign-in$/)
    await audit(page, js, 'sign in')

    await submit(page, 'Continue')
    await expectSummary(page, js, /Enter your email address/, 'sign in, empty')
    await page.getByLabel('Email address').fill('nobody@example.gov.uk')
    await page.getByLabel('Password').fill('a guess at a password')
    await submit(page, 'Continue')
    await expectSummary(page, js, /Enter a correct email address and password/, 'sign in, unknown email')
    assert.equal(await page.getByLabel('Email address').inputValue(), 'nobody@example.gov.uk', 'kept as typed')
    assert.equal(await page.getByLabel('Password').inputValue(), '', 'a password is never sent back')

    await page.getByLabel('Email address').fill(officer.email)
    await page.getByLabel('Password').fill(PASSWORD)
    await submit(page, 'Continue')
    assert.match(page.url(), /\/staff\/sign-in\/code$/)
    await audit(page, js, 'code')
    await page.getByLabel('Enter the code from your authenticator app').fill('000000')
    await submit(page, 'Sign in')
    await expectSummary(page, js, /Enter a correct code/, 'code, wrong')
    const code = totp(officer.secret)
    await page.getByLabel('Enter the code from your authenticator app').fill(code)
    await submit(page, 'Sign in')
    assert.match(page.url(), /\/staff$/)
    assert.match(await page.locator('.app-staff-nav').textContent(), /Signed in as/)
    await audit(page, js, 'queue')

    // The same code from another browser is refused: a code works once.
    const other = await newPage(browser, { js })
    await other.goto(server.base + '/staff/sign-in')
    await other.getByLabel('Email address').fill(officer.email)
    await other.getByLabel('Password').fill(PASSWORD)
    await submit(other, 'Continue')
    await other.getByLabel('Enter the code from your authenticator app').fill(code)
    await submit(other, 'Sign in')
    await expectSummary(other, js, /Enter a correct code/, 'code, used already')
    // A recovery code stands in for the app.
    await other.getByLabel('Enter the code from your authenticator app').fill(officer.recovery[0])
    await submit(other, 'Sign in')
    assert.match(other.url(), /\/staff$/)
    await other.context().close()

    // Five wrong passwords lock the address, whatever comes next.
    const locked = createStaff(`locked-${tag}@example.gov.uk`, 'triage_officer')
    const guesser = await newPage(browser, { js })
    await guesser.goto(server.base + '/staff/sign-in')
    for (let i = 0; i < 5; i++) {
      await guesser.getByLabel('Email address').fill(locked.email)
      await guesser.getByLabel('Password').fill(`wrong password ${i}`)
      await submit(guesser, 'Continue')
    }
    await guesser.getByLabel('Password').fill(PASSWORD)
    await submit(guesser, 'Continue')
    await expectSummary(guesser, js, /tried to sign in too many times/, 'sign in, locked')
    assert.match(guesser.url(), /\/staff\/sign-in$/)
    await guesser.context().close()

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL('**/staff/sign-in')
    await page.goto(server.base + '/staff')
    assert.match(page.url(), /\/staff\/sign-in$/, 'signed out')
    await page.context().close()
  })

  test(`triage a request: the queue, its record, a status change that reaches the resident, the audit log (${name})`, async () => {
    const tag = js ? 'on' : 'off'
    const officer = createStaff(`triage-${tag}@example.gov.uk`, 'triage_officer')
    const manager = createStaff(`manager-${tag}@example.gov.uk`, 'manager')
    const reference = await submitReferral()
    const carerRequest = await submitReferral('carer_assessment')

    const page = await newPage(browser, { js })
    await signIn(page, js, officer)
    const queue = await page.locator('.app-queue').textContent()
    assert.match(queue, new RegExp(reference))
    assert.match(queue, /Amara Okafor/)

    // Filters are a GET form.
    await page.getByLabel('Type').selectOption('carer_assessment')
    await submit(page, 'Apply filters')
    assert.match(page.url(), /kind=carer_assessment/)
    assert.doesNotMatch(await page.locator('main').textContent(), new RegExp(reference))
    assert.match(await page.locator('main').textContent(), new RegExp(carerRequest))
    await audit(page, js, 'queue, filtered')
    await page.goto(server.base + '/staff')

    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: reference }).click()])
    assert.match(await page.locator('h1').textContent(), new RegExp(reference))
    const record = await page.locator('main').textContent()
    assert.match(record, /Struggling to wash and cook <b>since<\/b> a fall/, 'markup shown as text')
    assert.match(record, /Chidi Okafor/)
    await audit(page, js, 'record')

    await page.getByLabel('New status').selectOption('triage')
    await page.getByLabel('The resident and the people following the request').check()
    await submit(page, 'Save status')
    await expectSummary(page, js, /Enter the note for the resident/, 'status, with an error')
    assert.equal(await page.getByLabel('New status').inputValue(), 'triage', 'kept as chosen')
    await page.getByLabel('Note (optional)').fill('We will phone you on Tuesday morning.')
    await submit(page, 'Save status')
    assert.match(await page.locator('.govuk-notification-banner--success').textContent(), /Status changed to With the First Contact Team/)
    assert.match(await page.locator('.app-history').textContent(), /Note for the resident: We will phone you on Tuesday morning\./)
    await audit(page, js, 'record, changed')

    await page.getByLabel('Assign to').selectOption({ label: `triage_officer triage-${tag}` })
    await submit(page, 'Assign')
    assert.match(await page.locator('.govuk-notification-banner--success').textContent(), /Assigned to triage_officer triage-/)

    // The email to the resident leaves through the outbox (the mail worker writes files here).
    const deadline = Date.now() + 15_000
    let update
    while (!update && Date.now() < deadline) {
      if (existsSync(server.mailDir)) {
        update = readdirSync(server.mailDir).map((f) => readFileSync(join(server.mailDir, f), 'utf8'))
          .find((m) => m.includes(`Update on ${reference}`))
      }
      if (!update) await new Promise((resolve) => setTimeout(resolve, 250))
    }
    assert.ok(update, 'the update email was delivered')

    // The resident sees the new status and the note.
    const resident = await newPage(browser, { js })
    await resident.goto(server.base + '/track-a-request')
    await waitForEnhancement(resident, js)
    await resident.getByLabel('Reference').fill(reference)
    await resident.getByLabel('Day').fill('2')
    await resident.getByLabel('Month').fill('3')
    await resident.getByLabel('Year').fill('1948')
    await resident.getByRole('button', { name: 'Check progress' }).click()
    await resident.waitForURL('**/track-a-request/progress')
    const progress = await resident.locator('main').textContent()
    assert.match(progress, /With the First Contact Team/)
    assert.match(progress, /We will phone you on Tuesday morning\./)
    await resident.context().close()

    // A triage officer has no audit log; a manager does, and it names who did what.
    await page.goto(server.base + '/staff/audit')
    assert.equal(await page.locator('h1').textContent(), 'You do not have access to this page')
    await audit(page, js, 'no access')
    await page.context().close()

    const managerPage = await newPage(browser, { js })
    await signIn(managerPage, js, manager)
    await managerPage.getByRole('link', { name: 'Audit log' }).click()
    await managerPage.waitForURL('**/staff/audit')
    await managerPage.getByLabel('Reference').fill(reference)
    await submit(managerPage, 'Search')
    const log = await managerPage.locator('.app-audit').textContent()
    assert.match(log, /change_status/)
    assert.match(log, new RegExp(`staff:triage-${tag}@example.gov.uk`))
    await audit(managerPage, js, 'audit log')
    await managerPage.getByRole('link', { name: 'Safeguarding concerns' }).click()
    await managerPage.waitForURL('**/staff/safeguarding')
    await audit(managerPage, js, 'safeguarding view')

    // The dashboard: charts with their figures in tables.
    await managerPage.getByRole('link', { name: 'Dashboard' }).click()
    await managerPage.waitForURL('**/staff/dashboard')
    assert.equal(await managerPage.locator('svg.app-chart[role="img"]').count(), 6)
    assert.match(await managerPage.locator('main').textContent(), /came from the eligibility self-check/)
    assert.match(await managerPage.locator('main').textContent(), /Requests each week, by type/)
    await audit(managerPage, js, 'dashboard')

    // Subject access: everything held about Amara, readable, with the JSON download.
    await managerPage.getByRole('link', { name: 'Subject access' }).click()
    await managerPage.waitForURL('**/staff/subject-access')
    await audit(managerPage, js, 'subject access')
    await submit(managerPage, 'Search')
    await expectSummary(managerPage, js, /Enter their first name/, 'subject access, with errors')
    await managerPage.getByLabel('First name').fill('Amara')
    await managerPage.getByLabel('Last name').fill('Okafor')
    await managerPage.getByLabel('Day').fill('2')
    await managerPage.getByLabel('Month').fill('3')
    await managerPage.getByLabel('Year').fill('1948')
    await submit(managerPage, 'Search')
    const found = await managerPage.locator('main').textContent()
    assert.match(found, new RegExp(reference))
    assert.match(found, /Struggling to wash and cook <b>since<\/b> a fall/)
    assert.ok(await managerPage.getByRole('link', { name: 'Download everything as JSON' }).isVisible())
    await audit(managerPage, js, 'subject access, found')
    await managerPage.context().close()
  })

  test(`hospital discharges by their date, the record in Client Level Data's words, closing with an event outcome, the CLD download (${name})`, async () => {
    const tag = js ? 'on' : 'off'
    const manager = createStaff(`cld-${tag}@example.gov.uk`, 'manager')
    const later = await submitDischarge(9)
    const sooner = await submitDischarge(2)

    const page = await newPage(browser, { js })
    await signIn(page, js, manager)
    await page.getByLabel('Route of access').selectOption('discharge_from_hospital')
    await submit(page, 'Apply filters')
    const rows = await page.locator('.app-queue tbody th a').allTextContents()
    assert.ok(rows.indexOf(sooner) >= 0 && rows.indexOf(sooner) < rows.indexOf(later), 'the sooner discharge first')
    const queue = await page.locator('.app-queue').textContent()
    assert.match(queue, /Due in 2 days/)
    assert.match(queue, /Communication needs/)
    await audit(page, js, 'queue, discharges')

    await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: sooner }).click()])
    const record = await page.locator('main').textContent()
    for (const shown of [/Discharge from Hospital/, /Secondary Health/, /Trusted work email/, /Large print/, /Pathway 1/]) {
      assert.match(record, shown)
    }
    await audit(page, js, 'discharge record')
    await page.getByLabel('New status').selectOption('closed')
    await page.getByLabel('How it ended').selectOption('support_arranged')
    await submit(page, 'Save status')
    await expectSummary(page, js, /Select what the request led to/, 'closing without an event outcome')
    await page.getByLabel('What it led to (Client Level Data)').selectOption('provision_of_service')
    await submit(page, 'Save status')
    assert.match(await page.locator('main').textContent(), /Provision of service/)

    await page.getByRole('link', { name: 'Dashboard' }).click()
    await page.waitForURL('**/staff/dashboard')
    assert.match(await page.locator('main').textContent(), /Hospital discharges referred each week/)
    await audit(page, js, 'dashboard with discharges')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the requests (CSV)' }).click()
    ])
    assert.match(download.suggestedFilename(), /^cld-requests-\d{4}-\d{2}-q[1-4]\.csv$/)
    const csv = readFileSync(await download.path(), 'utf8')
    assert.match(csv, /^Event_Reference,Event_Type,Event_Start_Date/)
    assert.match(csv, new RegExp(`"${sooner}","Request",.*"Discharge from Hospital","Secondary Health","Provision of service"`))
    assert.doesNotMatch(csv, /Joan|Price|EX2 4CD/, 'no names, no full postcodes')
    await page.context().close()
  })

  if (js) {
    test('the session timeout warning lets a staff member stay signed in (JavaScript on)', async () => {
      // A one-minute idle limit: the warning shows halfway, 30 seconds before the end.
      const short = await startServer({ env: { PORTAL_STAFF_IDLE_MINUTES: '1' } })
      try {
        const secret = short.admin(['staff', 'create', '--email', 'brief@example.gov.uk', '--name', 'Brief Session', '--role', 'triage_officer'], { input: PASSWORD + '\n' })
          .match(/TOTP secret: ([A-Z2-7]+)/)[1]
        const page = await newPage(browser, { js })
        await page.goto(short.base + '/staff/sign-in')
        await page.getByLabel('Email address').fill('brief@example.gov.uk')
        await page.getByLabel('Password').fill(PASSWORD)
        await submit(page, 'Continue')
        await page.getByLabel('Enter the code from your authenticator app').fill(totp(secret))
        await submit(page, 'Sign in')
        assert.equal(await page.locator('#session-warning').isVisible(), false, 'no warning yet')
        const before = Number(await page.locator('[data-session-ends-at]').getAttribute('data-session-ends-at'))
        await page.locator('#session-warning').waitFor({ state: 'visible', timeout: 40_000 })
        assert.match(await page.locator('#session-warning').textContent(), /You will be signed out at/)
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'session-warning-stay', 'the button takes focus')
        await audit(page, js, 'session warning')
        await page.getByRole('button', { name: 'Stay signed in' }).click()
        await page.locator('#session-warning').waitFor({ state: 'hidden' })
        const after = Number(await page.locator('[data-session-ends-at]').getAttribute('data-session-ends-at'))
        assert.ok(after > before, `the session was extended (${before} to ${after})`)
        await page.context().close()
      } finally {
        await short.stop()
      }
    })
  }

  test(`the emergency duty team's door and integration health (${name})`, async () => {
    const tag = js ? 'on' : 'off'
    const duty = createStaff(`duty-${tag}@example.gov.uk`, 'carers_lead')
    const admin = createStaff(`admin-${tag}@example.gov.uk`, 'admin')
    const response = await fetch(server.base + '/api/v1/carers', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), authorization: `Bearer ${server.apiKey}` },
      body: JSON.stringify({
        carer: { given_name: 'Sam', family_name: 'Patel', date_of_birth: '1970-05-05', address_line_1: '3 High St', town: 'Exampletown', postcode: 'EX2 3CD', phone: '01632 960002', email: 'sam@example.org' },
        cared_for: [{ given_name: 'Ravi', family_name: 'Patel', date_of_birth: '1940-02-02', relationship: 'father', same_address: true }],
        caring: { hours_per_week: 35, when: 'day_and_night', tasks: ['personal_care'] },
        emergency_plan: { needs: 'Insulin at 8am and 6pm', contacts: [{ name: 'Priya Patel', relationship: 'daughter', phone: '07700 900123' }], keyholders: [] },
        consent: { agrees: true }
      })
    })
    const { reference } = await response.json()
    assert.equal(response.status, 201)

    const page = await newPage(browser, { js })
    await signIn(page, js, duty)
    await page.getByRole('link', { name: 'Emergency plans' }).click()
    await page.waitForURL('**/staff/emergency')
    await audit(page, js, 'emergency door')
    await submit(page, 'Look up the plan')
    await expectSummary(page, js, /Enter the reference from the carer's emergency card/, 'emergency door, with an error')
    await page.getByLabel("Reference on the carer's emergency card").fill(reference.toLowerCase())
    await submit(page, 'Look up the plan')
    const plan = await page.locator('main').textContent()
    assert.match(plan, /Ravi Patel/)
    assert.match(plan, /Insulin at 8am and 6pm/)
    assert.match(plan, /Priya Patel/)
    await audit(page, js, 'emergency plan')

    // The new registration waits in the carers lead's queue until checked.
    await page.goto(server.base + '/staff?kind=carer_registration')
    await page.getByRole('link', { name: reference }).click()
    await page.waitForURL(`**/staff/carers/${reference}`)
    assert.match(await page.locator('main').textContent(), /Day and night/)
    await audit(page, js, 'carer registration')
    await submit(page, 'Mark as checked')
    assert.match(await page.locator('.govuk-notification-banner--success').textContent(), /Marked as checked/)
    await audit(page, js, 'carer registration, checked')
    await page.context().close()

    const adminPage = await newPage(browser, { js })
    await signIn(adminPage, js, admin)
    assert.match(adminPage.url(), /\/staff\/integration$/, 'an administrator lands on integration health')
    assert.match(await adminPage.locator('main').textContent(), /Case-management events/)
    await audit(adminPage, js, 'integration health')
    await adminPage.context().close()
  })

  test(`an administrator adds a staff member, who signs in and changes their password; deactivation (${name})`, async () => {
    const tag = js ? 'on' : 'off'
    const admin = createStaff(`boss-${tag}@example.gov.uk`, 'admin')
    const page = await newPage(browser, { js })
    await signIn(page, js, admin)
    await page.getByRole('link', { name: 'Staff accounts' }).click()
    await page.waitForURL('**/staff/accounts')
    await audit(page, js, 'staff accounts')
    await page.getByLabel('Full name').fill('Bea Jones')
    await submit(page, 'Add staff member')
    await expectSummary(page, js, /Enter an email address in the correct format/, 'add a staff member, with errors')
    assert.equal(await page.getByLabel('Full name').inputValue(), 'Bea Jones', 'kept as typed')
    const email = `bea-${tag}@example.gov.uk`
    await page.getByLabel('Work email address').fill(email)
    await page.getByLabel('Triage officer').check()
    const seenBefore = emailsSoFar(server)
    await submit(page, 'Add staff member')
    // The administrator sees no secret: Bea is emailed a one-time link to set her own.
    assert.match(page.url(), /\/staff\/accounts$/)
    assert.match(await page.locator('.govuk-notification-banner--success').textContent(), /We have emailed Bea Jones a link/)
    assert.equal(await page.locator('code.app-secret').count(), 0)
    await audit(page, js, 'a staff member added')
    const email_ = await waitForNewEmail(server, seenBefore, new RegExp(`To: ${email}`))
    const decoded = email_.replace(/=\r?\n/g, '').replace(/=3D/g, '=')
    const link = decoded.match(/\/staff\/enrol\?token=[0-9a-f]{64}/)[0]

    // Bea, in her own browser, follows the link: an error first, then her own details.
    const bea = await newPage(browser, { js })
    await bea.goto(server.base + link)
    await audit(bea, js, 'set up your sign-in')
    assert.equal(await bea.getByRole('img', { name: /QR code to add the back office to Bea Jones/ }).count(), 1)
    const secret = (await bea.locator('code.app-secret').textContent()).trim()
    const firstPassword = 'bea chose this passphrase'
    await bea.getByLabel('Choose a password').fill(firstPassword)
    await bea.getByLabel('Type the password again').fill('something else')
    await bea.getByLabel('Enter the code the app shows').fill(totp(secret))
    await submit(bea, 'Set up my sign-in')
    await expectSummary(bea, js, /The passwords do not match/, 'set up your sign-in, with an error')
    assert.equal((await bea.locator('code.app-secret').textContent()).trim(), secret, 'the same key')
    await bea.getByLabel('Choose a password').fill(firstPassword)
    await bea.getByLabel('Type the password again').fill(firstPassword)
    await bea.getByLabel('Enter the code the app shows').fill(totp(secret))
    await submit(bea, 'Set up my sign-in')
    assert.match(bea.url(), /\/staff\/enrol\/done$/)
    assert.equal(await bea.locator('.app-recovery-codes code').count(), 10)
    await audit(bea, js, 'recovery codes, once')
    await bea.goto(server.base + link)
    assert.equal((await bea.getByRole('heading', { level: 1 }).textContent()).trim(), 'This link does not work')
    await audit(bea, js, 'a used link')

    await bea.goto(server.base + '/staff/sign-in')
    await bea.getByLabel('Email address').fill(email)
    await bea.getByLabel('Password').fill(firstPassword)
    await submit(bea, 'Continue')
    await bea.getByLabel('Enter the code from your authenticator app').fill(totp(secret, 1))
    await submit(bea, 'Sign in')
    assert.match(bea.url(), /\/staff$/)
    await bea.getByRole('link', { name: 'Change your password' }).click()
    await bea.waitForURL('**/staff/password')
    await audit(bea, js, 'change your password')
    await bea.getByLabel('Current password').fill(firstPassword)
    await bea.getByLabel('New password', { exact: true }).fill('three unrelated words here')
    await bea.getByLabel('New password again').fill('three unrelated words there')
    await submit(bea, 'Change password')
    await expectSummary(bea, js, /The passwords do not match/, 'change your password, with an error')
    await bea.getByLabel('Current password').fill(firstPassword)
    await bea.getByLabel('New password', { exact: true }).fill('three unrelated words here')
    await bea.getByLabel('New password again').fill('three unrelated words here')
    await submit(bea, 'Change password')
    assert.match(await bea.locator('.govuk-notification-banner--success').textContent(), /Your password has been changed/)
    await audit(bea, js, 'password changed')

    // A new phone: Bea moves her authenticator herself.
    await bea.getByRole('link', { name: 'Move your authenticator to a new phone' }).click()
    await bea.waitForURL('**/staff/authenticator')
    await audit(bea, js, 'move your authenticator')
    const newSecret = (await bea.locator('code.app-secret').textContent()).trim()
    assert.notEqual(newSecret, secret)
    await bea.getByLabel('Enter the code your new app shows').fill('000000')
    await submit(bea, 'Use the new app')
    await expectSummary(bea, js, /your new app shows/, 'move your authenticator, with an error')
    await bea.getByLabel('Enter the code your new app shows').fill(totp(newSecret))
    await submit(bea, 'Use the new app')
    assert.equal(await bea.locator('.app-recovery-codes code').count(), 10)
    await audit(bea, js, 'new recovery codes')

    // Deactivated: Bea's next page is the sign-in page.
    await submit(page, 'Deactivate Bea Jones')
    assert.match(await page.locator('.govuk-notification-banner--success').textContent(), /Bea Jones has been deactivated/)
    await audit(page, js, 'account deactivated')
    await bea.goto(server.base + '/staff')
    assert.match(bea.url(), /\/staff\/sign-in$/)
    await bea.context().close()
    await page.context().close()
  })

  test(`an administrator makes a partner API key, shown once, and revokes it (${name})`, async () => {
    const tag = js ? 'on' : 'off'
    const admin = createStaff(`keys-${tag}@example.gov.uk`, 'admin')
    const page = await newPage(browser, { js })
    await signIn(page, js, admin)
    await page.getByRole('link', { name: 'API keys' }).click()
    await page.waitForURL('**/staff/api-keys')
    await audit(page, js, 'API keys')
    await submit(page, 'Make key')
    await expectSummary(page, js, /Enter a name for the key/, 'make a key, with an error')
    const partner = `Care Line ${tag}`
    await page.getByLabel('Name of the partner or system').fill(partner)
    await submit(page, 'Make key')
    const key = (await page.locator('code.app-api-key').textContent()).trim()
    assert.match(key, /^ascp_[0-9a-f]{40}$/)
    await audit(page, js, 'a key just made')
    const post = (withKey) => fetch(server.base + '/api/v1/referrals', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), authorization: `Bearer ${withKey}` },
      body: JSON.stringify({ for: 'self', person: { given_name: 'Ada', family_name: 'Lee', date_of_birth: '1950-01-01', address_line_1: '1 Road', town: 'Exampletown', postcode: 'EX1 2AB', phone: '01632 960001', preferred_contact: 'phone' }, consent: { person_agrees: true }, needs: { summary: 'Help at home' } })
    })
    assert.equal((await post(key)).status, 201)
    // Shown once.
    await page.goto(server.base + '/staff/api-keys')
    assert.equal(await page.locator('code.app-api-key').count(), 0)
    assert.doesNotMatch(await page.content(), new RegExp(key))
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: `Revoke the key for ${partner}` }).click()])
    assert.match(await page.locator('.govuk-notification-banner--success').textContent(), /revoked/)
    await audit(page, js, 'a key revoked')
    assert.equal((await post(key)).status, 401)
    await page.context().close()
  })
}

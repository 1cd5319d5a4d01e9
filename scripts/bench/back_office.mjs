// The back office at scale (a measurement, not a test): signs in as a manager the way a
// browser without JavaScript does, then asks for each page `REPEAT` times, one after another,
// and prints the median and the 95th percentile of the time to the last byte, in ms.
//
//   node scripts/bench/back_office.mjs BASE EMAIL PASSWORD TOTP_SECRET
import { totp } from '../../end2end/totp.mjs'

const [base, email, password, secret] = process.argv.slice(2)
const REPEAT = Number(process.env.BENCH_REPEAT || 40)
const jar = new Map()

/** One request as a browser makes it (cookies kept, redirects not followed); the body. */
async function request (path, form) {
  const headers = { origin: base, accept: 'text/html', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') }
  let body
  if (form) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(form).toString()
  }
  const response = await fetch(base + path, { method: form ? 'POST' : 'GET', headers, body, redirect: 'manual' })
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';')
    const at = pair.indexOf('=')
    jar.set(pair.slice(0, at), pair.slice(at + 1))
  }
  const text = await response.text()
  if (response.status >= 400) throw new Error(`${path}: ${response.status}`)
  return text
}

async function time (label, path, form) {
  const times = []
  for (let i = 0; i < REPEAT + 3; i++) {
    const started = process.hrtime.bigint()
    await request(path, form)
    if (i >= 3) times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  times.sort((a, b) => a - b)
  const at = (share) => times[Math.min(times.length - 1, Math.floor(share * times.length))].toFixed(1)
  console.log(`${label.padEnd(44)} p50 ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms`)
}

await request('/api/staff/sign-in', { 'form[email]': email, 'form[password]': password })
await request('/api/staff/sign-in/code', { 'form[code]': totp(secret) })
const queue = await request('/staff')
const reference = queue.match(/\/staff\/referrals\/(ASC-[0-9A-Z-]+)/)?.[1]
if (!reference) throw new Error('not signed in, or the queue is empty')
const dashboard = await request('/staff/dashboard')
const quarter = dashboard.match(/<option value="([^"]+)"/)[1]
const audit = await request('/staff/audit')
const older = audit.match(/href="([^"]*before=\d+)"/)?.[1]?.replaceAll('&amp;', '&')

await time('queue: open, oldest first', '/staff')
await time('queue: newest first', '/staff?sort=newest')
await time('queue: page 5', '/staff?page=5')
await time('queue: urgent only', '/staff?urgent=yes')
await time('queue: unassigned', '/staff?assignee=nobody')
await time('queue: in triage', '/staff?status=triage')
await time('queue: hospital discharges', '/staff?route=discharge_from_hospital')
await time('queue: closed (the history)', '/staff?status=closed')
await time('queue: closed, page 20', '/staff?status=closed&page=20')
await time('queue: closed, newest, last page', '/staff?status=closed&sort=newest&page=400')
await time('queue: every status', '/staff?status=all')
await time('queue: every status, newest, page 50', '/staff?status=all&sort=newest&page=50')
await time('a record', `/staff/referrals/${reference}`)
await time('dashboard (with the forecast)', '/staff/dashboard')
await time('dashboard CSV', '/api/staff/dashboard.csv')
await time('CLD return CSV (a quarter)', `/api/staff/cld-return.csv?quarter=${quarter}`)
await time('subject search', '/api/staff/subject-access', {
  'form[given_name]': 'Amara', 'form[family_name]': 'Okafor',
  'form[date_of_birth][day]': '2', 'form[date_of_birth][month]': '3', 'form[date_of_birth][year]': '1948'
})
await time('audit log: newest', '/staff/audit')
if (older) await time('audit log: older entries', older)

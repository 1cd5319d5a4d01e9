// The back office's timeout warning (WCAG 2.2.1, Timing Adjustable). Before the staff session
// ends it says when, and "Stay signed in" extends it (the idle limit; the absolute limit cannot
// be extended, and then the warning says so). Loaded only on staff pages. Hand-written, not an
// island: it is 60 lines, and the islands' wasm budget is kept for residents' journeys.
// Without JavaScript nothing is lost: a form sent after the session ends is kept on the server
// and put back once the staff member signs in again.
const bar = document.querySelector('[data-session-ends-at]')
const warning = document.getElementById('session-warning')
if (bar && warning) {
  const text = document.getElementById('session-warning-text')
  const stay = document.getElementById('session-warning-stay')
  const warnSeconds = Number(bar.dataset.warnSeconds)
  // Measure against the server's clock, which decides.
  const skew = Number(bar.dataset.serverNow) - Date.now() / 1000
  const now = () => Date.now() / 1000 + skew
  let endsAt = Number(bar.dataset.sessionEndsAt)
  let timer

  const clock = (seconds) => new Date((seconds - skew) * 1000)
    .toLocaleTimeString('en-GB', { hour: 'numeric', minute: '2-digit' })

  const show = (message, canStay) => {
    if (text.textContent !== message) text.textContent = message
    stay.hidden = !canStay
    if (warning.hidden) {
      warning.hidden = false
      if (canStay) stay.focus()
    }
  }

  const check = () => {
    const left = endsAt - now()
    if (left <= 0) {
      show('You have been signed out. Anything you send now will be kept, and you will be asked to sign in again.', false)
      return
    }
    if (left <= warnSeconds) {
      show(`You will be signed out at ${clock(endsAt)} unless you choose to stay signed in.`, true)
    }
    timer = setTimeout(check, Math.max(1000, Math.min(left - warnSeconds, left) * 1000))
  }

  stay.addEventListener('click', async () => {
    const response = await fetch('/api/staff/keep-alive', {
      method: 'POST',
      headers: { accept: 'application/json' },
      credentials: 'same-origin'
    }).catch(() => null)
    if (!response?.ok) {
      show('You have been signed out. Anything you send now will be kept, and you will be asked to sign in again.', false)
      return
    }
    const newEnd = Number(await response.json())
    const extended = newEnd - now() > warnSeconds
    endsAt = newEnd
    bar.dataset.sessionEndsAt = String(newEnd)
    if (extended) {
      warning.hidden = true
    } else {
      show(`You have been signed in for the longest time allowed and will be signed out at ${clock(endsAt)}. Save your work.`, false)
    }
    clearTimeout(timer)
    check()
  })

  check()
}

// Marks the page as able to run GOV.UK Frontend's scripts and starts its components
// (error summary focus, skip link, details polyfill...). The service works without it.
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

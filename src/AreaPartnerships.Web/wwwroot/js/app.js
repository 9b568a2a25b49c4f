// Progressive enhancement only: every page works without this file.
// Loaded as an ES module (<script type="module">), so it runs after the document is parsed and only
// in browsers that GOV.UK Frontend supports. The classes are added here rather than by GOV.UK's usual
// inline <script> snippet because the content security policy forbids inline scripts.
import { initAll as initGovukFrontend } from '../lib/govuk-frontend/govuk-frontend.min.js'
import { initAll as initMojFrontend } from '../lib/moj-frontend/moj-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')

initGovukFrontend()
initMojFrontend()

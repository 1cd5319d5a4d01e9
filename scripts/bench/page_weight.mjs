// Page weight per journey, as a browser on a slow connection gets it: each journey's first
// page with the CSS and JavaScript it links (everything before the wasm), then the islands'
// wasm on its own, all as brotli bytes on the wire. Prints a Markdown table.
//
//   node scripts/bench/page_weight.mjs http://127.0.0.1:3100
import http from 'node:http'

const base = process.argv[2] ?? 'http://127.0.0.1:3100'
const JOURNEYS = [
  ['Home', '/'],
  ['Information and advice', '/information-and-advice'],
  ['Find local services', '/find-local-services'],
  ['Eligibility self-check', '/check-if-you-can-get-care'],
  ['Estimate what you might pay', '/estimate-what-you-might-pay'],
  ['Request an assessment', '/request-an-assessment'],
  ['Report a concern', '/report-a-concern'],
  ['Register as a carer', '/register-as-a-carer'],
  ['Track a request', '/track-a-request'],
  ['Eligibility question page', '/check-if-you-can-get-care/who-is-it-for'],
  ['Staff sign-in', '/staff/sign-in']
]

/** GETs a path asking for brotli: the bytes on the wire, the encoding and the decoded text. */
function get (path) {
  return new Promise((resolve, reject) => {
    http.get(base + path, { headers: { 'accept-encoding': 'br', accept: 'text/html,*/*' } }, (response) => {
      const chunks = []
      response.on('data', (c) => chunks.push(c))
      response.on('end', async () => {
        const body = Buffer.concat(chunks)
        const encoding = response.headers['content-encoding'] ?? 'identity'
        const { brotliDecompressSync } = await import('node:zlib')
        const text = encoding === 'br' ? brotliDecompressSync(body).toString() : body.toString()
        resolve({ status: response.statusCode, wire: body.length, encoding, text })
      })
    }).on('error', reject)
  })
}

const kb = (bytes) => (bytes / 1024).toFixed(1)
const seen = new Map()
async function weigh (path) {
  if (!seen.has(path)) seen.set(path, await get(path))
  return seen.get(path)
}

const rows = []
let wasmPath = null
for (const [name, path] of JOURNEYS) {
  const page = await weigh(path)
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}`)
  const linked = [...page.text.matchAll(/<(?:link[^>]+rel="(?:stylesheet|modulepreload)"[^>]+href|script[^>]+src)="([^"]+)"/g)].map((m) => m[1])
  const wasm = page.text.match(/["'](\/[^"']+\.wasm)["']/)
  if (wasm) wasmPath = wasm[1]
  let total = page.wire
  for (const href of new Set(linked)) total += (await weigh(href)).wire
  rows.push(`| ${name} | \`${path}\` | ${kb(page.wire)} | ${new Set(linked).size} | ${kb(total)} | ${total <= 60 * 1024 ? 'yes' : 'no'} |`)
}
console.log('| Journey | First page | HTML (KB br) | CSS and JS files | HTML+CSS+JS (KB br) | ≤ 60 KB |')
console.log('|---|---|---|---|---|---|')
console.log(rows.join('\n'))
if (wasmPath) {
  const wasm = await weigh(wasmPath)
  console.log(`\nIslands' wasm \`${wasmPath}\`: ${kb(wasm.wire)} KB as ${wasm.encoding} (budget 150 KB brotli).`)
}

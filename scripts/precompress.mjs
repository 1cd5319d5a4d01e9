// Writes .br and .gz beside every CSS, JS and wasm file under a folder, so the server sends
// them compressed without compressing on each request. Node's own zlib: nothing to install.
import { readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, gzipSync, constants } from 'node:zlib'

const root = process.argv[2]
if (!root) { console.error('usage: precompress.mjs <dir>'); process.exit(2) }

function walk (dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) { walk(path); continue }
    if (!/\.(css|js|mjs|wasm|svg)$/.test(name)) continue
    const body = readFileSync(path)
    writeFileSync(path + '.br', brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length }
    }))
    writeFileSync(path + '.gz', gzipSync(body, { level: 9 }))
  }
}
walk(root)

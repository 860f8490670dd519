import { startDemoInsurer } from './server'

/**
 * A by-hand check that a 1,000,000-contract book is practical (too slow for CI):
 *   npx tsx demo-insurer/smoke-1m.ts
 * Prints startup time, snapshot page latencies, simulation cost and memory. Counts only.
 */
const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`
const time = async <T>(label: string, work: () => Promise<T> | T): Promise<T> => {
  const started = performance.now()
  const result = await work()
  console.log(`${label}: ${(performance.now() - started).toFixed(1)} ms`)
  return result
}

const insurer = await time('startup (1,000,000 contracts)', () =>
  startDemoInsurer({
    port: 0,
    contracts: 1_000_000,
    seed: 1,
    speed: 0,
    startAt: Date.parse('2026-03-10T10:00:00+09:00'),
  }),
)
console.log(`RSS after start: ${mb(process.memoryUsage().rss)}`)
const form = new URLSearchParams({
  grant_type: 'client_credentials',
  client_id: insurer.clientId,
  client_secret: insurer.clientSecret,
})
const issued = await fetch(`${insurer.url}/oauth/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: form,
})
const { access_token: token } = (await issued.json()) as { access_token: string }
/** Text of a GET; one retry, because a long advance() can race a keep-alive socket's close. */
const get = async (path: string): Promise<string> => {
  const once = async () =>
    (await fetch(`${insurer.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).text()
  try {
    return await once()
  } catch {
    return once()
  }
}

let cursor = await time('first snapshot page (limit 500, cold)', async () => {
  const page = JSON.parse(await get('/v1/contracts?limit=500')) as { nextCursor: string }
  return page.nextCursor
})
// Warm pages, timed to the last byte of the body (the client's JSON parse excluded).
const latencies: number[] = []
for (let page = 0; page < 40; page++) {
  const started = performance.now()
  const text = await get(`/v1/contracts?limit=500&cursor=${cursor}`)
  latencies.push(performance.now() - started)
  cursor = (JSON.parse(text) as { nextCursor: string }).nextCursor
}
latencies.sort((a, b) => a - b)
console.log(
  `next 40 pages of 500: median ${latencies[20]?.toFixed(1)} ms, p90 ${latencies[36]?.toFixed(1)} ms`,
)
await time('one contract', () => get('/v1/contracts/1000000000'))
await time('advance 1 simulated hour', () => insurer.advance(3_600_000))
await time('advance the rest of the first simulated day', () => insurer.advance(23 * 3_600_000))
await time('advance a second simulated day', () => insurer.advance(24 * 3_600_000))
const changes = await time('changes page (limit 1000)', () => get('/v1/changes?limit=1000'))
console.log(`changes on the page: ${(JSON.parse(changes) as { items: unknown[] }).items.length}`)
const state = (await (
  await fetch(`${insurer.url}/admin/state`, {
    headers: { 'x-demo-admin-token': insurer.adminToken },
  })
).json()) as { contracts: { changed: number }; feed: { lastSeq: number } }
console.log(`changed contracts: ${state.contracts.changed}, feed items: ${state.feed.lastSeq}`)
const memory = process.memoryUsage()
console.log(`RSS at the end: ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)}`)
await insurer.close()

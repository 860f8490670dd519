import { Agent, get } from 'node:http'
import { pathToFileURL } from 'node:url'
import { startDemoInsurer } from '../../demo-insurer/server'
import { createHttpInsurerClient } from '../../electron/main/core/insurer/http-client'
import { round } from './measure'

export interface InsurerSnapshotBenchResult {
  contracts: number
  pages: number
  mebibytes: number
  clientMiBps: number
  baselineMiBps: number
  /** clientMiBps / baselineMiBps; the goal is ≥ 0.7. */
  ratio: number
}

const PAGE = 1000
const ROUNDS = 2
const MiB = 2 ** 20

/**
 * The initial sync's download: the whole snapshot through the insurer client (openapi-fetch,
 * timeouts, retries, zod validation) against bare `http.get` + `JSON.parse` over the very
 * same pages (same cursors, same token, keep-alive both), in the same run. Best of
 * ROUNDS alternating rounds, so neither side pays all the warm-up.
 */
export async function benchInsurerSnapshot(
  contracts = 100_000,
): Promise<InsurerSnapshotBenchResult> {
  const server = await startDemoInsurer({
    port: 0,
    contracts,
    seed: 1,
    startAt: Date.parse('2026-11-23T10:00:00+09:00'),
    speed: 0, // frozen: both sides see identical pages
  })
  const agent = new Agent({ keepAlive: true })
  try {
    let authorization = ''
    const client = createHttpInsurerClient(
      {
        insurerId: 'bench',
        baseUrl: server.url,
        clientId: server.clientId,
        clientSecret: server.clientSecret,
        timeoutMs: 60_000,
      },
      {
        fetch: (input, init) => {
          // Borrow the client's token for the baseline; reading one header costs nothing.
          if (!authorization && input instanceof Request) {
            authorization = input.headers.get('authorization') ?? ''
          }
          return fetch(input, init)
        },
      },
    )

    const viaClient = async () => {
      const cursors: Array<string | undefined> = []
      let cursor: string | undefined
      let items = 0
      const start = performance.now()
      for (let guard = 0; guard <= contracts / PAGE + 1; guard++) {
        cursors.push(cursor)
        const page = await client.listContracts({ ...(cursor ? { cursor } : {}), limit: PAGE })
        items += page.items.length
        if (page.nextCursor === null) break
        cursor = page.nextCursor
      }
      return { seconds: (performance.now() - start) / 1000, cursors, items }
    }

    const viaBareHttp = async (cursors: Array<string | undefined>) => {
      let bytes = 0
      let items = 0
      const start = performance.now()
      for (const cursor of cursors) {
        const query = new URLSearchParams({ limit: String(PAGE), ...(cursor ? { cursor } : {}) })
        const body = await getText(`${server.url}/v1/contracts?${query}`, authorization, agent)
        bytes += Buffer.byteLength(body)
        items += (JSON.parse(body) as { items: unknown[] }).items.length
      }
      return { seconds: (performance.now() - start) / 1000, bytes, items }
    }

    let clientBest = Infinity
    let baselineBest = Infinity
    let bytes = 0
    let pages = 0
    for (let round = 0; round < ROUNDS; round++) {
      const ours = await viaClient()
      const bare = await viaBareHttp(ours.cursors)
      if (ours.items !== contracts || bare.items !== contracts) {
        throw new Error(`expected ${contracts} contracts, got ${ours.items} / ${bare.items}`)
      }
      clientBest = Math.min(clientBest, ours.seconds)
      baselineBest = Math.min(baselineBest, bare.seconds)
      bytes = bare.bytes
      pages = ours.cursors.length
    }
    const mebibytes = bytes / MiB
    const clientMiBps = round(mebibytes / clientBest, 1)
    const baselineMiBps = round(mebibytes / baselineBest, 1)
    const ratio = round(clientMiBps / baselineMiBps, 2)
    process.stdout.write(
      `insurer snapshot at ${contracts.toLocaleString('en')} contracts (${pages} pages of ${PAGE}, ${mebibytes.toFixed(1)} MiB)\n` +
        `  client (openapi-fetch + zod) ${clientMiBps} MiB/s | bare http.get + JSON.parse ${baselineMiBps} MiB/s | ratio ${ratio}× (goal ≥ 0.7)\n`,
    )
    return { contracts, pages, mebibytes: round(mebibytes, 1), clientMiBps, baselineMiBps, ratio }
  } finally {
    agent.destroy()
    await server.close()
  }
}

function getText(url: string, authorization: string, agent: Agent): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { agent, headers: { authorization, accept: 'application/json' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume()
        reject(new Error(`baseline: HTTP ${res.statusCode}`))
        return
      }
      res.setEncoding('utf8')
      let body = ''
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve(body))
      res.on('error', reject)
    }).on('error', reject)
  })
}

// `npx tsx tests/bench/insurer-snapshot.bench.ts [contracts]` runs it alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchInsurerSnapshot(Number(process.argv[2] ?? 100_000))
}

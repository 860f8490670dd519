import {
  startDemoInsurer,
  type DemoInsurerOptions,
  type RunningDemoInsurer,
} from '../../../demo-insurer/server'
import { validatingFetch } from '../../support/openapi-validator'

/** 10:00 JST on a Tuesday: the site is open and plenty of windows are too. */
export const START = Date.parse('2026-03-10T10:00:00+09:00')
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** A frozen-clock demo insurer (only advance() moves it), small enough to be quick. */
export function startTestInsurer(
  overrides: Partial<DemoInsurerOptions> = {},
): Promise<RunningDemoInsurer> {
  return startDemoInsurer({
    port: 0,
    contracts: 1000,
    seed: 7,
    startAt: START,
    speed: 0,
    ...overrides,
  })
}

export interface ApiResponse<T = unknown> {
  status: number
  headers: Headers
  body: T
}

/** Every response goes through the OpenAPI validator: a drift from the doc fails the test. */
const checkedFetch = validatingFetch(fetch)

export class Api {
  private token: string | null = null

  constructor(private readonly insurer: RunningDemoInsurer) {}

  async issueToken(clientId = this.insurer.clientId, clientSecret = this.insurer.clientSecret) {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    })
    return this.call<Record<string, unknown>>('POST', '/oauth/token', {
      auth: false,
      rawBody: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
  }

  async bearer(): Promise<string> {
    if (this.token === null) {
      const issued = await this.issueToken()
      if (issued.status !== 200) throw new Error(`token: ${issued.status}`)
      this.token = String(issued.body.access_token)
    }
    return this.token
  }

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: {
      auth?: boolean
      json?: unknown
      rawBody?: string
      headers?: Record<string, string>
    } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers }
    if (options.auth !== false) headers.authorization = `Bearer ${await this.bearer()}`
    let body = options.rawBody
    if (options.json !== undefined) {
      body = JSON.stringify(options.json)
      headers['content-type'] = 'application/json'
    }
    const init: RequestInit = { method, headers }
    if (body !== undefined) init.body = body
    const response = await checkedFetch(`${this.insurer.url}${path}`, init)
    const text = await response.text()
    return {
      status: response.status,
      headers: response.headers,
      body: (text === '' ? undefined : JSON.parse(text)) as T,
    }
  }

  get<T = Record<string, unknown>>(path: string, headers?: Record<string, string>) {
    return this.call<T>('GET', path, headers ? { headers } : {})
  }

  reissue(policyNumber: string, key: string | null, json: unknown) {
    return this.call<Record<string, unknown>>('POST', `/v1/contracts/${policyNumber}/reissues`, {
      json,
      headers: key === null ? {} : { 'idempotency-key': key },
    })
  }
}

export interface FeedItem {
  seq: number
  occurredAt: string
  kind: string
  policyNumber?: string
  event?: Record<string, unknown> & { type: string }
  contract?: Record<string, unknown> & { policyNumber: string; version: number }
}

/** The whole feed after `cursor`, page by page; returns the items and the final cursor. */
export async function readFeed(api: Api, cursor: string | null = null, limit = 1000) {
  const items: FeedItem[] = []
  let next = cursor
  for (let page = 0; page < 10_000; page++) {
    const query = new URLSearchParams({ limit: String(limit) })
    if (next !== null) query.set('cursor', next)
    const res = await api.get<{ items: FeedItem[]; nextCursor: string; hasMore: boolean }>(
      `/v1/changes?${query}`,
    )
    if (res.status !== 200) throw new Error(`changes: ${res.status}`)
    items.push(...res.body.items)
    next = res.body.nextCursor
    if (!res.body.hasMore) return { items, cursor: next }
  }
  throw new Error('feed did not end')
}

/** Advances in steps, as a running clock would. */
export function advanceBy(insurer: RunningDemoInsurer, total: number, step: number): void {
  for (let done = 0; done < total; done += step) insurer.advance(Math.min(step, total - done))
}

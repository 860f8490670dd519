import { describe, expect, it } from 'vitest'
import { errorFromException, errorFromResponse } from '../../../electron/main/core/insurer/classify'
import {
  INSURER_ERROR_KINDS,
  InsurerError,
  insurerErrorMessage,
} from '../../../electron/main/core/insurer/errors'
import { networkError } from './fake-fetch'

const NOW = Date.parse('2026-11-23T10:00:00+09:00')

function response(status: number, headers: Record<string, string> = {}) {
  return { status, statusText: '', headers: new Headers(headers) }
}
const body = (status: number, code?: string) => ({
  type: 'about:blank',
  title: 't',
  status,
  ...(code ? { code } : {}),
})

describe('status / code → kind', () => {
  const table: Array<[number, string | undefined, string]> = [
    [400, 'invalid_request', 'rejected'],
    [400, 'idempotency_key_missing', 'rejected'],
    [401, 'unauthorized', 'unauthorized'],
    [403, undefined, 'rejected'],
    [404, 'not_found', 'not_found'],
    [409, 'idempotency_key_in_progress', 'busy'],
    [409, undefined, 'rejected'],
    [410, 'cursor_expired', 'cursor_expired'],
    [422, 'idempotency_key_reused', 'rejected'],
    [422, 'email_invalid', 'rejected'],
    [429, 'rate_limited', 'busy'],
    [500, 'internal', 'server_error'],
    [502, undefined, 'server_error'],
    [503, undefined, 'server_error'],
    [503, 'site_closed', 'site_closed'],
    [504, undefined, 'server_error'],
  ]
  it.each(table)('%i %s → %s', (status, code, kind) => {
    const error = errorFromResponse('op', response(status), body(status, code), NOW)
    expect(error.kind).toBe(kind)
    expect(error.status).toBe(status)
    expect(error.operation).toBe('op')
  })

  it('keeps the insurer’s reason on rejected', () => {
    const error = errorFromResponse(
      'requestReissue',
      response(422),
      { ...body(422, 'reissue_not_allowed'), title: 'Not allowed', detail: 'd' },
      NOW,
    )
    expect(error.problem).toEqual({
      status: 422,
      code: 'reissue_not_allowed',
      title: 'Not allowed',
      detail: 'd',
    })
  })

  it('busy carries retryAfterMs (seconds and HTTP-date forms)', () => {
    expect(
      errorFromResponse('op', response(429, { 'Retry-After': '12' }), body(429), NOW).retryAfterMs,
    ).toBe(12_000)
    const date = new Date(NOW + 90_000).toUTCString()
    expect(
      errorFromResponse('op', response(429, { 'Retry-After': date }), body(429), NOW).retryAfterMs,
    ).toBe(90_000)
    expect(
      errorFromResponse('op', response(429, { 'Retry-After': '-1' }), body(429), NOW).retryAfterMs,
    ).toBeUndefined()
  })

  it('site_closed gets reopensAt from Retry-After, even beyond the in-call wait cap', () => {
    const error = errorFromResponse(
      'op',
      response(503, { 'Retry-After': '7200' }),
      body(503, 'site_closed'),
      NOW,
    )
    expect(error.reopensAt?.toISOString()).toBe(new Date(NOW + 7_200_000).toISOString())
  })

  it('non-problem error bodies (a proxy’s HTML, unknown codes) still map by status', () => {
    expect(errorFromResponse('op', response(502), '<html>Bad gateway</html>', NOW).kind).toBe(
      'server_error',
    )
    const unknownCode = errorFromResponse(
      'op',
      response(400),
      { ...body(400), code: 'new_code' },
      NOW,
    )
    expect(unknownCode.kind).toBe('rejected')
    expect(unknownCode.problem?.code).toBeUndefined()
  })
})

describe('thrown errors → kind', () => {
  it('network failures are offline for GET', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'ENOTFOUND']) {
      expect(errorFromException('op', 'GET', networkError(code), false).kind).toBe('offline')
    }
    expect(errorFromException('op', 'GET', new TypeError('fetch failed'), false).kind).toBe(
      'offline',
    )
  })

  it('a POST whose outcome cannot be known is outcome_unknown; one never sent is offline', () => {
    expect(errorFromException('op', 'POST', networkError('ECONNRESET'), false).kind).toBe(
      'outcome_unknown',
    )
    expect(errorFromException('op', 'POST', new DOMException('t', 'TimeoutError'), true).kind).toBe(
      'outcome_unknown',
    )
    expect(errorFromException('op', 'POST', networkError('ECONNREFUSED'), false).kind).toBe(
      'offline',
    )
  })

  it('timeouts on GET are offline', () => {
    expect(errorFromException('op', 'GET', new DOMException('t', 'TimeoutError'), true).kind).toBe(
      'offline',
    )
  })

  it('a JSON syntax error is invalid_response without the parser’s message (it quotes the payload)', () => {
    const error = errorFromException(
      'op',
      'GET',
      new SyntaxError('Unexpected token 山 in "山田"'),
      false,
    )
    expect(error.kind).toBe('invalid_response')
    expect(error.message).not.toContain('山田')
    expect(error.cause).toBeUndefined()
  })
})

describe('messages', () => {
  it('every kind says what happened and what to do, in Japanese and English', () => {
    for (const kind of INSURER_ERROR_KINDS) {
      const ja = insurerErrorMessage(kind, 'ja')
      const en = insurerErrorMessage(kind, 'en')
      expect(ja).toMatch(/[ぁ-んァ-ヶ一-龠]/)
      expect(en).toMatch(/^[\x20-\x7e’]+$/)
      expect(new Set([ja, en]).size).toBe(2)
      const error = new InsurerError(kind, { operation: 'listContracts' })
      expect(error.message).toContain(ja)
      expect(error.message).toContain(en)
      expect(error.message).toContain('listContracts')
    }
  })
})

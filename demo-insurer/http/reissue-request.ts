import type { ReissueKind } from '../api-types'

export interface ReissueRequest {
  kind: ReissueKind
  correctedEmail?: string
  note?: string
}

const KINDS: readonly string[] = ['id_mail', 'password', 'mypage_registration_mail']
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/

export type Parsed =
  | { ok: true; request: ReissueRequest }
  | { ok: false; status: 400 | 422; code: 'invalid_request' | 'email_invalid'; detail: string }

/** ReissueRequest of the doc (additionalProperties: false), checked by hand from unknown. */
export function parseReissueRequest(value: unknown): Parsed {
  const bad = (detail: string): Parsed => ({
    ok: false,
    status: 400,
    code: 'invalid_request',
    detail,
  })
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return bad('The body must be a JSON object.')
  const body = value as Record<string, unknown>
  const extra = Object.keys(body).filter(
    (k) => k !== 'kind' && k !== 'correctedEmail' && k !== 'note',
  )
  if (extra.length > 0) return bad(`Unknown field(s): ${extra.join(', ')}.`)
  if (typeof body.kind !== 'string' || !KINDS.includes(body.kind)) {
    return bad('kind must be id_mail, password or mypage_registration_mail.')
  }
  if (body.note !== undefined && (typeof body.note !== 'string' || body.note.length > 500)) {
    return bad('note must be a string of at most 500 characters.')
  }
  const email = body.correctedEmail
  if (
    email !== undefined &&
    (typeof email !== 'string' || email.length > 254 || !EMAIL.test(email))
  ) {
    return {
      ok: false,
      status: 422,
      code: 'email_invalid',
      detail: 'correctedEmail is not a valid email address.',
    }
  }
  const request: ReissueRequest = { kind: body.kind as ReissueKind }
  if (typeof email === 'string') request.correctedEmail = email
  if (typeof body.note === 'string') request.note = body.note
  return { ok: true, request }
}

import type { PersonName } from './names'
import type { Rng } from './random'
import { katakanaToRomaji } from './romaji'

const MOBILE_PREFIXES = ['090', '080', '070'] as const

/** Mobile carriers' own mail domains: the ones whose spam filters reject insurer mail. */
export const CARRIER_MAIL_DOMAINS = [
  'docomo.ne.jp',
  'ezweb.ne.jp',
  'au.com',
  'softbank.ne.jp',
  'i.softbank.jp',
] as const

const GENERIC_MAIL_DOMAINS = ['gmail.com', 'yahoo.co.jp', 'outlook.jp', 'icloud.com'] as const

export function isCarrierAddress(email: string | null): boolean {
  if (email === null) return false
  const domain = email.slice(email.lastIndexOf('@') + 1)
  return (CARRIER_MAIL_DOMAINS as readonly string[]).includes(domain)
}

export function mobilePhone(rng: Rng): string {
  return `${rng.pick(MOBILE_PREFIXES)}-${rng.int(1000, 9999)}-${rng.digits(4)}`
}

/** A 10-digit fixed line: area code, then the local exchange (never starting 0/1), then 4. */
export function landlinePhone(rng: Rng, areaCode: string): string {
  const exchangeLength = 10 - areaCode.length - 4
  const exchange = String(rng.int(2, 9)) + rng.digits(exchangeLength - 1)
  return `${areaCode}-${exchange}-${rng.digits(4)}`
}

const TOKEN_CHARS = 'abcdefghijkmnpqrstuvwxyz23456789'

function token(rng: Rng, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += TOKEN_CHARS[rng.int(0, TOKEN_CHARS.length - 1)]
  return out
}

/**
 * An invented address: romanised reading plus random digits or a random token, so it
 * reads naturally without pointing at anyone. `carrier` picks a mobile carrier's domain.
 */
export function randomEmail(rng: Rng, name: PersonName, carrier: boolean): string {
  const family = katakanaToRomaji(name.family.kana)
  const given = katakanaToRomaji(name.given.kana)
  const domain = carrier ? rng.pick(CARRIER_MAIL_DOMAINS) : rng.pick(GENERIC_MAIL_DOMAINS)
  const year = String(rng.int(0, 99)).padStart(2, '0')
  let local: string
  switch (rng.int(0, 3)) {
    case 0:
      local = `${given}.${family}${year}`
      break
    case 1:
      local = `${family}${given.slice(0, 1)}${rng.digits(3)}`
      break
    case 2:
      local = `${given}_${token(rng, 4)}`
      break
    default:
      local = `${token(rng, 3)}.${family}.${token(rng, 3)}`
  }
  return `${local}@${domain}`
}

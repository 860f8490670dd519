/**
 * Policy numbers: a one-digit series, 8 digits derived from the contract index, and a
 * Luhn check digit — 10 digits. Index + a per-seed offset, modulo 10^8, is a bijection, so
 * numbers are unique for every index below 10^8 without any lookup. They run in order like
 * an insurer's issuing sequence, which also keeps the UNIQUE index append-only while a
 * million rows are seeded (random keys made seeding I/O-bound once the index outgrew the
 * page cache).
 */
const MODULUS = 100_000_000

export function luhnCheckDigit(digits: string): number {
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return (10 - (sum % 10)) % 10
}

export function policyNumber(series: string, index: number, seedOffset: number): string {
  const body = series + String((seedOffset + index) % MODULUS).padStart(8, '0')
  return body + String(luhnCheckDigit(body))
}

export function isValidPolicyNumber(value: string): boolean {
  return /^\d{10}$/.test(value) && luhnCheckDigit(value.slice(0, 9)) === Number(value[9])
}

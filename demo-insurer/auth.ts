import { randomBytes, timingSafeEqual } from 'node:crypto'

interface IssuedToken {
  clientId: string
  expiresAt: number
}

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4) for one demo client. Token lifetimes run on
 * the real clock: a simulated hour passes in a real minute, and a token that died every
 * minute would test nothing but the refresh path.
 */
export class TokenIssuer {
  private readonly tokens = new Map<string, IssuedToken>()

  constructor(
    readonly clientId: string,
    private readonly clientSecret: string,
    private readonly realNow: () => number = Date.now,
  ) {}

  checkClient(clientId: string, clientSecret: string): boolean {
    return clientId === this.clientId && sameText(clientSecret, this.clientSecret)
  }

  issue(ttlSeconds: number): { token: string; expiresIn: number } {
    this.prune()
    const token = randomBytes(24).toString('base64url')
    this.tokens.set(token, {
      clientId: this.clientId,
      expiresAt: this.realNow() + ttlSeconds * 1000,
    })
    return { token, expiresIn: ttlSeconds }
  }

  /** The client a bearer token belongs to, or null when missing, unknown or expired. */
  verify(authorization: string | undefined): string | null {
    const match = /^Bearer ([A-Za-z0-9_-]+)$/.exec(authorization ?? '')
    const issued = match?.[1] === undefined ? undefined : this.tokens.get(match[1])
    if (!issued || issued.expiresAt <= this.realNow()) return null
    return issued.clientId
  }

  get activeCount(): number {
    return this.tokens.size
  }

  private prune(): void {
    const now = this.realNow()
    for (const [token, issued] of this.tokens)
      if (issued.expiresAt <= now) this.tokens.delete(token)
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

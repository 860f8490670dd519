import type { BounceReason } from '../../electron/common/domain/renewal'
import { isCarrierAddress, type DemoContract } from '../../demo-data/index'
import { mix32, type Rng } from '../../demo-data/random'
import { MAILBOX_FULL } from './rates'

/** A stable 32-bit hash of an address, so its quality is a property of the address. */
function hashText(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h
}

const PERSISTENT: ReadonlySet<BounceReason> = new Set(['invalid_address', 'carrier_filter'])

/**
 * Whether a mail sent now to the contract's address bounces. A bad address stays bad:
 * an earlier invalid_address or carrier_filter bounce repeats until the agency corrects
 * the address (emailCorrected). Otherwise the address's own quality decides — carrier
 * addresses (docomo/au/softbank) are often filtered, a few addresses do not exist — plus
 * a small chance of a full mailbox on any send.
 */
export function mailVerdict(
  seed: number,
  c: DemoContract,
  emailCorrected: boolean,
  rng: Rng,
): BounceReason | null {
  const email = c.client.email
  if (email === null) return 'invalid_address'
  const { idMail, passwordMail } = c.mail
  if (!emailCorrected) {
    const earlier = [idMail.failureReason, passwordMail.failureReason].find(
      (r): r is BounceReason => r !== null && PERSISTENT.has(r),
    )
    if (earlier !== undefined) return earlier
  }
  const provenGood =
    !emailCorrected && (idMail.status === 'delivered' || passwordMail.status === 'delivered')
  if (!provenGood) {
    const quality = (mix32(seed, hashText(email)) >>> 0) / 4294967296
    if (isCarrierAddress(email) && quality < 0.3) return 'carrier_filter'
    if (quality > 0.97) return 'invalid_address'
  }
  return rng.chance(MAILBOX_FULL) ? 'mailbox_full' : null
}

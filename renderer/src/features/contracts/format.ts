import { formatJst } from '../../../../electron/common/domain/japan-time'

/**
 * A maturity date is a calendar date printed on the policy, not an instant: reformat the
 * text instead of parsing it, so no time zone can shift it by a day.
 */
export function formatMaturity(date: string): string {
  return date.replaceAll('-', '/')
}

/** The web deadline on the Japan wall clock, whatever zone this PC is set to. */
export function formatCutoff(iso: string): string {
  return formatJst(iso, 'yyyy/MM/dd HH:mm')
}

import { formatJst } from '../../../../electron/common/domain/japan-time'

/**
 * A maturity date is a calendar date printed on the policy, not an instant: reformat the
 * text instead of parsing it, so no time zone can shift it by a day.
 */
export function formatMaturity(date: string): string {
  return date.replaceAll('-', '/')
}

/** An instant the backend already wrote on the Japan wall clock (toJstIso): "…T…+09:00". */
const JST_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\+09:00$/

/**
 * The web deadline on the Japan wall clock, whatever zone this PC is set to. Every list row
 * shows one: a "+09:00" time is reformatted as text (a zone-aware formatter was the slowest
 * part of drawing a row); any other offset goes through the Japan time zone.
 */
export function formatCutoff(iso: string): string {
  const jst = JST_ISO.exec(iso)
  if (jst) return `${jst[1]}/${jst[2]}/${jst[3]} ${jst[4]}:${jst[5]}`
  return formatJst(iso, 'yyyy/MM/dd HH:mm')
}

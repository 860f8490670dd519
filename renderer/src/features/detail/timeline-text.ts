import type { TFunction } from 'i18next'
import type { TimelineEntry } from '../../../../electron/common/api/contract-detail'
import {
  BOUNCE_REASONS,
  MISMATCH_FIELDS,
  PROCEDURE_SCREENS,
  REISSUE_KINDS,
  RENEWAL_STEPS,
} from '../../../../electron/common/domain/renewal'
import {
  bounceReasonLabel,
  mismatchFieldLabel,
  screenLabel,
  stageLabel,
  type Lang,
} from '../../../../electron/common/domain/renewal-labels'
import { detailJa } from '../../i18n/detail-ja'

type Label = keyof typeof detailJa.timeline.labels

const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value)

/**
 * The words for one timeline entry: the core sends a label key and code parameters; codes
 * become words here (the insurer's own screen names, bounce reasons, reissue kinds), and a
 * code this version does not know is shown as is rather than hidden.
 */
export function timelineText(entry: TimelineEntry, t: TFunction, lang: Lang): string {
  const p = entry.params
  const label: Label = entry.label in detailJa.timeline.labels ? (entry.label as Label) : 'unknown'
  const none = t('detail.timeline.noValue')
  const reason = isOneOf(BOUNCE_REASONS, p.reason) ? bounceReasonLabel(p.reason, lang) : none
  const field = isOneOf(MISMATCH_FIELDS, p.mismatchField)
    ? mismatchFieldLabel(p.mismatchField, lang)
    : none
  const screen = isOneOf(PROCEDURE_SCREENS, p.screen) ? screenLabel(p.screen, lang) : none
  const step = isOneOf(RENEWAL_STEPS, p.step) && p.step !== 'none' ? stageLabel(p.step, lang) : none
  const kind = isOneOf(REISSUE_KINDS, p.reissueKind)
    ? t(`detail.reissueKind.${p.reissueKind}`)
    : String(p.kind ?? none)
  const channel =
    p.channel === 'web' || p.channel === 'agency' ? t(`detail.timeline.channel.${p.channel}`) : none
  const text = t(`detail.timeline.labels.${label}`, {
    reason,
    field,
    screen,
    step,
    kind,
    channel,
    code: String(p.failureCode ?? p.code ?? none),
    year: String(p.credentialsIssuedYear ?? none),
    date: typeof p.dueDate === 'string' ? p.dueDate.replaceAll('-', '/') : none,
    from: String(p.fromStaff ?? t('detail.header.unassigned')),
    to: String(p.toStaff ?? none),
  })
  return p.emailCorrected === true ? `${text} ${t('detail.timeline.emailCorrected')}` : text
}

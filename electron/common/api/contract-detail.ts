import { z } from 'zod'
import { CalendarDate, InsurerRuleSet, URGENCY_BUCKETS } from '../domain/insurer-rules'
import {
  FLOW_A_STEPS,
  FLOW_B_STEPS,
  Flow,
  OutboxState,
  ProcedureScreen,
  RenewalChannel,
  RenewalStatus,
  RenewalStep,
} from '../domain/renewal'
import { SEVERITIES, STUCK_CODES } from '../domain/stuck-reasons'
import type { StepTrack } from '../domain/step-tracker'

/**
 * Schemas of the contract detail screen (契約詳細): the contract with everything staff need
 * on the phone, and the small writes made from it (notes, follow-up date, reassignment).
 * The stuck reasons, step tracker and client guide are computed by the core with its own
 * clock (the same clock as the lists), in both languages, so the renderer only chooses one.
 */

/** Words in both UI languages, so switching language needs no new request. */
export const Bilingual = z.object({ ja: z.string(), en: z.string() })
export type Bilingual = z.infer<typeof Bilingual>

const ContractIdInput = z.number().int().positive()

export const GetContractInput = z.object({ id: ContractIdInput }).strict()

const STAGES = [...FLOW_A_STEPS, ...FLOW_B_STEPS] as const
export const StageState = z.enum(['done', 'current', 'failed', 'todo'])
export type StageStateValue = z.infer<typeof StageState>

export const TrackedStage = z.object({
  stage: z.enum(STAGES),
  state: StageState,
  optional: z.boolean(),
  screens: z.array(z.object({ screen: ProcedureScreen, state: StageState })).nullable(),
})
export type TrackedStage = z.infer<typeof TrackedStage>

export const StepTrackView = z.object({
  flow: Flow,
  stages: z.array(TrackedStage),
  /** The stage the client is at now; null once the renewal is settled. */
  current: z.enum(STAGES).nullable(),
})
export type StepTrackView = z.infer<typeof StepTrackView>

/** The domain's step track as the contract carries it. */
export function stepTrackView(track: StepTrack): StepTrackView {
  return {
    flow: track.flow,
    stages: track.stages.map((s) => ({
      stage: s.stage,
      state: s.state,
      optional: s.optional,
      screens: s.screens,
    })),
    current: track.current?.stage ?? null,
  }
}

export const StuckReasonView = z.object({
  code: z.enum(STUCK_CODES),
  severity: z.enum(SEVERITIES),
  text: Bilingual,
  nextAction: Bilingual,
})
export type StuckReasonView = z.infer<typeof StuckReasonView>

export const FollowUp = z.object({
  id: z.number().int(),
  dueDate: z.string(),
  memo: z.string(),
  staffName: z.string().nullable(),
  /** ISO with +09:00. */
  createdAt: z.string(),
})
export type FollowUp = z.infer<typeof FollowUp>

export const Note = z.object({
  id: z.number().int(),
  body: z.string(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  createdAt: z.string(),
})
export type Note = z.infer<typeof Note>

export const TIMELINE_SOURCES = ['insurer', 'staff', 'system'] as const

/** Codes and numbers only: the words come from the renderer's i18n (timeline.* keys). */
export const TimelineParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))

export const TimelineEntry = z.object({
  /** Unique across the merged sources, e.g. "event-12", "note-3", "outbox-5". */
  key: z.string(),
  at: z.string(),
  source: z.enum(TIMELINE_SOURCES),
  /** A key under `timeline.labels` in the renderer's messages. */
  label: z.string(),
  params: TimelineParams,
  staffName: z.string().nullable(),
  /** A note's own text (staff wrote it); never text from the insurer. */
  body: z.string().nullable(),
  /** Outbox entries: where the request stands now. */
  outboxState: OutboxState.nullable(),
})
export type TimelineEntry = z.infer<typeof TimelineEntry>

export const ContractDetail = z.object({
  id: z.number().int(),
  policyNumber: z.string(),
  flow: Flow,
  insurer: z.object({ id: z.string(), name: z.string(), rules: InsurerRuleSet }),
  /** Personal data: for the screen only, never for logs or error messages. */
  client: z.object({
    nameKanji: z.string(),
    nameKana: z.string(),
    postcode: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  namedInsured: z.object({ name: z.string(), kana: z.string() }),
  vehicleOwnerName: z.string(),
  vehicle: z.object({ name: z.string(), plate: z.string() }),
  inceptionDate: z.string(),
  maturityDate: z.string(),
  webCutoffAt: z.string(),
  urgency: z.enum(URGENCY_BUCKETS).nullable(),
  renewal: z.object({
    status: RenewalStatus,
    channel: RenewalChannel.nullable(),
    renewedPolicyNumber: z.string().nullable(),
    step: RenewalStep,
    screen: ProcedureScreen.nullable(),
  }),
  staff: z.object({ id: z.string(), name: z.string() }).nullable(),
  branch: z.object({ id: z.string(), name: z.string() }).nullable(),
  stuckReasons: z.array(StuckReasonView),
  track: StepTrackView,
  clientGuide: Bilingual,
  followUp: FollowUp.nullable(),
  notes: z.array(Note),
  /** Newest first. */
  timeline: z.array(TimelineEntry),
  /** The core's clock when this was computed (ISO with +09:00). */
  asOf: z.string(),
})
export type ContractDetail = z.infer<typeof ContractDetail>

export const NOTE_MAX_LENGTH = 2000

export const AddNoteInput = z
  .object({
    contractId: ContractIdInput,
    body: z
      .string()
      .trim()
      .min(1, 'メモを入力してください / enter the note')
      .max(
        NOTE_MAX_LENGTH,
        `メモは${NOTE_MAX_LENGTH}文字以内です / at most ${NOTE_MAX_LENGTH} characters`,
      ),
  })
  .strict()

export const FOLLOW_UP_MEMO_MAX_LENGTH = 200

export const SetFollowUpInput = z
  .object({
    contractId: ContractIdInput,
    /** null clears the follow-up. */
    dueDate: CalendarDate.nullable(),
    memo: z
      .string()
      .trim()
      .max(
        FOLLOW_UP_MEMO_MAX_LENGTH,
        `メモは${FOLLOW_UP_MEMO_MAX_LENGTH}文字以内です / at most ${FOLLOW_UP_MEMO_MAX_LENGTH} characters`,
      )
      .optional(),
  })
  .strict()

export const SetFollowUpResult = z.object({ followUp: FollowUp.nullable() })

export const ReassignInput = z
  .object({ contractId: ContractIdInput, staffId: z.string().min(1).max(64) })
  .strict()

export const ReassignResult = z.object({
  staff: z.object({ id: z.string(), name: z.string() }),
  branch: z.object({ id: z.string(), name: z.string() }),
})

export const contractDetailChannels = {
  /** One contract with its web state, timeline, notes and follow-up. */
  'contracts:get': { input: GetContractInput, output: ContractDetail },
  /** By the signed-in staff member; the note and its audit entry commit together. */
  'notes:add': { input: AddNoteInput, output: Note },
  /** Sets (or with null clears) the contract's open follow-up date. */
  'followUps:set': { input: SetFollowUpInput, output: SetFollowUpResult },
  /** Managers, or the staff member in charge, hand a contract to another active staff member. */
  'contracts:reassign': { input: ReassignInput, output: ReassignResult },
} as const

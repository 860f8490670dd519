import { z } from 'zod'
import {
  BounceReason,
  Flow,
  MismatchField,
  MypageStatus,
  PasswordMailStatus,
  ProcedureScreen,
  ReissueKind,
  RenewalChannel,
  RenewalStatus,
  RenewalStep,
} from '../../../common/domain/renewal'

/**
 * Runtime mirror of resources/insurer-api/openapi.yaml `components.schemas`. The generated
 * types (generated/insurer-api.ts) only describe what the insurer promised; these check what
 * it actually sent. tests/unit/insurer/wire-types.test.ts makes the two agree at type level,
 * so a change to the OpenAPI document that is not mirrored here fails `npm run typecheck`.
 *
 * Objects are not strict unless the document says `additionalProperties: false`: a field an
 * insurer adds later must not break sync (zod drops it).
 */
export const Instant = z.iso.datetime({ offset: true })
export const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const Token = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().min(1),
})
export type Token = z.infer<typeof Token>

export const PROBLEM_CODES = [
  'invalid_request',
  'invalid_client',
  'unauthorized',
  'not_found',
  'cursor_expired',
  'idempotency_key_missing',
  'idempotency_key_reused',
  'idempotency_key_in_progress',
  'reissue_not_allowed',
  'email_invalid',
  'rate_limited',
  'site_closed',
  'internal',
] as const
export const ProblemCode = z.enum(PROBLEM_CODES)

export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: ProblemCode.optional(),
})
export type Problem = z.infer<typeof Problem>

// The API's value lists are the domain's own (a drift test checks both against the
// OpenAPI document), so they are shared rather than spelled out twice.
export { BounceReason, Flow, ProcedureScreen, ReissueKind, RenewalStep }
const Channel = RenewalChannel

export const MailState = z.object({
  status: PasswordMailStatus,
  sentAt: Instant.nullable(),
  deliveredAt: Instant.nullable(),
  failedAt: Instant.nullable(),
  failureReason: BounceReason.nullable(),
})

export const Contract = z.object({
  policyNumber: z.string(),
  version: z.number().int().min(1),
  flow: Flow,
  policyholder: z.object({
    nameKanji: z.string(),
    nameKana: z.string(),
    birthDate: CalendarDate,
    postcode: z.string(),
    address: z.string(),
    phone: z.string(),
    email: z.string().nullable(),
  }),
  namedInsured: z.object({ name: z.string(), kana: z.string() }),
  vehicleOwnerName: z.string(),
  vehicle: z.object({ name: z.string(), plate: z.string() }),
  inceptionDate: CalendarDate,
  maturityDate: CalendarDate,
  premiumYen: z.number().int().min(0),
  agentStaffCode: z.string().nullable(),
  renewal: z.object({
    status: RenewalStatus,
    channel: Channel.nullable(),
    renewedPolicyNumber: z.string().nullable(),
    step: RenewalStep,
    stepReachedAt: Instant.nullable(),
    screen: ProcedureScreen.nullable(),
    screenReachedAt: Instant.nullable(),
    startedAt: Instant.nullable(),
    completedAt: Instant.nullable(),
    lastActivityAt: Instant.nullable(),
  }),
  credentials: z.object({
    idMail: MailState,
    passwordMail: MailState,
    credentialsIssuedYear: z.number().int().nullable(),
    firstLoginAt: Instant.nullable(),
    tempPasswordChangedAt: Instant.nullable(),
    passwordExpiredAt: Instant.nullable(),
  }),
  mypage: z.object({
    status: MypageStatus,
    provisionalAt: Instant.nullable(),
    provisionalExpiresAt: Instant.nullable(),
    registeredAt: Instant.nullable(),
    failedAt: Instant.nullable(),
    mismatchField: MismatchField.nullable(),
  }),
  updatedAt: Instant,
})
export type Contract = z.infer<typeof Contract>

export const ContractPage = z.object({
  items: z.array(Contract),
  nextCursor: z.string().nullable(),
  changesCursor: z.string().optional(),
  total: z.number().int().min(0).optional(),
})
export type ContractPage = z.infer<typeof ContractPage>

export const EventType = z.enum([
  'id_mail.sent',
  'id_mail.delivered',
  'id_mail.bounced',
  'password_mail.sent',
  'password_mail.suppressed',
  'password_mail.delivered',
  'password_mail.bounced',
  'login',
  'temp_password.changed',
  'password.expired',
  'step.reached',
  'mypage.provisional',
  'mypage.expired',
  'mypage.mismatch',
  'mypage.wrong_policy_number',
  'mypage.registered',
  'renewal.completed',
  'lapsed',
  'reissue.accepted',
  'reissue.completed',
  'reissue.failed',
])

export const Event = z.looseObject({
  type: EventType,
  reason: BounceReason.optional(),
  step: RenewalStep.optional(),
  screen: ProcedureScreen.optional(),
  mismatchField: MismatchField.optional(),
  channel: Channel.optional(),
  renewedPolicyNumber: z.string().optional(),
  reissueId: z.string().optional(),
  reissueKind: ReissueKind.optional(),
  failureCode: z.string().optional(),
})
export type Event = z.infer<typeof Event>

const changeBase = { seq: z.number().int().min(1), occurredAt: Instant }

export const Change = z.discriminatedUnion('kind', [
  z.object({ ...changeBase, kind: z.literal('contract.upsert'), contract: Contract }),
  z.object({ ...changeBase, kind: z.literal('contract.tombstone'), policyNumber: z.string() }),
  z.object({ ...changeBase, kind: z.literal('event'), policyNumber: z.string(), event: Event }),
])
export type Change = z.infer<typeof Change>

export const ChangePage = z.object({
  items: z.array(Change),
  nextCursor: z.string(),
  hasMore: z.boolean(),
})
export type ChangePage = z.infer<typeof ChangePage>

export const ReissueRequest = z.strictObject({
  kind: ReissueKind,
  correctedEmail: z.email().optional(),
  note: z.string().max(500).optional(),
})
export type ReissueRequest = z.infer<typeof ReissueRequest>

export const Reissue = z.object({
  id: z.string(),
  policyNumber: z.string(),
  kind: ReissueKind,
  status: z.enum(['accepted', 'completed', 'failed']),
  acceptedAt: Instant,
  completedAt: Instant.nullable(),
  failureCode: z
    .enum([
      'bounced_invalid_address',
      'bounced_mailbox_full',
      'bounced_carrier_filter',
      'already_renewed',
      'not_applicable',
    ])
    .nullable(),
})
export type Reissue = z.infer<typeof Reissue>

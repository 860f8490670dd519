import type { components } from '../electron/main/core/insurer/generated/insurer-api'

/** The wire shapes of resources/insurer-api/openapi.yaml, as generated for the app's client. */
type Schemas = components['schemas']

export type WireContract = Schemas['Contract']
export type WireMailState = Schemas['MailState']
export type WireChange = Schemas['Change']
export type WireEvent = Schemas['Event']
export type WireReissue = Schemas['Reissue']
export type WireProblem = Schemas['Problem']
export type ProblemCode = NonNullable<WireProblem['code']>
export type ReissueKind = Schemas['ReissueKind']
export type ReissueFailureCode = NonNullable<WireReissue['failureCode']>

import { describe, expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import type { components } from '../../../electron/main/core/insurer/generated/insurer-api'
import type * as wire from '../../../electron/main/core/insurer/wire'

/**
 * Drift guard: the zod schemas (runtime) and the types generated from openapi.yaml must
 * describe the same shapes, both ways. These are compile-time checks — `npm run typecheck`
 * fails when the OpenAPI document changes and wire.ts does not follow (or the reverse).
 */
type S = components['schemas']
type Infer<T extends z.ZodType> = z.infer<T>

describe('wire schemas agree with the generated OpenAPI types', () => {
  it('Contract', () => {
    expectTypeOf<Infer<typeof wire.Contract>>().toEqualTypeOf<S['Contract']>()
  })
  it('ContractPage', () => {
    expectTypeOf<Infer<typeof wire.ContractPage>>().toEqualTypeOf<S['ContractPage']>()
  })
  it('Change, discriminated on kind', () => {
    expectTypeOf<Infer<typeof wire.Change>>().toExtend<S['Change']>()
    expectTypeOf<S['Change']>().toExtend<Infer<typeof wire.Change>>()
    // Event is open to new members (index signature), so compare by assignability.
    expectTypeOf<Infer<typeof wire.Event>>().toExtend<S['Event']>()
    expectTypeOf<S['Event']>().toExtend<Infer<typeof wire.Event>>()
  })
  it('ChangePage', () => {
    expectTypeOf<Infer<typeof wire.ChangePage>>().toExtend<S['ChangePage']>()
    expectTypeOf<S['ChangePage']>().toExtend<Infer<typeof wire.ChangePage>>()
  })
  it('Reissue and ReissueRequest', () => {
    expectTypeOf<Infer<typeof wire.Reissue>>().toEqualTypeOf<S['Reissue']>()
    expectTypeOf<Infer<typeof wire.ReissueRequest>>().toEqualTypeOf<S['ReissueRequest']>()
  })
  it('Token', () => {
    expectTypeOf<Infer<typeof wire.Token>>().toEqualTypeOf<S['Token']>()
  })
  it('Problem (open to extra members)', () => {
    expectTypeOf<Infer<typeof wire.Problem>>().toExtend<S['Problem']>()
    expectTypeOf<S['Problem']>().toExtend<Infer<typeof wire.Problem>>()
  })
})

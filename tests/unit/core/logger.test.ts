import { afterEach, describe, expect, it } from 'vitest'
import { createLogger, maskPersonalFields, setLogSink } from '../../../electron/main/core/logger'

afterEach(() => setLogSink((line) => process.stderr.write(`${line}\n`)))

describe('logger', () => {
  it('masks fields whose names suggest personal data', () => {
    expect(
      maskPersonalFields({
        contractId: 7,
        clientName: '山田 太郎',
        nameKana: 'ヤマダ タロウ',
        email: 'x@docomo.ne.jp',
        phone: '090-0000-0000',
        birthDate: '1980-01-01',
        address: '東京都',
        plate: '品川 300 あ 12-34',
        code: 'bounced',
      }),
    ).toEqual({
      contractId: 7,
      clientName: '[masked]',
      nameKana: '[masked]',
      email: '[masked]',
      phone: '[masked]',
      birthDate: '[masked]',
      address: '[masked]',
      plate: '[masked]',
      code: 'bounced',
    })
  })

  it('writes one JSON line with the module name', () => {
    const lines: string[] = []
    setLogSink((line) => lines.push(line))
    createLogger('test-module').warn('something happened', { contractId: 3, email: 'a@b.jp' })
    expect(lines).toHaveLength(1)
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>
    expect(entry).toMatchObject({
      level: 'warn',
      module: 'test-module',
      message: 'something happened',
      contractId: 3,
    })
    expect(lines[0]).not.toContain('a@b.jp')
  })
})

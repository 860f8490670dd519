import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * Each layer rule must actually fire: lint a small offending file at a path inside the
 * layer and expect the error, and a clean variant (type-only import) to pass.
 */
const eslint = new ESLint({ cwd: process.cwd() })

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message.slice(0, 40)}`)
}

const restricted = '@typescript-eslint/no-restricted-imports'

describe('layer boundaries', () => {
  it.each([
    ['electron/main/core/contracts/x.ts'],
    ['electron/common/x.ts'],
    ['renderer/src/x.ts'],
    ['db/queries/x.ts'],
  ])('%s may not import electron at runtime', async (file) => {
    const ids = await ruleIds("import { app } from 'electron'\nexport const v = app\n", file)
    expect(ids.some((id) => id.startsWith(restricted))).toBe(true)
  })

  it('a type-only electron import is allowed in the core', async () => {
    const ids = await ruleIds(
      "import type { App } from 'electron'\nexport const v: App | null = null\n",
      'electron/main/core/contracts/x.ts',
    )
    expect(ids).toEqual([])
  })

  it('the shell may import electron', async () => {
    const ids = await ruleIds(
      "import { app } from 'electron'\nexport const v = app\n",
      'electron/main/shell/x.ts',
    )
    expect(ids).toEqual([])
  })

  it.each([
    ["import { readFileSync } from 'node:fs'\nexport const v = readFileSync\n"],
    ["import { readFileSync } from 'fs'\nexport const v = readFileSync\n"],
    ["import { openDatabase } from '../../db/connection'\nexport const v = openDatabase\n"],
    [
      "import { dispatch } from '../../electron/main/core/api/dispatch'\nexport const v = dispatch\n",
    ],
  ])('the renderer may not import Node, db or core: %s', async (code) => {
    const ids = await ruleIds(code, 'renderer/src/x.ts')
    expect(ids.some((id) => id.startsWith(restricted))).toBe(true)
  })

  it('the renderer may import the common contract', async () => {
    const ids = await ruleIds(
      "import { apiContract } from '../../electron/common/api/contract'\nexport const v = apiContract\n",
      'renderer/src/x.ts',
    )
    expect(ids).toEqual([])
  })

  it('raw ipcMain is refused outside the validated wrapper', async () => {
    const code = "import { ipcMain } from 'electron'\nipcMain.handle('x:y', () => 1)\n"
    const outside = await ruleIds(code, 'electron/main/shell/window-extra.ts')
    expect(outside.some((id) => id.startsWith('no-restricted-syntax'))).toBe(true)
    const inside = await ruleIds(code, 'electron/main/shell/ipc/register.ts')
    expect(inside).toEqual([])
  })
})

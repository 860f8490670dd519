import { homedir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultDataDir } from '../../../electron/main/core/paths'

describe('defaultDataDir (same folder as Electron userData for productName "Renewal Desk")', () => {
  it('honours RENEWAL_DESK_DATA_DIR first', () => {
    expect(defaultDataDir({ RENEWAL_DESK_DATA_DIR: '/tmp/rd' }, 'linux')).toBe('/tmp/rd')
  })
  it('uses APPDATA on Windows', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(
      join('C:\\Users\\a\\AppData\\Roaming', 'Renewal Desk'),
    )
  })
  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({}, 'darwin')).toBe(
      join(homedir(), 'Library', 'Application Support', 'Renewal Desk'),
    )
  })
  it('uses XDG_CONFIG_HOME or ~/.config on Linux', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(join('/x', 'Renewal Desk'))
    expect(defaultDataDir({}, 'linux')).toBe(join(homedir(), '.config', 'Renewal Desk'))
  })
})

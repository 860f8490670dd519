import { describe, expect, it, vi } from 'vitest'
import { openExternalUrl } from '../../../electron/main/shell/external-links'
import { isAllowedPermission } from '../../../electron/main/shell/security'
import { resolveInside } from '../../../electron/main/shell/protocol-paths'

describe('openExternalUrl', () => {
  it.each(['https://www.sompo-japan.co.jp/'])('opens %s', (url) => {
    const open = vi.fn(async () => {})
    expect(openExternalUrl(url, open)).toBe(true)
    expect(open).toHaveBeenCalledOnce()
  })

  it.each([
    'http://192.168.0.1/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'nonsense',
  ])('refuses %s', (url) => {
    const open = vi.fn(async () => {})
    expect(openExternalUrl(url, open)).toBe(false)
    expect(open).not.toHaveBeenCalled()
  })
})

describe('permissions', () => {
  it('denies everything but the allow-list', () => {
    expect(isAllowedPermission('clipboard-sanitized-write')).toBe(true)
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'hid', 'serial']) {
      expect(isAllowedPermission(p)).toBe(false)
    }
  })
})

describe('renderer protocol paths', () => {
  it('maps inside the renderer folder and refuses escapes', () => {
    expect(resolveInside('/app/out/renderer', '/')).toBe('/app/out/renderer/index.html')
    expect(resolveInside('/app/out/renderer', '/assets/a.js')).toBe('/app/out/renderer/assets/a.js')
    expect(resolveInside('/app/out/renderer', '/../main/index.js')).toBeNull()
    expect(resolveInside('/app/out/renderer', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull()
  })
})

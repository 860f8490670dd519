import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_DIR_NAME = 'Renewal Desk'
export const DATABASE_FILE = 'renewal-desk.sqlite'

/**
 * Where the app keeps its data when no path is given. Mirrors Electron's
 * app.getPath('userData') for productName "Renewal Desk", so the desktop app, the web
 * host and the CLI share one cache by default. RENEWAL_DESK_DATA_DIR overrides it.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.RENEWAL_DESK_DATA_DIR) return env.RENEWAL_DESK_DATA_DIR
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DIR_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_DIR_NAME)
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultDataDir(env), DATABASE_FILE)
}

import type { Logger } from '../core/logger'

/** The slice of electron-updater's autoUpdater we use, passed in for tests. */
export interface UpdaterLike {
  logger: unknown
  checkForUpdatesAndNotify(): Promise<unknown>
  on(event: 'error', listener: (error: Error) => void): unknown
}

/**
 * Checks for updates in packaged builds only (a dev build has no feed). A failed check is
 * logged and ignored: agencies behind proxies must still be able to work.
 */
export function initAutoUpdater({
  updater,
  log,
  isPackaged,
}: {
  updater: UpdaterLike
  log: Logger
  isPackaged: boolean
}): void {
  if (!isPackaged) return
  updater.logger = null
  updater.on('error', (error) => log.warn('update check failed', { error: error.name }))
  updater.checkForUpdatesAndNotify().catch((error: unknown) => {
    log.warn('update check failed', { error: error instanceof Error ? error.name : 'unknown' })
  })
}

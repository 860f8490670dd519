import { ipcMain } from 'electron'
import type { Handlers } from '../../../common/api/contract'
import { bindContract } from './validated-ipc'

/** The only place raw ipcMain is touched (a lint rule enforces it). */
export function registerContract(handlers: Handlers, trustedOrigins: readonly string[]): void {
  bindContract(ipcMain, handlers, trustedOrigins)
}

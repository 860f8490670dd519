import { contextBridge, ipcRenderer } from 'electron'
import { buildNamedApi } from '../common/api/named-api'

/**
 * Exposes the contract as named functions (`renewalDesk.contracts.list(input)`) and
 * nothing else: the renderer never sees ipcRenderer, so it cannot reach other channels.
 */
contextBridge.exposeInMainWorld(
  'renewalDesk',
  buildNamedApi<'result'>((channel, input) => ipcRenderer.invoke(channel, input)),
)

import { join } from 'node:path'
import { BrowserWindow, shell } from 'electron'
import { hardenContents } from './security'

export interface MainWindowOptions {
  preloadPath: string
  /** app://renderer/index.html, or the electron-vite dev server in development. */
  url: string
}

export function createMainWindow({ preloadPath, url }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: '更新デスク',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  hardenContents(window.webContents, (link) => shell.openExternal(link))
  window.once('ready-to-show', () => window.show())
  void window.loadURL(url)
  return window
}

export function preloadPathFrom(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs')
}

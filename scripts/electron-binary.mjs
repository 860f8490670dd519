import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/**
 * Path of the Electron binary, or null when it was not downloaded
 * (ELECTRON_SKIP_BINARY_DOWNLOAD=1, or a proxy blocked the download). Reads what
 * electron's own index.js reads, without requiring it: that would start a download.
 */
export function electronBinary() {
  let packageDir
  try {
    packageDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  if (override)
    return existsSync(join(override, relative ?? 'electron'))
      ? join(override, relative ?? 'electron')
      : null
  if (!relative) return null
  const binary = join(packageDir, 'dist', relative)
  return existsSync(binary) ? binary : null
}

export const HOW_TO_GET_ELECTRON = `
Electron の実行ファイルがインストールされていません（ダウンロードが省略されたか、プロキシで遮断されました）。
The Electron binary is not installed (its download was skipped or blocked by a proxy).

  今すぐ使う / Use it now:      npm run web   （ブラウザで同じアプリが動きます / the same app in your browser）
  後から入れる / Add it later:  npx install-electron --no
      社内ミラーがある場合 / with an internal mirror:
        ELECTRON_MIRROR=https://<mirror>/electron/ npx install-electron --no
      オフラインの場合 / offline: unpack electron-v<version>-<platform>-<arch>.zip (downloaded on
        another machine) into a folder and set ELECTRON_OVERRIDE_DIST_PATH to that folder.
`

// `npm start`: the desktop app where the Electron binary exists; otherwise a clear message
// and a non-zero exit (npm run web works without it).
import { spawnSync } from 'node:child_process'
import { electronBinary, HOW_TO_GET_ELECTRON } from './electron-binary.mjs'

const binary = electronBinary()
if (!binary) {
  process.stderr.write(HOW_TO_GET_ELECTRON)
  process.exit(1)
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

run(process.execPath, ['scripts/native.mjs', 'electron'])
run('npx', ['electron-vite', 'build'])
run(binary, ['.'])

// better-sqlite3 is a native module, built for one runtime at a time. Plain Node (tests,
// CLI, web host) uses the copy in node_modules; Electron uses its own copy under
// .native/electron, passed to better-sqlite3 as `nativeBinding`. Neither build ever
// overwrites the other, so `npm test` keeps working after `npm start`.
//
//   node scripts/native.mjs node       check the node_modules build loads; rebuild if not
//   node scripts/native.mjs electron   build .native/electron for the installed Electron
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'

const require = createRequire(import.meta.url)
const root = resolve(import.meta.dirname, '..')
const mode = process.argv[2]

function loadsInNode() {
  const probe = "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()"
  return spawnSync(process.execPath, ['-e', probe], { cwd: root, stdio: 'pipe' }).status === 0
}

function ensureNode() {
  if (loadsInNode()) return
  process.stderr.write('better-sqlite3 is not built for this Node; rebuilding (about a minute)…\n')
  const result = spawnSync('npm', ['rebuild', 'better-sqlite3'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  if (result.status !== 0 || !loadsInNode()) {
    process.stderr.write(
      'better-sqlite3 could not be built for Node. Check python3, make and a C++ compiler.\n',
    )
    process.exit(1)
  }
}

async function ensureElectron() {
  const electronVersion = JSON.parse(
    readFileSync(require.resolve('electron/package.json'), 'utf8'),
  ).version
  const sqliteVersion = JSON.parse(
    readFileSync(require.resolve('better-sqlite3/package.json'), 'utf8'),
  ).version
  const target = join(root, '.native/electron')
  const stampFile = join(target, 'stamp.json')
  const stamp = JSON.stringify({
    electronVersion,
    sqliteVersion,
    platform: process.platform,
    arch: process.arch,
  })
  const binary = join(target, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')
  if (existsSync(binary) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp)
    return

  process.stderr.write(
    `Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion}…\n`,
  )
  rmSync(target, { recursive: true, force: true })
  mkdirSync(join(target, 'node_modules'), { recursive: true })
  cpSync(join(root, 'node_modules/better-sqlite3'), join(target, 'node_modules/better-sqlite3'), {
    recursive: true,
    filter: (src) => !src.includes(`${join('better-sqlite3', 'build')}`),
  })
  writeFileSync(
    join(target, 'package.json'),
    JSON.stringify({
      name: 'renewal-desk-native-electron',
      private: true,
      dependencies: { 'better-sqlite3': sqliteVersion },
    }),
  )
  const { rebuild } = await import('@electron/rebuild')
  await rebuild({
    buildPath: target,
    electronVersion,
    force: true,
    onlyModules: ['better-sqlite3'],
  })
  if (!existsSync(binary)) {
    process.stderr.write(
      'The Electron build of better-sqlite3 was not produced; see the messages above.\n',
    )
    process.exit(1)
  }
  writeFileSync(stampFile, stamp)
}

if (mode === 'node') ensureNode()
else if (mode === 'electron') await ensureElectron()
else {
  process.stderr.write('usage: node scripts/native.mjs node|electron\n')
  process.exit(2)
}

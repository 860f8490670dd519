import { spawn } from 'node:child_process'
import type { ProcessLauncher } from '../main/core/connection/demo-insurer-process'

/** The web host runs the built demo insurer (out/main/demo-insurer.js) as a plain Node child. */
export function nodeDemoInsurerLauncher(script: string): ProcessLauncher {
  return (args) => {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    // The demo insurer must not outlive the app that started it.
    const stop = () => child.kill()
    process.once('exit', stop)
    return {
      stdout: child.stdout,
      kill: stop,
      onExit: (listener) => child.once('exit', listener),
    }
  }
}

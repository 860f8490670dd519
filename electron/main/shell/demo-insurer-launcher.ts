import { utilityProcess } from 'electron'
import type { ProcessLauncher } from '../core/connection/demo-insurer-process'

/**
 * In the desktop app the demo insurer runs in a utility process: a real Node child that
 * needs neither a Node binary on the PC nor the runAsNode fuse (flipped off at package time).
 */
export function utilityDemoInsurerLauncher(script: string): ProcessLauncher {
  return (args) => {
    const child = utilityProcess.fork(script, args, {
      stdio: 'pipe',
      serviceName: 'Renewal Desk demo insurer',
    })
    return {
      stdout: child.stdout,
      kill: () => void child.kill(),
      onExit: (listener) => void child.once('exit', (code) => listener(code)),
    }
  }
}

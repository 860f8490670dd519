import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // A separate program started as a child process, never imported by the app.
          'demo-insurer': resolve('demo-insurer/main.ts'),
          // The sync worker thread (started by the core with new Worker()).
          'sync-worker': resolve('electron/main/core/sync-worker/worker-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // sandbox: true lets a preload require only 'electron': bundle everything else
      // (zod, the contract) into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
})

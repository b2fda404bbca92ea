import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = path.dirname(fileURLToPath(import.meta.url))

const shared = {
  resolve: {
    alias: {
      '@payload-config': path.join(root, 'payload.config.ts'),
      '@': path.join(root, 'src'),
    },
  },
}

/**
 * Two projects: `unit` (pure code and small local servers, run in parallel) and `servers` (each
 * file boots production CMS/web processes, some drive Chromium or measure latency). On two cores
 * the server files run one at a time, so a timing assertion never competes with another file.
 */
export default defineConfig({
  ...shared,
  test: {
    setupFiles: [path.join(root, 'tests/helpers/setup.ts')],
    projects: [
      {
        ...shared,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], setupFiles: [path.join(root, 'tests/helpers/setup.ts')], testTimeout: 30_000 },
      },
      {
        ...shared,
        test: {
          name: 'servers',
          include: ['tests/{int,e2e,reliability,bench}/**/*.test.ts'],
          setupFiles: [path.join(root, 'tests/helpers/setup.ts')],
          fileParallelism: false,
          testTimeout: 60_000,
          // expect.poll waits for state (a browser render, an autosave, a purge); its default 1 s
          // deadline is shorter than one admin render on 2 busy cores. Polls return as soon as the
          // state is there, so a generous deadline costs nothing when the machine is quiet.
          expect: { poll: { timeout: 20_000 } },
          // beforeAll starts up to two servers, each allowed 180 s to come up on a busy machine.
          hookTimeout: 420_000,
        },
      },
    ],
  },
})

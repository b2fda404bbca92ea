import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = path.dirname(fileURLToPath(import.meta.url))

export default defineConfig({
  resolve: {
    alias: {
      '@payload-config': path.join(root, 'payload.config.ts'),
      '@': path.join(root, 'src'),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: [path.join(root, 'tests/helpers/setup.ts')],
    testTimeout: 30_000,
    hookTimeout: 240_000,
    // Integration and e2e files boot real servers; two cores cannot run many at once.
    fileParallelism: true,
    maxWorkers: 2,
  },
})

import type { Server } from 'node:http'
import { drainHttpServer } from './drain'

/**
 * SIGTERM/SIGINT: finish the requests clients already sent (see drainHttpServer), then exit 0.
 * Past `graceMs` the remaining connections are cut and we exit anyway, so an orchestrator's stop
 * never waits on us longer than that.
 */
export function gracefulShutdown(server: Server, { name, graceMs = 8_000, onClose }: { name: string; graceMs?: number; onClose?: () => Promise<void> | void }): void {
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`[${name}] ${signal}: draining`)
    await drainHttpServer(server, graceMs)
    try {
      await onClose?.()
    } finally {
      console.log(`[${name}] stopped`)
      process.exit(0)
    }
  }
  process.on('SIGTERM', () => void stop('SIGTERM'))
  process.on('SIGINT', () => void stop('SIGINT'))
}

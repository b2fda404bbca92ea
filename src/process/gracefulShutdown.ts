import type { Server } from 'node:http'
import { drainHttpServer } from './drain'

/**
 * SIGTERM/SIGINT: finish the requests clients already sent (see drainHttpServer), then exit 0.
 * Past `graceMs` the remaining connections are cut and we exit anyway, so an orchestrator's stop
 * never waits on us longer than that.
 */
const HARD_DEADLINE_MS = 9_500

export function gracefulShutdown(server: Server, { name, graceMs = 8_000, onClose }: { name: string; graceMs?: number; onClose?: () => Promise<void> | void }): void {
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`[${name}] ${signal}: draining`)
    // Whatever hangs after the drain (a framework's close, a timer), the process is gone by 10 s.
    setTimeout(() => {
      console.error(`[${name}] still shutting down after ${HARD_DEADLINE_MS} ms; exiting`)
      process.exit(1)
    }, HARD_DEADLINE_MS).unref()
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

import type { Server } from 'node:http'

/**
 * SIGTERM/SIGINT: stop accepting, let in-flight requests finish, then exit 0. Idle keep-alive
 * sockets are closed at once; a request still running after `graceMs` is cut and we exit anyway,
 * so an orchestrator's stop never waits on us longer than that.
 */
export function gracefulShutdown(server: Server, { name, graceMs = 8_000, onClose }: { name: string; graceMs?: number; onClose?: () => Promise<void> | void }): void {
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`[${name}] ${signal}: draining`)
    const force = setTimeout(() => {
      console.error(`[${name}] requests still running after ${graceMs} ms; closing them`)
      server.closeAllConnections()
    }, graceMs)
    force.unref()
    server.close(async () => {
      clearTimeout(force)
      try {
        await onClose?.()
      } finally {
        console.log(`[${name}] stopped`)
        process.exit(0)
      }
    })
    server.closeIdleConnections()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

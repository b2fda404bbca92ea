/**
 * Preload for profiling a server under load: `NODE_OPTIONS="--import tsx --import ./bench/cpuProfile.ts"`
 * with CPU_PROFILE_DIR set. Node 20 refuses `--cpu-prof` in NODE_OPTIONS, so this starts V8's
 * sampling profiler through node:inspector and writes `<dir>/<pid>.cpuprofile` when the process
 * exits (the servers exit through process.exit after SIGTERM; an in-thread inspector session
 * answers synchronously, so the write still happens inside the 'exit' handler).
 */
import fs from 'node:fs'
import path from 'node:path'
import { Session } from 'node:inspector'

const dir = process.env.CPU_PROFILE_DIR
if (dir) {
  const session = new Session()
  session.connect()
  session.post('Profiler.enable')
  session.post('Profiler.setSamplingInterval', { interval: 500 })
  session.post('Profiler.start')
  process.once('exit', () => {
    session.post('Profiler.stop', (err, result) => {
      if (err) return console.error('[cpu-profile] stop failed:', err)
      fs.mkdirSync(dir, { recursive: true })
      fs.writeFileSync(path.join(dir, `${path.basename(process.argv[1] ?? 'node', '.ts')}-${process.pid}.cpuprofile`), JSON.stringify(result.profile))
    })
  })
}

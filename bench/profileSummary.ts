/**
 * Text summary of a .cpuprofile: where the time went, by function (self), by package or source
 * file, and inclusive. For a quick answer in a terminal; open the file in Chrome DevTools for more.
 *
 *   npx tsx bench/profileSummary.ts <file.cpuprofile> [--last=SECONDS] [--top=N]
 *
 * --last keeps only the final SECONDS of the profile: the load run, not the server's start-up.
 */
import fs from 'node:fs'
import { z } from 'zod'

const Profile = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
      children: z.array(z.number()).optional(),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
})
type ProfileNode = z.infer<typeof Profile>['nodes'][number]

const short = (url: string) => url.replace(/^file:\/\//, '').replace(/.*node_modules\//, 'nm/').replace(/^.*?\/(apps|src|collections|seed|bench)\//, '$1/')
const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`
function packageOf(n: ProfileNode): string {
  const url = n.callFrame.url
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (pkg) return pkg[1]!
  if (!url) return n.callFrame.functionName
  return short(url).split('/').slice(0, 2).join('/')
}

function bump(map: Map<string, number>, key: string, by: number) {
  map.set(key, (map.get(key) ?? 0) + by)
}

export function summarize(profile: z.infer<typeof Profile>, lastSec: number, top: number): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const totalUs = profile.timeDeltas.reduce((a, b) => a + b, 0)
  const fromUs = totalUs - lastSec * 1e6
  const self = new Map<string, number>()
  const packages = new Map<string, number>()
  const inclusive = new Map<string, number>()
  let clock = 0
  let kept = 0
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0
    clock += dt
    const node = byId.get(id)
    if (clock < fromUs || !node) return
    kept += dt
    bump(self, label(node), dt)
    bump(packages, packageOf(node), dt)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = label(byId.get(at)!)
      if (!seen.has(key)) bump(inclusive, key, dt)
      seen.add(key)
    }
  })
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => `${((v / kept) * 100).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n')
  return [`${(kept / 1000).toFixed(0)} ms sampled`, '', '-- self', list(self), '', '-- by package / file', list(packages), '', '-- inclusive', list(inclusive)].join('\n')
}

const isMain = process.argv[1]?.endsWith('profileSummary.ts')
if (isMain) {
  const file = process.argv[2]
  if (!file) throw new Error('usage: profileSummary.ts <file.cpuprofile> [--last=SECONDS] [--top=N]')
  const flag = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
  console.log(summarize(Profile.parse(JSON.parse(fs.readFileSync(file, 'utf8'))), flag('last', Infinity), flag('top', 30)))
}

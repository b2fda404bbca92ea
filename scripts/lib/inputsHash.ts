import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const SKIP = new Set(['node_modules', '.next', 'data', '.git', 'server', 'bench-out'])

/** Hash of every file under the given roots (names and bytes), to know whether a build is stale. */
export function inputsHash(repoRoot: string, roots: string[]): string {
  const hash = crypto.createHash('sha256')
  const visit = (abs: string) => {
    const stat = fs.statSync(abs, { throwIfNoEntry: false })
    if (!stat) return
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) if (!SKIP.has(name)) visit(path.join(abs, name))
    } else if (stat.isFile()) {
      hash.update(path.relative(repoRoot, abs)).update('\0').update(fs.readFileSync(abs)).update('\0')
    }
  }
  for (const r of roots) visit(path.join(repoRoot, r))
  return hash.digest('hex')
}

/**
 * `.env.example` is where an operator learns what can be configured; it must name every variable
 * `src/env.ts` reads and nothing it does not, or the example quietly goes out of date.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ENV_VARIABLES, repoRoot } from '../../src/env'

describe('.env.example', () => {
  it('lists exactly the variables src/env.ts parses', () => {
    const text = fs.readFileSync(path.join(repoRoot, '.env.example'), 'utf8')
    const listed = [...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1])
    expect(new Set(listed).size).toBe(listed.length)
    expect([...listed].sort()).toEqual(ENV_VARIABLES)
  })
})

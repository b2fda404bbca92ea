/**
 * The seed command end to end: the real CLI as a child process, writing into the same
 * database a running production CMS serves, checked over the public REST API.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { createFirstAdmin, json, type Session } from '../../scripts/lib/restApi'
import { databaseSnapshot } from '../helpers/snapshot'
import { repoRoot } from '../../src/env'
import type { AssembledArticle } from '../../src/cms/schemas'

const KETAMINE = path.join(repoRoot, 'seed/documents/ketamine.txt')
const PSILOCYBIN = path.join(repoRoot, 'seed/documents/psilocybin-sample.txt')
const KETAMINE_SLUG = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'

let stack: Stack
let admin: Session

beforeAll(async () => {
  stack = await startStack()
  admin = await createFirstAdmin(stack.cms.url)
})
afterAll(() => stack?.stop())

const bySlug = async (slug: string) => json<AssembledArticle>(await fetch(`${stack.cms.url}/api/articles/by-slug/${slug}`))

/** Body paragraphs of a source document: everything but the publication, title and heading lines and the fragment. */
function bodyParagraphs(file: string, headings: string[], skip: string[]): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p && !headings.includes(p) && !skip.includes(p))
}

describe('the bundled document', () => {
  let article: AssembledArticle
  beforeAll(async () => {
    const first = await runSeed(stack.env, ['--publish'])
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toMatch(/created: article "ketamine-a-promising-breakthrough-in-mental-health-treatment"/)
    expect(first.stderr).toMatch(/ketamine\.txt:36: fragment/)
    article = await bySlug(KETAMINE_SLUG)
  })

  it('yields the titled article with the introduction and four headed sections in order', () => {
    expect(article.title).toBe('Ketamine: A Promising Breakthrough in Mental Health Treatment')
    expect(article.publication).toBe('Tripsitter Psychedelics')
    expect(article.sections.map((s) => s.heading)).toEqual([
      null,
      'Understanding the Mechanisms of Ketamine',
      'Clinical Efficacy: Hope for Treatment-Resistant Conditions',
      'Addressing Challenges and Seeking Improvements',
      'The Way Forward: Toward a Promising Future',
    ])
  })

  it('links three citations, each from the sentence that cites it', () => {
    expect(article.citations.map((c) => [c.number, c.label, c.year])).toEqual([
      [1, 'Zarate et al. (2006)', 2006],
      [2, 'Feder et al. (2014)', 2014],
      [3, 'Caddy et al. (2015)', 2015],
    ])
    // The record from the metadata file beside the document, not the text's (wrong) venue.
    expect(article.citations[0]).toMatchObject({
      journal: 'Archives of General Psychiatry',
      title: 'A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression',
      volume: '63',
      issue: '8',
      pages: '856-864',
      doi: '10.1001/archpsyc.63.8.856',
      pmid: '16894061',
      studyType: 'randomized controlled trial',
      verified: true,
    })
    expect(article.citations[0]?.authorList.slice(0, 2)).toEqual([
      { family: 'Zarate', given: 'C. A.', suffix: 'Jr' },
      { family: 'Singh', given: 'J. B.', suffix: null },
    ])
    expect(article.citations.map((c) => c.doi)).toEqual(['10.1001/archpsyc.63.8.856', '10.1001/jamapsychiatry.2014.62', '10.1002/14651858.cd011612.pub2'])
    expect(article.citations[2]).toMatchObject({ studyType: 'systematic review and meta-analysis' })
    const html = article.sections.map((s) => s.html).join('\n')
    expect(html).toContain('Zarate et al. (2006)<sup class="cite"><a id="cite-1-1" href="#ref-1" role="doc-noteref"')
    expect(html).toContain('Feder et al. (2014)<sup class="cite"><a id="cite-2-1" href="#ref-2"')
    expect(html).toContain('Caddy et al. (2015)<sup class="cite"><a id="cite-3-1" href="#ref-3"')
  })

  it('stores every paragraph exactly once, in order, and nothing else', () => {
    const headings = article.sections.flatMap((s) => (s.heading ? [s.heading] : []))
    const expected = bodyParagraphs(KETAMINE, [article.title, 'Tripsitter Psychedelics', ...headings], ['編 集'])
    const stored = article.sections.flatMap((s) => s.text.split('\n\n'))
    expect(stored).toEqual(expected)
  })

  it('keeps run-in labels as bold lead-ins', () => {
    const html = article.sections.map((s) => s.html).join('')
    for (const label of ['Depression:', 'PTSD and Trauma-Related Conditions:', 'Suicidal Ideation:', 'Long-Term Efficacy:', 'Standardization of Protocols:', 'Public Perception and Misuse:']) {
      expect(html).toContain(`<strong class="run-in">${label}</strong>`)
    }
  })

  it('changes nothing when run again, and says so', async () => {
    const before = await databaseSnapshot(stack.cms.url, admin)
    const again = await runSeed(stack.env, ['--publish'])
    expect(again.code, again.stderr).toBe(0)
    expect(again.stdout).toContain(`unchanged: "${KETAMINE_SLUG}" already matches the document (no writes)`)
    expect(await databaseSnapshot(stack.cms.url, admin)).toBe(before)
  })
})

describe('a second document of the same shape', () => {
  it('round-trips every paragraph and reuses nothing it should not', async () => {
    const run = await runSeed(stack.env, [PSILOCYBIN, '--publish'])
    expect(run.code, run.stderr).toBe(0)
    const slug = /created: article "([^"]+)"/.exec(run.stdout)?.[1]
    expect(slug).toBeTruthy()
    const article = await bySlug(slug!)
    const headings = article.sections.flatMap((s) => (s.heading ? [s.heading] : []))
    const firstLines = fs.readFileSync(PSILOCYBIN, 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).slice(0, 2)
    const expected = bodyParagraphs(PSILOCYBIN, [...firstLines, ...headings], [])
    expect(article.sections.flatMap((s) => s.text.split('\n\n'))).toEqual(expected)
    expect(article.citations.length).toBeGreaterThanOrEqual(3)
    expect(article.citations.map((c) => c.number)).toEqual(article.citations.map((_, i) => i + 1))
  })
})

describe('a citation shared by two articles', () => {
  it('is one record, reused', async () => {
    const dir = fs.mkdtempSync(path.join(stack.dataDir, 'docs-'))
    const file = path.join(dir, 'reuse.txt')
    fs.writeFileSync(file, 'Reuse Test Article\n\nA first paragraph that cites Zarate et al. (2006), published in the American Journal of Psychiatry, again.\n\nMore\n\nA closing paragraph with enough words to stand as prose.\n')
    const run = await runSeed(stack.env, [file])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('citations: 0 created, 1 reused')
  })
})

describe('bad input', () => {
  const cases: [string, string | Buffer | null, RegExp][] = [
    ['missing.txt', null, /missing\.txt: file not found/],
    ['empty.txt', '', /empty\.txt: file is empty/],
    ['binary.txt', Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0x00, 0x01, 0x02]), /binary\.txt:2: binary content/],
    ['latin1.txt', Buffer.from('Title\n\nCaf\xe9 au lait is a paragraph here.\n', 'latin1'), /latin1\.txt:3: invalid UTF-8/],
    ['notitle.txt', 'This document starts with a sentence. It has no title line at all.\n\nSecond paragraph.\n', /notitle\.txt:1: no title/],
    ['nobody.txt', 'A Title\n\nAn introduction paragraph that reads as prose.\n\nA Heading With No Body\n', /nobody\.txt:5: heading "A Heading With No Body" has no body/],
    ['huge.txt', 'Big Title\n\n' + 'Lorem ipsum dolor sit amet. '.repeat(40_000), /huge\.txt: file is larger than 1 MB/],
  ]
  for (const [name, content, message] of cases) {
    it(`${name}: exits non-zero with file, line and problem, and writes nothing`, async () => {
      const file = path.join(stack.dataDir, name)
      if (content !== null) fs.writeFileSync(file, content)
      const before = await databaseSnapshot(stack.cms.url, admin)
      const run = await runSeed(stack.env, [file, '--publish'])
      expect(run.code).toBe(1)
      expect(run.stderr).toMatch(message)
      expect(await databaseSnapshot(stack.cms.url, admin)).toBe(before)
    })
  }

  it('accepts CRLF line endings and a BOM', async () => {
    const file = path.join(stack.dataDir, 'crlf.txt')
    fs.writeFileSync(file, '\uFEFFWindows Title\r\n\r\nA paragraph written on Windows, with <script>alert(1)</script> kept as text.\r\n')
    const run = await runSeed(stack.env, [file, '--publish'])
    expect(run.code, run.stderr).toBe(0)
    const article = await bySlug('windows-title')
    expect(article.sections[0]!.text).toBe('A paragraph written on Windows, with <script>alert(1)</script> kept as text.')
    expect(article.sections[0]!.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('--dry-run parses and prints without writing', async () => {
    const before = await databaseSnapshot(stack.cms.url, admin)
    const run = await runSeed(stack.env, [PSILOCYBIN, '--dry-run'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('dry run: nothing written')
    expect(await databaseSnapshot(stack.cms.url, admin)).toBe(before)
  })
})

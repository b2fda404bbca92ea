/**
 * Claims checked against sources over the real REST API, on the bundled ketamine article: its text
 * says Zarate et al. (2006) appeared in the American Journal of Psychiatry, its record says Archives
 * of General Psychiatry. Staff see exactly that one warning (for the article and for the citation);
 * an editor dismisses it with a reason that is kept, or fixes the sentence, and it is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSeed, startStack, type Stack } from '../../scripts/lib/stack'
import { auth, createFirstAdmin, createUser, json, type Session } from '../../scripts/lib/restApi'
import { articleRefs, KETAMINE_SLUG, send } from '../reliability/support'
import type { ClaimFinding } from '../../collections/ClaimDismissals/claimFindings'

const ZARATE_WARNING = 'text says American Journal of Psychiatry; the record for DOI 10.1001/archpsyc.63.8.856 says Archives of General Psychiatry'

let stack: Stack
let cms: string
let editor: Session
let author: Session
let article: { id: string | number }

beforeAll(async () => {
  stack = await startStack()
  cms = stack.cms.url
  const seeded = await runSeed(stack.env, ['--publish'])
  expect(seeded.code, seeded.stderr).toBe(0)
  const admin = await createFirstAdmin(cms)
  editor = await createUser(cms, admin, 'editor')
  author = await createUser(cms, admin, 'author')
  article = await articleRefs(cms, KETAMINE_SLUG)
})
afterAll(() => stack?.stop())

const findings = async (path: string, who: Session = editor) => {
  const res = await fetch(`${cms}${path}`, { headers: auth(who) })
  expect(res.status, await res.clone().text()).toBe(200)
  return (await json<{ findings: ClaimFinding[] }>(res)).findings
}

describe('claim checks', () => {
  it('find exactly the one venue contradiction in the bundled article, for staff only', async () => {
    const found = await findings(`/api/articles/${article.id}/claims`)
    expect(found.map((f) => [f.citation.label, f.kind, f.message, f.dismissal])).toEqual([['Zarate et al. (2006)', 'venue', ZARATE_WARNING, null]])
    expect(found[0]!.sentence).toMatch(/^In a randomized controlled trial published in the American Journal of Psychiatry, Zarate et al\. \(2006\) found/)
    expect(await findings(`/api/citations/${found[0]!.citation.id}/claims`, author)).toEqual(found)
    expect((await fetch(`${cms}/api/articles/${article.id}/claims`)).status).toBe(401)
    expect((await fetch(`${cms}/api/articles/abc/claims`, { headers: auth(editor) })).status).toBe(404)
  })

  it('are dismissed by an editor with a reason, which is kept and cannot be edited; authors cannot dismiss', async () => {
    const [finding] = await findings(`/api/articles/${article.id}/claims`)
    const dismissal = { citation: finding!.citation.id, claim: finding!.message, reason: 'The American Journal of Psychiatry reprinted the trial.' }
    expect((await send(cms, 'POST', '/api/claim-dismissals', dismissal, author)).status).toBe(403)
    const noReason = await send(cms, 'POST', '/api/claim-dismissals', { ...dismissal, reason: '' }, editor)
    expect(noReason.status).toBe(400)
    expect(JSON.stringify(await noReason.json())).toContain('"path":"reason"')
    const created = await send(cms, 'POST', '/api/claim-dismissals', dismissal, editor)
    expect(created.status).toBe(201)
    const id = (await json<{ doc: { id: number; dismissedBy: number } }>(created)).doc.id
    const [after] = await findings(`/api/articles/${article.id}/claims`)
    expect(after!.dismissal?.reason).toBe(dismissal.reason)
    expect((await send(cms, 'PATCH', `/api/claim-dismissals/${id}`, { reason: 'changed' }, editor)).status).toBe(403)
    const stored = await json<{ dismissedBy: number; reason: string }>(await fetch(`${cms}/api/claim-dismissals/${id}?depth=0`, { headers: auth(editor) }))
    expect(stored).toMatchObject({ dismissedBy: editor.user.id, reason: dismissal.reason })
    // Readers never see editorial judgements.
    expect((await fetch(`${cms}/api/claim-dismissals`)).status).toBe(403)
  })

  it('clear when the sentence is fixed', async () => {
    const [finding] = await findings(`/api/articles/${article.id}/claims`)
    const sectionId = finding!.section.id
    const section = await json<{ body: unknown }>(await fetch(`${cms}/api/sections/${sectionId}?draft=true&depth=0`, { headers: auth(editor) }))
    const fixed = JSON.parse(JSON.stringify(section.body).replace('published in the American Journal of Psychiatry', 'published in the Archives of General Psychiatry'))
    expect((await send(cms, 'PATCH', `/api/sections/${sectionId}?draft=true`, { body: fixed }, editor)).status).toBe(200)
    expect(await findings(`/api/articles/${article.id}/claims`)).toEqual([])
  })
})

/**
 * Small pieces the reliability tests share: process memory and exit, REST writes as an editor,
 * and minimal Lexical bodies. Servers, sessions and snapshots come from tests/helpers.
 */
import fs from 'node:fs'
import path from 'node:path'
import { spawn, type ChildProcess } from 'node:child_process'
import { repoRoot } from '../../src/env'
import type { EnvVars } from '../../scripts/lib/stack'
import { auth, json, type Session } from '../../scripts/lib/restApi'
import type { AssembledArticle } from '../../src/cms/schemas'

export const KETAMINE_SLUG = 'ketamine-a-promising-breakthrough-in-mental-health-treatment'

/** Resident memory of one process in MB, from /proc (what `top` shows as RES); null once it is gone. */
export function rssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Math.round(Number(match[1]) / 1024) : null
  } catch {
    return null
  }
}

/** Resolves with the exit code (or the signal's name) and how long after the call the process ended. */
export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: number }> {
  const started = Date.now()
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode, afterMs: 0 })
    child.once('exit', (code, signal) => resolve({ code, signal, afterMs: Date.now() - started }))
  })
}

export type ScriptRun = { child: ChildProcess; stdout: () => string; stderr: () => string; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> }

/**
 * A repository script (`seed/index.ts`, `scripts/export.ts`...) as its own process, the way npm runs
 * it, with live access to its output; killed (SIGKILL) if it outlives `timeoutMs`, which then
 * shows as a `signal` on the result: a hang is a failure, not a stuck test.
 */
export function runScript(env: EnvVars, script: string, args: string[] = [], timeoutMs = 90_000): ScriptRun {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, script), ...args], {
    cwd: repoRoot,
    // Next's type augmentation makes NODE_ENV required on ProcessEnv; every env from baseEnv sets it.
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (b: Buffer) => (stdout += b))
  child.stderr!.on('data', (b: Buffer) => (stderr += b))
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    // 'close' comes after 'exit' and after the pipes drained, so the output is complete.
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout, stderr })
    })
  })
  return { child, stdout: () => stdout, stderr: () => stderr, done }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

type LexicalText = { type: 'text'; version: 1; text: string; format: number; detail: 0; mode: 'normal'; style: '' }
export type LexicalInline = LexicalText | { type: 'link'; version: 3; format: ''; indent: 0; direction: 'ltr'; fields: { url: string; newTab: boolean; linkType: 'custom' }; children: LexicalText[] }

export const text = (value: string, format = 0): LexicalText => ({ type: 'text', version: 1, text: value, format, detail: 0, mode: 'normal', style: '' })
export const link = (url: string, label: string): LexicalInline => ({
  type: 'link',
  version: 3,
  format: '',
  indent: 0,
  direction: 'ltr',
  fields: { url, newTab: false, linkType: 'custom' },
  children: [text(label)],
})

/** A section body: one paragraph per entry, each a list of inline nodes (or plain text). */
export function lexicalBody(paragraphs: (string | LexicalInline[])[]) {
  return {
    root: {
      type: 'root',
      version: 1,
      format: '',
      indent: 0,
      direction: 'ltr',
      children: paragraphs.map((p) => ({
        type: 'paragraph',
        version: 1,
        format: '',
        indent: 0,
        direction: 'ltr',
        textFormat: 0,
        children: typeof p === 'string' ? [text(p)] : p,
      })),
    },
  }
}

export async function send(cms: string, method: 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown, session?: Session): Promise<Response> {
  return fetch(`${cms}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(session ? auth(session) : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

/**
 * The editorial flow for one change: save the intro section as a draft, then publish the article
 * (which publishes its sections). Throws unless both writes succeed.
 */
export async function publishIntro(cms: string, editor: Session, article: { id: string | number; introId: string | number }, paragraph: string): Promise<void> {
  const draft = await send(cms, 'PATCH', `/api/sections/${article.introId}?draft=true&depth=0`, { body: lexicalBody([paragraph]), _status: 'draft' }, editor)
  if (draft.status !== 200) throw new Error(`section draft save: ${draft.status} ${await draft.text()}`)
  const publish = await send(cms, 'PATCH', `/api/articles/${article.id}?depth=0`, { _status: 'published' }, editor)
  if (publish.status !== 200) throw new Error(`article publish: ${publish.status} ${await publish.text()}`)
}

export async function bySlug(cms: string, slug: string): Promise<AssembledArticle> {
  const res = await fetch(`${cms}/api/articles/by-slug/${slug}`, { headers: { 'cache-control': 'no-cache' } })
  if (res.status !== 200) throw new Error(`by-slug ${slug}: ${res.status} ${await res.text()}`)
  return json<AssembledArticle>(res)
}

export async function articleRefs(cms: string, slug: string): Promise<{ id: string | number; introId: string | number }> {
  const article = await bySlug(cms, slug)
  return { id: article.id, introId: article.sections[0]!.id }
}

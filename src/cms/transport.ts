/**
 * GET (or a read sent as a JSON POST) with a timeout and a bounded retry: the only HTTP the client does.
 *
 * Every call the client makes is an idempotent read, so repeating one is safe. It is repeated only
 * when repeating can help: the request never got an answer (network error, timeout) or the server
 * said it failed (5xx). A 4xx is the same on every try, so it is returned at once.
 */
import { CmsError } from './errors'

/** `RequestInit` plus framework keys such as Next's `{ next: { revalidate: 60 } }`. */
export type FetchInit = RequestInit & Record<string, unknown>

export interface TransportOptions {
  /** Origin (and optional path prefix) of the CMS, e.g. `https://cms.example.org`. */
  baseURL: string
  /** Defaults to the global fetch, looked up on every call (see below). */
  fetch?: typeof fetch
  /** Per attempt, including reading the body. Default 5000. */
  timeoutMs?: number
  /** Extra attempts after the first. Default 2. */
  retries?: number
  /** Sent with every request, e.g. `{ Authorization: 'users API-Key <key>' }`. */
  headers?: Record<string, string>
  /** Merged into every request's init; a call's own `init` wins key by key. */
  init?: FetchInit
}

export interface CallOptions {
  headers?: Record<string, string>
  init?: FetchInit
  /** Sent as a JSON POST: a read whose input is too large for a query string (a live preview's text). */
  json?: unknown
}

export interface RawResponse {
  status: number
  statusText: string
  headers: Headers
  body: string
  url: string
}

export type Transport = (pathAndQuery: string, call?: CallOptions) => Promise<RawResponse>

/** Waits before attempt n+1: 100 ms, 300 ms, 900 ms... capped, so a retry never stalls a page. */
export function retryDelayMs(attempt: number): number {
  return Math.min(100 * 3 ** attempt, 1000)
}

export function createTransport(options: TransportOptions): Transport {
  const base = options.baseURL.replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? 5000
  const retries = Math.max(0, options.retries ?? 2)
  // Look the global fetch up per call rather than once: Next.js patches globalThis.fetch after
  // modules load, and its `next: { revalidate }` caching only works through the patched one.
  // A local function (never `options.fetch(...)`) also avoids browsers' "Illegal invocation".
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))

  return async function get(pathAndQuery, call = {}) {
    const url = base + pathAndQuery
    // Shallow merge; `headers` and `signal` are rebuilt below, so neither init's copy is sent as is.
    const init: FetchInit = { ...options.init, ...call.init }
    const callerSignal = init.signal ?? undefined
    const headers = mergeHeaders(
      { accept: 'application/json', ...(call.json === undefined ? {} : { 'content-type': 'application/json' }) },
      options.headers,
      options.init?.headers,
      call.init?.headers,
      call.headers,
    )

    for (let attempt = 0; ; attempt++) {
      const timeout = AbortSignal.timeout(timeoutMs)
      const signal = callerSignal ? anySignal([callerSignal, timeout]) : timeout
      try {
        const request = call.json === undefined ? { method: 'GET' } : { method: 'POST', body: JSON.stringify(call.json) }
        const response = await fetchImpl(url, { ...init, ...request, headers, signal })
        if (response.status >= 500 && attempt < retries) {
          // Free the connection before waiting; the body of a failed try is never read.
          await response.body?.cancel().catch(() => undefined)
          await sleep(retryDelayMs(attempt))
          continue
        }
        const body = await response.text()
        return { status: response.status, statusText: response.statusText, headers: response.headers, body, url }
      } catch (error) {
        // The caller gave up (navigation, unmount): retrying would do work nobody waits for.
        if (callerSignal?.aborted) throw new CmsError(0, [{ message: 'Request aborted' }], url, { cause: error })
        const message = timeout.aborted ? `Timed out after ${timeoutMs} ms` : `Network error: ${describe(error)}`
        if (attempt >= retries) throw new CmsError(0, [{ message }], url, { cause: error })
        await sleep(retryDelayMs(attempt))
      }
    }
  }
}

type HeaderSource = HeadersInit | Record<string, string> | undefined

function mergeHeaders(...sources: HeaderSource[]): Headers {
  const merged = new Headers()
  for (const source of sources) {
    if (source === undefined) continue
    new Headers(source).forEach((value, name) => merged.set(name, value))
  }
  return merged
}

/** `AbortSignal.any` is recent in browsers (2024); fall back to wiring the signals by hand. */
function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals)
  const controller = new AbortController()
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason)
      break
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true })
  }
  return controller.signal
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** undici hides the useful part (ECONNREFUSED, ENOTFOUND) in `cause`. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : ''
  return `${error.message}${cause}`
}

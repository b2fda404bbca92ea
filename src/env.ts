/**
 * The environment, parsed once with zod. Nothing else in the project reads `process.env`.
 *
 * Why two parsers: the CMS and the reader site are separate processes with separate needs; each
 * parses only what it uses, so the web app never needs a database URL and vice versa.
 *
 * Secrets: in production every secret must be set explicitly and be long enough. In development a
 * fresh clone works with zero configuration: missing secrets are generated once, stored in
 * `<DATA_DIR>/secrets.json` (mode 0600) and shared by both processes, and the log says so.
 */
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { parseTrustProxy } from './http/trustProxy'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const MIN_SECRET_LENGTH = 32
const SECRET_NAMES = ['PAYLOAD_SECRET', 'REVALIDATE_SECRET', 'PREVIEW_SECRET'] as const
type SecretName = (typeof SECRET_NAMES)[number]
/** The reader site signs nothing with Payload's secret: it only checks webhooks and preview links. */
const WEB_SECRET_NAMES = ['REVALIDATE_SECRET', 'PREVIEW_SECRET'] as const satisfies readonly SecretName[]
type WebSecretName = (typeof WEB_SECRET_NAMES)[number]

const port = z.coerce.number().int().min(0).max(65535)
const url = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''))
const csv = z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
const positiveInt = z.coerce.number().int().positive()
/** V8 old-generation bounds of the two servers, in MB (see heapFlags below for why and how they were chosen). */
const DEFAULT_HEAP_MB = { cms: 512, web: 256 } as const

/**
 * Socket limits shared by both HTTP servers. A client that sends headers slowly (or never finishes
 * them) holds a file descriptor; without these Node waits 60 s for headers and 5 min for a request,
 * so a few thousand idle connections exhaust the process's descriptors.
 */
const serverLimits = {
  SERVER_HEADERS_TIMEOUT_MS: positiveInt.default(10_000),
  SERVER_REQUEST_TIMEOUT_MS: positiveInt.default(30_000),
  SERVER_KEEP_ALIVE_TIMEOUT_MS: positiveInt.default(5_000),
  SERVER_MAX_CONNECTIONS: positiveInt.default(4_096),
  // Comma-separated addresses or CIDRs (or loopback, linklocal, uniquelocal) of proxies whose
  // X-Forwarded-For names the client; `false` trusts none.
  TRUST_PROXY: z
    .string()
    .default('loopback')
    .transform((value, ctx) => {
      try {
        return parseTrustProxy(value)
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) })
        return z.NEVER
      }
    }),
}

const base = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATA_DIR: z.string().default(path.join(repoRoot, 'data')),
  REVALIDATE_SECRET: z.string().optional(),
  PREVIEW_SECRET: z.string().optional(),
  CMS_URL: url.default('http://localhost:3000'),
  WEB_URL: url.default('http://localhost:3001'),
  // 1 = a real deployment (docker-compose sets it): every secret must then be given explicitly.
  DEPLOYMENT: z.enum(['0', '1']).default('0'),
})

const cmsSchema = base.extend({
  PAYLOAD_SECRET: z.string().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(mongodb(\+srv)?:\/\/|file:)/, 'must start with mongodb://, mongodb+srv:// or file:')
    .optional(),
  CMS_PORT: port.default(3000),
  HOST: z.string().default('0.0.0.0'),
  CORS_ORIGINS: csv.optional(),
  RATE_LIMIT_WINDOW_MS: positiveInt.default(60_000),
  RATE_LIMIT_API_MAX: positiveInt.default(600),
  RATE_LIMIT_LOGIN_MAX: positiveInt.default(10),
  MAX_DEPTH: z.coerce.number().int().min(0).max(10).default(2),
  MAX_BODY_BYTES: positiveInt.default(2 * 1024 * 1024),
  // Image uploads (POST /api/media) may be this large; every other body keeps MAX_BODY_BYTES.
  MAX_UPLOAD_BYTES: positiveInt.default(10 * 1024 * 1024),
  // Memory for anonymous API reads kept between publishes (bodies with their gzip and brotli variants).
  API_CACHE_MAX_BYTES: positiveInt.default(32 * 1024 * 1024),
  // How long an anonymous API read is answered from memory at most, even if no purge arrives (apps/cms/lib/apiCache.ts).
  API_CACHE_TTL_MS: positiveInt.default(5_000),
  // SQLite has one writer: writes in this process queue for it (up to the wait), and a lock held by
  // another process (a seed, an import) is waited on for the busy timeout per attempt.
  SQLITE_WRITE_WAIT_MS: positiveInt.default(20_000),
  SQLITE_BUSY_TIMEOUT_MS: positiveInt.default(1_000),
  // The query planner's statistics are refreshed after content changed, at most this often (apps/cms/lib/plannerStatistics.ts).
  SQLITE_ANALYZE_INTERVAL_MS: positiveInt.default(30_000),
  // V8's old-generation limit for the CMS process, in MB (read by the launchers: `npm start`, the
  // test and bench stacks, the image). See heapFlags below.
  CMS_HEAP_MB: positiveInt.default(DEFAULT_HEAP_MB.cms),
  ...serverLimits,
  // Scripts (seed, import) share the config but must not start the scheduled-publish cron.
  JOBS_AUTORUN: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  // With DEPLOYMENT=1 the first-admin sign-up accepts only this token (`npm start` generates and prints one).
  SETUP_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  // Where "Fill from DOI / PMID" looks sources up (Crossref REST API, NCBI E-utilities).
  CROSSREF_URL: url.default('https://api.crossref.org'),
  PUBMED_URL: url.default('https://eutils.ncbi.nlm.nih.gov/entrez/eutils'),
  // Unset: emails are written to the CMS log. Set: sent through this SMTP server (smtp:// or smtps://).
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  // The sender of account emails; defaults to no-reply at the CMS host.
  EMAIL_FROM: z.email().optional(),
})

const webSchema = base.extend({
  WEB_PORT: port.default(3001),
  HOST: z.string().default('0.0.0.0'),
  PAGE_CACHE_TTL_MS: positiveInt.default(5 * 60_000),
  // How often to ask the CMS whether content changed (a lost webhook is noticed this fast); 0 = never.
  REVISION_POLL_MS: z.coerce.number().int().min(0).default(1_000),
  // Per client: renders (cache misses) allowed per minute; beyond it a stale copy or 429.
  PAGE_CACHE_MISSES_PER_MINUTE: positiveInt.default(120),
  // Copies of evicted and purged pages kept for when the CMS fails.
  PAGE_CACHE_STALE_BYTES: positiveInt.default(64 * 1024 * 1024),
  ...serverLimits,
  // The CSL style of the reference list under each article.
  REFERENCE_STYLE: z.enum(['ama', 'apa', 'vancouver']).default('ama'),
  // V8's old-generation limit for the reader site's process, in MB; see heapFlags below.
  WEB_HEAP_MB: positiveInt.default(DEFAULT_HEAP_MB.web),
})

/**
 * Young-generation and growth settings of the CMS's heap. Under a burst of API reads, V8's defaults
 * (16 MB semi-spaces, an old generation allowed to grow to several times what survived the last
 * full collection) kept 40-50 MB more resident than these, at the same throughput within the
 * bench's run-to-run spread (measured A-B-B-A on every API read scenario). The reader site keeps
 * the defaults: its cached pages are Buffers outside the heap.
 */
const CMS_GC_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=20'] as const

/**
 * A server's heap settings as Node flags: its old-generation bound, and the CMS's collection
 * settings above. Without a bound V8 sizes the old generation from the machine's memory (4 GB on a
 * 24 GB host) and, under a burst of reads, lets short-lived garbage pile up for hundreds of MB
 * before a full collection: at 50 connections the CMS peaked at 520-700 MB. With a bound V8
 * collects sooner, at the same throughput. What each bound must leave room for: the reader site's
 * live heap is Next and its renders (its page cache holds Buffers, outside this bound); the CMS's
 * holds Payload and the search index, about 200 MB at 10,000 articles. Launchers read it
 * leniently: a bad value is reported by the server's own env check, not by the process that
 * starts it.
 */
export function heapFlags(server: 'cms' | 'web', source: EnvSource): string[] {
  const parsed = server === 'cms' ? cmsSchema.shape.CMS_HEAP_MB.safeParse(source.CMS_HEAP_MB) : webSchema.shape.WEB_HEAP_MB.safeParse(source.WEB_HEAP_MB)
  const bound = `--max-old-space-size=${parsed.success ? parsed.data : DEFAULT_HEAP_MB[server]}`
  return server === 'cms' ? [bound, ...CMS_GC_FLAGS] : [bound]
}

/** `npm run cluster` (scripts/cluster.ts): the ports nginx listens on for readers and for the CMS. */
const clusterSchema = z.object({
  CLUSTER_WEB_PORT: port.default(8080),
  CLUSTER_CMS_PORT: port.default(8081),
})

export type CmsEnv = z.infer<typeof cmsSchema> & Record<SecretName, string> & { databaseKind: 'mongodb' | 'sqlite'; sqlitePath: string }
export type WebEnv = z.infer<typeof webSchema> & Record<WebSecretName, string>

/** Any name-to-value map: process.env, or a test's own (Next's types make NODE_ENV required on ProcessEnv). */
export type EnvSource = Record<string, string | undefined>

export class EnvError extends Error {}

function parse<T extends z.ZodType>(schema: T, source: EnvSource): z.infer<T> {
  const result = schema.safeParse(source)
  if (result.success) return result.data
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
  throw new EnvError(`Invalid environment:\n${lines.join('\n')}`)
}

/**
 * CASE production: a missing or short secret refuses to start: a guessable secret signs sessions.
 * CASE development/test: generate once and persist, so restarts keep sessions and both apps agree.
 * CASE production with no secret at all: `npm start` on a fresh clone runs production servers with
 * zero configuration, so it generates them too (file mode 0600, logged), unless DEPLOYMENT=1 says
 * this is a real deployment, which must pass every secret explicitly.
 */
function resolveSecrets<N extends SecretName>(names: readonly N[], env: z.infer<typeof base> & Partial<Record<N, string>>, log: (msg: string) => void): Record<N, string> {
  const out = {} as Record<N, string>
  const missing: N[] = []
  for (const name of names) {
    const value = env[name]
    if (value && value.length >= MIN_SECRET_LENGTH) out[name] = value
    else if (env.NODE_ENV === 'production' && value !== undefined) {
      throw new EnvError(`Invalid environment:\n  ${name}: must be at least ${MIN_SECRET_LENGTH} characters in production`)
    } else missing.push(name)
  }
  if (missing.length === 0) return out
  if (env.NODE_ENV === 'production' && env.DEPLOYMENT === '1') {
    throw new EnvError(`Invalid environment:\n  ${missing.join(', ')}: required in production (at least ${MIN_SECRET_LENGTH} characters)`)
  }
  const stored = loadOrCreateSecretFile(env.DATA_DIR, log)
  for (const name of missing) out[name] = stored[name]
  return out
}

function loadOrCreateSecretFile(dataDir: string, log: (msg: string) => void): Record<SecretName, string> {
  const file = path.join(dataDir, 'secrets.json')
  const shape = z.object(Object.fromEntries(SECRET_NAMES.map((n) => [n, z.string().min(MIN_SECRET_LENGTH)])) as Record<SecretName, z.ZodString>)
  if (fs.existsSync(file)) {
    const parsed = shape.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')))
    if (parsed.success) return parsed.data
    throw new EnvError(`${file} is not a valid secrets file; delete it to generate a new one`)
  }
  fs.mkdirSync(dataDir, { recursive: true })
  const secrets = Object.fromEntries(SECRET_NAMES.map((n) => [n, crypto.randomBytes(32).toString('hex')])) as Record<SecretName, string>
  try {
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600, flag: 'wx' })
    log(`[env] generated development secrets in ${file} (mode 0600); set PAYLOAD_SECRET, REVALIDATE_SECRET and PREVIEW_SECRET for a deployment`)
    return secrets
  } catch (err) {
    // Another process (the other app) created it between our check and our write: use theirs.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return shape.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
    throw err
  }
}

export function parseCmsEnv(source: EnvSource = process.env, log: (msg: string) => void = console.log): CmsEnv {
  const env = parse(cmsSchema, source)
  const databaseKind = env.DATABASE_URL?.startsWith('mongodb') ? 'mongodb' : 'sqlite'
  const sqlitePath = env.DATABASE_URL?.startsWith('file:')
    ? path.resolve(repoRoot, env.DATABASE_URL.slice('file:'.length))
    : // Production applies migrations, development pushes the schema: never both on one file.
      path.join(env.DATA_DIR, env.NODE_ENV === 'production' ? 'tripsitter.db' : 'tripsitter-dev.db')
  return { ...env, ...resolveSecrets(SECRET_NAMES, env, log), databaseKind, sqlitePath }
}

export function parseWebEnv(source: EnvSource = process.env, log: (msg: string) => void = console.log): WebEnv {
  const env = parse(webSchema, source)
  return { ...env, ...resolveSecrets(WEB_SECRET_NAMES, env, log) }
}

export const parseClusterEnv = (source: EnvSource = process.env): z.infer<typeof clusterSchema> => parse(clusterSchema, source)

let cmsCache: CmsEnv | undefined
let webCache: WebEnv | undefined
/** Parsed once per process; throws EnvError with every bad variable named. */
export const cmsEnv = (): CmsEnv => (cmsCache ??= parseCmsEnv())
export const webEnv = (): WebEnv => (webCache ??= parseWebEnv())

/** Every variable the processes and `npm run cluster` read, for `.env.example` and its test. */
export const ENV_VARIABLES: readonly string[] = [...new Set([...Object.keys(cmsSchema.shape), ...Object.keys(webSchema.shape), ...Object.keys(clusterSchema.shape)])].sort()

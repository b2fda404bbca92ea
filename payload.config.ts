import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, type CollectionConfig, type DatabaseAdapterObj } from 'payload'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { cmsEnv, type CmsEnv } from './src/env'
import { Articles } from './collections/Articles'
import { Sections } from './collections/Sections'
import { Citations } from './collections/Citations'
import { Users } from './collections/Users'
import { ContentRevision } from './collections/ContentRevision'
import { People } from './collections/People'
import { Topics } from './collections/Topics'
import { ClaimDismissals } from './collections/ClaimDismissals'
import { mediaCollection } from './collections/Media'
import sharp from 'sharp'
import { sectionEditor } from './collections/Sections/editor'
import { draftsForStaffOnly } from './collections/hooks/draftsForStaffOnly'
import { graphqlErrorsWithoutClassNames } from './collections/hooks/graphqlErrorsWithoutClassNames'
import { migrations } from './apps/cms/migrations'
import { registerPayload } from './apps/cms/lib/payloadHandle'
import { installContentSignal } from './apps/cms/lib/contentChanges'
import { tellCaches } from './apps/cms/lib/tellCaches'
import { serializeSqliteWrites } from './apps/cms/lib/sqliteWrites'
import { smtpEmail } from './apps/cms/lib/smtpEmail'
import { consoleEmail } from './apps/cms/lib/consoleEmail'
import { searchEndpoint } from './apps/cms/search/endpoint'
import { ADMIN_COMPONENTS } from './collections/components/paths'

const root = path.dirname(fileURLToPath(import.meta.url))
const env = cmsEnv()

/**
 * The one place the database is chosen. MongoDB in production; an embedded SQLite file otherwise,
 * so a fresh clone runs with no services. Production SQLite applies the committed migrations on
 * start (dev mode's schema push would prompt interactively in production and hang every request).
 */
function database(e: CmsEnv): DatabaseAdapterObj {
  if (e.databaseKind === 'mongodb') {
    // Transactions need a replica set; docker-compose runs a single-node one.
    return mongooseAdapter({ url: e.DATABASE_URL! })
  }
  // SQLite creates the file but not its folder: a fresh DATA_DIR (a new volume, a deployment that
  // sets every secret, so nothing else has written there yet) would fail with "cannot open".
  fs.mkdirSync(path.dirname(e.sqlitePath), { recursive: true })
  const adapter = sqliteAdapter({
    client: { url: `file:${e.sqlitePath}` },
    wal: true,
    busyTimeout: e.SQLITE_BUSY_TIMEOUT_MS,
    // Off by default in Payload's SQLite adapter; on here so a seed or a publish (article + its
    // sections + citation flags) commits whole or not at all, even if the process is killed.
    // libsql begins them with BEGIN IMMEDIATE (the write lock up front), so a transaction never
    // fails halfway for want of the lock it assumed it could upgrade to.
    transactionOptions: {},
    push: e.NODE_ENV !== 'production',
    migrationDir: path.join(root, 'apps/cms/migrations'),
    prodMigrations: migrations,
  })
  return serializeSqliteWrites(adapter, { file: e.sqlitePath, writeWaitMs: e.SQLITE_WRITE_WAIT_MS, busyTimeoutMs: e.SQLITE_BUSY_TIMEOUT_MS })
}

/**
 * Account settings that depend on the deployment.
 * - The session cookie is `Secure` whenever the CMS is served over https in production.
 * - Password-reset requests are not throttled per account by Payload: its throttle writes a
 *   reservation outside the request's transaction, which on SQLite waits for the very lock that
 *   transaction holds ("database is locked", 500 for every request). Requests are limited per
 *   client by the express rate limiter instead (apps/cms/http/app.ts).
 */
function withAccountSettings(users: CollectionConfig, e: CmsEnv): CollectionConfig {
  const auth = typeof users.auth === 'object' ? users.auth : {}
  return {
    ...users,
    auth: {
      ...auth,
      cookies: { ...auth.cookies, secure: e.NODE_ENV === 'production' && e.CMS_URL.startsWith('https:') },
      forgotPassword: { ...auth.forgotPassword, minRequestInterval: 0 },
    },
  }
}

const withStaffOnlyDrafts = <T extends { hooks?: { beforeOperation?: unknown[] } }>(c: T): T => ({
  ...c,
  hooks: { ...c.hooks, beforeOperation: [...(c.hooks?.beforeOperation ?? []), draftsForStaffOnly] },
})

const sender = { fromAddress: env.EMAIL_FROM ?? `no-reply@${new URL(env.CMS_URL).hostname}`, fromName: 'Tripsitter CMS' }

export default buildConfig({
  serverURL: env.CMS_URL,
  secret: env.PAYLOAD_SECRET,
  db: database(env),
  editor: sectionEditor,
  // Image sizes (social card, hero) are made with sharp; uploads larger than MAX_UPLOAD_BYTES get 413.
  sharp,
  upload: { limits: { fileSize: env.MAX_UPLOAD_BYTES }, abortOnLimit: true },
  collections: [withStaffOnlyDrafts(Articles), withStaffOnlyDrafts(Sections), Citations, People, Topics, mediaCollection(env.DATA_DIR), ClaimDismissals, withAccountSettings(Users, env)],
  globals: [ContentRevision],
  // No mail server is needed to run this: without SMTP_URL, messages (password resets) go to the log.
  email: env.SMTP_URL ? smtpEmail({ url: env.SMTP_URL, ...sender }) : consoleEmail(sender),
  admin: {
    user: Users.slug,
    // No third-party avatar service: an offline install cannot reach Gravatar, and staff privacy does not need it.
    avatar: 'default',
    importMap: { baseDir: root, importMapFile: path.join(root, 'apps/cms/app/(payload)/admin/importMap.js') },
    meta: { titleSuffix: ' · Tripsitter CMS' },
    components: { beforeDashboard: [ADMIN_COMPONENTS.reviewQueue] },
    livePreview: {
      breakpoints: [
        { label: 'Mobile', name: 'mobile', width: 390, height: 844 },
        { label: 'Desktop', name: 'desktop', width: 1280, height: 900 },
      ],
    },
  },
  // CORS for public reads is handled by the express server (apps/cms/http); Payload itself only
  // trusts its own origin for credentialed requests.
  cors: [env.CMS_URL],
  csrf: [env.CMS_URL],
  maxDepth: env.MAX_DEPTH,
  defaultDepth: 1,
  graphQL: { maxComplexity: 1000, disablePlaygroundInProduction: true },
  hooks: { afterError: [graphqlErrorsWithoutClassNames] },
  telemetry: false,
  endpoints: [searchEndpoint],
  onInit: async (payload) => {
    registerPayload(payload)
    installContentSignal(payload, tellCaches(env, payload.logger))
  },
  jobs: {
    // Scheduled publishing: run due jobs every minute inside the server process.
    autoRun: [{ cron: '* * * * *', queue: 'default', limit: 10 }],
    shouldAutoRun: () => env.JOBS_AUTORUN,
  },
  typescript: { outputFile: path.join(root, 'src/payload-types.ts'), declare: false },
})

import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, type DatabaseAdapterObj } from 'payload'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import { cmsEnv, type CmsEnv } from './src/env'
import { Articles } from './collections/Articles'
import { Sections } from './collections/Sections'
import { Citations } from './collections/Citations'
import { Users } from './collections/Users'
import { People } from './collections/People'
import { Topics } from './collections/Topics'
import { sectionEditor } from './collections/Sections/editor'
import { draftsForStaffOnly } from './collections/hooks/draftsForStaffOnly'
import { migrations } from './apps/cms/migrations'
import { registerPayload } from './apps/cms/lib/payloadHandle'
import { searchEndpoint } from './apps/cms/search/endpoint'

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
  return sqliteAdapter({
    client: { url: `file:${e.sqlitePath}` },
    wal: true,
    busyTimeout: 5_000,
    // Off by default in Payload's SQLite adapter; on here so a seed or a publish (article + its
    // sections + citation flags) commits whole or not at all, even if the process is killed.
    transactionOptions: {},
    push: e.NODE_ENV !== 'production',
    migrationDir: path.join(root, 'apps/cms/migrations'),
    prodMigrations: migrations,
  })
}

const withStaffOnlyDrafts = <T extends { hooks?: { beforeOperation?: unknown[] } }>(c: T): T => ({
  ...c,
  hooks: { ...c.hooks, beforeOperation: [...(c.hooks?.beforeOperation ?? []), draftsForStaffOnly] },
})

export default buildConfig({
  serverURL: env.CMS_URL,
  secret: env.PAYLOAD_SECRET,
  db: database(env),
  editor: sectionEditor,
  collections: [withStaffOnlyDrafts(Articles), withStaffOnlyDrafts(Sections), Citations, People, Topics, Users],
  admin: {
    user: Users.slug,
    // No third-party avatar service: an offline install cannot reach Gravatar, and staff privacy does not need it.
    avatar: 'default',
    importMap: { baseDir: root, importMapFile: path.join(root, 'apps/cms/app/(payload)/admin/importMap.js') },
    meta: { titleSuffix: ' · Tripsitter CMS' },
    livePreview: {
      breakpoints: [
        { label: 'Mobile', name: 'mobile', width: 390, height: 844 },
        { label: 'Desktop', name: 'desktop', width: 1280, height: 900 },
      ],
    },
  },
  // CORS for public reads is handled by the express server (apps/cms/server); Payload itself only
  // trusts its own origin for credentialed requests.
  cors: [env.CMS_URL],
  csrf: [env.CMS_URL],
  maxDepth: env.MAX_DEPTH,
  defaultDepth: 1,
  graphQL: { maxComplexity: 1000, disablePlaygroundInProduction: true },
  telemetry: false,
  endpoints: [searchEndpoint],
  onInit: async (payload) => registerPayload(payload),
  jobs: {
    // Scheduled publishing: run due jobs every minute inside the server process.
    autoRun: [{ cron: '* * * * *', queue: 'default', limit: 10 }],
    shouldAutoRun: () => env.JOBS_AUTORUN,
  },
  typescript: { outputFile: path.join(root, 'src/payload-types.ts'), declare: false },
})

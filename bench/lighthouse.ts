/**
 * Lighthouse (npm `lighthouse`, Debian's Chromium) on the reader pages: the mobile run (Lighthouse's
 * default: a mid-range phone on a slow 4G link, simulated) and the desktop preset, with every
 * category, plus what each page makes the browser download as script. One Chromium serves every
 * run; each run opens its own tab.
 */
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync']

export type FormFactor = 'mobile' | 'desktop'

export interface LighthouseRun {
  page: string
  url: string
  formFactor: FormFactor
  /** Category scores, 0-100: performance, accessibility, best-practices, seo. */
  scores: Record<string, number>
  totalBlockingTimeMs: number
  cumulativeLayoutShift: number
  largestContentfulPaintMs: number
  /** Bytes over the wire, all scripts together. */
  scriptTransferBytes: number
  scriptRequests: number
}

type ResourceSummaryItem = { resourceType: string; transferSize: number; requestCount: number }

export async function runLighthouse(pages: { page: string; url: string }[], formFactors: FormFactor[] = ['mobile', 'desktop']): Promise<LighthouseRun[]> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS, logLevel: 'error' })
  try {
    const runs: LighthouseRun[] = []
    for (const { page, url } of pages) {
      for (const formFactor of formFactors) {
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' }, formFactor === 'desktop' ? desktopConfig : undefined)
        if (!result) throw new Error(`lighthouse returned nothing for ${url}`)
        const { lhr } = result
        if (lhr.runtimeError) throw new Error(`lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
        const summary = ((lhr.audits['resource-summary']?.details as { items?: ResourceSummaryItem[] } | undefined)?.items ?? []).find((i) => i.resourceType === 'script')
        runs.push({
          page,
          url,
          formFactor,
          scores: Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)])),
          totalBlockingTimeMs: Math.round(audit('total-blocking-time')),
          cumulativeLayoutShift: audit('cumulative-layout-shift'),
          largestContentfulPaintMs: Math.round(audit('largest-contentful-paint')),
          scriptTransferBytes: summary?.transferSize ?? 0,
          scriptRequests: summary?.requestCount ?? 0,
        })
      }
    }
    return runs
  } finally {
    chrome.kill()
  }
}

/**
 * The reader pages of a running stack: the article, the front page, a search for the article's
 * first word, and the first person's and topic's pages when the CMS has any.
 */
export async function readerPages(urls: { cms: string; web: string }, slug: string): Promise<{ page: string; url: string }[]> {
  const pages = [
    { page: 'article', url: `${urls.web}/articles/${slug}` },
    { page: 'front', url: `${urls.web}/` },
    { page: 'search', url: `${urls.web}/search?q=${encodeURIComponent(slug.split('-')[0]!)}` },
  ]
  for (const [page, collection, route] of [['author', 'people', 'authors'], ['topic', 'topics', 'topics']] as const) {
    const found = (await (await fetch(`${urls.cms}/api/${collection}?limit=1&depth=0`)).json()) as { docs?: { slug?: string }[] }
    const first = found.docs?.[0]?.slug
    if (first) pages.push({ page, url: `${urls.web}/${route}/${first}` })
  }
  return pages
}

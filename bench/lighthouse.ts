/**
 * Lighthouse (npm `lighthouse`, Debian's Chromium) on the reader pages: the mobile run (Lighthouse's
 * default: a mid-range phone on a slow 4G link, simulated) and the desktop preset, with every
 * category, plus what each page makes the browser download as script. One Chromium serves every
 * run; each run opens its own tab. Lighthouse's timings vary from run to run on one machine (its
 * own docs advise the median of several), so each page and form factor runs `runs` times and the
 * run with the median total blocking time is the one reported.
 */
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../scripts/lib/chromium'


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
  /** How many runs this one is the median of (by total blocking time). */
  runs: number
}

type ResourceSummaryItem = { resourceType: string; transferSize: number; requestCount: number }

export async function runLighthouse(pages: { page: string; url: string }[], formFactors: FormFactor[] = ['mobile', 'desktop'], runs = 1): Promise<LighthouseRun[]> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS], logLevel: 'error' })
  try {
    const medians: LighthouseRun[] = []
    for (const { page, url } of pages) {
      for (const formFactor of formFactors) {
        const all: LighthouseRun[] = []
        for (let i = 0; i < runs; i++) all.push(await runOnce(chrome.port, page, url, formFactor))
        all.sort((a, b) => a.totalBlockingTimeMs - b.totalBlockingTimeMs)
        medians.push({ ...all[Math.floor(all.length / 2)]!, runs })
      }
    }
    return medians
  } finally {
    chrome.kill()
  }
}

async function runOnce(port: number, page: string, url: string, formFactor: FormFactor): Promise<LighthouseRun> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' }, formFactor === 'desktop' ? desktopConfig : undefined)
  if (!result) throw new Error(`lighthouse returned nothing for ${url}`)
  const { lhr } = result
  if (lhr.runtimeError) throw new Error(`lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN
  const summary = ((lhr.audits['resource-summary']?.details as { items?: ResourceSummaryItem[] } | undefined)?.items ?? []).find((i) => i.resourceType === 'script')
  return {
    page,
    url,
    formFactor,
    scores: Object.fromEntries(Object.entries(lhr.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)])),
    totalBlockingTimeMs: Math.round(audit('total-blocking-time')),
    cumulativeLayoutShift: audit('cumulative-layout-shift'),
    largestContentfulPaintMs: Math.round(audit('largest-contentful-paint')),
    scriptTransferBytes: summary?.transferSize ?? 0,
    scriptRequests: summary?.requestCount ?? 0,
    runs: 1,
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

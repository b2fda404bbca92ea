import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatEntries, formatOne, parseReferences, toBibtex, toCslJson, toRis } from '../../../src/citations/format'
import { CslItem, fromCsl, toCsl } from '../../../src/citations/record'
import { RecentlyUsed } from '../../../src/memo/recentlyUsed'

const bundled = (JSON.parse(fs.readFileSync('seed/documents/ketamine.csl.json', 'utf8')) as unknown[]).map((raw) => fromCsl(CslItem.parse(raw)))
const items = bundled.map((record, i) => toCsl({ ...record, label: `ref ${i + 1}` }, `ref-${i + 1}`))

describe('CSL styles', () => {
  it('AMA: the three bundled sources', () => {
    expect([...formatEntries(items, 'ama', 'text').values()]).toEqual([
      'Zarate CA Jr, Singh JB, Carlson PJ, et al. A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression. Arch Gen Psychiatry. 2006;63(8):856-864. doi:10.1001/archpsyc.63.8.856',
      'Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688. doi:10.1001/jamapsychiatry.2014.62',
      'Caddy C, Amit BH, McCloud TL, et al. Ketamine and other glutamate receptor modulators for depression in adults. Cochrane Database Syst Rev. 2015;(9):CD011612. doi:10.1002/14651858.cd011612.pub2',
    ])
  })

  it('AMA lists up to six authors in full', () => {
    const six = { ...items[0]!, author: items[0]!.author!.slice(0, 6) }
    expect(formatOne(six, 'ama')).toMatch(/^Zarate CA Jr, Singh JB, Carlson PJ, Brutsche NE, Ameli R, Luckenbaugh DA\. A randomized/)
  })

  it('APA and Vancouver from the bundled styles', () => {
    expect(formatOne(items[1]!, 'apa')).toBe(
      'Feder, A., Parides, M. K., Murrough, J. W., Perez, A. M., Morgan, J. E., Saxena, S., Kirkwood, K., Aan Het Rot, M., Lapidus, K. A. B., Wan, L.-B., Iosifescu, D., & Charney, D. S. (2014). Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry, 71(6), 681–688. https://doi.org/10.1001/jamapsychiatry.2014.62',
    )
    expect(formatOne(items[1]!, 'vancouver')).toMatch(/^Feder A, Parides MK, Murrough JW, Perez AM, Morgan JE, Saxena S, et al\. Efficacy of intravenous ketamine/)
  })

  it('escapes markup in HTML output', () => {
    const html = formatEntries([{ ...items[0]!, title: '<img src=x onerror=alert(1)>' }], 'ama', 'html').get('ref-1')!
    expect(html).not.toContain('<img')
    expect(html).toContain('&#60;img')
  })
})

describe('formatted lists are remembered', () => {
  it('gives the same entries again without formatting again, and a caller cannot change what is kept', () => {
    const fresh = items.map((item) => ({ ...item, title: `${item.title} (memo)` }))
    const started = process.cpuUsage()
    const first = formatEntries(fresh, 'vancouver', 'html')
    const firstCpu = process.cpuUsage(started).user
    first.set('ref-1', 'changed by a caller')
    const again = process.cpuUsage()
    const second = formatEntries(structuredClone(fresh), 'vancouver', 'html')
    const secondCpu = process.cpuUsage(again).user
    expect(second.get('ref-1')).toMatch(/^Zarate CA Jr/)
    expect([...second.keys()]).toEqual(['ref-1', 'ref-2', 'ref-3'])
    // citeproc builds an engine per list (milliseconds); the repeat is a lookup.
    expect(secondCpu).toBeLessThan(firstCpu)
  })

  it('formats a list again when anything in it changes', () => {
    const before = formatEntries(items, 'ama', 'text').get('ref-1')
    const after = formatEntries([{ ...items[0]!, title: 'A different title' }, ...items.slice(1)], 'ama', 'text').get('ref-1')
    expect(before).toContain('A randomized trial')
    expect(after).toContain('A different title')
  })
})

describe('RecentlyUsed', () => {
  it('keeps the most recently used entries up to its limit', () => {
    const memo = new RecentlyUsed<string, number>(2)
    memo.set('a', 1)
    memo.set('b', 2)
    expect(memo.get('a')).toBe(1) // a is now the most recent
    memo.set('c', 3)
    expect(memo.get('b')).toBeUndefined()
    expect([memo.get('a'), memo.get('c'), memo.size]).toEqual([1, 3, 2])
  })
})

describe('exports parse back into the same references', () => {
  const essentials = (r: Record<string, unknown>) => ({
    title: r.title,
    container: r['container-title'],
    year: (r.issued as { 'date-parts': number[][] } | undefined)?.['date-parts'][0]?.[0],
    volume: r.volume,
    issue: r.issue,
    page: r.page,
    DOI: String(r.DOI ?? '').toLowerCase(),
    authors: (r.author as Array<{ family: string }>).map((a) => a.family),
  })
  const expected = items.map((i) => essentials(i as unknown as Record<string, unknown>))

  it.each([
    ['BibTeX', toBibtex],
    ['RIS', toRis],
    ['CSL-JSON', toCslJson],
  ])('%s', (_, write) => {
    const parsed = parseReferences(write(items))
    expect(parsed.map((r) => ({ ...essentials(r), year: Number(essentials(r).year) }))).toEqual(expected)
  })

  it('RIS keeps long titles on one line', () => {
    const ris = toRis(items)
    expect(ris).toContain('TI  - Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial\n')
    expect(ris.split('\n').every((line) => line === '' || /^[A-Z][A-Z0-9] {2}-( |$)/.test(line))).toBe(true)
  })
})

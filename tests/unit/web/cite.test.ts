import { describe, expect, it } from 'vitest'
import { articleCsl, citeKey, downloadItems, isCitableSource, personName, type CiteSource } from '../../../apps/web/lib/cite'
import { formatOne, parseReferences, toBibtex, toRis } from '../../../src/citations/format'
import { ketamineArticle } from '../../helpers/fakeCms'

const source: CiteSource = {
  slug: 'ketamine-a-promising-breakthrough',
  title: 'Ketamine: A Promising Breakthrough in Mental Health Treatment',
  authors: ['Jane Q. Public', 'John Doe'],
  publishedAt: '2024-03-05T09:30:00.000Z',
  siteName: 'Tripsitter Psychedelics',
  url: 'https://tripsitter.example/articles/ketamine-a-promising-breakthrough',
}

describe('personName', () => {
  it.each([
    ['Jane Q. Public', { family: 'Public', given: 'Jane Q.' }],
    ['Carlos A. Zarate Jr.', { family: 'Zarate', given: 'Carlos A.', suffix: 'Jr.' }],
    ['Zarate, Carlos A.', { family: 'Zarate', given: 'Carlos A.' }],
    ['  Ada   Lovelace ', { family: 'Lovelace', given: 'Ada' }],
    ['Plato', { family: 'Plato' }],
  ])('%s', (full, name) => {
    expect(personName(full)).toEqual(name)
  })
})

describe('citeKey', () => {
  it('combines the slug and the year', () => {
    expect(citeKey('ketamine', '2024-03-05T09:30:00.000Z')).toBe('tripsitter-ketamine-2024')
    expect(citeKey('ketamine', null)).toBe('tripsitter-ketamine')
  })
})

describe('"Cite this article" through CSL', () => {
  const item = articleCsl(source)
  it('AMA', () => {
    expect(formatOne(item, 'ama')).toBe(
      'Public JQ, Doe J. Ketamine: A Promising Breakthrough in Mental Health Treatment. Tripsitter Psychedelics. Published 2024. https://tripsitter.example/articles/ketamine-a-promising-breakthrough',
    )
  })
  it('APA', () => {
    expect(formatOne(item, 'apa')).toBe(
      'Public, J. Q., & Doe, J. (2024, March 5). Ketamine: A Promising Breakthrough in Mental Health Treatment. Tripsitter Psychedelics. https://tripsitter.example/articles/ketamine-a-promising-breakthrough',
    )
  })
  it('Vancouver', () => {
    expect(formatOne(item, 'vancouver')).toBe(
      'Public JQ, Doe J. Tripsitter Psychedelics [Internet]. 2024. Ketamine: A Promising Breakthrough in Mental Health Treatment. Available from: https://tripsitter.example/articles/ketamine-a-promising-breakthrough',
    )
  })
})

describe('downloads', () => {
  const article = ketamineArticle()
  const items = downloadItems(article, source)

  it('hold the article and only the references that are findable sources', () => {
    expect(items.map((i) => i.id)).toEqual(['tripsitter-ketamine-a-promising-breakthrough-2024', 'ref-1', 'ref-2'])
    expect(article.citations.map(isCitableSource)).toEqual([true, true, false])
  })

  it('round-trip through BibTeX and RIS', () => {
    for (const text of [toBibtex(items), toRis(items)]) {
      const back = parseReferences(text)
      expect(back.map((r) => r.title)).toEqual(items.map((i) => i.title))
      expect(back.slice(1).map((r) => String(r.DOI).toLowerCase())).toEqual(['10.1001/archpsyc.63.8.856', '10.1001/jamapsychiatry.2014.62'])
    }
  })
})

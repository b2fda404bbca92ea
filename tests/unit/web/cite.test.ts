import { describe, expect, it } from 'vitest'
import {
  apaAuthorList,
  apaAuthorName,
  apaCitation,
  apaDate,
  apaParts,
  bibtexEntry,
  bibtexKey,
  escapeBibtex,
  type CiteSource,
} from '../../../apps/web/lib/cite'

const source: CiteSource = {
  slug: 'ketamine-a-promising-breakthrough',
  title: 'Ketamine: A Promising Breakthrough in Mental Health Treatment',
  authors: ['Jane Q. Public', 'John Doe'],
  publishedAt: '2024-03-05T09:30:00.000Z',
  siteName: 'Tripsitter Psychedelics',
  url: 'https://tripsitter.example/articles/ketamine-a-promising-breakthrough',
}

describe('apaAuthorName', () => {
  it.each([
    ['Jane Q. Public', 'Public, J. Q.'],
    ['John Doe', 'Doe, J.'],
    ['Jean-Paul Sartre', 'Sartre, J.-P.'],
    ['Carlos A. Zarate Jr.', 'Zarate, C. A., Jr.'],
    ['Zarate, Carlos A.', 'Zarate, C. A.'],
    ['  Ada   Lovelace ', 'Lovelace, A.'],
    ['Plato', 'Plato'],
    ['émile zola', 'zola, É.'],
  ])('%s -> %s', (input, expected) => {
    expect(apaAuthorName(input)).toBe(expected)
  })
})

describe('apaAuthorList', () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `Given Surname${i + 1}`)
  it('joins one, two and three authors the APA 7 way', () => {
    expect(apaAuthorList([])).toBe('')
    expect(apaAuthorList(['Ann Lee'])).toBe('Lee, A.')
    expect(apaAuthorList(['Ann Lee', 'Bo Kim'])).toBe('Lee, A., & Kim, B.')
    expect(apaAuthorList(['Ann Lee', 'Bo Kim', 'Cy Young'])).toBe('Lee, A., Kim, B., & Young, C.')
  })
  it('lists up to 20 authors in full', () => {
    const list = apaAuthorList(names(20))
    expect(list.endsWith('Surname19, G., & Surname20, G.')).toBe(true)
  })
  it('shortens 21 or more to the first 19, an ellipsis and the last', () => {
    const list = apaAuthorList(names(25))
    expect(list).toContain('Surname19, G., . . . Surname25, G.')
    expect(list).not.toContain('Surname20,')
  })
})

describe('apaDate', () => {
  it('uses the UTC date, whatever the server time zone', () => {
    expect(apaDate('2024-03-05T23:30:00.000Z')).toBe('2024, March 5')
    expect(apaDate('2024-12-31T23:59:59-05:00')).toBe('2025, January 1')
  })
  it('says n.d. for a missing or broken date', () => {
    expect(apaDate(null)).toBe('n.d.')
    expect(apaDate('not a date')).toBe('n.d.')
  })
})

describe('apaCitation', () => {
  it('formats an authored web article', () => {
    expect(apaCitation(source)).toBe(
      'Public, J. Q., & Doe, J. (2024, March 5). Ketamine: A Promising Breakthrough in Mental Health Treatment. Tripsitter Psychedelics. https://tripsitter.example/articles/ketamine-a-promising-breakthrough',
    )
  })
  it('moves the title to the author position when there is no author', () => {
    expect(apaCitation({ ...source, authors: [] })).toBe(
      'Ketamine: A Promising Breakthrough in Mental Health Treatment. (2024, March 5). Tripsitter Psychedelics. https://tripsitter.example/articles/ketamine-a-promising-breakthrough',
    )
  })
  it('adds no second full stop after a title ending in ? and says n.d. without a date', () => {
    expect(apaCitation({ ...source, title: 'Is ketamine safe?', authors: ['Ann Lee'], publishedAt: null })).toBe(
      'Lee, A. (n.d.). Is ketamine safe? Tripsitter Psychedelics. https://tripsitter.example/articles/ketamine-a-promising-breakthrough',
    )
  })
  it('splits around the title so the page can italicise it', () => {
    const parts = apaParts(source)
    expect(parts.before).toBe('Public, J. Q., & Doe, J. (2024, March 5). ')
    expect(parts.title).toBe(source.title)
    expect(parts.after).toBe('. Tripsitter Psychedelics. https://tripsitter.example/articles/ketamine-a-promising-breakthrough')
  })
})

describe('escapeBibtex', () => {
  it('escapes every TeX special character', () => {
    expect(escapeBibtex('\\ { } % & $ # _ ^ ~')).toBe('\\textbackslash{} \\{ \\} \\% \\& \\$ \\# \\_ \\^{} \\~{}')
  })
  it('folds newlines and runs of spaces, which would otherwise split a field', () => {
    expect(escapeBibtex('  a\n\nb\t c ')).toBe('a b c')
  })
  it('leaves ordinary text and non-ASCII alone', () => {
    expect(escapeBibtex('Émile "quoted" (2024): ok')).toBe('Émile "quoted" (2024): ok')
  })
})

describe('bibtexKey', () => {
  it('combines the slug and the year', () => {
    expect(bibtexKey('ketamine', '2024-03-05T00:00:00Z')).toBe('tripsitter-ketamine-2024')
    expect(bibtexKey('ketamine', null)).toBe('tripsitter-ketamine')
  })
})

describe('bibtexEntry', () => {
  it('writes a complete @article entry', () => {
    expect(bibtexEntry(source)).toBe(
      [
        '@article{tripsitter-ketamine-a-promising-breakthrough-2024,',
        '  author = {Jane Q. Public and John Doe},',
        '  title = {{Ketamine: A Promising Breakthrough in Mental Health Treatment}},',
        '  journal = {Tripsitter Psychedelics},',
        '  year = {2024},',
        '  month = mar,',
        '  url = {https://tripsitter.example/articles/ketamine-a-promising-breakthrough}',
        '}',
        '',
      ].join('\n'),
    )
  })
  it('escapes specials, braces names containing "and", and drops empty author and date fields', () => {
    const entry = bibtexEntry({
      ...source,
      slug: 'x',
      title: '100% {pure} MDMA & you_2',
      authors: [],
      publishedAt: null,
      siteName: 'Smith & Co',
    })
    expect(entry).toBe(
      ['@article{tripsitter-x,', '  title = {{100\\% \\{pure\\} MDMA \\& you\\_2}},', '  journal = {Smith \\& Co},', '  url = {https://tripsitter.example/articles/ketamine-a-promising-breakthrough}', '}', ''].join('\n'),
    )
    expect(bibtexEntry({ ...source, authors: ['Research and Policy Unit', 'Ann Lee'] })).toContain(
      'author = {{Research and Policy Unit} and Ann Lee},',
    )
  })
})

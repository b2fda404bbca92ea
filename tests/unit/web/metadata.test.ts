import { describe, expect, it } from 'vitest'
import { ketamineArticle, trickyArticle } from '../../helpers/fakeCms'
import { highwireReference, highwireTags } from '../../../apps/web/lib/highwire'
import { articleJsonLd, serializeJsonLd } from '../../../apps/web/lib/jsonLd'

describe('serializeJsonLd', () => {
  it('cannot be broken out of by </script> or an HTML comment, and still parses to the same data', () => {
    const data = { headline: '</script><script>alert(1)</script> <!-- & \u2028' }
    const out = serializeJsonLd(data)
    expect(out).not.toMatch(/[<>&\u2028]/)
    expect(out).toContain('\\u003c/script\\u003e')
    expect(JSON.parse(out)).toEqual(data)
  })
})

describe('articleJsonLd', () => {
  it('describes a MedicalWebPage with dates, publisher and scholarly citations', () => {
    const ld = articleJsonLd(ketamineArticle(), 'https://t.example/articles/k', 'Tripsitter', 'https://t.example')
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'MedicalWebPage',
      headline: 'Ketamine: A Promising Breakthrough in Mental Health Treatment',
      datePublished: '2024-03-05T09:30:00.000Z',
      dateModified: '2024-06-02T12:00:00.000Z',
      lastReviewed: '2024-06-01',
      publisher: { '@type': 'Organization', name: 'Tripsitter', url: 'https://t.example' },
    })
    const citations = JSON.parse(serializeJsonLd(ld)).citation as Array<Record<string, unknown>>
    // The label-only third reference is no scholarly work anyone could find: left out.
    expect(citations.map((c) => c.name)).toEqual([
      'A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression',
      'Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial',
    ])
    expect(citations[0]).toEqual({
      '@type': 'ScholarlyArticle',
      name: 'A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression',
      author: [
        { '@type': 'Person', familyName: 'Zarate', givenName: 'Carlos A Jr', name: 'Carlos A Jr Zarate' },
        { '@type': 'Person', familyName: 'Singh', givenName: 'Jaskaran B', name: 'Jaskaran B Singh' },
        { '@type': 'Person', familyName: 'Carlson', givenName: 'Paul J', name: 'Paul J Carlson' },
      ],
      datePublished: '2006',
      isPartOf: { '@type': 'Periodical', name: 'Archives of General Psychiatry' },
      identifier: [
        { '@type': 'PropertyValue', propertyID: 'DOI', value: '10.1001/archpsyc.63.8.856' },
        { '@type': 'PropertyValue', propertyID: 'PMID', value: '16894061' },
      ],
      sameAs: ['https://doi.org/10.1001/archpsyc.63.8.856', 'https://pubmed.ncbi.nlm.nih.gov/16894061/'],
    })
  })
  it('names the publisher as author when the article has none', () => {
    const ld = articleJsonLd(trickyArticle(), 'https://t.example/articles/x', 'Tripsitter', 'https://t.example')
    expect(ld.author).toEqual({ '@type': 'Organization', name: 'Tripsitter', url: 'https://t.example' })
  })
})

describe('highwire tags', () => {
  it('emits Google Scholar citation_* tags, with arrays for repeated names', () => {
    const tags = highwireTags(ketamineArticle(), 'Tripsitter')
    expect(tags.citation_title).toBe('Ketamine: A Promising Breakthrough in Mental Health Treatment')
    expect(tags.citation_publication_date).toBe('2024/03/05')
    expect(tags.citation_journal_title).toBe('Tripsitter Psychedelics')
    expect(tags.citation_author).toEqual(['Jane Q. Public', 'John Doe'])
    // Only references with a title and a DOI, PMID or URL; the label-only third is left out.
    expect(tags.citation_reference).toHaveLength(2)
    expect(String(tags.citation_reference)).not.toContain('Caddy')
  })
  it('leaves out citation_author when there are no authors, and falls back to the site name', () => {
    const tags = highwireTags(trickyArticle(), 'Tripsitter')
    expect(tags).not.toHaveProperty('citation_author')
    expect(tags).not.toHaveProperty('citation_reference')
    expect(tags.citation_journal_title).toBe('Tripsitter')
  })
  it('packs a reference as key=value pairs and strips the separator from values', () => {
    const [zarate] = ketamineArticle().citations
    expect(highwireReference(zarate!)).toBe(
      'citation_title=A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression; citation_author=Zarate, Carlos A Jr, Singh, Jaskaran B, Carlson, Paul J; citation_journal_title=Archives of General Psychiatry; citation_publication_date=2006; citation_doi=10.1001/archpsyc.63.8.856; citation_pmid=16894061',
    )
    expect(highwireReference({ ...zarate!, title: 'A; B', authors: null, authorList: [], journal: null, year: null, doi: null, pmid: null })).toBe('citation_title=A, B')
  })
})

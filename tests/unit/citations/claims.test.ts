import { describe, expect, it } from 'vitest'
import { checkClaim, citedSentences, sameVenue, venuesSaid, yearSaid } from '../../../src/citations/claims'
import { BUNDLED_DOCUMENT } from '../../../seed/index'
import { parseDocument } from '../../../seed/parse'
import { readSourceDocument } from '../../../seed/source'
import { attachMetadata, readCitationMetadata } from '../../../seed/metadata'
import { sectionToLexical, type CitationId } from '../../../seed/toLexical'

const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, detail: 0, mode: 'normal', style: '' })
const ref = (citation: CitationId) => ({ type: 'inlineBlock', version: 1, fields: { id: 'r', blockType: 'citationRef', blockName: '', citation } })
const paragraph = (...children: unknown[]) => ({ type: 'paragraph', version: 1, children })
const body = (...children: unknown[]) => ({ root: { type: 'root', version: 1, children } })

describe('citedSentences', () => {
  it('gives each marker the sentence it stands in, "et al." and a marker after the full stop included', () => {
    const found = citedSentences(
      body(
        paragraph(text('First claim. In a trial published in the Lancet, Smith et al. (2001)'), ref(1), text(' found it. Then Jones (2002).'), ref(2)),
        paragraph(text('No markers here.')),
      ),
    )
    expect(found.map((f) => [f.citation, f.sentence])).toEqual([
      [1, 'In a trial published in the Lancet, Smith et al. (2001) found it.'],
      [2, 'Then Jones (2002).'],
    ])
    expect(found[0]!.sentence.slice(0, found[0]!.at)).toMatch(/\(2001\)$/)
  })
})

describe('venues and years', () => {
  it('reads the venue a sentence introduces, and no other capitalised words', () => {
    expect(venuesSaid('In a randomized controlled trial published in the American Journal of Psychiatry, Zarate et al. (2006) found')).toEqual(['American Journal of Psychiatry'])
    expect(venuesSaid('Results appeared in JAMA Psychiatry in 2014.')).toEqual(['JAMA Psychiatry'])
    expect(venuesSaid('A study by Feder et al. (2014) in New York found')).toEqual([])
  })

  it('matches abbreviations to full names, and nothing else', () => {
    expect(sameVenue('Arch Gen Psychiatry', 'Archives of General Psychiatry')).toBe(true)
    expect(sameVenue('the Cochrane Database of Systematic Reviews', 'Cochrane Database Syst Rev')).toBe(true)
    expect(sameVenue('American Journal of Psychiatry', 'Archives of General Psychiatry')).toBe(false)
    expect(sameVenue('JAMA', 'JAMA Psychiatry')).toBe(false)
  })

  it('takes the year printed right before the marker', () => {
    expect(yearSaid('Zarate et al. (2006) found', 'Zarate et al. (2006)'.length)).toBe(2006)
    expect(yearSaid('Smith 2019a; more', 'Smith 2019a'.length)).toBe(2019)
    expect(yearSaid('In 2006 Zarate et al. found', 'In 2006 Zarate et al.'.length)).toBe(null)
  })
})

describe('the bundled ketamine article against its bundled records', () => {
  it('has exactly one contradiction: the venue of Zarate et al. (2006)', async () => {
    const source = await readSourceDocument(BUNDLED_DOCUMENT)
    const { doc } = attachMetadata(parseDocument(source.text, source.file), await readCitationMetadata(BUNDLED_DOCUMENT))
    const ids = new Map(doc.citations.map((c) => [c.key, c.key] as [string, CitationId]))
    const records = new Map(doc.citations.map((c) => [c.key, { journal: c.source?.journal ?? null, year: c.source?.year ?? c.year, doi: c.source?.doi ?? null }]))
    const warnings = doc.sections.flatMap((s) => citedSentences(sectionToLexical(s, ids)).flatMap((cited) => checkClaim(cited, records.get(String(cited.citation))!)))
    expect(warnings.map((w) => w.message)).toEqual(['text says American Journal of Psychiatry; the record for DOI 10.1001/archpsyc.63.8.856 says Archives of General Psychiatry'])
  })

  it('is silent when the record has no journal or agrees', () => {
    const cited = { citation: 1, sentence: 'A trial published in Arch Gen Psychiatry, Zarate et al. (2006) found', at: 'A trial published in Arch Gen Psychiatry, Zarate et al. (2006)'.length }
    expect(checkClaim(cited, { journal: null, year: 2006 })).toEqual([])
    expect(checkClaim(cited, { journal: 'Archives of General Psychiatry', year: 2006 })).toEqual([])
    expect(checkClaim(cited, { journal: 'Archives of General Psychiatry', year: 2007, pmid: '16894061' }).map((w) => w.message)).toEqual(['text says 2006; the record for PMID 16894061 says 2007'])
  })
})

import { describe, expect, it } from 'vitest'
import { findCitationMentions, findStudyType, findVenue } from '../../../seed/citations'
import { parseDocument } from '../../../seed/parse'

const parse = (body: string) => parseDocument(`Title\n\n${body}`, 'x.txt')
const mentions = (text: string) => findCitationMentions(text).map(({ label, authors, firstAuthor, key, year, yearSuffix }) => ({ label, authors, firstAuthor, key, year, yearSuffix }))
const keys = (text: string) => findCitationMentions(text).map((m) => m.key)

describe('citation forms', () => {
  it.each([
    ['Zarate et al. (2006) found', { label: 'Zarate et al. (2006)', authors: 'Zarate et al.', firstAuthor: 'Zarate', key: 'zarate-2006', year: 2006, yearSuffix: null }],
    ['as Smith and Jones (2017) showed', { label: 'Smith and Jones (2017)', authors: 'Smith and Jones', firstAuthor: 'Smith', key: 'smith-2017', year: 2017, yearSuffix: null }],
    ['as Smith & Jones (2017) showed', { label: 'Smith & Jones (2017)', authors: 'Smith & Jones', firstAuthor: 'Smith', key: 'smith-2017', year: 2017, yearSuffix: null }],
    ['Smith, Lee, and Jones (2017) agree', { label: 'Smith, Lee, and Jones (2017)', authors: 'Smith, Lee, and Jones', firstAuthor: 'Smith', key: 'smith-2017', year: 2017, yearSuffix: null }],
    ['Smith (2017) disagrees', { label: 'Smith (2017)', authors: 'Smith', firstAuthor: 'Smith', key: 'smith-2017', year: 2017, yearSuffix: null }],
    ['as shown (Smith et al., 2019).', { label: 'Smith et al., 2019', authors: 'Smith et al.', firstAuthor: 'Smith', key: 'smith-2019', year: 2019, yearSuffix: null }],
    ['as shown (Smith and Jones, 2019).', { label: 'Smith and Jones, 2019', authors: 'Smith and Jones', firstAuthor: 'Smith', key: 'smith-2019', year: 2019, yearSuffix: null }],
    ['as shown (Smith, 2019).', { label: 'Smith, 2019', authors: 'Smith', firstAuthor: 'Smith', key: 'smith-2019', year: 2019, yearSuffix: null }],
    ['as shown (see Smith 2019b).', { label: 'Smith 2019b', authors: 'Smith', firstAuthor: 'Smith', key: 'smith-2019b', year: 2019, yearSuffix: 'b' }],
    ['Zarate et al (2006a) found', { label: 'Zarate et al (2006a)', authors: 'Zarate et al', firstAuthor: 'Zarate', key: 'zarate-2006a', year: 2006, yearSuffix: 'a' }],
  ])('%s', (text, expected) => {
    expect(mentions(text)).toEqual([expected])
  })

  it('splits several works in one parenthesis, each reference after its own year', () => {
    const text = 'Known (Smith et al., 2019; Jones, 2020a, 2021).'
    expect(mentions(text).map((m) => [m.label, m.key])).toEqual([
      ['Smith et al., 2019', 'smith-2019'],
      ['Jones, 2020a', 'jones-2020a'],
      ['Jones, 2021', 'jones-2021'],
    ])
    expect(findCitationMentions(text).map((m) => `${text.slice(m.start, m.end)}|${text.slice(m.end)}`)).toEqual([
      'Smith et al., 2019|; Jones, 2020a, 2021).',
      'Jones, 2020a|, 2021).',
      '2021|).',
    ])
  })

  it.each([
    ["O'Brien (2011)", "o'brien-2011"],
    ['D’Souza et al. (2012)', "d'souza-2012"],
    ['Carhart-Harris et al. (2016)', 'carhart-harris-2016'],
    ['van der Berg et al. (2019)', 'van-der-berg-2019'],
    ['Van der Berg et al. (2019)', 'van-der-berg-2019'],
    ['de Vries and Müller (2018)', 'de-vries-2018'],
    ['(Müller, 2018)', 'müller-2018'],
    ['Ørsted (2001)', 'ørsted-2001'],
    ['García-López and Núñez (2003)', 'garcía-lópez-2003'],
    ['McDonald (1999)', 'mcdonald-1999'],
    ['Li and Xu (2020)', 'li-2020'],
    ['An et al. (2019)', 'an-2019'],
    ['May and Law (2015)', 'may-2015'],
  ])('surname %s', (text, key) => {
    expect(keys(`As ${text} reported.`)).toEqual([key])
  })
})

describe('citation false positives', () => {
  it.each([
    'In 2006 (the year of the first trial) little was known.',
    // An acronym followed by a year is not an author: surnames need a lowercase letter.
    'COVID-19 (2020) changed clinical research.',
    'WHO (2020) guidance and SSRIs (2019) sales.',
    'In (2006) and Since (2019) and March (2020) and the Study (2019).',
    'The trial ran in Spring (2021) and the Report (2022) followed.',
    'smith (2019) is lowercase.',
    'Smith (19) and Smith (1650) and Smith (20199) are not years we accept.',
    'Smith (2019, p. 4) has a page number.',
    "Smith's (2019) possessive is not matched.",
    '(Smith 2019 is never closed.',
    'Only a year (2019) on its own.',
    'A dose (25 mg) and a range (2019-2020).',
    'Trials (n = 2019) are not citations.',
  ])('%s', (text) => {
    expect(findCitationMentions(text)).toEqual([])
  })

  it('does not start a surname mid-word', () => {
    expect(keys('McDonald (2019)')).toEqual(['mcdonald-2019'])
    expect(keys('xDonald (2019)')).toEqual([])
  })

  it('looks again after a refused name instead of skipping the real citation behind it', () => {
    expect(mentions('Research and Smith (2019) agree.').map((m) => m.label)).toEqual(['Smith (2019)'])
  })
})

describe('venue and study type', () => {
  it.each([
    ['published in the American Journal of Psychiatry, Zarate et al. (2006) found', 'American Journal of Psychiatry'],
    ['as published in The Lancet.', 'The Lancet'],
    ['appeared in the New England Journal of Medicine in 2019', 'New England Journal of Medicine'],
    ['a report in JAMA Psychiatry found', 'JAMA Psychiatry'],
    ['In The Lancet’s pages', 'The Lancet'],
  ])('venue in %s', (sentence, venue) => expect(findVenue(sentence)).toBe(venue))

  it.each(['studied in Europe by Smith (2019).', 'in Zarate et al. (2006)', 'published in a small journal.'])('no venue in %s', (sentence) => {
    expect(findVenue(sentence)).toBeNull()
  })

  it.each([
    ['A systematic review and meta-analysis of trials', 'systematic review and meta-analysis'],
    ['a meta-analysis', 'meta-analysis'],
    ['a meta analysis of meta-analyses', 'meta-analysis'],
    ['a systematic review', 'systematic review'],
    ['a randomized controlled trial', 'randomized controlled trial'],
    ['a randomised controlled trial', 'randomized controlled trial'],
    ['a randomized, double-blind, placebo-controlled trial', 'randomized controlled trial'],
    ['a double-blind randomized controlled trial', 'randomized controlled trial'],
    ['a double-blind study', 'double-blind'],
    ['a prospective cohort study', 'cohort study'],
    ['a case-control study', 'case-control study'],
    ['a cross-sectional study', 'cross-sectional study'],
    ['an open-label trial', 'open-label trial'],
    ['an open-label feasibility study', 'open-label trial'],
    ['a pilot study', 'pilot study'],
    ['a case report', 'case report'],
    ['a case series', 'case series'],
    ['a study', null],
  ])('%s -> %s', (sentence, type) => expect(findStudyType(sentence)).toBe(type))
})

describe('citation records in a document', () => {
  it('makes one record per first author and year, labelled as first printed', () => {
    const doc = parse('Smith et al. (2019) began. Later work agreed (Smith et al., 2019). Smith (2019a) differs.')
    expect(doc.citations.map((c) => [c.key, c.label])).toEqual([
      ['smith-2019', 'Smith et al. (2019)'],
      ['smith-2019a', 'Smith (2019a)'],
    ])
    expect(doc.sections[0]?.paragraphs[0]?.inlines.filter((i) => i.type === 'citation')).toEqual([
      { type: 'citation', key: 'smith-2019' },
      { type: 'citation', key: 'smith-2019' },
      { type: 'citation', key: 'smith-2019a' },
    ])
  })

  it('records venue and study type only from the same sentence', () => {
    const doc = parse('A cohort study was published in The Lancet. Smith (2019) then wrote a case report in JAMA Psychiatry.')
    expect(doc.citations).toMatchObject([{ key: 'smith-2019', journal: 'JAMA Psychiatry', studyType: 'case report', line: 3 }])
    expect(doc.warnings).toEqual([])
  })

  it('records facts named in a later sentence that cites the work again', () => {
    const doc = parse('Smith (2019) found this.\n\nA meta-analysis by Smith (2019) agreed.')
    expect(doc.citations).toMatchObject([{ key: 'smith-2019', studyType: 'meta-analysis', line: 3 }])
  })

  it('warns instead of guessing when a sentence cites several works', () => {
    const doc = parse('Two trials published in The Lancet agreed (Smith, 2019; Jones, 2020).')
    expect(doc.citations.map((c) => c.journal)).toEqual([null, null])
    expect(doc.warnings).toEqual([
      { line: 3, message: 'journal "The Lancet" is named in a sentence citing 2 works (smith-2019, jones-2020); not recorded on any' },
    ])
  })

  it('keeps the first venue and warns about a conflicting one', () => {
    const doc = parse('Smith (2019) was published in The Lancet.\n\nLater, Smith (2019) appeared in\nthe BMJ.')
    expect(doc.citations).toMatchObject([{ journal: 'The Lancet' }])
    expect(doc.warnings).toEqual([{ line: 5, message: 'journal "BMJ" for smith-2019 conflicts with "The Lancet" named earlier; kept the earlier one' }])
  })

  it('gives a citation in a wrapped paragraph the line it is printed on', () => {
    const doc = parse('First line of text\nsecond line cites Smith (2019)\nand a third line.')
    expect(doc.citations).toMatchObject([{ key: 'smith-2019', line: 4 }])
  })
})

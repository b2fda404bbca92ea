import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { attachMetadata, metadataPathFor, readCitationMetadata } from '../../../seed/metadata'
import { parseDocument } from '../../../seed/parse'
import { BUNDLED_DOCUMENT } from '../../../seed/index'

const bundled = parseDocument(fs.readFileSync(BUNDLED_DOCUMENT, 'utf8'), BUNDLED_DOCUMENT)

describe('citation metadata beside a document', () => {
  it('is the .csl.json file of the same name', () => {
    expect(metadataPathFor('seed/documents/ketamine.txt')).toBe('seed/documents/ketamine.csl.json')
    expect(metadataPathFor('notes/article')).toBe('notes/article.csl.json')
  })

  it('gives the bundled article its three sources, matched by first author and year, text untouched', async () => {
    const { doc, warnings } = attachMetadata(bundled, await readCitationMetadata(BUNDLED_DOCUMENT))
    expect(warnings).toEqual([])
    expect(doc.sections).toEqual(bundled.sections)
    expect(doc.citations.map((c) => [c.key, c.journal, c.source?.journal, c.source?.doi, c.source?.pmid, c.source?.authorList[0]])).toEqual([
      ['zarate-2006', 'American Journal of Psychiatry', 'Archives of General Psychiatry', '10.1001/archpsyc.63.8.856', '16894061', { family: 'Zarate', given: 'C. A.', suffix: 'Jr' }],
      ['feder-2014', null, 'JAMA Psychiatry', '10.1001/jamapsychiatry.2014.62', '24740528', { family: 'Feder', given: 'A.', suffix: null }],
      ['caddy-2015', null, 'Cochrane Database of Systematic Reviews', '10.1002/14651858.cd011612.pub2', '26395901', { family: 'Caddy', given: 'C.', suffix: null }],
    ])
    expect(doc.citations[0]?.source).toMatchObject({
      title: 'A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant major depression',
      year: 2006,
      volume: '63',
      issue: '8',
      pages: '856-864',
      publicationType: 'article-journal',
    })
  })

  it('is optional: a document without one loads unchanged', async () => {
    const sample = path.join(path.dirname(BUNDLED_DOCUMENT), 'psilocybin-sample.txt')
    expect(await readCitationMetadata(sample)).toEqual([])
    const doc = parseDocument(fs.readFileSync(sample, 'utf8'), sample)
    expect(attachMetadata(doc, []).doc).toEqual(doc)
  })

  it('refuses a malformed file with a message naming it and the item', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csl-'))
    const doc = path.join(dir, 'a.txt')
    fs.writeFileSync(path.join(dir, 'a.csl.json'), '{not json')
    await expect(readCitationMetadata(doc)).rejects.toThrow(`${path.join(dir, 'a.csl.json')}: not JSON`)
    fs.writeFileSync(path.join(dir, 'a.csl.json'), JSON.stringify([{ id: 'x', author: [{ family: 'Smith' }] }]))
    await expect(readCitationMetadata(doc)).rejects.toThrow(`${path.join(dir, 'a.csl.json')}: item 1 (x): title: Too small`)
  })

  it('warns about a record that matches no citation', async () => {
    const [first] = await readCitationMetadata(BUNDLED_DOCUMENT)
    const { warnings } = attachMetadata(bundled, [{ ...first!, authorList: [{ family: 'Nobody', given: null, suffix: null }] }])
    expect(warnings).toEqual([{ line: 1, message: `citation metadata for "${first!.title}" matches no citation in the text (first author and year)` }])
  })
})

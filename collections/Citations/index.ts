import type { CollectionConfig } from 'payload'
import { CITATIONS } from '../slugs'
import { isEditor } from '../access/isEditor'
import { isWriter } from '../access/isWriter'
import { publishedOrStaff } from '../access/publishedOrStaff'
import { derivedField } from '../access/derivedField'
import { checkInput } from '../hooks/checkInput'
import { serverTimestamps } from '../hooks/serverTimestamps'
import { deriveCitationKey } from './hooks/deriveCitationKey'
import { purgeCachesAfterCitationChange } from './hooks/purgeCaches'
import { STUDY_TYPES, studyTypeValue } from '@/text/studyTypes'
import { ADMIN_COMPONENTS } from '../components/paths'

export const Citations: CollectionConfig = {
  slug: CITATIONS,
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'journal', 'year', 'sourceStatus'],
    description: 'References cited by articles. A citation with no DOI, PMID or URL needs a source before it can be trusted.',
  },
  access: {
    // Readers see a citation only while a published article cites it (`isPublic` is kept by the article hooks).
    read: publishedOrStaff({ isPublic: { equals: true } }),
    create: isWriter,
    // Citations are shared between articles, so a change reaches published pages at once: editors only.
    update: isEditor,
    delete: isEditor,
  },
  hooks: { beforeOperation: [checkInput(['label']), serverTimestamps], beforeChange: [deriveCitationKey], afterChange: [purgeCachesAfterCitationChange] },
  fields: [
    { name: 'label', type: 'text', required: true, admin: { description: 'In-text label as printed, e.g. "Zarate et al. (2006)"' } },
    { name: 'authors', type: 'text', admin: { description: 'e.g. "Zarate CA, Singh JB, Carlson PJ" or "Zarate et al."' } },
    { name: 'firstAuthor', type: 'text', required: true, admin: { description: 'Surname of the first author' } },
    { name: 'year', type: 'number', required: true, min: 1500, max: 2200 },
    { name: 'title', type: 'text' },
    { name: 'journal', type: 'text', label: 'Journal / venue' },
    { name: 'studyType', type: 'select', options: STUDY_TYPES.map((t) => ({ label: t, value: studyTypeValue(t) })) },
    {
      type: 'row',
      fields: [
        { name: 'doi', type: 'text', label: 'DOI', validate: validateDoi },
        { name: 'pmid', type: 'text', label: 'PMID', validate: validatePmid },
      ],
    },
    { name: 'url', type: 'text', label: 'URL', validate: validateHttpUrl },
    {
      name: 'sourceStatus',
      type: 'select',
      options: [
        { label: 'Verified source', value: 'verified' },
        { label: 'Needs source', value: 'needs-source' },
      ],
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: 'Set automatically: verified when a DOI, PMID or URL is present.',
        components: { Cell: ADMIN_COMPONENTS.sourceStatusCell },
      },
    },
    // Natural key: unique by (first author, year, venue), so the seed and editors reuse one record.
    { name: 'key', type: 'text', unique: true, index: true, admin: { hidden: true } },
    // Derived by the article hooks (a published article cites it); set by a request, it would show a
    // citation to readers before any editor reviewed it.
    { name: 'isPublic', type: 'checkbox', defaultValue: false, index: true, access: { create: derivedField, update: derivedField }, admin: { hidden: true } },
  ],
}

function validateDoi(value: unknown) {
  return value == null || value === '' || /^10\.\d{4,9}\/\S+$/.test(String(value)) || 'A DOI looks like 10.1001/archpsyc.63.8.856'
}
function validatePmid(value: unknown) {
  return value == null || value === '' || /^\d{1,9}$/.test(String(value)) || 'A PMID is a number, e.g. 16894061'
}
function validateHttpUrl(value: unknown) {
  if (value == null || value === '') return true
  try {
    const u = new URL(String(value))
    return u.protocol === 'https:' || u.protocol === 'http:' || 'Only http(s) URLs are allowed'
  } catch {
    return 'Not a valid URL'
  }
}

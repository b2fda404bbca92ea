import type { CollectionBeforeValidateHook } from 'payload'
import type { Citation } from '@/payload-types'
import { normalizeDoi, normalizePmid } from '@/citations/identifiers'

/**
 * DOIs and PMIDs are stored in one canonical spelling (`10.1001/archpsyc.63.8.856`, `16894061`)
 * whatever the editor pasted (`https://doi.org/10.1001/ARCHPSYC...`, `PMID: 16894061`), so the
 * unique index on the DOI sees one work as one record. Values that are not identifiers are left as
 * typed: the fields' own validation then refuses them with a message naming the field.
 */
export const normalizeIdentifiers: CollectionBeforeValidateHook<Citation> = ({ data }) => {
  if (!data) return data
  const next = { ...data }
  for (const [field, normalize] of [['doi', normalizeDoi], ['pmid', normalizePmid]] as const) {
    const raw = next[field]
    if (raw === undefined) continue
    if (raw === null || (typeof raw === 'string' && raw.trim() === '')) next[field] = null
    else if (typeof raw === 'string') next[field] = normalize(raw) ?? raw
  }
  return next
}

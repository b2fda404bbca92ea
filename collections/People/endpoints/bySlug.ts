import type { Endpoint } from 'payload'
import type { Media, Person as PersonDoc } from '@/payload-types'
import type { PersonProfile } from '@/cms/schemas'
import { personSelect } from '@/cms/client'
import { PUBLIC_CACHE_CONTROL } from '@/http/policy'
import { relationId } from '@/text/relationId'
import { MEDIA, PEOPLE } from '../../slugs'
import { toPortrait } from '../../Media/renditions'

/**
 * GET /api/people/by-slug/:slug: a person's public fields and photo, for their author page and for
 * other apps. People are public, so the answer is the same for everyone and is kept in the API cache
 * like every public read (a change to the person or an image purges it).
 */
export const personBySlugEndpoint: Endpoint = {
  path: '/by-slug/:slug',
  method: 'get',
  handler: async (req) => {
    const slug = String(req.routeParams?.slug ?? '')
    const { docs } = await req.payload.find({
      collection: PEOPLE,
      where: { slug: { equals: slug } },
      depth: 0,
      limit: 1,
      // Public fields and the photo only: never the linked login account.
      select: { ...personSelect, photo: true },
      overrideAccess: true,
      req,
    })
    const person = docs[0] as Pick<PersonDoc, keyof typeof personSelect | 'photo'> | undefined
    if (!person) return Response.json({ errors: [{ message: `No person with slug "${slug}"` }] }, { status: 404, headers: { 'cache-control': PUBLIC_CACHE_CONTROL } })
    const photoId = person.photo == null ? null : relationId(person.photo)
    const photo = photoId === null ? null : ((await req.payload.findByID({ collection: MEDIA, id: photoId, depth: 0, overrideAccess: true, disableErrors: true, req })) as Media | null)
    const profile: PersonProfile = {
      id: person.id,
      name: person.name,
      slug: person.slug,
      credentials: person.credentials ?? null,
      bio: person.bio ?? null,
      photo: photo ? toPortrait(photo, req.payload.config.serverURL) : null,
    }
    return Response.json(profile, { headers: { 'cache-control': PUBLIC_CACHE_CONTROL } })
  },
}

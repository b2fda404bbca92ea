import { serializeJsonLd, type JsonLdObject } from '../lib/jsonLd'

/** The only inline script on the page: data, not code (browsers do not execute application/ld+json). */
export function JsonLd({ data }: { data: JsonLdObject }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
}

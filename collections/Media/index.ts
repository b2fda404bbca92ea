import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { MEDIA } from '../slugs'
import { isEditor } from '../access/isEditor'
import { isWriter } from '../access/isWriter'
import { notifyAfterPublicChange, notifyAfterPublicDelete } from '../hooks/notifyPublicChange'

/** Image types browsers show everywhere; sharp reads each of them to make the sizes below. */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const

/** The social card (Open Graph, X) size: 1200 x 630, cropped around the middle. */
export const OG_SIZE = { name: 'og', width: 1200, height: 630 } as const

/**
 * Images: article heroes, with the crops readers' pages and link previews need. Files live in
 * `<DATA_DIR>/media` (a volume in a deployment) and are served by the CMS at
 * `/api/media/file/<name>`. Every image needs alt text: the page is for readers of screen readers too.
 * Public like the articles that show them; authors may upload, editors delete.
 */
export const mediaCollection = (dataDir: string): CollectionConfig => ({
  slug: MEDIA,
  labels: { singular: 'Image', plural: 'Images' },
  admin: { useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'updatedAt'] },
  access: { read: () => true, create: isWriter, update: isWriter, delete: isEditor },
  hooks: { afterChange: [notifyAfterPublicChange(MEDIA)], afterDelete: [notifyAfterPublicDelete(MEDIA)] },
  upload: {
    staticDir: path.join(dataDir, 'media'),
    mimeTypes: [...IMAGE_TYPES],
    adminThumbnail: OG_SIZE.name,
    focalPoint: true,
    imageSizes: [
      { ...OG_SIZE, position: 'centre', formatOptions: { format: 'jpeg', options: { quality: 82 } } },
      // The article column is about 640 CSS px wide: 800 covers it on 1x screens, 1600 on 2x (srcset).
      { name: 'medium', width: 800, withoutEnlargement: true, formatOptions: { format: 'webp', options: { quality: 80 } } },
      { name: 'hero', width: 1600, withoutEnlargement: true, formatOptions: { format: 'webp', options: { quality: 80 } } },
    ],
  },
  fields: [
    { name: 'alt', type: 'text', required: true, maxLength: 300, admin: { description: 'What the image shows, for readers who cannot see it.' } },
    { name: 'credit', type: 'text', maxLength: 200, admin: { description: 'Photographer or source, printed under the image.' } },
  ],
})

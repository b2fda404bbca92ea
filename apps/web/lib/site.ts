/** Fixed facts about the site; build-time constants, so static pages (404) need no environment. */
export { SITE_NAME } from '@/site'
export const SITE_DESCRIPTION = 'Evidence-based articles on psychedelics and mental health, with every claim referenced.'
export const SITE_LANGUAGE = 'en'
/** Front page page size; also the RSS feed size below. */
export const ARTICLES_PER_PAGE = 10
export const FEED_SIZE = 50

/**
 * The publication's name: the default `publication` of an article in the CMS, and the site name on the
 * reader site. One constant, so a rename cannot leave one of them behind.
 */
export const SITE_NAME = 'Tripsitter'

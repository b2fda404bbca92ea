import type { AfterErrorHook } from 'payload'

/**
 * GraphQL errors leave without `extensions.name`: it is the error's class name, which the
 * production build minifies ("a", "o"), so it tells a client nothing. The status (`statusCode`)
 * and `data` stay. REST error bodies get the same treatment in the express front
 * (apps/cms/http/databaseErrors.ts), which also covers answers no hook sees.
 */
export const graphqlErrorsWithoutClassNames: AfterErrorHook = ({ graphqlResult }) => {
  if (!graphqlResult?.extensions || !('name' in graphqlResult.extensions)) return
  const { name: _name, ...extensions } = graphqlResult.extensions
  return { graphqlResult: { ...graphqlResult, extensions } }
}

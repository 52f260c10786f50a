/**
 * Mounts GraphQL at /api/v1/graphql with Mercurius: the schema generated from the registry, a
 * fresh batcher per request (so relations cost one find per level), the depth and cost limits,
 * catalog-coded errors, CSRF prevention and GraphiQL off unless asked for; introspection answers
 * with the schema the caller may use (introspection-schema.ts). On a registry reload
 * the next request builds the new schema once and swaps it in; requests already running finish
 * on the schema they started with.
 *
 * @example
 *   const server = Fastify()
 *   registerGraphql(server, { records: app.records, registry: app.kernel.registry })
 *   await server.inject({ method: 'POST', url: '/api/v1/graphql',
 *     payload: { query: '{ accountList(limit: 5) { data { name } } }' } })
 */
import type { FastifyInstance } from 'fastify'
import mercurius from 'mercurius'
import type { RecordService } from '../../data/record-service.js'
import type { RegistryHolder } from '../../registry/registry-holder.js'
import { buildGraphqlSchema } from './build-graphql-schema.js'
import { asksForSchema, schemaSeenBy } from './introspection-schema.js'
import { formatGraphqlErrors } from './graphql-errors.js'
import { defaultQueryLimits, queryLimitsRule, type QueryLimits } from './query-limits.js'
import type { GraphqlContext } from './record-types.js'
import { RequestBatcher } from './request-batcher.js'
import { anonymousPrincipal } from '../../data/access/principal.js'
import { requestContext } from '../request-principal.js'

export const graphqlPath = '/api/v1/graphql'

export interface GraphqlDeps {
  readonly records: RecordService
  readonly registry: RegistryHolder
}

export interface GraphqlOptions {
  /** Serve GraphiQL at /graphiql (default false). */
  readonly graphiql?: boolean
  readonly limits?: Partial<QueryLimits>
  /** The most tokens a query text may have before it is refused unparsed (default 10 000). */
  readonly maxTokens?: number
}

export function registerGraphql(
  server: FastifyInstance,
  deps: GraphqlDeps,
  options: GraphqlOptions = {},
): void {
  const limits: QueryLimits = { ...defaultQueryLimits, ...options.limits }
  void server.register(async function graphqlPlugin(scope) {
    let built = deps.registry.current()
    const schema = buildGraphqlSchema(built, deps.records)
    // Added before Mercurius registers its routes, so they run it. The swap is synchronous:
    // a request that already parsed its query keeps the schema it validated against.
    scope.addHook('onRequest', async () => {
      const registry = deps.registry.current()
      if (registry === built) return
      const next = buildGraphqlSchema(registry, deps.records)
      scope.graphql.replaceSchema(next)
      built = registry
    })
    await scope.register(mercurius, {
      schema,
      path: graphqlPath,
      graphiql: options.graphiql ?? false,
      context: (request): GraphqlContext => ({
        batcher: new RequestBatcher(),
        // Mercurius also builds a context to report an error the request hook threw; such a
        // request has no principal, and gets one that may do nothing.
        data:
          request.principal === undefined
            ? { door: 'graphql', principal: anonymousPrincipal }
            : requestContext(request, 'graphql'),
      }),
      errorFormatter: formatGraphqlErrors,
      validationRules: [queryLimitsRule(limits)],
      graphql: { parseOptions: { maxTokens: options.maxTokens ?? 10_000 } },
      // Compile a query after its first run (graphql-jit): a repeated query then skips most of
      // graphql-js's per-field work, which is most of a nested query's CPU time.
      jit: 1,
      csrfPrevention: true,
      allowBatchedQueries: false,
    })
    // Introspection describes what the caller may use (introspection-schema.ts); administrators,
    // and every query that does not introspect, run against the full schema.
    scope.graphql.addHook<GraphqlContext>('preExecution', (schema, document, context) => {
      const { principal } = context.data
      if (principal === undefined || principal.admin || !asksForSchema(document)) return
      return { schema: schemaSeenBy(schema, built, principal) }
    })
  })
}

/**
 * The example CRM booted on a test database, with GraphQL mounted on a bare Fastify server — the
 * way build-server.ts mounts it — for the GraphQL suites. `gql` posts a query and returns the
 * status and body; `statements` counts the SQL statements a callback issues.
 */
import { randomBytes } from 'node:crypto'
import type { SourceFile } from '@objectos/metadata'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll } from 'vitest'
import { openApp, type App } from '../../../boot/open-app.js'
import type { Dialect } from '../../../data/connection/database.js'
import { postgresTestUrl } from '../../../testing/test-database.js'
import { graphqlPath, registerGraphql, type GraphqlOptions } from '../graphql-plugin.js'
import { identifyAsAdmin } from '../../identify-as-admin.js'
import { registerRequestPrincipal, type Identify } from '../../request-principal.js'

export interface GraphqlBody {
  readonly data?: Record<string, unknown> | null
  readonly errors?: readonly {
    readonly message: string
    readonly path?: readonly (string | number)[]
    readonly extensions?: {
      readonly code?: string
      readonly status?: number
      readonly errors?: readonly { field: string; code: string; message: string }[]
    }
  }[]
}

export interface GraphqlTestApp {
  readonly app: App
  readonly server: FastifyInstance
  gql(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ status: number; body: GraphqlBody }>
  /** How many SQL statements `work` sends to the database. */
  statements(work: () => Promise<unknown>): Promise<number>
}

export function useGraphqlApp(
  dialect: Dialect,
  options: {
    readonly files?: readonly SourceFile[]
    readonly graphql?: GraphqlOptions
    /** Who every request acts for (default: an administrator). */
    readonly identify?: Identify
  } = {},
): () => GraphqlTestApp {
  let harness: GraphqlTestApp | undefined
  const schema = `gql_${randomBytes(4).toString('hex')}`
  beforeAll(async () => {
    const app = await openApp({
      ...(options.files === undefined ? { dir: 'examples/crm' } : { files: options.files }),
      ...(dialect === 'sqlite'
        ? { databaseUrl: ':memory:' }
        : { databaseUrl: postgresTestUrl, schema }),
    })
    const server = Fastify({ logger: false })
    registerRequestPrincipal(server, options.identify ?? identifyAsAdmin)
    registerGraphql(
      server,
      { records: app.records, registry: app.kernel.registry },
      options.graphql,
    )
    await server.ready()
    let counting: number | undefined
    app.db.knex.on('query', () => {
      if (counting !== undefined) counting++
    })
    harness = {
      app,
      server,
      async gql(query, variables) {
        const res = await server.inject({
          method: 'POST',
          url: graphqlPath,
          payload: { query, ...(variables === undefined ? {} : { variables }) },
        })
        return { status: res.statusCode, body: res.json<GraphqlBody>() }
      },
      async statements(work) {
        counting = 0
        try {
          await work()
          return counting
        } finally {
          counting = undefined
        }
      },
    }
  })
  afterAll(async () => {
    if (harness === undefined) return
    await harness.server.close()
    if (dialect === 'postgres') {
      await harness.app.db.knex.raw('drop schema if exists ?? cascade', [schema])
    }
    await harness.app.close()
  })
  return () => {
    if (harness === undefined) throw new Error('the GraphQL test app is not open yet')
    return harness
  }
}

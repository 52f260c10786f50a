/**
 * Builds the GraphQL schema of one registry snapshot with graphql-js objects (never by pasting
 * SDL strings): the record types, their pages and enums, the root queries and mutations. The
 * resolvers close over this snapshot; a reload builds a new schema rather than changing this one.
 *
 * @example
 *   const schema = buildGraphqlSchema(registry, records)
 *   printSchema(schema) // type Account { id: ID! name: String … opportunities(…): [Opportunity!]! }
 */
import { GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString } from './graphql-js.js'
import type { RecordService } from '../../data/record-service.js'
import type { Registry } from '../../registry/registry.js'
import { NameAllocator } from './graphql-names.js'
import { FilterScalar, JsonScalar } from './json-scalars.js'
import { buildRecordTypes, type GraphqlContext } from './record-types.js'
import { appNameField, buildRootFields } from './root-fields.js'
import { SelectionCache } from './selection-fields.js'

/** Type names the generated types must leave alone. */
const reservedTypeNames = [
  'Query',
  'Mutation',
  'Subscription',
  'String',
  'Int',
  'Float',
  'Boolean',
  'ID',
  JsonScalar.name,
  FilterScalar.name,
]

export function buildGraphqlSchema(registry: Registry, records: RecordService): GraphQLSchema {
  const input = {
    registry,
    records,
    typeNames: new NameAllocator(reservedTypeNames),
    selection: new SelectionCache(),
  }
  const types = buildRecordTypes(input)
  const { query, mutation } = buildRootFields(input, types)
  const appName = registry.appName
  return new GraphQLSchema({
    query: new GraphQLObjectType<unknown, GraphqlContext>({
      name: 'Query',
      fields: {
        [appNameField]: {
          type: new GraphQLNonNull(GraphQLString),
          description: 'The name of the app this schema was generated from.',
          resolve: () => appName,
        },
        ...query,
      },
    }),
    ...(Object.keys(mutation).length === 0
      ? {}
      : {
          mutation: new GraphQLObjectType<unknown, GraphqlContext>({
            name: 'Mutation',
            fields: mutation,
          }),
        }),
    types: [JsonScalar, FilterScalar],
  })
}

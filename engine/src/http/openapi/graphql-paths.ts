/**
 * The GraphQL endpoint as Mercurius serves it (graphql/graphql-plugin.ts): POST with a JSON body
 * or an `application/graphql` query text, and GET with the request in the query string (queries
 * only). OpenAPI describes the transport — request, answer and statuses; the schema itself is
 * GraphQL's own, read by introspection, and follows the app's metadata.
 *
 * @example
 *   graphqlPaths()['/api/v1/graphql']?.post?.operationId // → 'graphqlPost'
 */
import { graphqlPath } from '../graphql/graphql-plugin.js'
import { defaultQueryLimits } from '../graphql/query-limits.js'
import type { JsonSchema } from './field-schema.js'
import { json, schemaRef, type PathItem } from './path-parts.js'

const tags = ['GraphQL']

const description = `One endpoint for every object: \`account(id)\`, \`accountList(filter, sort,
limit, offset, cursor, search)\`, \`accountAggregate(…)\` and the mutations \`createAccount\`,
\`updateAccount\` and \`deleteAccount\`, with the query model, record rules and error codes of
the REST API (see docs/guides/graphql.md). The schema is generated from the app's metadata and
follows it on a reload; it is introspectable (\`{ __schema { types { name } } }\`), so GraphQL
tools read it from the endpoint itself, and introspection shows each caller only the objects,
fields and mutations their permission sets let them use. A query may nest at most ${defaultQueryLimits.maxDepth}
levels and cost at most ${defaultQueryLimits.maxCost} by default; larger ones are refused before
anything runs.`

const csrf =
  'A request without a JSON or `application/graphql` content type (every GET) must carry this ' +
  'header or `x-mercurius-operation-name`, with any value; otherwise it is refused with 400 as a ' +
  'possible cross-site request forgery.'

/** Every error of the answer: `extensions` carries the catalog code and the REST status. */
const graphqlErrors: JsonSchema = {
  type: 'object',
  required: ['errors'],
  properties: { errors: { type: 'array', minItems: 1, items: schemaRef('GraphqlError') } },
}

const refused = (text: string) => ({ description: text, ...json(graphqlErrors) })

export const graphqlSchemas: Readonly<Record<string, JsonSchema>> = {
  GraphqlRequest: {
    type: 'object',
    required: ['query'],
    properties: {
      query: { type: 'string', description: 'The GraphQL document.' },
      variables: {
        type: ['object', 'null'],
        additionalProperties: true,
        description: 'Values of the variables the document declares.',
      },
      operationName: {
        type: ['string', 'null'],
        description: 'Which operation to run when the document has several.',
      },
    },
    examples: [
      {
        query: 'query ($n: Int) { accountList(limit: $n) { data { id name } nextCursor } }',
        variables: { n: 5 },
      },
    ],
  },
  GraphqlResponse: {
    type: 'object',
    description:
      'A GraphQL answer: `data` once the operation ran (fields that failed are `null`), and ' +
      '`errors` when any field failed.',
    properties: {
      data: { type: ['object', 'null'], additionalProperties: true },
      errors: { type: 'array', items: schemaRef('GraphqlError') },
    },
  },
  GraphqlError: {
    type: 'object',
    required: ['message'],
    properties: {
      message: { type: 'string' },
      locations: {
        type: 'array',
        items: {
          type: 'object',
          required: ['line', 'column'],
          properties: { line: { type: 'integer' }, column: { type: 'integer' } },
        },
      },
      path: {
        type: 'array',
        description: 'The field that failed: names and list indexes.',
        items: { type: ['string', 'integer'] },
      },
      extensions: {
        type: 'object',
        properties: {
          code: { type: 'string', pattern: '^OOS_[A-Z0-9_]+$', examples: ['OOS_DATA_NOT_FOUND'] },
          status: { type: 'integer', description: 'The status REST answers for this error.' },
          errors: {
            type: 'array',
            description: 'For a refused write: every problem, one per field and rule.',
            items: schemaRef('FieldError'),
          },
        },
      },
    },
  },
}

const answered = {
  description: 'The operation ran; field errors, if any, are in `errors`.',
  ...json(schemaRef('GraphqlResponse')),
}
const unparsed = refused(
  'The request never ran: unreadable body, no query, a syntax or validation error, a query ' +
    'too deep or too costly, or a possible cross-site request forgery.',
)
const failed = refused('An unexpected failure; the message carries a reference to the log.')

export function graphqlPaths(): Record<string, PathItem> {
  return {
    [graphqlPath]: {
      get: {
        operationId: 'graphqlGet',
        tags,
        summary: 'Run a GraphQL query from the URL',
        description: `${description}\n\nA GET runs queries only; send mutations with POST.`,
        parameters: [
          {
            name: 'query',
            in: 'query',
            required: true,
            description: 'The GraphQL document.',
            schema: { type: 'string' },
            example: '{ accountList(limit: 5) { data { name } } }',
          },
          {
            name: 'variables',
            in: 'query',
            description: 'The variables as a JSON object.',
            schema: { type: 'string' },
            example: '{"n":5}',
          },
          {
            name: 'operationName',
            in: 'query',
            description: 'Which operation to run when the document has several.',
            schema: { type: 'string' },
          },
          {
            name: 'mercurius-require-preflight',
            in: 'header',
            description: csrf,
            schema: { type: 'string' },
          },
        ],
        responses: {
          '200': answered,
          '400': unparsed,
          '401': { $ref: '#/components/responses/Unauthenticated' },
          '405': refused('The document is a mutation: mutations need POST.'),
          '500': failed,
        },
      },
      post: {
        operationId: 'graphqlPost',
        tags,
        summary: 'Run a GraphQL query or mutation',
        description,
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: schemaRef('GraphqlRequest') },
            'application/graphql': {
              schema: { type: 'string', description: 'The GraphQL document alone.' },
            },
          },
        },
        responses: {
          '200': answered,
          '400': unparsed,
          '401': { $ref: '#/components/responses/Unauthenticated' },
          '413': refused('The body is larger than the server accepts.'),
          '500': failed,
        },
      },
    },
  }
}

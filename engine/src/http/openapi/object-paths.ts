/**
 * The paths of one object, exactly as rest/data-routes.ts and rest/bulk-routes.ts serve them:
 * list and create on `/api/v1/data/<object>`, get, update and delete on `…/{id}`, the `query`
 * and `aggregate` POST routes and the bulk create, update and delete on `…/bulk`. A test compares
 * the document with the routes the server registers, so the two cannot drift apart.
 *
 * @example
 *   objectPaths(registry, registry.object('account'), names)['/api/v1/data/account']?.get
 *   // → { operationId: 'listAccount', tags: ['account'], parameters: [...], responses: {...} }
 */
import type { ObjectNode } from '../../ir/object-node.js'
import type { Registry } from '../../registry/registry.js'
import type { JsonSchema } from './field-schema.js'
import type { ObjectNames } from './object-schemas.js'
import {
  envelope as wrap,
  errorResponses,
  headerRef as header,
  json,
  parameterRef as parameter,
  schemaRef as schema,
  type PathItem,
} from './path-parts.js'

/** Every data route needs a caller (401) whose permissions allow it (403). */
const errors = (...statuses: number[]) => errorResponses(401, 403, ...statuses)

const listParameters = ['filter', 'sort', 'limit', 'offset', 'cursor', 'fields', 'expand', 'count']

/** `{ data: … }`, and `meta` for lists. */
const envelope = (data: JsonSchema, meta = false) =>
  wrap(data, meta ? schema('ListMeta') : undefined)

export function objectPaths(
  registry: Registry,
  object: ObjectNode,
  names: ObjectNames,
): Record<string, PathItem> {
  const tags = [object.name]
  const base = `/api/v1/data/${object.name}`
  const list = envelope({ type: 'array', items: schema(names.record) }, true)
  const one = envelope(schema(names.record))
  const tagged = { headers: { ETag: header('ETag') } }
  const searchable = [...object.fields.values()].filter((f) => f.searchable).map((f) => f.name)
  const listDescription = [
    `Lists ${object.pluralLabel}, ${describeExpand(registry, object)}`,
    searchable.length > 0
      ? `\`search\` looks in: ${searchable.join(', ')}.`
      : `${object.pluralLabel} have no searchable fields, so \`search\` is refused with 400.`,
  ].join(' ')
  return {
    [base]: {
      get: {
        operationId: `list${names.base}`,
        tags,
        summary: `List ${object.pluralLabel}`,
        description: listDescription,
        parameters: [...listParameters, 'search'].map(parameter),
        responses: {
          '200': { description: `A page of ${object.pluralLabel}.`, ...json(list) },
          ...errors(400),
        },
      },
      post: {
        operationId: `create${names.base}`,
        tags,
        summary: `Create ${object.label}`,
        parameters: [parameter('idempotencyKey')],
        requestBody: { required: true, ...json(schema(names.input)) },
        responses: {
          '201': {
            description: 'The created record, as stored.',
            headers: { ...tagged.headers, Location: header('Location') },
            ...json(one),
          },
          ...errors(400, 413, 422),
        },
      },
    },
    [`${base}/query`]: {
      post: {
        operationId: `query${names.base}`,
        tags,
        summary: `Query ${object.pluralLabel}`,
        description:
          'The list route with the query as a JSON body, for filters too long for a URL.',
        requestBody: { required: false, ...json(schema('FindQuery')) },
        responses: {
          '200': { description: `A page of ${object.pluralLabel}.`, ...json(list) },
          ...errors(400, 413),
        },
      },
    },
    [`${base}/aggregate`]: {
      post: {
        operationId: `aggregate${names.base}`,
        tags,
        summary: `Aggregate ${object.pluralLabel}`,
        description: 'Counts, sums, averages, minima and maxima, optionally per group.',
        requestBody: { required: true, ...json(schema('AggregateQuery')) },
        responses: {
          '200': {
            description: 'One entry per group (exactly one without `groupBy`).',
            ...json(envelope({ type: 'array', items: schema('AggregateGroup') })),
          },
          ...errors(400, 413),
        },
      },
    },
    [`${base}/bulk`]: {
      post: {
        operationId: `bulkCreate${names.base}`,
        tags,
        summary: `Create up to 500 ${object.pluralLabel} at once`,
        description:
          'All in one transaction: a failure names its entry (`records[3].name`) and nothing is written.',
        requestBody: {
          required: true,
          ...json(bulkBody('records', { type: 'array', items: schema(names.input) })),
        },
        responses: {
          '201': {
            description: 'The created records, in request order.',
            ...json(envelope({ type: 'array', items: schema(names.record) })),
          },
          ...errors(400, 404, 413, 422),
        },
      },
      patch: {
        operationId: `bulkUpdate${names.base}`,
        tags,
        summary: `Update up to 500 ${object.pluralLabel} at once`,
        description:
          'Each entry is `{ id, version?, …fields }`; `version` works as If-Match. All in one ' +
          'transaction: a failure names its entry and nothing is written.',
        requestBody: {
          required: true,
          ...json(
            bulkBody('records', {
              type: 'array',
              items: {
                allOf: [
                  schema(names.patch),
                  {
                    type: 'object',
                    required: ['id'],
                    properties: { id: { type: 'string' }, version: { type: 'integer' } },
                  },
                ],
              },
            }),
          ),
        },
        responses: {
          '200': {
            description: 'The records after the update, in request order.',
            ...json(envelope({ type: 'array', items: schema(names.record) })),
          },
          ...errors(400, 404, 412, 413, 422),
        },
      },
      delete: {
        operationId: `bulkDelete${names.base}`,
        tags,
        summary: `Delete up to 500 ${object.pluralLabel} at once`,
        description: 'All in one transaction: a failure names its entry and nothing is deleted.',
        requestBody: {
          required: true,
          ...json(bulkBody('ids', { type: 'array', items: { type: 'string' } })),
        },
        responses: { '204': { description: 'Deleted.' }, ...errors(400, 404, 409, 413) },
      },
    },
    [`${base}/{id}`]: {
      get: {
        operationId: `get${names.base}`,
        tags,
        summary: `Get ${object.label}`,
        parameters: [
          parameter('id'),
          parameter('fields'),
          parameter('expand'),
          parameter('ifNoneMatch'),
        ],
        responses: {
          '200': { description: 'The record.', ...tagged, ...json(one) },
          '304': {
            description: 'The record still has the version named by If-None-Match.',
            ...tagged,
          },
          ...errors(400, 404),
        },
      },
      patch: {
        operationId: `update${names.base}`,
        tags,
        summary: `Update ${object.label}`,
        parameters: [parameter('id'), parameter('ifMatch')],
        requestBody: { required: true, ...json(schema(names.patch)) },
        responses: {
          '200': { description: 'The record after the update.', ...tagged, ...json(one) },
          ...errors(400, 404, 412, 413, 422),
        },
      },
      delete: {
        operationId: `delete${names.base}`,
        tags,
        summary: `Delete ${object.label}`,
        parameters: [parameter('id'), parameter('ifMatch')],
        responses: { '204': { description: 'Deleted.' }, ...errors(400, 404, 409, 412) },
      },
    },
  }
}

/** `{ "<key>": [ … ] }` with 1 to 500 entries, the body of a bulk route. */
function bulkBody(key: string, list: JsonSchema): JsonSchema {
  return {
    type: 'object',
    required: [key],
    additionalProperties: false,
    properties: { [key]: { ...list, minItems: 1, maxItems: 500 } },
  }
}

/** What `expand` accepts on this object: its lookups and the child objects pointing at it. */
function describeExpand(registry: Registry, object: ObjectNode): string {
  const lookups = [...object.fields.values()].filter((f) => f.reference).map((f) => f.name)
  const relations = registry.childRelations(object.name)
  const children = relations.map((r) =>
    relations.filter((o) => o.child === r.child).length > 1 ? `${r.child}.${r.field}` : r.child,
  )
  const names = [...new Set([...lookups, ...children])].sort()
  return names.length > 0
    ? `filtered, sorted and paged. \`expand\` takes: ${names.join(', ')}.`
    : 'filtered, sorted and paged.'
}

/**
 * The reusable parameters, headers, error responses and security schemes of the document. The
 * list parameters are exactly the ones list-query.ts reads; the error responses list the catalog
 * codes of their status, read from @objectos/errors so a new code shows up by itself.
 */
import { definedErrors } from '@objectos/errors'
import { defaultLimit, maxLimit } from '../../data/query/query-types.js'
import type { JsonSchema } from './field-schema.js'

const commaList = (description: string, example: string): JsonSchema => ({
  in: 'query',
  description,
  style: 'form',
  explode: false,
  schema: { type: 'array', items: { type: 'string' } },
  example: example.split(','),
})

export const sharedParameters: Readonly<Record<string, JsonSchema>> = {
  filter: {
    name: 'filter',
    in: 'query',
    description:
      'A JSON filter in the canonical form (see the `Filter` schema): field names or dot paths, ' +
      'operators `$eq $ne $gt $gte $lt $lte $between $in $nin $contains $startsWith $endsWith ' +
      '$null $exists`, combinators `$and $or $not`.',
    schema: { type: 'string' },
    example: '{"amount":{"$gte":1000},"$or":[{"stage":"proposal"},{"stage":"negotiation"}]}',
  },
  sort: {
    name: 'sort',
    ...commaList('Sort keys, `-` for descending; the id is always the last key.', '-amount,name'),
  },
  limit: {
    name: 'limit',
    in: 'query',
    description: `How many records to return (default ${defaultLimit}).`,
    schema: { type: 'integer', minimum: 1, maximum: maxLimit, default: defaultLimit },
  },
  offset: {
    name: 'offset',
    in: 'query',
    description: 'How many records to skip. Cannot be combined with `cursor`.',
    schema: { type: 'integer', minimum: 0 },
  },
  cursor: {
    name: 'cursor',
    in: 'query',
    description: 'The `meta.nextCursor` of the previous page, with the same `sort` and filter.',
    schema: { type: 'string' },
  },
  fields: {
    name: 'fields',
    ...commaList('The fields to return (`id` always comes back); default: every field.', 'name'),
  },
  expand: {
    name: 'expand',
    ...commaList(
      'Lookups to replace by their record, or child objects to attach as lists; dots nest.',
      'account,account.parent_account',
    ),
  },
  count: {
    name: 'count',
    in: 'query',
    description: 'Also return the number of matches as `meta.total` (one more statement).',
    schema: { type: 'boolean' },
  },
  search: {
    name: 'search',
    in: 'query',
    description: 'Words that must all occur in the searchable fields, ignoring case.',
    schema: { type: 'string', maxLength: 200 },
  },
  id: {
    name: 'id',
    in: 'path',
    required: true,
    description: 'The record id.',
    schema: { type: 'string' },
  },
  ifMatch: {
    name: 'If-Match',
    in: 'header',
    description:
      'The ETag the client read (`"3"`). The write is refused with 412 when the record has ' +
      'changed since; without the header the write is not checked.',
    schema: { type: 'string', pattern: '^\\s*(W/)?"\\d{1,15}"\\s*$' },
  },
  idempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    description:
      'Any unique string (1–255 visible ASCII characters). A retry with the same key and body ' +
      'gets the first answer again (with `Idempotent-Replayed: true`) and creates nothing; the ' +
      'same key with another body is refused with 422. Keys are kept 24 hours.',
    schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
  },
  ifNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    description: 'The ETag the client has; 304 without a body when the record still has it.',
    schema: { type: 'string' },
  },
}

export const sharedHeaders: Readonly<Record<string, JsonSchema>> = {
  ETag: {
    description: 'The record\'s version in quotes (`"3"`): send it back as `If-Match`.',
    schema: { type: 'string' },
  },
  Location: {
    description: 'The URL of the created record.',
    schema: { type: 'string' },
  },
}

/** Catalog families the HTTP API answers with (kernel and migration errors never reach it). */
const apiFamilies = ['OOS_DATA_', 'OOS_HTTP_', 'OOS_SERVER_', 'OOS_AUTH_', 'OOS_ACCESS_']

const problemResponses: readonly (readonly [string, number, string])[] = [
  [
    'BadRequest',
    400,
    'The request is malformed: the title names the parameter, field or operator.',
  ],
  [
    'Unauthenticated',
    401,
    'No valid session cookie or API key: sign in, or send `Authorization: Bearer <key>`.',
  ],
  [
    'Forbidden',
    403,
    "The caller's permission sets do not allow it; the title names the object or field.",
  ],
  ['NotFound', 404, 'The object or record does not exist, or the caller may not see it.'],
  ['Conflict', 409, 'Refused because other records depend on this one.'],
  ['PreconditionFailed', 412, 'If-Match names a version that is no longer current.'],
  ['PayloadTooLarge', 413, 'The body is larger than the server accepts.'],
  ['ValidationFailed', 422, 'The record rules refuse the write; `errors[]` lists every problem.'],
  ['InternalError', 500, 'An unexpected failure; the title carries a reference to the log entry.'],
]

/** The error response names, by status. */
export const problemResponseNames: Readonly<Record<number, string>> = Object.fromEntries(
  problemResponses.map(([name, status]) => [status, name]),
)

export function sharedResponses(): Record<string, JsonSchema> {
  const codes = definedErrors().filter((e) => apiFamilies.some((f) => e.code.startsWith(f)))
  return Object.fromEntries(
    problemResponses.map(([name, status, text]) => {
      const mine = codes.filter((e) => e.status === status).map((e) => `\`${e.code}\``)
      const description = mine.length > 0 ? `${text} Codes: ${mine.join(', ')}.` : text
      return [
        name,
        {
          description,
          content: {
            'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
          },
        },
      ]
    }),
  )
}

const notYet =
  'Declared for the authentication that is coming: this version of the API does not ask for ' +
  'credentials yet, so no operation requires it.'

export const securitySchemes: Readonly<Record<string, JsonSchema>> = {
  bearerAuth: {
    type: 'http',
    scheme: 'bearer',
    description: `An API key or session token as \`Authorization: Bearer …\`. ${notYet}`,
  },
  cookieAuth: {
    type: 'apiKey',
    in: 'cookie',
    name: 'better-auth.session_token',
    description: `The session cookie set by signing in (the generated app uses it). ${notYet}`,
  },
}

/**
 * The component schemas every object shares: the error body (`Problem`, `FieldError`), the
 * filter and query languages (`Filter`, `FindQuery`, `AggregateQuery`, docs/reference/query.md)
 * and the list envelope's `ListMeta`. Limits are the engine's own (query-types.ts), not copies.
 */
import { maxLimit } from '../../data/query/query-types.js'
import type { JsonSchema } from './field-schema.js'

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` })

const filterDescription = `A filter in the canonical form. Keys are field names, dot paths across
lookups (\`account.industry\`, at most 4 hops) or the combinators \`$and\` and \`$or\` (lists of
filters) and \`$not\` (one filter). Keys at one level are ANDed. A plain value means equality
(\`null\`: the field has no value); an object of operators applies each of them:

| operator | operand | matches when the field… |
| --- | --- | --- |
| \`$eq\` \`$ne\` | a value or \`null\` | equals / does not equal it (\`$ne\` includes empty fields) |
| \`$gt\` \`$gte\` \`$lt\` \`$lte\` | a value | is greater / less than it |
| \`$between\` | \`[from, to]\` | lies between them, both ends included |
| \`$in\` \`$nin\` | a list (at most 1000) | is / is not one of them (lists: shares an element) |
| \`$contains\` \`$startsWith\` \`$endsWith\` | text | contains / starts / ends with it, ignoring case (lists: \`$contains\` one element) |
| \`$null\` \`$exists\` | \`true\` or \`false\` | has no value / has a value |

Which operators a field accepts depends on its type, and operands must have the field's type
(\`"10"\` is not a number). An unknown field or operator is a 400 naming it, never equality.`

const sortSchema: JsonSchema = {
  type: 'array',
  maxItems: 8,
  description: 'Sort keys: `"-amount"` (descending), `"name"` or `{ field, direction }`.',
  items: {
    oneOf: [
      { type: 'string', minLength: 1 },
      {
        type: 'object',
        required: ['field', 'direction'],
        properties: {
          field: { type: 'string' },
          direction: { type: 'string', enum: ['asc', 'desc'] },
        },
        additionalProperties: false,
      },
    ],
  },
}

export const sharedSchemas: Readonly<Record<string, JsonSchema>> = {
  Problem: {
    type: 'object',
    description:
      'Every error, as `application/problem+json` (RFC 9457) with a stable `code` from the ' +
      'error catalog. Never a stack trace.',
    required: ['type', 'title', 'status', 'code'],
    properties: {
      type: { type: 'string', description: 'A link to the code in the error reference.' },
      title: { type: 'string', description: 'What went wrong, naming the object, field or value.' },
      status: { type: 'integer', description: 'The HTTP status.' },
      code: { type: 'string', pattern: '^OOS_[A-Z0-9_]+$', examples: ['OOS_DATA_NOT_FOUND'] },
      errors: {
        type: 'array',
        description: 'For a refused write (422): every problem, one per field and rule.',
        items: ref('FieldError'),
      },
    },
  },
  FieldError: {
    type: 'object',
    required: ['field', 'code', 'message'],
    properties: {
      field: { type: 'string', description: 'The field at fault; empty for a whole-record rule.' },
      code: {
        type: 'string',
        description: 'What is wrong: required, type, option, min, max, readonly, unique, …',
      },
      message: { type: 'string', description: 'A sentence for the person who filled the form.' },
    },
  },
  Filter: {
    type: 'object',
    description: filterDescription,
    properties: {
      $and: { type: 'array', items: ref('Filter') },
      $or: { type: 'array', items: ref('Filter') },
      $not: ref('Filter'),
    },
    examples: [{ stage: 'proposal', amount: { $gte: 1000 }, 'account.industry': 'technology' }],
  },
  FindQuery: {
    type: 'object',
    description: 'A list query as a JSON body; the same parts as the list route parameters.',
    properties: {
      filter: ref('Filter'),
      search: { type: 'string', maxLength: 200, description: 'Words to find (at most 10).' },
      sort: sortSchema,
      limit: { type: 'integer', minimum: 1, maximum: maxLimit, default: 50 },
      offset: { type: 'integer', minimum: 0 },
      cursor: { type: 'string', description: 'The `nextCursor` of the previous page.' },
      fields: { type: 'array', items: { type: 'string' } },
      expand: { type: 'array', maxItems: 10, items: { type: 'string' } },
      count: { type: 'boolean', description: 'Also return the number of matches as `total`.' },
    },
    additionalProperties: false,
  },
  AggregateQuery: {
    type: 'object',
    required: ['aggregates'],
    properties: {
      filter: ref('Filter'),
      groupBy: {
        type: 'array',
        maxItems: 5,
        items: { type: 'string' },
        description: 'Fields or dot paths across lookups to group by.',
      },
      aggregates: {
        type: 'object',
        description: 'Result name → function; `field` is required except for `count`.',
        maxProperties: 20,
        propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
        additionalProperties: {
          type: 'object',
          required: ['fn'],
          properties: {
            fn: { type: 'string', enum: ['count', 'sum', 'avg', 'min', 'max'] },
            field: { type: 'string' },
          },
          additionalProperties: false,
        },
      },
      sort: sortSchema,
      limit: { type: 'integer', minimum: 1, maximum: maxLimit },
    },
    additionalProperties: false,
    examples: [{ groupBy: ['stage'], aggregates: { deals: { fn: 'count' } } }],
  },
  AggregateGroup: {
    type: 'object',
    description: 'One group: its `groupBy` values and the named aggregates.',
    additionalProperties: true,
  },
  ListMeta: {
    type: 'object',
    properties: {
      nextCursor: {
        type: 'string',
        description: 'Present when more records follow: pass it back as `cursor`.',
      },
      total: { type: 'integer', description: 'Every match, when `count=true` was asked.' },
      limit: { type: 'integer', description: 'The `limit` that was asked.' },
    },
  },
}

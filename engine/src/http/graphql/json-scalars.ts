/**
 * The two free-form scalars of the generated schema. `JSON` carries record data, aggregate
 * definitions and aggregate groups as they are. `Filter` carries a filter in the spec's canonical
 * form; because GraphQL object literals cannot spell `$gte` (a `$` starts a variable), a filter
 * may also be written as a JSON string literal — or, best, passed as a variable.
 *
 * @example
 *   query ($f: Filter) { opportunityList(filter: $f) { data { name } } }
 *   { accountList(filter: "{\"employees\":{\"$gte\":100}}") { total } }
 */
import { BadRequest, InvalidFilter } from '@objectos/errors'
import { GraphQLScalarType, Kind, type ObjectFieldNode, type ValueNode } from './graphql-js.js'

type Variables = Readonly<Record<string, unknown>> | null | undefined

/** A literal as the plain value it spells; variables inside it are looked up. */
function literalValue(node: ValueNode, variables: Variables): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return node.value
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value)
    case Kind.NULL:
      return null
    case Kind.LIST:
      return node.values.map((value) => literalValue(value, variables))
    case Kind.OBJECT:
      return objectValue(node.fields, variables)
    case Kind.VARIABLE:
      return variables?.[node.name.value]
  }
}

function objectValue(fields: readonly ObjectFieldNode[], variables: Variables): unknown {
  const out: Record<string, unknown> = {}
  for (const field of fields) {
    // Refused like a `__proto__` key in a JSON body (Fastify's onProtoPoisoning).
    if (field.name.value === '__proto__')
      throw BadRequest.create('"__proto__" is not allowed as a key')
    out[field.name.value] = literalValue(field.value, variables)
  }
  return out
}

export const JsonScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value: record data, aggregate definitions and results.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (node, variables) => literalValue(node, variables),
})

function readFilter(value: unknown): unknown {
  if (typeof value !== 'string') return value
  try {
    return JSON.parse(value) as unknown
  } catch {
    throw InvalidFilter.create(
      'a filter given as a string must be JSON, like {"amount":{"$gte":100}}',
    )
  }
}

export const FilterScalar = new GraphQLScalarType({
  name: 'Filter',
  description:
    'A filter in the canonical form, e.g. {"amount":{"$gte":100},"$or":[…]}: an object (best ' +
    'passed as a variable, since "$" cannot start a key of a GraphQL object literal) or a string ' +
    'holding the same JSON.',
  serialize: (value) => value,
  parseValue: readFilter,
  parseLiteral: (node, variables) => readFilter(literalValue(node, variables)),
})

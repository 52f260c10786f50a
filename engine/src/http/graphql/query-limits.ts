/**
 * Depth and cost limits, checked as a GraphQL validation rule — before anything runs, and once
 * per query text (Mercurius caches validated documents). Depth counts nested fields; fragments add
 * no level of their own. Cost counts every selected field once and every field that reads records
 * (a get, a list, a lookup, a child list, an aggregate, a mutation) `readCost` more, aliases and
 * repeated fragments included. Introspection (`__schema`, `__type`) adds cost but no depth, so
 * tools can read the schema.
 *
 * @example
 *   mercurius({ validationRules: [queryLimitsRule({ maxDepth: 8, maxCost: 1000 })] })
 *   // { "message": "invalid query: it nests 9 levels deep; at most 8 are allowed",
 *   //   "extensions": { "code": "OOS_DATA_INVALID_QUERY", "status": 400 } }
 */
import { InvalidQuery } from '@objectos/errors'
import {
  GraphQLError,
  getNamedType,
  isObjectType,
  Kind,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from './graphql-js.js'

export interface QueryLimits {
  /** Deepest nesting of fields (default 8). */
  readonly maxDepth: number
  /** Highest cost (default 1000). */
  readonly maxCost: number
  /** What a field that reads records costs on top of 1 (default 10). */
  readonly readCost: number
}

export const defaultQueryLimits: QueryLimits = Object.freeze({
  maxDepth: 8,
  maxCost: 1000,
  readCost: 10,
})

interface Measure {
  readonly depth: number
  readonly cost: number
}

export function queryLimitsRule(limits: QueryLimits = defaultQueryLimits): ValidationRule {
  return (context) => ({
    OperationDefinition(node) {
      const root =
        node.operation === 'mutation'
          ? context.getSchema().getMutationType()
          : node.operation === 'subscription'
            ? context.getSchema().getSubscriptionType()
            : context.getSchema().getQueryType()
      const measure = measureSet(context, limits, node.selectionSet, root ?? undefined, new Map())
      const fail = (detail: string) => {
        const error = InvalidQuery.create('query', detail)
        context.reportError(new GraphQLError(error.message, { nodes: node, originalError: error }))
      }
      if (measure.depth > limits.maxDepth) {
        fail(`it nests ${measure.depth} levels deep; at most ${limits.maxDepth} are allowed`)
      }
      if (measure.cost > limits.maxCost) {
        fail(
          `it costs ${measure.cost}, more than the limit of ${limits.maxCost} (each field ` +
            `costs 1, each field that reads records ${limits.readCost + 1}); split it into ` +
            'several requests',
        )
      }
    },
  })
}

/** Depth and cost of a selection set on `parent`; fragment measures are computed once each. */
function measureSet(
  context: ValidationContext,
  limits: QueryLimits,
  set: SelectionSetNode,
  parent: GraphQLNamedType | undefined,
  fragments: Map<string, Measure | 'visiting'>,
): Measure {
  let depth = 0
  let cost = 0
  for (const selection of set.selections) {
    let inner: Measure
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value
      const field = isObjectType(parent) ? parent.getFields()[name] : undefined
      const introspection = name.startsWith('__')
      const reads = field?.extensions.objectosReadsRecords === true
      const below =
        selection.selectionSet === undefined
          ? { depth: 0, cost: 0 }
          : measureSet(
              context,
              limits,
              selection.selectionSet,
              field === undefined ? undefined : getNamedType(field.type),
              fragments,
            )
      inner = {
        depth: introspection ? 0 : below.depth + 1,
        cost: below.cost + 1 + (reads ? limits.readCost : 0),
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeName = selection.typeCondition?.name.value
      const type = typeName === undefined ? parent : context.getSchema().getType(typeName)
      inner = measureSet(context, limits, selection.selectionSet, type ?? undefined, fragments)
    } else {
      const name = selection.name.value
      const known = fragments.get(name)
      if (known === 'visiting') continue // a cycle: NoFragmentCyclesRule reports it
      if (known !== undefined) inner = known
      else {
        const fragment = context.getFragment(name)
        if (fragment === undefined || fragment === null) continue
        fragments.set(name, 'visiting')
        const type = context.getSchema().getType(fragment.typeCondition.name.value)
        inner = measureSet(context, limits, fragment.selectionSet, type ?? undefined, fragments)
        fragments.set(name, inner)
      }
    }
    depth = Math.max(depth, inner.depth)
    cost += inner.cost
  }
  return { depth, cost }
}

/**
 * A minimal view of a JSON Schema node, and a walker that knows which keywords hold subschemas.
 * Walking by keyword (not by every nested object) keeps `default`, `const`, `enum` and `examples`
 * values untouched even when they look like schemas.
 */

/** A JSON Schema object node; booleans are schemas too but carry nothing to rewrite. */
export type SchemaNode = { [keyword: string]: unknown }

/** Keywords whose value is one subschema. */
const singleKeywords = [
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'unevaluatedItems',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
] as const

/** Keywords whose value is an array of subschemas. */
const arrayKeywords = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const

/** Keywords whose value maps names to subschemas. */
const mapKeywords = ['properties', 'patternProperties', '$defs', 'dependentSchemas'] as const

export function isSchemaNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Rebuilds a schema bottom-up: every subschema is rewritten first, then `visit` sees the node with
 * its rewritten children. Key order is preserved, so output stays deterministic.
 *
 * @example
 * const noDescriptions = rewriteSchema(schema, (node) => {
 *   const { description: _d, ...rest } = node
 *   return rest
 * })
 */
export function rewriteSchema(
  node: unknown,
  visit: SchemaVisitor,
  parentKeyword?: string,
): unknown {
  if (!isSchemaNode(node)) return node
  const out: SchemaNode = {}
  for (const [keyword, value] of Object.entries(node)) {
    out[keyword] = rewriteChildren(keyword, value, visit)
  }
  return visit(out, parentKeyword)
}

/** Sees a node after its children; `parentKeyword` is the keyword it sits under (`allOf`, …). */
export type SchemaVisitor = (node: SchemaNode, parentKeyword: string | undefined) => SchemaNode

function rewriteChildren(keyword: string, value: unknown, visit: SchemaVisitor): unknown {
  if ((singleKeywords as readonly string[]).includes(keyword)) {
    return rewriteSchema(value, visit, keyword)
  }
  if ((arrayKeywords as readonly string[]).includes(keyword) && Array.isArray(value)) {
    return value.map((item: unknown) => rewriteSchema(item, visit, keyword))
  }
  if ((mapKeywords as readonly string[]).includes(keyword) && isSchemaNode(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([name, sub]) => [name, rewriteSchema(sub, visit, keyword)]),
    )
  }
  return value
}

/**
 * Makes object schemas closed, so an unknown key in a metadata file is an error instead of being
 * silently ignored (DESIGN.md §3). zod emits `additionalProperties: false` only for strict objects;
 * this pass closes the rest.
 */
import { isSchemaNode, rewriteSchema, type SchemaNode } from './json-schema-node.js'

/**
 * Adds `additionalProperties: false` to every schema that lists `properties` and says nothing
 * about other keys.
 *
 * Branches of an `allOf` are left alone: each branch sees the whole instance, so closing one
 * would reject the keys the other branches declare. Instead, when every branch is a plain object
 * schema that could be closed, the `allOf` parent gets `unevaluatedProperties: false`, which
 * rejects keys that no branch evaluated. When a branch is open on purpose (a record, a `$ref`),
 * the `allOf` stays open too — the spec's filter conditions (`{ field: …, $and: […] }`) are such
 * intersections with an open record.
 *
 * @example
 * closeObjects({ type: 'object', properties: { a: {} } })
 * // → { type: 'object', properties: { a: {} }, additionalProperties: false }
 */
export function closeObjects(schema: unknown): unknown {
  return rewriteSchema(schema, (node, parentKeyword) => {
    if (Array.isArray(node.allOf)) return closeAllOf(node)
    if (parentKeyword === 'allOf' || !isClosable(node)) return node
    return { ...node, additionalProperties: false }
  })
}

/** An object schema with `properties` and no rule yet for other keys. */
function isClosable(node: SchemaNode): boolean {
  return (
    isSchemaNode(node.properties) &&
    !('additionalProperties' in node) &&
    !('patternProperties' in node) &&
    !('unevaluatedProperties' in node) &&
    !('$ref' in node)
  )
}

function closeAllOf(node: SchemaNode): SchemaNode {
  const branches = node.allOf as unknown[]
  const allClosable = branches.every((branch) => isSchemaNode(branch) && isClosable(branch))
  if (!allClosable || 'unevaluatedProperties' in node) return node
  return { ...node, unevaluatedProperties: false }
}

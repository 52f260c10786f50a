/**
 * Marks tagged unions with `discriminator`, so Ajv (option `discriminator: true`) validates a
 * `oneOf` against the one branch its tag selects and reports that branch's errors — not a pile of
 * errors from every branch. Editors that do not know the keyword ignore it.
 */
import { isSchemaNode, rewriteSchema, type SchemaNode } from './json-schema-node.js'

/**
 * Adds `discriminator: { propertyName }` to every `oneOf` that meets Ajv's requirements: every
 * branch is an inline object schema that requires the property and gives it a string `const` or
 * a string `enum`, and no tag value appears in two branches. When several properties qualify, the
 * first one the first branch declares wins (zod puts the union's discriminator there).
 *
 * @example
 * addDiscriminators({ oneOf: [
 *   { type: 'object', properties: { type: { const: 'a' } }, required: ['type'] },
 *   { type: 'object', properties: { type: { const: 'b' } }, required: ['type'] },
 * ] })
 * // → the same, plus type: 'object' and discriminator: { propertyName: 'type' }
 */
export function addDiscriminators(schema: unknown): unknown {
  return rewriteSchema(schema, (node) => {
    if (!Array.isArray(node.oneOf) || 'discriminator' in node) return node
    const propertyName = findTag(node.oneOf)
    if (propertyName === undefined) return node
    // Every branch is an object, so saying so on the parent changes nothing it accepts; Ajv's
    // strict mode wants the type next to `discriminator`.
    return { type: 'object', ...node, discriminator: { propertyName } }
  })
}

function findTag(branches: readonly unknown[]): string | undefined {
  const objects = branches.filter(isSchemaNode)
  const first = objects[0]
  if (objects.length !== branches.length || first === undefined) return undefined
  if (!isSchemaNode(first.properties)) return undefined
  return Object.keys(first.properties).find((name) => isTag(objects, name))
}

function isTag(branches: readonly SchemaNode[], name: string): boolean {
  const seen = new Set<string>()
  for (const branch of branches) {
    const values = tagValues(branch, name)
    if (values === undefined) return false
    for (const value of values) {
      if (seen.has(value)) return false
      seen.add(value)
    }
  }
  return true
}

/** The string values a branch allows for the tag, or undefined if it is no usable tag. */
function tagValues(branch: SchemaNode, name: string): string[] | undefined {
  const required = Array.isArray(branch.required) && branch.required.includes(name)
  const property = isSchemaNode(branch.properties) ? branch.properties[name] : undefined
  if (!required || !isSchemaNode(property)) return undefined
  const values = 'const' in property ? [property.const] : property.enum
  if (!Array.isArray(values) || values.length === 0) return undefined
  return values.every((value) => typeof value === 'string') ? (values as string[]) : undefined
}

/**
 * Turns a zod schema into the text of one committed `<kind>.schema.json`: JSON Schema draft
 * 2020-12, tightened (closed objects, discriminators), with a header that names the file and says
 * it is generated.
 */
import { z } from 'zod'
import { addDiscriminators } from './add-discriminators.js'
import { closeObjects } from './close-objects.js'
import { isSchemaNode } from './json-schema-node.js'

export interface SchemaDocumentOptions {
  /** Kind name; the file is `<kind>.schema.json` and that is also its `$id`. */
  readonly kind: string
  readonly title: string
  /** Put before the zod schema's own description (where the shape comes from, say). */
  readonly description?: string
  /** Installed @objectstack/spec version, named in the generated-file notice. */
  readonly specVersion: string
}

const draft202012 = 'https://json-schema.org/draft/2020-12/schema'

/**
 * A kind's schema file name, which is also its `$id`. A relative `$id` resolves against wherever
 * the file was loaded from, so it always names the file itself: Ajv accepts it, and
 * yaml-language-server (which resolves `$ref`s against `$id`) never sees a base that differs from
 * the file's real location. All `$ref`s are local (`#/$defs/…`) anyway.
 */
export function schemaFileName(kind: string): string {
  return `${kind}.schema.json`
}

/**
 * Converts, tightens and serializes one kind's schema. Output is deterministic: 2-space JSON with a
 * trailing newline, header keys first.
 *
 * @example
 * renderSchemaDocument(ObjectSchema, { kind: 'object', title: 'Object', specVersion: '17.4.0' })
 * // → '{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "$id": "object.schema.json", …'
 */
export function renderSchemaDocument(schema: z.ZodType, options: SchemaDocumentOptions): string {
  const converted = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })
  const tightened = addDiscriminators(closeObjects(converted))
  if (!isSchemaNode(tightened)) throw new Error(`schema for ${options.kind} is not an object`)
  const { $schema: _schema, description, ...body } = tightened
  const document = {
    $schema: draft202012,
    $id: schemaFileName(options.kind),
    title: `ObjectOS ${options.title}`,
    description: [options.description, description]
      .filter((text) => typeof text === 'string')
      .join(' '),
    $comment:
      `Generated from @objectstack/spec ${options.specVersion} by \`npm run schemas\`. ` +
      'Do not edit: change the generator in schemas/src/generate and regenerate.',
    ...body,
  }
  return `${JSON.stringify(document, null, 2)}\n`
}

/**
 * The hand-written baseline the validator is compared with: what a minimal tool would do — decode
 * each file, load it with js-yaml's core schema (the fastest YAML reader the toolkit uses), and run
 * one pre-compiled Ajv validate function of the object schema. No source positions, no safety
 * checks, no diagnostics, no cross-file rules, no CEL: the floor for "parse and schema-check a
 * YAML file" with the same libraries and the same schema.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

// Resolve Ajv, ajv-formats and js-yaml the way @objectos/metadata does, so both sides run the very
// same library versions.
const requireFromMetadata = createRequire(
  new URL('../../packages/metadata/package.json', import.meta.url),
)

/**
 * A function validating a list of files the baseline way; returns how many files failed.
 *
 * @example
 *   const validate = createBaseline()
 *   validate(files) // → 0
 */
export function createBaseline() {
  const Ajv2020 = requireFromMetadata('ajv/dist/2020.js').default
  const addFormats = requireFromMetadata('ajv-formats').default
  const { load, CORE_SCHEMA } = requireFromMetadata('js-yaml')
  const schema = JSON.parse(
    readFileSync(new URL('../../schemas/object.schema.json', import.meta.url), 'utf8'),
  )
  const ajv = new Ajv2020({
    allErrors: true,
    discriminator: true,
    allowUnionTypes: true,
    strict: false,
  })
  addFormats(ajv)
  const validateObject = ajv.compile(schema)
  const decoder = new TextDecoder('utf-8', { fatal: true })
  return (files) => {
    let invalid = 0
    for (const file of files) {
      if (!file.path.endsWith('.object.yaml')) continue
      if (!validateObject(load(decoder.decode(file.content), { schema: CORE_SCHEMA }))) invalid++
    }
    return invalid
  }
}

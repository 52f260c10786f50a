/**
 * One Ajv instance for the toolkit and one compiled validator per metadata kind, built on first
 * use and kept: compiling the larger schemas takes hundreds of milliseconds, validating with the
 * compiled function takes microseconds. Ajv runs in the browser too, so Studio shares this module.
 */
import { schemaFor, type SchemaKind } from '@objectos/schemas'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

let ajv: Ajv2020 | undefined
const validators = new Map<SchemaKind, ValidateFunction>()

/**
 * The compiled validator of a kind's schema.
 *
 * @example
 *   const validate = validatorFor('object')
 *   validate({ name: 'account', fields: {} }) // → true
 */
export function validatorFor(kind: SchemaKind): ValidateFunction {
  let validate = validators.get(kind)
  if (validate === undefined) {
    validate = instance().compile(schemaFor(kind))
    validators.set(kind, validate)
  }
  return validate
}

function instance(): Ajv2020 {
  if (ajv === undefined) {
    ajv = new Ajv2020({
      allErrors: true,
      discriminator: true,
      allowUnionTypes: true,
      // parentSchema on each error: the allowed keys for "did you mean", the discriminator's branches.
      verbose: true,
      // The committed schemas are checked in strict mode by their own tests; here a strictness
      // warning must never reach a user's console.
      strict: false,
      logger: false,
    })
    addFormats.default(ajv)
  }
  return ajv
}

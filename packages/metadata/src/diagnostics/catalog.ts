/**
 * The one catalog of diagnostic codes. Each pipeline stage declares its codes in `codes/`; this
 * module joins them. Codes are stable: never rename or reuse one, add a new code instead.
 * docs/reference/diagnostics.md is generated from this catalog and a test keeps them in sync.
 */
import { fileCodes } from './codes/file-codes.js'
import { schemaCodes } from './codes/schema-codes.js'
import { yamlCodes } from './codes/yaml-codes.js'
import { ruleCodes } from './codes/rule-codes.js'
import { celCodes } from './codes/cel-codes.js'
import { fieldCodes } from './codes/field-codes.js'
import { appCodes } from './codes/app-codes.js'
import { supportCodes } from './codes/support-codes.js'

export const catalog = {
  ...fileCodes,
  ...yamlCodes,
  ...schemaCodes,
  ...ruleCodes,
  ...celCodes,
  ...fieldCodes,
  ...appCodes,
  ...supportCodes,
} as const

export type DiagnosticCode = keyof typeof catalog

/** The arguments the message of `C` takes. */
export type DiagnosticArgs<C extends DiagnosticCode> = Parameters<(typeof catalog)[C]['message']>

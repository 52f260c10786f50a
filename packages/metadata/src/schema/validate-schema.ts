/**
 * Schema stage: a parsed document checked against its kind's JSON Schema, every Ajv error turned
 * into a diagnostic at the offending YAML node. Alternatives (anyOf/oneOf) are reduced to their
 * best branch first, so one mistake gives one diagnostic. When the shape is right, the file name
 * is checked against the declared `name` (one entity per file, named for it).
 */
import { metadataKinds } from '@objectos/schemas'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { report } from '../diagnostics/report.js'
import { locate } from '../parse/locate.js'
import type { ParsedDocument } from '../parse/parsed-document.js'
import { collapseAlternatives } from './collapse-alternatives.js'
import { mapSchemaError } from './map-schema-error.js'
import { validatorFor } from './schema-validators.js'

/**
 * @example
 *   const { document } = parseFile({ path: 'objects/account.object.yaml', content: text })
 *   if (document) diagnostics.push(...validateSchema(document))
 */
export function validateSchema(doc: ParsedDocument): Diagnostic[] {
  const validate = validatorFor(doc.kind)
  if (validate(doc.value)) return checkFileName(doc)
  const diagnostics: Diagnostic[] = []
  const seen = new Set<string>()
  for (const error of collapseAlternatives(validate.errors ?? [])) {
    const diagnostic = mapSchemaError(doc, error)
    if (diagnostic === undefined) continue
    // The same problem can be reached through several schema paths (allOf, nested unions), and
    // through several data paths when an alias repeats an anchored node: one report per place.
    const key = `${diagnostic.code}|${diagnostic.line}|${diagnostic.column}|${diagnostic.message}`
    if (seen.has(key)) continue
    seen.add(key)
    diagnostics.push(diagnostic)
  }
  return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column)
}

/** OOS_FILE_NAME_MISMATCH when `name` differs from the file stem; the manifest is exempt. */
function checkFileName(doc: ParsedDocument): Diagnostic[] {
  if (doc.kind === 'manifest') return []
  const name = (doc.value as { name?: unknown }).name
  if (typeof name !== 'string' || name === doc.stem) return []
  const extension = metadataKinds.find((k) => k.kind === doc.kind)?.extension ?? ''
  const hint = `rename the file to ${name}${extension}, or set name: ${doc.stem}`
  return [report('OOS_FILE_NAME_MISMATCH', locate(doc, ['name']), [doc.stem, name], hint)]
}

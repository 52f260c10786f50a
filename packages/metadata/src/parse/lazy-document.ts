/**
 * A ParsedDocument whose `yaml` Document and `lines` are composed from its text the first time
 * either is read, then kept. Files read by the fast path (fast-load.ts) get one: most valid files
 * are never asked where something is, and composing is most of the cost of parsing. The two are
 * own enumerable properties with getters, so the document reads, spreads and compares like any
 * other ParsedDocument.
 */
import type { SchemaKind } from '@objectos/schemas'
import type { Document, LineCounter } from 'yaml'
import { composeYaml } from './compose-yaml.js'
import type { ParsedDocument } from './parsed-document.js'

export interface LazyDocumentFields {
  readonly file: string
  readonly kind: SchemaKind
  readonly stem: string
  readonly text: string
  readonly value: unknown
}

/**
 * @example
 *   const doc = lazyDocument({ file, kind: 'object', stem: 'account', text, value })
 *   doc.value          // → available at once
 *   doc.yaml.contents  // → composed now, with the same parser the diagnostics use
 */
export function lazyDocument(fields: LazyDocumentFields): ParsedDocument {
  let composed: { readonly yaml: Document.Parsed; readonly lines: LineCounter } | undefined
  const compose = () => {
    if (composed !== undefined) return composed
    const { yaml, lines } = composeYaml(fields.file, fields.text)
    // Unreachable when the fast path holds its promise; a clear error beats a wrong location.
    if (yaml === undefined)
      throw new Error(`${fields.file}: the YAML document could not be composed`)
    composed = { yaml, lines }
    return composed
  }
  const document = { ...fields } as { -readonly [K in keyof ParsedDocument]: ParsedDocument[K] }
  Object.defineProperty(document, 'yaml', { enumerable: true, get: () => compose().yaml })
  Object.defineProperty(document, 'lines', { enumerable: true, get: () => compose().lines })
  return document
}

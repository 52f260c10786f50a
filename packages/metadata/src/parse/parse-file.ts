/**
 * Parse stage: one source file → a ParsedDocument, or the diagnostics that say why not. The gates
 * run in order and each stops the file: kind from the file name, size, UTF-8, YAML syntax and
 * nesting, a single non-empty document with a mapping at its root, then the safety rules of the
 * value builder (tags, keys, aliases).
 *
 * A document is returned only when the file passed every gate, so later stages (schema, rules,
 * compiler) never see a half-read or unsafe value. parseFile never throws, whatever the input.
 *
 * Files the fast path can read (fast-load.ts) skip the YAML steps: it answers only when they
 * would pass, with the same value, and their Document is composed when first read.
 */
import { kindOfPath } from '@objectos/schemas'
import { isMap, isScalar, isSeq, type Document } from 'yaml'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { report } from '../diagnostics/report.js'
import { buildValue } from './build-value.js'
import { composeYaml } from './compose-yaml.js'
import { decodeSource } from './decode-source.js'
import { fastLoad } from './fast-load.js'
import { fileStem } from './file-stem.js'
import { lazyDocument } from './lazy-document.js'
import { locationAt } from './locate.js'
import type { ParsedDocument, SourceFile } from './parsed-document.js'

export interface ParseResult {
  /** Present when the file is safe, well-formed YAML with a mapping at its root. */
  readonly document?: ParsedDocument
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * @example
 *   const { document, diagnostics } = parseFile({
 *     path: 'objects/account.object.yaml',
 *     content: 'name: account\nlabel: Account\n',
 *   })
 *   document?.value // → { name: 'account', label: 'Account' }
 *   document?.stem  // → 'account'
 */
export function parseFile(file: SourceFile): ParseResult {
  return parseGuarded(file, true)
}

/**
 * parseFile without the fast path: the Document of every file is composed at once. The fast
 * path's differential test compares the two.
 *
 * @example
 *   parseFileComposed({ path: 'objects/account.object.yaml', content: 'name: account\n' })
 */
export function parseFileComposed(file: SourceFile): ParseResult {
  return parseGuarded(file, false)
}

function parseGuarded(file: SourceFile, fastPath: boolean): ParseResult {
  try {
    return parseChecked(file, fastPath)
  } catch (error) {
    // Every known failure is a diagnostic already; this is the net for a parser defect, so a
    // single file can never take the whole validation run down.
    const detail = error instanceof Error ? error.message : String(error)
    const at = { file: file.path, line: 1, column: 1, path: [] }
    return { diagnostics: [report('OOS_YAML_SYNTAX', at, [detail])] }
  }
}

function parseChecked(file: SourceFile, fastPath: boolean): ParseResult {
  const start = { file: file.path, line: 1, column: 1, path: [] }
  const kind = kindOfPath(file.path)
  if (kind === undefined) {
    return fail(report('OOS_FILE_UNKNOWN_KIND', start, [file.path], renameHint(file.path)))
  }

  const decoded = decodeSource(file)
  if (decoded.diagnostic) return fail(decoded.diagnostic)
  const { text } = decoded

  // Most files are valid: read their data first, and compose the Document only when asked.
  const fast = fastPath ? fastLoad(text) : undefined
  if (fast !== undefined) {
    const document = lazyDocument({
      file: file.path,
      kind,
      stem: fileStem(file.path, kind),
      text,
      value: fast,
    })
    return { document, diagnostics: [] }
  }

  const { yaml, lines, diagnostics } = composeYaml(file.path, text)
  if (yaml === undefined || diagnostics.length > 0) return { diagnostics }

  const root = yaml.contents
  // A document of only `---` holds an empty scalar rather than nothing.
  const empty =
    root === null || (isScalar(root) && text.slice(root.range[0], root.range[1]).trim() === '')
  if (empty) return fail(report('OOS_FILE_EMPTY', start, []))
  if (!isMap(root)) {
    const at = locationAt(file.path, lines, root.range[0], [])
    return fail(report('OOS_YAML_ROOT_NOT_MAPPING', at, [describe(root)]))
  }

  const built = buildValue(yaml, lines, file.path, text)
  if (built.diagnostics.length > 0) return { diagnostics: built.diagnostics }

  const stem = fileStem(file.path, kind)
  const document: ParsedDocument = {
    file: file.path,
    kind,
    stem,
    text,
    yaml,
    lines,
    value: built.value,
  }
  return { document, diagnostics: [] }
}

/**
 * `rename to x.object.yaml` for a `.yml` file that would be a known kind as `.yaml`: the kinds
 * are matched on their exact extension, so the short spelling is never read as metadata.
 */
function renameHint(path: string): string | undefined {
  if (!/\.yml$/i.test(path)) return undefined
  const renamed = `${path.slice(0, -'.yml'.length)}.yaml`
  if (kindOfPath(renamed) === undefined) return undefined
  return `rename to ${renamed.slice(renamed.lastIndexOf('/') + 1)}`
}

function fail(diagnostic: Diagnostic): ParseResult {
  return { diagnostics: [diagnostic] }
}

/** What the root holds instead of a mapping, in the words of the message. */
function describe(root: NonNullable<Document.Parsed['contents']>): string {
  if (isSeq(root)) return 'a list'
  if (!isScalar(root)) return 'an alias'
  const value = root.value
  if (value === null) return 'null'
  if (typeof value === 'string') return 'a text value'
  if (typeof value === 'number') return 'a number'
  if (typeof value === 'boolean') return 'a boolean'
  return 'a single value'
}

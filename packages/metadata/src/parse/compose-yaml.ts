/**
 * Text → YAML Document, in the steps `parseDocument` hides so we can stop between them: the
 * concrete syntax tree first (built without recursion), the nesting limit checked on it, then the
 * composed Document. The schema is pinned to YAML 1.2 core whatever `%YAML` directive the file
 * carries, so `yes` stays a string and `!!binary`, `!!set`, `!!timestamp` never turn into objects.
 */
import { Composer, LineCounter, Parser, type CST, type Document } from 'yaml'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { report } from '../diagnostics/report.js'
import { firstSyntaxError } from './first-syntax-error.js'
import { locationAt } from './locate.js'
import { firstTooDeep, maxNestingDepth } from './nesting-limit.js'
import { withQuietEnvironment } from './quiet-environment.js'

export interface ComposedYaml {
  /** The first document, unless the text could not be composed safely. */
  readonly yaml?: Document.Parsed
  readonly lines: LineCounter
  readonly diagnostics: Diagnostic[]
}

/**
 * @example
 *   composeYaml('objects/a.object.yaml', 'a: 1\n---\nb: 2\n').diagnostics[0]?.code
 *   // → 'OOS_YAML_MULTIPLE_DOCUMENTS'
 */
export function composeYaml(file: string, text: string): ComposedYaml {
  // The parser and composer are generators consumed right here, so the whole run is synchronous.
  return withQuietEnvironment(() => compose(file, text))
}

function compose(file: string, text: string): ComposedYaml {
  const lines = new LineCounter()
  const tokens: CST.Token[] = [...new Parser(lines.addNewLine).parse(text)]
  const at = (offset: number) => locationAt(file, lines, offset, [])

  const deep = firstTooDeep(tokens)
  if (deep !== undefined) {
    return { lines, diagnostics: [report('OOS_YAML_TOO_DEEP', at(deep), [maxNestingDepth])] }
  }

  // Duplicate keys are found by the value builder in linear time; `uniqueKeys` here compares each
  // key with every earlier one, which is quadratic on large mappings.
  const composer = new Composer({ schema: 'core', uniqueKeys: false })
  const diagnostics: Diagnostic[] = []
  let yaml: Document.Parsed | undefined
  for (const doc of composer.compose(tokens, true, text.length)) {
    if (yaml === undefined) {
      yaml = doc
      continue
    }
    diagnostics.push(report('OOS_YAML_MULTIPLE_DOCUMENTS', at(doc.range[0]), []))
    break
  }
  const syntax = firstSyntaxError(file, lines, yaml?.errors ?? [], tokens)
  if (syntax !== undefined) diagnostics.unshift(syntax)
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column)
  return { yaml, lines, diagnostics }
}

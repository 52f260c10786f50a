/**
 * The one diagnostic for text the YAML parser rejects. The parser recovers after an error and
 * keeps reporting what follows from it — a key indented one space too little can give a dozen
 * errors on the lines after it — so only the first error in the file is reported: the user fixes
 * it and validates again.
 *
 * Two errors are restated from the concrete syntax tree, where the parser's own words mislead:
 * - an unclosed quote is reported at its opening quote, not at the end of the file where the
 *   parser gave up looking for the closing one;
 * - a flow list or mapping used as a key after a sibling key (`[a, b]: x`), which the parser
 *   rejects as "Map comment with trailing content", is OOS_YAML_COMPLEX_KEY.
 */
import type { CST, LineCounter, YAMLError } from 'yaml'
import type { Diagnostic } from '../diagnostics/diagnostic.js'
import { report } from '../diagnostics/report.js'
import { locationAt } from './locate.js'

/**
 * @example
 *   // name: "Account\nlabel: x\n"   (the quote is never closed)
 *   firstSyntaxError(file, lines, doc.errors, tokens)
 *   // → OOS_YAML_SYNTAX 'Missing closing "quote' at line 1, column 7
 */
export function firstSyntaxError(
  file: string,
  lines: LineCounter,
  errors: readonly YAMLError[],
  tokens: readonly CST.Token[],
): Diagnostic | undefined {
  if (errors.length === 0) return undefined
  const found = scanTokens(tokens)
  let first: { error: YAMLError; offset: number; quote?: string } | undefined
  for (const error of errors) {
    const quote = unclosedQuoteAt(error, found.quotedScalars)
    const offset = quote?.offset ?? error.pos[0]
    if (first === undefined || offset < first.offset) {
      first = { error, offset, ...(quote === undefined ? {} : { quote: quote.quote }) }
    }
  }
  if (first === undefined) return undefined
  const at = locationAt(file, lines, first.offset, [])
  if (found.flowKeys.has(first.offset)) return report('OOS_YAML_COMPLEX_KEY', at, [])
  return report('OOS_YAML_SYNTAX', at, [first.error.message], hintFor(first.error, first.quote))
}

function hintFor(error: YAMLError, quote: string | undefined): string | undefined {
  if (quote !== undefined) return `close the value with a matching ${quote}`
  // `label: Revenue: EUR` — the second ": " starts a mapping inside the value.
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && error.message.startsWith('Nested mappings')) {
    return 'a value that contains ": " must be quoted'
  }
  return undefined
}

interface ScannedTokens {
  /** Quoted scalars by the offset just past their source (where an unclosed one is reported). */
  readonly quotedScalars: ReadonlyMap<number, CST.FlowScalar>
  /** Offsets of flow collections written as block mapping keys. */
  readonly flowKeys: ReadonlySet<number>
}

/** The opening quote of the quoted scalar an unclosed-quote error is about, if it is one. */
function unclosedQuoteAt(
  error: YAMLError,
  quotedScalars: ReadonlyMap<number, CST.FlowScalar>,
): { offset: number; quote: string } | undefined {
  if (error.code !== 'MISSING_CHAR' || !error.message.startsWith('Missing closing')) return
  const token = quotedScalars.get(error.pos[0])
  return token === undefined ? undefined : { offset: token.offset, quote: token.source.charAt(0) }
}

/** One pass over the tree, with a stack: the nesting limit has been checked, the input is hostile. */
function scanTokens(tokens: readonly CST.Token[]): ScannedTokens {
  const quotedScalars = new Map<number, CST.FlowScalar>()
  const flowKeys = new Set<number>()
  const stack: CST.Token[] = [...tokens]
  while (stack.length > 0) {
    const token = stack.pop() as CST.Token
    switch (token.type) {
      case 'document':
        if (token.value) stack.push(token.value)
        break
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        quotedScalars.set(token.offset + token.source.length, token)
        break
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        for (const item of token.items as CST.CollectionItem[]) {
          if (item.key) {
            if (token.type === 'block-map' && item.key.type === 'flow-collection') {
              flowKeys.add(item.key.offset)
            }
            stack.push(item.key)
          }
          if (item.value) stack.push(item.value)
        }
        break
      default:
        break
    }
  }
  return { quotedScalars, flowKeys }
}

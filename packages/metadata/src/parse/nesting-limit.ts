/**
 * Bounds how deeply lists and mappings may nest. The YAML composer, the value builder and Ajv all
 * recurse once per level, so a hostile file of ten thousand `[` would exhaust the stack; the limit
 * is checked on the concrete syntax tree, which the parser builds without recursion, before any of
 * them runs. Real metadata nests a few levels; 100 leaves generous room for page layouts.
 */
import type { CST } from 'yaml'

/** The deepest nesting of lists and mappings a file may have. */
export const maxNestingDepth = 100

/**
 * The source offset of the first collection nested deeper than `maxNestingDepth`, or undefined.
 *
 * @example
 *   const tokens = [...new Parser().parse('a: [[[1]]]')]
 *   firstTooDeep(tokens) // → undefined
 */
export function firstTooDeep(
  tokens: Iterable<CST.Token>,
  limit = maxNestingDepth,
): number | undefined {
  const stack: Array<{ token: CST.Token; depth: number }> = []
  // Children are pushed in reverse so they pop in document order: the first offender is reported.
  for (const token of [...tokens].reverse()) stack.push({ token, depth: 0 })
  while (stack.length > 0) {
    const { token, depth } = stack.pop() as { token: CST.Token; depth: number }
    switch (token.type) {
      case 'document':
        if (token.value) stack.push({ token: token.value, depth })
        break
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (depth + 1 > limit) return token.offset
        for (let i = token.items.length - 1; i >= 0; i--) {
          const item = token.items[i] as CST.CollectionItem
          if (item.value) stack.push({ token: item.value, depth: depth + 1 })
          if (item.key) stack.push({ token: item.key, depth: depth + 1 })
        }
        break
      }
      default:
        break
    }
  }
  return undefined
}

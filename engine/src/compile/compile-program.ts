/**
 * Compiles a CEL expression once into a Program bound to the platform's CEL environment. Rows are
 * bound with every field present (empty ones as null), so `record.x == null` works; and
 * `has(record.x)` is read as "x is set" — present and not null — as the spec's examples mean it
 * (`!has(record.close_date)`), where plain CEL would call a null field present.
 */
import { createCelEnvironment } from '@objectos/metadata'
import type { Program } from '../ir/program.js'

let environment: ReturnType<typeof createCelEnvironment> | undefined

/** The expression text of a CEL slot: a string or the spec's `{ dialect, source }` envelope. */
export function expressionSource(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'object' && value !== null && 'source' in value) {
    const source = (value as { source: unknown }).source
    return typeof source === 'string' ? source : undefined
  }
  return undefined
}

export function compileProgram(source: string): Program {
  environment ??= createCelEnvironment(true)
  const evaluate = environment.parse(presenceAware(source))
  return Object.freeze({
    source,
    evaluate: (variables: Readonly<Record<string, unknown>>) => evaluate(variables),
  })
}

const hasCall = /\bhas\(\s*([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)\s*\)/g
const stringLiteral = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/

/**
 * Rewrites `has(row.field)` to `(has(row.field) && row.field != null)` outside string literals.
 *
 * @example
 *   presenceAware("!has(record.close_date)") // → "!(has(record.close_date) && record.close_date != null)"
 */
export function presenceAware(source: string): string {
  return source
    .split(stringLiteral)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            hasCall,
            (_m, row: string, field: string) => `(has(${row}.${field}) && ${row}.${field} != null)`,
          ),
    )
    .join('')
}

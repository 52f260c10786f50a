/**
 * Compiles a CEL expression once into a Program bound to the platform's CEL environment. Rows
 * are bound with empty fields left out, so `has(record.x)` means "x is set" as the spec intends,
 * and dates become timestamps.
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
  const evaluate = environment.parse(source)
  return Object.freeze({
    source,
    evaluate: (variables: Readonly<Record<string, unknown>>) => evaluate(variables),
  })
}

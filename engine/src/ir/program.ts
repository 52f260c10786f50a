/**
 * A compiled CEL expression: the source (for messages and plans) and an evaluator bound to the
 * platform's CEL environment. Compiled once per registry; evaluation is cheap.
 */
export interface Program {
  readonly source: string
  evaluate(variables: Readonly<Record<string, unknown>>): unknown
}

/**
 * A compiled validation rule, one variant per kind the spec defines. Conditions are CEL programs;
 * a rule fails the write when its `condition` is true (the spec's convention).
 */
import type { Program } from './program.js'

interface RuleBase {
  readonly name: string
  readonly message: string
  readonly events: readonly ('insert' | 'update')[]
  readonly severity: 'error' | 'warning' | 'info'
  readonly priority: number
}

export type ValidationNode =
  | (RuleBase & { readonly kind: 'script'; readonly condition: Program })
  | (RuleBase & {
      readonly kind: 'cross_field'
      readonly condition: Program
      readonly fields: readonly string[]
    })
  | (RuleBase & {
      readonly kind: 'state_machine'
      readonly field: string
      readonly transitions: Readonly<Record<string, readonly string[]>>
      readonly initialStates: readonly string[] | undefined
    })
  | (RuleBase & {
      readonly kind: 'format'
      readonly field: string
      readonly regex: RegExp | undefined
      readonly format: 'email' | 'url' | 'phone' | 'json' | undefined
    })
  | (RuleBase & {
      readonly kind: 'json_schema'
      readonly field: string
      readonly check: (value: unknown) => boolean
    })
  | (RuleBase & {
      readonly kind: 'conditional'
      readonly when: Program
      readonly then: ValidationNode | undefined
      readonly otherwise: ValidationNode | undefined
    })

/**
 * Compiles the spec's validation rules (script, cross_field, state_machine, format, json_schema,
 * conditional) into ValidationNodes with their CEL programs and checkers ready to run.
 */
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ValidationNode } from '../ir/validation-node.js'
import { compileProgram, expressionSource } from './compile-program.js'

type Def = Readonly<Record<string, unknown>>

let ajv: Ajv2020 | undefined

export function compileValidation(def: Def): ValidationNode {
  const base = {
    name: String(def.name ?? 'rule'),
    message: String(def.message ?? 'invalid record'),
    events: (Array.isArray(def.events) ? def.events : ['insert', 'update']) as (
      'insert' | 'update'
    )[],
    severity: (def.severity ?? 'error') as 'error' | 'warning' | 'info',
    priority: typeof def.priority === 'number' ? def.priority : 100,
  }
  const program = (value: unknown) => compileProgram(expressionSource(value) ?? 'false')
  switch (def.type) {
    case 'script':
      return { ...base, kind: 'script', condition: program(def.condition) }
    case 'cross_field':
      return {
        ...base,
        kind: 'cross_field',
        condition: program(def.condition),
        fields: (def.fields as string[] | undefined) ?? [],
      }
    case 'state_machine':
      return {
        ...base,
        kind: 'state_machine',
        field: String(def.field),
        transitions: (def.transitions ?? {}) as Record<string, string[]>,
        initialStates: def.initialStates as string[] | undefined,
      }
    case 'format':
      return {
        ...base,
        kind: 'format',
        field: String(def.field),
        regex: typeof def.regex === 'string' ? new RegExp(def.regex, 'u') : undefined,
        format: def.format as 'email' | 'url' | 'phone' | 'json' | undefined,
      }
    case 'json_schema': {
      ajv ??= new Ajv2020({ allErrors: false, strict: false })
      const validate = ajv.compile(def.schema as object)
      return {
        ...base,
        kind: 'json_schema',
        field: String(def.field),
        check: (value) => validate(value),
      }
    }
    case 'conditional':
      return {
        ...base,
        kind: 'conditional',
        when: program(def.when),
        then: def.then === undefined ? undefined : compileValidation(def.then as Def),
        otherwise:
          def.otherwise === undefined ? undefined : compileValidation(def.otherwise as Def),
      }
    default:
      throw new Error(`validation rule type "${String(def.type)}" is not supported`)
  }
}

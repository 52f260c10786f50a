/**
 * Runs an object's validation rules on the record a write would store (the previous row merged
 * with the write, as the spec defines): script and cross_field conditions that evaluate to true
 * fail the write; state machines check transitions and initial states; format and json_schema
 * rules check one field; conditional rules pick a branch. Only `error` severity blocks.
 */
import type { FieldError } from '@objectos/errors'
import type { ObjectNode } from '../../ir/object-node.js'
import type { ValidationNode } from '../../ir/validation-node.js'
import { celRecord, evaluate } from './cel-binding.js'
import type { DataContext } from './data-context.js'

const phonePattern = /^\+?[0-9 ()./-]{3,}$/

export function runValidations(
  object: ObjectNode,
  event: 'insert' | 'update',
  record: Readonly<Record<string, unknown>>,
  previous: Readonly<Record<string, unknown>> | undefined,
  context: DataContext,
  celRow: Record<string, unknown> = celRecord(object, record),
): FieldError[] {
  if (object.validations.length === 0) return []
  const rows = {
    record: celRow,
    previous: previous === undefined ? undefined : celRecord(object, previous),
  }
  const errors: FieldError[] = []
  for (const rule of object.validations) {
    if (rule.severity !== 'error' || !rule.events.includes(event)) continue
    const failed = check(rule, event, record, previous, rows, context)
    if (failed !== undefined) {
      errors.push({ field: failed.field, code: failed.rule.name, message: failed.rule.message })
    }
  }
  return errors
}

/** A failed rule (the branch that failed, for conditionals) and the field it attaches to. */
interface Failure {
  readonly rule: ValidationNode
  /** '' for the whole record. */
  readonly field: string
}

function check(
  rule: ValidationNode,
  event: 'insert' | 'update',
  record: Readonly<Record<string, unknown>>,
  previous: Readonly<Record<string, unknown>> | undefined,
  rows: Parameters<typeof evaluate>[1],
  context: DataContext,
): Failure | undefined {
  const at = fieldAt(rule)
  switch (rule.kind) {
    case 'script':
    case 'cross_field':
      return evaluate(rule.condition, rows, context) === true ? at : undefined
    case 'state_machine': {
      const value = record[rule.field]
      if (event === 'insert') {
        const initial = rule.initialStates
        return initial !== undefined && value != null && !initial.includes(String(value))
          ? at
          : undefined
      }
      const before = previous?.[rule.field]
      if (before === value || before == null) return undefined
      const allowed = rule.transitions[String(before)] ?? []
      return allowed.includes(String(value)) ? undefined : at
    }
    case 'format': {
      const value = record[rule.field]
      if (value === null || value === undefined || value === '') return undefined
      const text = typeof value === 'string' ? value : JSON.stringify(value)
      if (rule.regex !== undefined && !rule.regex.test(text)) return at
      return formatOk(rule.format, text) ? undefined : at
    }
    case 'json_schema': {
      const value = record[rule.field]
      return value === null || value === undefined || rule.check(value) ? undefined : at
    }
    case 'conditional': {
      const branch = evaluate(rule.when, rows, context) === true ? rule.then : rule.otherwise
      return branch === undefined
        ? undefined
        : check(branch, event, record, previous, rows, context)
    }
  }
}

function fieldAt(rule: ValidationNode): Failure {
  switch (rule.kind) {
    case 'script':
    case 'conditional':
      return { rule, field: '' }
    case 'cross_field':
      return { rule, field: rule.fields[0] ?? '' }
    default:
      return { rule, field: rule.field }
  }
}

function formatOk(format: string | undefined, text: string): boolean {
  switch (format) {
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)
    case 'url':
      try {
        return ['http:', 'https:'].includes(new URL(text).protocol)
      } catch {
        return false
      }
    case 'phone':
      return phonePattern.test(text)
    case 'json':
      try {
        JSON.parse(text)
        return true
      } catch {
        return false
      }
    default:
      return true
  }
}

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
): FieldError[] {
  const rows = {
    record: celRecord(object, record),
    previous: previous === undefined ? undefined : celRecord(object, previous),
  }
  const errors: FieldError[] = []
  for (const rule of object.validations) {
    if (rule.severity !== 'error' || !rule.events.includes(event)) continue
    const failed = check(rule, event, record, previous, rows, context)
    if (failed !== undefined) errors.push({ field: failed, code: rule.name, message: rule.message })
  }
  return errors
}

/** The field a failure attaches to ('' for the whole record), or undefined when it passes. */
function check(
  rule: ValidationNode,
  event: 'insert' | 'update',
  record: Readonly<Record<string, unknown>>,
  previous: Readonly<Record<string, unknown>> | undefined,
  rows: Parameters<typeof evaluate>[1],
  context: DataContext,
): string | undefined {
  switch (rule.kind) {
    case 'script':
      return evaluate(rule.condition, rows, context) === true ? '' : undefined
    case 'cross_field':
      return evaluate(rule.condition, rows, context) === true ? (rule.fields[0] ?? '') : undefined
    case 'state_machine': {
      const value = record[rule.field]
      if (event === 'insert') {
        const initial = rule.initialStates
        return initial !== undefined && value != null && !initial.includes(String(value))
          ? rule.field
          : undefined
      }
      const before = previous?.[rule.field]
      if (before === value || before == null) return undefined
      const allowed = rule.transitions[String(before)] ?? []
      return allowed.includes(String(value)) ? undefined : rule.field
    }
    case 'format': {
      const value = record[rule.field]
      if (value === null || value === undefined || value === '') return undefined
      const text = typeof value === 'string' ? value : JSON.stringify(value)
      if (rule.regex !== undefined && !rule.regex.test(text)) return rule.field
      return formatOk(rule.format, text) ? undefined : rule.field
    }
    case 'json_schema': {
      const value = record[rule.field]
      return value === null || value === undefined || rule.check(value) ? undefined : rule.field
    }
    case 'conditional': {
      const branch = evaluate(rule.when, rows, context) === true ? rule.then : rule.otherwise
      return branch === undefined
        ? undefined
        : check(branch, event, record, previous, rows, context)
    }
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

/**
 * The per-field checks of a write, on canonical values: required, lengths, bounds, options and
 * formats. Returns problems; never throws, so one write reports every problem at once.
 */
import type { FieldError } from '@objectos/errors'
import type { FieldNode } from '../../ir/field-node.js'

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const colorPattern = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/

export function checkField(field: FieldNode, value: unknown): FieldError[] {
  const problem = (code: string, message: string): FieldError[] => [
    { field: field.name, code, message: `${field.label} ${message}` },
  ]
  const empty = value === null || value === '' || (Array.isArray(value) && value.length === 0)
  if (empty) return field.required ? problem('required', 'is required') : []
  if (typeof value === 'string') {
    const length = [...value].length
    if (field.maxLength !== undefined && length > field.maxLength) {
      return problem('max_length', `must be at most ${field.maxLength} characters`)
    }
    if (field.minLength !== undefined && length < field.minLength) {
      return problem('min_length', `must be at least ${field.minLength} characters`)
    }
    if (field.format === 'email' && !emailPattern.test(value)) {
      return problem('format', 'must be an email address')
    }
    if (field.format === 'url' && !isWebUrl(value)) {
      return problem('format', 'must be an http(s) URL')
    }
    if (field.format === 'color' && !colorPattern.test(value)) {
      return problem('format', 'must be a colour like #1e90ff')
    }
  }
  if (typeof value === 'number') {
    if (field.min !== undefined && value < field.min) {
      return problem('min', `must be at least ${field.min}`)
    }
    if (field.max !== undefined && value > field.max) {
      return problem('max', `must be at most ${field.max}`)
    }
  }
  if (field.options !== undefined) {
    const allowed = new Set(field.options.map((o) => o.value))
    const values = Array.isArray(value) ? (value as string[]) : [value as string]
    const wrong = values.find((v) => !allowed.has(v))
    if (wrong !== undefined && field.type !== 'tags') {
      return problem('option', `has no option "${wrong}" (options: ${[...allowed].join(', ')})`)
    }
  }
  return []
}

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

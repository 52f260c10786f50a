/**
 * Turns a RowCondition into the engine's canonical filter (`{ "amount": { "$gte": 100 } }`,
 * `$and`, `$or`; see docs/reference/query.md) for one principal: the user operands and user
 * conditions are evaluated through `userValue`, and what they decide is folded away. The result
 * is `true` (every row), `false` (no row) or a filter.
 *
 * The filter matches exactly the rows where the CEL condition is true, with CEL's rules:
 *
 * - Negation is pushed down to the comparisons, so an empty field behaves as in CEL: `!(amount
 *   > 100)` is `amount <= 100`, which an empty amount matches no more than `amount > 100` does
 *   (CEL: an error, so not true), while `!(stage == 'won')` is `$ne`, which an empty stage
 *   matches (CEL: `null != 'won'`). No `$not` is needed.
 * - A user value that cannot be compared is an error, as in CEL, and an error never admits a
 *   row, on either side of a `!`: an operand that did not evaluate (`undefined`: a missing key
 *   such as `current_user.manager_id`), that is not a string, number, boolean, null or timestamp,
 *   or null where an ordering needs a value; an `in` operand that is neither a list nor a map (a
 *   map is its keys, as in CEL; otherwise `field in …` matches nothing, and `!(field in …)`
 *   matches nothing too); a user condition that is not true or false.
 * - A user map indexed by a field (`keyed`) becomes `field in [the keys whose value passes]`, or,
 *   negated, the keys whose value fails: a field that is no key is an error either way. Like CEL, `error || true` is still true, and `error && false` still false.
 * - `null` in an `in` list matches empty fields (`$null: true`), since the filter's `$in` takes
 *   no null; list members that are not scalars can equal no field and are dropped.
 * - User numbers that are bigints become numbers; timestamps (Date) become ISO strings, and
 *   `YYYY-MM-DD` when they fall on midnight UTC (`today()`), which a date field compares with.
 *
 * Nothing here throws on an odd user value.
 *
 * @example
 *   rowConditionFilter(
 *     { kind: 'compare', field: 'owner_id', op: 'eq', value: { kind: 'user', source: 'current_user.id' } },
 *     () => 'usr_1',
 *   )
 *   // → { owner_id: { $eq: 'usr_1' } }
 */
import type { RowCompareOp, RowCondition, RowLiteral, RowOperand } from './row-condition.js'

export type RowFilter = Record<string, unknown>

export function rowConditionFilter(
  condition: RowCondition,
  userValue: (source: string) => unknown,
): RowFilter | boolean {
  const values = new Map<string, unknown>()
  const evaluate = (source: string): unknown => {
    if (!values.has(source)) {
      let value: unknown
      try {
        value = userValue(source)
      } catch {
        value = undefined
      }
      values.set(source, value)
    }
    return values.get(source)
  }
  return build(condition, true, evaluate)
}

/** A value that cannot be compared: CEL would raise an error, which admits no row. */
const error = Symbol('error')

type Scalar = RowLiteral

/** The opposite comparison, null rows included as CEL has them (see the file comment). */
const complement: Readonly<Record<RowCompareOp, RowCompareOp>> = {
  eq: 'ne',
  ne: 'eq',
  lt: 'gte',
  lte: 'gt',
  gt: 'lte',
  gte: 'lt',
  in: 'nin',
  nin: 'in',
}

const filterOps: Readonly<Record<RowCompareOp, string>> = {
  eq: '$eq',
  ne: '$ne',
  lt: '$lt',
  lte: '$lte',
  gt: '$gt',
  gte: '$gte',
  in: '$in',
  nin: '$nin',
}

/**
 * The rows where `condition` is true (`positive`), or where it is false (not `positive`); rows
 * where it is an error are in neither.
 */
function build(
  condition: RowCondition,
  positive: boolean,
  evaluate: (source: string) => unknown,
): RowFilter | boolean {
  switch (condition.kind) {
    case 'constant':
      return condition.value === positive
    case 'user': {
      const value = evaluate(condition.source)
      return typeof value === 'boolean' && value === positive
    }
    case 'not':
      return build(condition.item, !positive, evaluate)
    case 'and':
    case 'or': {
      const parts = condition.items.map((item) => build(item, positive, evaluate))
      return (condition.kind === 'and') === positive ? allOf(parts) : anyOf(parts)
    }
    case 'compare': {
      const op = positive ? condition.op : complement[condition.op]
      return comparison(condition.field, op, operandValue(condition.value, evaluate))
    }
    case 'keyed': {
      const keys = keysPassing(
        evaluate(condition.map),
        condition.op,
        operandValue(condition.value, evaluate),
        positive,
      )
      return keys !== error && keys.length > 0 && { [condition.field]: { $in: keys } }
    }
    default:
      return false
  }
}

function operandValue(operand: RowOperand, evaluate: (source: string) => unknown): unknown {
  return operand.kind === 'literal' ? operand.value : evaluate(operand.source)
}

function comparison(field: string, op: RowCompareOp, value: unknown): RowFilter | boolean {
  if (op === 'in' || op === 'nin') {
    const members = listOf(value)
    if (members === error) return false
    const values = members.filter((m) => m !== null)
    const hasNull = values.length < members.length
    if (op === 'in') {
      return anyOf([
        values.length > 0 && { [field]: { $in: values } },
        hasNull && { [field]: { $null: true } },
      ])
    }
    return allOf([
      values.length === 0 || { [field]: { $nin: values } },
      !hasNull || { [field]: { $null: false } },
    ])
  }
  const scalar = scalarOf(value)
  if (scalar === error) return false
  if (op === 'eq' || op === 'ne') {
    if (scalar === null) return { [field]: { $null: op === 'eq' } }
    return { [field]: { [filterOps[op]]: scalar } }
  }
  // Ordering: CEL has no `<` for null, and the filter none for booleans.
  if (scalar === null || typeof scalar === 'boolean') return false
  return { [field]: { [filterOps[op]]: scalar } }
}

/** A scalar operand as the filter takes it, or `error`. */
function scalarOf(value: unknown): Scalar | typeof error {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      return Number.isFinite(value) ? value : error
    case 'bigint': {
      const n = Number(value)
      return Number.isSafeInteger(n) ? n : error
    }
    case 'object':
      if (value === null) return null
      if (value instanceof Date) return timestamp(value)
      return error
    default:
      return error
  }
}

/**
 * The keys of a user map whose value passes `op operand` (`positive`) or fails it (not
 * `positive`); a value the test cannot compare is in neither, as a CEL error admits no row.
 */
function keysPassing(
  map: unknown,
  op: RowCompareOp,
  operand: unknown,
  positive: boolean,
): string[] | typeof error {
  const entries = entriesOf(map)
  if (entries === error) return error
  const keys: string[] = []
  for (const [key, value] of entries) {
    const outcome = test(value, op, operand)
    if (outcome !== error && outcome === positive) keys.push(key)
  }
  return keys
}

/** `value op operand` with CEL's rules for scalars; `error` where CEL raises one. */
function test(value: unknown, op: RowCompareOp, operand: unknown): boolean | typeof error {
  const left = scalarOf(value)
  if (left === error) return error
  if (op === 'in' || op === 'nin') {
    const members = listOf(operand)
    if (members === error) return error
    return members.includes(left) === (op === 'in')
  }
  const right = scalarOf(operand)
  if (right === error) return error
  if (op === 'eq') return left === right
  if (op === 'ne') return left !== right
  const comparable =
    (typeof left === 'number' && typeof right === 'number') ||
    (typeof left === 'string' && typeof right === 'string')
  if (!comparable) return error
  const l = left as number | string
  const r = right as number | string
  return op === 'lt' ? l < r : op === 'lte' ? l <= r : op === 'gt' ? l > r : l >= r
}

/** A user map's string keys and values, or `error` when it is not a map. */
function entriesOf(value: unknown): [string, unknown][] | typeof error {
  if (value instanceof Map) {
    const entries: [string, unknown][] = []
    for (const [key, member] of value as Map<unknown, unknown>) {
      if (typeof key === 'string') entries.push([key, member])
    }
    return entries
  }
  if (!isPlainMap(value)) return error
  return Object.entries(value)
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  )
}

/**
 * A list operand's distinct scalar members, in order — a map's keys, as CEL's `in` reads a map —
 * or `error` when it is neither.
 */
function listOf(value: unknown): Scalar[] | typeof error {
  if (value instanceof Map) return listOf([...(value as Map<unknown, unknown>).keys()])
  if (isPlainMap(value)) return Object.keys(value)
  if (!Array.isArray(value)) return error
  const seen = new Set<Scalar>()
  for (const member of value as readonly unknown[]) {
    const scalar = scalarOf(member)
    if (scalar !== error) seen.add(scalar)
  }
  return [...seen]
}

function timestamp(date: Date): string | typeof error {
  const time = date.getTime()
  if (Number.isNaN(time)) return error
  const iso = date.toISOString()
  return time % 86_400_000 === 0 ? iso.slice(0, 10) : iso
}

/** Both conditions: folded when one is decided, nested `$and`s flattened. */
function allOf(parts: readonly (RowFilter | boolean)[]): RowFilter | boolean {
  return junction('$and', true, parts)
}

function anyOf(parts: readonly (RowFilter | boolean)[]): RowFilter | boolean {
  return junction('$or', false, parts)
}

function junction(
  key: '$and' | '$or',
  identity: boolean,
  parts: readonly (RowFilter | boolean)[],
): RowFilter | boolean {
  const out: RowFilter[] = []
  for (const part of parts) {
    if (typeof part === 'boolean') {
      if (part !== identity) return part
      continue
    }
    const nested = part[key]
    if (Object.keys(part).length === 1 && Array.isArray(nested))
      out.push(...(nested as RowFilter[]))
    else out.push(part)
  }
  if (out.length === 0) return identity
  if (out.length === 1) return out[0] as RowFilter
  return { [key]: out }
}

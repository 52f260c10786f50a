/**
 * Lowers a CEL row condition — a sharing rule's `condition` (fields read as `record.<field>`) or a
 * row-level security policy's `using` (bare field names) — into a RowCondition the engine turns
 * into the WHERE of every query. What lowers:
 *
 * - `&&`, `||`, `!`, parentheses, `true` and `false`;
 * - a field compared (`==`, `!=`, `<`, `<=`, `>`, `>=`) with an operand, on either side;
 * - a field `in` a literal list or a user operand (`!(field in …)` stays a `not`); a user map
 *   on the right of `in` is its keys, as in CEL;
 * - a user map indexed by a field, compared with or `in` an operand
 *   (`current_user.organizationRoles[organization_id] in ['owner', 'admin']`);
 * - `field == null`, `field != null`, `has(record.field)` (set and not null), and a field alone
 *   (`record.done` is `record.done == true`; `!record.done` is `record.done == false`, which like
 *   CEL leaves out rows where the field is empty);
 * - operands that are literals (strings, numbers, true, false, null, lists of those) or that read
 *   nothing but the user (`current_user.id`, `current_user.limit * 2`, `now()`): the latter stay
 *   CEL text, taken from the source, evaluated for the principal when a query is built;
 * - a true/false part that reads only the user (`'sales' in current_user.positions`), likewise.
 *
 * Everything else is refused with a reason in plain words and the range of the part at fault:
 * functions of fields (`record.name.startsWith('A')`), two fields compared, paths through
 * lookups (`record.account.name`), arithmetic on fields, `previous` and `parent`.
 */
import { serialize, type ASTNode, type Environment } from '@marcbachmann/cel-js'
import { createCelEnvironment } from '../rules/cel/cel-base-environment.js'
import { userVariables } from '../rules/cel/cel-scope.js'
import type { RowCompareOp, RowCondition, RowLiteral, RowOperand } from './row-condition.js'

/** How the condition reads fields: `record.<field>` (sharing rules) or bare names (policies). */
export type RowConditionRows = 'record' | 'bare'

export type LoweredRowCondition =
  | { readonly ok: true; readonly condition: RowCondition }
  /** `start`/`end`: the range in the source of the part that does not lower. */
  | { readonly ok: false; readonly reason: string; readonly start: number; readonly end: number }

/**
 * @example
 *   lowerRowCondition('record.amount >= 100.0', 'record', new Set(['amount']))
 *   // → { ok: true, condition: { kind: 'compare', field: 'amount', op: 'gte',
 *   //       value: { kind: 'literal', value: 100 } } }
 *   lowerRowCondition('owner_id == current_user.id', 'bare', new Set(['owner_id']))
 *   // → { ok: true, condition: { kind: 'compare', field: 'owner_id', op: 'eq',
 *   //       value: { kind: 'user', source: 'current_user.id' } } }
 *   lowerRowCondition("record.name.startsWith('A')", 'record', new Set(['name']))
 *   // → { ok: false, reason: '`startsWith` cannot become a row filter', start: 0, end: 27 }
 */
export function lowerRowCondition(
  source: string,
  rows: RowConditionRows,
  fields: ReadonlySet<string>,
): LoweredRowCondition {
  let ast: ASTNode
  try {
    parser ??= createCelEnvironment()
    ast = parser.parse(source).ast
  } catch (error) {
    const e = error as { summary?: unknown; message?: unknown; range?: Range }
    const start = e.range?.start ?? 0
    const detail = String(e.summary ?? e.message)
    return refusal(`the expression does not parse: ${detail}`, start, e.range?.end ?? start)
  }
  const lowering: Lowering = { source, rows, fields, reads: new Map() }
  try {
    return { ok: true, condition: lowerBool(lowering, ast) }
  } catch (error) {
    if (error instanceof Refusal) return refusal(error.reason, error.start, error.end)
    // Only an expression nested deeper than the stack allows gets here.
    if (error instanceof RangeError) {
      return refusal('the expression nests too deeply to become a row filter', 0, source.length)
    }
    throw error
  }
}

/** Parses only; its syntax trees are never type-checked, so never annotated. */
let parser: Environment | undefined

interface Range {
  readonly start: number
  readonly end: number
}

interface Lowering {
  readonly source: string
  readonly rows: RowConditionRows
  readonly fields: ReadonlySet<string>
  /** What each node outside a comprehension reads, computed once. */
  readonly reads: Map<ASTNode, Reads>
}

/** What a subexpression reads. */
interface Reads {
  /** The first node that reads the row: a field, or `record` itself. */
  readonly row: ASTNode | undefined
  /** The first name that is neither a field nor a user variable. */
  readonly unknown: ASTNode | undefined
  readonly user: boolean
}

class Refusal {
  readonly start: number
  readonly end: number
  constructor(
    readonly reason: string,
    node: { readonly range: Range },
  ) {
    this.start = node.range.start
    this.end = node.range.end
  }
}

function refusal(reason: string, start: number, end: number): LoweredRowCondition {
  return { ok: false, reason, start, end }
}

const comparisons: Readonly<Record<string, RowCompareOp>> = {
  '==': 'eq',
  '!=': 'ne',
  '<': 'lt',
  '<=': 'lte',
  '>': 'gt',
  '>=': 'gte',
}

/** The operator with its operands swapped: `100 < record.amount` is `record.amount > 100`. */
const flipped: Readonly<Record<RowCompareOp, RowCompareOp>> = {
  eq: 'eq',
  ne: 'ne',
  lt: 'gt',
  lte: 'gte',
  gt: 'lt',
  gte: 'lte',
  in: 'in',
  nin: 'nin',
}

const arithmetic: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%', '-_'])
const conditions: ReadonlySet<string> = new Set([
  ...Object.keys(comparisons),
  'in',
  '&&',
  '||',
  '!_',
])
/** Receiver macros whose first argument names a variable bound in the others. */
const comprehensions: ReadonlySet<string> = new Set([
  'all',
  'exists',
  'exists_one',
  'map',
  'filter',
])

const trueLiteral: RowOperand = { kind: 'literal', value: true }
const falseLiteral: RowOperand = { kind: 'literal', value: false }
const nullLiteral: RowOperand = { kind: 'literal', value: null }

/** A node in a true/false position. */
function lowerBool(l: Lowering, node: ASTNode): RowCondition {
  const field = fieldOf(l, node)
  if (field !== undefined) return compare(field, 'eq', trueLiteral)
  const reads = readsOf(l, node)
  if (reads.row === undefined && reads.unknown === undefined && reads.user) {
    return { kind: 'user', source: sourceText(l, node) }
  }
  switch (node.op) {
    case '&&':
      return and(chain(node, '&&').map((item) => lowerBool(l, item)))
    case '||':
      return or(chain(node, '||').map((item) => lowerBool(l, item)))
    case '!_': {
      // `!!x` is x; `!field` is `field == false` (see the file comment).
      let inner: ASTNode = node.args
      let negate = true
      while (inner.op === '!_') {
        inner = inner.args
        negate = !negate
      }
      if (!negate) return lowerBool(l, inner)
      const negated = fieldOf(l, inner)
      if (negated !== undefined) return compare(negated, 'eq', falseLiteral)
      return not(lowerBool(l, inner))
    }
    case '==':
    case '!=':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return lowerComparison(l, node, comparisons[node.op] as RowCompareOp)
    case 'in':
      return lowerIn(l, node)
    case 'call':
      if (node.args[0] === 'has') return lowerHas(l, node)
      break
    case 'value':
      if (typeof node.args === 'boolean') return { kind: 'constant', value: node.args }
      throw new Refusal(`\`${sourceText(l, node)}\` is not true or false`, node)
    default:
      break
  }
  throw problemIn(l, node) ?? readsNothing(node)
}

/** `a && b && c` as [a, b, c], however it is parenthesised, without recursing down the chain. */
function chain(node: ASTNode, op: '&&' | '||'): ASTNode[] {
  const out: ASTNode[] = []
  const stack: ASTNode[] = [node]
  while (stack.length > 0) {
    const next = stack.pop() as ASTNode
    if (next.op === op) stack.push(next.args[1], next.args[0])
    else out.push(next)
  }
  return out
}

function lowerComparison(l: Lowering, node: ASTNode, op: RowCompareOp): RowCondition {
  const [left, right] = node.args as [ASTNode, ASTNode]
  const leftKey = keyedOf(l, left)
  const rightKey = keyedOf(l, right)
  if (leftKey !== undefined && rightKey !== undefined) {
    throw new Refusal('two maps indexed by fields cannot be compared in a row filter', node)
  }
  if (leftKey !== undefined) return keyedWith(l, leftKey, op, right)
  if (rightKey !== undefined) return keyedWith(l, rightKey, flipped[op], left)
  const leftField = fieldOf(l, left)
  const rightField = fieldOf(l, right)
  if (leftField !== undefined && rightField !== undefined) {
    throw new Refusal('a field compared with another field cannot become a row filter', node)
  }
  if (leftField !== undefined) return compareWith(l, leftField, op, right)
  if (rightField !== undefined) return compareWith(l, rightField, flipped[op], left)
  throw problemIn(l, left) ?? problemIn(l, right) ?? readsNothing(node)
}

function compareWith(l: Lowering, field: string, op: RowCompareOp, node: ASTNode): RowCondition {
  return compare(field, op, comparableOperand(l, op, node))
}

/** The operand of an ordering or equality, refused when a literal cannot be compared so. */
function comparableOperand(l: Lowering, op: RowCompareOp, node: ASTNode): RowOperand {
  const value = operandOf(l, node)
  if (value.kind === 'literal') {
    const ordered = op !== 'eq' && op !== 'ne'
    if (Array.isArray(value.value)) {
      throw new Refusal('a list can only be compared with `in`', node)
    }
    if (ordered && value.value === null) {
      throw new Refusal('null can only be compared with == and !=', node)
    }
    if (ordered && typeof value.value === 'boolean') {
      throw new Refusal('true and false can only be compared with == and !=', node)
    }
  }
  return value
}

/** A user map indexed by a field: `current_user.organizationRoles[organization_id]`. */
interface Keyed {
  readonly field: string
  readonly map: string
}

function keyedOf(l: Lowering, node: ASTNode): Keyed | undefined {
  if (node.op !== '[]') return undefined
  const [map, key] = node.args as [ASTNode, ASTNode]
  const field = fieldOf(l, key)
  if (field === undefined) return undefined
  const reads = readsOf(l, map)
  if (reads.row !== undefined || reads.unknown !== undefined || !reads.user) return undefined
  return { field, map: sourceText(l, map) }
}

function keyedWith(l: Lowering, keyed: Keyed, op: RowCompareOp, node: ASTNode): RowCondition {
  if (fieldOf(l, node) !== undefined) {
    throw new Refusal('a field compared with another field cannot become a row filter', node)
  }
  return { kind: 'keyed', ...keyed, op, value: comparableOperand(l, op, node) }
}

function lowerIn(l: Lowering, node: ASTNode): RowCondition {
  const [left, right] = node.args as [ASTNode, ASTNode]
  const keyed = keyedOf(l, left)
  if (keyed !== undefined) {
    if (fieldOf(l, right) !== undefined) {
      throw new Refusal('a field compared with another field cannot become a row filter', node)
    }
    return { kind: 'keyed', ...keyed, op: 'in', value: listOperand(l, right) }
  }
  const field = fieldOf(l, left)
  if (fieldOf(l, right) !== undefined) {
    const reason =
      field === undefined
        ? 'a value `in` a field cannot become a row filter; the field must be on the left of `in`'
        : 'a field compared with another field cannot become a row filter'
    throw new Refusal(reason, node)
  }
  if (field === undefined) throw problemIn(l, left) ?? problemIn(l, right) ?? readsNothing(node)
  return compare(field, 'in', listOperand(l, right))
}

/** The right of `in`: a literal list, or a user operand (a list, or a map: its keys). */
function listOperand(l: Lowering, node: ASTNode): RowOperand {
  if (node.op === 'map') {
    throw new Refusal('`in` a map cannot become a row filter; write a list', node)
  }
  const value = operandOf(l, node)
  if (value.kind === 'literal' && !Array.isArray(value.value)) {
    throw new Refusal('`in` needs a list on its right', node)
  }
  return value
}

/** `has(record.x)`: x is set and not null (see engine/src/compile/compile-program.ts). */
function lowerHas(l: Lowering, node: ASTNode & { op: 'call' }): RowCondition {
  const [argument] = node.args[1]
  const field = argument === undefined ? undefined : fieldOf(l, argument)
  if (field !== undefined && l.rows === 'record') return compare(field, 'ne', nullLiteral)
  if (field !== undefined || argument === undefined) throw describe(l, node)
  throw problemIn(l, argument) ?? describe(l, node)
}

/** An operand compared with a field: a literal, or CEL text that reads nothing but the user. */
function operandOf(l: Lowering, node: ASTNode): RowOperand {
  const literal = literalOf(l, node)
  if (literal !== undefined) return { kind: 'literal', value: literal.value }
  const problem = problemIn(l, node)
  if (problem !== undefined) throw problem
  return { kind: 'user', source: sourceText(l, node) }
}

/** A literal scalar, a negated number, or a list of those; undefined for anything else. */
function literalOf(
  l: Lowering,
  node: ASTNode,
): { readonly value: RowLiteral | readonly RowLiteral[] } | undefined {
  if (node.op === 'list') {
    const members: RowLiteral[] = []
    for (const member of node.args) {
      const literal = literalOf(l, member)
      if (literal === undefined || Array.isArray(literal.value)) return undefined
      members.push(literal.value as RowLiteral)
    }
    return { value: members }
  }
  if (node.op === '-_' && node.args.op === 'value') {
    const value = node.args.args
    if (typeof value === 'bigint') return { value: integer(l, node, -value) }
    if (typeof value === 'number') return { value: -value }
    return undefined
  }
  if (node.op !== 'value') return undefined
  const value = node.args
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return { value }
  if (typeof value === 'number') return { value }
  if (typeof value === 'bigint') return { value: integer(l, node, value) }
  if (value instanceof Uint8Array) throw new Refusal('bytes cannot become a row filter', node)
  throw new Refusal(
    `\`${sourceText(l, node)}\` cannot become a row filter; write the number without \`u\``,
    node,
  )
}

function integer(l: Lowering, node: ASTNode, value: bigint): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n)) {
    throw new Refusal(`\`${sourceText(l, node)}\` is too large for a row filter`, node)
  }
  return n
}

/**
 * The field a node names — `record.<field>` or a bare field name — or undefined when it names
 * none. `record.<name>` for a name that is not a field is refused.
 */
function fieldOf(l: Lowering, node: ASTNode): string | undefined {
  if (l.rows === 'bare') {
    return node.op === 'id' && isBareField(l, node.args) ? node.args : undefined
  }
  if (node.op !== '.' || node.args[0].op !== 'id' || node.args[0].args !== 'record') {
    return undefined
  }
  const name = node.args[1]
  if (!l.fields.has(name)) {
    throw new Refusal(`\`record.${name}\` is not a field of this object`, node)
  }
  return name
}

function isBareField(l: Lowering, name: string): boolean {
  return !userVariables.includes(name) && l.fields.has(name)
}

/** Why a node that reads the row (or an unknown name) cannot lower; undefined if it reads neither. */
function problemIn(l: Lowering, node: ASTNode): Refusal | undefined {
  const reads = readsOf(l, node)
  if (reads.unknown !== undefined) return unknownName(l, reads.unknown)
  if (reads.row !== undefined) return describe(l, node)
  return undefined
}

function readsNothing(node: ASTNode): Refusal {
  return new Refusal(
    'this condition reads neither a field nor the user; write true or false instead',
    node,
  )
}

/** The reason a node that reads the row is not a plain field, by what it is. */
function describe(l: Lowering, node: ASTNode): Refusal {
  switch (node.op) {
    case '.':
    case '.?': {
      const inner = node.args[0]
      if (fieldOf(l, inner) === undefined) return describe(l, inner)
      const lookup = sourceText(l, inner)
      return new Refusal(
        `\`${sourceText(l, node)}\` crosses a lookup; compare \`${lookup}\` instead`,
        node,
      )
    }
    case 'call':
    case 'rcall':
      return new Refusal(`\`${node.args[0]}\` cannot become a row filter`, node)
    case '[]':
    case '[?]':
      return new Refusal('indexing (`[…]`) cannot become a row filter', node)
    case '?:':
      return new Refusal(
        'a conditional (`… ? … : …`) cannot become a row filter; write it with && and ||',
        node,
      )
    case 'list':
      return new Refusal('a list that holds a field cannot become a row filter', node)
    case 'map':
      return new Refusal('a map cannot become a row filter', node)
    case 'id':
      return new Refusal(
        l.rows === 'record'
          ? '`record` as a whole cannot become a row filter; compare one of its fields'
          : `\`${node.args}\` cannot become a row filter here`,
        node,
      )
    default:
      break
  }
  if (arithmetic.has(node.op)) {
    const op = node.op === '-_' ? '-' : node.op
    return new Refusal(
      `arithmetic (\`${op}\`) on a field cannot become a row filter; compare the field itself`,
      node,
    )
  }
  if (conditions.has(node.op)) {
    return new Refusal(
      'a condition used as a value cannot become a row filter; write the condition itself',
      node,
    )
  }
  return new Refusal('this part cannot become a row filter', node)
}

function unknownName(l: Lowering, node: ASTNode): Refusal {
  const name = String(node.args)
  if (name === 'previous') {
    return new Refusal('`previous` (the record as it was saved) cannot become a row filter', node)
  }
  if (name === 'parent') {
    return new Refusal(
      '`parent` (the master record) cannot become a row filter; compare the master_detail field of `record` instead',
      node,
    )
  }
  if (name === 'record') {
    return new Refusal(
      'row-level security reads fields by their bare names, not through `record`',
      node,
    )
  }
  return new Refusal(
    l.rows === 'bare'
      ? `\`${name}\` is not a field of this object`
      : `\`${name}\` is not defined here; fields are read through \`record\``,
    node,
  )
}

/** What a node reads; memoised, since lowering asks at every level of a condition. */
function readsOf(l: Lowering, node: ASTNode): Reads {
  let reads = l.reads.get(node)
  if (reads === undefined) {
    reads = collectReads(l, node, noneBound)
    l.reads.set(node, reads)
  }
  return reads
}

const noneBound: ReadonlySet<string> = new Set()
const nothing: Reads = { row: undefined, unknown: undefined, user: false }

function merge(a: Reads, b: Reads): Reads {
  return {
    row: a.row ?? b.row,
    unknown: a.unknown ?? b.unknown,
    user: a.user || b.user,
  }
}

/** `bound`: the variables comprehensions (`exists(p, …)`, `cel.bind`) bind around the node. */
function collectReads(l: Lowering, node: ASTNode, bound: ReadonlySet<string>): Reads {
  const sub = (child: ASTNode, inner: ReadonlySet<string> = bound): Reads =>
    inner.size === 0 ? readsOf(l, child) : collectReads(l, child, inner)
  const all = (children: readonly ASTNode[], inner?: ReadonlySet<string>): Reads =>
    children.reduce((acc, child) => merge(acc, sub(child, inner)), nothing)
  switch (node.op) {
    case 'value':
      return nothing
    case 'id': {
      const name = node.args
      if (bound.has(name)) return nothing
      if (userVariables.includes(name)) return { ...nothing, user: true }
      const row = l.rows === 'record' ? name === 'record' : l.fields.has(name)
      return row ? { ...nothing, row: node } : { ...nothing, unknown: node }
    }
    case '.':
    case '.?':
      return sub(node.args[0])
    case 'call':
      return all(node.args[1])
    case 'rcall': {
      const [name, receiver, args] = node.args
      const variable = args[0]?.op === 'id' ? args[0].args : undefined
      if (name === 'bind' && receiver.op === 'id' && receiver.args === 'cel' && !bound.has('cel')) {
        // cel.bind(x, value, expression): x is bound in the expression only.
        if (variable === undefined) return all(args)
        return merge(all(args.slice(1, 2)), all(args.slice(2), new Set([...bound, variable])))
      }
      if (comprehensions.has(name) && variable !== undefined) {
        return merge(sub(receiver), all(args.slice(1), new Set([...bound, variable])))
      }
      return merge(sub(receiver), all(args))
    }
    case 'list':
      return all(node.args)
    case 'map':
      return all(node.args.flat())
    case '!_':
    case '-_':
      return sub(node.args)
    case '&&':
    case '||':
      // Long chains are read operand by operand, not down their spine.
      return all(chain(node, node.op))
    default:
      return all(node.args as readonly ASTNode[])
  }
}

function compare(field: string, op: RowCompareOp, value: RowOperand): RowCondition {
  return { kind: 'compare', field, op, value }
}

/** `and` of its items, flattened and folded: true items dropped, a false item wins. */
function and(items: readonly RowCondition[]): RowCondition {
  return junction('and', items)
}

function or(items: readonly RowCondition[]): RowCondition {
  return junction('or', items)
}

function junction(kind: 'and' | 'or', items: readonly RowCondition[]): RowCondition {
  const identity = kind === 'and'
  const out: RowCondition[] = []
  for (const item of items) {
    if (item.kind === 'constant') {
      if (item.value !== identity) return item
      continue
    }
    if (item.kind === kind) out.push(...item.items)
    else out.push(item)
  }
  if (out.length === 0) return { kind: 'constant', value: identity }
  if (out.length === 1) return out[0] as RowCondition
  return { kind, items: out }
}

function not(item: RowCondition): RowCondition {
  if (item.kind === 'constant') return { kind: 'constant', value: !item.value }
  if (item.kind === 'not') return item.item
  return { kind: 'not', item }
}

/**
 * The source text of a node. cel-js leaves the parentheses around its first and last operands
 * out of a node's range (`(a) || (b)` spans `a) || (b`), so they are taken back in; when they
 * cannot be (a comment between them), the node is printed back from the syntax tree instead.
 */
function sourceText(l: Lowering, node: ASTNode): string {
  const { source } = l
  let { start, end } = node.range
  const { unopened, unclosed } = parenthesesOf(source, start, end)
  for (let i = 0; i < unopened; i++) {
    const before = skipSpaceBack(source, start)
    if (source[before - 1] !== '(') return serialize(node)
    start = before - 1
  }
  for (let i = 0; i < unclosed; i++) {
    const after = skipSpace(source, end)
    if (source[after] !== ')') return serialize(node)
    end = after + 1
  }
  return source.slice(start, end)
}

/** Parentheses in `source[start, end)` that close one opened before, and that stay open. */
function parenthesesOf(
  source: string,
  start: number,
  end: number,
): { unopened: number; unclosed: number } {
  let unopened = 0
  let depth = 0
  let i = start
  while (i < end) {
    const c = source[i] as string
    if (c === '"' || c === "'") {
      i = skipString(source, i, end)
      continue
    }
    if (c === '/' && source[i + 1] === '/') {
      while (i < end && source[i] !== '\n') i++
      continue
    }
    if (c === '(') depth++
    else if (c === ')') {
      if (depth > 0) depth--
      else unopened++
    }
    i++
  }
  return { unopened, unclosed: depth }
}

/** The index after the string literal opening at `i` (raw `r"…"` strings escape nothing). */
function skipString(source: string, i: number, end: number): number {
  const quote = source[i] as string
  const raw = /[rR]/.test(source[i - 1] ?? '') || /[rR][bB]|[bB][rR]/.test(source.slice(i - 2, i))
  const triple = source.startsWith(quote.repeat(3), i)
  const close = triple ? quote.repeat(3) : quote
  let j = i + close.length
  while (j < end) {
    if (!raw && source[j] === '\\') {
      j += 2
      continue
    }
    if (source.startsWith(close, j)) return j + close.length
    j++
  }
  return end
}

function skipSpace(source: string, i: number): number {
  while (i < source.length && /\s/.test(source[i] as string)) i++
  return i
}

function skipSpaceBack(source: string, i: number): number {
  while (i > 0 && /\s/.test(source[i - 1] as string)) i--
  return i
}

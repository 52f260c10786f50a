/**
 * Object and field names become table and column names on SQLite and PostgreSQL, and fields are
 * read as `record.<name>` in CEL. Names that are reserved words there, longer than PostgreSQL's
 * 63-byte identifier limit, equal to a column the engine adds itself, or (for objects) in the
 * `objectos_` namespace of the engine's own tables are refused here, where
 * the fix is a rename, instead of failing at `objectos apply`.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { report } from '../../diagnostics/report.js'
import { locate, type LocatePart } from '../../parse/locate.js'
import type { Rule, RuleContext } from '../rule-context.js'
import { asString, entriesOf, get } from '../value-guards.js'
import { reservedIn } from './reserved-words.js'
import { systemColumnNames } from './system-columns.js'

/** PostgreSQL's NAMEDATALEN - 1: longer identifiers are truncated. */
const maxIdentifierBytes = 63

export const identifiersRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'object') return
  const name = asString(get(ctx.doc.value, 'name'))
  if (name !== undefined) checkIdentifier(ctx, ['name'], 'value', 'object', name)
  if (name?.startsWith('objectos_') === true) {
    ctx.out.push(report('OOS_NAME_SYSTEM_TABLE', locate(ctx.doc, ['name']), [name]))
  }
  for (const [key, field] of entriesOf(get(ctx.doc.value, 'fields'))) {
    const path = ['fields', key]
    checkIdentifier(ctx, path, 'key', 'field', key)
    // A field flagged `system: true` describes the column the engine adds; that is its purpose.
    if (systemColumnNames.includes(key) && get(field, 'system') !== true) {
      ctx.out.push(report('OOS_NAME_SYSTEM_COLUMN', locate(ctx.doc, path, 'key'), [key]))
    }
  }
}

function checkIdentifier(
  ctx: RuleContext,
  path: readonly PathSegment[],
  part: LocatePart,
  what: string,
  name: string,
): void {
  const systems = reservedIn(name)
  if (systems.length > 0) {
    ctx.out.push(
      report('OOS_NAME_RESERVED_WORD', locate(ctx.doc, path, part), [what, name, listing(systems)]),
    )
  }
  const bytes = utf8Length(name)
  if (bytes > maxIdentifierBytes) {
    ctx.out.push(report('OOS_NAME_TOO_LONG', locate(ctx.doc, path, part), [what, name, bytes]))
  }
}

/** `PostgreSQL`, `PostgreSQL and SQLite`, `PostgreSQL, SQLite and CEL`. */
function listing(items: readonly string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] as string}`
}

/**
 * The UTF-8 byte length of a string (no TextEncoder: this package targets ES2023 without DOM).
 *
 * @example
 *   utf8Length('é') // → 2
 */
export function utf8Length(text: string): number {
  let bytes = 0
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
  }
  return bytes
}

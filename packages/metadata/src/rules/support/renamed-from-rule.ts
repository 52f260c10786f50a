/**
 * Declared renames (`renamedFrom`, an ObjectOS extension on objects and fields) must be
 * unambiguous, because `objectos plan` turns each into "rename this table/column" and keeps the
 * data. A rename from a name that is still declared would leave both the old and the new one
 * wanting the same table or column; two renames from one name would move one column onto two.
 * Fields are checked within their object; objects across the app, the first file (by path)
 * keeping its rename.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { report } from '../../diagnostics/report.js'
import type { ParsedDocument } from '../../parse/parsed-document.js'
import { locate } from '../../parse/locate.js'
import { declaredName } from '../build-symbol-table.js'
import { declaredFields } from '../fields/field-definition.js'
import { systemColumnNames } from '../names/system-columns.js'
import type { Rule, RuleContext } from '../rule-context.js'
import { isDeclared } from '../symbol-table.js'
import { asString, get } from '../value-guards.js'

export const renamedFromRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'object') return
  checkObjectRename(ctx)
  checkFieldRenames(ctx)
}

function checkObjectRename(ctx: RuleContext): void {
  const from = asString(get(ctx.doc.value, 'renamedFrom'))
  if (from === undefined) return
  const name = declaredName(ctx.doc)
  const at = locate(ctx.doc, ['renamedFrom'])
  if (from === name || isDeclared(ctx.symbols, 'object', from)) {
    const hint =
      from === name
        ? 'an object cannot be renamed from its own name; remove renamedFrom'
        : `remove renamedFrom, or remove or rename object "${from}" first`
    ctx.out.push(report('OOS_NAME_RENAMED_FROM_EXISTS', at, ['object', name, from], hint))
    return
  }
  const first = objectDocuments(ctx).find((doc) => asString(get(doc.value, 'renamedFrom')) === from)
  if (first !== undefined && first !== ctx.doc) {
    ctx.out.push(
      report(
        'OOS_NAME_RENAMED_FROM_DUPLICATE',
        at,
        ['object', from, declaredName(first)],
        `${first.file} already renames table "${from}"; one table cannot become two`,
      ),
    )
  }
}

/** Every object document of the app, by file path. */
function objectDocuments(ctx: RuleContext): ParsedDocument[] {
  const byName = ctx.symbols.names.get('object')?.values() ?? []
  return [...byName].flat().sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
}

function checkFieldRenames(ctx: RuleContext): void {
  const fields = declaredFields(ctx.doc)
  const names = new Set(fields.map((f) => f.name))
  const renamed = new Map<string, string>()
  for (const { name, def, path } of fields) {
    const from = asString(def.renamedFrom)
    if (from === undefined) continue
    const at: PathSegment[] = [...path, 'renamedFrom']
    const hint = existingFieldHint(from, name, names)
    if (hint !== undefined) {
      ctx.out.push(
        report('OOS_NAME_RENAMED_FROM_EXISTS', locate(ctx.doc, at), ['field', name, from], hint),
      )
      continue
    }
    const first = renamed.get(from)
    if (first !== undefined) {
      ctx.out.push(
        report(
          'OOS_NAME_RENAMED_FROM_DUPLICATE',
          locate(ctx.doc, at),
          ['field', from, first],
          'one column cannot become two; keep renamedFrom on one field',
        ),
      )
      continue
    }
    renamed.set(from, name)
  }
}

/** Why `from` cannot be renamed into `name`, or undefined when it can. */
function existingFieldHint(
  from: string,
  name: string,
  declared: ReadonlySet<string>,
): string | undefined {
  if (from === name) return 'a field cannot be renamed from its own name; remove renamedFrom'
  if (systemColumnNames.includes(from)) {
    return `"${from}" is a system column ObjectOS adds to every table; it cannot be renamed`
  }
  if (declared.has(from)) return `remove renamedFrom, or remove or rename field "${from}" first`
  return undefined
}

/**
 * Keys that mean something on some field types only. On any other type the key parses and does
 * nothing — `maxLength: 10` on a number enforces no limit, `expression` on a text field computes
 * nothing — and ObjectOS refuses a declared feature it would ignore. The first rows port the
 * spec's own refusals (field.zod.ts: #11566, #11949, #14168, objectui#6140, #11339, #11437); the
 * rest apply the same principle to the keys that belong to one family of types.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import type { Rule } from '../rule-context.js'
import { declaredFields } from './field-definition.js'
import {
  alwaysMultiTypes,
  boundedStringTypes,
  multilineTypes,
  multipleCapableTypes,
  optionTypes,
  relationshipTypes,
  type FieldDef,
} from './field-types.js'

interface KeyScope {
  readonly key: string
  readonly types: ReadonlySet<string>
  /** Whether the value declares anything (`multiple: false` states the default). */
  readonly declares?: (value: unknown) => boolean
  /** The hint when the type has a better way to say the same thing. */
  readonly hint?: (type: string) => string | undefined
}

const scopes: readonly KeyScope[] = [
  {
    key: 'maxLength',
    types: boundedStringTypes,
    hint: (type) => (isNumeric(type) ? 'bound a number with "max"' : undefined),
  },
  {
    key: 'minLength',
    types: boundedStringTypes,
    hint: (type) => (isNumeric(type) ? 'bound a number with "min"' : undefined),
  },
  { key: 'valueDomain', types: new Set(['text']) },
  { key: 'rows', types: multilineTypes },
  {
    key: 'referenceVia',
    types: new Set(['text']),
    hint: (type) =>
      relationshipTypes.has(type) ? 'a lookup names its one target with "reference"' : undefined,
  },
  {
    key: 'multiple',
    types: new Set([...multipleCapableTypes, ...alwaysMultiTypes]),
    declares: (value) => value === true,
    hint: (type) =>
      type === 'radio'
        ? 'a radio group picks one value; use checkboxes or multiselect for several'
        : undefined,
  },
  {
    key: 'reference',
    types: new Set([...relationshipTypes, 'tree', 'user']),
    hint: () => 'set "type: lookup" to link records of another object',
  },
  {
    key: 'expression',
    types: new Set(['formula']),
    hint: () => 'set "type: formula" to compute the value',
  },
  { key: 'returnType', types: new Set(['formula']) },
  {
    key: 'summaryOperations',
    types: new Set(['summary']),
    hint: () => 'set "type: summary" to roll up child records',
  },
  { key: 'autonumberFormat', types: new Set(['autonumber']) },
  { key: 'options', types: optionTypes },
  { key: 'currencyConfig', types: new Set(['currency']) },
]

export const fieldKeyScopeRule: Rule = (ctx) => {
  if (ctx.doc.kind !== 'object') return
  for (const { def, path } of declaredFields(ctx.doc)) {
    const type = def.type
    if (typeof type !== 'string') continue
    for (const scope of scopes) {
      if (!declares(def, scope) || scope.types.has(type)) continue
      const at: PathSegment[] = [...path, scope.key]
      ctx.out.push(
        report(
          'OOS_FIELD_KEY_NOT_APPLICABLE',
          locate(ctx.doc, at, 'key'),
          [scope.key, type],
          scope.hint?.(type) ?? `it applies to ${describeTypes(scope.types)} fields; remove it`,
        ),
      )
    }
  }
}

function declares(def: FieldDef, scope: KeyScope): boolean {
  if (!(scope.key in def) || def[scope.key] === undefined) return false
  return scope.declares?.(def[scope.key]) ?? true
}

function isNumeric(type: string): boolean {
  return ['number', 'currency', 'percent'].includes(type)
}

/** `text`, `a, b and c`. */
function describeTypes(types: ReadonlySet<string>): string {
  const list = [...types]
  return list.length === 1
    ? (list[0] as string)
    : `${list.slice(0, -1).join(', ')} and ${list.at(-1) as string}`
}

/**
 * Compiles a validated `*.permission.yaml` into a PermissionSetNode. Validation has already
 * refused every key the access layer does not enforce, so what is read here is all there is.
 *
 * @example
 *   compilePermissionSet({ name: 'sales_rep', objects: { lead: { allowRead: true } } }, file)
 */
import type {
  FieldGrant,
  ObjectGrant,
  PermissionSetNode,
  RecordScope,
  RowOperation,
  RowPolicyNode,
} from '../ir/permission-set-node.js'
import { expressionSource } from './compile-program.js'
import { lowerCondition } from './lower-condition.js'

type Def = Readonly<Record<string, unknown>>

/** The field names of an object, for lowering row-level policies; undefined if unknown. */
export type FieldsOf = (object: string) => ReadonlySet<string> | undefined

export function compilePermissionSet(
  def: Def,
  file: string,
  fieldsOf: FieldsOf = () => undefined,
): PermissionSetNode {
  const name = String(def.name)
  const objects = new Map<string, ObjectGrant>()
  for (const [object, raw] of Object.entries((def.objects ?? {}) as Record<string, Def>)) {
    objects.set(
      object,
      Object.freeze({
        read: raw.allowRead === true,
        create: raw.allowCreate === true,
        edit: raw.allowEdit === true,
        delete: raw.allowDelete === true,
        transfer: raw.allowTransfer === true,
        viewAll: raw.viewAllRecords === true,
        modifyAll: raw.modifyAllRecords === true,
        readScope: scope(raw.readScope),
        writeScope: scope(raw.writeScope),
      }),
    )
  }
  const fields = new Map<string, Map<string, FieldGrant>>()
  for (const [key, raw] of Object.entries((def.fields ?? {}) as Record<string, Def>)) {
    const dot = key.indexOf('.')
    const object = key.slice(0, dot)
    const field = key.slice(dot + 1)
    const byField = fields.get(object) ?? new Map<string, FieldGrant>()
    // The spec's defaults: readable unless it says not, editable only when it says so.
    byField.set(
      field,
      Object.freeze({ readable: raw.readable !== false, editable: raw.editable === true }),
    )
    fields.set(object, byField)
  }
  return Object.freeze({
    kind: 'permission_set',
    name,
    label: typeof def.label === 'string' ? def.label : name,
    file,
    objects,
    fields,
    isDefault: def.isDefault === true,
    policies: Object.freeze(
      ((def.rowLevelSecurity ?? []) as Def[])
        .filter((policy) => policy.enabled !== false)
        .map((policy) => compilePolicy(policy, fieldsOf, file)),
    ),
  })
}

const everyOperation: readonly RowOperation[] = ['select', 'insert', 'update', 'delete']

function compilePolicy(policy: Def, fieldsOf: FieldsOf, file: string): RowPolicyNode {
  const object = String(policy.object)
  const operation = String(policy.operation)
  const using = expressionSource(policy.using)
  // A write is checked in SQL, on the row written, against `check` — or `using` without one.
  const check = expressionSource(policy.check)
  const fields = fieldsOf(object) ?? new Set<string>()
  return Object.freeze({
    name: String(policy.name),
    object,
    operations: new Set(
      operation === 'all' ? everyOperation : everyOperation.filter((op) => op === operation),
    ),
    using:
      using === undefined
        ? undefined
        : lowerCondition(using, 'bare', fields, `policy ${String(policy.name)} in ${file}`),
    check:
      check === undefined
        ? undefined
        : lowerCondition(check, 'bare', fields, `policy ${String(policy.name)} in ${file}`),
    positions: Array.isArray(policy.positions)
      ? Object.freeze(policy.positions.map(String))
      : undefined,
  })
}

function scope(value: unknown): RecordScope | undefined {
  return value === 'own' || value === 'own_and_reports' || value === 'org' ? value : undefined
}

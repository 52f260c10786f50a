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
} from '../ir/permission-set-node.js'

type Def = Readonly<Record<string, unknown>>

export function compilePermissionSet(def: Def, file: string): PermissionSetNode {
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
  })
}

function scope(value: unknown): RecordScope | undefined {
  return value === 'own' || value === 'own_and_reports' || value === 'org' ? value : undefined
}

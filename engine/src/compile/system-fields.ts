/**
 * The columns every table carries, as fields: the id, the audit columns, the owner and the
 * version used for optimistic concurrency. Callers read them like any field; only the engine
 * writes them.
 */
import { FieldNode, type FieldStorage } from '../ir/field-node.js'

function systemField(
  name: string,
  label: string,
  type: string,
  storage: FieldStorage,
  readonly = true,
): FieldNode {
  return FieldNode.create({
    name,
    label,
    type,
    storage,
    column: name,
    source: 'system',
    multiple: false,
    required: false,
    unique: false,
    readonly,
    searchable: false,
    trackHistory: false,
    minLength: undefined,
    maxLength: undefined,
    min: undefined,
    max: undefined,
    scale: undefined,
    options: undefined,
    format: undefined,
    defaultValue: undefined,
    reference: undefined,
    formula: undefined,
    formulaReturn: undefined,
    summary: undefined,
    autonumberFormat: undefined,
  })
}

export const systemFields: readonly FieldNode[] = [
  systemField('id', 'ID', 'text', 'string'),
  systemField('created_at', 'Created At', 'datetime', 'datetime'),
  systemField('updated_at', 'Updated At', 'datetime', 'datetime'),
  systemField('created_by', 'Created By', 'text', 'string'),
  systemField('updated_by', 'Updated By', 'text', 'string'),
  // The owner may be given on create and changed (who may do so is a permission question).
  systemField('owner_id', 'Owner', 'text', 'string', false),
  systemField('version', 'Version', 'integer', 'integer'),
]

export const systemFieldNames: ReadonlySet<string> = new Set(systemFields.map((f) => f.name))

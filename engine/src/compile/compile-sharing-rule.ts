/**
 * Compiles a validated `*.sharing.yaml` into a SharingRuleNode: its recipient and its CEL
 * condition lowered to a RowCondition. Validation has refused the recipients ObjectOS cannot
 * resolve (teams, business units) and conditions that do not lower, so what is read here is
 * all there is. An inactive rule (`active: false`) is not compiled at all.
 *
 * @example
 *   compileSharingRule({ name: 'big_deals', object: 'opportunity', condition: 'record.amount > 1000000',
 *     sharedWith: { type: 'position', value: 'finance' }, accessLevel: 'read' }, file, fieldsOf)
 */
import { expressionSource } from './compile-program.js'
import type { FieldsOf } from './compile-permission-set.js'
import { lowerCondition } from './lower-condition.js'
import type { ShareRecipient, SharingRuleNode } from '../ir/sharing-rule-node.js'

type Def = Readonly<Record<string, unknown>>

export function compileSharingRule(
  def: Def,
  file: string,
  fieldsOf: FieldsOf,
): SharingRuleNode | undefined {
  if (def.active === false) return undefined
  const name = String(def.name)
  const object = String(def.object)
  const source = expressionSource(def.condition) ?? 'false'
  return Object.freeze({
    kind: 'sharing_rule',
    name,
    label: typeof def.label === 'string' ? def.label : name,
    file,
    object,
    access: def.accessLevel === 'edit' ? 'edit' : 'read',
    recipient: recipientOf((def.sharedWith ?? {}) as Def),
    condition: lowerCondition(
      source,
      'record',
      fieldsOf(object) ?? new Set<string>(),
      `sharing rule ${name} in ${file}`,
    ),
  })
}

function recipientOf(sharedWith: Def): ShareRecipient {
  const value = String(sharedWith.value)
  if (sharedWith.type === 'field') return { kind: 'field', field: value }
  if (sharedWith.type === 'position') return { kind: 'position', position: value }
  return { kind: 'user', user: value }
}

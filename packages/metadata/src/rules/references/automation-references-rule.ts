/**
 * References in triggers, flows and notifications: the objects they watch or act on, the fields
 * a flow step filters, reads or writes, the flows a subflow step calls, the nodes a flow edge
 * joins, and a notification's recipient fields, permission sets and `{{field}}` placeholders.
 */
import type { PathSegment } from '../../diagnostics/diagnostic.js'
import { report } from '../../diagnostics/report.js'
import { locate } from '../../parse/locate.js'
import type { Rule, RuleContext } from '../rule-context.js'
import { locateInScalar } from '../scalar-offset.js'
import type { ObjectSymbol } from '../symbol-table.js'
import { asArray, asString, entriesOf, get, isRecord } from '../value-guards.js'
import { didYouMeanHint } from '../../diagnostics/did-you-mean.js'
import {
  checkFieldRef,
  checkObjectRef,
  checkTargetRef,
  describeType,
  reportUnknownField,
  resolveField,
} from './reference-checks.js'

/** Flow steps that act on one object's records. */
const recordNodeTypes: ReadonlySet<string> = new Set([
  'get_record',
  'create_record',
  'update_record',
  'delete_record',
])

/** Field types that can name who receives a notification. */
const recipientFieldTypes: ReadonlySet<string> = new Set([
  'user',
  'lookup',
  'master_detail',
  'email',
])

export const automationReferencesRule: Rule = (ctx) => {
  if (ctx.doc.kind === 'trigger') checkTrigger(ctx)
  if (ctx.doc.kind === 'flow') checkFlow(ctx)
  if (ctx.doc.kind === 'notification') checkNotification(ctx)
}

function checkTrigger(ctx: RuleContext): void {
  const object = get(ctx.doc.value, 'object')
  if (Array.isArray(object)) {
    object.forEach((name, i) => checkObjectRef(ctx, ['object', i], name, 'trigger object'))
  } else {
    checkObjectRef(ctx, ['object'], object, 'trigger object')
  }
}

function checkFlow(ctx: RuleContext): void {
  const nodes = asArray(get(ctx.doc.value, 'nodes'))
  const ids = nodes.map((node) => asString(get(node, 'id'))).filter((id) => id !== undefined)
  nodes.forEach((node, i) => {
    if (!isRecord(node)) return
    const config = node.config
    const path: PathSegment[] = ['nodes', i, 'config']
    const type = asString(node.type) ?? ''
    if (type === 'subflow') {
      checkTargetRef(ctx, [...path, 'flowName'], 'flow', get(config, 'flowName'), 'flow')
    }
    if (type !== 'start' && type !== 'screen' && !recordNodeTypes.has(type)) return
    const key = get(config, 'objectName') !== undefined ? 'objectName' : 'object'
    const object = checkObjectRef(ctx, [...path, key], get(config, key), 'flow object')
    if (recordNodeTypes.has(type)) checkRecordStep(ctx, path, config, object)
  })
  asArray(get(ctx.doc.value, 'edges')).forEach((edge, i) => {
    for (const end of ['source', 'target'] as const) {
      const id = asString(get(edge, end))
      if (id === undefined || ids.includes(id)) continue
      ctx.out.push(
        report(
          'OOS_REF_UNKNOWN_TARGET',
          locate(ctx.doc, ['edges', i, end]),
          ['flow node', id, 'this flow'],
          didYouMeanHint(id, ids),
        ),
      )
    }
  })
}

/** A CRUD step's `filter` keys and `fields` (a list to read, or a map to write). */
function checkRecordStep(
  ctx: RuleContext,
  path: readonly PathSegment[],
  config: unknown,
  object: ObjectSymbol | undefined,
): void {
  for (const [key] of entriesOf(get(config, 'filter'))) {
    if (!key.startsWith('$')) checkFieldRef(ctx, [...path, 'filter', key], object, key, 'key')
  }
  const fields = get(config, 'fields')
  if (Array.isArray(fields)) {
    fields.forEach((f, i) => checkFieldRef(ctx, [...path, 'fields', i], object, f))
  } else {
    for (const [key] of entriesOf(fields)) {
      checkFieldRef(ctx, [...path, 'fields', key], object, key, 'key')
    }
  }
}

function checkNotification(ctx: RuleContext): void {
  const value = ctx.doc.value
  const object = checkObjectRef(ctx, ['object'], get(value, 'object'), 'notification object')
  const recipients = get(value, 'recipients')
  asArray(get(recipients, 'fields')).forEach((name, i) => {
    const path = ['recipients', 'fields', i]
    const field = checkFieldRef(ctx, path, object, name)
    if (field === undefined || recipientFieldTypes.has(field.type ?? '')) return
    ctx.out.push(
      report('OOS_REF_FIELD_TYPE', locate(ctx.doc, path), [
        field.name,
        describeType(field.type, field.reference),
        'a recipient field must hold a user (user, lookup, master_detail) or an email address',
      ]),
    )
  })
  asArray(get(recipients, 'permissionSets')).forEach((name, i) =>
    checkTargetRef(ctx, ['recipients', 'permissionSets', i], 'permission', name, 'permission set'),
  )
  if (object === undefined) return
  for (const key of ['subject', 'body'] as const) {
    const template = asString(get(value, key))
    if (template !== undefined) checkPlaceholders(ctx, [key], template, object)
  }
}

/** `{{ field }}` placeholders of a template must name fields of the notification's object. */
function checkPlaceholders(
  ctx: RuleContext,
  path: readonly PathSegment[],
  template: string,
  object: ObjectSymbol,
): void {
  for (const match of template.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)) {
    const name = match[1] as string
    const { missing } = resolveField(ctx.symbols, object, name)
    if (missing === undefined) continue
    const index = (match.index ?? 0) + match[0].indexOf(name) + missing.offset
    reportUnknownField(ctx, locateInScalar(ctx.doc, path, index), missing)
  }
}

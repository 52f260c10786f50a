/**
 * The committed schemas, as the validator uses them: they compile under Ajv 2020 in strict mode,
 * accept real metadata, and reject keys nobody declared — at the top and deep inside a field.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { metadataKinds, schemaFor, type SchemaKind } from '@objectos/schemas'
import { AppManifestSchema } from './generate/manifest-schema.js'
import { NotificationSchema } from './generate/notification-schema.js'
import { specKindSchemas } from './generate/spec-kind-schemas.js'

/** The options the schemas are written for: the strictest Ajv mode they pass. */
const ajvOptions = { allErrors: true, discriminator: true, strict: true, allowUnionTypes: true }

function validatorFor(kind: SchemaKind): ValidateFunction {
  const ajv = new Ajv2020(ajvOptions)
  addFormats.default(ajv)
  return ajv.compile(schemaFor(kind))
}

/** A small valid document per kind. */
const samples: Record<SchemaKind, Record<string, unknown>> = {
  object: {
    name: 'account',
    label: 'Account',
    fields: { name: { type: 'text', label: 'Name', required: true } },
  },
  permission: { name: 'sales_rep', objects: { account: { allowRead: true, allowEdit: true } } },
  sharing: {
    name: 'big_accounts',
    object: 'account',
    type: 'criteria',
    condition: 'record.revenue > 1000000',
    sharedWith: { type: 'team', value: 'key_accounts' },
  },
  position: { name: 'sales_manager', label: 'Sales manager', permissionSets: ['sales_rep'] },
  trigger: {
    name: 'stamp_account',
    object: 'account',
    events: ['beforeInsert'],
    body: { language: 'expression', source: 'record.name' },
  },
  flow: {
    name: 'welcome',
    label: 'Welcome',
    type: 'autolaunched',
    nodes: [
      { id: 'start', type: 'start', label: 'Start' },
      { id: 'end', type: 'end', label: 'End' },
    ],
    edges: [{ id: 'e1', source: 'start', target: 'end' }],
  },
  notification: {
    name: 'deal_won',
    object: 'opportunity',
    events: ['update'],
    condition: 'record.stage == "won"',
    channels: ['email', 'in-app'],
    recipients: { fields: ['owner'], roles: ['sales_manager'] },
    subject: 'Deal {{name}} won',
    body: '{{owner}} closed {{name}} for {{amount}}.',
  },
  view: { name: 'account_list', object: 'account' },
  page: { name: 'account_home', label: 'Accounts' },
  app: { name: 'crm', label: 'CRM' },
  dashboard: { name: 'sales', label: 'Sales', widgets: [] },
  manifest: { name: 'crm', label: 'CRM', version: '1.0.0' },
}

const allKinds: SchemaKind[] = [...metadataKinds.map((k) => k.kind), 'manifest']

const zodSchemas: Record<SchemaKind, z.ZodType> = {
  ...specKindSchemas,
  notification: NotificationSchema,
  manifest: AppManifestSchema,
}

describe.each(allKinds)('%s schema', (kind) => {
  const validate = validatorFor(kind)

  it('accepts a document its zod schema accepts', () => {
    expect(zodSchemas[kind].safeParse(samples[kind]).error).toBeUndefined()
    expect(validate(samples[kind]), JSON.stringify(validate.errors)).toBe(true)
  })

  it('rejects an unknown top-level key', () => {
    expect(validate({ ...samples[kind], colour: 'red' })).toBe(false)
    expect(validate.errors).toContainEqual(
      expect.objectContaining({
        instancePath: '',
        keyword: 'additionalProperties',
        params: { additionalProperty: 'colour' },
      }),
    )
  })
})

describe('object schema', () => {
  const validate = validatorFor('object')

  it('rejects an unknown key inside a field definition', () => {
    const doc = { name: 'account', fields: { name: { type: 'text', lable: 'Name' } } }
    expect(validate(doc)).toBe(false)
    expect(validate.errors).toContainEqual(
      expect.objectContaining({
        instancePath: '/fields/name',
        keyword: 'additionalProperties',
        params: { additionalProperty: 'lable' },
      }),
    )
  })

  it('rejects a key the spec removed, with the spec explaining why', () => {
    const doc = { name: 'account', fields: { name: { type: 'text', conditionalRequired: 'x' } } }
    expect(validate(doc)).toBe(false)
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ instancePath: '/fields/name/conditionalRequired', keyword: 'not' }),
    )
  })
})

describe('tagged unions', () => {
  it('report only the errors of the branch the tag selects', () => {
    const validate = validatorFor('trigger')
    const doc = { ...samples.trigger, body: { language: 'js', source: 'x', timeout: 5 } }
    expect(validate(doc)).toBe(false)
    expect(validate.errors).toEqual([
      expect.objectContaining({
        instancePath: '/body',
        keyword: 'additionalProperties',
        params: { additionalProperty: 'timeout' },
      }),
    ])
  })
})

describe('notification schema', () => {
  const validate = validatorFor('notification')

  it('requires at least one kind of recipient', () => {
    expect(validate({ ...samples.notification, recipients: {} })).toBe(false)
  })

  it('accepts only the channels ObjectOS delivers', () => {
    expect(validate({ ...samples.notification, channels: ['sms'] })).toBe(false)
  })
})

describe('position schema', () => {
  const validate = validatorFor('position')

  it('requires a label, as the spec does', () => {
    expect(validate({ name: 'sales_manager' })).toBe(false)
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ keyword: 'required', params: { missingProperty: 'label' } }),
    )
  })

  it('names permission sets by their snake_case names', () => {
    expect(validate({ ...samples.position, permissionSets: ['Sales Rep'] })).toBe(false)
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ instancePath: '/permissionSets/0', keyword: 'pattern' }),
    )
  })
})

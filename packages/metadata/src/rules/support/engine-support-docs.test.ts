/**
 * docs/reference/engine-support.md is written by hand (it says why, which data cannot); this
 * keeps it from drifting: every supported type, every key honoured or refused, and every type,
 * key or value the spec allows that the engine refuses must be named on the page — for objects,
 * permission sets, positions and sharing rules.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { schemaFor } from '@objectos/schemas'
import {
  engineFieldKeys,
  honouredFieldPermissionKeys,
  honouredIndexKeys,
  honouredObjectKeys,
  honouredObjectPermissionKeys,
  honouredPermissionSetKeys,
  honouredPositionKeys,
  honouredRecordScopes,
  honouredRowPolicyKeys,
  honouredShareRecipients,
  honouredSharingModels,
  packageKeys,
  presentationalFieldKeys,
} from './honoured-keys.js'
import { supportedFieldTypes } from './supported-field-types.js'

const page = readFileSync(
  new URL('../../../../../docs/reference/engine-support.md', import.meta.url),
  'utf8',
)

interface Properties {
  readonly properties: Record<string, { readonly enum?: readonly string[] }>
}
const schema = schemaFor('object') as Properties & {
  readonly properties: { readonly fields: { readonly additionalProperties: Properties } }
}
const fieldKeys = Object.keys(schema.properties.fields.additionalProperties.properties)
const specTypes = schema.properties.fields.additionalProperties.properties.type?.enum ?? []
const sharingModels = schema.properties.sharingModel?.enum ?? []

const permission = schemaFor('permission') as Properties & {
  readonly properties: { readonly objects: { readonly additionalProperties: Properties } }
}
const grantKeys = permission.properties.objects.additionalProperties.properties
const scopes = grantKeys.readScope?.enum ?? []
const policyKeys = (
  permission.properties as unknown as { readonly rowLevelSecurity: { readonly items: Properties } }
).rowLevelSecurity.items.properties

const position = schemaFor('position') as Properties
const sharing = schemaFor('sharing') as Properties & {
  readonly properties: { readonly sharedWith: Properties }
}
const recipients = sharing.properties.sharedWith.properties.type?.enum ?? []

/** The package-lock keys are named together ("the package-lock keys"), not one by one. */
const withoutPackageKeys = (names: readonly string[]) =>
  names.filter((name) => !packageKeys.has(name))

const missing = (names: readonly string[]) => names.filter((name) => !page.includes(`\`${name}\``))

describe('docs/reference/engine-support.md', () => {
  it('names every field type the spec lists, supported or not', () => {
    expect(missing(supportedFieldTypes)).toEqual([])
    expect(missing(specTypes)).toEqual([])
  })

  it('names every field, object and index key, honoured or refused', () => {
    expect(missing([...engineFieldKeys, ...presentationalFieldKeys])).toEqual([])
    expect(missing(fieldKeys)).toEqual([])
    expect(missing([...honouredObjectKeys, ...Object.keys(schema.properties)])).toEqual([])
    expect(missing(honouredIndexKeys)).toEqual([])
  })

  it('names every sharing model, honoured or refused', () => {
    expect(sharingModels.length).toBeGreaterThan(honouredSharingModels.length)
    expect(missing(sharingModels)).toEqual([])
  })

  it('names every permission set key and scope, honoured or refused', () => {
    expect(missing(honouredPermissionSetKeys)).toEqual([])
    expect(missing(Object.keys(permission.properties))).toEqual([])
    expect(missing([...honouredObjectPermissionKeys, ...honouredFieldPermissionKeys])).toEqual([])
    expect(missing(Object.keys(grantKeys))).toEqual([])
    expect(scopes.length).toBeGreaterThan(honouredRecordScopes.length)
    expect(missing(scopes)).toEqual([])
  })

  it('names every row-level policy key, honoured or removed', () => {
    expect(missing(honouredRowPolicyKeys)).toEqual([])
    expect(missing(Object.keys(policyKeys))).toEqual([])
  })

  it('names every position key, honoured or refused', () => {
    expect(missing(honouredPositionKeys)).toEqual([])
    expect(missing(withoutPackageKeys(Object.keys(position.properties)))).toEqual([])
  })

  it('names every sharing rule key and recipient type, honoured or refused', () => {
    expect(missing(withoutPackageKeys(Object.keys(sharing.properties)))).toEqual([])
    expect(recipients.length).toBeGreaterThan(honouredShareRecipients.length)
    expect(missing(recipients)).toEqual([])
  })
})

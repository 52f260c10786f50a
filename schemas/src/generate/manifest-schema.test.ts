/**
 * The manifest's sign-in providers, as the committed schema checks them (Ajv strict, as the
 * validator loads it) and as the zod schema it is generated from parses them.
 */
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { schemaFor } from '@objectos/schemas'
import { AppManifestSchema } from './manifest-schema.js'

const ajv = new Ajv2020({
  allErrors: true,
  discriminator: true,
  strict: true,
  allowUnionTypes: true,
})
addFormats.default(ajv)
const validate = ajv.compile(schemaFor('manifest'))

const oidc = {
  type: 'oidc',
  issuer: 'https://login.example.com/realms/staff',
  clientId: 'objectos',
  clientSecretEnv: 'CORP_SSO_CLIENT_SECRET',
}

function manifest(providers: Record<string, unknown>) {
  return { name: 'crm', auth: { providers } }
}

/** Whether both the JSON Schema and the zod schema accept the document. */
function accepts(doc: unknown): boolean {
  const json = validate(doc)
  const zod = AppManifestSchema.safeParse(doc).success
  expect(zod, JSON.stringify(validate.errors)).toBe(json)
  return json
}

describe('manifest auth.providers', () => {
  it('accepts OIDC providers under any id and the built-in types under their own key', () => {
    const doc = manifest({
      corp_sso: { ...oidc, label: 'Staff SSO', scopes: ['openid', 'email', 'groups'] },
      'partner-idp': {
        type: 'oidc',
        discoveryUrl: 'https://idp.example.org/b2c/v2.0/.well-known/openid-configuration',
        clientId: 'x',
        clientSecretEnv: 'PARTNER_SECRET',
        tokenAuthMethod: 'client_secret_post',
      },
      google: { type: 'google', clientId: 'g.apps', clientSecretEnv: 'GOOGLE_CLIENT_SECRET' },
      github: { type: 'github', clientId: 'Iv1', clientSecretEnv: 'GITHUB_CLIENT_SECRET' },
      microsoft: {
        type: 'microsoft',
        tenantId: 'contoso.onmicrosoft.com',
        clientId: 'm',
        clientSecretEnv: 'MICROSOFT_CLIENT_SECRET',
      },
    })
    expect(accepts(doc), JSON.stringify(validate.errors)).toBe(true)
    expect(accepts({ name: 'crm', auth: {} })).toBe(true)
  })

  it('refuses a literal client secret, with the reason in the schema', () => {
    expect(accepts(manifest({ corp_sso: { ...oidc, clientSecret: 'hunter2' } }))).toBe(false)
    const error = validate.errors?.find((e) => e.instancePath.endsWith('/clientSecret'))
    expect(error).toMatchObject({ keyword: 'not' })
    expect(JSON.stringify(schemaFor('manifest'))).toContain('a client secret never goes in YAML')
    expect(
      accepts(manifest({ google: { type: 'google', clientId: 'g', clientSecret: 's' } })),
    ).toBe(false)
  })

  it('refuses unknown keys, at every level', () => {
    expect(accepts(manifest({ corp_sso: { ...oidc, colour: 'red' } }))).toBe(false)
    expect(validate.errors).toContainEqual(
      expect.objectContaining({
        keyword: 'additionalProperties',
        params: { additionalProperty: 'colour' },
      }),
    )
    expect(accepts({ name: 'crm', auth: { provider: {} } })).toBe(false)
    expect(
      accepts(
        manifest({
          github: { type: 'github', clientId: 'a', clientSecretEnv: 'A', tenantId: 'x' },
        }),
      ),
    ).toBe(false)
  })

  it('needs exactly one of issuer and discoveryUrl for an OIDC provider', () => {
    const { issuer: _issuer, ...withoutIssuer } = oidc
    expect(accepts(manifest({ corp_sso: withoutIssuer }))).toBe(false)
    expect(
      accepts(manifest({ corp_sso: { ...oidc, discoveryUrl: 'https://login.example.com/d' } })),
    ).toBe(false)
    expect(accepts(manifest({ corp_sso: { ...oidc, issuer: 'ftp://login.example.com' } }))).toBe(
      false,
    )
  })

  it('keeps the built-in types under their own key', () => {
    expect(
      accepts(manifest({ my_google: { type: 'google', clientId: 'g', clientSecretEnv: 'G' } })),
    ).toBe(false)
    expect(accepts(manifest({ google: oidc }))).toBe(false)
  })

  it('checks provider ids and environment variable names', () => {
    expect(accepts(manifest({ CorpSSO: oidc }))).toBe(false)
    expect(accepts(manifest({ 'corp sso': oidc }))).toBe(false)
    expect(accepts(manifest({ credential: oidc }))).toBe(false)
    expect(accepts(manifest({ corp_sso: { ...oidc, clientSecretEnv: 'not a name' } }))).toBe(false)
    expect(accepts(manifest({ corp_sso: { ...oidc, clientSecretEnv: 'lower_case' } }))).toBe(false)
    expect(accepts(manifest({ corp_sso: { ...oidc, scopes: ['open id'] } }))).toBe(false)
  })
})

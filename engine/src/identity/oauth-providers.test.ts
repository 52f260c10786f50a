/**
 * The manifest's sign-in providers: how `objectos validate` judges them (secrets never in YAML,
 * the environment never consulted), what the compiled manifest holds, the better-auth
 * configuration made from it, and — for the built-in types — that better-auth takes that
 * configuration and sends the browser to the real provider with this app's client and callback.
 */
import { AuthProviderSecretMissing } from '@objectos/errors'
import { validateFiles } from '@objectos/metadata'
import { describe, expect, it } from 'vitest'
import { openApp } from '../boot/open-app.js'
import { compileFiles } from '../load/load-app.js'
import { dialects, postgresTestUrl } from '../testing/test-database.js'
import { defaultOidcScopes, signInProviders } from './oauth-providers.js'

const manifest = (providers: string) =>
  ({ path: 'objectos.yaml', content: `name: sso_app\nauth:\n  providers:\n${providers}` }) as const

const corpSso = [
  '    corp_sso:',
  '      type: oidc',
  '      issuer: https://login.example.com/realms/staff/',
  '      clientId: objectos',
  '      clientSecretEnv: CORP_SSO_CLIENT_SECRET',
  '',
].join('\n')

const builtIns = [
  '    google:',
  '      type: google',
  '      clientId: 1234.apps.googleusercontent.com',
  '      clientSecretEnv: GOOGLE_CLIENT_SECRET',
  '    github:',
  '      type: github',
  '      clientId: Iv1.abc',
  '      clientSecretEnv: GITHUB_CLIENT_SECRET',
  '      scopes: [read:org]',
  '      label: GitHub',
  '    microsoft:',
  '      type: microsoft',
  '      tenantId: contoso.onmicrosoft.com',
  '      clientId: 00000000-0000-0000-0000-000000000001',
  '      clientSecretEnv: MICROSOFT_CLIENT_SECRET',
  '',
].join('\n')

const secrets = {
  CORP_SSO_CLIENT_SECRET: 'corp-secret',
  GOOGLE_CLIENT_SECRET: 'google-secret',
  GITHUB_CLIENT_SECRET: 'github-secret',
  MICROSOFT_CLIENT_SECRET: 'microsoft-secret',
}

function compiledManifest(providers: string) {
  const result = compileFiles([manifest(providers)])
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
  return result.registry.manifest
}

describe('auth.providers in objectos.yaml', () => {
  it('validates without the environment: secrets are read when the app starts', () => {
    const { diagnostics } = validateFiles([manifest(corpSso + builtIns)])
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  })

  it('refuses a client secret written in the manifest, saying where it goes instead', () => {
    const { diagnostics } = validateFiles([manifest(`${corpSso}      clientSecret: hunter2\n`)])
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'OOS_SCHEMA_REMOVED_KEY',
        line: 9,
        hint: expect.stringContaining('clientSecretEnv') as unknown,
      }),
    ])
  })

  it('refuses unknown keys, ids that are no ids, and a built-in type under another key', () => {
    const codes = (providers: string) =>
      validateFiles([manifest(providers)]).diagnostics.map((d) => d.code)
    expect(codes(`${corpSso}      audience: api\n`)).toEqual(['OOS_SCHEMA_UNKNOWN_KEY'])
    expect(codes(corpSso.replace('corp_sso', 'Corp_SSO'))).toEqual(['OOS_SCHEMA_PATTERN'])
    expect(codes(corpSso.replace('corp_sso', 'credential'))).toEqual(['OOS_SCHEMA_INVALID'])
    expect(codes(builtIns.replace('    google:', '    my_google:'))).toContain(
      'OOS_SCHEMA_BAD_VALUE',
    )
  })

  it('needs exactly one of issuer and discoveryUrl', () => {
    const messages = (providers: string) =>
      validateFiles([manifest(providers)]).diagnostics.map((d) => d.message)
    expect(messages(corpSso.replace(/ {6}issuer: .*\n/, ''))).toEqual([
      'missing required key "issuer"',
    ])
    const both = `${corpSso}      discoveryUrl: https://login.example.com/.well-known/openid-configuration\n`
    expect(messages(both)).toEqual(['unknown key "discoveryUrl"'])
    const discovery = corpSso.replace('issuer:', 'discoveryUrl:')
    expect(compiledManifest(discovery).authProviders[0]).toMatchObject({
      discoveryUrl: 'https://login.example.com/realms/staff/',
    })
  })

  it('compiles to nodes with the defaults settled', () => {
    const compiled = compiledManifest(corpSso + builtIns)
    expect(compiled.file).toBe('objectos.yaml')
    expect(compiled.authProviders.map((p) => p.id)).toEqual([
      'corp_sso',
      'google',
      'github',
      'microsoft',
    ])
    expect(compiled.authProviders[0]).toEqual({
      id: 'corp_sso',
      type: 'oidc',
      label: 'corp_sso',
      clientId: 'objectos',
      clientSecretEnv: 'CORP_SSO_CLIENT_SECRET',
      scopes: undefined,
      discoveryUrl: 'https://login.example.com/realms/staff/.well-known/openid-configuration',
      tokenAuthMethod: 'client_secret_basic',
    })
    expect(compiled.authProviders[2]).toMatchObject({ label: 'GitHub', scopes: ['read:org'] })
    expect(compiled.authProviders[3]).toMatchObject({ tenantId: 'contoso.onmicrosoft.com' })
    expect(compileFiles([{ path: 'objectos.yaml', content: 'name: plain\n' }])).toMatchObject({
      ok: true,
      registry: { manifest: { authProviders: [] } },
    })
  })

  it('makes the better-auth configuration, secrets from the environment', () => {
    const providers = signInProviders(compiledManifest(corpSso + builtIns), secrets)
    expect(providers.ids).toEqual(['corp_sso', 'google', 'github', 'microsoft'])
    expect(providers.oidc).toEqual([
      {
        providerId: 'corp_sso',
        name: 'corp_sso',
        discoveryUrl: 'https://login.example.com/realms/staff/.well-known/openid-configuration',
        requireIdTokenVerification: true,
        clientId: 'objectos',
        clientSecret: 'corp-secret',
        tokenEndpointAuth: { method: 'client_secret_basic' },
        scopes: [...defaultOidcScopes],
        pkce: true,
        disableSignUp: false,
        requireEmailVerification: false,
      },
    ])
    expect(providers.social).toEqual({
      google: {
        clientId: '1234.apps.googleusercontent.com',
        clientSecret: 'google-secret',
        disableSignUp: false,
        requireEmailVerification: false,
        disableIdTokenSignIn: true,
      },
      github: {
        clientId: 'Iv1.abc',
        clientSecret: 'github-secret',
        scope: ['read:org'],
        disableSignUp: false,
        requireEmailVerification: false,
        disableIdTokenSignIn: true,
      },
      microsoft: {
        clientId: '00000000-0000-0000-0000-000000000001',
        clientSecret: 'microsoft-secret',
        disableSignUp: false,
        requireEmailVerification: false,
        disableIdTokenSignIn: true,
        tenantId: 'contoso.onmicrosoft.com',
        disableProfilePhoto: true,
      },
    })
    const closed = signInProviders(compiledManifest(corpSso + builtIns), secrets, {
      signUp: false,
      requireEmailVerification: true,
    })
    expect(closed.oidc[0]).toMatchObject({ disableSignUp: true, requireEmailVerification: true })
    expect(closed.social.github).toMatchObject({
      disableSignUp: true,
      requireEmailVerification: true,
    })
  })

  it('names the provider, the manifest and the variable when a secret is unset or empty', () => {
    const compiled = compiledManifest(corpSso + builtIns)
    const { GITHUB_CLIENT_SECRET: _github, ...withoutGithub } = secrets
    for (const env of [withoutGithub, { ...secrets, GITHUB_CLIENT_SECRET: '' }]) {
      let error: unknown
      try {
        signInProviders(compiled, env)
      } catch (thrown) {
        error = thrown
      }
      expect(AuthProviderSecretMissing.is(error)).toBe(true)
      expect((error as Error).message).toBe(
        'the sign-in provider "github" of objectos.yaml reads its client secret from the ' +
          'environment variable GITHUB_CLIENT_SECRET, which is not set; set it, or remove the ' +
          'provider from auth.providers',
      )
    }
  })
})

describe.each(dialects)('built-in sign-in providers on %s', (dialect) => {
  it('sends the browser to Google, GitHub and Microsoft with this app’s client and callback', async () => {
    const app = await openApp({
      files: [manifest(builtIns)],
      ...(dialect === 'sqlite'
        ? { databaseUrl: ':memory:' }
        : { databaseUrl: postgresTestUrl, schema: `oauth_builtin_${Date.now()}` }),
      identity: { env: secrets, baseURL: 'https://crm.example.com' },
    })
    try {
      const identity = app.kernel.services.get<{ handler(r: Request): Promise<Response> }>(
        'identity',
      )
      const start = async (provider: string) => {
        const res = await identity.handler(
          new Request('https://crm.example.com/api/v1/auth/sign-in/social', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ provider, callbackURL: '/' }),
          }),
        )
        expect(res.status).toBe(200)
        return new URL(((await res.json()) as { url: string }).url)
      }
      const google = await start('google')
      expect(google.origin + google.pathname).toBe('https://accounts.google.com/o/oauth2/v2/auth')
      expect(google.searchParams.get('client_id')).toBe('1234.apps.googleusercontent.com')
      expect(google.searchParams.get('redirect_uri')).toBe(
        'https://crm.example.com/api/v1/auth/callback/google',
      )
      const github = await start('github')
      expect(github.origin + github.pathname).toBe('https://github.com/login/oauth/authorize')
      expect(github.searchParams.get('scope')?.split(' ')).toContain('read:org')
      expect(github.searchParams.get('redirect_uri')).toBe(
        'https://crm.example.com/api/v1/auth/callback/github',
      )
      const microsoft = await start('microsoft')
      expect(microsoft.origin + microsoft.pathname).toBe(
        'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
      )
      expect(microsoft.searchParams.get('client_id')).toBe('00000000-0000-0000-0000-000000000001')
    } finally {
      if (dialect === 'postgres') {
        const { rows } = (await app.db.knex.raw('select current_schema() as s')) as {
          rows: { s: string }[]
        }
        await app.db.knex.raw('drop schema if exists ?? cascade', [rows[0]?.s ?? ''])
      }
      await app.close()
    }
  })
})

/**
 * Sign-in through an OpenID Connect provider named in the app manifest, end to end over the HTTP
 * API against a real provider: start at `POST /sign-in/social`, authorize at the provider, come
 * back to `/callback/{id}` with the code, get the session cookie. Also: the account is reused,
 * the state is checked, accounts link only on verified emails, an inactive user gets no session,
 * and a provider whose secret variable is unset stops the start.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CliIo } from '@objectos/cli'
import { AuthProviderSecretMissing, PluginFailed } from '@objectos/errors'
import { openApp } from '../../boot/open-app.js'
import { serveCommand } from '../../cli/commands/serve-command.js'
import { openDatabase } from '../../data/connection/open-database.js'
import { authTableName } from '../../identity/auth-tables.js'
import { dialects, postgresTestUrl } from '../../testing/test-database.js'
import { cookiesOf, newEmail } from './testing/auth-server.js'
import {
  appBaseUrl,
  callbackUrlOf,
  closeProviderAuthServer,
  openProviderAuthServer,
  type ProviderAuthServer,
} from './testing/provider-auth-server.js'
import {
  startTestOidcProvider,
  type ProviderPerson,
  type TestOidcProvider,
} from './testing/test-oidc-provider.js'

const secretVariable = 'CORP_SSO_CLIENT_SECRET'
const accountTable = authTableName('account')

function manifestFor(issuer: string, clientId: string): string {
  return [
    'name: provider_app',
    'auth:',
    '  providers:',
    '    corp_sso:',
    '      type: oidc',
    `      issuer: ${issuer}`,
    `      clientId: ${clientId}`,
    `      clientSecretEnv: ${secretVariable}`,
    '      label: Staff SSO',
    '',
  ].join('\n')
}

let people = 0
function person(overrides: Partial<ProviderPerson> = {}): ProviderPerson {
  people++
  return {
    sub: `staff-${people}-${Date.now()}`,
    email: newEmail('staff'),
    emailVerified: true,
    name: `Staff ${people}`,
    ...overrides,
  }
}

const password = 'correct horse battery staple'

describe.each(dialects)('sign-in with an OIDC provider on %s', (dialect) => {
  let idp: TestOidcProvider
  let served: ProviderAuthServer

  beforeAll(async () => {
    idp = await startTestOidcProvider({ redirectUris: [callbackUrlOf('corp_sso')] })
    served = await openProviderAuthServer(dialect, {
      manifest: manifestFor(idp.issuer, idp.clientId),
      env: { [secretVariable]: idp.clientSecret },
    })
  })
  afterAll(async () => {
    await closeProviderAuthServer(served)
    await idp.close()
  })

  /** Starts at the app, authorizes at the provider as `who`, and comes back to the app. */
  async function signInThrough(who: ProviderPerson, address: string) {
    idp.signInAs(who)
    const started = await served.post(
      '/sign-in/social',
      { provider: 'corp_sso', callbackURL: '/welcome', errorCallbackURL: '/sign-in-failed' },
      { address },
    )
    expect(started.statusCode, started.body).toBe(200)
    const { url } = started.json<{ url: string; redirect: boolean }>()
    const stateCookie = cookiesOf(started)
    const back = await idp.authorize(url)
    return { started, url, stateCookie, back }
  }

  const sessionCookie = (res: LightMyRequestResponse) =>
    cookiesOf(res)
      .split('; ')
      .filter((pair) => pair.includes('session_token='))
      .join('; ')

  const accountsOf = (sub: string) =>
    served.app.db.knex(accountTable).where({ provider_id: 'corp_sso', account_id: sub })

  it('signs a new person in: provider redirect, callback, session cookie, user in sys_user', async () => {
    const ann = person({ name: 'Ann Staff', extra: { is_admin: true, isAdmin: true } })
    const { started, url, stateCookie, back } = await signInThrough(ann, '127.0.9.1')

    // The app sends the browser to the provider's authorization endpoint, with PKCE and a nonce.
    expect(started.headers.location).toBe(url)
    const authorization = new URL(url)
    expect(authorization.origin).toBe(idp.issuer)
    expect(authorization.searchParams.get('redirect_uri')).toBe(callbackUrlOf('corp_sso'))
    expect(authorization.searchParams.get('client_id')).toBe(idp.clientId)
    expect(authorization.searchParams.get('scope')?.split(' ')).toEqual(
      expect.arrayContaining(['openid', 'email', 'profile']),
    )
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256')
    expect(authorization.searchParams.get('nonce')).toBeTruthy()
    expect(stateCookie).toMatch(/state=/)

    // The provider sends the browser back to the callback with a code and the state.
    expect(back.startsWith(`${callbackUrlOf('corp_sso')}?`)).toBe(true)
    expect(new URL(back).searchParams.get('code')).toBeTruthy()

    const finished = await served.get(back, { cookie: stateCookie })
    expect(finished.statusCode).toBe(302)
    expect(finished.headers.location).toBe('/welcome')
    const cookie = sessionCookie(finished)
    expect(cookie).toMatch(/better-auth\.session_token=/)

    const session = (await served.get('/get-session', { cookie })).json<{
      user: { id: string; email: string; name: string; emailVerified: boolean }
    }>()
    expect(session.user).toMatchObject({ email: ann.email, name: 'Ann Staff', emailVerified: true })

    // A sys_user made as sign-up makes one: the object's defaults, no access from the provider.
    const user = await served.app.records.get('sys_user', session.user.id)
    expect(user).toMatchObject({
      email: ann.email,
      name: 'Ann Staff',
      email_verified: true,
      is_admin: false,
      active: true,
      version: 1,
    })
    const accounts = await accountsOf(ann.sub)
    expect(accounts).toHaveLength(1)
    expect(accounts[0]).toMatchObject({ user_id: session.user.id, account_id: ann.sub })
    expect(String(accounts[0]?.id_token).split('.')).toHaveLength(3)
    expect(String(accounts[0]?.scope)).toContain('openid')
    // Tokens are kept encrypted, never as the provider issued them.
    expect(accounts[0]?.access_token).toBeTruthy()
    expect(String(accounts[0]?.access_token)).not.toMatch(/^[A-Za-z0-9_-]{43}$/)

    const events = served.events.filter((e) => e.userId === session.user.id)
    expect(events.map((e) => e.action)).toEqual(['sign_up', 'sign_in'])
    expect(events[1]?.detail).toMatchObject({ method: 'provider', provider: 'corp_sso' })
  })

  it('reuses the account on the next sign-in of the same person', async () => {
    const bob = person()
    const first = await signInThrough(bob, '127.0.9.2')
    const one = await served.get(first.back, { cookie: first.stateCookie })
    const firstCookie = sessionCookie(one)
    const firstUser = (await served.get('/get-session', { cookie: firstCookie })).json<{
      user: { id: string }
    }>().user.id
    const tokens = idp.tokenRequests()

    const second = await signInThrough(bob, '127.0.9.2')
    const two = await served.get(second.back, { cookie: second.stateCookie })
    expect(two.statusCode).toBe(302)
    expect(two.headers.location).toBe('/welcome')
    const secondCookie = sessionCookie(two)
    expect(secondCookie).not.toBe(firstCookie)
    const again = (await served.get('/get-session', { cookie: secondCookie })).json<{
      user: { id: string }
    }>()
    expect(again.user.id).toBe(firstUser)
    expect(idp.tokenRequests()).toBe(tokens + 1)
    expect(await accountsOf(bob.sub)).toHaveLength(1)
    expect(await served.app.db.knex('sys_user').where({ email: bob.email })).toHaveLength(1)
  })

  it('checks the state: a tampered, foreign or replayed callback signs nobody in', async () => {
    const carl = person()
    const { stateCookie, back } = await signInThrough(carl, '127.0.9.3')
    const tampered = new URL(back)
    tampered.searchParams.set('state', 'x'.repeat(32))
    const forged = await served.get(tampered.toString(), { cookie: stateCookie })
    expect(forged.statusCode).toBe(302)
    expect(forged.headers.location).toBe(`${appBaseUrl}/api/v1/auth/error?error=state_mismatch`)
    expect(sessionCookie(forged)).toBe('')

    // The right state from a browser that did not start the sign-in (no state cookie).
    const elsewhere = await served.get(back)
    expect(elsewhere.statusCode).toBe(302)
    expect(elsewhere.headers.location).toBe('/sign-in-failed?error=state_mismatch')
    expect(sessionCookie(elsewhere)).toBe('')
    expect(await served.app.db.knex('sys_user').where({ email: carl.email })).toHaveLength(0)

    // Neither burnt the state: the browser that started the sign-in finishes it, once.
    const genuine = await served.get(back, { cookie: stateCookie })
    expect(genuine.headers.location).toBe('/welcome')
    expect(sessionCookie(genuine)).not.toBe('')
    const replay = await served.get(back, { cookie: stateCookie })
    expect(replay.statusCode).toBe(302)
    expect(replay.headers.location).toContain('error=state_mismatch')
    expect(sessionCookie(replay)).toBe('')
    expect(await accountsOf(carl.sub)).toHaveLength(1)
  })

  it('links a provider sign-in to an existing user only when both sides verified the email', async () => {
    const email = newEmail('linked')
    const signUp = await served.post('/sign-up/email', { email, password, name: 'Dana' })
    expect(signUp.statusCode).toBe(200)
    const dana = await served.identity.findUserByEmail(email)
    const sub = `dana-${Date.now()}`

    // The app never verified Dana's email: whoever controls it at a provider gets nothing.
    const unverifiedHere = await signInThrough(
      person({ sub, email, emailVerified: true }),
      '127.0.9.4',
    )
    const refused = await served.get(unverifiedHere.back, { cookie: unverifiedHere.stateCookie })
    expect(refused.headers.location).toBe('/sign-in-failed?error=account_not_linked')
    expect(sessionCookie(refused)).toBe('')

    await served.app.db
      .knex('sys_user')
      .where({ id: dana?.id })
      .update({ email_verified: dialect === 'postgres' ? true : 1 })
    // Verified here, but the provider does not say the email is verified.
    const unverifiedThere = await signInThrough(
      person({ sub, email, emailVerified: false }),
      '127.0.9.4',
    )
    const refusedToo = await served.get(unverifiedThere.back, {
      cookie: unverifiedThere.stateCookie,
    })
    expect(refusedToo.headers.location).toBe('/sign-in-failed?error=account_not_linked')
    expect(await accountsOf(sub)).toHaveLength(0)

    const verified = await signInThrough(person({ sub, email, emailVerified: true }), '127.0.9.4')
    const linked = await served.get(verified.back, { cookie: verified.stateCookie })
    expect(linked.headers.location).toBe('/welcome')
    const session = (await served.get('/get-session', { cookie: sessionCookie(linked) })).json<{
      user: { id: string }
    }>()
    expect(session.user.id).toBe(dana?.id)
    expect(await accountsOf(sub)).toHaveLength(1)
    // The password still works: linking added an account, it replaced nothing.
    const withPassword = await served.post('/sign-in/email', { email, password })
    expect(withPassword.statusCode).toBe(200)
  })

  it('gives an inactive user no session', async () => {
    const erin = person()
    const first = await signInThrough(erin, '127.0.9.5')
    const done = await served.get(first.back, { cookie: first.stateCookie })
    const id = (await served.get('/get-session', { cookie: sessionCookie(done) })).json<{
      user: { id: string }
    }>().user.id
    await served.app.records.update('sys_user', id, { active: false })

    const again = await signInThrough(erin, '127.0.9.5')
    const refused = await served.get(again.back, { cookie: again.stateCookie })
    expect(refused.statusCode).toBe(302)
    expect(refused.headers.location).toMatch(/^\/sign-in-failed\?error=USER_INACTIVE/)
    expect(sessionCookie(refused)).toBe('')
  })

  it('refuses an ID token posted instead of the redirect, and a foreign callback URL', async () => {
    const address = '127.0.9.6'
    const posted = await served.post(
      '/sign-in/social',
      { provider: 'corp_sso', idToken: { token: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln' } },
      { address },
    )
    expect(posted.statusCode).toBe(400)
    const foreign = await served.post(
      '/sign-in/social',
      { provider: 'corp_sso', callbackURL: 'https://elsewhere.example.com/welcome' },
      { address },
    )
    expect(foreign.statusCode).toBe(403)
    const unknown = await served.post(
      '/sign-in/social',
      { provider: 'nobody', callbackURL: '/' },
      { address },
    )
    expect(unknown.statusCode).toBe(404)
  })
})

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((listening) => probe.listen(0, '127.0.0.1', listening))
  const { port } = probe.address() as AddressInfo
  await new Promise<void>((closed) => probe.close(() => closed()))
  return port
}

describe.each(dialects)('a provider that is down when the app starts on %s', (dialect) => {
  it('does not stop the start; its sign-in works once the provider answers', async () => {
    const port = await freePort()
    const secret = 'a secret the provider will know'
    const served = await openProviderAuthServer(dialect, {
      manifest: manifestFor(`http://127.0.0.1:${port}`, 'objectos-test'),
      env: { [secretVariable]: secret },
    })
    let idp: TestOidcProvider | undefined
    try {
      const address = '127.0.9.7'
      const body = { provider: 'corp_sso', callbackURL: '/welcome' }
      const down = await served.post('/sign-in/social', body, { address })
      expect(down.statusCode).toBe(404)
      expect(down.body).toContain('PROVIDER_NOT_FOUND')
      // Password sign-up is not held up by the provider.
      const email = newEmail('down')
      expect((await served.post('/sign-up/email', { email, password, name: 'D' })).statusCode).toBe(
        200,
      )

      idp = await startTestOidcProvider({
        redirectUris: [callbackUrlOf('corp_sso')],
        clientSecret: secret,
        port,
      })
      idp.signInAs(person())
      const up = await served.post('/sign-in/social', body, { address })
      expect(up.statusCode).toBe(200)
      const back = await idp.authorize(up.json<{ url: string }>().url)
      const done = await served.get(back, { cookie: cookiesOf(up) })
      expect(done.headers.location).toBe('/welcome')
    } finally {
      await closeProviderAuthServer(served)
      await idp?.close()
    }
  })
})

describe.each(dialects)('a provider whose secret is unset on %s', (dialect) => {
  it('stops the start, naming the provider, the manifest and the variable', async () => {
    const schema = `oauth_unset_${Date.now()}`
    const opening = openApp({
      files: [
        { path: 'objectos.yaml', content: manifestFor('https://login.example.com', 'objectos') },
      ],
      ...(dialect === 'sqlite'
        ? { databaseUrl: ':memory:' }
        : { databaseUrl: postgresTestUrl, schema }),
      identity: { env: { OTHER: 'x' } },
    })
    const error = await opening.then(
      () => undefined,
      (failure: unknown) => failure,
    )
    if (dialect === 'postgres') {
      const db = await openDatabase({ url: postgresTestUrl, poolSize: 1 })
      await db.knex.raw('drop schema if exists ?? cascade', [schema])
      await db.close()
    }
    expect(PluginFailed.is(error)).toBe(true)
    const cause = (error as { cause?: unknown }).cause
    expect(AuthProviderSecretMissing.is(cause)).toBe(true)
    expect((error as Error).message).toContain('"corp_sso"')
    expect((error as Error).message).toContain('objectos.yaml')
    expect((error as Error).message).toContain(secretVariable)
  })
})

describe('objectos serve with a provider whose secret is unset', () => {
  it('exits 1 and says which provider, manifest and variable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'objectos-provider-'))
    try {
      writeFileSync(join(dir, 'objectos.yaml'), manifestFor(appBaseUrl, 'objectos'))
      let stderr = ''
      const io: CliIo = {
        stdout: { write: () => true },
        stderr: {
          write: (text: string) => {
            stderr += text
            return true
          },
        },
        cwd: dir,
        env: { PORT: '0', DATABASE_URL: '' },
      }
      const code = await serveCommand.run({ positionals: [dir], options: {} }, io)
      expect(code).toBe(1)
      expect(stderr).toContain(
        'objectos serve: plugin "identity" failed to start: the sign-in provider "corp_sso" of ' +
          'objectos.yaml reads its client secret from the environment variable ' +
          'CORP_SSO_CLIENT_SECRET, which is not set; set it, or remove the provider from ' +
          'auth.providers\n',
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

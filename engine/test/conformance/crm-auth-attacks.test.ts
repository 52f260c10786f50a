/**
 * Attacks on sign-in, sessions and API keys of the example CRM, on every dialect, with the real
 * identity layer: session fixation, a revoked or forged API key, two-factor bypasses, a
 * signed-out session, a deactivated user, a cookie sent from a foreign origin. Each credential
 * an attacker is left holding is tried through REST and GraphQL, reading and writing, and must
 * be nobody (401): nothing leaks, nothing changes. Each test changes the state of one member
 * only (fixation: new sessions of Rita and Mia; revocation: Rita's key; two-factor: Ron;
 * sign-out: a new session of Mia; deactivation: Otto).
 */
import { createHmac } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { describe, expect, it } from 'vitest'
import { cookiesOf } from '../../src/http/auth/testing/auth-server.js'
import { dialects } from '../../src/testing/test-database.js'
import { emailOf, password, type Member } from './testing/crm-sales-team.js'
import { visibleTo } from './testing/crm-visibility.js'
import { appOrigin, useCrmWithUsers } from './testing/served-crm-with-users.js'

type Headers = Readonly<Record<string, string>>

const sessionCookie = 'better-auth.session_token'
const leadList = '{ leadList(sort: ["last_name"]) { data { last_name } total } }'

/** RFC 4648 base32, as otpauth URIs carry the secret. */
function base32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0')
  }
  return Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => Number.parseInt(byte, 2)))
}

/** The RFC 6238 code an authenticator app shows (SHA-1, 30 s, 6 digits). */
function totp(secret: Buffer, at = Date.now()): string {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)))
  const mac = createHmac('sha1', secret).update(counter).digest()
  const offset = (mac[mac.length - 1] ?? 0) & 0xf
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0')
}

/** The session token a Set-Cookie carries, without its signature. */
const tokenOf = (cookie: string) => /session_token=([^.;]+)/.exec(cookie)?.[1]

describe.each(dialects)('attacks on CRM sign-in, sessions and API keys on %s', (dialect) => {
  const crm = useCrmWithUsers(dialect)
  const id = (name: string): string => crm().ids[name] ?? ''

  /** Headers that make nobody (401) through REST and GraphQL: nothing is read or changed. */
  const expectNobody = async (headers: Headers, label: string) => {
    const before = await crm().stored()
    const deal = `data/opportunity/${id('Rita deal 1')}`
    const rest: LightMyRequestResponse[] = [
      await crm().rest(headers, 'GET', 'data/lead'),
      await crm().rest(headers, 'GET', deal),
      await crm().rest(headers, 'PATCH', deal, { next_step: 'Hijacked' }),
      await crm().rest(headers, 'DELETE', `data/lead/${id('Rita lead')}`),
      await crm().rest(headers, 'GET', 'meta/objects/opportunity'),
    ]
    const graphql = [
      await crm().gql(headers, leadList),
      await crm().gql(
        headers,
        'mutation ($id: ID!) { updateOpportunity(id: $id, data: { next_step: "Hijacked" }) { id } }',
        { id: id('Rita deal 1') },
      ),
    ]
    for (const res of rest) {
      expect([res.statusCode, res.json<{ code: string }>().code], label).toEqual([
        401,
        'OOS_ACCESS_UNAUTHENTICATED',
      ])
      expect(res.body, label).not.toMatch(/Rita|Ron|Otto|Nobody/)
    }
    for (const res of graphql) {
      // GraphQL answers in its own shape: the code is in the error's extensions.
      const errors = res.body.errors as { extensions?: { code?: string } }[] | undefined
      expect([res.status, errors?.[0]?.extensions?.code], label).toEqual([
        401,
        'OOS_ACCESS_UNAUTHENTICATED',
      ])
      expect(res.body, label).not.toHaveProperty('data')
    }
    expect(await crm().stored(), label).toEqual(before)
  }

  /** A request with these headers acts for `member`, through REST and GraphQL. */
  const expectActsAs = async (headers: Headers, member: Exclude<Member, 'admin'>) => {
    const leads = visibleTo[member].lead
    const rest = await crm().rest(headers, 'GET', 'data/lead?sort=last_name')
    expect(rest.statusCode, `${member}: ${rest.body}`).toBe(200)
    expect(rest.json<{ data: { last_name: string }[] }>().data.map((l) => l.last_name)).toEqual(
      leads,
    )
    const { body } = await crm().gql(headers, leadList)
    expect(body.data?.leadList).toEqual({
      data: leads.map((last_name) => ({ last_name })),
      total: leads.length,
    })
  }

  const signInWith = (member: Member, headers: Headers) =>
    crm().auth('POST', '/sign-in/email', { email: emailOf(member), password }, { headers })

  it('never honours a session token the client chose before signing in (session fixation)', async () => {
    const madeUp = 'fixatedfixatedfixatedfixated0001'
    for (const planted of [madeUp, `${madeUp}.c2lnbmF0dXJlLW1hZGUtdXA%3D`]) {
      const cookie = `${sessionCookie}=${planted}`
      await expectNobody({ cookie, origin: appOrigin }, `made-up ${planted}`)
      const signedIn = await signInWith('rita', { cookie, origin: appOrigin })
      expect(signedIn.statusCode).toBe(200)
      const issued = cookiesOf(signedIn)
      expect(tokenOf(issued)).toBeDefined()
      expect(tokenOf(issued)).not.toBe(madeUp)
      await expectActsAs({ cookie: issued, origin: appOrigin }, 'rita')
      await expectNobody({ cookie, origin: appOrigin }, `made-up ${planted} after sign-in`)
    }
    // An attacker's own real session planted in the victim's browser is not upgraded either.
    const planted = await crm().signIn('mia')
    const victim = await signInWith('rita', { cookie: planted, origin: appOrigin })
    const issued = cookiesOf(victim)
    expect(tokenOf(issued)).not.toBe(tokenOf(planted))
    await expectActsAs({ cookie: planted, origin: appOrigin }, 'mia')
    await expectActsAs({ cookie: issued, origin: appOrigin }, 'rita')
    // The token sign-in answers in its body is not a credential without the cookie's signature.
    const { token } = victim.json<{ token: string }>()
    await expectNobody({ cookie: `${sessionCookie}=${token}` }, 'unsigned token')
    await expectNobody({ authorization: `Bearer ${token}` }, 'session token as Bearer')
  })

  it('authenticates nobody with a revoked, made-up or mis-sent API key', async () => {
    const { key, id: keyId } = crm().ritaKey
    await expectActsAs({ authorization: `Bearer ${key}` }, 'rita')
    // A key opens the data API only: it cannot mint more keys.
    const bearer = { headers: { authorization: `Bearer ${key}` } }
    const minted = await crm().auth('POST', '/api-key/create', { name: 'more' }, bearer)
    expect([minted.statusCode, minted.json<{ code: string }>().code]).toEqual([
      401,
      'OOS_AUTH_SESSION_REQUIRED',
    ])
    const basic = Buffer.from(`${emailOf('rita')}:${password}`).toString('base64')
    const wrong: [string, Headers][] = [
      ['Basic scheme', { authorization: `Basic ${key}` }],
      ['Basic credentials', { authorization: `Basic ${basic}` }],
      ['no scheme', { authorization: key }],
      ['made-up key', { authorization: `Bearer oos_${'A'.repeat(43)}` }],
      ['key with a changed end', { authorization: `Bearer ${key.slice(0, -2)}xx` }],
      // A request with an Authorization header is judged by it alone, never by its cookie.
      [
        'made-up key beside a valid cookie',
        { authorization: 'Bearer oos_x', cookie: crm().cookies.rita },
      ],
    ]
    for (const [label, headers] of wrong) await expectNobody(headers, label)

    const revoked = await crm().auth(
      'POST',
      '/api-key/revoke',
      { id: keyId },
      {
        cookie: crm().cookies.rita,
      },
    )
    expect(revoked.statusCode, revoked.body).toBe(200)
    await expectNobody({ authorization: `Bearer ${key}` }, 'revoked key')
    await expectNobody(
      { authorization: `Bearer ${key}`, cookie: crm().cookies.rita },
      'revoked key beside a valid cookie',
    )
    // Rita's own session is untouched by revoking her key.
    await expectActsAs({ cookie: crm().cookies.rita, origin: appOrigin }, 'rita')
  })

  it('gives no usable session for a password alone once two-factor is on, and refuses bypasses', async () => {
    const enabled = await crm().auth(
      'POST',
      '/two-factor/enable',
      { password },
      {
        cookie: crm().cookies.ron,
      },
    )
    expect(enabled.statusCode, enabled.body).toBe(200)
    const { totpURI } = enabled.json<{ totpURI: string }>()
    const secret = base32(new URL(totpURI).searchParams.get('secret') ?? '')
    const confirmed = await crm().auth(
      'POST',
      '/two-factor/verify-totp',
      { code: totp(secret) },
      {
        cookie: crm().cookies.ron,
      },
    )
    expect(confirmed.statusCode, confirmed.body).toBe(200)

    const first = await signInWith('ron', {})
    expect(first.json()).toEqual({ twoFactorRedirect: true, twoFactorMethods: ['totp'] })
    const pending = cookiesOf(first)
    expect(pending).not.toContain(sessionCookie)
    await expectNobody({ cookie: pending, origin: appOrigin }, 'pending two-factor cookie')

    const refused = (res: LightMyRequestResponse, label: string) => {
      expect(res.statusCode, `${label}: ${res.body}`).toBeGreaterThanOrEqual(400)
      expect(cookiesOf(res), label).not.toContain(sessionCookie)
    }
    // The right code, but not from the browser that gave the password.
    refused(
      await crm().auth('POST', '/two-factor/verify-totp', { code: totp(secret) }),
      'no cookie',
    )
    refused(
      await crm().auth('POST', '/two-factor/verify-backup-code', { code: 'aaaaa-bbbbb' }),
      'backup code, no cookie',
    )
    refused(
      await crm().auth(
        'POST',
        '/two-factor/verify-totp',
        { code: totp(secret) },
        {
          cookie: 'better-auth.two_factor=forged.c2lnbmF0dXJl',
        },
      ),
      'forged two-factor cookie',
    )
    // Another user's session does not finish Ron's sign-in, and stays that user's.
    const otto = await crm().signIn('otto')
    refused(
      await crm().auth('POST', '/two-factor/verify-totp', { code: totp(secret) }, { cookie: otto }),
      "otto's session",
    )
    await expectActsAs({ cookie: otto, origin: appOrigin }, 'otto')
    // A wrong code with the pending cookie.
    const address = crm().freshAddress()
    const wrong = await crm().auth(
      'POST',
      '/two-factor/verify-totp',
      {
        code: totp(secret, Date.now() + 10 * 60_000),
      },
      { cookie: pending, address },
    )
    refused(wrong, 'wrong code')
    await expectNobody({ cookie: pending, origin: appOrigin }, 'pending cookie after a wrong code')

    // The code with the pending cookie finishes it: only then is Ron signed in.
    const verified = await crm().auth(
      'POST',
      '/two-factor/verify-totp',
      { code: totp(secret) },
      {
        cookie: pending,
        address,
      },
    )
    expect(verified.statusCode, verified.body).toBe(200)
    await expectActsAs({ cookie: cookiesOf(verified), origin: appOrigin }, 'ron')
  })

  it('ends a session at sign-out, and only that one', async () => {
    const cookie = await crm().signIn('mia')
    await expectActsAs({ cookie, origin: appOrigin }, 'mia')
    const out = await crm().auth('POST', '/sign-out', {}, { cookie })
    expect(out.statusCode, out.body).toBe(200)
    await expectNobody({ cookie, origin: appOrigin }, 'signed-out session')
    await expectActsAs({ cookie: crm().cookies.mia, origin: appOrigin }, 'mia')
  })

  it('shuts out a user the administrator deactivates: sessions, API keys and sign-in', async () => {
    const session = { cookie: crm().cookies.otto, origin: appOrigin }
    const created = await crm().auth(
      'POST',
      '/api-key/create',
      { name: 'otto-ci' },
      {
        cookie: crm().cookies.otto,
      },
    )
    expect(created.statusCode, created.body).toBe(200)
    const key = { authorization: `Bearer ${created.json<{ key: string }>().key}` }
    await expectActsAs(session, 'otto')
    await expectActsAs(key, 'otto')

    const deactivated = await crm().rest('admin', 'PATCH', `data/sys_user/${crm().userIds.otto}`, {
      active: false,
    })
    expect(deactivated.statusCode, deactivated.body).toBe(200)
    await expectNobody(session, 'session of a deactivated user')
    await expectNobody(key, 'API key of a deactivated user')
    const again = await signInWith('otto', {})
    expect([again.statusCode, again.json<{ code: string }>().code]).toEqual([
      403,
      'OOS_AUTH_USER_INACTIVE',
    ])
    expect(cookiesOf(again)).not.toContain(sessionCookie)
  })

  it('refuses an auth change carrying the session cookie from a foreign origin', async () => {
    const res = await crm().auth(
      'POST',
      '/api-key/create',
      { name: 'csrf' },
      {
        cookie: crm().cookies.rita,
        headers: { origin: 'https://attacker.example' },
      },
    )
    expect([res.statusCode, res.json<{ code: string }>().code]).toEqual([403, 'OOS_AUTH_FORBIDDEN'])
    expect(res.body).not.toContain('oos_')
  })

  // docs/guides/authentication.md: "Requests that carry the cookie and change something must come
  // from the app's own origin (or one listed as trusted)".
  it('refuses a data write carrying the session cookie from a foreign origin', async () => {
    const foreign = { cookie: crm().cookies.rita, origin: 'https://attacker.example' }
    const before = await crm().stored()
    const rest = await crm().rest(foreign, 'PATCH', `data/opportunity/${id('Rita deal 1')}`, {
      next_step: 'Forged',
    })
    const graphql = await crm().gql(
      foreign,
      'mutation ($id: ID!) { updateOpportunity(id: $id, data: { next_step: "Forged" }) { id } }',
      { id: id('Rita deal 1') },
    )
    const after = await crm().stored()
    expect({ rest: rest.statusCode, graphql: graphql.status }, JSON.stringify(graphql)).toEqual({
      rest: 403,
      graphql: 403,
    })
    expect(after).toEqual(before)
  })
})

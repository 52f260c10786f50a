import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { cookiesOf, newEmail, useAuthServer } from './testing/auth-server.js'

const password = 'correct horse battery staple'

/** RFC 4648 base32, as otpauth URIs carry the secret. */
function base32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0')
  }
  const bytes = bits.match(/.{8}/g) ?? []
  return Buffer.from(bytes.map((byte) => Number.parseInt(byte, 2)))
}

/** The RFC 6238 code an authenticator app shows now (SHA-1, 30 s, 6 digits). */
function totp(secret: Buffer, at = Date.now()): string {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)))
  const mac = createHmac('sha1', secret).update(counter).digest()
  const offset = (mac[mac.length - 1] ?? 0) & 0xf
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000
  return String(value).padStart(6, '0')
}

describe.each(dialects)('two-factor sign-in on %s', (dialect) => {
  const served = useAuthServer(dialect)

  it('gives no session for a password alone once TOTP is on; the code completes sign-in', async () => {
    const email = newEmail('totp')
    const cookie = await served().signUp(email, password, '127.0.7.1')
    const enabled = await served().post('/two-factor/enable', { password }, { cookie })
    expect(enabled.statusCode).toBe(200)
    const { totpURI, backupCodes } = enabled.json<{ totpURI: string; backupCodes: string[] }>()
    expect(backupCodes.length).toBeGreaterThan(0)
    const secret = base32(new URL(totpURI).searchParams.get('secret') ?? '')
    // Not on until a first code proves the app has the secret.
    const confirmed = await served().post(
      '/two-factor/verify-totp',
      { code: totp(secret) },
      { cookie },
    )
    expect(confirmed.statusCode).toBe(200)

    const first = await served().post(
      '/sign-in/email',
      { email, password },
      { address: '127.0.7.2' },
    )
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ twoFactorRedirect: true, twoFactorMethods: ['totp'] })
    const pending = cookiesOf(first)
    expect(pending).not.toMatch(/session_token=/)
    expect((await served().get('/get-session', { cookie: pending })).json()).toBeNull()

    const wrong = await served().post(
      '/two-factor/verify-totp',
      { code: totp(secret, Date.now() + 10 * 60_000) },
      { cookie: pending, address: '127.0.7.2' },
    )
    expect(wrong.statusCode).toBe(401)
    expect((await served().get('/get-session', { cookie: pending })).json()).toBeNull()

    const verified = await served().post(
      '/two-factor/verify-totp',
      { code: totp(secret) },
      { cookie: pending, address: '127.0.7.2' },
    )
    expect(verified.statusCode).toBe(200)
    const session = cookiesOf(verified)
    expect(session).toMatch(/session_token=/)
    expect((await served().get('/get-session', { cookie: session })).json()).toMatchObject({
      user: { email },
    })
  })

  it('keeps the two-factor secret out of sys_user', async () => {
    const email = newEmail('secret')
    const cookie = await served().signUp(email, password, '127.0.7.3')
    const { totpURI } = (await served().post('/two-factor/enable', { password }, { cookie })).json<{
      totpURI: string
    }>()
    const secret = new URL(totpURI).searchParams.get('secret') ?? ''
    const user = await served().app.db.knex('sys_user').where({ email }).first()
    expect(JSON.stringify(user)).not.toContain(secret)
    const stored = await served().app.db.knex('objectos_auth_two_factor').select('secret')
    expect(JSON.stringify(stored)).not.toContain(secret)
  })
})

import { describe, expect, it } from 'vitest'
import { recordingEmailSender } from '../../identity/email-sender.js'
import { dialects } from '../../testing/test-database.js'
import { cookiesOf, newEmail, useAuthServer } from './testing/auth-server.js'

const password = 'correct horse battery staple'

describe.each(dialects)('email verification and password reset on %s', (dialect) => {
  const mail = recordingEmailSender()
  const served = useAuthServer(dialect, { emailSender: mail, baseURL: 'http://localhost' })
  const lastTo = (to: string, kind: 'verify-email' | 'reset-password') => {
    const message = mail.sent.filter((m) => m.to === to && m.kind === kind).at(-1)
    if (message === undefined) throw new Error(`no ${kind} mail to ${to}`)
    return message
  }

  it('mails a verification link at sign-up that marks the email verified', async () => {
    const email = newEmail('verify')
    await served().signUp(email, password, '127.0.6.1')
    const message = lastTo(email, 'verify-email')
    expect(message.subject).toBe('Confirm your email address')
    expect(message.text).toContain(message.link)
    const link = new URL(message.link)
    expect(link.pathname).toBe('/api/v1/auth/verify-email')

    const res = await served().get(`/verify-email${link.search}`)
    expect(res.statusCode).toBeLessThan(400)
    const user = await served().identity.findUserByEmail(email)
    const record = await served().app.records.get('sys_user', user?.id ?? '')
    expect(record).toMatchObject({ email_verified: true, version: 2 })
  })

  it('resets a password through the mailed token, ending every session', async () => {
    const email = newEmail('reset')
    const cookie = await served().signUp(email, password, '127.0.6.2')
    const asked = await served().post(
      '/request-password-reset',
      { email, redirectTo: '/reset' },
      { address: '127.0.6.2' },
    )
    expect(asked.statusCode).toBe(200)
    const message = lastTo(email, 'reset-password')
    const token = new URL(message.link).pathname.split('/').at(-1) ?? ''
    expect(token.length).toBeGreaterThan(10)

    const newPassword = 'a brand new passphrase'
    const reset = await served().post(
      '/reset-password',
      { newPassword, token },
      { address: '127.0.6.2' },
    )
    expect(reset.statusCode).toBe(200)
    expect((await served().get('/get-session', { cookie })).json()).toBeNull()
    const old = await served().post('/sign-in/email', { email, password }, { address: '127.0.6.2' })
    expect(old.statusCode).toBe(401)
    const fresh = await served().post(
      '/sign-in/email',
      { email, password: newPassword },
      { address: '127.0.6.2' },
    )
    expect(fresh.statusCode).toBe(200)
    expect(cookiesOf(fresh)).toMatch(/session_token=/)
    // A token works once.
    const again = await served().post(
      '/reset-password',
      { newPassword: 'yet another passphrase', token },
      { address: '127.0.6.2' },
    )
    expect(again.statusCode).toBe(400)
  })

  it('builds mailed links from the configured URL, never from the Host header', async () => {
    const email = newEmail('host')
    await served().signUp(email, password, '127.0.6.5')
    await served().post(
      '/request-password-reset',
      { email, redirectTo: '/reset' },
      { address: '127.0.6.5', headers: { host: 'evil.example' } },
    )
    expect(new URL(lastTo(email, 'reset-password').link).host).toBe('localhost')
  })

  it('answers a reset request for an unknown email exactly like a known one, and mails nobody', async () => {
    const before = mail.sent.length
    const ghost = newEmail('ghost')
    const res = await served().post(
      '/request-password-reset',
      { email: ghost, redirectTo: '/reset' },
      { address: '127.0.6.3' },
    )
    const known = newEmail('known')
    await served().signUp(known, password, '127.0.6.3')
    const real = await served().post(
      '/request-password-reset',
      { email: known, redirectTo: '/reset' },
      { address: '127.0.6.3' },
    )
    expect(res.statusCode).toBe(real.statusCode)
    expect(res.json()).toEqual(real.json())
    expect(mail.sent.slice(before).map((m) => m.to)).not.toContain(ghost)
  })
})

describe('sign-in with email verification required', () => {
  const mail = recordingEmailSender()
  const served = useAuthServer('sqlite', {
    emailSender: mail,
    baseURL: 'http://localhost',
    requireEmailVerification: true,
  })

  it('refuses sign-in until the email is verified', async () => {
    const email = newEmail('unverified')
    const signUp = await served().post(
      '/sign-up/email',
      { email, password, name: 'U' },
      { address: '127.0.6.4' },
    )
    expect(signUp.statusCode).toBe(200)
    const refused = await served().post(
      '/sign-in/email',
      { email, password },
      { address: '127.0.6.4' },
    )
    expect(refused.statusCode).toBe(403)
    expect(refused.json()).toMatchObject({
      code: 'OOS_AUTH_FORBIDDEN',
      reason: 'EMAIL_NOT_VERIFIED',
    })
    const link = new URL(mail.sent.filter((m) => m.to === email).at(-1)?.link ?? 'http://x/')
    await served().get(`/verify-email${link.search}`)
    const ok = await served().post('/sign-in/email', { email, password }, { address: '127.0.6.4' })
    expect(ok.statusCode).toBe(200)
  })
})

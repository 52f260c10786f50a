// Mail over SMTP as `serve` sends it: the settings read from the environment, the sender against
// a real SMTP server listening on a free local port, and the password-reset and verification flows
// followed end to end through the HTTP API from the messages that server receives.
import { once } from 'node:events'
import { createServer, type AddressInfo } from 'node:net'
import { InvalidSetting } from '@objectos/errors'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  closeAuthServer,
  cookiesOf,
  newEmail,
  openAuthServer,
  type AuthServer,
} from '../http/auth/testing/auth-server.js'
import { dialects } from '../testing/test-database.js'
import { backgroundEmailSender, composeMessage, type EmailMessage } from './email-sender.js'
import { smtpEmailSender, smtpSettings } from './smtp-email-sender.js'

const password = 'correct horse battery staple'
const from = 'ObjectOS <noreply@example.com>'
const login = { user: 'mailer', pass: 'p@ss word:1' }

interface Received {
  readonly envelopeFrom: string
  readonly envelopeTo: readonly string[]
  readonly headers: ReadonlyMap<string, string>
  readonly text: string
}

/** A local SMTP server that wants a login and keeps what it receives. */
async function startSmtpServer() {
  const received: Received[] = []
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === login.user && auth.password === login.pass) {
        callback(null, { user: auth.username })
      } else {
        callback(new Error('Invalid username or password'))
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom
        received.push({
          envelopeFrom: mailFrom === false ? '' : mailFrom.address,
          envelopeTo: session.envelope.rcptTo.map((to) => to.address),
          ...parseMessage(Buffer.concat(chunks).toString('latin1')),
        })
        callback()
      })
    },
  })
  server.listen(0, '127.0.0.1')
  await once(server.server, 'listening')
  const { port } = server.server.address() as AddressInfo
  const user = encodeURIComponent(login.user)
  const pass = encodeURIComponent(login.pass)
  return {
    received,
    url: `smtp://${user}:${pass}@127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  }
}

/** Headers (unfolded, lower-cased names) and the decoded plain-text body of a one-part message. */
function parseMessage(raw: string): Pick<Received, 'headers' | 'text'> {
  const split = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const headers = new Map<string, string>()
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':')
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  const body = raw.slice(split + 4)
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase() ?? '7bit'
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body
              .replace(/=\r\n/g, '')
              .replace(/=([0-9A-F]{2})/gi, (_, hex: string) =>
                String.fromCharCode(parseInt(hex, 16)),
              ),
            'latin1',
          )
        : Buffer.from(body, 'latin1')
  return { headers, text: bytes.toString('utf8').replace(/\r\n/g, '\n').trimEnd() }
}

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1')
  await once(probe, 'listening')
  const { port } = probe.address() as AddressInfo
  await new Promise((done) => probe.close(done))
  return port
}

describe('the SMTP settings', () => {
  const url = 'smtp://mailer:s3cret-pass@mail.example.com:587'

  it('are off without OBJECTOS_SMTP_URL, and read from the environment with it', () => {
    expect(smtpSettings({})).toBeUndefined()
    expect(smtpSettings({ OBJECTOS_SMTP_URL: '  ', OBJECTOS_MAIL_FROM: from })).toBeUndefined()
    expect(smtpSettings({ OBJECTOS_SMTP_URL: url, OBJECTOS_MAIL_FROM: from })).toEqual({
      url,
      from,
    })
    const tls = 'smtps://mailer:s3cret-pass@mail.example.com'
    expect(smtpSettings({ OBJECTOS_SMTP_URL: tls, OBJECTOS_MAIL_FROM: 'x@example.com' })).toEqual({
      url: tls,
      from: 'x@example.com',
    })
  })

  it.each([
    ['not a URL', 'smtp//mailer:s3cret-pass@mail.example.com'],
    ['another scheme', 'https://mailer:s3cret-pass@mail.example.com'],
    ['no server', 'smtp://mailer:s3cret-pass@:587'],
    ['a port out of range', 'smtp://mailer:s3cret-pass@mail.example.com:99999'],
  ])('refuse %s, naming the variable and never repeating the password', (_, bad) => {
    let error: unknown
    try {
      smtpSettings({ OBJECTOS_SMTP_URL: bad, OBJECTOS_MAIL_FROM: from })
    } catch (thrown) {
      error = thrown
    }
    expect(InvalidSetting.is(error)).toBe(true)
    expect((error as Error).message).toMatch(/^check the setting OBJECTOS_SMTP_URL: /)
    expect((error as Error).message).not.toContain('s3cret')
  })

  it.each([
    ['missing', undefined, /it is required with OBJECTOS_SMTP_URL/],
    ['not an address', 'noreply', /"noreply" is not one email address/],
    ['two addresses', 'a@example.com, b@example.com', /is not one email address/],
    ['a header break', 'a@example.com\r\nBcc: b@example.com', /is not one email address/],
  ])('refuse a sender address that is %s', (_, value, message) => {
    const env = { OBJECTOS_SMTP_URL: url, OBJECTOS_MAIL_FROM: value }
    expect(() => smtpSettings(env)).toThrow(/^check the setting OBJECTOS_MAIL_FROM: /)
    expect(() => smtpSettings(env)).toThrow(message)
  })
})

describe('the SMTP sender', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  beforeAll(async () => {
    smtp = await startSmtpServer()
  })
  afterAll(async () => {
    await smtp.close()
  })

  it('signs in to the server and sends the message as plain text', async () => {
    const sender = smtpEmailSender({ url: smtp.url, from })
    try {
      expect(sender.server).toBe(`127.0.0.1:${new URL(smtp.url).port}`)
      const link = `http://localhost/api/v1/auth/reset-password/${'t'.repeat(24)}?callbackURL=%2Freset`
      const message = composeMessage('reset-password', 'ann@example.com', link)
      await sender.send(message)
      const got = smtp.received.at(-1)
      expect(got).toMatchObject({
        envelopeFrom: 'noreply@example.com',
        envelopeTo: ['ann@example.com'],
        text: message.text,
      })
      expect(got?.headers.get('from')).toBe(from)
      expect(got?.headers.get('to')).toBe('ann@example.com')
      expect(got?.headers.get('subject')).toBe('Reset your password')
      expect(got?.headers.get('content-type')).toMatch(/^text\/plain/)
    } finally {
      sender.close()
    }
  })

  it('fails when the server refuses the login', async () => {
    const wrong = new URL(smtp.url)
    wrong.password = 'wrong'
    const sender = smtpEmailSender({ url: wrong.href, from })
    try {
      const before = smtp.received.length
      await expect(
        sender.send(composeMessage('verify-email', 'ann@example.com', 'http://localhost/x')),
      ).rejects.toThrow(/Invalid username or password/)
      expect(smtp.received).toHaveLength(before)
    } finally {
      sender.close()
    }
  })
})

describe('sending in the background', () => {
  it('answers at once, reports a failure to onFailure, and waits for pending mail when asked', async () => {
    const message = composeMessage('reset-password', 'ann@example.com', 'http://localhost/x')
    let release: () => void = () => undefined
    const slow = new Promise<void>((done) => (release = done))
    const failures: [EmailMessage, unknown][] = []
    const queue = backgroundEmailSender(
      {
        send: async (m) => {
          await slow
          if (m.to === 'ann@example.com') throw new Error('mail server down')
        },
      },
      (m, error) => {
        failures.push([m, error])
        throw new Error('a listener that fails too')
      },
    )
    await queue.send(message)
    await queue.send({ ...message, to: 'bob@example.com' })
    expect(failures).toEqual([])
    let idle = false
    const waiting = queue.idle().then(() => (idle = true))
    await new Promise((done) => setTimeout(done, 10))
    expect(idle).toBe(false)
    release()
    await waiting
    expect(failures).toHaveLength(1)
    expect(failures[0]?.[0].to).toBe('ann@example.com')
    expect((failures[0]?.[1] as Error).message).toBe('mail server down')
  })
})

describe.each(dialects)('mail over SMTP through the HTTP API on %s', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  let served: AuthServer
  const lines: string[] = []
  beforeAll(async () => {
    smtp = await startSmtpServer()
    served = await openAuthServer(dialect, {
      env: {
        OBJECTOS_SMTP_URL: smtp.url,
        OBJECTOS_MAIL_FROM: from,
        OBJECTOS_BASE_URL: 'http://localhost',
      },
      log: (line) => lines.push(line),
    })
  })
  afterAll(async () => {
    await closeAuthServer(served, dialect)
    await smtp.close()
  })

  /** The message of that kind to that address, once the SMTP server has it. */
  const mailTo = (to: string, subject: string) =>
    vi.waitFor(
      () => {
        const found = smtp.received.find(
          (m) => m.envelopeTo.includes(to) && m.headers.get('subject') === subject,
        )
        if (found === undefined) throw new Error(`no "${subject}" mail to ${to} yet`)
        return found
      },
      { timeout: 5000, interval: 20 },
    )
  const linkIn = (text: string) => {
    const link = /https?:\/\/\S+/.exec(text)?.[0]
    if (link === undefined) throw new Error(`no link in: ${text}`)
    return new URL(link)
  }

  it('says at start where mail goes, without the credentials', () => {
    const port = new URL(smtp.url).port
    expect(lines).toContain(`mail goes out through 127.0.0.1:${port} (from OBJECTOS_SMTP_URL)`)
    expect(lines.join('\n')).not.toContain(login.pass)
  })

  it('mails a verification link at sign-up that marks the address verified', async () => {
    const email = newEmail('smtp-verify')
    await served.signUp(email, password, '127.0.7.1')
    const message = await mailTo(email, 'Confirm your email address')
    expect(message.headers.get('from')).toBe(from)
    const link = linkIn(message.text)
    expect(link.origin + link.pathname).toBe('http://localhost/api/v1/auth/verify-email')
    expect((await served.get(`/verify-email${link.search}`)).statusCode).toBeLessThan(400)
    const user = await served.identity.findUserByEmail(email)
    const record = await served.app.records.get('sys_user', user?.id ?? '')
    expect(record).toMatchObject({ email_verified: true })
  })

  it('resets a password from the mailed link, and the new password signs in', async () => {
    const email = newEmail('smtp-reset')
    const address = '127.0.7.2'
    const cookie = await served.signUp(email, password, address)
    const asked = await served.post(
      '/request-password-reset',
      { email, redirectTo: '/reset' },
      { address },
    )
    expect(asked.statusCode).toBe(200)
    const message = await mailTo(email, 'Reset your password')
    expect(message.envelopeFrom).toBe('noreply@example.com')
    const link = linkIn(message.text)
    expect(link.origin).toBe('http://localhost')

    // Following the link lands on the page named in the request, with the token.
    const followed = await served.get(link.pathname.replace('/api/v1/auth', '') + link.search, {
      address,
    })
    expect(followed.statusCode).toBe(302)
    const landing = new URL(String(followed.headers.location), 'http://localhost')
    expect(landing.pathname).toBe('/reset')
    const token = landing.searchParams.get('token') ?? ''
    expect(token).not.toBe('')

    const newPassword = 'a brand new passphrase'
    const reset = await served.post('/reset-password', { newPassword, token }, { address })
    expect(reset.statusCode).toBe(200)
    expect((await served.get('/get-session', { cookie })).json()).toBeNull()
    const old = await served.post('/sign-in/email', { email, password }, { address })
    expect(old.statusCode).toBe(401)
    const fresh = await served.post('/sign-in/email', { email, password: newPassword }, { address })
    expect(fresh.statusCode).toBe(200)
    expect(cookiesOf(fresh)).toMatch(/session_token=/)
  })

  it('answers a reset request for an unknown address like a known one, and mails nobody', async () => {
    const address = '127.0.7.3'
    const known = newEmail('smtp-known')
    await served.signUp(known, password, address)
    const ghost = newEmail('smtp-ghost')
    const forGhost = await served.post(
      '/request-password-reset',
      { email: ghost, redirectTo: '/reset' },
      { address },
    )
    const forKnown = await served.post(
      '/request-password-reset',
      { email: known, redirectTo: '/reset' },
      { address },
    )
    expect(forGhost.statusCode).toBe(forKnown.statusCode)
    expect(forGhost.json()).toEqual(forKnown.json())
    await mailTo(known, 'Reset your password')
    expect(smtp.received.some((m) => m.envelopeTo.includes(ghost))).toBe(false)
  })
})

describe.each(dialects)('a mail server that cannot be reached, on %s', (dialect) => {
  let served: AuthServer
  const lines: string[] = []
  beforeAll(async () => {
    served = await openAuthServer(dialect, {
      env: {
        OBJECTOS_SMTP_URL: `smtp://127.0.0.1:${await closedPort()}`,
        OBJECTOS_MAIL_FROM: from,
        OBJECTOS_BASE_URL: 'http://localhost',
      },
      log: (line) => lines.push(line),
    })
  })
  afterAll(async () => {
    await closeAuthServer(served, dialect)
  })

  it('answers the reset request as for an unknown address, and logs the failure', async () => {
    const address = '127.0.7.4'
    const email = newEmail('smtp-down')
    await served.signUp(email, password, address)
    const ask = (to: string) =>
      served.post('/request-password-reset', { email: to, redirectTo: '/reset' }, { address })
    const known = await ask(email)
    const ghost = await ask(newEmail('smtp-down-ghost'))
    expect(known.statusCode).toBe(200)
    expect([known.statusCode, known.body]).toEqual([ghost.statusCode, ghost.body])
    await vi.waitFor(
      () => {
        expect(lines).toContainEqual(
          expect.stringMatching(
            new RegExp(`^could not send the reset-password mail to ${email}: .*ECONNREFUSED`),
          ),
        )
      },
      { timeout: 5000, interval: 20 },
    )
    // The link itself is never logged.
    expect(lines.join('\n')).not.toContain('/reset-password/')
  })
})

describe('sign-in with OBJECTOS_REQUIRE_EMAIL_VERIFICATION over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  let served: AuthServer
  beforeAll(async () => {
    smtp = await startSmtpServer()
    served = await openAuthServer('sqlite', {
      env: {
        OBJECTOS_SMTP_URL: smtp.url,
        OBJECTOS_MAIL_FROM: from,
        OBJECTOS_BASE_URL: 'http://localhost',
        OBJECTOS_REQUIRE_EMAIL_VERIFICATION: 'true',
      },
    })
  })
  afterAll(async () => {
    await closeAuthServer(served, 'sqlite')
    await smtp.close()
  })

  it('refuses sign-in until the mailed link is followed', async () => {
    const email = newEmail('smtp-required')
    const address = '127.0.7.5'
    const signUp = await served.post('/sign-up/email', { email, password, name: 'R' }, { address })
    expect(signUp.statusCode).toBe(200)
    const refused = await served.post('/sign-in/email', { email, password }, { address })
    expect(refused.statusCode).toBe(403)
    expect(refused.json()).toMatchObject({ reason: 'EMAIL_NOT_VERIFIED' })
    const message = await vi.waitFor(
      () => {
        const found = smtp.received.find((m) => m.envelopeTo.includes(email))
        if (found === undefined) throw new Error('no mail yet')
        return found
      },
      { timeout: 5000, interval: 20 },
    )
    const link = new URL(/https?:\/\/\S+/.exec(message.text)?.[0] ?? 'http://x/')
    await served.get(`/verify-email${link.search}`)
    const ok = await served.post('/sign-in/email', { email, password }, { address })
    expect(ok.statusCode).toBe(200)
  })
})

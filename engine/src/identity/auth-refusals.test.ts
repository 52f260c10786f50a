import { describe, expect, it } from 'vitest'
import { clientAddressHeader, noteReported, type AuthEvent } from './auth-event.js'
import { reportRefusals } from './auth-refusals.js'

const basePath = '/api/v1/auth'

/** better-auth's limiter answer: 429, no code, the window's rest in X-Retry-After. */
const limited = (seconds: number) =>
  new Response(JSON.stringify({ message: 'Too many requests. Please try again later.' }), {
    status: 429,
    headers: { 'content-type': 'application/json', 'x-retry-after': String(seconds) },
  })

function setup(answer: (request: Request) => Response, maxKeys?: number) {
  let now = 1_000_000
  const events: AuthEvent[] = []
  const handler = reportRefusals(async (request) => answer(request), {
    basePath,
    report: async (event) => {
      events.push(event)
    },
    findUser: async (email) =>
      email === 'rita@example.com' ? { id: 'u1', email: 'rita@example.com' } : undefined,
    now: () => now,
    maxKeys,
  })
  const call = (path: string, address = '10.0.0.1', body: unknown = {}) =>
    handler(
      new Request(`http://localhost${basePath}${path}`, {
        method: 'POST',
        headers: { [clientAddressHeader]: address, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    )
  return {
    events,
    call,
    handler,
    advance: (seconds: number) => {
      now += seconds * 1000
    },
  }
}

describe('reporting auth requests refused before their route', () => {
  it('reports the first refusal per address and route, and again once the window ended', async () => {
    const { events, call, advance } = setup(() => limited(30))
    for (let n = 0; n < 5; n += 1) await call('/sign-in/email')
    await call('/sign-in/email', '10.0.0.2')
    await call('/sign-up/email')
    expect(events.map((e) => [e.action, e.detail.address, e.detail.reason])).toEqual([
      ['sign_in_failed', '10.0.0.1', 'throttled'],
      ['sign_in_failed', '10.0.0.2', 'throttled'],
      ['request_refused', '10.0.0.1', 'throttled'],
    ])
    advance(29)
    await call('/sign-in/email')
    expect(events).toHaveLength(3)
    advance(1)
    await call('/sign-in/email')
    expect(events).toHaveLength(4)
  })

  it('keys a lock by the email whatever the address, naming only a known account', async () => {
    const locked = () =>
      new Response(JSON.stringify({ code: 'TOO_MANY_ATTEMPTS', message: 'locked' }), {
        status: 429,
        headers: { 'content-type': 'application/json', 'retry-after': '900' },
      })
    const { events, call } = setup(locked)
    await call('/sign-in/email', '10.0.0.1', { email: ' Rita@Example.com ', password: 'pw one' })
    await call('/sign-in/email', '10.0.0.2', { email: 'rita@example.com', password: 'pw two' })
    await call('/sign-in/email', '10.0.0.3', { email: 'nobody@example.com', password: 'pw 3' })
    expect(events).toEqual([
      {
        action: 'sign_in_failed',
        userId: 'u1',
        detail: {
          address: '10.0.0.1',
          user_agent: null,
          method: 'password',
          reason: 'locked',
          email: 'rita@example.com',
        },
      },
      {
        action: 'sign_in_failed',
        userId: undefined,
        detail: { address: '10.0.0.3', user_agent: null, method: 'password', reason: 'locked' },
      },
    ])
    expect(JSON.stringify(events)).not.toMatch(/pw |nobody/)
  })

  it('leaves other answers, and refusals the route already reported, alone', async () => {
    const answers = [
      new Response('{}', { status: 200 }),
      new Response(JSON.stringify({ code: 'INVALID_EMAIL_OR_PASSWORD' }), { status: 401 }),
      new Response(JSON.stringify({ code: 'ACCOUNT_TEMPORARILY_LOCKED' }), { status: 429 }),
      new Response(JSON.stringify({ code: 'FORBIDDEN' }), { status: 403 }),
    ]
    const { events, call } = setup(() => answers.shift() ?? new Response(null, { status: 204 }))
    for (let n = 0; n < 4; n += 1) await call('/two-factor/verify-totp')
    expect(events).toEqual([])

    const origin = () => new Response(JSON.stringify({ code: 'INVALID_ORIGIN' }), { status: 403 })
    const reported = setup((request) => {
      if (request.headers.get(clientAddressHeader) === '10.0.0.9') noteReported(request)
      return origin()
    })
    await reported.call('/sign-in/email', '10.0.0.9')
    await reported.call('/sign-out', '10.0.0.8')
    expect(reported.events.map((e) => [e.action, e.detail.path, e.detail.reason])).toEqual([
      ['request_refused', '/sign-out', 'foreign_origin'],
    ])
  })

  it('reports no new key while maxKeys keys are quiet, whatever the number of addresses', async () => {
    const { events, call, advance } = setup(() => limited(60), 2)
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.1']) {
      await call('/sign-in/email', address)
    }
    expect(events.map((e) => e.detail.address)).toEqual(['10.0.0.1', '10.0.0.2'])
    advance(60)
    await call('/sign-in/email', '10.0.0.3')
    expect(events.map((e) => e.detail.address)).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3'])
  })
})

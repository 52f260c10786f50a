/**
 * A real OpenID Connect provider in-process, for the provider sign-in suites: `oidc-provider`
 * on 127.0.0.1 (discovery, authorization with PKCE, token, userinfo, JWKS; ID tokens signed with
 * an RSA key made per run), one confidential client, and people who "log in" without a form —
 * the test says who the next person at the provider is, and the provider's login and consent
 * steps complete for them. `authorize` plays the browser at the provider: it follows the
 * provider's redirects with the provider's own cookies until the provider sends it back to the
 * app, and returns that callback URL.
 *
 * @example
 *   const idp = await startTestOidcProvider({ redirectUris: ['http://localhost/api/v1/auth/callback/corp_sso'] })
 *   idp.signInAs({ sub: 'u1', email: 'ann@example.com', emailVerified: true, name: 'Ann' })
 *   const callback = await idp.authorize(authorizationUrl) // → http://localhost/…?code=…&state=…
 *   await idp.close()
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'

/** A person with an account at the provider. */
export interface ProviderPerson {
  readonly sub: string
  readonly email: string
  readonly emailVerified: boolean
  readonly name: string
  /** More claims the provider releases with the profile (e.g. ones naming access columns). */
  readonly extra?: Readonly<Record<string, unknown>> | undefined
}

export interface TestOidcProvider {
  /** `http://127.0.0.1:<port>`: the issuer, below which discovery lives. */
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string
  /** Who logs in at the provider from now on. */
  signInAs(person: ProviderPerson): void
  /** Follows the provider's redirects from an authorization URL back to the app: that URL. */
  authorize(authorizationUrl: string): Promise<string>
  /** How many token requests the provider answered (each code is exchanged once). */
  readonly tokenRequests: () => number
  close(): Promise<void>
}

export interface TestOidcProviderOptions {
  /** The app's callback URLs, registered for the client. */
  readonly redirectUris: readonly string[]
  readonly clientId?: string | undefined
  /** Default: a random one. */
  readonly clientSecret?: string | undefined
  /** Default: any free port. */
  readonly port?: number | undefined
}

export async function startTestOidcProvider(
  options: TestOidcProviderOptions,
): Promise<TestOidcProvider> {
  const people = new Map<string, ProviderPerson>()
  let current: ProviderPerson | undefined
  let tokenRequests = 0
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end()
  const server = createServer((req, res) => handle(req, res))
  await new Promise<void>((listening) => server.listen(options.port ?? 0, '127.0.0.1', listening))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const clientId = options.clientId ?? 'objectos-test'
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url')
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const signingKey = {
    ...privateKey.export({ format: 'jwk' }),
    kid: 'test',
    use: 'sig',
    alg: 'RS256',
  }

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [...options.redirectUris],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    async findAccount(_ctx: unknown, sub: string) {
      const person = people.get(sub)
      if (person === undefined) return undefined
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: person.email,
          email_verified: person.emailVerified,
          name: person.name,
          ...person.extra,
        }),
      }
    },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'is_admin', 'isAdmin', 'active'],
    },
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
    },
    pkce: { required: () => true },
  })
  const callback = provider.callback()

  /** The provider's login and consent pages, answered for the current person at once. */
  async function interact(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res)
    if (details.prompt.name === 'login') {
      if (current === undefined) throw new Error('nobody to sign in at the provider')
      people.set(current.sub, current)
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: current.sub } },
        { mergeWithLastSubmission: false },
      )
      return
    }
    const missing = details.prompt.details as {
      missingOIDCScope?: string[]
      missingOIDCClaims?: string[]
      missingResourceScopes?: Record<string, string[]>
    }
    const grant =
      details.grantId === undefined
        ? new provider.Grant({
            accountId: details.session?.accountId ?? '',
            clientId: String(details.params.client_id),
          })
        : await provider.Grant.find(details.grantId)
    if (grant === undefined) throw new Error('the grant is gone')
    if (missing.missingOIDCScope !== undefined)
      grant.addOIDCScope(missing.missingOIDCScope.join(' '))
    if (missing.missingOIDCClaims !== undefined) grant.addOIDCClaims(missing.missingOIDCClaims)
    for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
      grant.addResourceScope(resource, scopes.join(' '))
    }
    const grantId = await grant.save()
    await provider.interactionFinished(req, res, { consent: { grantId } })
  }

  handle = (req, res) => {
    if (req.url?.startsWith('/interaction/') === true) {
      interact(req, res).catch((error: unknown) => {
        res.statusCode = 500
        res.end(String(error))
      })
      return
    }
    if (req.url?.startsWith('/token') === true) tokenRequests++
    callback(req, res)
  }

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs(person) {
      current = person
    },
    async authorize(authorizationUrl) {
      const jar = new Map<string, string>()
      let url = authorizationUrl
      for (let hop = 0; hop < 10; hop++) {
        if (!url.startsWith(issuer)) return url
        const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
        const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} })
        for (const line of res.headers.getSetCookie()) {
          const [pair = ''] = line.split(';')
          const at = pair.indexOf('=')
          const name = pair.slice(0, at)
          const value = pair.slice(at + 1)
          if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name)
          else jar.set(name, value)
        }
        const location = res.headers.get('location')
        if (location === null) {
          throw new Error(
            `the provider answered ${res.status} without a redirect: ${await res.text()}`,
          )
        }
        url = new URL(location, url).toString()
      }
      throw new Error('the provider redirected too often')
    },
    tokenRequests: () => tokenRequests,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((closed) => server.close(() => closed()))
    },
  }
}

/**
 * External sign-in providers from the app manifest (`auth.providers` in `objectos.yaml`), made
 * into better-auth configuration: `oidc` providers for the generic OAuth plugin (endpoints and
 * keys from their discovery document, ID tokens checked against its JWKS), `google`, `github` and
 * `microsoft` as better-auth's own social providers. Each client secret is read from the
 * environment variable the manifest names; an unset variable stops the start with
 * `OOS_AUTH_PROVIDER_SECRET_MISSING`, naming the provider, the manifest and the variable.
 *
 * Every provider is used through better-auth's redirect flow only: `POST /sign-in/social`
 * (`{ provider, callbackURL }`) answers the provider's authorization URL, and the provider sends
 * the browser back to `/callback/{id}`. Signing in by posting an ID token obtained elsewhere is
 * refused, since such a token is bound to no state or nonce this app issued.
 *
 * @example
 *   const providers = signInProviders(registry.manifest, process.env)
 *   betterAuth({ socialProviders: providers.social, plugins: [genericOAuth({ config: providers.oidc })] })
 */
import { AuthProviderSecretMissing } from '@objectos/errors'
import type { BetterAuthOptions, BetterAuthPlugin, GenericEndpointContext } from 'better-auth'
import { APIError, createAuthMiddleware } from 'better-auth/api'
import type { GenericOAuthConfig } from 'better-auth/plugins/generic-oauth'
import type { AuthProviderNode, ManifestNode, OidcProviderNode } from '../ir/manifest-node.js'
import { clientDetail, type AuthAction, type AuthDetail, type AuthEvent } from './auth-event.js'

/** The route that starts a provider sign-in, and the one the provider sends the browser back to. */
export const providerSignInPath = '/sign-in/social'
export const providerCallbackPath = '/callback/:id'

/** What an OIDC provider is asked for when the manifest lists no scopes. */
export const defaultOidcScopes: readonly string[] = ['openid', 'email', 'profile']

export type SocialProviderOptions = NonNullable<BetterAuthOptions['socialProviders']>

export interface SignInProviders {
  /** The built-in types, for better-auth's `socialProviders`. */
  readonly social: SocialProviderOptions
  /** The OpenID Connect providers, for the generic OAuth plugin. */
  readonly oidc: readonly GenericOAuthConfig[]
  /** Every provider id, in manifest order. */
  readonly ids: readonly string[]
}

export interface SignInProviderSettings {
  /** Whether a provider sign-in may create a user for an email nobody has (default true). */
  readonly signUp?: boolean | undefined
  /** Refuse a session while the user's email is unverified, as password sign-in does then. */
  readonly requireEmailVerification?: boolean | undefined
}

/**
 * The better-auth configuration of the manifest's providers, with their secrets read from `env`.
 * Throws OOS_AUTH_PROVIDER_SECRET_MISSING for the first provider whose variable is unset or empty.
 */
export function signInProviders(
  manifest: ManifestNode,
  env: Readonly<Record<string, string | undefined>>,
  settings: SignInProviderSettings = {},
): SignInProviders {
  const rules: ProviderRules = {
    disableSignUp: settings.signUp === false,
    requireEmailVerification: settings.requireEmailVerification === true,
  }
  const social: Record<string, unknown> = {}
  const oidc: GenericOAuthConfig[] = []
  for (const provider of manifest.authProviders) {
    const clientSecret = env[provider.clientSecretEnv]
    if (clientSecret === undefined || clientSecret === '') {
      throw AuthProviderSecretMissing.create(provider.id, manifest.file, provider.clientSecretEnv)
    }
    if (provider.type === 'oidc') oidc.push(oidcConfig(provider, clientSecret, rules))
    else social[provider.type] = socialConfig(provider, clientSecret, rules)
  }
  return {
    social: social as SocialProviderOptions,
    oidc,
    ids: manifest.authProviders.map((provider) => provider.id),
  }
}

interface ProviderRules {
  readonly disableSignUp: boolean
  readonly requireEmailVerification: boolean
}

function oidcConfig(
  provider: OidcProviderNode,
  clientSecret: string,
  rules: ProviderRules,
): GenericOAuthConfig {
  return {
    providerId: provider.id,
    name: provider.label,
    discoveryUrl: provider.discoveryUrl,
    // Only a provider whose discovery document gives an issuer and a JWKS is used: its ID tokens
    // are verified (signature, issuer, audience, nonce) before anyone is signed in.
    requireIdTokenVerification: true,
    clientId: provider.clientId,
    clientSecret,
    tokenEndpointAuth: { method: provider.tokenAuthMethod },
    scopes: [...(provider.scopes ?? defaultOidcScopes)],
    pkce: true,
    ...rules,
  }
}

function socialConfig(provider: AuthProviderNode, clientSecret: string, rules: ProviderRules) {
  return {
    clientId: provider.clientId,
    clientSecret,
    ...(provider.scopes === undefined ? {} : { scope: [...provider.scopes] }),
    ...rules,
    // Redirect flow only (see above).
    disableIdTokenSignIn: true,
    ...(provider.type === 'microsoft'
      ? {
          tenantId:
            'tenantId' in provider && provider.tenantId !== undefined
              ? provider.tenantId
              : 'common',
          // The photo would be stored in sys_user.image as a data URL.
          disableProfilePhoto: true,
        }
      : {}),
  }
}

type Report = (event: AuthEvent) => Promise<void>

/**
 * The engine's rules around provider sign-in, as a better-auth plugin: `POST /sign-in/social`
 * with an `idToken` is refused (400), and — with a listener — a session made by a provider
 * callback is reported as `sign_in`, a user it creates as `sign_up`, both with the provider id.
 */
export function providerSignInPlugin(report: Report | undefined) {
  const detail = (ctx: GenericEndpointContext): AuthDetail => ({
    ...clientDetail(ctx.headers),
    method: 'provider',
    provider: typeof ctx.params?.id === 'string' ? ctx.params.id : null,
  })
  const onCallback = async (
    action: AuthAction,
    userId: string,
    ctx: GenericEndpointContext | null,
  ) => {
    if (report === undefined || ctx?.path !== providerCallbackPath) return
    await report({ action, userId, detail: detail(ctx) })
  }
  return {
    id: 'objectos-provider-sign-in',
    hooks: {
      before: [
        {
          matcher: (ctx: { path?: string }) => ctx.path === providerSignInPath,
          handler: createAuthMiddleware(async (ctx) => {
            const body = ctx.body as { idToken?: unknown } | undefined
            if (body?.idToken !== undefined) {
              throw new APIError('BAD_REQUEST', {
                code: 'ID_TOKEN_SIGN_IN_DISABLED',
                message: 'sign in through the provider redirect: an ID token is not accepted here',
              })
            }
          }),
        },
      ],
    },
    init() {
      return {
        options: {
          databaseHooks: {
            user: {
              create: {
                async after(user: { id: string }, ctx: GenericEndpointContext | null) {
                  await onCallback('sign_up', String(user.id), ctx)
                },
              },
            },
            session: {
              create: {
                async after(session: { userId: string }, ctx: GenericEndpointContext | null) {
                  await onCallback('sign_in', String(session.userId), ctx)
                },
              },
            },
          },
        },
      }
    },
  } satisfies BetterAuthPlugin
}

/**
 * The app manifest (`objectos.yaml`), one per app folder. The spec's package manifest describes
 * plugin packaging ObjectOS does not do, so ObjectOS defines its own small manifest and borrows the
 * spec's identifier and semantic-version patterns.
 *
 * `auth.providers` lists the external sign-in providers, keyed by provider id: the key is the id
 * in the callback URL, so two providers can never share one. Any id may name an OpenID Connect
 * provider (`type: oidc`); the built-in types `google`, `github` and `microsoft` live under the key
 * of the same name, since that is the id their callback uses. A client secret is never written in
 * the manifest, only the name of the environment variable that holds it.
 */
import { z } from 'zod'
import { ManifestSchema } from '@objectstack/spec/kernel'
import { SnakeCaseIdentifierSchema } from '@objectstack/spec/shared'

/** A provider id: lowercase letters and digits, words joined by `_` or `-`. */
export const providerIdPattern = '^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$'

/** Ids better-auth gives its own accounts; a provider may not take them. */
export const reservedProviderIds = ['credential'] as const

/** The built-in provider types, each under the key of its own name. */
export const builtInProviderTypes = ['google', 'github', 'microsoft'] as const

const envName = z
  .string()
  .regex(/^[A-Z_][A-Z0-9_]*$/)
  .max(128)
  .describe(
    'The NAME of the environment variable that holds the client secret (e.g. ' +
      'CORP_SSO_CLIENT_SECRET). `objectos serve` refuses to start while it is unset.',
  )

/** An http(s) URL (http for a provider on the same machine or network, e.g. in tests). */
const httpUrl = z.url({ protocol: /^https?$/ }).meta({ pattern: '^https?://\\S+$' })

/** The keys every provider has. */
const common = {
  label: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('What a sign-in button says ("Sign in with …"); default: the provider id'),
  clientId: z.string().min(1).describe('The client id the provider gave this app'),
  clientSecretEnv: envName,
  clientSecret: z
    .never()
    .optional()
    .describe(
      'Not allowed: a client secret never goes in YAML, which ends up in git. Delete the key, ' +
        'put the secret in an environment variable and write that variable name in ' +
        '`clientSecretEnv`.',
    ),
  scopes: z
    .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]+$/))
    .optional()
    .describe(
      'Scopes to ask for. oidc: default openid, email, profile (openid is always added); ' +
        'built-in types: added to the scopes the type always asks for',
    ),
}

const oidcType = z.literal('oidc').describe('An OpenID Connect provider, found by discovery')

const tokenAuthMethod = z
  .enum(['client_secret_basic', 'client_secret_post'])
  .optional()
  .describe('How the client authenticates at the token endpoint (default client_secret_basic)')

/** An OIDC provider is found through its issuer or its discovery URL: one of the two, not both. */
const OidcProviderSchema = z
  .union([
    z
      .strictObject({
        type: oidcType,
        issuer: httpUrl.describe(
          'The issuer URL; its discovery document is {issuer}/.well-known/openid-configuration',
        ),
        tokenAuthMethod,
        ...common,
      })
      .describe('An OpenID Connect provider found through its issuer'),
    z
      .strictObject({
        type: oidcType,
        discoveryUrl: httpUrl.describe(
          'The full URL of the discovery document (…/.well-known/openid-configuration)',
        ),
        tokenAuthMethod,
        ...common,
      })
      .describe('An OpenID Connect provider found through its discovery URL'),
  ])
  .describe('An OpenID Connect provider: give its issuer or its discovery URL (not both)')

const GoogleProviderSchema = z
  .strictObject({ type: z.literal('google').describe('Sign in with Google'), ...common })
  .describe('Google (better-auth built-in); the callback id is google')

const GithubProviderSchema = z
  .strictObject({ type: z.literal('github').describe('Sign in with GitHub'), ...common })
  .describe('GitHub (better-auth built-in, OAuth 2.0); the callback id is github')

const MicrosoftProviderSchema = z
  .strictObject({
    type: z.literal('microsoft').describe('Sign in with Microsoft Entra ID'),
    tenantId: z
      .string()
      .regex(/^[A-Za-z0-9.-]+$/)
      .optional()
      .describe('The directory (tenant) id or domain; default common (any account)'),
    ...common,
  })
  .describe('Microsoft Entra ID (better-auth built-in); the callback id is microsoft')

/** The providers, keyed by id. */
export const AuthProvidersSchema = z
  .object({
    google: GoogleProviderSchema.optional(),
    github: GithubProviderSchema.optional(),
    microsoft: MicrosoftProviderSchema.optional(),
  })
  .catchall(OidcProviderSchema)
  .superRefine((providers, ctx) => {
    for (const id of Object.keys(providers)) {
      if (
        !new RegExp(providerIdPattern).test(id) ||
        id.length > 64 ||
        (reservedProviderIds as readonly string[]).includes(id)
      ) {
        ctx.addIssue({ code: 'custom', path: [id], message: `"${id}" is not a provider id` })
      }
    }
  })
  .meta({
    propertyNames: {
      type: 'string',
      pattern: providerIdPattern,
      maxLength: 64,
      not: { enum: [...reservedProviderIds] },
    },
  })
  .describe(
    'Sign-in providers keyed by id (lowercase, words joined by _ or -), the id in the callback ' +
      'URL {OBJECTOS_BASE_URL}/api/v1/auth/callback/{id}. google, github and microsoft are the ' +
      'built-in types under their own key; any other key is an OpenID Connect provider (type: oidc).',
  )

export const AuthSettingsSchema = z
  .strictObject({ providers: AuthProvidersSchema.optional() })
  .describe('Sign-in settings of the app')

/** The zod schema of `objectos.yaml`. */
export const AppManifestSchema = z
  .strictObject({
    name: SnakeCaseIdentifierSchema.describe('Machine name of the app (snake_case)'),
    label: z.string().min(1).optional().describe('Human readable name of the app'),
    description: z.string().optional().describe('What the app is for'),
    version: ManifestSchema.shape.version.optional(),
    auth: AuthSettingsSchema.optional(),
  })
  .describe(
    'The ObjectOS app manifest (objectos.yaml). Defined by ObjectOS; name and version reuse the ' +
      'patterns of @objectstack/spec/shared SnakeCaseIdentifierSchema and @objectstack/spec/kernel ' +
      'ManifestSchema.',
  )

export type AppManifest = z.infer<typeof AppManifestSchema>

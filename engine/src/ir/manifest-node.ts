/**
 * The compiled app manifest (`objectos.yaml`): what the engine reads from it besides the app's
 * name — the external sign-in providers. A provider names the environment variable of its client
 * secret, never the secret; the identity layer reads the variable when it starts.
 */

/** The built-in provider types better-auth ships that ObjectOS wires. */
export type BuiltInProviderType = 'google' | 'github' | 'microsoft'

interface ProviderBase {
  /** The key under `auth.providers`: the id in the callback URL and in stored accounts. */
  readonly id: string
  /** What a sign-in button says; the id when the manifest gives none. */
  readonly label: string
  readonly clientId: string
  /** The NAME of the environment variable that holds the client secret. */
  readonly clientSecretEnv: string
  /** The scopes the manifest asks for, when it lists them. */
  readonly scopes: readonly string[] | undefined
}

/** An OpenID Connect provider, found through its discovery document. */
export interface OidcProviderNode extends ProviderBase {
  readonly type: 'oidc'
  /** `{issuer}/.well-known/openid-configuration`, or the manifest's `discoveryUrl`. */
  readonly discoveryUrl: string
  readonly tokenAuthMethod: 'client_secret_basic' | 'client_secret_post'
}

export interface BuiltInProviderNode extends ProviderBase {
  readonly type: BuiltInProviderType
  /** Microsoft only: the directory (tenant), `common` by default. */
  readonly tenantId?: string | undefined
}

export type AuthProviderNode = OidcProviderNode | BuiltInProviderNode

export interface ManifestNode {
  readonly kind: 'manifest'
  readonly name: string
  /** The manifest file, relative to the app folder (`objectos.yaml`). */
  readonly file: string
  /** The sign-in providers in manifest order. */
  readonly authProviders: readonly AuthProviderNode[]
}

/** The manifest of an app whose registry was made without one (tests, previews). */
export function emptyManifest(name: string): ManifestNode {
  return Object.freeze({ kind: 'manifest', name, file: 'objectos.yaml', authProviders: [] })
}

/**
 * The manifest document → a frozen ManifestNode. The schema has checked its shape already
 * (provider ids, exactly one of `issuer` and `discoveryUrl`, no literal secret), so this only
 * settles defaults: the discovery URL below the issuer, client_secret_basic at the token endpoint,
 * the id as the label.
 *
 * @example
 *   compileManifest({ name: 'crm', auth: { providers: { corp_sso: { type: 'oidc', … } } } },
 *     'objectos.yaml')
 *   // → { kind: 'manifest', name: 'crm', authProviders: [{ id: 'corp_sso', … }] }
 */
import type { AuthProviderNode, BuiltInProviderType, ManifestNode } from '../ir/manifest-node.js'

type Def = Readonly<Record<string, unknown>>

export const discoveryPath = '/.well-known/openid-configuration'

export function compileManifest(def: Def, file: string): ManifestNode {
  const auth = (def.auth ?? {}) as Def
  const providers = (auth.providers ?? {}) as Readonly<Record<string, Def>>
  return Object.freeze({
    kind: 'manifest' as const,
    name: typeof def.name === 'string' ? def.name : 'app',
    file,
    authProviders: Object.freeze(
      Object.entries(providers).map(([id, provider]) => compileProvider(id, provider)),
    ),
  })
}

function compileProvider(id: string, def: Def): AuthProviderNode {
  const base = {
    id,
    label: typeof def.label === 'string' ? def.label : id,
    clientId: String(def.clientId),
    clientSecretEnv: String(def.clientSecretEnv),
    scopes: Array.isArray(def.scopes) ? Object.freeze(def.scopes.map(String)) : undefined,
  }
  if (def.type === 'oidc') {
    const issuer = typeof def.issuer === 'string' ? def.issuer.replace(/\/+$/, '') : undefined
    return Object.freeze({
      ...base,
      type: 'oidc' as const,
      discoveryUrl:
        typeof def.discoveryUrl === 'string' ? def.discoveryUrl : `${issuer}${discoveryPath}`,
      tokenAuthMethod:
        def.tokenAuthMethod === 'client_secret_post' ? 'client_secret_post' : 'client_secret_basic',
    })
  }
  return Object.freeze({
    ...base,
    type: def.type as BuiltInProviderType,
    ...(typeof def.tenantId === 'string' ? { tenantId: def.tenantId } : {}),
  })
}

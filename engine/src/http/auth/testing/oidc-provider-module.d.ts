/**
 * The part of `oidc-provider` (which ships no types) the test OpenID Connect provider uses.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  export interface Interaction {
    readonly uid: string
    readonly prompt: { readonly name: string; readonly details: Readonly<Record<string, unknown>> }
    readonly params: Readonly<Record<string, unknown>>
    readonly session?: { readonly accountId?: string } | undefined
    readonly grantId?: string | undefined
  }

  export interface Grant {
    addOIDCScope(scope: string): void
    addOIDCClaims(claims: readonly string[]): void
    addResourceScope(resource: string, scope: string): void
    save(): Promise<string>
  }

  export interface GrantModel {
    new (init: { accountId: string; clientId: string }): Grant
    find(id: string): Promise<Grant | undefined>
  }

  export default class Provider {
    constructor(issuer: string, configuration?: Readonly<Record<string, unknown>>)
    readonly Grant: GrantModel
    callback(): (req: IncomingMessage, res: ServerResponse) => void
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: Readonly<Record<string, unknown>>,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>
  }
}

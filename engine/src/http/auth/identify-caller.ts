/**
 * The `identify` every served app uses: the caller's session cookie or API key (authenticate)
 * names a user, and that user's permissions are read from the database (loadPrincipal). Nobody
 * — no credentials, an expired session, a revoked key, an inactive user — is undefined (401).
 * A session's active organization becomes the principal's (`current_user.activeOrganization`)
 * while the user is still a member of it; an API key has no session, so no active organization.
 *
 * @example
 *   buildServer({ …, identity, identify: identifyCaller(db) })
 */
import { loadPrincipal } from '../../data/access/load-principal.js'
import type { Database } from '../../data/connection/database.js'
import { sessionActiveOrganization } from '../../identity/organizations.js'
import type { Identify } from '../request-principal.js'
import { authenticate, sessionToken } from './authenticate.js'

export function identifyCaller(db: Database): Identify {
  return async (request) => {
    const caller = await authenticate(request)
    if (caller === undefined) return undefined
    const token = caller.via === 'session' ? sessionToken(request) : undefined
    const activeOrganization =
      token === undefined ? undefined : await sessionActiveOrganization(db, token, caller.userId)
    return loadPrincipal(db, caller.userId, { activeOrganization })
  }
}

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
import type { Identify } from '../request-principal.js'
import { authenticate } from './authenticate.js'

export function identifyCaller(db: Database): Identify {
  return async (request) => {
    const caller = await authenticate(request)
    if (caller === undefined) return undefined
    return loadPrincipal(db, caller.userId, { activeOrganization: caller.activeOrganization })
  }
}

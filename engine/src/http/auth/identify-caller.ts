/**
 * The `identify` every served app uses: the caller's session cookie or API key (authenticate)
 * names a user, and that user's permissions are read from the database (loadPrincipal). Nobody
 * — no credentials, an expired session, a revoked key, an inactive user — is undefined (401).
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
    return caller === undefined ? undefined : loadPrincipal(db, caller.userId)
  }
}

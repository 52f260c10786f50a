/**
 * The identity layer as a kernel plugin: provides the `identity` service at init (so the HTTP
 * plugin can mount the auth routes while it builds the server) and makes it ready at start,
 * after the data plugin has migrated `sys_user`: the auth tables and the signing secret, then —
 * with `bootstrap` (as `serve` runs it), when `OBJECTOS_ADMIN_EMAIL` and `OBJECTOS_ADMIN_PASSWORD`
 * are set and there is no administrator yet — the first administrator. Deleting a user removes
 * their sessions, passwords and API keys; deactivating one ends their sessions.
 *
 * @example
 *   const app = await openApp({ dir, plugins: [httpPlugin()] }) // identity is a core plugin
 *   const identity = app.kernel.services.get<Identity>('identity')
 */
import type { Database } from '../../data/connection/database.js'
import type { RecordService } from '../../data/record-service.js'
import { authBasePath } from '../../identity/auth-options.js'
import { bootstrapAdmin } from '../../identity/bootstrap-admin.js'
import {
  createIdentity,
  type Identity,
  type IdentityOptions,
} from '../../identity/create-identity.js'
import { forgetUser, endSessions } from '../../identity/user-cleanup.js'
import { userObject } from '../../identity/user-defaults.js'
import { definePlugin } from '../../runtime/define-plugin.js'

export interface IdentityPluginOptions extends Omit<IdentityOptions, 'registry'> {
  /** Create the first administrator from OBJECTOS_ADMIN_* at start (`serve` does). */
  readonly bootstrap?: boolean | undefined
  /** Where bootstrap messages go (never a password). Default: nowhere. */
  readonly log?: ((line: string) => void) | undefined
}

export function identityPlugin(options: IdentityPluginOptions = {}) {
  let ready: Identity | undefined
  const current = (): Identity => {
    if (ready === undefined) throw new Error('the identity service is not started yet')
    return ready
  }
  const service: Identity = {
    basePath: authBasePath,
    handler: (request) => current().handler(request),
    sessionUser: (headers) => current().sessionUser(headers),
    apiKeyUser: (key) => current().apiKeyUser(key),
    createUser: (user) => current().createUser(user),
    findUserByEmail: (email) => current().findUserByEmail(email),
  }
  return definePlugin({
    name: 'identity',
    dependencies: ['data'],
    init(ctx) {
      ctx.services.provide('identity', service)
      ctx.hooks.on('afterDelete', async ({ object, record, trx }) => {
        if (object.name === userObject) await forgetUser(trx, String(record.id))
      })
      ctx.hooks.on('afterUpdate', async ({ object, record, previous, trx }) => {
        if (object.name === userObject && record.active === false && previous?.active !== false) {
          await endSessions(trx, String(record.id))
        }
      })
    },
    async start(ctx) {
      const db = ctx.services.get<Database>('database')
      ready = await createIdentity(db, { ...options, registry: ctx.registry })
      if (options.bootstrap !== true) return
      await bootstrapAdmin(ready, ctx.services.get<RecordService>('data'), {
        env: options.env ?? process.env,
        log: options.log ?? (() => undefined),
      })
    },
  })
}

/**
 * The identity layer as a kernel plugin: provides the `identity` service at init (so the HTTP
 * plugin can mount the auth routes while it builds the server) and makes it ready at start,
 * after the data plugin has migrated `sys_user`: the auth tables and the signing secret, then —
 * with `bootstrap` (as `serve` runs it), when `OBJECTOS_ADMIN_EMAIL` and `OBJECTOS_ADMIN_PASSWORD`
 * are set and there is no administrator yet — the first administrator. Deleting a user removes
 * their sessions, passwords and API keys; deactivating one ends their sessions.
 *
 * Mail: unless an `emailSender` is given, `OBJECTOS_SMTP_URL` (with `OBJECTOS_MAIL_FROM` and
 * `OBJECTOS_BASE_URL`) turns on verification and password-reset mail over SMTP, sent in the
 * background (a failure is logged, never told to the caller); without it those flows are off.
 * `OBJECTOS_REQUIRE_EMAIL_VERIFICATION=true` refuses sign-in until the address is verified, and
 * needs a sender. A malformed setting stops the start at init, before any migration.
 *
 * @example
 *   const app = await openApp({ dir, plugins: [httpPlugin()] }) // identity is a core plugin
 *   const identity = app.kernel.services.get<Identity>('identity')
 */
import { InvalidSetting } from '@objectos/errors'
import type { Database } from '../../data/connection/database.js'
import type { RecordService } from '../../data/record-service.js'
import { authBasePath } from '../../identity/auth-options.js'
import { bootstrapAdmin } from '../../identity/bootstrap-admin.js'
import {
  createIdentity,
  type Identity,
  type IdentityOptions,
} from '../../identity/create-identity.js'
import {
  backgroundEmailSender,
  type BackgroundEmailSender,
  type EmailSender,
} from '../../identity/email-sender.js'
import {
  smtpEmailSender,
  smtpSettings,
  smtpUrlVariable,
  type SmtpEmailSender,
} from '../../identity/smtp-email-sender.js'
import { forgetUser, endSessions } from '../../identity/user-cleanup.js'
import { userObject } from '../../identity/user-defaults.js'
import { definePlugin } from '../../runtime/define-plugin.js'

export interface IdentityPluginOptions extends Omit<IdentityOptions, 'registry'> {
  /** Create the first administrator from OBJECTOS_ADMIN_* at start (`serve` does). */
  readonly bootstrap?: boolean | undefined
  /**
   * Where bootstrap and mail messages go (never a password, never a mailed link). Default:
   * bootstrap messages nowhere, mail failures to stderr.
   */
  readonly log?: ((line: string) => void) | undefined
}

export const requireVerificationVariable = 'OBJECTOS_REQUIRE_EMAIL_VERIFICATION'

type Env = Readonly<Record<string, string | undefined>>

/** What the identity layer mails with, from the options or else from the environment. */
interface MailSetup {
  readonly emailSender: EmailSender | undefined
  readonly requireEmailVerification: boolean | undefined
  /** The SMTP sender made from the environment, closed at stop. */
  readonly smtp?: { readonly sender: SmtpEmailSender; readonly queue: BackgroundEmailSender }
}

function mailSetup(options: IdentityPluginOptions, env: Env): MailSetup {
  const required = requireVerification(env)
  const explicit = options.requireEmailVerification
  if (options.emailSender !== undefined) {
    return { emailSender: options.emailSender, requireEmailVerification: explicit ?? required }
  }
  const settings = smtpSettings(env)
  if (settings === undefined) {
    if (explicit === undefined && required) {
      throw InvalidSetting.create(
        requireVerificationVariable,
        `it needs ${smtpUrlVariable}: without mail nobody could verify an address and sign in`,
      )
    }
    return { emailSender: undefined, requireEmailVerification: explicit }
  }
  if ((options.baseURL ?? (env.OBJECTOS_BASE_URL?.trim() || undefined)) === undefined) {
    throw InvalidSetting.create(
      smtpUrlVariable,
      'it needs OBJECTOS_BASE_URL too: mailed links are built from the public URL of the app',
    )
  }
  const sender = smtpEmailSender(settings)
  const log = options.log ?? ((line: string) => process.stderr.write(`objectos: ${line}\n`))
  options.log?.(`mail goes out through ${sender.server} (from ${smtpUrlVariable})`)
  const queue = backgroundEmailSender(sender, (message, error) => {
    const reason = error instanceof Error ? error.message : String(error)
    log(`could not send the ${message.kind} mail to ${message.to}: ${reason}`)
  })
  return {
    emailSender: queue,
    requireEmailVerification: explicit ?? required,
    smtp: { sender, queue },
  }
}

/** OBJECTOS_REQUIRE_EMAIL_VERIFICATION: `true` or `false` (unset: false). */
function requireVerification(env: Env): boolean {
  const text = env[requireVerificationVariable]?.trim().toLowerCase() ?? ''
  if (text === '' || text === 'false') return false
  if (text === 'true') return true
  throw InvalidSetting.create(
    requireVerificationVariable,
    `it must be true or false, not "${env[requireVerificationVariable] ?? ''}"`,
  )
}

export function identityPlugin(options: IdentityPluginOptions = {}) {
  let ready: Identity | undefined
  let mail: MailSetup | undefined
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
      mail = mailSetup(options, options.env ?? process.env)
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
      ready = await createIdentity(db, {
        ...options,
        emailSender: mail?.emailSender,
        requireEmailVerification: mail?.requireEmailVerification,
        registry: ctx.registry,
      })
      if (options.bootstrap !== true) return
      await bootstrapAdmin(ready, ctx.services.get<RecordService>('data'), {
        env: options.env ?? process.env,
        log: options.log ?? (() => undefined),
      })
    },
    async stop() {
      // Mail already handed over still goes out before the process ends.
      await mail?.smtp?.queue.idle()
      mail?.smtp?.sender.close()
    },
  })
}

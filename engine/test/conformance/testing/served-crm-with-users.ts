/**
 * The example CRM served in-process with its real identity layer — no test `identify`: every
 * request is judged by its session cookie or API key, as in production — and the sales team of
 * crm-sales-team.ts: users made the way `objectos user create` makes them (identity service,
 * then permission sets through the record service), managers set by the administrator over
 * REST, every member signed in over HTTP for a real session cookie, and an API key Rita made
 * for herself. Records are seeded by the engine with their owners. One fresh database per
 * describe block (its own PostgreSQL schema, dropped afterwards).
 *
 * @example
 *   const crm = useCrmWithUsers(dialect)
 *   const res = await crm().rest('rita', 'GET', 'data/opportunity?sort=name')
 */
import { randomBytes } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll } from 'vitest'
import { openApp, type App } from '../../../src/boot/open-app.js'
import type { Dialect } from '../../../src/data/connection/database.js'
import { cookiesOf } from '../../../src/http/auth/testing/auth-server.js'
import { graphqlPath } from '../../../src/http/graphql/graphql-plugin.js'
import type { GraphqlBody } from '../../../src/http/graphql/testing/graphql-test-app.js'
import type { Identity } from '../../../src/identity/create-identity.js'
import { assignPermissionSet, makeAdmin } from '../../../src/identity/user-provisioning.js'
import { httpPlugin } from '../../../src/plugins/http/http-plugin.js'
import { postgresTestUrl } from '../../../src/testing/test-database.js'
import { crmObjects, emailOf, password, seed, team, type Member } from './crm-sales-team.js'
import type { Caller } from './crm-visibility.js'

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'
export type Row = Record<string, unknown>
/** A caller of the fixture, or the exact headers to send instead. */
export type As = Caller | Readonly<Record<string, string>>

/** The origin a browser on the served app sends (inject's host is localhost). */
export const appOrigin = 'http://localhost'

export interface AuthCall {
  readonly cookie?: string | undefined
  /** The client address; default: a fresh one, so per-address throttling never interferes. */
  readonly address?: string | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
}

export interface CrmWithUsers {
  readonly app: App
  readonly server: FastifyInstance
  readonly identity: Identity
  readonly userIds: Readonly<Record<Member, string>>
  /** Seed record ids by name. */
  readonly ids: Readonly<Record<string, string>>
  /** Rita's integrator key, as `api-key/create` answered it (the key is shown only there). */
  readonly ritaKey: { readonly id: string; readonly key: string }
  /** The session cookie each member got at sign-in (`name=value`). */
  readonly cookies: Readonly<Record<Member, string>>
  /** The headers a request from `caller` carries. */
  credentials(caller: Caller): Record<string, string>
  /** A request to `/api/v1/<path>`; `body` may be raw JSON text. */
  rest(as: As, method: Method, path: string, body?: unknown): Promise<LightMyRequestResponse>
  /** A GraphQL request: its status and parsed body (a problem for a 401). */
  gql(as: As, query: string, variables?: Row): Promise<{ status: number; body: GraphqlBody & Row }>
  /** A request to `/api/v1/auth<path>`. */
  auth(
    method: Method,
    path: string,
    body?: unknown,
    call?: AuthCall,
  ): Promise<LightMyRequestResponse>
  /** Signs `member` in over HTTP and returns the session cookie, failing otherwise. */
  signIn(member: Member): Promise<string>
  /** A client address no request has come from yet. */
  freshAddress(): string
  /** Every stored record of the CRM and platform objects, read by the engine itself. */
  stored(): Promise<Record<string, readonly Row[]>>
}

export function useCrmWithUsers(dialect: Dialect): () => CrmWithUsers {
  let app: App | undefined
  let crm: CrmWithUsers | undefined
  const schema = `crmusers_${randomBytes(4).toString('hex')}`
  beforeAll(async () => {
    app = await openApp({
      dir: 'examples/crm',
      ...(dialect === 'sqlite'
        ? { databaseUrl: ':memory:' }
        : { databaseUrl: postgresTestUrl, schema }),
      identity: { env: {} },
      plugins: [httpPlugin()],
    })
    crm = await withSalesTeam(app)
  }, 60_000)
  afterAll(async () => {
    if (app === undefined) return
    if (dialect === 'postgres') await app.db.knex.raw('drop schema if exists ?? cascade', [schema])
    await app.close()
  })
  return () => {
    if (crm === undefined) throw new Error('the CRM with users is not served yet')
    return crm
  }
}

/** Provisions the team, signs everyone in, makes Rita's key and seeds the records. */
async function withSalesTeam(app: App): Promise<CrmWithUsers> {
  const server = app.kernel.services.get<FastifyInstance>('http')
  const identity = app.kernel.services.get<Identity>('identity')
  let addresses = 0
  const freshAddress = () => {
    addresses += 1
    return `127.0.${100 + Math.floor(addresses / 250)}.${1 + (addresses % 250)}`
  }

  const userIds = {} as Record<Member, string>
  const cookies = {} as Record<Member, string>
  const ids: Record<string, string> = {}
  let ritaKey = { id: '', key: '' }

  const credentials = (caller: Caller): Record<string, string> => {
    if (caller === 'anonymous') return {}
    if (caller === 'rita_key') return { authorization: `Bearer ${ritaKey.key}` }
    return { cookie: cookies[caller], origin: appOrigin }
  }
  const headersOf = (as: As) => (typeof as === 'string' ? credentials(as) : as)

  const auth: CrmWithUsers['auth'] = (method, path, body, call = {}) =>
    server.inject({
      method,
      url: `/api/v1/auth${path}`,
      remoteAddress: call.address ?? freshAddress(),
      headers: {
        ...(call.cookie === undefined ? {} : { cookie: call.cookie, origin: appOrigin }),
        ...call.headers,
      },
      ...(body === undefined ? {} : { payload: body as Row }),
    })
  const signIn = async (member: Member) => {
    const res = await auth('POST', '/sign-in/email', { email: emailOf(member), password })
    const cookie = cookiesOf(res)
    if (res.statusCode !== 200 || !cookie.includes('session_token=')) {
      throw new Error(`sign-in of ${member} failed: ${res.statusCode} ${res.body}`)
    }
    return cookie
  }
  const rest: CrmWithUsers['rest'] = (as, method, path, body) =>
    server.inject({
      method,
      url: `/api/v1/${path}`,
      headers: {
        ...headersOf(as),
        ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
      },
      ...(body === undefined ? {} : { payload: body as string }),
    })

  // Provision as an operator would: `objectos user create … [--admin] --permission-set …`.
  const cli = { door: 'cli' } as const
  for (const member of team) {
    const user = await identity.createUser({
      email: emailOf(member.name),
      password,
      name: member.name,
    })
    userIds[member.name] = user.id
    if (member.admin === true) await makeAdmin(app.records, user.id, cli)
    for (const set of member.sets) await assignPermissionSet(app.records, user.id, set, cli)
  }
  for (const member of team) cookies[member.name] = await signIn(member.name)
  // The administrator places reps under their manager, through the data API.
  for (const member of team) {
    if (member.manager === undefined) continue
    const res = await rest('admin', 'PATCH', `data/sys_user/${userIds[member.name]}`, {
      manager: userIds[member.manager],
    })
    if (res.statusCode !== 200) throw new Error(`setting ${member.name}'s manager: ${res.body}`)
  }
  const created = await auth(
    'POST',
    '/api-key/create',
    { name: 'integrator' },
    { cookie: cookies.rita },
  )
  if (created.statusCode !== 200) throw new Error(`rita's API key: ${created.body}`)
  ritaKey = created.json<{ id: string; key: string }>()

  for (const record of seed) {
    const values = Object.fromEntries(
      Object.entries(record.values).map(([field, value]) => [
        field,
        typeof value === 'string' && value.startsWith('@') ? ids[value.slice(1)] : value,
      ]),
    )
    const owner = record.owner === undefined ? {} : { owner_id: userIds[record.owner] }
    ids[record.name] = (await app.records.create(record.object, { ...values, ...owner }))
      .id as string
  }

  return {
    app,
    server,
    identity,
    userIds,
    ids,
    ritaKey,
    cookies,
    credentials,
    rest,
    async gql(as, query, variables) {
      const res = await server.inject({
        method: 'POST',
        url: graphqlPath,
        headers: { ...headersOf(as), 'content-type': 'application/json' },
        payload: JSON.stringify({ query, ...(variables === undefined ? {} : { variables }) }),
      })
      return { status: res.statusCode, body: res.json() }
    },
    auth,
    signIn,
    freshAddress,
    async stored() {
      const out: Record<string, readonly Row[]> = {}
      for (const object of [...Object.keys(crmObjects), 'sys_user', 'sys_permission_assignment']) {
        out[object] = (await app.records.find(object, { sort: ['id'], limit: 500 })).records
      }
      return out
    },
  }
}

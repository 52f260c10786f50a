/**
 * The sharing test app (engine/src/data/access/testing/sharing-test-app.ts) served in-process
 * for the sharing conformance suites, REST and GraphQL: callers are identified by the test-only
 * `x-test-user` header, and an administrator, root, is added to its users. It also writes out
 * what each user must see — the deals ownership, sharing rules, positions and row-level policies
 * reach, as the fixture's doc comment states them — and reads every stored record the access
 * rules guard, through the engine itself, to prove that a refused request changed nothing.
 *
 * @example
 *   const served = useServedSharingApp(dialect)
 *   await served().server.inject({ url: '/api/v1/data/deal', headers: served().headers('fin') })
 */
import type { FastifyInstance } from 'fastify'
import { beforeAll } from 'vitest'
import {
  useSharingApp,
  type SharingFixture,
  type SharingUser,
} from '../../../src/data/access/testing/sharing-test-app.js'
import type { Dialect } from '../../../src/data/connection/database.js'
import {
  identifyByTestHeader,
  testUserHeader,
} from '../../../src/http/testing/identify-by-test-header.js'
import { httpPlugin } from '../../../src/plugins/http/http-plugin.js'

export type Row = Record<string, unknown>
/** A user of the sharing app, or its administrator. */
export type Caller = SharingUser | 'root'

/** A well-formed record id that no record has. */
export const missingId = '01900000-0000-7000-8000-000000000000'

/** The deals each user sees, by name; undefined: no set lets them read deals at all (403). */
export const visibleDeals: Readonly<Record<SharingUser, readonly string[] | undefined>> = {
  rita: ['D1', 'D2'],
  sam: ['D3', 'D4'],
  // partner_deals: the deals naming pat as partner, unless lost (D3 is).
  pat: ['D4'],
  // won_to_finance, through the finance position.
  fin: ['D2'],
  // big_to_vp, shared with vp@example.com: 500 <= amount < 1000.
  vp: ['D2', 'D5'],
  // every deal, narrowed to the regions among reg's positions (emea).
  reg: ['D1', 'D3', 'D5', 'D6'],
  // cap's own deals, narrowed to amount <= 1000.
  cap: ['D5'],
  // rep through the apac_team position; the inactive rule shares nothing.
  ann: [],
  nora: undefined,
}

/** The fixture's deals: name → [amount, region, stage]. */
export const deals: Readonly<Record<string, readonly [number, string, string]>> = {
  D1: [100, 'emea', 'open'],
  D2: [600, 'apac', 'won'],
  D3: [50, 'emea', 'lost'],
  D4: [200, 'apac', 'open'],
  D5: [900, 'emea', 'open'],
  D6: [5000, 'emea', 'open'],
}

/** Every user of the fixture, in a fixed order. */
export const sharingUsers = Object.keys(visibleDeals) as SharingUser[]

/** The objects whose stored records a refused request must leave as they were. */
const guarded = [
  'deal',
  'bulletin',
  'sys_record_share',
  'sys_user_position',
  'sys_permission_assignment',
  'sys_user',
]

export interface ServedSharingApp {
  readonly fixture: SharingFixture
  readonly server: FastifyInstance
  /** A fixture record's id: `d1`…`d6`, `b1`. */
  id(key: string): string
  /** A caller's user id. */
  user(caller: Caller): string
  /** The headers identifying `caller`. */
  headers(caller: Caller): Record<string, string>
  /** Every stored record of the guarded objects, read by the engine itself. */
  stored(): Promise<Record<string, readonly Row[]>>
  /** Every stored share and position assignment, read by the engine itself (to clean up). */
  rows(object: 'sys_record_share' | 'sys_user_position'): Promise<readonly Row[]>
}

export function useServedSharingApp(dialect: Dialect): () => ServedSharingApp {
  const fixture = useSharingApp(dialect, [
    httpPlugin({ identify: identifyByTestHeader(() => fixture().app.db) }),
  ])
  let rootId: string | undefined
  beforeAll(async () => {
    const root = await fixture().app.records.create('sys_user', {
      name: 'root',
      email: 'root@example.com',
      is_admin: true,
    })
    rootId = root.id as string
  })
  const user = (caller: Caller): string => {
    const found = caller === 'root' ? rootId : fixture().userIds[caller]
    if (found === undefined) throw new Error(`no user "${caller}" in the sharing test app`)
    return found
  }
  const rows = async (object: string) =>
    (await fixture().app.records.find(object, { sort: ['id'], limit: 500 })).records
  return () => ({
    fixture: fixture(),
    server: fixture().app.kernel.services.get<FastifyInstance>('http'),
    id: (key) => {
      const found = fixture().ids[key]
      if (found === undefined) throw new Error(`no record "${key}" in the sharing test app`)
      return found
    },
    user,
    headers: (caller) => ({ [testUserHeader]: user(caller) }),
    stored: async () => {
      const out: Record<string, readonly Row[]> = {}
      for (const object of guarded) out[object] = await rows(object)
      return out
    },
    rows,
  })
}

/** A body with every id in it replaced, to compare two answers' shapes. */
export const shapeOf = (text: string, ...ids: string[]) =>
  ids.reduce((out, one) => out.replaceAll(one, '<id>'), text)

/** The query string form of a filter. */
export const q = (value: unknown) => encodeURIComponent(JSON.stringify(value))

/**
 * Test-only: an app whose tenants are organizations. Objects carry an `organization_id`; the
 * default set `tenant` lets everyone reach every record, narrowed by row-level policies to the
 * organizations the user is a member of (`current_user.organizations`), and budgets may be created
 * only by an organization's owners and admins (`current_user.organizationRoles`).
 *
 * The organizations and memberships are made as people make them, through the identity layer's
 * auth routes: a platform administrator (`founder`) creates Acme and Globex (owning both),
 * invites, and the invitees accept. alice: Acme member · amy: Acme admin · bob: Globex member ·
 * nora: no organization.
 *
 * Projects: a1, a2 (Acme) · g1 (Globex) · n1 (no organization). Budgets: ab (Acme), gb (Globex).
 *
 * @example
 *   const fixture = useOrganizationApp(dialect)
 *   await fixture().app.records.find('project', {}, await fixture().as('alice'))
 */
import type { SourceFile } from '@objectos/metadata'
import { afterAll, beforeAll } from 'vitest'
import { openApp, type App } from '../../../boot/open-app.js'
import type { Identity } from '../../../identity/create-identity.js'
import type { Dialect } from '../../connection/database.js'
import type { DataContext } from '../../write/data-context.js'
import { closeTestApp, principalsOf, testDatabase } from './access-fixture-parts.js'
import type { Principal } from '../principal.js'

export const organizationFiles: readonly SourceFile[] = [
  { path: 'objectos.yaml', content: 'name: tenants_test\n' },
  {
    path: 'objects/project.object.yaml',
    content: `name: project
nameField: name
fields:
  name: { type: text, required: true }
  organization_id: { type: text }
`,
  },
  {
    path: 'objects/budget.object.yaml',
    content: `name: budget
nameField: name
fields:
  name: { type: text, required: true }
  organization_id: { type: text }
`,
  },
  {
    path: 'permissions/tenant.permission.yaml',
    content: `name: tenant
isDefault: true
objects:
  project: { allowRead: true, allowCreate: true, allowEdit: true, allowDelete: true, readScope: org, writeScope: org }
  budget: { allowRead: true, allowCreate: true, readScope: org }
rowLevelSecurity:
  - name: own_organization
    object: project
    operation: all
    using: organization_id in current_user.organizations
  - name: budgets_of_my_organizations
    object: budget
    operation: select
    using: organization_id in current_user.organizations
  - name: budgets_by_organization_admins
    object: budget
    operation: insert
    using: organization_id in current_user.organizations
    check: current_user.organizationRoles[organization_id] in ['owner', 'admin']
`,
  },
]

export type TenantUser = 'founder' | 'alice' | 'amy' | 'bob' | 'nora'

const password = 'correct horse battery staple'

export interface OrganizationFixture {
  readonly app: App
  readonly userIds: Readonly<Record<TenantUser, string>>
  /** acme and globex. */
  readonly organizations: Readonly<Record<'acme' | 'globex', string>>
  /** Projects a1, a2, g1, n1; budgets ab, gb. */
  readonly ids: Readonly<Record<string, string>>
  /** Calls an auth route as a user (signed in once, at setup). */
  auth(user: TenantUser, path: string, body?: unknown): Promise<Response>
  principal(name: TenantUser): Promise<Principal>
  as(name: TenantUser): Promise<DataContext>
}

export function useOrganizationApp(dialect: Dialect): () => OrganizationFixture {
  let fixture: OrganizationFixture | undefined
  const where = testDatabase(dialect, 'tenants')
  beforeAll(async () => {
    const app = await openApp({
      files: organizationFiles,
      ...where.options,
      identity: { env: {} },
    })
    const identity = app.kernel.services.get<Identity>('identity')
    const names: readonly TenantUser[] = ['founder', 'alice', 'amy', 'bob', 'nora']
    const userIds = {} as Record<TenantUser, string>
    const cookies = {} as Record<TenantUser, string>
    const request = (path: string, body: unknown, cookie: string | undefined, address: string) =>
      identity.handler(
        new Request(`http://localhost${identity.basePath}${path}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: {
            'content-type': 'application/json',
            origin: 'http://localhost',
            'x-objectos-client-address': address,
            ...(cookie === undefined ? {} : { cookie }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      )
    for (const [i, name] of names.entries()) {
      const user = await identity.createUser({ email: `${name}@example.com`, password, name })
      userIds[name] = user.id
      const signedIn = await request(
        '/sign-in/email',
        { email: user.email, password },
        undefined,
        `127.3.0.${i + 1}`,
      )
      if (signedIn.status !== 200) throw new Error(`${name} could not sign in`)
      cookies[name] = signedIn.headers
        .getSetCookie()
        .map((line) => line.split(';')[0] ?? '')
        .join('; ')
    }
    await app.records.update('sys_user', userIds.founder, { is_admin: true })
    const auth = async (user: TenantUser, path: string, body?: unknown) =>
      request(path, body, cookies[user], `127.3.0.${names.indexOf(user) + 1}`)
    const ok = async (user: TenantUser, path: string, body: unknown) => {
      const res = await auth(user, path, body)
      if (res.status !== 200)
        throw new Error(`${path} as ${user}: ${res.status} ${await res.text()}`)
      return (await res.json()) as { id: string }
    }
    const organizations = {
      acme: (await ok('founder', '/organization/create', { name: 'Acme', slug: 'acme' })).id,
      globex: (await ok('founder', '/organization/create', { name: 'Globex', slug: 'globex' })).id,
    }
    const join = async (user: TenantUser, organizationId: string, role: string) => {
      const invitation = await ok('founder', '/organization/invite-member', {
        email: `${user}@example.com`,
        role,
        organizationId,
      })
      await ok(user, '/organization/accept-invitation', { invitationId: invitation.id })
    }
    await join('alice', organizations.acme, 'member')
    await join('amy', organizations.acme, 'admin')
    await join('bob', organizations.globex, 'member')

    const ids: Record<string, string> = {}
    const make = async (object: string, key: string, organization: string | null) => {
      const created = await app.records.create(object, {
        name: key.toUpperCase(),
        organization_id: organization,
      })
      ids[key] = created.id as string
    }
    await make('project', 'a1', organizations.acme)
    await make('project', 'a2', organizations.acme)
    await make('project', 'g1', organizations.globex)
    await make('project', 'n1', null)
    await make('budget', 'ab', organizations.acme)
    await make('budget', 'gb', organizations.globex)

    fixture = {
      app,
      userIds,
      organizations,
      ids,
      auth,
      ...principalsOf(app, userIds),
    }
  })
  afterAll(async () => {
    if (fixture === undefined) return
    await closeTestApp(fixture.app, where)
  })
  return () => {
    if (fixture === undefined) throw new Error('the organization test app is not open yet')
    return fixture
  }
}

import { RowPolicyDenied } from '@objectos/errors'
import { describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { explainAccess } from './explain-access.js'
import { loadPrincipal } from './load-principal.js'
import { useOrganizationApp, type TenantUser } from './testing/organization-test-app.js'
import { userValue } from './user-context.js'

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  )

describe.each(dialects)('organizations in row-level policies on %s', (dialect) => {
  const fixture = useOrganizationApp(dialect)
  const records = () => fixture().app.records
  const names = async (object: string, user: TenantUser) => {
    const page = await records().find(object, { sort: ['name'] }, await fixture().as(user))
    return page.records.map((r) => r.name)
  }

  it('loads the memberships into the principal and shows them to CEL', async () => {
    const { organizations } = fixture()
    const amy = await fixture().principal('amy')
    expect(amy.organizations).toEqual([{ id: organizations.acme, role: 'admin' }])
    expect(userValue(amy, 'current_user.organizations')).toEqual([organizations.acme])
    expect(userValue(amy, `current_user.organizationRoles['${organizations.acme}']`)).toBe('admin')
    const founder = await fixture().principal('founder')
    expect(founder.organizations).toEqual(
      [
        { id: organizations.acme, role: 'owner' },
        { id: organizations.globex, role: 'owner' },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    )
    const nora = await fixture().principal('nora')
    expect(nora.organizations).toEqual([])
    expect(userValue(nora, 'current_user.organizations')).toEqual([])
  })

  it("keeps the session's active organization only while the user is a member of it", async () => {
    const { app, userIds, organizations } = fixture()
    const amy = await loadPrincipal(app.db, userIds.amy, { activeOrganization: organizations.acme })
    expect(amy?.activeOrganization).toBe(organizations.acme)
    expect(amy && userValue(amy, 'current_user.activeOrganization')).toBe(organizations.acme)
    expect(amy && userValue(amy, 'has(current_user.activeOrganization)')).toBe(true)
    // Not a member of Globex (any more): the session's choice reaches nothing.
    const elsewhere = await loadPrincipal(app.db, userIds.amy, {
      activeOrganization: organizations.globex,
    })
    expect(elsewhere?.activeOrganization).toBeUndefined()
    const nora = await loadPrincipal(app.db, userIds.nora, {
      activeOrganization: organizations.acme,
    })
    expect(nora?.activeOrganization).toBeUndefined()
    // Without one it is absent, not null: a comparison with it is an error and admits no row.
    const none = await fixture().principal('amy')
    expect(none.activeOrganization).toBeUndefined()
    expect(userValue(none, 'has(current_user.activeOrganization)')).toBe(false)
    expect(userValue(none, 'current_user.activeOrganization == null')).toBeUndefined()
  })

  it('explains access with the organizations and the active one a policy sees', async () => {
    const { app, userIds, organizations, ids } = fixture()
    const amy = await loadPrincipal(app.db, userIds.amy, { activeOrganization: organizations.acme })
    if (amy === undefined) throw new Error('amy is not an active user')
    const registry = app.registry()
    const project = registry.object('project')
    const row = await app.records.get('project', ids.a1 as string)
    const explained = await explainAccess(app.db, registry, amy, project, row)
    expect(explained.user).toMatchObject({
      id: userIds.amy,
      organizations: [{ id: organizations.acme, role: 'admin' }],
      activeOrganization: organizations.acme,
    })
    expect(explained.record?.read.allowed).toBe(true)
    const nora = await explainAccess(
      app.db,
      registry,
      await fixture().principal('nora'),
      project,
      row,
    )
    expect(nora.user).toMatchObject({ organizations: [], activeOrganization: null })
    expect(nora.record?.read.allowed).toBe(false)
  })

  it("shows each user only their organizations' records", async () => {
    expect(await names('project', 'alice')).toEqual(['A1', 'A2'])
    expect(await names('project', 'amy')).toEqual(['A1', 'A2'])
    expect(await names('project', 'bob')).toEqual(['G1'])
    expect(await names('project', 'nora')).toEqual([])
    // Administrators are not limited by policies.
    expect(await names('project', 'founder')).toEqual(['A1', 'A2', 'G1', 'N1'])
    const { ids } = fixture()
    expect(await records().get('project', ids.g1 as string, {}, await fixture().as('alice'))).toBe(
      undefined,
    )
    const counted = await records().find('project', { count: true }, await fixture().as('bob'))
    expect(counted.total).toBe(1)
  })

  it('refuses creating into another organization, or moving a record there', async () => {
    const { organizations, ids } = fixture()
    const alice = await fixture().as('alice')
    const mine = await records().create(
      'project',
      { name: 'A3', organization_id: organizations.acme },
      alice,
    )
    expect(mine.organization_id).toBe(organizations.acme)
    const theirs = await failure(
      records().create('project', { name: 'X', organization_id: organizations.globex }, alice),
    )
    expect(RowPolicyDenied.is(theirs)).toBe(true)
    const nowhere = await failure(records().create('project', { name: 'Y' }, alice))
    expect(RowPolicyDenied.is(nowhere)).toBe(true)
    const moved = await failure(
      records().update(
        'project',
        ids.a1 as string,
        { organization_id: organizations.globex },
        {},
        alice,
      ),
    )
    expect(RowPolicyDenied.is(moved)).toBe(true)
    expect(await names('project', 'bob')).toEqual(['G1'])
    await records().delete('project', mine.id as string, {}, alice)
  })

  it("lets an organization's owners and admins, not its members, create its budgets", async () => {
    const { organizations } = fixture()
    expect(await names('budget', 'alice')).toEqual(['AB'])
    expect(await names('budget', 'bob')).toEqual(['GB'])
    const byAdmin = await records().create(
      'budget',
      { name: 'AB2', organization_id: organizations.acme },
      await fixture().as('amy'),
    )
    expect(byAdmin.name).toBe('AB2')
    const byMember = await failure(
      records().create(
        'budget',
        { name: 'AB3', organization_id: organizations.acme },
        await fixture().as('alice'),
      ),
    )
    expect(RowPolicyDenied.is(byMember)).toBe(true)
    const elsewhere = await failure(
      records().create(
        'budget',
        { name: 'GB2', organization_id: organizations.globex },
        await fixture().as('amy'),
      ),
    )
    expect(RowPolicyDenied.is(elsewhere)).toBe(true)
  })

  it('follows membership changes at the next request, without a cache', async () => {
    const { organizations } = fixture()
    const invited = await fixture().auth('founder', '/organization/invite-member', {
      email: 'bob@example.com',
      role: 'member',
      organizationId: organizations.acme,
    })
    const { id } = (await invited.json()) as { id: string }
    expect(
      (await fixture().auth('bob', '/organization/accept-invitation', { invitationId: id })).status,
    ).toBe(200)
    expect(await names('project', 'bob')).toEqual(['A1', 'A2', 'G1'])
    const left = await fixture().auth('bob', '/organization/leave', {
      organizationId: organizations.globex,
    })
    expect(left.status).toBe(200)
    expect(await names('project', 'bob')).toEqual(['A1', 'A2'])
  })
})

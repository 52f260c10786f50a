import type { SourceFile } from '@objectos/metadata'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type App } from '../../boot/open-app.js'
import { closeTestApp, testDatabase } from '../../data/access/testing/access-fixture-parts.js'
import { loadPrincipal } from '../../data/access/load-principal.js'
import { decodeRow } from '../../data/values/row-codec.js'
import type { Identity } from '../../identity/create-identity.js'
import { recordingEmailSender, type RecordingEmailSender } from '../../identity/email-sender.js'
import { httpPlugin } from '../../plugins/http/http-plugin.js'
import { dialects } from '../../testing/test-database.js'
import {
  auth,
  closeAuthServer,
  cookiesOf,
  newEmail,
  openAuthServer,
  useAuthServer,
  type AuthServer,
} from './testing/auth-server.js'

const password = 'correct horse battery staple'

interface Member {
  readonly id: string
  readonly userId: string
  readonly organizationId: string
  readonly role: string
}

/** The users of one test, each signing up and in from an address of their own. */
function people(served: () => AuthServer, mail?: RecordingEmailSender) {
  let next = 1
  const subnet = Math.floor(Math.random() * 200) + 20
  return async (name: string, options: { admin?: boolean; verified?: boolean } = {}) => {
    const email = newEmail(name)
    const address = `127.${subnet}.0.${next++}`
    const cookie = await served().signUp(email, password, address)
    const user = await served().identity.findUserByEmail(email)
    if (user === undefined) throw new Error(`no user ${email}`)
    if (options.admin === true) {
      await served().app.records.update('sys_user', user.id, { is_admin: true })
    }
    if (options.verified === true) {
      const link = mail?.sent.filter((m) => m.to === email && m.kind === 'verify-email').at(-1)
      if (link === undefined) throw new Error(`no verification mail to ${email}`)
      const res = await served().get(`/verify-email${new URL(link.link).search}`)
      expect(res.statusCode).toBeLessThan(400)
    }
    const call = { cookie, address }
    return {
      id: user.id,
      email,
      cookie,
      post: (path: string, body?: unknown) => served().post(path, body, call),
      get: (path: string) => served().get(path, call),
    }
  }
}

const reason = (res: LightMyRequestResponse) => res.json<{ reason?: string }>().reason

function orgSlug(name: string): string {
  return `${name}-${Math.random().toString(36).slice(2, 8)}`
}

describe.each(dialects)('organizations through the auth routes on %s', (dialect) => {
  const mail = recordingEmailSender()
  const served = useAuthServer(dialect, { emailSender: mail, baseURL: 'http://localhost' })
  const person = people(served, mail)
  const invitationTo = (email: string) => {
    const message = mail.sent.filter((m) => m.to === email && m.kind === 'invitation').at(-1)
    if (message === undefined) throw new Error(`no invitation mailed to ${email}`)
    return message
  }

  it('lets administrators create organizations, and nobody else', async () => {
    const plain = await person('plain')
    const refused = await plain.post('/organization/create', { name: 'Nope', slug: orgSlug('n') })
    expect(refused.statusCode).toBe(403)
    expect(refused.json()).toMatchObject({
      code: 'OOS_AUTH_FORBIDDEN',
      reason: 'YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_ORGANIZATION',
    })
    const admin = await person('admin', { admin: true })
    const slug = orgSlug('acme')
    const made = await admin.post('/organization/create', { name: 'Acme', slug })
    expect(made.statusCode).toBe(200)
    expect(made.json()).toMatchObject({
      name: 'Acme',
      slug,
      members: [{ userId: admin.id, role: 'owner' }],
    })
    const listed = await admin.get('/organization/list')
    expect(listed.json<{ slug: string }[]>().map((o) => o.slug)).toEqual([slug])
    // Without a session: 401.
    const anonymous = await served().post('/organization/create', { name: 'X', slug: 'x' })
    expect(anonymous.statusCode).toBe(401)
  })

  it('invites by mail, and runs members, roles, removal and leaving by the roles', async () => {
    const ann = await person('ann', { admin: true })
    const created = await ann.post('/organization/create', { name: 'Globex', slug: orgSlug('gx') })
    const org = created.json<{ id: string }>().id

    // Ann invites Bob, who has no account yet: the mail carries the link to the app's page.
    const bobEmail = newEmail('bob')
    const invited = await ann.post('/organization/invite-member', {
      email: bobEmail,
      role: 'member',
      organizationId: org,
    })
    expect(invited.statusCode).toBe(200)
    const invitation = invited.json<{ id: string; status: string }>()
    expect(invitation.status).toBe('pending')
    const message = invitationTo(bobEmail)
    expect(message.link).toBe(`http://localhost/accept-invitation?invitationId=${invitation.id}`)
    expect(message.subject).toBe('Invitation to join Globex')
    expect(message.text).toContain(message.link)
    expect(message.text).toContain('as member')

    // Bob signs up with that address; he accepts once his address is verified.
    const bobCookie = await served().signUp(bobEmail, password, '127.1.0.2')
    const bobCall = { cookie: bobCookie, address: '127.1.0.2' }
    const early = await served().post(
      '/organization/accept-invitation',
      { invitationId: invitation.id },
      bobCall,
    )
    expect(early.statusCode).toBe(403)
    expect(reason(early)).toBe(
      'EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION',
    )
    const verify = mail.sent.filter((m) => m.to === bobEmail && m.kind === 'verify-email').at(-1)
    await served().get(`/verify-email${new URL(verify?.link ?? 'http://x/').search}`)
    // Someone else cannot accept Bob's invitation.
    const eve = await person('eve', { verified: true })
    const stolen = await eve.post('/organization/accept-invitation', {
      invitationId: invitation.id,
    })
    expect(stolen.statusCode).toBe(403)
    expect(reason(stolen)).toBe('YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION')
    const accepted = await served().post(
      '/organization/accept-invitation',
      { invitationId: invitation.id },
      bobCall,
    )
    expect(accepted.statusCode).toBe(200)
    const bobMember = accepted.json<{ member: Member }>().member
    expect(bobMember).toMatchObject({ organizationId: org, role: 'member' })
    const bob = {
      id: bobMember.userId,
      post: (path: string, body?: unknown) => served().post(path, body, bobCall),
      get: (path: string) => served().get(path, bobCall),
    }

    // Carl joins too.
    const carl = await person('carl', { verified: true })
    const carlInvite = await ann.post('/organization/invite-member', {
      email: carl.email,
      role: 'member',
      organizationId: org,
    })
    const carlAccepted = await carl.post('/organization/accept-invitation', {
      invitationId: carlInvite.json<{ id: string }>().id,
    })
    expect(carlAccepted.statusCode).toBe(200)

    const members = await bob.get(`/organization/list-members?organizationId=${org}`)
    expect(members.statusCode).toBe(200)
    const listed = members.json<{ members: Member[]; total: number }>()
    expect(listed.total).toBe(3)
    const roleOf = Object.fromEntries(listed.members.map((m) => [m.userId, m.role]))
    expect(roleOf).toEqual({ [ann.id]: 'owner', [bob.id]: 'member', [carl.id]: 'member' })
    const memberId = (userId: string) => listed.members.find((m) => m.userId === userId)?.id ?? ''
    const full = await bob.get(`/organization/get-full-organization?organizationId=${org}`)
    expect(full.json<{ members: Member[] }>().members).toHaveLength(3)

    // The access layer sees the membership at the next request.
    const principal = await loadPrincipal(served().app.db, bob.id)
    expect(principal?.organizations).toEqual([{ id: org, role: 'member' }])

    // A plain member changes no roles, removes nobody, invites nobody: 403.
    const forbidden = [
      await bob.post('/organization/update-member-role', {
        memberId: memberId(carl.id),
        role: 'admin',
        organizationId: org,
      }),
      await bob.post('/organization/update-member-role', {
        memberId: memberId(bob.id),
        role: 'admin',
        organizationId: org,
      }),
      await bob.post('/organization/remove-member', {
        memberIdOrEmail: memberId(carl.id),
        organizationId: org,
      }),
      await bob.post('/organization/remove-member', {
        memberIdOrEmail: ann.email,
        organizationId: org,
      }),
      await bob.post('/organization/invite-member', {
        email: newEmail('friend'),
        role: 'member',
        organizationId: org,
      }),
    ]
    expect(forbidden.map((res) => [res.statusCode, res.json<{ code: string }>().code])).toEqual(
      Array(5).fill([403, 'OOS_AUTH_FORBIDDEN']),
    )

    // The owner makes Bob an admin; an admin still cannot remove the owner.
    const promoted = await ann.post('/organization/update-member-role', {
      memberId: memberId(bob.id),
      role: 'admin',
      organizationId: org,
    })
    expect(promoted.statusCode).toBe(200)
    expect(promoted.json()).toMatchObject({ role: 'admin' })
    expect((await loadPrincipal(served().app.db, bob.id))?.organizations).toEqual([
      { id: org, role: 'admin' },
    ])
    const notTheOwner = await bob.post('/organization/remove-member', {
      memberIdOrEmail: memberId(ann.id),
      organizationId: org,
    })
    expect(notTheOwner.statusCode).toBe(403)
    expect(reason(notTheOwner)).toBe('YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER')
    const ownerRole = await bob.post('/organization/update-member-role', {
      memberId: memberId(carl.id),
      role: 'owner',
      organizationId: org,
    })
    expect(ownerRole.statusCode).toBe(403)

    // The admin removes Carl; Bob leaves; the owner alone cannot leave.
    const removed = await bob.post('/organization/remove-member', {
      memberIdOrEmail: memberId(carl.id),
      organizationId: org,
    })
    expect(removed.statusCode).toBe(200)
    expect((await loadPrincipal(served().app.db, carl.id))?.organizations).toEqual([])
    const left = await bob.post('/organization/leave', { organizationId: org })
    expect(left.statusCode).toBe(200)
    const lastOwner = await ann.post('/organization/leave', { organizationId: org })
    expect(lastOwner.statusCode).toBe(400)
    const remaining = await ann.get(`/organization/list-members?organizationId=${org}`)
    expect(remaining.json<{ members: Member[] }>().members.map((m) => m.userId)).toEqual([ann.id])
    // Bob is no member any more: the organization is closed to him.
    const closed = await bob.get(`/organization/get-full-organization?organizationId=${org}`)
    expect(closed.statusCode).toBe(403)

    // Every change is in the audit trail, with who acted.
    const node = served().app.registry().object('sys_audit_event')
    const rows = (await served()
      .app.db.knex(node.table)
      .where({ door: 'auth' })
      .andWhere('action', 'like', 'organization_%')
      .orderBy('occurred_at')) as Record<string, unknown>[]
    const events = rows
      .map((row) => decodeRow(node, row, served().app.db.dialect))
      .filter((e) => (e.detail as { organization_id?: string }).organization_id === org)
      .map((e) => [
        e.action,
        e.record_id,
        e.actor,
        (e.detail as { role?: string; method?: string }).method ??
          (e.detail as { role?: string }).role,
      ])
    // Rows written within one millisecond have no order among themselves: compared as a set.
    const sorted = (list: unknown[][]) => list.map((e) => JSON.stringify(e)).sort()
    expect(sorted(events)).toEqual(
      sorted([
        ['organization_member_added', ann.id, ann.id, 'owner'],
        ['organization_created', ann.id, ann.id, 'owner'],
        ['organization_invitation_sent', null, ann.id, 'member'],
        ['organization_invitation_accepted', bob.id, bob.id, 'member'],
        ['organization_member_added', bob.id, bob.id, 'member'],
        ['organization_invitation_sent', null, ann.id, 'member'],
        ['organization_invitation_accepted', carl.id, carl.id, 'member'],
        ['organization_member_added', carl.id, carl.id, 'member'],
        ['organization_role_changed', bob.id, ann.id, 'admin'],
        ['organization_member_removed', carl.id, bob.id, 'member'],
        ['organization_member_removed', bob.id, bob.id, 'leave'],
      ]),
    )
    const sent = rows.find((row) => row.action === 'organization_invitation_sent')
    expect(JSON.stringify(sent)).toContain(bobEmail)
    // Invitation ids work as links: the trail never keeps them.
    expect(JSON.stringify(rows)).not.toContain(invitation.id)
  })

  it('lists, withdraws and declines invitations, by role', async () => {
    const owner = await person('owner', { admin: true })
    const made = await owner.post('/organization/create', { name: 'Initech', slug: orgSlug('it') })
    const org = made.json<{ id: string }>().id
    const guest = await person('guest', { verified: true })
    const other = await person('other', { verified: true })
    const toGuest = await owner.post('/organization/invite-member', {
      email: guest.email,
      role: 'admin',
      organizationId: org,
    })
    const toOther = await owner.post('/organization/invite-member', {
      email: other.email,
      role: 'member',
      organizationId: org,
    })
    const again = await owner.post('/organization/invite-member', {
      email: other.email,
      role: 'member',
      organizationId: org,
    })
    expect(again.statusCode).toBe(400)
    expect(reason(again)).toBe('USER_IS_ALREADY_INVITED_TO_THIS_ORGANIZATION')

    const list = await owner.get(`/organization/list-invitations?organizationId=${org}`)
    expect(list.statusCode).toBe(200)
    expect(
      list
        .json<{ email: string }[]>()
        .map((i) => i.email)
        .sort(),
    ).toEqual([guest.email, other.email].sort())
    // Someone outside the organization sees none of them.
    expect(
      (await guest.get(`/organization/list-invitations?organizationId=${org}`)).statusCode,
    ).toBe(403)

    const declined = await guest.post('/organization/reject-invitation', {
      invitationId: toGuest.json<{ id: string }>().id,
    })
    expect(declined.statusCode).toBe(200)
    expect(declined.json()).toMatchObject({ invitation: { status: 'rejected' } })
    const withdrawn = await owner.post('/organization/cancel-invitation', {
      invitationId: toOther.json<{ id: string }>().id,
    })
    expect(withdrawn.statusCode).toBe(200)
    expect(withdrawn.json()).toMatchObject({ status: 'canceled' })
    const late = await other.post('/organization/accept-invitation', {
      invitationId: toOther.json<{ id: string }>().id,
    })
    expect(late.statusCode).toBe(400)
    expect(reason(late)).toBe('INVITATION_NOT_FOUND')
    expect((await loadPrincipal(served().app.db, guest.id))?.organizations).toEqual([])
  })

  it('switches the active organization of the session, among the user’s own only', async () => {
    const admin = await person('switcher', { admin: true })
    const first = await admin.post('/organization/create', { name: 'One', slug: orgSlug('one') })
    const second = await admin.post('/organization/create', { name: 'Two', slug: orgSlug('two') })
    const [one, two] = [first, second].map((res) => res.json<{ id: string }>().id)
    const active = async () =>
      (await admin.get('/get-session')).json<{ session: { activeOrganizationId: unknown } }>()
        .session.activeOrganizationId
    expect(await active()).toBe(two)
    const switched = await admin.post('/organization/set-active', { organizationId: one })
    expect(switched.statusCode).toBe(200)
    expect(await active()).toBe(one)
    // get-full-organization defaults to the active one.
    const full = await admin.get('/organization/get-full-organization')
    expect(full.json()).toMatchObject({ id: one, name: 'One' })
    const stranger = await person('stranger')
    const refused = await stranger.post('/organization/set-active', { organizationId: one })
    expect(refused.statusCode).toBe(403)
    expect(
      (await stranger.get(`/organization/get-full-organization?organizationId=${one}`)).statusCode,
    ).toBe(403)
  })

  it('serves no organization route it does not list', async () => {
    const admin = await person('unlisted', { admin: true })
    const made = await admin.post('/organization/create', { name: 'Keep', slug: orgSlug('keep') })
    const org = made.json<{ id: string }>().id
    for (const path of [
      '/organization/delete',
      '/organization/update',
      '/organization/add-member',
      '/organization/has-permission',
      '/organization/check-slug',
    ]) {
      const res = await admin.post(path, { organizationId: org, userId: admin.id, role: 'owner' })
      expect([path, res.statusCode]).toEqual([path, 404])
    }
    for (const path of [
      '/organization/get-organization',
      '/organization/list-user-invitations',
      '/organization/get-active-member',
      '/organization/get-invitation',
    ]) {
      expect([path, (await admin.get(path)).statusCode]).toEqual([path, 404])
    }
    expect((await admin.get('/organization/list')).json()).toHaveLength(1)
  })
})

describe.each(dialects)('organizations without mail, open to everyone, on %s', (dialect) => {
  const served = useAuthServer(dialect, { organizationCreators: 'everyone' })
  const person = people(served)

  it('lets any signed-in user create one, and hands the invitation id to the inviter', async () => {
    const founder = await person('founder')
    const made = await founder.post('/organization/create', { name: 'Open', slug: orgSlug('o') })
    expect(made.statusCode).toBe(200)
    const org = made.json<{ id: string }>().id
    const joiner = await person('joiner')
    const invited = await founder.post('/organization/invite-member', {
      email: joiner.email,
      role: 'member',
      organizationId: org,
    })
    expect(invited.statusCode).toBe(200)
    // No mail: the email must match, and the id is the proof, so no verification is asked.
    const accepted = await joiner.post('/organization/accept-invitation', {
      invitationId: invited.json<{ id: string }>().id,
    })
    expect(accepted.statusCode).toBe(200)
    expect((await loadPrincipal(served().app.db, joiner.id))?.organizations).toEqual([
      { id: org, role: 'member' },
    ])
  })

  it('forgets the memberships of a deleted user', async () => {
    const founder = await person('deleted')
    const made = await founder.post('/organization/create', { name: 'Gone', slug: orgSlug('g') })
    expect(made.statusCode).toBe(200)
    await served().app.records.delete('sys_user', founder.id)
    const rows = await served().app.db.knex('objectos_auth_member').where({ user_id: founder.id })
    expect(rows).toEqual([])
  })
})

describe('who creates organizations, from the environment', () => {
  it('refuses an unknown OBJECTOS_ORGANIZATION_CREATORS at start, naming it', async () => {
    const opening = openAuthServer('sqlite', { env: { OBJECTOS_ORGANIZATION_CREATORS: 'anyone' } })
    await expect(opening).rejects.toThrow(/OBJECTOS_ORGANIZATION_CREATORS/)
  })

  it('opens creation to every signed-in user with everyone', async () => {
    const served = await openAuthServer('sqlite', {
      env: { OBJECTOS_ORGANIZATION_CREATORS: 'everyone' },
    })
    try {
      const cookie = await served.signUp(newEmail('env'), password, '127.2.0.1')
      const made = await served.post(
        '/organization/create',
        { name: 'Env', slug: orgSlug('env') },
        { cookie, address: '127.2.0.1' },
      )
      expect(made.statusCode).toBe(200)
    } finally {
      await closeAuthServer(served, 'sqlite')
    }
  })
})

/** Tickets of two organizations, each session seeing those of its active organization only. */
const activeOrganizationFiles: readonly SourceFile[] = [
  { path: 'objectos.yaml', content: 'name: active_org_test\n' },
  {
    path: 'objects/ticket.object.yaml',
    content: `name: ticket
nameField: name
fields:
  name: { type: text, required: true }
  organization_id: { type: text }
`,
  },
  {
    path: 'permissions/desk.permission.yaml',
    content: `name: desk
isDefault: true
objects:
  ticket: { allowRead: true, allowCreate: true, allowEdit: true, readScope: org, writeScope: org }
rowLevelSecurity:
  - name: active_organization
    object: ticket
    operation: all
    using: organization_id == current_user.activeOrganization
`,
  },
]

describe.each(dialects)('the active organization of the session in policies on %s', (dialect) => {
  const where = testDatabase(dialect, 'active_org')
  let app: App | undefined
  const opened = () => {
    if (app === undefined) throw new Error('the app is not open yet')
    return app
  }
  const server = () => opened().kernel.services.get<FastifyInstance>('http')
  beforeAll(async () => {
    app = await openApp({
      files: activeOrganizationFiles,
      ...where.options,
      identity: { env: {}, organizationCreators: 'everyone' },
      plugins: [httpPlugin()],
    })
  })
  afterAll(async () => {
    if (app !== undefined) await closeTestApp(app, where)
  })

  let nextAddress = 1
  const authCall = (path: string, body: unknown, cookie?: string) =>
    server().inject({
      method: body === undefined ? 'GET' : 'POST',
      url: `${auth}${path}`,
      remoteAddress: `127.9.${dialect === 'sqlite' ? 1 : 2}.${nextAddress++}`,
      headers: cookie === undefined ? {} : { cookie, origin: 'http://localhost' },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    })
  const ok = async (path: string, body: unknown, cookie?: string) => {
    const res = await authCall(path, body, cookie)
    expect(res.statusCode, `${path}: ${res.body}`).toBe(200)
    return res
  }
  /** A new session of the user: its cookie. */
  const signIn = async (email: string) => cookiesOf(await ok('/sign-in/email', { email, password }))
  const rest = async (headers: Record<string, string>) => {
    const res = await server().inject({ url: '/api/v1/data/ticket?sort=name', headers })
    expect(res.statusCode, res.body).toBe(200)
    return res.json<{ data: { name: string }[] }>().data.map((t) => t.name)
  }
  const graphql = async (headers: Record<string, string>) => {
    const res = await server().inject({
      method: 'POST',
      url: '/api/v1/graphql',
      headers,
      payload: { query: '{ ticketList(sort: ["name"]) { data { name } } }' },
    })
    expect(res.statusCode, res.body).toBe(200)
    return res
      .json<{ data: { ticketList: { data: { name: string }[] } } }>()
      .data.ticketList.data.map((t) => t.name)
  }
  /** What a caller lists, through REST and through GraphQL (which must agree). */
  const tickets = async (headers: Record<string, string>) => {
    const listed = await rest(headers)
    expect(await graphql(headers)).toEqual(listed)
    return listed
  }
  const setActive = (cookie: string, organizationId: string | null) =>
    ok('/organization/set-active', { organizationId }, cookie)
  const activeOf = async (cookie: string) =>
    (await ok('/get-session', undefined, cookie)).json<{
      session: { activeOrganizationId?: string | null }
    }>().session.activeOrganizationId ?? null

  it('shows each session the records of its active organization, and none without one', async () => {
    const identity = opened().kernel.services.get<Identity>('identity')
    const founderEmail = newEmail('founder')
    const workerEmail = newEmail('worker')
    await identity.createUser({ email: founderEmail, password })
    const worker = await identity.createUser({ email: workerEmail, password })
    const founder = await signIn(founderEmail)
    const organization = async (name: string) =>
      (
        await ok('/organization/create', { name, slug: orgSlug(name.toLowerCase()) }, founder)
      ).json<{ id: string }>().id
    const acme = await organization('Acme')
    const globex = await organization('Globex')
    for (const [name, org] of [
      ['A1', acme],
      ['A2', acme],
      ['G1', globex],
      ['N1', null],
    ] as const) {
      await opened().records.create('ticket', { name, organization_id: org })
    }

    // The worker joins both (accepting makes the joined one active in that session).
    const first = await signIn(workerEmail)
    for (const org of [acme, globex]) {
      const invited = await ok(
        '/organization/invite-member',
        { email: workerEmail, role: 'member', organizationId: org },
        founder,
      )
      await ok(
        '/organization/accept-invitation',
        { invitationId: invited.json<{ id: string }>().id },
        first,
      )
    }
    expect(await activeOf(first)).toBe(globex)
    expect(await tickets({ cookie: first })).toEqual(['G1'])

    // A second session of the same user starts with none: no record, not even N1.
    const second = await signIn(workerEmail)
    expect(await activeOf(second)).toBe(null)
    expect(await tickets({ cookie: second })).toEqual([])

    // Each session works in its own organization, at the same time.
    await setActive(first, acme)
    await setActive(second, globex)
    expect(await tickets({ cookie: first })).toEqual(['A1', 'A2'])
    expect(await tickets({ cookie: second })).toEqual(['G1'])
    // It belongs to the session: the user loaded without one has none.
    expect((await loadPrincipal(opened().db, worker.id))?.activeOrganization).toBeUndefined()

    // An API key has no session: no active organization, even with a session cookie beside it.
    const created = await ok('/api-key/create', { name: 'ci' }, first)
    const bearer = `Bearer ${created.json<{ key: string }>().key}`
    expect(await tickets({ authorization: bearer })).toEqual([])
    expect(await tickets({ authorization: bearer, cookie: first })).toEqual([])
    expect(await tickets({ cookie: first })).toEqual(['A1', 'A2'])

    // Unsetting it leaves the session with none again.
    await setActive(first, null)
    expect(await tickets({ cookie: first })).toEqual([])
    await setActive(first, acme)

    // Removed from Globex, the worker's second session still names it, and reaches nothing.
    await ok(
      '/organization/remove-member',
      { memberIdOrEmail: workerEmail, organizationId: globex },
      founder,
    )
    expect(await activeOf(second)).toBe(globex)
    expect(await tickets({ cookie: second })).toEqual([])
    expect(await tickets({ cookie: first })).toEqual(['A1', 'A2'])
    // Globex's founder, with Globex active, still reads its records.
    await setActive(founder, globex)
    expect(await tickets({ cookie: founder })).toEqual(['G1'])

    // Writes stay in the active organization too.
    const create = (organizationId: string) =>
      server().inject({
        method: 'POST',
        url: '/api/v1/data/ticket',
        headers: { cookie: first, origin: 'http://localhost' },
        payload: { name: 'A3', organization_id: organizationId },
      })
    expect((await create(globex)).json()).toMatchObject({
      status: 403,
      code: 'OOS_ACCESS_POLICY_DENIED',
    })
    expect((await create(acme)).statusCode).toBe(201)
    expect(await tickets({ cookie: first })).toEqual(['A1', 'A2', 'A3'])

    // An administrator sees it as the worker would with an organization active, or explains it;
    // an organization the worker left counts no more than in their session.
    const adminEmail = newEmail('overseer')
    const overseer = await identity.createUser({ email: adminEmail, password })
    await opened().records.update('sys_user', overseer.id, { is_admin: true })
    const adminCookie = await signIn(adminEmail)
    const viewAs = (organization?: string) => ({
      cookie: adminCookie,
      'objectos-view-as': worker.id,
      ...(organization === undefined ? {} : { 'objectos-view-as-organization': organization }),
    })
    expect(await tickets(viewAs(acme))).toEqual(['A1', 'A2', 'A3'])
    expect(await tickets(viewAs(globex))).toEqual([])
    expect(await tickets(viewAs())).toEqual([])
    const a1 = (await opened().records.find('ticket', { filter: { name: 'A1' } })).records[0]?.id
    const explain = async (organization?: string) => {
      const res = await server().inject({
        url:
          `/api/v1/access/explain?object=ticket&id=${String(a1)}&user=${worker.id}` +
          (organization === undefined ? '' : `&organization=${organization}`),
        headers: { cookie: adminCookie },
      })
      expect(res.statusCode, res.body).toBe(200)
      return res.json<{
        data: { user: { activeOrganization: unknown }; record: { read: { allowed: boolean } } }
      }>().data
    }
    expect(await explain(acme)).toMatchObject({
      user: { activeOrganization: acme },
      record: { read: { allowed: true } },
    })
    expect(await explain(globex)).toMatchObject({
      user: { activeOrganization: null },
      record: { read: { allowed: false } },
    })
    expect(await explain()).toMatchObject({ record: { read: { allowed: false } } })
  })

  it('shows an administrator the memberships a policy sees, in explain', async () => {
    const identity = opened().kernel.services.get<Identity>('identity')
    const adminEmail = newEmail('explainer')
    const admin = await identity.createUser({ email: adminEmail, password })
    await opened().records.update('sys_user', admin.id, { is_admin: true })
    const cookie = await signIn(adminEmail)
    const org = (
      await ok('/organization/create', { name: 'Initech', slug: orgSlug('initech') }, cookie)
    ).json<{ id: string }>().id
    const res = await server().inject({
      url: `/api/v1/access/explain?object=ticket&user=${encodeURIComponent(adminEmail)}`,
      headers: { cookie },
    })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<{ data: { user: unknown } }>().data.user).toMatchObject({
      id: admin.id,
      organizations: [{ id: org, role: 'owner' }],
      // The user explained is loaded without a session of theirs: no active organization.
      activeOrganization: null,
    })
  })
})

import { describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { useGraphqlApp } from './testing/graphql-test-app.js'

type Row = Record<string, unknown>

describe.each(dialects)('GraphQL mutations on %s', (dialect) => {
  const harness = useGraphqlApp(dialect)

  async function createAccount(name: string): Promise<Row> {
    const { body } = await harness().gql(
      `mutation ($data: JSON!) { createAccount(data: $data) { id name version type } }`,
      { data: { name } },
    )
    expect(body.errors).toBeUndefined()
    return body.data?.createAccount as Row
  }

  it('creates a record with the defaults and computed fields REST would give it', async () => {
    const account = await createAccount('Acme')
    expect(account).toMatchObject({ name: 'Acme', version: 1, type: 'prospect' })
    const stored = await harness().app.records.get('account', String(account.id))
    expect(stored?.name).toBe('Acme')
  })

  it('refuses an invalid write with the per-field errors of the REST 422', async () => {
    const { status, body } = await harness().gql(
      `mutation { createOpportunity(data: { amount: "lots", nickname: "x" }) { id } }`,
    )
    expect(status).toBe(200)
    expect(body.data).toEqual({ createOpportunity: null })
    expect(body.errors).toHaveLength(1)
    const [error] = body.errors ?? []
    expect(error?.path).toEqual(['createOpportunity'])
    expect(error?.extensions).toMatchObject({ code: 'OOS_DATA_VALIDATION_FAILED', status: 422 })
    expect(error?.extensions?.errors?.map((e) => `${e.field}:${e.code}`)).toEqual([
      'amount:type',
      'nickname:unknown_field',
      'name:required',
      'account:required',
    ])
    expect(JSON.stringify(body)).not.toContain('stack')
  })

  it('runs the validation rules of the metadata', async () => {
    const { body } = await harness().gql(
      `mutation { createAccount(data: { name: "Neg", annual_revenue: -5 }) { id } }`,
    )
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'OOS_DATA_VALIDATION_FAILED',
      status: 422,
    })
    expect(body.errors?.[0]?.extensions?.errors?.[0]?.message).toBe(
      'Annual revenue cannot be negative.',
    )
  })

  it('updates with the current version and refuses a stale one with VERSION_CONFLICT', async () => {
    const account = await createAccount('Bolt')
    const update = `mutation ($id: ID!, $version: Int) {
      updateAccount(id: $id, data: { employees: 12 }, version: $version) { employees version }
    }`
    const fresh = await harness().gql(update, { id: account.id, version: 1 })
    expect(fresh.body.errors).toBeUndefined()
    expect(fresh.body.data?.updateAccount).toEqual({ employees: 12, version: 2 })

    const stale = await harness().gql(update, { id: account.id, version: 1 })
    expect(stale.body.data).toEqual({ updateAccount: null })
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({
      code: 'OOS_DATA_VERSION_CONFLICT',
      status: 412,
    })

    const unversioned = await harness().gql(update, { id: account.id })
    expect(unversioned.body.data?.updateAccount).toEqual({ employees: 12, version: 3 })
  })

  it('deletes, answers NOT_FOUND for a record that is gone, and honours restrict', async () => {
    const account = await createAccount('Cargo')
    const deal = await harness().gql(
      `mutation ($data: JSON!) { createOpportunity(data: $data) { id account { name } } }`,
      { data: { name: 'Deal', account: account.id } },
    )
    expect(deal.body.data?.createOpportunity).toMatchObject({ account: { name: 'Cargo' } })

    const remove = `mutation ($id: ID!) { deleteAccount(id: $id) }`
    const restricted = await harness().gql(remove, { id: account.id })
    expect(restricted.body.errors?.[0]?.extensions).toMatchObject({
      code: 'OOS_DATA_DELETE_RESTRICTED',
      status: 409,
    })

    const dealId = (deal.body.data?.createOpportunity as Row).id
    const stale = await harness().gql(
      `mutation ($id: ID!) { deleteOpportunity(id: $id, version: 7) }`,
      {
        id: dealId,
      },
    )
    expect(stale.body.errors?.[0]?.extensions?.code).toBe('OOS_DATA_VERSION_CONFLICT')
    const gone = await harness().gql(
      `mutation ($id: ID!) { deleteOpportunity(id: $id, version: 1) }`,
      {
        id: dealId,
      },
    )
    expect(gone.body).toEqual({ data: { deleteOpportunity: true } })
    expect((await harness().gql(remove, { id: account.id })).body).toEqual({
      data: { deleteAccount: true },
    })
    const again = await harness().gql(remove, { id: account.id })
    expect(again.body.errors?.[0]?.extensions).toMatchObject({
      code: 'OOS_DATA_NOT_FOUND',
      status: 404,
    })
  })

  it('sees its own writes: a mutation after a read does not answer from the read', async () => {
    const account = await createAccount('Delta')
    const { body } = await harness().gql(
      `mutation ($id: ID!) {
        first: updateAccount(id: $id, data: { employees: 1 }) { employees }
        second: updateAccount(id: $id, data: { employees: 2 }) { employees version }
      }`,
      { id: account.id },
    )
    expect(body.data).toEqual({
      first: { employees: 1 },
      second: { employees: 2, version: 3 },
    })
  })

  it('refuses mutations over GET, and requests a browser could forge (CSRF)', async () => {
    const query = encodeURIComponent('mutation { deleteAccount(id: "x") }')
    const blocked = await harness().server.inject({
      method: 'GET',
      url: `/api/v1/graphql?query=${query}`,
    })
    expect(blocked.statusCode).toBe(400)
    expect(blocked.json()).toMatchObject({
      errors: [{ extensions: { code: 'OOS_HTTP_BAD_REQUEST' } }],
    })

    const plain = await harness().server.inject({
      method: 'POST',
      url: '/api/v1/graphql',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ query: 'mutation { deleteAccount(id: "x") }' }),
    })
    expect(plain.statusCode).toBe(400)
    expect(plain.json()).toMatchObject({
      errors: [{ message: expect.stringContaining('Cross-Site Request Forgery') }],
    })

    const viaGet = await harness().server.inject({
      method: 'GET',
      url: `/api/v1/graphql?query=${query}`,
      headers: { 'mercurius-require-preflight': 'true' },
    })
    expect(viaGet.statusCode).toBe(405)
    expect(viaGet.json()).toMatchObject({
      errors: [
        { message: 'Operation cannot be performed via a GET request', extensions: { status: 405 } },
      ],
    })
    const read = await harness().server.inject({
      method: 'GET',
      url: `/api/v1/graphql?query=${encodeURIComponent('{ _appName }')}`,
      headers: { 'mercurius-require-preflight': 'true' },
    })
    expect(read.json()).toEqual({ data: { _appName: 'crm' } })
  })
})

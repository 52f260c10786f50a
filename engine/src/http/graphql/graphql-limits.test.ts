import { getIntrospectionQuery } from './graphql-js.js'
import { describe, expect, it } from 'vitest'
import { dialects } from '../../testing/test-database.js'
import { useGraphqlApp } from './testing/graphql-test-app.js'

/** `accountList { data { parent_account { parent_account { … name } } } }`, `hops` lookups deep. */
function nested(hops: number): string {
  return `{ accountList { data { ${'parent_account { '.repeat(hops)}name${' }'.repeat(hops)} } } }`
}

describe.each(dialects)('GraphQL limits and request errors on %s', (dialect) => {
  const harness = useGraphqlApp(dialect, { graphql: { maxTokens: 2000 } })

  it('runs a query at the depth limit and refuses one level more, before any SQL', async () => {
    // accountList (1) > data (2) > parent_account × 5 (7) > name (8)
    const atLimit = await harness().gql(nested(5))
    expect(atLimit.status).toBe(200)
    expect(atLimit.body.errors).toBeUndefined()

    let status = 0
    let body: unknown
    const statements = await harness().statements(async () => {
      ;({ status, body } = await harness().gql(nested(6)))
    })
    expect(statements).toBe(0)
    expect(status).toBe(400)
    expect(body).toEqual({
      errors: [
        {
          message: 'invalid query: it nests 9 levels deep; at most 8 are allowed',
          locations: [{ line: 1, column: 1 }],
          extensions: { code: 'OOS_DATA_INVALID_QUERY', status: 400 },
        },
      ],
    })
  })

  it('counts fragments and aliases toward depth and cost', async () => {
    const viaFragment = await harness().gql(`
      fragment Deep on Account { parent_account { parent_account { parent_account { name } } } }
      { accountList { data { parent_account { parent_account { parent_account { ...Deep } } } } } }`)
    expect(viaFragment.body.errors?.[0]?.message).toContain('nests 9 levels deep')

    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: accountList { total }`).join(' ')
    const wide = await harness().gql(`{ ${aliases} }`)
    expect(wide.status).toBe(400)
    expect(wide.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^invalid query: it costs 1200, more than the limit of 1000/),
      extensions: { code: 'OOS_DATA_INVALID_QUERY', status: 400 },
    })
  })

  it('bounds fragment bombs by cost without expanding them', async () => {
    const levels = Array.from(
      { length: 12 },
      (_, i) =>
        `fragment F${i} on Account { a: parent_account { ...F${i + 1} } b: parent_account { ...F${i + 1} } }`,
    ).join('\n')
    const { status, body } = await harness().gql(
      `${levels}\nfragment F12 on Account { name }\n{ account(id: "x") { ...F0 } }`,
    )
    expect(status).toBe(400)
    expect(body.errors?.map((e) => e.message).join('\n')).toContain('invalid query: it costs')
  })

  it('lets tools introspect the schema despite its depth', async () => {
    const { status, body } = await harness().gql(getIntrospectionQuery())
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    const types = (body.data?.__schema as { types: { name: string }[] }).types.map((t) => t.name)
    expect(types).toEqual(expect.arrayContaining(['Account', 'AccountPage', 'OpportunityStage']))
  })

  it('answers syntax errors, unknown fields and bad variables with 400 and the catalog code', async () => {
    const syntax = await harness().gql('{ accountList { data { name }')
    expect(syntax.status).toBe(400)
    expect(syntax.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('Syntax Error'),
      extensions: { code: 'OOS_HTTP_BAD_REQUEST', status: 400 },
    })

    const unknown = await harness().gql('{ accountList { data { nickname } } }')
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors?.[0]).toMatchObject({
      message: 'Cannot query field "nickname" on type "Account". Did you mean "name"?',
      extensions: { code: 'OOS_HTTP_BAD_REQUEST', status: 400 },
    })

    const variable = await harness().gql('query ($n: Int) { accountList(limit: $n) { total } }', {
      n: 'ten',
    })
    expect(variable.status).toBe(400)
    expect(variable.body.errors?.[0]?.extensions?.code).toBe('OOS_HTTP_BAD_REQUEST')

    const filter = await harness().gql('{ accountList(filter: "{nope") { total } }')
    expect(filter.status).toBe(400)
    expect(filter.body.errors?.[0]?.extensions).toMatchObject({
      code: 'OOS_DATA_INVALID_FILTER',
      status: 400,
    })
  })

  it('refuses an oversized query text unparsed', async () => {
    const fields = Array.from({ length: 2500 }, () => 'name').join(' ')
    const { status, body } = await harness().gql(`{ accountList { data { ${fields} } } }`)
    expect(status).toBe(400)
    expect(body.errors?.[0]?.message).toContain('Document contains more that 2000 tokens')
  })

  it('refuses a __proto__ key in a JSON literal', async () => {
    const { body } = await harness().gql(
      'mutation { createAccount(data: { name: "x", __proto__: { admin: true } }) { id } }',
    )
    expect(body.errors?.[0]).toMatchObject({
      message: 'the request is malformed: "__proto__" is not allowed as a key',
      extensions: { code: 'OOS_HTTP_BAD_REQUEST', status: 400 },
    })
  })
})

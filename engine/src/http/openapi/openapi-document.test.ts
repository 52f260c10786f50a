import { Validator } from '@seriousme/openapi-schema-validator'
import { beforeAll, describe, expect, it } from 'vitest'
import { compileFiles, loadApp } from '../../load/load-app.js'
import { createRegistry, type Registry } from '../../registry/registry.js'
import type { JsonSchema } from './field-schema.js'
import { buildOpenApiDocument, type OpenApiDocument } from './openapi-document.js'
import { objectNames } from './object-schemas.js'

async function crm(): Promise<Registry> {
  const result = await loadApp('examples/crm')
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)))
  return result.registry
}

function compile(objects: Record<string, string>): Registry {
  const result = compileFiles([
    { path: 'objectos.yaml', content: 'name: kit\n' },
    ...Object.entries(objects).map(([name, content]) => ({
      path: `objects/${name}.object.yaml`,
      content,
    })),
  ])
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics.slice(0, 3)))
  return result.registry
}

const props = (doc: OpenApiDocument, schema: string) =>
  (doc.components.schemas[schema]?.properties ?? {}) as Record<string, JsonSchema>

describe('buildOpenApiDocument on examples/crm', () => {
  let registry: Registry
  let doc: OpenApiDocument
  beforeAll(async () => {
    registry = await crm()
    doc = buildOpenApiDocument(registry)
  })

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator()
    const result = await validator.validate(
      structuredClone(doc) as unknown as Record<string, unknown>,
    )
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
    expect(doc.info.title).toBe('crm')
  })

  it('refuses a broken document, so the validity check above can fail', async () => {
    const broken = structuredClone(doc) as unknown as { paths: Record<string, unknown> }
    broken.paths['/api/v1/data/account'] = { get: { responses: 'none' } }
    expect((await new Validator().validate(broken)).valid).toBe(false)
  })

  it('has every reference resolve to a component', () => {
    const refs = new Set<string>()
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk)
      else if (typeof node === 'object' && node !== null) {
        for (const [key, value] of Object.entries(node)) {
          if (key === '$ref' && typeof value === 'string') refs.add(value)
          else walk(value)
        }
      }
    }
    walk(doc)
    expect(refs.size).toBeGreaterThan(10)
    for (const ref of refs) {
      const target = ref
        .slice(2)
        .split('/')
        .reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], doc)
      expect(target, ref).toBeTypeOf('object')
    }
  })

  it('has the paths, operations and schemas of every object', () => {
    for (const object of registry.objects.keys()) {
      const base = `/api/v1/data/${object}`
      const stem = object.replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase())
      expect(doc.paths[base]?.get?.operationId).toBe(`list${stem}`)
      expect(doc.paths[base]?.post?.operationId).toBe(`create${stem}`)
      expect(doc.paths[`${base}/query`]?.post?.operationId).toBe(`query${stem}`)
      expect(doc.paths[`${base}/aggregate`]?.post?.operationId).toBe(`aggregate${stem}`)
      expect(doc.paths[`${base}/{id}`]?.get?.operationId).toBe(`get${stem}`)
      expect(doc.paths[`${base}/{id}`]?.patch?.operationId).toBe(`update${stem}`)
      expect(doc.paths[`${base}/{id}`]?.delete?.operationId).toBe(`delete${stem}`)
      for (const name of [stem, `${stem}Input`, `${stem}Patch`]) {
        expect(doc.components.schemas[name], name).toBeDefined()
      }
      expect(Object.keys(props(doc, stem))).toEqual([...registry.object(object).fields.keys()])
    }
    expect(doc.components.schemas.OpportunityLineItem).toBeDefined()
    expect(doc.tags.map((t) => t.name)).toEqual([
      ...[...registry.objects.keys()].sort(),
      'Metadata',
      'GraphQL',
      'Service',
      'Health',
      'Auth',
      'Access',
    ])
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/ready']))
  })

  it('turns select options into enums, null included when the field is optional', () => {
    const opportunity = props(doc, 'Opportunity')
    expect(opportunity.stage).toMatchObject({
      type: 'string',
      enum: [
        'prospecting',
        'qualification',
        'needs_analysis',
        'proposal',
        'negotiation',
        'closed_won',
        'closed_lost',
      ],
    })
    expect(props(doc, 'Account').industry).toMatchObject({
      type: ['string', 'null'],
      enum: ['technology', 'manufacturing', 'finance', 'healthcare', 'retail', 'other', null],
    })
    expect(props(doc, 'OpportunityInput').stage).toMatchObject({ default: 'prospecting' })
  })

  it('marks computed and system fields read-only and leaves them out of the inputs', () => {
    const computed = ['expected_revenue', 'line_items_total', 'opportunity_number']
    const system = [
      'id',
      'created_at',
      'updated_at',
      'created_by',
      'updated_by',
      'owner_id',
      'version',
    ]
    const read = props(doc, 'Opportunity')
    for (const name of [...computed, ...system]) {
      expect(read[name]?.readOnly, name).toBe(true)
      expect(props(doc, 'OpportunityInput')[name], name).toBeUndefined()
      expect(props(doc, 'OpportunityPatch')[name], name).toBeUndefined()
    }
    expect(read.name?.readOnly).toBeUndefined()
    expect(read.expected_revenue).toMatchObject({ type: ['number', 'null'] })
    expect(read.line_items_total?.description).toContain('sum of opportunity_line_item.total_price')
    expect(read.created_at).toMatchObject({ type: 'string', format: 'date-time' })
  })

  it('requires the required input fields without a default on create, and none on update', () => {
    const input = doc.components.schemas.OpportunityInput
    expect(input?.required).toEqual(['name', 'account'])
    expect(input?.additionalProperties).toBe(false)
    expect(doc.components.schemas.OpportunityPatch?.required).toBeUndefined()
    expect(props(doc, 'OpportunityPatch').probability).toMatchObject({
      type: ['number', 'null'],
      minimum: 0,
      maximum: 100,
    })
  })

  it('types lookups as ids naming their target object (or the record, expanded)', () => {
    const read = props(doc, 'Opportunity')
    expect(read.account).toMatchObject({
      anyOf: [{ type: 'string' }, { $ref: '#/components/schemas/Account' }],
    })
    expect(read.account?.description).toContain('account record')
    expect(read.primary_contact?.anyOf).toContainEqual({ type: 'null' })
    const input = props(doc, 'OpportunityInput')
    expect(input.account).toMatchObject({ type: 'string' })
    expect(input.account?.description).toBe('The id of the account record it points to.')
    expect(props(doc, 'OpportunityLineItemInput').opportunity?.description).toContain(
      'opportunity record',
    )
    expect(read.close_date).toMatchObject({ type: ['string', 'null'], format: 'date' })
  })

  it('documents the error format on every operation and declares, but does not apply, auth', () => {
    const problem = { $ref: '#/components/responses/ValidationFailed' }
    expect(doc.paths['/api/v1/data/account']?.post?.responses['422']).toEqual(problem)
    expect(doc.paths['/api/v1/data/account/{id}']?.patch?.responses['412']).toEqual({
      $ref: '#/components/responses/PreconditionFailed',
    })
    const responses = doc.components.responses
    expect(responses.ValidationFailed?.content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    })
    expect(responses.BadRequest?.description).toContain('OOS_DATA_UNKNOWN_OPERATOR')
    expect(responses.NotFound?.description).toContain('OOS_DATA_NOT_FOUND')
    expect(props(doc, 'Problem').errors).toEqual({
      type: 'array',
      description: expect.any(String),
      items: { $ref: '#/components/schemas/FieldError' },
    })
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['bearerAuth', 'cookieAuth'])
    expect(JSON.stringify(doc)).not.toContain('"security"')
  })

  it('describes the list parameters, with limit bounded 1..500', () => {
    expect(doc.components.parameters.limit?.schema).toEqual({
      type: 'integer',
      minimum: 1,
      maximum: 500,
      default: 50,
    })
    const list = doc.paths['/api/v1/data/account']?.get?.parameters as { $ref: string }[]
    expect(list.map((p) => p.$ref.split('/').pop())).toEqual([
      'filter',
      'sort',
      'limit',
      'offset',
      'cursor',
      'fields',
      'expand',
      'count',
      'search',
    ])
    expect(doc.components.parameters.filter?.description).toContain('$startsWith')
    expect(doc.paths['/api/v1/data/opportunity']?.get?.description).toContain(
      'opportunity_line_item',
    )
  })

  it('is deterministic: the same metadata in another order gives the same document', () => {
    const reversed = createRegistry(
      registry.appName,
      new Map([...registry.objects].reverse()),
      registry.definitions,
    )
    expect(JSON.stringify(buildOpenApiDocument(reversed))).toBe(JSON.stringify(doc))
    expect(doc.servers).toBeUndefined()
    expect(
      buildOpenApiDocument(registry, { serverUrl: 'https://crm.example.com' }).servers,
    ).toEqual([{ url: 'https://crm.example.com' }])
  })
})

describe('field types in the document', () => {
  const registry = compile({
    gadget: `name: gadget
fields:
  label: { type: text, minLength: 2, maxLength: 40 }
  contact: { type: email }
  home: { type: url }
  tint: { type: color }
  stars: { type: rating }
  active: { type: boolean, required: true }
  starts: { type: time }
  seen_at: { type: datetime }
  regions:
    type: multiselect
    options: [{ label: EU, value: eu }, { label: US, value: us }]
  tags: { type: tags }
  extra: { type: json }
`,
    problem: 'name: problem\nfields:\n  title: { type: text }\n',
  })
  const doc = buildOpenApiDocument(registry)

  it('maps every storage to its JSON Schema type', async () => {
    const read = props(doc, 'Gadget')
    expect(read.label).toMatchObject({ type: ['string', 'null'], minLength: 2, maxLength: 40 })
    expect(read.contact).toMatchObject({ format: 'email' })
    expect(read.home).toMatchObject({ format: 'uri' })
    expect(read.tint?.pattern).toBeTypeOf('string')
    expect(read.stars).toMatchObject({ type: ['integer', 'null'], maximum: 5 })
    expect(read.active).toMatchObject({ type: 'boolean' })
    expect(read.starts).toMatchObject({ type: ['string', 'null'] })
    expect(new RegExp(read.starts?.pattern as string).test('09:30')).toBe(true)
    expect(new RegExp(read.starts?.pattern as string).test('24:00')).toBe(false)
    expect(read.seen_at).toMatchObject({ format: 'date-time' })
    expect(read.regions).toMatchObject({
      type: 'array',
      items: { type: 'string', enum: ['eu', 'us'] },
    })
    expect(read.tags).toMatchObject({ type: 'array', items: { type: 'string' } })
    expect(read.tags?.items).not.toHaveProperty('enum')
    expect(read.extra?.type).toBeUndefined()
    expect(
      (await new Validator().validate(structuredClone(doc) as unknown as Record<string, unknown>))
        .valid,
    ).toBe(true)
  })

  it('keeps shared component names when an object would take one', () => {
    expect(props(doc, 'Problem').code).toBeDefined()
    expect(props(doc, 'ProblemRecord').title).toBeDefined()
    expect(doc.paths['/api/v1/data/problem']?.get?.operationId).toBe('listProblemRecord')
    const names = objectNames(['account_input', 'account'], new Set())
    expect(names.get('account')?.input).toBe('AccountInput')
    expect(names.get('account_input')?.record).toBe('AccountInputRecord')
  })
})

describe('objects named like the platform routes', () => {
  const doc = buildOpenApiDocument(
    compile({
      health: 'name: health\nfields:\n  score: { type: number }\n',
      metadata: 'name: metadata\nfields:\n  note: { type: text }\n',
      diagnostic: 'name: diagnostic\nfields:\n  note: { type: text }\n',
      graphql_error: 'name: graphql_error\nfields:\n  note: { type: text }\n',
    }),
  )

  it('keep the platform tags and schemas apart from their own', async () => {
    const tags = doc.tags.map((t) => t.name)
    expect(new Set(tags).size).toBe(tags.length)
    expect(doc.paths['/api/v1/data/health']?.get?.tags).toEqual(['health'])
    expect(doc.paths['/health']?.get?.tags).toEqual(['Health'])
    expect(props(doc, 'Diagnostic').severity).toBeDefined()
    expect(props(doc, 'DiagnosticRecord').note).toBeDefined()
    expect(props(doc, 'GraphqlError').message).toBeDefined()
    expect(doc.paths['/api/v1/data/graphql_error']?.get?.operationId).toBe('listGraphqlErrorRecord')
    const result = await new Validator().validate(
      structuredClone(doc) as unknown as Record<string, unknown>,
    )
    expect(result.errors).toBeUndefined()
  })
})

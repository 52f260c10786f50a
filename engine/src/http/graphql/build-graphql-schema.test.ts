import type { GraphQLEnumType } from './graphql-js.js'
import { GraphQLObjectType, printType, validateSchema, type GraphQLSchema } from './graphql-js.js'
import { describe, expect, it } from 'vitest'
import type { RecordService } from '../../data/record-service.js'
import { compileFiles } from '../../load/load-app.js'
import { buildGraphqlSchema } from './build-graphql-schema.js'
import {
  enumValueNameOf,
  fieldNameOf,
  NameAllocator,
  pluralOf,
  typeNameOf,
} from './graphql-names.js'

function schemaOf(files: Record<string, string>): GraphQLSchema {
  const result = compileFiles([
    { path: 'objectos.yaml', content: 'name: demo\n' },
    ...Object.entries(files).map(([path, content]) => ({ path, content })),
  ])
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'))
  // Building the schema runs no resolver: the record service is never called.
  return buildGraphqlSchema(result.registry, {} as RecordService)
}

function objectType(schema: GraphQLSchema, name: string): GraphQLObjectType {
  const type = schema.getType(name)
  if (!(type instanceof GraphQLObjectType)) throw new Error(`${name} is not an object type`)
  return type
}

const person = `name: person
fields:
  full_name: { type: text, required: true }
  born: { type: date }
  seen_at: { type: datetime }
  height: { type: number }
  rating: { type: rating }
  active: { type: boolean }
  profile: { type: json }
  tags: { type: tags }
  status:
    type: select
    options:
      - { label: One, value: v1.0 }
      - { label: Underscored, value: v1_0 }
      - { label: Yes, value: 'true' }
  skills:
    type: multiselect
    options:
      - { label: Go, value: go }
      - { label: Rust, value: rust }
  tasks: { type: text }
  manager: { type: lookup, reference: person }
`
const task = `name: task
fields:
  title: { type: text }
  owner: { type: lookup, reference: person }
  reviewer: { type: lookup, reference: person }
`
const query = `name: query
fields:
  text: { type: text }
  asker: { type: lookup, reference: person }
`

describe('the generated GraphQL schema', () => {
  const schema = schemaOf({
    'objects/person.object.yaml': person,
    'objects/task.object.yaml': task,
    'objects/query.object.yaml': query,
  })

  it('is a valid schema', () => {
    expect(validateSchema(schema)).toEqual([])
  })

  it('types each field by its storage, with dates as described strings', () => {
    const fields = objectType(schema, 'Person').getFields()
    const typeOf = (name: string) => String(fields[name]?.type)
    expect(typeOf('id')).toBe('ID!')
    expect(typeOf('full_name')).toBe('String')
    expect(typeOf('born')).toBe('String')
    expect(fields.born?.description).toContain('YYYY-MM-DD')
    expect(fields.seen_at?.description).toContain('ISO 8601')
    expect(typeOf('height')).toBe('Float')
    expect(typeOf('rating')).toBe('Int')
    expect(typeOf('version')).toBe('Int')
    expect(typeOf('active')).toBe('Boolean')
    expect(typeOf('profile')).toBe('JSON')
    expect(typeOf('tags')).toBe('[String!]')
    expect(typeOf('status')).toBe('PersonStatus')
    expect(typeOf('skills')).toBe('[PersonSkills!]')
    expect(typeOf('manager')).toBe('Person')
  })

  it('maps option values to valid, distinct enum names that serialize to the stored value', () => {
    const status = schema.getType('PersonStatus') as GraphQLEnumType
    expect(status.getValues().map((v) => [v.name, v.value])).toEqual([
      ['v1_0', 'v1.0'],
      ['v1_0_2', 'v1_0'],
      ['true_', 'true'],
    ])
    expect(status.serialize('v1_0')).toBe('v1_0_2')
  })

  it('names child lists by the plural of the child, qualified when needed', () => {
    const fields = objectType(schema, 'Person').getFields()
    const lists = Object.keys(fields).filter((name) => String(fields[name]?.type).startsWith('['))
    // `tasks` is a field already; task points here twice; person once (manager).
    expect(lists.sort()).toEqual([
      'persons',
      'queries',
      'skills',
      'tags',
      'tasks_by_owner',
      'tasks_by_reviewer',
    ])
    expect(String(fields.tasks?.type)).toBe('String')
    expect(String(fields.persons?.type)).toBe('[Person!]!')
    expect(fields.persons?.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual([
      'filter: Filter',
      'sort: [String!]',
      'limit: Int',
    ])
  })

  it('keeps reserved type names free: an object named query is Query_2', () => {
    expect(objectType(schema, 'Query').getFields()).toHaveProperty('query')
    expect(printType(objectType(schema, 'Query_2'))).toContain('asker: Person')
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {})).toContain('createQuery_2')
  })

  it('generates the root queries and mutations of every object', () => {
    const queries = objectType(schema, 'Query').getFields()
    expect(String(queries.person?.type)).toBe('Person')
    expect(queries.person?.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual(['id: ID!'])
    expect(String(queries.personList?.type)).toBe('PersonPage!')
    expect(queries.personList?.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual([
      'filter: Filter',
      'sort: [String!]',
      'limit: Int',
      'offset: Int',
      'cursor: String',
      'search: String',
    ])
    expect(printType(objectType(schema, 'PersonPage'))).toContain('nextCursor: String')
    expect(String(queries.personAggregate?.type)).toBe('[JSON!]!')
    const mutations = schema.getMutationType()?.getFields() ?? {}
    const signature = (name: string) =>
      `${name}(${mutations[name]?.args.map((a) => `${a.name}: ${String(a.type)}`).join(', ')}): ${String(mutations[name]?.type)}`
    expect(signature('createPerson')).toBe('createPerson(data: JSON!): Person')
    expect(signature('updatePerson')).toBe(
      'updatePerson(id: ID!, data: JSON!, version: Int): Person',
    )
    expect(signature('deletePerson')).toBe('deletePerson(id: ID!, version: Int): Boolean')
  })
})

describe('GraphQL names', () => {
  it('turns metadata names into valid GraphQL names', () => {
    expect(typeNameOf('opportunity_line_item')).toBe('OpportunityLineItem')
    expect(typeNameOf('_1st')).toBe('Object1st')
    expect(fieldNameOf('__secret')).toBe('_secret')
    expect(enumValueNameOf('null')).toBe('null_')
    expect(pluralOf('opportunity')).toBe('opportunities')
    expect(pluralOf('day')).toBe('days')
    expect(pluralOf('box')).toBe('boxes')
    expect(pluralOf('contact')).toBe('contacts')
  })

  it('hands out the first free candidate, then numbers the first one', () => {
    const names = new NameAllocator(['Query'])
    expect(names.allocate('Query')).toBe('Query_2')
    expect(names.allocate('a', 'b')).toBe('a')
    expect(names.allocate('a', 'b')).toBe('b')
    expect(names.allocate('a', 'b')).toBe('a_2')
  })
})

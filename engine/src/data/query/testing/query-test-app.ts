/**
 * Test-only: a small app touching every field kind the query layer treats differently (text,
 * numbers, booleans, dates, times, lists, JSON, lookups — including two lookups from one child
 * to the same parent), compiled from in-memory YAML, and a per-suite database holding its tables.
 */
import { beforeAll } from 'vitest'
import { compileFiles } from '../../../load/load-app.js'
import type { Registry } from '../../../registry/registry.js'
import { useTestDatabase } from '../../../testing/test-database.js'
import type { Database, Dialect } from '../../connection/database.js'
import type { DataRecord } from '../../values/row-codec.js'
import { createTables, insertRecords } from './create-tables.js'

const files = [
  { path: 'objectos.yaml', content: 'name: query_test\n' },
  {
    path: 'objects/account.object.yaml',
    content: `name: account
nameField: name
fields:
  name: { type: text, searchable: true }
  industry:
    type: select
    options: [{ label: Tech, value: tech }, { label: Retail, value: retail }, { label: Finance, value: finance }]
  employees: { type: number }
  revenue: { type: currency, currencyConfig: { precision: 2 } }
  rating: { type: rating }
  active: { type: boolean }
  founded: { type: date }
  last_contact: { type: datetime }
  opens_at: { type: time }
  tags: { type: tags, searchable: true }
  regions:
    type: multiselect
    options: [{ label: EU, value: eu }, { label: US, value: us }, { label: APAC, value: apac }]
  settings: { type: json }
  parent_account: { type: lookup, reference: account }
`,
  },
  {
    path: 'objects/contact.object.yaml',
    content: `name: contact
nameField: name
fields:
  name: { type: text }
  account: { type: lookup, reference: account }
  reports_to: { type: lookup, reference: contact }
`,
  },
  {
    path: 'objects/opportunity.object.yaml',
    content: `name: opportunity
nameField: name
fields:
  name: { type: text, searchable: true }
  account: { type: master_detail, reference: account }
  partner_account: { type: lookup, reference: account }
  primary_contact: { type: lookup, reference: contact }
  amount: { type: currency, currencyConfig: { precision: 2 } }
  stage:
    type: select
    options: [{ label: Open, value: open }, { label: Won, value: won }, { label: Lost, value: lost }]
  close_date: { type: date }
  probability: { type: percent }
`,
  },
]

let compiled: Registry | undefined

/** The test app's registry (compiled once per test file). */
export function queryTestRegistry(): Registry {
  if (compiled === undefined) {
    const result = compileFiles(files)
    if (!result.ok)
      throw new Error(`test app does not compile: ${JSON.stringify(result.diagnostics)}`)
    compiled = result.registry
  }
  return compiled
}

export interface QueryTestApp {
  readonly db: () => Database
  readonly registry: Registry
  insert(object: string, records: readonly DataRecord[]): Promise<DataRecord[]>
}

/** A fresh database with the test app's tables for the enclosing describe block. */
export function useQueryTestApp(dialect: Dialect): QueryTestApp {
  const db = useTestDatabase(dialect)
  const registry = queryTestRegistry()
  beforeAll(async () => {
    await createTables(db(), registry)
  })
  return {
    db,
    registry,
    insert: (object, records) => insertRecords(db(), registry, object, records),
  }
}

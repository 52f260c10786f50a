import { describe, expect, it } from 'vitest'
import { openDatabase } from '../data/connection/open-database.js'
import { dialects, postgresTestUrl } from '../testing/test-database.js'
import { introspect } from './live-schema.js'
import { migrate } from './apply-plan.js'
import { sqliteAffinity } from './introspect-sqlite.js'
import { readHistory } from './migration-history.js'
import { app, withDatabase } from './testing/migration-fixtures.js'

describe.each(dialects)('introspection on %s', (dialect) => {
  it('reads tables, columns and droppable indexes, and leaves the engine tables out', async () => {
    await withDatabase(dialect, async (db) => {
      await db.knex.schema.createTable('objectos_sequences', (t) => t.text('object'))
      await db.knex.schema.createTable('shop', (t) => {
        t.text('id').primary()
        t.text('code').notNullable()
        t.text('city')
        t.unique(['code'], { indexName: 'shop_code_constraint' })
      })
      await db.knex.raw('create index shop_city_code on shop (city, code)')
      const live = await introspect(db.knex, db.dialect)
      expect([...live.tables.keys()]).toEqual(['shop'])
      expect(live.tables.get('shop')).toEqual({
        name: 'shop',
        columns: [
          { name: 'id', sqlType: 'text', nullable: false, primaryKey: true },
          { name: 'code', sqlType: 'text', nullable: false, primaryKey: false },
          { name: 'city', sqlType: 'text', nullable: true, primaryKey: false },
        ],
        indexes: [
          // knex's unique() is a constraint on PostgreSQL: listed too, so it can be compared.
          { name: 'shop_city_code', columns: ['city', 'code'], unique: false },
          { name: 'shop_code_constraint', columns: ['code'], unique: true },
        ],
      })
    })
  })
})

describe('SQLite type affinity', () => {
  it('normalises declared types the way SQLite stores them', () => {
    expect(
      [
        'INTEGER',
        'bigint',
        'VARCHAR(255)',
        'text',
        '',
        'double',
        'float',
        'boolean',
        'datetime',
      ].map(sqliteAffinity),
    ).toEqual(['integer', 'integer', 'text', 'text', 'blob', 'real', 'real', 'numeric', 'numeric'])
  })
})

describe.skipIf(!dialects.includes('postgres'))('concurrent migrations on PostgreSQL', () => {
  it('serialises processes migrating the same schema: one applies, the other finds nothing to do', async () => {
    await withDatabase('postgres', async (db) => {
      const schema = (
        (await db.knex.raw('select current_schema() as s')) as { rows: { s: string }[] }
      ).rows[0]!.s
      const other = await openDatabase({ url: postgresTestUrl, schema, poolSize: 2 })
      try {
        const registry = await app({
          a: 'fields:\n  x: { type: text }\n',
          b: 'fields:\n  y: { type: text }\n',
        })
        const [one, two] = await Promise.all([migrate(db, registry), migrate(other, registry)])
        expect([one.steps.length, two.steps.length].sort()).toEqual([0, 2])
        expect(await readHistory(db.knex)).toHaveLength(1)
      } finally {
        await other.close()
      }
    })
  })
})

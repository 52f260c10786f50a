import { describe, expect, it } from 'vitest'
import { createRecord } from '../data/write/create-record.js'
import { ensureSystemTables } from '../data/schema/system-tables.js'
import type { Registry } from '../registry/registry.js'
import { createHookBus } from '../runtime/hook-bus.js'
import { dialects } from '../testing/test-database.js'
import { migrate } from './apply-plan.js'
import { app, withDatabase } from './testing/migration-fixtures.js'

describe.each(dialects)('renames and autonumbers on %s', (dialect) => {
  it('keeps counting after the object and the autonumber field are renamed', async () => {
    await withDatabase(dialect, async (db) => {
      const create = (registry: Registry, object: string) =>
        createRecord({ db, registry, hooks: createHookBus() }, object, {}, {})
      await ensureSystemTables(db)
      const v1 = await app({
        ticket: "fields:\n  number: { type: autonumber, autonumberFormat: 'T-{000}' }\n",
      })
      await migrate(db, v1)
      await create(v1, 'ticket')
      await create(v1, 'ticket')
      const v2 = await app({
        issue:
          "renamedFrom: ticket\nfields:\n  code: { type: autonumber, autonumberFormat: 'T-{000}', renamedFrom: number }\n",
      })
      await migrate(db, v2)
      const third = await create(v2, 'issue')
      expect(third.code).toBe('T-003')
    })
  })
})

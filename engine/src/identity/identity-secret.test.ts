import { WeakSecret } from '@objectos/errors'
import { describe, expect, it } from 'vitest'
import { dialects, useTestDatabase } from '../testing/test-database.js'
import { resolveSecret, secretSetting, settingsTable } from './identity-secret.js'

describe.each(dialects)('the signing secret on %s', (dialect) => {
  const db = useTestDatabase(dialect)

  it('is made once per database and shared by every process on it', async () => {
    const [first, second] = await Promise.all([resolveSecret(db(), {}), resolveSecret(db(), {})])
    expect(first).toBe(second)
    expect(first.length).toBeGreaterThanOrEqual(32)
    expect(await resolveSecret(db(), {})).toBe(first)
    const rows = (await db().knex(settingsTable).select('key', 'value')) as { key: string }[]
    expect(rows).toEqual([{ key: secretSetting, value: first }])
  })

  it('is OBJECTOS_SECRET when set, and refuses one shorter than 32 characters', async () => {
    const secret = 'a-long-enough-secret-from-the-environment'
    expect(await resolveSecret(db(), { OBJECTOS_SECRET: secret })).toBe(secret)
    await expect(resolveSecret(db(), { OBJECTOS_SECRET: 'short' })).rejects.toSatisfy((error) =>
      WeakSecret.is(error),
    )
  })
})

describe('the generated secret', () => {
  const a = useTestDatabase('sqlite')
  const b = useTestDatabase('sqlite')

  it('differs between databases: there is no default', async () => {
    expect(await resolveSecret(a(), {})).not.toBe(await resolveSecret(b(), {}))
  })
})

/**
 * The `sys_user` columns better-auth does not write, with the values the object's metadata gives
 * them by default (`is_admin: false`, `active: true`), encoded for the dialect — so a user made by
 * sign-up looks exactly like one made through the record service.
 *
 * @example
 *   userDefaults(registry.current(), 'sqlite') // → { is_admin: 0, active: 1 }
 */
import type { Dialect } from '../data/connection/database.js'
import { toColumn } from '../data/values/row-codec.js'
import type { Registry } from '../registry/registry.js'

export const userObject = 'sys_user'

/** The better-auth user fields and the sys_user columns they live in. */
export const userColumns = {
  name: 'name',
  email: 'email',
  emailVerified: 'email_verified',
  image: 'image',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
} as const

export function userDefaults(registry: Registry, dialect: Dialect): Record<string, unknown> {
  const written = new Set<string>(Object.values(userColumns))
  const values: Record<string, unknown> = {}
  for (const field of registry.object(userObject).fields.values()) {
    if (field.source !== 'input' || written.has(field.column)) continue
    if (field.defaultValue?.kind !== 'literal') continue
    values[field.column] = toColumn(field, field.defaultValue.value, dialect)
  }
  return values
}

/** The columns the `sys_user` table has, as the current metadata defines it. */
export function userTableColumns(registry: Registry): ReadonlySet<string> {
  return new Set([...registry.object(userObject).fields.values()].map((field) => field.column))
}

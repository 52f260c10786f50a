/**
 * What the read path asks while it compiles a query for a principal: may this field be read
 * (and so filtered, sorted, grouped, aggregated, selected)? Which rows of this object may be
 * read? One guard per call; the system's reads have none and see everything.
 *
 * @example
 *   const guard = readGuard(registry, principal, dialect)
 *   guard.checkField(object, field, 'filter on')   // FieldAccessDenied (403) when unreadable
 *   where.push(guard.rows(object, object.table))     // the row predicate, if any
 */
import { FieldAccessDenied, ObjectAccessDenied } from '@objectos/errors'
import type { FieldNode } from '../../ir/field-node.js'
import type { ObjectNode } from '../../ir/object-node.js'
import type { Registry } from '../../registry/registry.js'
import type { Dialect } from '../connection/database.js'
import { andAll, type SqlFragment } from '../query/sql-fragment.js'
import { trailPredicate } from './audit-field-access.js'
import { objectAccess, type ObjectAccess } from './object-access.js'
import type { Principal } from './principal.js'
import { rowPredicate } from './row-access.js'

export interface ReadGuard {
  readonly principal: Principal
  /** The object's access; ObjectAccessDenied (403) when the principal may not read it. */
  object(object: ObjectNode): ObjectAccess
  /** FieldAccessDenied (403) unless the field is readable. `action`: "filter on", "sort by", … */
  checkField(object: ObjectNode, field: FieldNode, action: string): void
  /** The fields of `object` the principal may read, in declaration order. */
  readableFields(object: ObjectNode): string[]
  /** The read predicate for `object`'s rows under `qualifier`, or undefined for every row. */
  rows(object: ObjectNode, qualifier: string): SqlFragment | undefined
}

export function readGuard(registry: Registry, principal: Principal, dialect: Dialect): ReadGuard {
  const accessOf = (object: ObjectNode): ObjectAccess => {
    const access = objectAccess(registry, principal, object.name)
    if (!access.read) throw ObjectAccessDenied.create('read', object.name)
    return access
  }
  return {
    principal,
    object: accessOf,
    checkField(object, field, action) {
      if (!accessOf(object).readable.has(field.name)) {
        throw FieldAccessDenied.create(action, object.name, field.name)
      }
    },
    readableFields(object) {
      const access = accessOf(object)
      return [...object.fields.keys()].filter((name) => access.readable.has(name))
    },
    rows(object, qualifier) {
      const access = accessOf(object)
      const rows = rowPredicate(access, principal, qualifier, 'read', dialect)
      // The audit trail also hides what it records of fields the principal may not read.
      const trail = trailPredicate(access, principal, qualifier, dialect)
      if (trail === undefined) return rows
      return rows === undefined ? trail : andAll([rows, trail])
    },
  }
}
